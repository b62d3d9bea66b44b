"""Dashboards: a circle's (for its admins) and the platform's (for operators)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.access import get_circle_for_admin
from passerelles.circles.map import circle_map
from passerelles.core.access import is_operator
from passerelles.core.spreadsheet import csv_response
from passerelles.insights import board, charts, queries
from passerelles.insights.forms import PeriodForm
from passerelles.insights.pdf import board_pdf


@login_required
@require_GET
def circle_dashboard(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = get_circle_for_admin(request.user, slug)
    period = PeriodForm(request.GET)
    report = queries.circle_report(circle, count=period.quarters())
    summary = queries.circle_summary(report)
    last = report.quarters[-1] if report.quarters else None
    context = {
        "circle": circle,
        "report": report,
        "summary": summary,
        "last_quarter": last,
        "period": period,
        "charts": charts.circle_charts(report),
        "by_indicator": board.by_indicator(report.quarters),
        "print_mode": request.GET.get("imprimer") == "1",
    }
    return render(request, "insights/circle.html", context)


@login_required
@require_GET
def circle_pdf(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    """The dashboard for the board as a PDF, for the period chosen on the page."""
    circle = get_circle_for_admin(request.user, slug)
    report = queries.circle_report(circle, count=PeriodForm(request.GET).quarters())
    filename = f"{circle.slug}-tableau-de-bord-{timezone.localdate():%Y-%m-%d}.pdf"
    response = HttpResponse(
        board_pdf(report, queries.circle_summary(report)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def circle_export(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    """Figures per quarter as CSV: UTF-8 with BOM and ``;``, as French Excel opens it."""
    circle = get_circle_for_admin(request.user, slug)
    report = queries.circle_report(circle, count=PeriodForm(request.GET).quarters())
    filename = f"{circle.slug}-tableau-de-bord-{timezone.localdate():%Y-%m-%d}.csv"
    response, writer = csv_response(filename)
    writer.writerow(board.headers())
    writer.writerows(board.rows(report.quarters))
    return response


@login_required
@require_GET
def platform(request: AuthedHttpRequest) -> HttpResponse:
    if not is_operator(request.user):
        raise Http404
    report = queries.platform_report()
    standings = {s.circle.pk: s for s in report.circles}
    for standing in report.circles:
        standing.circle.members = standing.members
    picture = circle_map([s.circle for s in report.circles], report.bridges)
    for node in picture["nodes"]:
        share = standings[node["id"]].share_out
        node["share"] = share
        node["dashboard"] = reverse("insights:circle", args=[standings[node["id"]].circle.slug])
        node["tone"] = _tone(share)
    context = {
        "report": report,
        "map": picture,
        "charts": charts.platform_charts(report),
        "circles": sorted(report.circles, key=lambda s: (-s.brokerage, -s.links, s.circle.name)),
    }
    return render(request, "insights/platform.html", context)


def _tone(share: float | None) -> str:
    if share is None:
        return "none"
    if share >= 0.5:
        return "open"
    return "mixed" if share >= 0.25 else "closed"
