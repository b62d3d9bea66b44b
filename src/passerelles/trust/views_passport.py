"""The signed trust passport: downloaded by its member, revoked by them; the instance's
public key and revocation list, published under ``/.well-known/`` for any verifier."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.trust import passport
from passerelles.trust.models import IssuedPassport


@login_required
@require_POST
def download(request: AuthedHttpRequest) -> HttpResponse:
    """A new signed passport, as a file (``.jwt``: a VC-JWT any verifier can check)."""
    _record, token = passport.do_issue_passport(request.user, acting_user=request.user)
    response = HttpResponse(token, content_type="application/vc+jwt")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="passeport-passerelles-{stamp}.jwt"'
    return response


@login_required
@require_POST
def revoke(request: AuthedHttpRequest, passport_id: int) -> HttpResponse:
    record = get_object_or_404(IssuedPassport, pk=passport_id, user=request.user)
    passport.do_revoke_passport(record, acting_user=request.user)
    messages.success(request, _("Ce passeport est révoqué : il ne sera plus accepté."))
    return redirect("trust:passport")


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(passport.jwks())
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
def status_list(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(passport.status_list_credential(), content_type="application/vc+jwt")
    response["Cache-Control"] = "public, max-age=300"
    return response
