"""Demo conversations: a few themed discussions on the four axes (across circles, in the
organiser's club with its bridged network) and comments on the club's next evening,
written through the product's own actions, then spread over the past weeks."""

from __future__ import annotations

import datetime as dt

import numpy as np
from django.contrib.auth import get_user_model
from django.utils import timezone

# (axis, in the club?, title, opening message, replies)
THREADS = (
    (
        "savoir",
        False,
        "Recruter en alternance : vos retours d'expérience ?",
        "Nous accueillons notre premier alternant à la rentrée. Comment organisez-vous le "
        "tutorat, et quelles écoles recommandez-vous dans la région ?",
        (
            "Chez nous, un tuteur par alternant et un point d'une heure chaque vendredi : "
            "c'est ce qui a tout changé.",
            "Pensez aux aides de l'État à l'embauche d'un alternant, elles couvrent une bonne "
            "partie de la première année.",
            "Nous travaillons avec deux IUT de Lyon, je peux vous mettre en contact.",
        ),
    ),
    (
        "societe",
        True,
        "Un projet collectif pour le quartier cette année ?",
        "Plusieurs d'entre nous ont évoqué la rénovation de la maison des associations. "
        "Qui serait partant pour monter un groupe de travail avec le réseau relié ?",
        (
            "Partant ! Nous pouvons prêter une salle de réunion le mardi soir.",
            "Bonne idée. Il faudrait d'abord demander à la mairie d'arrondissement ce qui est "
            "déjà prévu.",
        ),
    ),
    (
        "soi",
        False,
        "Comment gardez-vous du temps pour lire ?",
        "Entre les clients et l'équipe, je ne lis plus que dans le train. Vos astuces ?",
        (
            "Trente minutes le matin avant d'ouvrir les e-mails, téléphone dans une autre pièce.",
            "Un club de lecture entre dirigeants : un livre par mois, on en parle au "
            "petit-déjeuner.",
        ),
    ),
    (
        "monde",
        False,
        "Ce que nos voyages nous apprennent sur nos métiers",
        "De retour du Japon, je suis frappée par le soin porté à l'accueil des clients. "
        "Et vous, un voyage qui a changé votre façon de travailler ?",
        ("Le Québec : on y tutoie son banquier, et les décisions vont deux fois plus vite.",),
    ),
)
EVENT_COMMENTS = (
    "Quelqu'un part de Villeurbanne ? Je peux prendre deux personnes en voiture.",
    "Faut-il préparer une présentation de notre activité, ou juste venir ?",
    "Juste venir : une minute pour vous présenter à chaque tour suffit.",
)


def _spread(discussion, posts, start_days_ago: float, now: dt.datetime) -> None:
    """Move a discussion and its posts into the past, a few hours to days apart."""
    from passerelles.discussions.models import Discussion, Post

    moment = now - dt.timedelta(days=start_days_ago)
    for i, post in enumerate(posts):
        at = moment + dt.timedelta(hours=7 * i + 1)
        Post.objects.filter(pk=post.pk).update(created_at=at)
    Discussion.objects.filter(pk=discussion.pk).update(
        created_at=moment, last_post_at=moment + dt.timedelta(hours=7 * (len(posts) - 1) + 1)
    )


def write_discussions(
    club_members: list[int], bridged_members: list[int], others: list[int], seed: int
) -> dict[str, int]:
    """The demo's threads; user ids of the organiser's club members (organiser first),
    of its bridged network, and of members of other circles."""
    from passerelles.circles.models import Circle
    from passerelles.discussions import actions
    from passerelles.events.models import Event

    User = get_user_model()
    rng = np.random.default_rng([seed, 11])
    now = timezone.now()
    club = Circle.objects.filter(
        memberships__user_id=club_members[0], memberships__role="owner"
    ).first()
    everyone = club_members + bridged_members + others
    posts_written = 0
    for n, (axis, in_club, title, opening, replies) in enumerate(THREADS):
        pool = club_members + bridged_members if in_club else everyone
        people = [int(p) for p in rng.choice(pool, size=len(replies) + 1, replace=False)]
        if in_club:
            people[0] = club_members[0]  # the organiser opens the club's thread
        users = User.objects.in_bulk(people)
        discussion = actions.do_start_discussion(
            acting_user=users[people[0]],
            title=title,
            axis=axis,
            circle=club if in_club else None,
            open_to_bridged=in_club,
            body=opening,
        )
        posts = [discussion.posts.get()]
        posts += [
            actions.do_post(discussion, text, acting_user=users[p])
            for p, text in zip(people[1:], replies, strict=True)
        ]
        _spread(discussion, posts, start_days_ago=24 - 5 * n, now=now)
        posts_written += len(posts)
    upcoming = (
        Event.objects.filter(host_circle=club, starts_at__gt=now, cancelled_at__isnull=True)
        .order_by("starts_at")
        .first()
    )
    if upcoming is not None:
        authors = [int(p) for p in rng.choice(club_members[1:], size=2, replace=False)]
        users = User.objects.in_bulk(authors + [club_members[0]])
        for author, text in zip(
            [authors[0], authors[1], club_members[0]], EVENT_COMMENTS, strict=True
        ):
            actions.do_comment_event(upcoming, text, acting_user=users[author])
            posts_written += 1
    return {"discussions": len(THREADS) + (upcoming is not None), "posts": posts_written}
