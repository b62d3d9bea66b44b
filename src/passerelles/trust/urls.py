from django.urls import path

from passerelles.trust import views, views_passport

app_name = "trust"
urlpatterns = [
    path("", views.passport, name="passport"),
    path("passeport/telecharger/", views_passport.download, name="passport_download"),
    path("passeport/<int:passport_id>/revoquer/", views_passport.revoke, name="passport_revoke"),
    path("membres/<int:profile_id>/", views.passport_of, name="passport_of"),
    path("membres/<int:profile_id>/recommander/", views.vouch, name="vouch"),
    path("membres/<int:profile_id>/rencontre/", views.attest, name="attest"),
    path(
        "membres/<int:profile_id>/competences/<int:skill_id>/",
        views.endorse,
        name="endorse",
    ),
    path("membres/<int:profile_id>/signaler/", views.report, name="report"),
    path(
        "recommandations/<int:vouch_id>/retirer/",
        views.vouch_revoke,
        name="vouch_revoke",
    ),
    path("recommandez-moi/<str:token>/", views.recommend_me, name="recommend_me"),
    path("recommandez-moi/<str:token>/merci/", views.recommend_done, name="recommend_done"),
    path("signalements/", views.reports, name="reports"),
    path(
        "signalements/<int:report_id>/examiner/",
        views.report_review,
        name="report_review",
    ),
    path(
        "cercles/<slug:slug>/candidatures/<int:membership_id>/",
        views.applicant,
        name="applicant",
    ),
]
