"""The ``platform`` package shadows the standard library module and must stand in for it."""

import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_platform_package_reexports_the_standard_module():
    import platform

    assert hasattr(platform, "__path__"), "the project package must be the one imported"
    assert platform.system() == "Linux"
    assert platform.python_version().startswith("3.12")
    assert platform.machine()
    assert platform.uname().system == "Linux"


def test_uuid_and_celery_work_beside_the_package():
    assert uuid.uuid1().version == 1
    import celery  # noqa: F401 (imports platform)

    from platform.celery import app

    assert app.main == "smartcity"


def test_fresh_interpreter_from_repo_root_sees_both_sides():
    code = (
        "import platform, uuid, platform.settings.env;"
        "print(platform.system(), uuid.uuid4().version, hasattr(platform, '__path__'))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Linux", "4", "True"]


def test_pip_still_runs_from_repo_root():
    out = subprocess.run([sys.executable, "-m", "pip", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("pip ")
