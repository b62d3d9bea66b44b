from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from passerelles.circles import actions
from passerelles.circles.models import Bridge, Circle, Invitation, MemberImport, Membership
from passerelles.core.errors import ActionError


@admin.register(Circle)
class CircleAdmin(admin.ModelAdmin):
    list_display = ["name", "recognised", "created_at", "kind", "city", "admission_policy"]
    # « Cercle reconnu par la plateforme : Non » lists the circles awaiting recognition.
    list_filter = ["recognised", "kind", "admission_policy", "listed"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    # Recognition goes through the named actions (log, recomputation of trust).
    readonly_fields = ["recognised"]
    actions = ["recognise", "withdraw_recognition"]

    def save_model(self, request, obj, form, change) -> None:
        if not change:  # created by a platform operator: recognised, as in the product
            obj.recognised = True
        super().save_model(request, obj, form, change)

    @admin.action(description=_l("Reconnaître les cercles sélectionnés"))
    def recognise(self, request, queryset) -> None:
        self._apply(request, queryset.filter(recognised=False), actions.do_recognise_circle)

    @admin.action(description=_l("Retirer la reconnaissance des cercles sélectionnés"))
    def withdraw_recognition(self, request, queryset) -> None:
        self._apply(request, queryset.filter(recognised=True), actions.do_withdraw_recognition)

    def _apply(self, request, queryset, action) -> None:
        done = 0
        for circle in queryset:
            try:
                action(circle, acting_user=request.user)
            except ActionError as error:
                self.message_user(request, f"{circle} : {error}", messages.ERROR)
            else:
                done += 1
        self.message_user(request, _("Cercles modifiés : %(n)d.") % {"n": done})


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "circle", "role", "state", "requested_at", "admitted_at"]
    list_filter = ["state", "role"]
    search_fields = ["user__email", "circle__name"]
    raw_id_fields = ["user", "circle"]


@admin.register(Bridge)
class BridgeAdmin(admin.ModelAdmin):
    list_display = ["from_circle", "to_circle", "state", "requested_at", "decided_at"]
    list_filter = ["state"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "circle", "sent_at", "accepted_at", "revoked_at"]
    search_fields = ["email"]


admin.site.register(MemberImport)
