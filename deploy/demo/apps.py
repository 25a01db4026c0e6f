"""The demo data of the local stack (``manage.py seed_demo``).

It sits above every app: it is the one place allowed to know them all, so the core
(``platform``, ``tenants``, ``api``) never imports a domain app to seed one. Each app keeps its
own demo content in its ``demo.py``; this app calls them in order.
"""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "deploy.demo"
    label = "demo"
    verbose_name = "Demo"
