from django.urls import path

from passerelles.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notice_list, name="list"),
    path("lues/", views.mark_all_read, name="mark_all_read"),
    path("<int:notice_id>/", views.open_notice, name="open"),
    path("reglages/", views.preferences, name="settings"),
]
