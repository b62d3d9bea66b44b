from django.urls import path

from passerelles.jobs import views

app_name = "jobs"
urlpatterns = [
    path("echouees/", views.failed_tasks, name="failed"),
    path("echouees/<uuid:result_id>/relancer/", views.retry_task, name="retry"),
]
