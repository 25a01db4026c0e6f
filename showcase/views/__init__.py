"""Pages of the showcase: the admin pages of the national layer (``events``, ``agenda``) and
the public pages of a published agenda (``public``)."""
