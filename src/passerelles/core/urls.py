from django.urls import path

from passerelles.core import views

app_name = "core"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("accueil/", views.home, name="home"),
    path("sante/", views.health, name="health"),
]
