from django.urls import path

from passerelles.insights import views, views_simulation

app_name = "insights"
urlpatterns = [
    path("plateforme/", views.platform, name="platform"),
    path("cercle/<slug:slug>/", views.circle_dashboard, name="circle"),
    path(
        "cercle/<slug:slug>/simulation/",
        views_simulation.circle_simulation,
        name="circle_simulation",
    ),
    path("cercle/<slug:slug>/export.csv", views.circle_export, name="circle_export"),
    path("cercle/<slug:slug>/bureau.pdf", views.circle_pdf, name="circle_pdf"),
]
