from django.urls import path

from passerelles.events import (
    views,
    views_after,
    views_bridge,
    views_calendar,
    views_manage,
    views_plan,
)

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("nouveau/", views.event_create, name="create"),
    path("calendrier/", views_calendar.calendar_settings, name="calendar"),
    path("calendrier/renouveler/", views_calendar.regenerate_feed, name="regenerate_feed"),
    path("calendrier/<str:token>.ics", views_calendar.personal_feed, name="feed"),
    path(
        "calendrier/<str:token>/cercle/<slug:slug>.ics",
        views_calendar.circle_feed_with_token,
        name="circle_feed_token",
    ),
    path("cercle/<slug:slug>.ics", views_calendar.circle_feed, name="circle_feed"),
    path(
        "ouvrir/<slug:slug>/passerelle/<int:bridge_id>/",
        views_bridge.open_to_bridged,
        name="open_to_bridged",
    ),
    path("<int:event_id>/", views.event_detail, name="detail"),
    path("<int:event_id>/modifier/", views.event_edit, name="edit"),
    path("<int:event_id>/programme/", views.event_agenda, name="agenda"),
    path("<int:event_id>/annuler/", views.event_cancel, name="cancel"),
    path("<int:event_id>/inscription/", views.register, name="register"),
    path("<int:event_id>/desinscription/", views.unregister, name="unregister"),
    path("<int:event_id>/evenement.ics", views.event_ics, name="ics"),
    path("<int:event_id>/participants/", views_manage.participants, name="participants"),
    path(
        "<int:event_id>/participants/<int:registration_id>/presence/",
        views_manage.check_in,
        name="check_in",
    ),
    path("<int:event_id>/participants.csv", views_manage.export, name="export"),
    path("<int:event_id>/plan-de-table/", views_plan.plan, name="plan"),
    path("<int:event_id>/plan-de-table.pdf", views_plan.plan_pdf_view, name="plan_pdf"),
    path("<int:event_id>/mes-tables/", views_plan.my_tables, name="my_tables"),
    path(
        "<int:event_id>/mes-tables/revoquer/",
        views_plan.revoke_tables_link,
        name="revoke_tables_link",
    ),
    path("mes-tables/<str:token>/", views_plan.my_tables_link, name="my_tables_link"),
    path("<int:event_id>/apres/", views_after.debrief, name="debrief"),
    path("<int:event_id>/apres/rencontre/<int:user_id>/", views_after.attest, name="attest"),
    path("<int:event_id>/apres/avis/", views_after.rate, name="rate"),
]
