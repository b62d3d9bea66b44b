"""Import and export of a circle's member list (CSV or XLSX).

Upload -> a draft ``MemberImport`` with every row checked (nothing else is written) ->
preview -> confirm (POST, one transaction, e-mails after commit) or cancel (draft deleted).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles import access, imports
from passerelles.circles.models import MemberImport
from passerelles.core.choices import Sector
from passerelles.core.errors import ActionError
from passerelles.core.spreadsheet import csv_response, safe_cell


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier de membres (CSV ou XLSX)"),
        help_text=gettext_lazy(
            "Une ligne par personne, la première ligne portant les intitulés. "
            "5 Mo et 5 000 lignes au plus."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.txt,.xlsx,text/csv,application/vnd.ms-excel,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Le fichier dépasse %(size)d Mo ; découpez-le en plusieurs fichiers.")
                % {"size": settings.IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        try:
            rows, ignored = imports.read_member_file(upload.read(), upload.name)
        except imports.ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        self.cleaned_data["rows"], self.cleaned_data["ignored"] = rows, ignored
        return upload


@login_required
def member_import(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        name, rows = form.cleaned_data["file"].name, form.cleaned_data["rows"]
        ignored = form.cleaned_data["ignored"]
        draft = imports.do_create_import(circle, name, rows, ignored, acting_user=request.user)
        return redirect("circles:import_confirm", slug, draft.pk)
    context = {
        "circle": circle,
        "form": form,
        "recent": circle.imports.order_by("-created_at")[:5],
    }
    return render(request, "circles/import.html", context, status=400 if form.errors else 200)


@login_required
def member_import_confirm(request: AuthedHttpRequest, slug: str, import_id: int) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    member_import = get_object_or_404(MemberImport, pk=import_id, circle=circle)
    if request.method == "POST" and "cancel" in request.POST:
        return _cancel(request, member_import)
    if request.method == "POST":
        return _confirm(request, member_import)
    labels = dict(Sector.choices)
    rows = [
        {**imports.worded_row(row), "sector_label": labels.get(row["sector"], "")}
        for row in member_import.rows
    ]
    context = {
        "circle": circle,
        "import": member_import,
        "rows": rows,
        "counts": imports.summary(rows),
    }
    return render(request, "circles/import_preview.html", context)


def _confirm(request: HttpRequest, member_import: MemberImport) -> HttpResponse:
    try:
        done = imports.do_confirm_import(member_import, acting_user=request.user)
    except ActionError as error:
        messages.warning(request, str(error))
        return redirect("circles:import_confirm", member_import.circle.slug, member_import.pk)
    sent = len(done.rows) - done.skipped_count
    text = ngettext(
        "%(sent)d invitation en cours d'envoi", "%(sent)d invitations en cours d'envoi", sent
    ) % {"sent": sent}
    if done.skipped_count:
        text += ngettext(
            ", %(skipped)d ligne ignorée.", ", %(skipped)d lignes ignorées.", done.skipped_count
        ) % {"skipped": done.skipped_count}
    else:
        text += "."
    messages.success(request, text)
    return redirect("circles:members", member_import.circle.slug)


def _cancel(request: HttpRequest, member_import: MemberImport) -> HttpResponse:
    if member_import.confirmed_at is None:
        try:
            imports.do_discard_import(member_import, acting_user=request.user)
        except ActionError as exc:
            messages.error(request, str(exc))
        else:
            messages.info(request, _("Import annulé : rien n'a été enregistré."))
    return redirect("circles:import", member_import.circle.slug)


# Export -----------------------------------------------------------------------------------


@login_required
@require_GET
def member_export(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    """Admitted members as CSV: UTF-8 with BOM and ``;``, as French Excel opens it directly."""
    circle = access.get_circle_for_admin(request.user, slug)
    memberships = (
        circle.memberships.admitted()
        .select_related("user", "user__profile")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    filename = f"{circle.slug}-membres-{timezone.localdate():%Y-%m-%d}.csv"
    response, writer = csv_response(filename)
    writer.writerow(
        [
            _("Prénom"),
            _("Nom"),
            _("E-mail"),
            _("Organisation"),
            _("Secteur"),
            _("Ville"),
            _("Rôle"),
            _("Membre depuis"),
        ]
    )
    for membership in memberships:
        user, profile = membership.user, membership.user.profile
        admitted = timezone.localtime(membership.admitted_at) if membership.admitted_at else None
        writer.writerow(
            safe_cell(value)
            for value in (
                user.first_name,
                user.last_name,
                user.email,
                profile.organisation,
                profile.get_sector_display() if profile.sector else "",
                profile.city,
                membership.get_role_display(),
                f"{admitted:%d/%m/%Y}" if admitted else "",
            )
        )
    return response
