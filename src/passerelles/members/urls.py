from django.urls import path

from passerelles.members import views

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("moi/", views.profile_edit, name="edit"),
    path("moi/donnees/", views.privacy, name="privacy"),
    path("<int:profile_id>/", views.profile_detail, name="detail"),
]
