"""Settings: ``base`` holds everything, ``local``/``test``/``production`` only what differs.

Every value that changes between machines is read from the environment in ``env.py``.
"""
