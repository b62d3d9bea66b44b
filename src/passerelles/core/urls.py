from django.urls import path

from passerelles.core import views

app_name = "core"
urlpatterns = [
    # Liveness only (the process answers and reaches the database); the full health
    # report (cache, queue, periodic jobs) is /sante/, in the jobs app.
    path("sante/vivant/", views.health, name="alive"),
]
