from django.urls import path

from passerelles.intros import views, views_ask, views_bridges

app_name = "intros"
urlpatterns = [
    path("", views.home, name="home"),
    path("preferences/", views.preferences, name="preferences"),
    path("notifications/lues/", views.notices_read, name="notices_read"),
    path("demander/", views_ask.ask_network, name="ask"),
    path("demander/<int:user_id>/", views_ask.request_intro, name="request"),
    path(
        "passerelles/<slug:slug>/suggestions/",
        views_bridges.bridge_suggestions,
        name="bridge_suggestions",
    ),
    path("bloquer/<int:user_id>/", views.block, name="block"),
    path("debloquer/<int:user_id>/", views.unblock, name="unblock"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/reponse/", views.decide, name="decide"),
    path("<int:pk>/rencontre/", views.met, name="met"),
]
