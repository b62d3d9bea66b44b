"""A small site without Redis builds the "ask the network" index on the page that first
needs it: the members' texts embedded then are kept on disk for the next build, process
or start; the question asked is still never written."""

import pytest

from passerelles.engine.semantic import bundled_model_path, fold
from passerelles.intros import matching_data
from passerelles.members.models import Profile

QUESTION = "un directeur financier à temps partiel"


@pytest.fixture
def store_in(tmp_path, monkeypatch, settings):
    from django.core.cache import cache

    from passerelles.intros import ask

    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path))
    settings.SEMANTIC = "auto"
    settings.SEMANTIC_MODEL = ""
    settings.INDEXES_BUILT_BY = "web"  # no scheduler: the page builds the index
    matching_data.semantic_encoder.cache_clear()
    cache.delete(ask.SHARED_KEY)
    ask._cached = None
    yield
    ask._cached = None
    cache.delete(ask.SHARED_KEY)
    matching_data.semantic_encoder.cache_clear()


@pytest.mark.skipif(bundled_model_path() is None, reason="optional extra 'semantic' absent")
def test_an_index_built_for_a_question_keeps_the_members_texts_not_the_question(store_in, world):
    from passerelles.intros import ask

    answers = ask.ask(world["marc"], QUESTION)
    assert any(a.profile.user == world["sophie"] for a in answers)
    store = matching_data.semantic_encoder().store
    assert store is not None
    offers = [
        fold(text)
        for text in Profile.objects.filter(user__intro_preference__consent=True)
        .exclude(offers="")
        .values_list("offers", flat=True)
    ]
    assert offers and set(store.get(offers)) == set(offers)
    assert store.get([fold(QUESTION)]) == {}
