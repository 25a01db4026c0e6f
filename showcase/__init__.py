"""The November showcase (public schema): the event, its stages and presenting regions.

Its parts are apps of their own, so that each grows in its own files and migrations:
``showcase`` (the event and its agenda), ``showcase.regional`` (a region's preparation in
its workspace), ``showcase.profiles`` (the submitted profile, as the public layer reads it),
``showcase.decks`` (the template and the generated decks) and ``showcase.live`` (the
run-of-show of the day).
"""
