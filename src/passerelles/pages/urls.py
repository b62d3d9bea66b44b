from django.urls import path

from passerelles.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("accueil/", views.home, name="home"),
]
