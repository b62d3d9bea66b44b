"""The dashboard's figures by quarter read with the page's decimal separator: « 3,00 » on
the French page, « 3.00 » on the English one (it showed « 3,00 » and « 0,60 » in English);
the CSV keeps the decimal comma of French spreadsheets."""

from django.urls import reverse

from tests.insights.test_views import business_quarter, world  # noqa: F401 (fixtures)


def _board(client, slug: str) -> str:
    html = client.get(reverse("insights:circle", args=[slug]) + "?trimestres=4").content.decode()
    return html.split('id="board-title"', 1)[1].split("</table>", 1)[0]


def test_figures_by_quarter_in_the_pages_language(client, business_quarter):  # noqa: F811
    slug = business_quarter["club"].slug
    french = _board(client, slug)
    client.cookies["django_language"] = "en"
    english = _board(client, slug)
    assert "<td>3,00</td>" in french and "<td>3.00</td>" not in french
    assert "<td>3.00</td>" in english and "<td>3,00</td>" not in english


def _charts(club, language: str) -> dict:
    from django.utils import translation

    from passerelles.insights import charts, queries

    with translation.override(language):
        return charts.circle_charts(queries.circle_report(club, count=4))


def test_charts_speak_the_readers_numbers(business_quarter):  # noqa: F811
    """The English dashboard's charts showed « 100 % » and « 1,000 € » (French spacing and
    sign after the amount) and « Opportunities (€) : 900 € » in their labels."""
    club = business_quarter["club"]
    french, english = _charts(club, "fr"), _charts(club, "en")
    ticks = {
        lang: [t["text"] for t in c["value"]["grid"]]
        for lang, c in (("fr", french), ("en", english))
    }
    assert "1\u00a0000 €" in ticks["fr"] and "€1,000" in ticks["en"]
    assert [t["text"] for t in english["insularity"]["grid"]][-1] == "100%"
    assert [t["text"] for t in french["insularity"]["grid"]][-1] == "100 %"
    labels = [b["label"] for b in english["value"]["bars"]]
    assert "Q2 2025 — Opportunities (€): €900" in labels
    assert "T2 2025 — Opportunités (€) : 900 €" in [b["label"] for b in french["value"]["bars"]]
    assert english["value"]["table"]["rows"][-1]["cells"] == ["€900", "€300"]


def test_board_pdf_key_figures_in_the_readers_language(business_quarter):  # noqa: F811
    from django.utils import translation

    from passerelles.insights import queries
    from passerelles.insights.pdf import key_figures

    report = queries.circle_report(business_quarter["club"], count=4)
    with translation.override("en"):
        english = key_figures(report, queries.circle_summary(report))
    with translation.override("fr"):
        french = key_figures(report, queries.circle_summary(report))
    assert "Ties leaving the circle (Q2 2025): 100%" in english
    assert "Opportunities against dues, Q2 2025: × 3.00" in english
    assert not any("3,00" in line or " %" in line for line in english)
    assert "Liens qui sortent du cercle (T2 2025) : 100 %" in french
    assert "Opportunités face aux cotisations, T2 2025 : × 3,00" in french


def test_dashboard_headline_share_in_the_readers_language(client, business_quarter):  # noqa: F811
    url = reverse("insights:circle", args=[business_quarter["club"].slug]) + "?trimestres=4"
    assert '<p class="stat u-m-0">100 %</p>' in client.get(url).content.decode()
    client.cookies["django_language"] = "en"
    assert '<p class="stat u-m-0">100%</p>' in client.get(url).content.decode()
