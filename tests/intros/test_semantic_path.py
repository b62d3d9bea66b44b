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


@pytest.mark.skipif(bundled_model_path() is None, reason="optional extra 'semantic' absent")
def test_asking_the_network_with_the_semantic_path_keeps_its_index_in_the_shared_cache(
    settings, world
):
    # The index goes through the cache by pickling (in-process or Redis): the encoder's
    # native engine must not make asking the network fail.
    from django.core.cache import cache

    from passerelles.intros import ask

    settings.SEMANTIC = "auto"
    settings.SEMANTIC_MODEL = ""
    cache.delete(ask.SHARED_KEY)
    ask._cached = None
    try:
        answers = ask.ask(world["marc"], "un directeur financier à temps partiel")
        assert any(a.profile.user == world["sophie"] for a in answers)
        shared = cache.get(ask.SHARED_KEY)
        assert shared is not None and shared.model.semantic is not None
        again = shared.model.semantic.encode(["direction financière"])
        assert again.shape[0] == 1 and abs(float((again**2).sum()) - 1.0) < 1e-4
    finally:
        ask._cached = None
        cache.delete(ask.SHARED_KEY)
