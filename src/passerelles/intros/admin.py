from django.contrib import admin

from passerelles.intros.models import Introduction, Preference, Round


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "consent", "frequency", "per_round", "scope", "last_round_at"]
    list_filter = ["consent", "frequency", "scope"]
    raw_id_fields = ["user", "blocked"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["started_at", "participants", "introductions", "cross_circle", "left_out"]


@admin.register(Introduction)
class IntroductionAdmin(admin.ModelAdmin):
    list_display = ["member_a", "member_b", "origin", "status", "warm", "score", "created_at"]
    list_filter = ["status", "origin", "warm"]
    raw_id_fields = ["member_a", "member_b", "intermediary", "round"]
