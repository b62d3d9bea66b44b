from django.contrib import admin

from passerelles.circles.models import Bridge, Circle, Invitation, MemberImport, Membership


@admin.register(Circle)
class CircleAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city", "admission_policy", "listed", "dues_eur"]
    list_filter = ["kind", "admission_policy", "listed"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}


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
