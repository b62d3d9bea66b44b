from django.contrib import admin

from passerelles.notifications.models import Notification, NotificationSettings


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "shown", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["user", "about"]


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "weekly_digest", "digest_week", "updated_at"]
    raw_id_fields = ["user"]
