from django.urls import path

from passerelles.members import views, views_tokens

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("moi/", views.profile_edit, name="edit"),
    path("moi/donnees/", views.privacy, name="privacy"),
    path("moi/donnees/export/", views.export_data, name="export_data"),
    path("moi/donnees/lire/", views.export_page, name="export_page"),
    path("moi/jetons/", views_tokens.tokens, name="tokens"),
    path("moi/jetons/<int:token_id>/revoquer/", views_tokens.revoke_token, name="revoke_token"),
    path("moi/supprimer/", views.delete_account, name="delete_account"),
    path("<int:profile_id>/", views.profile_detail, name="detail"),
]
