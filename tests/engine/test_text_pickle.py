"""A fitted model read back from a pickle (the "ask" index in a shared cache, read by
other processes) encodes texts as the original does."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.text import RelevanceModel

TEXTS = [
    "La tempête a arraché la toiture de l'atelier cette nuit.",
    "Couvreur : réparation de toitures après sinistre, bâchage en urgence.",
    "Nos camions frigorifiques tombent en panne et la chaîne du froid casse.",
    "Transport sous température dirigée pour l'agroalimentaire.",
    "Le standard ne décroche plus le midi et les clients raccrochent.",
    "Permanence téléphonique externalisée : accueil des appels, prise de messages.",
    "Cabinet d'expertise comptable : bilans et liasses fiscales.",
    "Un salarié conteste son licenciement devant les prud'hommes.",
]


@pytest.mark.parametrize("situations", [True, False])
def test_a_pickled_model_encodes_as_the_original(situations):
    model = RelevanceModel(situations=situations).fit(TEXTS)
    copy = pickle.loads(pickle.dumps(model))
    assert np.array_equal(copy.encode(TEXTS).toarray(), model.encode(TEXTS).toarray())
    assert copy.situations_met(TEXTS[0], TEXTS[1]) == model.situations_met(TEXTS[0], TEXTS[1])
    assert copy.matched_terms(TEXTS[2], TEXTS[3]) == model.matched_terms(TEXTS[2], TEXTS[3])


_MODEL = RelevanceModel().fit(TEXTS)
_COPY = pickle.loads(pickle.dumps(_MODEL))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(" ".join(TEXTS).split()), min_size=1, max_size=12))
def test_any_text_is_encoded_alike_after_a_pickle(words):
    text = " ".join(words)
    assert np.array_equal(_COPY.encode([text]).toarray(), _MODEL.encode([text]).toarray())


def test_a_model_pickled_before_the_services_block_reads_back_without_it():
    # an index stored in the shared cache by the previous version, read after an upgrade
    model = RelevanceModel().fit(TEXTS)
    state = model.__getstate__()
    del state["service_weight"], state["_services"]
    older = RelevanceModel.__new__(RelevanceModel)
    older.__setstate__(state)
    assert older.service_weight == 0.0
    assert np.array_equal(older.encode(TEXTS).toarray(), model.encode(TEXTS).toarray())
    for need, offer in zip(TEXTS[::2], TEXTS[1::2], strict=True):
        assert older.situations_met(need, offer) == model.situations_met(need, offer)
