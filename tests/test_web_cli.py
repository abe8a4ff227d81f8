"""``sayso serve`` refuses bad settings with one line and the documented exit code, and an app
whose model cannot load answers /analyze with that reason instead of hanging."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from sayso.errors import EXIT_MODEL, EXIT_STORE, EXIT_USAGE
from sayso.web import Settings, create_app


def serve(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sayso", "serve", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd, check=False)


@pytest.mark.parametrize("args, code, needle", [
    (["--store", "missing.duckdb"], EXIT_STORE, "no such store"),
    (["--model", "no_such_pipeline_xyz"], EXIT_MODEL, "no_such_pipeline_xyz"),
    (["--workers", "0"], EXIT_USAGE, "--workers"),
    (["--max-body", "0"], EXIT_USAGE, "--max-body"),
    (["--timeout", "0"], EXIT_USAGE, "--timeout"),
    (["--timeout", "nan"], EXIT_USAGE, "--timeout"),
    (["--timeout", "inf"], EXIT_USAGE, "--timeout"),
    (["--timeout", "1e7"], EXIT_USAGE, "at most 86,400"),
])
def test_bad_settings_fail_before_serving(tmp_path, args, code, needle):
    result = serve(*args, cwd=tmp_path)
    assert result.returncode == code
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("timeout", [float("nan"), float("inf"), 0, -1.5, 86_401, "30", None])
def test_settings_refuse_a_timeout_no_analysis_can_have(timeout):
    """Only the --timeout flag was checked: create_app(Settings(timeout=nan)) built an app whose
    every analysis failed with a 500 and had its worker killed."""
    with pytest.raises(ValueError, match=r"^timeout: ") as refused:
        Settings(timeout=timeout)
    assert "\n" not in str(refused.value)
    if isinstance(timeout, float):
        assert str(refused.value) == (f"timeout: {timeout:g} is out of range: it must be above "
                                      "0 and at most 86,400 seconds (a day)")


@pytest.mark.parametrize("field,value", [("workers", 0), ("workers", 2.5), ("queue", -1),
                                         ("max_body", 0), ("max_body", "2MB")])
def test_settings_refuse_limits_no_server_can_work_with(field, value):
    """Only the serve flags checked these: Settings(workers=0) made a pool with no process."""
    with pytest.raises(ValueError) as refused:
        Settings(**{field: value})
    assert str(refused.value).startswith(f"{field}: {value!r} is not a whole number")
    assert Settings(workers=1, queue=0, max_body=1).queue == 0


def test_the_timeout_flag_follows_the_rule_of_the_settings(tmp_path):
    """One rule: the flag refuses what Settings refuse, in the same words."""
    with pytest.raises(ValueError) as refused:
        Settings(timeout=float("nan"))
    result = serve("--timeout", "nan", cwd=tmp_path)
    assert result.returncode == EXIT_USAGE
    assert result.stderr.startswith("sayso serve: error: argument --timeout: "
                                    + str(refused.value).removeprefix("timeout: "))
    assert Settings(timeout=86_400).timeout == 86_400.0


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve("--port", str(port), "--workers", "1", cwd=tmp_path)
    assert result.returncode == EXIT_USAGE
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("not a database")
    result = serve("--store", str(bogus))
    assert result.returncode == EXIT_STORE and "Traceback" not in result.stderr


def test_unloadable_model_is_reported_by_analyze():
    app = create_app(Settings(workers=1, model="no_such_pipeline_xyz"))
    with TestClient(app) as client:
        first = client.post("/analyze", json={"text": "Ann said it was fine."})
        again = client.post("/analyze", json={"text": "Ann said it was fine."})
    for r in (first, again):
        assert r.status_code == 500
        assert "no_such_pipeline_xyz" in r.json()["detail"] and "\n" not in r.json()["detail"]
