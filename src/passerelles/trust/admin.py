from django.contrib import admin

from passerelles.trust.models import (
    Endorsement,
    MeetingAttestation,
    Report,
    TrustSnapshot,
    TrustState,
    Vouch,
)


@admin.register(Vouch)
class VouchAdmin(admin.ModelAdmin):
    list_display = ["voucher", "vouchee", "context", "strength", "created_at", "revoked_at"]
    list_filter = ["context", "strength"]
    search_fields = ["voucher__email", "vouchee__email"]
    raw_id_fields = ["voucher", "vouchee"]


@admin.register(MeetingAttestation)
class MeetingAttestationAdmin(admin.ModelAdmin):
    list_display = ["attester", "other", "source", "happened_on", "usefulness", "opportunity"]
    list_filter = ["source", "opportunity"]
    raw_id_fields = ["attester", "other"]


@admin.register(Endorsement)
class EndorsementAdmin(admin.ModelAdmin):
    list_display = ["endorser", "member", "skill", "created_at"]
    raw_id_fields = ["endorser", "member"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "reported", "status", "created_at", "reviewed_at"]
    list_filter = ["status"]
    raw_id_fields = ["reporter", "reported", "reviewed_by"]


@admin.register(TrustSnapshot)
class TrustSnapshotAdmin(admin.ModelAdmin):
    list_display = ["pk", "version", "members", "edges", "seeds", "duration_ms", "completed_at"]


@admin.register(TrustState)
class TrustStateAdmin(admin.ModelAdmin):
    list_display = ["pk", "version", "computed_version", "dirty_at", "queued_at", "current"]
