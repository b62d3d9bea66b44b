"""A round quotes, for each pair, the line of a need (or offer) that met: encoding each
line once for the whole round must quote the very lines the model itself would."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.reasons import parts_by_score
from passerelles.engine.text import RelevanceModel
from passerelles.intros.rounds import PartRows

LINES = [
    "Je cherche un expert-comptable pour notre PME industrielle.",
    "Nous exportons vers l'Allemagne et cherchons un transitaire.",
    "J'accompagne les PME qui exportent vers l'Allemagne.",
    "Expertise comptable, fiscalité des entreprises et paie.",
    "Un local commercial à Lyon, près de la gare.",
    "Recrutement de techniciens de maintenance.",
    "Nous recrutons des soudeurs et des chaudronniers.",
    "Conseil en levée de fonds et financement bancaire.",
]
MODEL = RelevanceModel().fit(LINES * 3)
texts = st.lists(st.sampled_from(LINES), min_size=1, max_size=4).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=6))
def test_lines_encoded_once_quote_what_the_model_quotes(questions):
    kept = PartRows(MODEL)
    for text, other in questions:  # the rows kept from earlier pairs serve the next ones
        assert parts_by_score(kept, text, other) == parts_by_score(MODEL, text, other)


@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=8))
def test_kept_rows_are_the_models_rows(lines):
    kept = PartRows(MODEL)
    kept.keep(lines[::2])
    got, expected = kept.encode(lines), MODEL.encode(lines)
    assert np.array_equal(got.toarray(), expected.toarray())
