"""The Django project package of Smart City 100.

The product owner asked for a top-level package named ``platform``, which shadows the
standard library module of the same name (``uuid``, Celery, pip and many others do
``import platform; platform.system()``).  This package therefore *is* a faithful copy of
the standard module as well: at import time it loads the real ``platform.py`` from the
standard library under a private name and re-exports every attribute, so code that expects
the standard module keeps working while ``platform.settings``, ``platform.celery`` … remain
importable sub-modules.

Always start processes with ``python -m …`` from the repository root (as ``deploy/dev.sh``
does) so this package is found before anything imports the standard module.
"""

import importlib.util as _importlib_util
import os as _os
import sysconfig as _sysconfig


def _load_stdlib_platform():
    path = _os.path.join(_sysconfig.get_paths()["stdlib"], "platform.py")
    spec = _importlib_util.spec_from_file_location("_stdlib_platform", path)
    module = _importlib_util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_stdlib_platform = _load_stdlib_platform()
globals().update(
    {
        name: value
        for name, value in vars(_stdlib_platform).items()
        if not (name.startswith("__") and name.endswith("__"))
    }
)
