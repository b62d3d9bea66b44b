from django.urls import path

from passerelles.discussions import views

app_name = "discussions"
urlpatterns = [
    path("", views.discussion_list, name="list"),
    path("nouvelle/", views.discussion_new, name="new"),
    path("<int:pk>/", views.discussion_detail, name="detail"),
    path("<int:pk>/repondre/", views.reply, name="reply"),
    path("<int:pk>/fermer/", views.lock, name="lock"),
    path("messages/<int:pk>/masquer/", views.hide, name="hide"),
    path("messages/<int:pk>/retablir/", views.restore, name="restore"),
    path("evenement/<int:event_id>/", views.comment_event, name="comment_event"),
]
