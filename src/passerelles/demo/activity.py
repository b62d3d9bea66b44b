"""The life of the demo ecosystem: trust evidence, events and introductions.

`plan_activity(dataset)` turns a generated `DemoDataset` into an `ActivityPlan` of plain
records (no database): vouches, mutually attested meetings and skill endorsements drawn
from the dataset's ties, extra verified members, and the events of each city.
`load_activity(dataset, report)` writes it, in one transaction, then scripts the
journeys of JOURNEYS.md through the apps' own actions:

- journey 3: Sophie Garnier, a consultant who just moved to Lyon, waits for admission in
  the organiser's co-optation club with one vouch from a member of its bridged circle;
  a ring of fake accounts vouching for each other waits in the same club, in vain;
- journey 4: most members consent to introductions; one round is run, so that the demo
  member (Julien Moreau) has suggestions with reasons, one of them an export adviser he
  has never met, reached through a member of his club who vouched for them (a warm
  path); one earlier introduction was accepted by both sides, another led to a meeting
  both confirmed;
- journey 5: the club's speed meeting on *la transformation de la société*, open to its
  bridged circle, 60 seats, full with a short waitlist; and a past round table with
  check-ins, a table plan, attested table-mates and ratings.

Bulk evidence goes through `loader.insert_rows` with explicit dates; the scripted parts
go through the named actions (``do_vouch``, ``do_register_each``, ``do_generate_plan``,
``do_decide``, ``do_confirm_meeting``, ``run_round``…). The trust snapshot is computed
once at the end, synchronously, by the function the background task calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from passerelles.core.french import de as french_de
from passerelles.demo.generator import AXES, EMAIL_DOMAIN, DemoDataset
from passerelles.demo.loader import LoadReport, insert_rows

# Shares of ties that become evidence.
VOUCH_SHARE = 0.6
RECIPROCAL_SHARE = 0.35
MEETING_SHARE = 0.25
ENDORSEMENT_SHARE = 0.2
EXTRA_VERIFIED_SHARE = 0.2  # of members admitted more than a year ago
CONSENT_SHARE = 0.85
MEETING_CAPACITY = 60  # Claire's speed meeting (journey 5)
MEETING_WAITLIST = 3

CLUB, BRIDGED_NETWORK = 0, 3  # circle indices of the Lyon scene (see generator.LYON_SCENE)
ORGANISER, MEMBER = 0, 1  # member indices of the personas

CONTEXTS_INSIDE = ("same_circle", "worked_with", "colleague", "client", "supplier")
P_INSIDE = (0.35, 0.25, 0.1, 0.15, 0.15)
CONTEXTS_ACROSS = ("worked_with", "client", "supplier", "met_here", "colleague")
P_ACROSS = (0.3, 0.25, 0.15, 0.2, 0.1)
STRENGTHS = (1, 2, 3)
P_STRENGTH = (0.3, 0.5, 0.2)

# Written so that they need no agreement with the person vouched for (« Ancien collègue :
# Claire est rigoureux » read wrong for every woman); as many per context as before, so that
# the draws and the rest of the seeded data stay the same.
VOUCH_TEXTS = {
    "same_circle": (
        "{first} compte parmi les membres les plus actifs du cercle et rend volontiers service.",
        "Je croise {first} à chaque rencontre du cercle : des conseils francs et utiles.",
        "{first} m'a présenté deux contacts précieux l'an dernier. Une personne de confiance.",
    ),
    "worked_with": (
        "Nous avons mené un projet ensemble avec {first} : travail sérieux, délais tenus.",
        "J'ai travaillé avec {first} pendant six mois sur un dossier difficile. Je recommande.",
        "{first} a repris un projet mal engagé et l'a mené à bien. Très fiable.",
    ),
    "colleague": (
        "Nous avons été collègues : {first} travaille avec rigueur et conseille juste.",
        "Nous avons travaillé dans la même entreprise pendant quatre ans. Solide.",
    ),
    "client": (
        "Nous faisons appel à {first} depuis deux ans : travail soigné, très bon suivi.",
        "{first} nous accompagne depuis notre création. Réactivité exemplaire.",
        "Prestation de grande qualité, et un vrai sens du service.",
    ),
    "supplier": (
        "{first} nous fait confiance depuis longtemps : exigence et relations correctes.",
        "Plusieurs années de commandes : des échanges clairs et des paiements à l'heure.",
    ),
    "met_here": (
        "Notre rencontre lors d'une soirée Passerelles a débouché sur un travail en commun.",
        "Une mise en relation Passerelles qui a donné une vraie collaboration avec {first}.",
    ),
}
MEETING_NOTES = (
    "",
    "",
    "Échange très concret, à poursuivre.",
    "De bons conseils sur mon projet.",
    "Nous allons nous revoir à la rentrée.",
    "Un contact à présenter à mon associé.",
)
FEEDBACK_COMMENTS = (
    "",
    "Très bonne soirée, des rencontres utiles.",
    "Format efficace, j'ai rencontré des profils que je n'aurais jamais croisés.",
    "Bien organisé, un peu court.",
    "Des tables vraiment mélangées, c'est ce qui fait la différence.",
)

# Events: topics per axis, formats, venues.
TOPICS = {
    "monde": (
        "Tendances 2026 : ce qui change chez nos clients",
        "L'intelligence artificielle dans les PME : usages concrets",
        "Exporter sans se perdre : retours d'expérience",
    ),
    "soi": (
        "Prise de parole : convaincre en trois minutes",
        "Négocier sans s'épuiser",
        "Dirigeant et équilibre de vie",
    ),
    "societe": (
        "Entreprendre pour son territoire",
        "Transmettre son entreprise : préparer la suite",
        "Achats responsables entre entreprises locales",
    ),
    "savoir": (
        "Mes pires erreurs de dirigeant",
        "Financer sa croissance : ce qu'on aurait aimé savoir",
        "Recruter son premier cadre",
    ),
}
FORMATS = ("table_ronde", "speed_meeting", "atelier", "conference", "afterwork", "visio")
P_FORMATS = (0.25, 0.15, 0.2, 0.15, 0.15, 0.1)
VENUES = (
    "Maison des Entreprises",
    "Salle du Conseil, CCI",
    "Espace de coworking Le Quai",
    "Brasserie du Marché (salle privée)",
    "Incubateur Les Ateliers",
    "Auditorium de l'École de Commerce",
)
OPENNESS = ("host", "bridged", "all")
P_OPENNESS = (0.35, 0.4, 0.25)


@dataclass(frozen=True, slots=True)
class VouchPlan:
    voucher: int
    vouchee: int
    context: str
    strength: int
    text: str
    days_ago: float


@dataclass(frozen=True, slots=True)
class MeetingPlan:
    a: int
    b: int
    usefulness_a: int  # as rated by a
    usefulness_b: int
    days_ago: int
    opportunity: str  # a's, if any
    amount_eur: int | None
    note: str


@dataclass(frozen=True, slots=True)
class EndorsementPlan:
    endorser: int
    member: int
    skill: str
    days_ago: float


@dataclass(frozen=True, slots=True)
class EventPlan:
    key: str  # "speed_meeting", "past" or "city"
    host: int  # circle index
    creator: int  # member index (an admin of the host)
    title: str
    topic: str
    description: str
    axis: str
    format: str
    openness: str
    open_to: tuple[int, ...]
    city: str
    place: str
    online_url: str
    days_ahead: int  # negative: in the past
    start: tuple[int, int]  # local hour, minute
    minutes: int
    capacity: int
    registrants: tuple[int, ...]  # member indices, in arrival order


@dataclass(frozen=True)
class ActivityPlan:
    vouches: tuple[VouchPlan, ...]
    meetings: tuple[MeetingPlan, ...]
    endorsements: tuple[EndorsementPlan, ...]
    verified: tuple[tuple[int, int], ...]  # (circle, member)
    events: tuple[EventPlan, ...]
    newcomer_voucher: int | None  # member of the bridged circle vouching for Sophie
    intro_partners: tuple[int, int]  # Julien's past (met) partner, Claire's (accepted)
    warm_path: tuple[int, int] | None = None  # (club member Julien trusts, export adviser)
    finance_adviser: int | None = None  # a part-time finance director Julien may meet


# --- Planning (no database) -----------------------------------------------------------


def _admitted(dataset: DemoDataset) -> list[list[int]]:
    out: list[list[int]] = [[] for _ in dataset.circles]
    for m in dataset.memberships:
        if m.state == "admitted":
            out[m.circle].append(m.member)
    return [sorted(set(x)) for x in out]


def _waiting(dataset: DemoDataset) -> set[int]:
    """Members with a pending request in a circle that admits by trust: no evidence goes
    to them, so that the first recomputation does not admit them behind the scene."""
    trusting = {c.index for c in dataset.circles if c.admission_policy in ("cooptation", "trust")}
    return {m.member for m in dataset.memberships if m.state == "pending" and m.circle in trusting}


def _active_bridges(dataset: DemoDataset) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {c.index: set() for c in dataset.circles}
    for b in dataset.bridges:
        if b.state == "active":
            out[b.from_circle].add(b.to_circle)
            out[b.to_circle].add(b.from_circle)
    return out


def _plan_evidence(dataset: DemoDataset, rng: np.random.Generator):
    now = dataset.now
    members = dataset.members
    joined = np.array([(now - m.date_joined).total_seconds() / 86400 for m in members])
    waiting = _waiting(dataset)
    ties = dataset.ties.astype(np.int64)
    inside = dataset.tie_circles >= 0
    t = len(ties)
    draws = rng.random((t, 8))
    context_u, strength_u, text_u = rng.random((t, 2)), rng.random((t, 2)), rng.random((t, 2))
    personas = np.asarray(np.isin(ties, [ORGANISER, MEMBER]).any(axis=1))

    vouches: list[VouchPlan] = []
    meetings: list[MeetingPlan] = []
    endorsements: list[EndorsementPlan] = []
    cum_in, cum_across, cum_strength = (
        np.cumsum(P_INSIDE),
        np.cumsum(P_ACROSS),
        np.cumsum(P_STRENGTH),
    )
    for k in range(t):
        a, b = int(ties[k, 0]), int(ties[k, 1])
        u = draws[k]
        known_for = max(2.0, min(joined[a], joined[b]) - 1.0)
        # Vouches: one direction, sometimes both; the personas are always vouched for.
        if u[0] < VOUCH_SHARE or personas[k]:
            first_dir = (a, b) if u[1] < 0.5 else (b, a)
            directions = [first_dir]
            if u[2] < RECIPROCAL_SHARE or personas[k]:
                directions.append(first_dir[::-1])
            for side, (voucher, vouchee) in enumerate(directions):
                if vouchee in waiting:
                    continue
                contexts, cum = (
                    (CONTEXTS_INSIDE, cum_in) if inside[k] else (CONTEXTS_ACROSS, cum_across)
                )
                context = contexts[min(int(np.searchsorted(cum, context_u[k, side])), 4)]
                strength = STRENGTHS[
                    min(int(np.searchsorted(cum_strength, strength_u[k, side])), 2)
                ]
                texts = VOUCH_TEXTS[context]
                text = ""
                if text_u[k, side] < 0.8:
                    pick = texts[int(text_u[k, side] / 0.8 * len(texts))]
                    text = pick.format(first=members[vouchee].first_name)
                low = 35.0 if voucher in (ORGANISER, MEMBER) else 1.0  # keep their budget
                days = float(low + (known_for - low) * u[3]) if known_for > low else low
                vouches.append(VouchPlan(voucher, vouchee, context, strength, text, days))
        # Meetings both attested (a useful coffee, lunch or visit).
        if u[4] < MEETING_SHARE and a not in waiting and b not in waiting:
            days = max(1, int(round(known_for * u[5])))
            usefulness = (2 + int(u[6] * 4), 2 + int(u[7] * 4))
            opportunity, amount = "", None
            if u[6] > 0.85:
                opportunity = "business"
                amount = int(500 * (1 + int(u[7] * 40)))
            elif u[6] > 0.7:
                opportunity = "referral"
            note = MEETING_NOTES[int(u[5] * len(MEETING_NOTES))]
            meetings.append(MeetingPlan(a, b, *usefulness, days, opportunity, amount, note))
        # Endorsements of one skill the other has.
        if ENDORSEMENT_SHARE <= u[1] < ENDORSEMENT_SHARE * 2 or personas[k]:
            endorser, member = (a, b) if u[7] < 0.5 else (b, a)
            if personas[k]:  # the personas' profiles show confirmed skills
                endorser, member = (b, a) if a in (ORGANISER, MEMBER) else (a, b)
            skills = members[member].skills
            if skills and member not in waiting:
                skill = skills[int(u[3] * len(skills))]
                endorsements.append(
                    EndorsementPlan(endorser, member, skill, float(1 + (known_for - 1) * u[2]))
                )
    return vouches, meetings, endorsements


def _plan_verified(dataset: DemoDataset, rng: np.random.Generator) -> list[tuple[int, int]]:
    """More long-standing members verified by their circle (seeds of reputation)."""
    year_ago = dataset.now - dt.timedelta(days=365)
    old = [
        (m.circle, m.member)
        for m in dataset.memberships
        if m.state == "admitted" and not m.verified and m.admitted_at and m.admitted_at < year_ago
    ]
    keep = rng.random(len(old)) < EXTRA_VERIFIED_SHARE
    return [pair for pair, k in zip(old, keep.tolist(), strict=True) if k]


def _owner_of(dataset: DemoDataset) -> dict[int, int]:
    return {m.circle: m.member for m in dataset.memberships if m.role == "owner"}


def _pick(rng: np.random.Generator, pool: list[int], k: int, first=()) -> tuple[int, ...]:
    rest = [p for p in pool if p not in first]
    k = max(0, min(k - len(first), len(rest)))
    chosen = rng.choice(len(rest), size=k, replace=False).tolist() if k else []
    return tuple(first) + tuple(rest[i] for i in chosen)


def _plan_events(dataset: DemoDataset, rng: np.random.Generator) -> list[EventPlan]:
    admitted = _admitted(dataset)
    bridges = _active_bridges(dataset)
    owner = _owner_of(dataset)
    circles = dataset.circles
    events: list[EventPlan] = []

    # Journey 5: Claire's speed meeting, full, with a short waitlist.
    pool = sorted((set(admitted[CLUB]) | set(admitted[BRIDGED_NETWORK])) - {ORGANISER})
    capacity = MEETING_CAPACITY
    if len(pool) < MEETING_CAPACITY + MEETING_WAITLIST + 1:  # small ecosystems (tests)
        capacity = max(4, len(pool) - MEETING_WAITLIST)
    first: tuple[int, ...] = (MEMBER,) if MEMBER in pool else ()
    events.append(
        EventPlan(
            key="speed_meeting",
            host=CLUB,
            creator=ORGANISER,
            title="Speed meeting : la transformation de la société",
            topic="la transformation de la société",
            description=(
                "Quatre tours de table de vingt minutes pour rencontrer des membres du Club "
                "et du réseau relié, autour d'une question : comment nos entreprises "
                "peuvent-elles contribuer à transformer la société ? Tables mélangées, "
                "personne ne se croise deux fois."
            ),
            axis="societe",
            format="speed_meeting",
            openness="bridged",
            open_to=(BRIDGED_NETWORK,),
            city="Lyon",
            place="Maison des Entrepreneurs, 12 quai Perrache",
            online_url="",
            days_ahead=12,
            start=(18, 30),
            minutes=180,
            capacity=capacity,
            registrants=_pick(rng, pool, capacity + MEETING_WAITLIST, first),
        )
    )
    # A past round table of the club, with its bridged circle: check-ins, plan, ratings.
    pool = sorted(set(admitted[CLUB]) | set(admitted[BRIDGED_NETWORK]))
    first = tuple(p for p in (ORGANISER, MEMBER) if p in pool)
    events.append(
        EventPlan(
            key="past",
            host=CLUB,
            creator=ORGANISER,
            title="Table ronde : exporter en Europe, retours d'expérience",
            topic="Exporter en Europe",
            description=(
                "Trois tours de table pour partager ce qui a marché (et raté) à l'export : "
                "distributeurs, douanes, salons, financement."
            ),
            axis="monde",
            format="table_ronde",
            openness="bridged",
            open_to=(BRIDGED_NETWORK,),
            city="Lyon",
            place="Salle du Conseil, CCI Lyon Métropole",
            online_url="",
            days_ahead=-19,
            start=(18, 30),
            minutes=150,
            capacity=30,
            registrants=_pick(rng, pool, 26, first),
        )
    )
    # A few upcoming events per city, hosted by its circles, on the four axes.
    by_city: dict[str, list[int]] = {}
    for c in circles:
        by_city.setdefault(c.city, []).append(c.index)
    axis_cursor = 0
    used = dict.fromkeys(AXES, 0)
    for city, hosts in by_city.items():
        hosts = [h for h in hosts if h != CLUB] or hosts
        n_events = 3 if city == "Lyon" else 2
        for k in range(n_events):
            host = hosts[k % len(hosts)]
            axis = AXES[axis_cursor % len(AXES)]
            axis_cursor += 1
            topics = TOPICS[axis]  # rotated, so that a topic comes back only once all did
            topic = topics[used[axis] % len(topics)]
            used[axis] += 1
            fmt = str(rng.choice(FORMATS, p=P_FORMATS))
            openness = str(rng.choice(OPENNESS, p=P_OPENNESS))
            guests = tuple(sorted(bridges[host]))
            if openness == "bridged" and not guests:
                openness = "host"
            open_to = guests if openness == "bridged" else ()
            reached = set(admitted[host])
            if openness == "bridged":
                for g in open_to:
                    reached |= set(admitted[g])
            elif openness == "all":
                for other in by_city[city]:
                    reached |= set(admitted[other])
            capacity = int(rng.choice([20, 25, 30, 40, 50]))
            share = float(rng.uniform(0.3, 0.9))
            registrants = _pick(rng, sorted(reached), int(capacity * share))
            venue = VENUES[int(rng.integers(len(VENUES)))]
            online = fmt == "visio"
            events.append(
                EventPlan(
                    key="city",
                    host=host,
                    creator=owner[host],
                    title=topic,  # the format and the axis show as badges
                    topic="",
                    description=(
                        f"Une rencontre {french_de(circles[host].name)} sur « {topic} ». "
                        "Chacun vient avec une question et repart avec au moins un contact."
                    ),
                    axis=axis,
                    format=fmt,
                    openness=openness,
                    open_to=open_to,
                    city=city,
                    place="En ligne" if online else venue,
                    online_url=f"https://visio.exemple.fr/{host}-{k}" if online else "",
                    days_ahead=int(rng.integers(3, 46)),
                    start=(12, 15) if fmt in ("visio", "atelier") and k % 2 else (18, 30),
                    minutes=90 if online else 120,
                    capacity=capacity,
                    registrants=registrants,
                )
            )
    return events


def _plan_newcomer_voucher(dataset: DemoDataset, rng: np.random.Generator) -> int | None:
    """A long-standing member of the bridged network: bridged vouches count only from
    established members (verified, or admitted well before), so journey 3 works."""
    club = set(_admitted(dataset)[CLUB])
    settled = dataset.now - dt.timedelta(days=60)
    pool = sorted(
        {
            m.member
            for m in dataset.memberships
            if m.circle == BRIDGED_NETWORK
            and m.state == "admitted"
            and m.member not in club
            and m.member > MEMBER
            and (m.verified or (m.admitted_at is not None and m.admitted_at < settled))
        }
    )
    return int(pool[int(rng.integers(len(pool)))]) if pool else None


def _plan_intro_partners(dataset: DemoDataset, rng: np.random.Generator) -> tuple[int, int]:
    """Julien's past partner (someone outside his club who knows export) and Claire's."""
    admitted = _admitted(dataset)
    club = set(admitted[CLUB])
    outside = [m for c in range(1, len(dataset.circles)) for m in admitted[c] if m not in club]
    outside = sorted(set(outside) - _waiting(dataset))
    export = [m for m in outside if "export" in dataset.members[m].offers.lower()]
    julien = export[0] if export else outside[0]
    rest = [m for m in outside if m != julien]
    claire = rest[int(rng.integers(len(rest)))]
    return int(julien), int(claire)


def _plan_advisers(dataset: DemoDataset, partner: int) -> tuple[int | None, int | None]:
    """The export adviser (to Germany first) and the part-time finance director the round
    can propose to Julien: people whose profile answers his needs, whom he has never met,
    from circles he does not belong to first. Both consent to be introduced to all members
    (see `_round`), as Julien does, so the round may propose them whatever their circles."""
    admitted = _admitted(dataset)
    mine = {c for c, members in enumerate(admitted) if MEMBER in members}
    circles_of: dict[int, set[int]] = {}
    for c, members in enumerate(admitted):
        for member in members:
            circles_of.setdefault(member, set()).add(c)
    ties = dataset.ties
    tied = set(ties[ties[:, 0] == MEMBER, 1].tolist()) | set(ties[ties[:, 1] == MEMBER, 0].tolist())
    waiting = _waiting(dataset)
    export, finance = [], []
    for m in dataset.members:
        circles = circles_of.get(m.index, set())
        if m.index <= MEMBER or m.index in (partner, *tied, *waiting) or not circles:
            continue
        offers, headline = m.offers.lower(), m.headline.lower()
        if "export" in offers:
            export.append((bool(circles & mine), "allemagne" not in offers, m.index))
        if "financi" in headline and "temps partagé" in headline:
            key = ("temps partagé" not in offers, m.visibility != "all", m.index)
            finance.append((bool(circles & mine), *key))
    return (
        min(export)[2] if export else None,
        min(finance)[-1] if finance else None,
    )


WARM_VOUCH = (
    "{first} nous a accompagnés pour nos premières ventes à l'étranger : distributeurs, "
    "douanes, incoterms. Efficace et de très bon conseil."
)
EXPORT_OFFER = (
    "J'accompagne les PME industrielles qui exportent vers l'Allemagne : contacts avec des "
    "distributeurs allemands, douanes, incoterms, premiers salons."
)
FINANCE_OFFER = (
    "Direction administrative et financière à temps partagé, deux jours par mois : je "
    "structure la trésorerie et le pilotage financier des PME industrielles."
)
WARM_MEETING_NOTE = "Il m'a parlé d'un conseiller export qui pourrait m'aider sur l'Allemagne."


def _plan_warm_path(
    dataset: DemoDataset, vouches: list[VouchPlan], meetings: list[MeetingPlan], adviser: int
) -> int:
    """A member of Julien's club he trusts (vouched for, met) who knows the export
    adviser: the evidence is added to ``vouches`` and ``meetings``, in the past, so that
    the round finds a warm path Julien -> intermediary -> adviser. Returns the member."""
    waiting = _waiting(dataset)
    club = [m for m in _admitted(dataset)[CLUB] if m not in (ORGANISER, MEMBER, adviser)]
    club = [m for m in club if m not in waiting]
    julien_vouches = {v.vouchee: v for v in vouches if v.voucher == MEMBER}

    def rank(m: int):
        v = julien_vouches.get(m)
        return (v is None, -(v.strength if v else 0), v.days_ago if v else 0.0, m)

    middle = min(club, key=rank)
    members = dataset.members
    if middle not in julien_vouches:
        text = f"{members[middle].first_name} est de très bon conseil, et toujours disponible."
        vouches.append(VouchPlan(MEMBER, middle, "same_circle", 3, text, 120.0))
    elif julien_vouches[middle].strength < 3:
        old = julien_vouches[middle]
        vouches[vouches.index(old)] = VouchPlan(
            MEMBER, middle, old.context, 3, old.text, old.days_ago
        )
    if not any({m.a, m.b} == {MEMBER, middle} for m in meetings):
        meetings.append(MeetingPlan(MEMBER, middle, 5, 4, 40, "", None, WARM_MEETING_NOTE))
    vouches[:] = [v for v in vouches if (v.voucher, v.vouchee) != (middle, adviser)]
    known = min(dataset.now - members[m].date_joined for m in (middle, adviser))
    days = min(90.0, max(2.0, known.total_seconds() / 86400 - 1))
    text = WARM_VOUCH.format(first=members[adviser].first_name)
    vouches.append(VouchPlan(middle, adviser, "client", 3, text, days))
    return middle


def plan_activity(dataset: DemoDataset) -> ActivityPlan:
    """The demo's activity as plain records; same dataset, same plan."""
    rng = np.random.default_rng([dataset.seed, 7])
    vouches, meetings, endorsements = _plan_evidence(dataset, rng)
    verified = tuple(_plan_verified(dataset, rng))
    events = tuple(_plan_events(dataset, rng))
    newcomer_voucher = _plan_newcomer_voucher(dataset, rng)
    partners = _plan_intro_partners(dataset, rng)
    adviser, finance = _plan_advisers(dataset, partners[0])
    warm_path = None
    if adviser is not None:
        warm_path = (_plan_warm_path(dataset, vouches, meetings, adviser), adviser)
    return ActivityPlan(
        vouches=tuple(vouches),
        meetings=tuple(meetings),
        endorsements=tuple(endorsements),
        verified=verified,
        events=events,
        newcomer_voucher=newcomer_voucher,
        intro_partners=partners,
        warm_path=warm_path,
        finance_adviser=finance,
    )


# --- Writing --------------------------------------------------------------------------

NEWCOMER = dict(
    email=f"sophie.garnier@{EMAIL_DOMAIN}",
    first_name="Sophie",
    last_name="Garnier",
    headline="Consultante en organisation et conduite du changement",
    organisation="Garnier Conseil",
    city="Lyon",
    department="69",
    sector="M",
    offers=(
        "J'aide les PME à réorganiser leurs équipes et leurs processus quand elles "
        "grandissent vite : diagnostic, accompagnement des managers, conduite du changement."
    ),
    needs=(
        "Je viens de m'installer à Lyon après dix ans à Nantes : je cherche à rencontrer "
        "des dirigeants de PME et des experts-comptables de la région."
    ),
    themes=",societe,soi,",
    languages=",fr,en,",
    visibility="all",
)
NEWCOMER_SKILLS = ("conduite du changement", "organisation", "management")
NEWCOMER_MESSAGE = (
    "Bonjour, consultante en organisation, je viens de m'installer à Lyon. Plusieurs "
    "membres du Réseau Recommandation me connaissent et peuvent vous parler de mon travail."
)
NEWCOMER_VOUCH = (
    "J'ai travaillé avec Sophie sur la réorganisation de notre service achats : "
    "rigoureuse, à l'écoute, et des résultats concrets."
)
RING = (
    ("Kévin", "Dubreuil", "BizBoost Consulting"),
    ("Jessy", "Morel", "Croissance Express"),
    ("Dylan", "Perrin", "Leads Premium"),
    ("Cindy", "Vasseur", "Opportunités Digitales"),
)
RING_TEXTS = (
    "Un vrai expert, je recommande sans réserve !!",
    "Top professionnel, résultats garantis.",
    "Partenaire de confiance depuis toujours.",
)


def _adapt(value: dt.datetime) -> object:
    return connection.ops.adapt_datetimefield_value(value)


def _add_person(fields: dict, password_hash: str, joined: dt.datetime, skills=()):
    from passerelles.members.models import Profile, Skill

    User = get_user_model()
    user = User.objects.create(
        email=fields["email"],
        password=password_hash,
        first_name=fields["first_name"],
        last_name=fields["last_name"],
        date_joined=joined,
    )
    profile_fields = {k: v for k, v in fields.items() if k not in ("email", "first_name")}
    profile_fields.pop("last_name")
    Profile.objects.filter(user=user).update(**profile_fields)
    profile = Profile.objects.get(user=user)
    for name in skills:
        profile.skills.add(Skill.objects.get_or_create(name=name)[0])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _write_evidence(plan: ActivityPlan, uid: list[int], now: dt.datetime, counts) -> None:
    from passerelles.circles.models import Membership
    from passerelles.members.models import Skill
    from passerelles.trust.models import Endorsement, MeetingAttestation, Vouch

    def at(days: float) -> object:
        return _adapt(now - dt.timedelta(seconds=round(days * 86400)))

    counts["vouches"] = insert_rows(
        Vouch,
        ["voucher_id", "vouchee_id", "context", "strength", "text", "created_at", "updated_at"],
        (
            (uid[v.voucher], uid[v.vouchee], v.context, v.strength, v.text, at(v.days_ago))
            + (at(v.days_ago),)
            for v in plan.vouches
        ),
        2000,
    )
    date = connection.ops.adapt_datefield_value
    today = now.date()
    rows = []
    for m in plan.meetings:
        day = date(today - dt.timedelta(days=m.days_ago))
        stamp = at(max(0.0, m.days_ago - 1))
        for attester, other, usefulness, opportunity, amount, note in (
            (m.a, m.b, m.usefulness_a, m.opportunity, m.amount_eur, m.note),
            (m.b, m.a, m.usefulness_b, "", None, ""),
        ):
            rows.append(
                (uid[attester], uid[other], "direct", day, usefulness, opportunity, amount)
                + (note, stamp, stamp)
            )
    insert_rows(
        MeetingAttestation,
        ["attester_id", "other_id", "source", "happened_on", "usefulness", "opportunity"]
        + ["amount_eur", "note", "created_at", "updated_at"],
        rows,
        2000,
    )
    counts["meetings"] = len(plan.meetings)
    skill_id = dict(
        Skill.objects.filter(name__in={e.skill for e in plan.endorsements}).values_list(
            "name", "pk"
        )
    )
    seen: set[tuple[int, int, str]] = set()
    endorsement_rows = []
    for e in plan.endorsements:
        if (e.endorser, e.member, e.skill) in seen:
            continue
        seen.add((e.endorser, e.member, e.skill))
        endorsement_rows.append((uid[e.endorser], uid[e.member], skill_id[e.skill], at(e.days_ago)))
    counts["endorsements"] = insert_rows(
        Endorsement, ["endorser_id", "member_id", "skill_id", "created_at"], endorsement_rows, 2000
    )
    by_circle: dict[int, list[int]] = {}
    for circle, member in plan.verified:
        by_circle.setdefault(circle, []).append(uid[member])
    counts["extra_verified"] = 0
    for circle_id, users in by_circle.items():
        counts["extra_verified"] += Membership.objects.filter(
            circle_id=circle_id, user_id__in=users
        ).update(verified=True)


def _journey_three(dataset, plan, uid, cid, password_hash, counts) -> None:
    """Sophie waits in the club with one vouch from the bridged circle; a ring of fake
    accounts vouching for each other waits too."""
    from passerelles.circles.models import Membership
    from passerelles.trust.actions import do_vouch

    now = timezone.now()
    club = cid[CLUB]
    sophie = _add_person(NEWCOMER, password_hash, now - dt.timedelta(days=4), NEWCOMER_SKILLS)
    Membership.objects.create(
        circle_id=club,
        user=sophie,
        state="pending",
        requested_at=now - dt.timedelta(days=2),
        message=NEWCOMER_MESSAGE,
    )
    User = get_user_model()
    if plan.newcomer_voucher is not None:
        voucher = User.objects.get(pk=uid[plan.newcomer_voucher])
        do_vouch(sophie, acting_user=voucher, context="client", strength=3, text=NEWCOMER_VOUCH)
    ring = []
    for k, (first, last, organisation) in enumerate(RING):
        fields = dict(
            email=f"{first.lower().replace('é', 'e')}.{last.lower()}.reseau@{EMAIL_DOMAIN}",
            first_name=first,
            last_name=last,
            headline="Expert en croissance rapide",
            organisation=organisation,
            city="Lyon",
            department="69",
            sector="N",
            offers="Doublez votre chiffre d'affaires en 30 jours grâce à notre méthode exclusive.",
            needs="Je cherche des partenaires ambitieux pour développer mon réseau.",
            themes=",monde,",
            languages=",fr,",
            visibility="all",
        )
        user = _add_person(fields, password_hash, now - dt.timedelta(days=3 - k * 0.2))
        Membership.objects.create(
            circle_id=club,
            user=user,
            state="pending",
            requested_at=now - dt.timedelta(days=1, hours=k),
            message="Bonjour, je souhaite rejoindre votre club pour développer mon business.",
        )
        ring.append(user)
    for i, voucher in enumerate(ring):
        for j, vouchee in enumerate(ring):
            if i != j:
                text = RING_TEXTS[(i + j) % len(RING_TEXTS)]
                do_vouch(vouchee, acting_user=voucher, context="worked_with", strength=3, text=text)
    counts["pending_newcomers"] = 1 + len(ring)


# Evenings kept for family and friends: no demo event on Christmas Eve and Day, New Year's
# Eve and Day (a speed meeting on the 24th of December read as a joke).
HOLIDAYS = ((12, 24), (12, 25), (12, 31), (1, 1))


def event_day(today: dt.date, days_ahead: int) -> dt.date:
    """The day ``days_ahead`` from ``today`` (before it when negative), moved off the
    holidays, further from today: the 26th of December for the 24th, the 2nd of January
    for the 31st."""
    step = dt.timedelta(days=1 if days_ahead >= 0 else -1)
    day = today + dt.timedelta(days=days_ahead)
    while (day.month, day.day) in HOLIDAYS:
        day += step
    return day


def _local(day: dt.date, hour: int, minute: int) -> dt.datetime:
    tz = timezone.get_default_timezone()
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def _agenda(event, spec: EventPlan, prompts: dict[str, list[str]]) -> list:
    from passerelles.events.models import AgendaItem

    asked = prompts.get(spec.axis, [])
    start = dt.datetime.combine(dt.date(2000, 1, 1), dt.time(*spec.start))
    steps: list[tuple[int, str, str]] = [(15, "Accueil et café", "")]
    if spec.format in ("table_ronde", "speed_meeting"):
        rounds = 4 if spec.format == "speed_meeting" else 3
        length = 20 if spec.format == "speed_meeting" else 30
        for r in range(rounds):
            prompt = asked[r % len(asked)] if asked else ""
            steps.append((length, f"Tour {r + 1}", prompt))
        steps.append((30, "Échanges libres et conclusion", ""))
    elif spec.format == "conference":
        steps += [(45, "Intervention", ""), (30, "Débat avec la salle", asked[0] if asked else "")]
    elif spec.format == "atelier":
        steps += [(20, "Mise en situation", asked[0] if asked else "")]
        steps += [(40, "Travail en petits groupes", asked[1] if len(asked) > 1 else "")]
    elif spec.format == "visio":
        steps = [(10, "Tour de présentation", ""), (40, "Discussion", asked[0] if asked else "")]
    else:
        steps += [(60, "Rencontres libres", asked[0] if asked else "")]
    items, clock = [], start
    for position, (minutes, title, prompt) in enumerate(steps):
        items.append(
            AgendaItem(
                event=event,
                position=position,
                at=clock.time(),
                minutes=minutes,
                title=title,
                prompt=prompt,
            )
        )
        clock += dt.timedelta(minutes=minutes)
    return items


def _write_events(dataset, plan, uid, cid, counts, seed: int) -> None:
    from passerelles.circles.models import Circle
    from passerelles.events.actions import do_create_event, do_register_each
    from passerelles.events.models import AgendaItem, Event, PromptTemplate, Registration

    User = get_user_model()
    prompts: dict[str, list[str]] = {}
    for axis, text in PromptTemplate.objects.values_list("axis", "text"):
        prompts.setdefault(axis, []).append(text)
    users = User.objects.in_bulk(
        [uid[m] for e in plan.events for m in e.registrants + (e.creator,)]
    )
    today = timezone.localdate()
    rng = np.random.default_rng([seed, 11])
    agenda, registrations = [], 0
    for spec in plan.events:
        past = spec.days_ahead < 0
        day = event_day(today, 1 if past else spec.days_ahead)
        starts = _local(day, *spec.start)
        event = do_create_event(
            acting_user=users[uid[spec.creator]],
            open_to=list(Circle.objects.filter(pk__in=[cid[c] for c in spec.open_to])),
            title=spec.title,
            description=spec.description,
            axis=spec.axis,
            topic=spec.topic,
            format=spec.format,
            host_circle=Circle.objects.get(pk=cid[spec.host]),
            openness=spec.openness,
            place=spec.place,
            city=spec.city,
            online_url=spec.online_url,
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=spec.minutes),
            capacity=spec.capacity,
        )
        agenda += _agenda(event, spec, prompts)
        # Each registrant in turn, as one by one (the event locked and read once).
        registrants = [users[uid[member]] for member in spec.registrants]
        registrations += len(do_register_each(event, acting_users=registrants))
        if past:
            _play_past_event(event, spec, uid, users, rng, seed, counts)
    AgendaItem.objects.bulk_create(agenda)
    counts["events"] = Event.objects.count()
    counts["registrations"] = registrations
    counts["waitlisted"] = Registration.objects.filter(status="waitlisted").count()


def _play_past_event(event, spec, uid, users, rng, seed: int, counts) -> None:
    """Move a registered event into the past and play it: check-ins, table plan,
    attested table-mates (both sides for most pairs), ratings. Julien leaves his own
    attestations for the demo."""
    from passerelles.events.actions import do_attest_table_mate, do_check_in, do_rate_event
    from passerelles.events.models import Event, Registration
    from passerelles.events.plans import do_generate_plan, table_mates
    from passerelles.notifications.models import Notification

    day = event_day(timezone.localdate(), spec.days_ahead)
    starts = _local(day, *spec.start)
    Event.objects.filter(pk=event.pk).update(
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=spec.minutes),
        created_at=starts - dt.timedelta(days=30),
    )
    event.refresh_from_db()
    registered = list(event.registrations.filter(status="registered").order_by("queued_at", "pk"))
    absent = rng.random(len(registered)) < 0.1
    present = []
    for registration, away in zip(registered, absent.tolist(), strict=True):
        if away and registration.user_id not in (uid[ORGANISER], uid[MEMBER]):
            continue
        do_check_in(registration, acting_user=users[uid[spec.creator]])
        present.append(registration.user_id)
    Registration.objects.filter(event=event, checked_in_at__isnull=False).update(
        checked_in_at=starts - dt.timedelta(minutes=5), queued_at=starts - dt.timedelta(days=10)
    )
    # Their registration notices belong to that time, read long ago.
    Notification.objects.filter(url=event.get_absolute_url()).update(
        created_at=starts - dt.timedelta(days=10), read_at=starts - dt.timedelta(days=9)
    )
    counts["checked_in"] = len(present)
    if len(present) < 2:
        return
    do_generate_plan(
        event,
        acting_user=event.created_by,
        table_size="5",
        rounds=3,
        checked_in_only=True,
        seed=seed,
    )
    attested = 0
    julien = uid[MEMBER]
    for user_id in present:
        if user_id == julien:
            continue
        user = users[user_id]
        for mate, _rounds in table_mates(event, user):
            if rng.random() < 0.6:
                do_attest_table_mate(event, mate, int(rng.integers(3, 6)), acting_user=user)
                attested += 1
        if rng.random() < 0.75:
            rating = int(rng.choice([3, 4, 4, 5, 5]))
            comment = FEEDBACK_COMMENTS[int(rng.integers(len(FEEDBACK_COMMENTS)))]
            do_rate_event(event, rating, comment, acting_user=user)
    counts["event_attestations"] = attested


def _past_intros(plan, uid) -> None:
    """Two earlier introductions: Julien's led to a meeting both confirmed (with a
    referral), Claire's was accepted by both sides (contact details shared)."""
    from passerelles.intros.actions import do_confirm_meeting, do_decide
    from passerelles.intros.models import Introduction

    User = get_user_model()
    julien, claire = User.objects.get(pk=uid[MEMBER]), User.objects.get(pk=uid[ORGANISER])
    partner_j, partner_c = (User.objects.get(pk=uid[p]) for p in plan.intro_partners)
    now = timezone.now()

    def suggest(a, b, reasons_a, reasons_b):  # stored as codes, worded in the reader's language
        return Introduction.objects.create(
            member_a=a,
            member_b=b,
            created_at=now - dt.timedelta(days=1),
            reasons={"a": reasons_a, "b": reasons_b},
            score=0.5,
        )

    met = suggest(
        julien,
        partner_j,
        [{"code": "you_seek", "terms": ["export vers l'Allemagne"]}],
        [{"code": "they_seek", "terms": ["export vers l'Allemagne"]}],
    )
    do_decide(met, acting_user=julien, accept=True)
    do_decide(met, acting_user=partner_j, accept=True)
    met.refresh_from_db()
    happened = timezone.localdate()
    do_confirm_meeting(
        met,
        acting_user=julien,
        usefulness=5,
        happened_on=happened,
        opportunity="referral",
        note="Un déjeuner très utile : deux distributeurs allemands à contacter.",
    )
    do_confirm_meeting(met, acting_user=partner_j, usefulness=4, happened_on=happened)
    accepted = suggest(
        claire,
        partner_c,
        [{"code": "themes", "axes": [3]}, {"code": "cross_sector"}],
        [{"code": "themes", "axes": [3]}, {"code": "cross_sector"}],
    )
    do_decide(accepted, acting_user=claire, accept=True)
    do_decide(accepted, acting_user=partner_c, accept=True)
    # Move both into the past: suggested five and three weeks ago.
    _backdate_intro(met, now - dt.timedelta(days=35), meeting_after=dt.timedelta(days=9))
    _backdate_intro(accepted, now - dt.timedelta(days=6))


def _round(dataset, plan, uid, counts, seed: int) -> None:
    """Consent for most members (Julien and Claire included), then one round now."""
    from django.db.models import Q

    from passerelles.intros import demo as intros_demo
    from passerelles.intros.models import Introduction, Preference
    from passerelles.intros.rounds import run_round
    from passerelles.members.models import Profile

    User = get_user_model()
    members = User.objects.filter(pk__in=uid[: len(dataset.members)])
    intros_demo.enable_for(members, share=CONSENT_SHARE, seed=seed)

    def consents(member: int, days_ago: int, per_round: int, formats: str) -> None:
        Preference.objects.update_or_create(
            user_id=uid[member],
            defaults=dict(
                consent=True,
                consented_at=timezone.now() - dt.timedelta(days=days_ago),
                per_round=per_round,
                scope="all",
                frequency="weekly",
                formats=formats,
                exclude_colleagues=True,
                exclude_own_circles=False,
                # They meet by video too: far from each other, their reasons say so.
                remote="visio" in formats,
            ),
        )

    consents(MEMBER, 60, 2, ",cafe,dejeuner,visio,")
    Preference.objects.update_or_create(
        user_id=uid[ORGANISER], defaults=dict(consent=True, consented_at=timezone.now())
    )
    advisers = [plan.warm_path[1]] if plan.warm_path else []
    if plan.finance_adviser is not None:
        advisers.append(plan.finance_adviser)
    for adviser in advisers:  # both take up to three introductions a round
        consents(adviser, 90, 3, ",cafe,visio,")
    # Their offers say in full what Julien looks for, as a specialist's profile would.
    if plan.warm_path:
        Profile.objects.filter(user_id=uid[plan.warm_path[1]]).update(offers=EXPORT_OFFER)
    if plan.finance_adviser is not None:
        Profile.objects.filter(user_id=uid[plan.finance_adviser]).update(offers=FINANCE_OFFER)
    round_ = run_round(force=True, seed=seed)
    julien = uid[MEMBER]
    counts["consenting"] = Preference.objects.filter(consent=True).count()
    counts["suggestions"] = round_.introductions
    counts["julien_suggestions"] = Introduction.objects.filter(
        Q(member_a_id=julien) | Q(member_b_id=julien), round=round_
    ).count()


def _discussions(dataset, uid) -> dict[str, int]:
    """Themed threads across circles and in the club with its bridged network."""
    from passerelles.demo.discussions import write_discussions

    admitted = _admitted(dataset)
    club = [ORGANISER] + [m for m in admitted[CLUB] if m != ORGANISER]
    near = {m for c in _active_bridges(dataset)[CLUB] for m in admitted[c]} - set(club)
    others = {m for members in admitted for m in members} - set(club) - near
    return write_discussions(
        [uid[m] for m in club],
        [uid[m] for m in sorted(near)],
        [uid[m] for m in sorted(others)],
        dataset.seed,
    )


def _backdate_intro(intro, created: dt.datetime, meeting_after: dt.timedelta | None = None):
    from passerelles.intros.models import SUGGESTION_LIFETIME, Introduction
    from passerelles.trust.models import MeetingAttestation

    decided = created + dt.timedelta(days=1)
    fields = dict(
        created_at=created,
        expires_at=created + SUGGESTION_LIFETIME,
        decided_a_at=decided,
        decided_b_at=decided + dt.timedelta(hours=5),
        connected_at=decided + dt.timedelta(hours=5),
    )
    if meeting_after is not None:
        met = created + meeting_after
        fields.update(met_a_at=met + dt.timedelta(hours=20), met_b_at=met + dt.timedelta(days=2))
        fields["closed_at"] = fields["met_b_at"]
        MeetingAttestation.objects.filter(source="intro", source_id=intro.pk).update(
            happened_on=timezone.localdate(met), created_at=fields["met_a_at"]
        )
    Introduction.objects.filter(pk=intro.pk).update(**fields)
    from passerelles.notifications.models import Notification

    Notification.objects.filter(url=intro.get_absolute_url()).update(
        created_at=decided, read_at=decided
    )


@transaction.atomic
def load_activity(
    dataset: DemoDataset,
    report: LoadReport,
    plan: ActivityPlan | None = None,
    *,
    progress: Callable[[str], None] | None = None,
    announce: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Write the activity of a freshly loaded dataset (``report`` from `loader.load`).
    ``progress`` is told how long each step took; ``announce``, what each step builds
    before it starts (a first demo start lasts minutes)."""
    import time

    from passerelles.trust.snapshots import recompute
    from passerelles.trust.state import mark_dirty

    clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        if progress:
            progress(f"{name}: {time.perf_counter() - clock:.2f} s")
        clock = time.perf_counter()

    plan = plan or plan_activity(dataset)
    uid, cid = report.user_ids, report.circle_ids
    counts: dict[str, int] = {}
    password_hash = (
        get_user_model()
        .objects.filter(pk=uid[len(dataset.members) - 1])
        .values_list("password", flat=True)[0]
    )

    def begin(what: str) -> None:
        if announce:
            announce(what)

    step("plan")
    begin("Recommandations, rencontres attestées et compétences confirmées…")
    _write_evidence(plan, uid, timezone.now(), counts)
    mark_dirty()
    step("evidence")
    begin("Nouveaux venus qui attendent leur admission…")
    _journey_three(dataset, plan, uid, cid, password_hash, counts)
    step("journey 3")
    begin("Événements, inscriptions et une soirée passée avec son plan de table…")
    _write_events(dataset, plan, uid, cid, counts, dataset.seed)
    step("events")
    begin("Mises en relation passées…")
    _past_intros(plan, uid)
    step("past introductions")
    begin("Discussions…")
    counts.update(_discussions(dataset, uid))
    step("discussions")
    begin("Calcul de la confiance entre membres…")
    summary = recompute(force=True)  # what the background task does, synchronously
    counts["admitted_by_trust"] = summary.get("admitted", 0)
    step("trust snapshot")
    begin("Premier tour de mises en relation…")
    _round(dataset, plan, uid, counts, dataset.seed)
    step("introduction round")
    return counts
