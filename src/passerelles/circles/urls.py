from django.urls import path

from passerelles.circles import views, views_bridges, views_import, views_log, views_members

app_name = "circles"
urlpatterns = [
    path("", views.circle_list, name="list"),
    path("nouveau/", views.circle_create, name="create"),
    path("journal/", views_log.whole_log, name="whole_log"),
    path("invitation/<str:token>/", views_members.invitation_landing, name="invitation"),
    path(
        "invitations/<int:invitation_id>/accepter/",
        views_members.accept_invitation_direct,
        name="accept_invitation_direct",
    ),
    path("<slug:slug>/", views.circle_detail, name="detail"),
    path("<slug:slug>/modifier/", views.circle_edit, name="edit"),
    path("<slug:slug>/rejoindre/", views.circle_join, name="join"),
    path("<slug:slug>/reconnaissance/", views.circle_recognise, name="recognise"),
    path("<slug:slug>/quitter/", views.circle_leave, name="leave"),
    path("<slug:slug>/membres/", views_members.member_list, name="members"),
    path(
        "<slug:slug>/membres/<int:membership_id>/admettre/",
        views_members.member_approve,
        name="approve",
    ),
    path(
        "<slug:slug>/membres/<int:membership_id>/refuser/",
        views_members.member_decline,
        name="decline",
    ),
    path(
        "<slug:slug>/membres/<int:membership_id>/retirer/",
        views_members.member_remove,
        name="remove",
    ),
    path("<slug:slug>/membres/<int:membership_id>/role/", views_members.member_role, name="role"),
    path(
        "<slug:slug>/membres/<int:membership_id>/transmettre/",
        views_members.member_transfer,
        name="transfer",
    ),
    path("<slug:slug>/inviter/", views_members.invite, name="invite"),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/renvoyer/",
        views_members.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/annuler/",
        views_members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/passerelles/", views_bridges.bridge_list, name="bridges"),
    path(
        "<slug:slug>/proposer-une-passerelle/",
        views_bridges.bridge_propose,
        name="bridge_propose",
    ),
    path(
        "<slug:slug>/passerelles/<int:bridge_id>/repondre/",
        views_bridges.bridge_answer,
        name="bridge_answer",
    ),
    path(
        "<slug:slug>/passerelles/<int:bridge_id>/fermer/",
        views_bridges.bridge_revoke,
        name="bridge_revoke",
    ),
    path("<slug:slug>/import/", views_import.member_import, name="import"),
    path(
        "<slug:slug>/import/<int:import_id>/",
        views_import.member_import_confirm,
        name="import_confirm",
    ),
    path("<slug:slug>/export.csv", views_import.member_export, name="export"),
    path("<slug:slug>/journal/", views_log.circle_log, name="log"),
]
