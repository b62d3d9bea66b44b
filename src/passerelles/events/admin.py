from django.contrib import admin

from passerelles.events.models import (
    AgendaItem,
    Event,
    Feedback,
    PromptTemplate,
    Registration,
    TablePlan,
)


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "host_circle", "axis", "format", "starts_at", "capacity"]
    list_filter = ["axis", "format", "openness"]
    search_fields = ["title", "topic", "host_circle__name"]
    raw_id_fields = ["host_circle", "created_by"]
    filter_horizontal = ["open_to"]
    inlines = [AgendaInline]


@admin.register(PromptTemplate)
class PromptTemplateAdmin(admin.ModelAdmin):
    list_display = ["text", "axis", "position"]
    list_filter = ["axis"]
    list_editable = ["position"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "status", "queued_at", "checked_in_at"]
    list_filter = ["status"]
    raw_id_fields = ["user", "event", "circle"]


@admin.register(TablePlan)
class TablePlanAdmin(admin.ModelAdmin):
    list_display = ["event", "version", "rounds", "table_size", "generated_at"]
    raw_id_fields = ["event"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "rating", "created_at"]
    raw_id_fields = ["event", "user"]
