"""The printed plan's list of participants gives each one's table per round in the page's
language, with its typography: « T1 : 4 » in French (a narrow no-break space before the
colon), « R1: 4 » in English."""

import pytest
from django.utils import translation

from passerelles.core.pdf import DocumentPDF
from passerelles.events import plans
from passerelles.events.pdf import plan_pdf
from tests.events.test_plans import evening  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [("fr", "T1\u202f: ", " | T2\u202f: "), ("en", "R1: ", " | R2: ")],
)
def test_each_participants_tables_in_the_pages_language(
    evening,  # noqa: F811
    monkeypatch,
    language,
    first,
    second,
):
    plan = plans.do_generate_plan(evening, acting_user=evening.created_by, table_size="6", rounds=2)
    written = []
    original = DocumentPDF.write_line

    def write_line(self, value, *args, **kwargs):
        written.append(str(value))
        return original(self, value, *args, **kwargs)

    monkeypatch.setattr(DocumentPDF, "write_line", write_line)
    with translation.override(language):
        plan_pdf(evening, plan)
    after = written[written.index("Participants") + 1 :]
    people = after[: after.index(written[0])]  # until the cards' page, under the same heading
    assert len(people) == 24
    for line in people:
        tables = line.rsplit(" - ", 1)[1]
        assert tables.startswith(first), line
        assert second in tables, line
        # Never the other language's label, nor a colon glued to a plain space in French.
        assert ("R1" in tables) == (language == "en")
        assert (" : " in tables) is False
