"""Where the public copies of a submission's logo and photos live.

Not the tenant-aware default storage: these files belong to the public layer whichever
schema is active when they are written (the workspace's task) or read (the apex page, the
deck builder), so they live in one fixed directory, the public schema's media directory.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def public_storage() -> FileSystemStorage:
    return FileSystemStorage(location=os.path.join(settings.MEDIA_ROOT, "public"), base_url=None)
