"""Production settings: every secret from the environment, `check --deploy` clean, and a
missing variable stops start-up with a message naming it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "platform.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-grade-secret-key-for-the-check-only-0123456789",
    "BASE_DOMAIN": "smartcity.example.go.id",
    "DATABASE_URL": "postgres://smartcity@127.0.0.1:5432/smartcity",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_check_deploy_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_environment_variable_is_named():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Environment variable DATABASE_URL is not set" in result.stderr


def test_indonesian_is_the_default_even_for_an_english_browser(db, client):
    response = client.get("/accounts/login/", HTTP_HOST="sc100.test", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert "Lupa kata sandi?" in response.content.decode()


def test_language_switch_gives_english(db, client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"}, HTTP_HOST="sc100.test")
    response = client.get("/accounts/login/", HTTP_HOST="sc100.test")
    assert response["Content-Language"] == "en"
    assert "Forgot your password?" in response.content.decode()
