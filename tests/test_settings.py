import os
import subprocess
import sys


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "SAMSPIL_HTTPS": "true",
        "SECRET_KEY": "x7#tq" * 12,
        "ALLOWED_HOSTS": "samspil.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "samspil.settings",
    }

    result = subprocess.run(
        [sys.executable, "-m", "samspil", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, "SAMSPIL_HTTPS": "true", "DJANGO_SETTINGS_MODULE": "samspil.settings"}
    env.pop("SECRET_KEY", None)

    result = subprocess.run(
        [sys.executable, "-m", "samspil", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "Set SECRET_KEY" in result.stderr
