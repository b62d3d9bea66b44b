"""The product mixes in the semantic path when the optional extra is installed."""

import pytest

from passerelles.engine.semantic import bundled_model_path
from passerelles.intros import matching_data

CORPUS = ["Expert-comptable pour artisans", "Je cherche quelqu'un pour tenir mes comptes"]


@pytest.fixture(autouse=True)
def fresh_encoder():
    matching_data.semantic_encoder.cache_clear()
    yield
    matching_data.semantic_encoder.cache_clear()


def test_off_keeps_to_the_lexical_model(settings):
    settings.SEMANTIC = "off"
    assert matching_data.fit_model(CORPUS).semantic is None


@pytest.mark.skipif(bundled_model_path() is None, reason="optional extra 'semantic' absent")
def test_auto_uses_the_installed_model_within_the_size_limit(settings):
    settings.SEMANTIC = "auto"
    settings.SEMANTIC_MODEL = ""
    assert matching_data.fit_model(CORPUS).semantic is not None
    settings.SEMANTIC_MAX_TEXTS = 1
    assert matching_data.fit_model(CORPUS).semantic is None


def test_a_named_model_that_is_missing_is_an_error(settings, tmp_path):
    settings.SEMANTIC = "auto"
    settings.SEMANTIC_MODEL = str(tmp_path / "absent.bin")
    with pytest.raises(FileNotFoundError):
        matching_data.fit_model(CORPUS)
