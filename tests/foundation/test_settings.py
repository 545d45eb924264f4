"""Settings come from the environment; a bad value stops start-up with a clear message."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLEAN_ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DEBUG", "SECRET_KEY", "PUBLIC_READ"}
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**CLEAN_ENV, "DATA_DIR": "/tmp/parley-settings-test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DATABASE_URL", "mysql://root@localhost/parley", "DATABASE_URL has the scheme 'mysql'"),
        ("REDIS_URL", "http://localhost:6379", "REDIS_URL='http://localhost:6379' must start with redis://"),
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("PUBLIC_READ", "sometimes", "PUBLIC_READ='sometimes' is not a boolean"),
        ("FETCH_MAX_BYTES", "lots", "FETCH_MAX_BYTES='lots' is not a whole number"),
        ("FETCH_PRIVATE_ALLOWLIST", "10.0.0.0/8,intranet", "FETCH_PRIVATE_ALLOWLIST has 'intranet'"),
    ],
)
def test_a_bad_setting_stops_start_up_with_a_message_naming_it(variable, value, message):
    result = run_manage("check", **{variable: value})

    assert result.returncode != 0
    assert message in result.stderr


def test_production_needs_a_secret_key():
    result = run_manage("check", DEBUG="false", ALLOWED_HOSTS="parley.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="parley.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_defaults_run_on_sqlite_with_tasks_in_process():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; from config.celery import app; "
        "print(settings.DATABASES['default']['ENGINE'], app.conf.task_always_eager)",
    )

    assert result.returncode == 0, result.stderr
    assert "django.db.backends.sqlite3 True" in result.stdout


def test_database_and_redis_urls_switch_to_the_real_stack():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; from config.celery import app; "
        "print(settings.DATABASES['default']['ENGINE'], app.conf.task_always_eager, app.conf.broker_url)",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/parley",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )

    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql False redis://127.0.0.1:6379/3" in result.stdout


def test_models_and_migrations_agree():
    result = run_manage("makemigrations", "--check", "--dry-run")

    assert result.returncode == 0, result.stdout + result.stderr
