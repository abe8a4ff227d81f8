"""Shared fixtures: the spaCy pipeline loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sayso" / "examples"


@pytest.fixture(scope="session")
def nlp():
    from sayso.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The development data beside the project; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED
