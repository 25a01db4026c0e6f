"""Deployment of Smart City 100: the local stack, production configurations, benchmarks, and
``deploy.demo``, the demo data that sits above every app."""
