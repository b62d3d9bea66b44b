"""The table plan as a PDF: a page per round (its tables), one line per participant, then
a card per participant with a QR code of their personal « Mes tables » link, to hand out
or leave at the welcome desk: a phone shows them their tables without signing in."""

import io

import segno
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from passerelles.core.links import absolute_url
from passerelles.core.pdf import DocumentPDF
from passerelles.events.links import tables_path
from passerelles.events.models import Event, Registration, RegistrationStatus, TablePlan
from passerelles.events.plans import changes_since, people_view, round_moments, rounds_view

CARD_COLUMNS, CARD_ROWS = 3, 4  # twelve cards of 63 x 68 mm on an A4 page
CARD_WIDTH, CARD_HEIGHT, QR_SIZE = 63.0, 68.0, 42.0


def tables_cards(event: Event, plan: TablePlan) -> list[tuple[str, str]]:
    """(name, personal link) of each participant of the plan holding a place, by name."""
    registrations = {
        r.user_id: r
        for r in Registration.objects.filter(
            event=event, user_id__in=plan.participants, status=RegistrationStatus.REGISTERED
        )
    }
    return [
        (line["user"].display_name, absolute_url(tables_path(registrations[line["user"].pk])))
        for line in people_view(plan)
        if line["user"].pk in registrations
    ]


def _qr_png(url: str) -> io.BytesIO:
    image = io.BytesIO()
    segno.make(url, error="m", micro=False).save(image, kind="png", scale=8, border=2)
    image.seek(0)
    return image


def _cards(pdf: DocumentPDF, heading: str, cards: list[tuple[str, str]]) -> None:
    per_page = CARD_COLUMNS * CARD_ROWS
    for start in range(0, len(cards), per_page):
        pdf.add_page()
        pdf.write_line(heading, size=10)
        pdf.write_line(_("Mes tables sur votre téléphone"), size=16, bold=True, height=9)
        top = pdf.get_y() + 2
        for k, (name, url) in enumerate(cards[start : start + per_page]):
            x = pdf.l_margin + (k % CARD_COLUMNS) * CARD_WIDTH
            y = top + (k // CARD_COLUMNS) * CARD_HEIGHT
            pdf.rect(x + 1, y, CARD_WIDTH - 2, CARD_HEIGHT - 2)
            pdf.set_xy(x + 2, y + 2)
            pdf.set_font(pdf.family, "B", 10)
            pdf.multi_cell(CARD_WIDTH - 4, 5, pdf.plain_text(name), align="C", max_line_height=5)
            pdf.image(_qr_png(url), x=x + (CARD_WIDTH - QR_SIZE) / 2, y=y + 13, w=QR_SIZE)
            pdf.set_xy(x + 2, y + 13 + QR_SIZE + 1)
            pdf.set_font(pdf.family, "", 8)
            pdf.multi_cell(
                CARD_WIDTH - 4, 4, pdf.plain_text(_("Scannez pour voir vos tables")), align="C"
            )


def round_table(round_number: int, table: object) -> str:
    """« T1 : 4 » in French (a narrow no-break space before the colon), « R1: 4 » in English:
    the table of one round in the printed plan's list of participants."""
    label = pgettext("round and table number on the printed plan", "T%(round)s\u202f: %(table)s")
    return label % {"round": round_number, "table": table}


def plan_pdf(event: Event, plan: TablePlan) -> bytes:
    pdf = DocumentPDF()
    when = timezone.localtime(event.starts_at)
    heading = f"{event.title} - {when:%d/%m/%Y %H:%M}"
    changes = changes_since(plan)
    stale = ""
    if changes:
        stale = _(
            "Plan à refaire : %(left)s place(s) libérée(s), %(arrived)s personne(s) "
            "inscrite(s) depuis ce plan."
        ) % {"left": len(changes.left), "arrived": len(changes.arrived)}
    left_mark = _(" (a libéré sa place)")
    moments = round_moments(event, len(plan.tables))
    for round_, (starts_at, _question) in zip(rounds_view(plan), moments, strict=True):
        pdf.add_page()
        pdf.write_line(heading, size=10)
        title = _("Tour %(n)s") % {"n": round_["number"]}
        if starts_at is not None:  # the round's moment in the programme, in its evening order
            title = f"{title} - {starts_at:%H:%M}"
        pdf.write_line(title, size=20, bold=True, height=10)
        if stale:
            pdf.write_line(stale, size=10, bold=True)
        for table in round_["tables"]:
            title = _("Table %(n)s") % {"n": table["number"]}
            if table["theme"]:
                title = f"{title} - {table['theme']}"
            pdf.ln(2)
            pdf.write_line(title, size=13, bold=True, height=7)
            for user in table["people"]:
                circle = f" ({user.circle_name})" if user.circle_name else ""
                if user.has_left:
                    circle = left_mark
                pdf.write_line(f"  {user.display_name}{circle}", size=11, height=5.5)
    pdf.add_page()
    pdf.write_line(heading, size=10)
    pdf.write_line(_("Participants"), size=20, bold=True, height=10)
    for line in people_view(plan):
        tables = " | ".join(
            round_table(r + 1, t if t else "-") for r, t in enumerate(line["tables"])
        )
        name = line["user"].display_name + (left_mark if line["has_left"] else "")
        pdf.write_line(f"{name} - {tables}", size=10, height=5.5)
    _cards(pdf, heading, tables_cards(event, plan))
    return bytes(pdf.output())
