"""The circle's dashboard as a PDF for the board: key figures, then one row per
indicator and one column per quarter (A4 landscape)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from passerelles.core import french
from passerelles.core.numbers import written
from passerelles.core.pdf import DocumentPDF
from passerelles.insights import board, charts
from passerelles.insights.queries import CircleReport


def _number(value: float | None, places: int = 0) -> str:
    if value is None:
        return "—"
    return written(value, places)


def key_figures(report: CircleReport, summary: dict) -> list[str]:
    """The dashboard's headline figures, each labelled with the period it covers."""
    period = _("sur les %(n)s trimestres") % {"n": len(report.quarters)}
    last = report.quarters[-1] if report.quarters else None
    lines = []
    share = summary["share_out"]
    if share.value is not None:
        lines.append(
            _("Liens qui sortent du cercle (%(q)s) : %(v)s")
            % {"q": share.label, "v": charts.percent(share.value)}
        )
    ei = summary["ei"]
    if ei.value is not None:
        lines.append(
            _("Ouverture du cercle (indice E-I, de −1 fermé à +1 ouvert) : %(v)s")
            % {"v": _number(ei.value, 2)}
        )
    wait = summary["vouch_wait"]
    if wait.value is not None:
        text = (
            _(
                "Attente médiane de la première recommandation, attentes en cours comprises "
                "(%(q)s) : plus de %(v)s jours"
            )
            if wait.above
            else _(
                "Attente médiane de la première recommandation, attentes en cours comprises "
                "(%(q)s) : %(v)s jours"
            )
        )
        lines.append(text % {"q": wait.label, "v": _number(wait.value)})
    if summary.get("still_waiting") and summary.get("longest_waiting") is not None:
        lines.append(
            ngettext(
                "%(n)s personne encore en attente, depuis %(days)s jours",
                "%(n)s personnes encore en attente, la plus longue depuis %(days)s jours",
                summary["still_waiting"],
            )
            % {"n": summary["still_waiting"], "days": _number(summary["longest_waiting"])}
        )
    lines.append(
        _("Rencontres attestées %(period)s : %(n)s") % {"period": period, "n": summary["meetings"]}
    )
    if summary.get("return_on_dues") is not None:
        lines.append(
            _("Opportunités face aux cotisations, %(period)s : × %(v)s")
            % {"period": period, "v": _number(summary["return_on_dues"], 1)}
        )
    if last is not None and last.return_on_dues is not None:
        lines.append(
            _("Opportunités face aux cotisations, %(q)s : × %(v)s")
            % {"q": last.quarter.label, "v": _number(last.return_on_dues, 2)}
        )
    return lines


def board_pdf(report: CircleReport, summary: dict) -> bytes:
    pdf = DocumentPDF(orientation="L")
    pdf.add_page()
    circle = report.circle
    generated = timezone.localtime(report.generated_at)
    pdf.write_line(circle.name, size=10)
    pdf.write_line(_("Tableau de bord du cercle"), size=20, bold=True, height=10)
    first = report.quarters[0].quarter.label if report.quarters else "—"
    since = _("Du %(first)s au trimestre en cours") % {"first": first}
    day = _("chiffres du %(d)s") % {"d": french.format_date(generated, "j F Y")}
    pdf.write_line(f"{since} · {day}", size=10)
    pdf.ln(3)
    for line in key_figures(report, summary):
        pdf.write_line(f"• {line}", size=11)
    pdf.ln(4)
    pdf.set_font(pdf.family, "", 8)
    rows = board.by_indicator(report.quarters)
    header = [_("Indicateur"), *(str(f.quarter.label) for f in report.quarters)]
    widths = (70, *([(pdf.epw - 70) / max(1, len(report.quarters))] * len(report.quarters)))
    with pdf.table(col_widths=widths, text_align=("LEFT", *["RIGHT"] * len(report.quarters))) as t:
        t.row([pdf.plain_text(h) for h in header])
        for row in rows:
            t.row([pdf.plain_text(row["title"]), *(pdf.plain_text(c) for c in row["cells"])])
    pdf.ln(3)
    pdf.write_line(
        _(
            "Un lien est une recommandation active ou une rencontre attestée par les deux "
            "personnes ; il sort du cercle quand l'autre personne n'en est pas membre. "
            "Cotisations du trimestre : membres × cotisation annuelle ÷ 4."
        ),
        size=8,
        height=4,
    )
    return bytes(pdf.output())
