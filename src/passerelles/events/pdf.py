"""The table plan as a PDF: a page per round (its tables), then one line per participant."""

import unicodedata
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from passerelles.events.models import Event, TablePlan
from passerelles.events.plans import people_view, rounds_view

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


class _PlanPDF(FPDF):
    def __init__(self):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.unicode = DEJAVU.exists()
        if self.unicode:
            self.add_font("DejaVu", "", str(DEJAVU))
            self.add_font("DejaVu", "B", str(DEJAVU_BOLD if DEJAVU_BOLD.exists() else DEJAVU))
            self.family = "DejaVu"
        else:
            self.family = "Helvetica"
        self.set_auto_page_break(auto=True, margin=15)

    def text(self, value) -> str:  # noqa: D102 (plain text, transliterated without Unicode font)
        value = str(value)
        if self.unicode:
            return value
        value = value.replace("’", "'").replace("…", "...").replace("–", "-").replace("—", "-")
        ascii_text = unicodedata.normalize("NFKD", value).encode("latin-1", "ignore")
        return ascii_text.decode("latin-1")

    def write_line(self, value, size=11, bold=False, height=6):
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, height, self.text(value), new_x="LMARGIN", new_y="NEXT")


def plan_pdf(event: Event, plan: TablePlan) -> bytes:
    pdf = _PlanPDF()
    when = timezone.localtime(event.starts_at)
    heading = f"{event.title} - {when:%d/%m/%Y %H:%M}"
    for round_ in rounds_view(plan):
        pdf.add_page()
        pdf.write_line(heading, size=10)
        pdf.write_line(_("Tour %(n)s") % {"n": round_["number"]}, size=20, bold=True, height=10)
        for table in round_["tables"]:
            title = _("Table %(n)s") % {"n": table["number"]}
            if table["theme"]:
                title = f"{title} - {table['theme']}"
            pdf.ln(2)
            pdf.write_line(title, size=13, bold=True, height=7)
            for user in table["people"]:
                circle = f" ({user.circle_name})" if user.circle_name else ""
                pdf.write_line(f"  {user.display_name}{circle}", size=11, height=5.5)
    pdf.add_page()
    pdf.write_line(heading, size=10)
    pdf.write_line(_("Participants"), size=20, bold=True, height=10)
    for line in people_view(plan):
        tables = " | ".join(
            f"{_('T')}{r + 1}: {t if t else '-'}" for r, t in enumerate(line["tables"])
        )
        pdf.write_line(f"{line['user'].display_name} - {tables}", size=10, height=5.5)
    return bytes(pdf.output())
