"""The table plan as a PDF: a page per round (its tables), then one line per participant."""

from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.core.pdf import DocumentPDF
from passerelles.events.models import Event, TablePlan
from passerelles.events.plans import people_view, rounds_view


def plan_pdf(event: Event, plan: TablePlan) -> bytes:
    pdf = DocumentPDF()
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
