from django.contrib import admin

from passerelles.discussions.models import Discussion, Post


@admin.register(Discussion)
class DiscussionAdmin(admin.ModelAdmin):
    list_display = ["title", "axis", "circle", "event", "post_count", "last_post_at", "locked_at"]
    list_filter = ["axis"]
    raw_id_fields = ["circle", "event", "created_by"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["discussion", "author", "created_at", "hidden_at"]
    raw_id_fields = ["discussion", "author", "hidden_by"]
    # Messages are hidden and restored from the site (which keeps the counts), never deleted.
    readonly_fields = ["hidden_at", "hidden_by", "hidden_reason"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
