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
