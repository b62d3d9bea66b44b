from django.contrib import admin

from passerelles.members.models import Profile, Skill


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "city", "sector", "visibility"]
    list_filter = ["sector", "visibility"]
    search_fields = ["user__email", "user__last_name", "organisation"]
    raw_id_fields = ["user"]
    filter_horizontal = ["skills"]


admin.site.register(Skill)
