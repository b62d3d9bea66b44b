"""The health endpoint, and the failed background tasks page of platform admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.core.access import is_operator
from passerelles.jobs import health as health_report
from passerelles.jobs.models import TaskRetry
from passerelles.jobs.retries import do_retry_task, given_up

FAILED_SHOWN = 100


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Database, cache, queue depth and the age of each periodic job's last success;
    503 when the database or the cache does not answer."""
    body, healthy = health_report.report()
    return JsonResponse(body, status=200 if healthy else 503)


def _operators_only(request: HttpRequest) -> None:
    if not is_operator(request.user):
        raise Http404


@login_required
def failed_tasks(request: AuthedHttpRequest) -> HttpResponse:
    _operators_only(request)
    failed = list(given_up()[:FAILED_SHOWN])
    attempts = dict(
        TaskRetry.objects.filter(retry_id__in=[f.pk for f in failed]).values_list(
            "retry_id", "attempt"
        )
    )
    for result in failed:
        result.attempts = attempts.get(result.pk, 1)
    return render(
        request,
        "jobs/failed.html",
        {"failed": failed, "total": given_up().count(), "shown": FAILED_SHOWN},
    )


@login_required
@require_POST
def retry_task(request: AuthedHttpRequest, result_id) -> HttpResponse:
    _operators_only(request)
    if do_retry_task(result_id, acting_user=request.user):
        messages.success(request, _("La tâche est relancée."))
    else:
        messages.error(request, _("Cette tâche a déjà été relancée ou n'existe plus."))
    return redirect("jobs:failed")
