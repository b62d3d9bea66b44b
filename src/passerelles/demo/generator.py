"""The demo ecosystem as plain data, generated from a seed (no database, no Django).

`generate(members, circles, seed)` returns a `DemoDataset` of plain records: circles,
members, memberships, bridges and the *ties* between members (who knows whom, mostly
inside circles). Each part is produced by its own function from the random generator
and the parts before it; later parts (vouches, events, introductions) are added the
same way and read what they need (``dataset.ties``, ``dataset.primary``…).

The ecosystem is homophilous, as real circles are: each circle concentrates on one or
two NAF sections and most members' sector is one of them; about 15 % of members belong
to a second circle, usually in the same city. Two members are scripted for the demo
journeys: index 0 is the organiser (owner of the Lyon business club, circle 0) and
index 1 the manufacturer looking to export to Germany. The platform administrator is in
``dataset.staff``. Same seed and same ``now`` give the same dataset.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import numpy as np

from passerelles.demo import vocabulary as vocab
from passerelles.demo.logins import DEMO_LOGINS

EMAIL_DOMAIN = "exemple.fr"
MEMBER_EMAIL, ORGANISER_EMAIL, ADMIN_EMAIL = (email for _role, email, _pw in DEMO_LOGINS)

HOMOPHILY = 0.75  # share of members whose sector is one of their circle's focus sectors
SECOND_CIRCLE_SHARE = 0.15
SECOND_CIRCLE_SAME_CITY = 0.85
TIES_PER_MEMBER = 4.0  # ties each member starts, on average (mean degree is twice that)
TIES_INSIDE = 0.85  # share of ties started inside one of one's circles
HISTORY_DAYS = 730  # the platform's history: memberships spread over two years
AXES = ("monde", "soi", "societe", "savoir")
SECTORS = tuple(vocab.PROFESSIONS)  # NAF sections the demo uses (A..S)
MIN_CIRCLES = 4  # the Lyon scene of the journeys needs four circles


@dataclass(frozen=True, slots=True)
class CircleRecord:
    index: int
    name: str
    slug: str
    kind: str
    city: str
    department: str
    sectors: tuple[str, ...]
    description: str
    dues_eur: int
    listed: bool
    admission_policy: str
    cooptation_vouches: int
    trust_threshold: float
    founded: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MemberRecord:
    index: int
    email: str
    first_name: str
    last_name: str
    headline: str
    organisation: str
    city: str
    department: str
    sector: str
    skills: tuple[str, ...]
    offers: str
    needs: str
    themes: tuple[str, ...]
    languages: tuple[str, ...]
    visibility: str
    date_joined: datetime
    is_staff: bool = False


@dataclass(frozen=True, slots=True)
class MembershipRecord:
    circle: int
    member: int
    role: str
    state: str
    requested_at: datetime
    admitted_at: datetime | None
    verified: bool


@dataclass(frozen=True, slots=True)
class BridgeRecord:
    from_circle: int
    to_circle: int
    state: str
    message: str
    requested_by: int  # member index
    requested_at: datetime
    decided_by: int | None = None
    decided_at: datetime | None = None
    ended_by: int | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True, eq=False)
class DemoDataset:
    """Everything the demo holds, as plain records and arrays of member indices.

    ``ties`` is an (T, 2) int array of member index pairs (i < j, unique);
    ``tie_circles`` gives, per tie, the circle it was formed in, or -1 for a tie that
    crosses circles. ``primary`` is each member's first circle.
    """

    seed: int
    now: datetime
    circles: tuple[CircleRecord, ...]
    members: tuple[MemberRecord, ...]
    staff: tuple[MemberRecord, ...]
    memberships: tuple[MembershipRecord, ...]
    bridges: tuple[BridgeRecord, ...]
    primary: np.ndarray
    ties: np.ndarray
    tie_circles: np.ndarray

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DemoDataset):
            return NotImplemented
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            same = np.array_equal(a, b) if isinstance(a, np.ndarray) else a == b
            if not same:
                return False
        return True

    __hash__ = None  # type: ignore[assignment]  # compared by value, so not hashable

    def circles_of(self) -> list[list[int]]:
        """For each member, the circles they have a membership in (any state)."""
        out: list[list[int]] = [[] for _ in self.members]
        for m in self.memberships:
            out[m.member].append(m.circle)
        return out


# --- Helpers --------------------------------------------------------------------------


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated (like Django's, without importing it)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out, dash = [], False
    for ch in ascii_text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


_ELISIONS = (
    ("de l'aide", "d'aide"),
    ("un ", "d'un "),
    ("une ", "d'une "),
    ("des ", "de "),
    ("le ", "du "),
    ("les ", "des "),
    ("la ", "de la "),
    ("l'", "de l'"),
)


@lru_cache(maxsize=4096)
def _de(phrase: str) -> str:
    """French ``de`` + noun phrase, with elision and contraction ("d'un", "de l'", "du")."""
    for article, contracted in _ELISIONS:
        if phrase.startswith(article):
            return contracted + phrase[len(article) :]
    return "de " + phrase


def _at(now: datetime, days_ago: float) -> datetime:
    return now - timedelta(seconds=round(float(days_ago) * 86400))


def _dates(now: datetime, days_ago: np.ndarray) -> list[datetime]:
    """`_at` over an array, vectorised (whole seconds, in ``now``'s time zone)."""
    seconds = now.timestamp() - np.round(np.asarray(days_ago, dtype=float) * 86400)
    tz = now.tzinfo
    return [datetime.fromtimestamp(t, tz) for t in seconds.tolist()]


def _anchor(now: datetime | None) -> datetime:
    """The reference instant: today at midnight UTC unless given (for reproducibility)."""
    if now is None:
        now = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return now


# --- Circles --------------------------------------------------------------------------

# The Lyon scene of the journeys: the organiser's business club (0), bridged with a
# referral network (3), and an alumni association (1) and a women's network (2) it has
# no bridge with yet.
LYON_SCENE = (
    ("club", "Club des Entrepreneurs de {city}", ("C", "F"), "cooptation", 1200, 1988),
    ("alumni", "Alumni École de Commerce {area}", ("K", "M"), "open", 60, 1972),
    ("women", "Femmes Entrepreneures {area}", ("M", "G"), "cooptation", 180, 2009),
    ("referral", "Réseau Recommandation {city} {district}", ("F", "L"), "cooptation", 720, 2011),
)
KINDS = tuple(vocab.KIND_TRAITS)


def _circle_cities(n_circles: int) -> list[str]:
    """Lyon holds the first four circles; the rest go two by two over other cities."""
    rest = n_circles - len(LYON_SCENE)
    others = list(vocab.OTHER_CITIES + vocab.MORE_CITIES)
    n_cities = max(1, min(len(others), rest // 2))
    return ["Lyon"] * len(LYON_SCENE) + [others[i % n_cities] for i in range(rest)]


def _describe(kind: str, sectors, policy: str, vouches: int, founded: int, r) -> str:
    # Every field its own « de », one « et » before the last: « de la banque, de
    # l'assurance, du conseil et de l'expertise » (it read « de la banque et l'assurance
    # et du conseil et l'expertise »).
    fields = [part for s in sectors for part in vocab.SECTOR_PHRASES[s].split(" et ")]
    named = [_de(part) for part in fields]
    focus = " et ".join(named) if len(named) < 3 else f"{', '.join(named[:-1])} et {named[-1]}"
    intro = r.choice(vocab.KIND_INTROS[kind]).format(founded=founded)
    policy_text = vocab.POLICY_SENTENCES[policy].format(n=vouches)
    return f"{intro} On y croise surtout des professionnels {focus}. {policy_text}"


def generate_circles(
    rng: np.random.Generator, r: random.Random, n_circles: int, now: datetime
) -> list[CircleRecord]:
    cities = _circle_cities(n_circles)
    kinds_pool = [str(k) for k in rng.permutation(KINDS)]
    names: set[str] = set()
    circles: list[CircleRecord] = []
    kind_cursor = 0
    sectors: tuple[str, ...]
    for index, city_name in enumerate(cities):
        city = vocab.CITIES[city_name]
        district = city.districts[index % len(city.districts)]
        if index < len(LYON_SCENE):
            kind, pattern, sectors, policy, dues, founded = LYON_SCENE[index]
            name = pattern.format(city=city.name, area=city.area, district=district)
            listed = True
        else:
            kind = kinds_pool[kind_cursor % len(kinds_pool)]
            kind_cursor += 1
            dues_range, policies, founded_range, _size, _delay = vocab.KIND_TRAITS[kind]
            patterns = list(vocab.CIRCLE_PATTERNS[kind])
            start = int(rng.integers(len(patterns)))
            name, sectors = "", ()
            for k in range(len(patterns)):
                p = patterns[(start + k) % len(patterns)]
                name = p.name.format(city=city.name, area=city.area, district=district)
                sectors = p.sectors
                if name not in names:
                    break
            if name in names:
                name = f"{name} — {district}"
            policy = str(policies[int(rng.integers(len(policies)))])
            lo, hi = dues_range
            dues = int(round(rng.integers(lo, hi + 1) / 10) * 10)
            founded = int(rng.integers(founded_range[0], founded_range[1] + 1))
            listed = bool(rng.random() < (0.35 if policy == "invitation" else 0.85))
        names.add(name)
        vouches = 2 if rng.random() < 0.7 else 3
        threshold = round(float(rng.uniform(0.4, 0.7)) * 20) / 20
        started = 700 if index < len(LYON_SCENE) else float(rng.uniform(420, HISTORY_DAYS))
        circles.append(
            CircleRecord(
                index=index,
                name=name,
                slug=slugify(name)[:80],
                kind=kind,
                city=city.name,
                department=city.department,
                sectors=tuple(sectors),
                description=_describe(kind, sectors, policy, vouches, founded, r),
                dues_eur=dues,
                listed=listed,
                admission_policy=policy,
                cooptation_vouches=vouches,
                trust_threshold=threshold,
                founded=founded,
                created_at=_at(now, started + 2),
            )
        )
    return circles


# --- Who is where ---------------------------------------------------------------------


@dataclass(frozen=True)
class _People:
    primary: np.ndarray  # (n,) circle index
    secondary: np.ndarray  # (n,) circle index or -1
    sector: np.ndarray  # (n,) index into SECTORS
    female: np.ndarray  # (n,) bool
    first: np.ndarray  # (n,) index into the first-name list of their gender
    last: np.ndarray  # (n,) index into LAST_NAMES
    profession: np.ndarray  # (n,) index into PROFESSIONS[sector]


def _circle_weights(rng, circles) -> np.ndarray:
    size = np.array([vocab.KIND_TRAITS[c.kind][3] for c in circles], dtype=float)
    weights = size * rng.lognormal(0.0, 0.35, len(circles))
    weights[0] = max(weights[0], np.median(weights))  # the organiser's club is no dwarf
    return weights / weights.sum()


def draw_people(rng: np.random.Generator, n: int, circles: list[CircleRecord]) -> _People:
    m = len(circles)
    primary = rng.choice(m, size=n, p=_circle_weights(rng, circles))
    # Every circle gets at least its owner and two admins.
    primary[: 3 * m] = np.repeat(np.arange(m), 3)[: 3 * m]
    primary[0] = primary[1] = 0  # organiser and member personas: the Lyon club
    code_index = {code: i for i, code in enumerate(SECTORS)}
    focus1 = np.array([code_index[c.sectors[0]] for c in circles])
    focus2 = np.array([code_index[c.sectors[-1]] for c in circles])
    focused = rng.random(n) < HOMOPHILY
    use_second = rng.random(n) < 0.4
    focus_sector = np.where(use_second, focus2[primary], focus1[primary])
    background = np.array([vocab.SECTOR_BACKGROUND[s] for s in SECTORS])
    other_sector = rng.choice(len(SECTORS), size=n, p=background / background.sum())
    sector = np.where(focused, focus_sector, other_sector)
    sector[0], sector[1] = code_index["M"], code_index["C"]

    women_circle = np.array([c.kind == "women" for c in circles])
    female = rng.random(n) < np.where(women_circle[primary], 0.95, 0.47)
    female[0], female[1] = True, False
    first = np.where(
        female,
        rng.integers(len(vocab.FIRST_NAMES_F), size=n),
        rng.integers(len(vocab.FIRST_NAMES_M), size=n),
    )
    ranks = np.arange(1, len(vocab.LAST_NAMES) + 1)
    zipf = 1.0 / ranks**0.6
    last = rng.choice(len(vocab.LAST_NAMES), size=n, p=zipf / zipf.sum())
    profession = np.zeros(n, dtype=np.int64)
    for s, code in enumerate(SECTORS):
        where = np.flatnonzero(sector == s)
        profession[where] = rng.integers(len(vocab.PROFESSIONS[code]), size=where.size)

    secondary = np.full(n, -1, dtype=np.int64)
    chosen = np.flatnonzero(rng.random(n) < SECOND_CIRCLE_SHARE)
    chosen = chosen[chosen > 1]  # the personas stay in one circle
    same_city = rng.random(chosen.size) < SECOND_CIRCLE_SAME_CITY
    pick = rng.random(chosen.size)
    by_city: dict[str, list[int]] = {}
    for c in circles:
        by_city.setdefault(c.city, []).append(c.index)
    for k, i in enumerate(chosen):
        home = circles[primary[i]]
        pool = by_city[home.city] if same_city[k] else range(m)
        candidates = [
            c for c in pool if c != home.index and (female[i] or circles[c].kind != "women")
        ]
        if candidates:
            secondary[i] = candidates[int(pick[k] * len(candidates))]
    return _People(primary, secondary, sector, female, first, last, profession)


# --- Memberships ----------------------------------------------------------------------


def _mean_delay(circle: CircleRecord, now: datetime) -> float:
    """Mean wait for admission, in days: old circles and co-optation are slow."""
    base = vocab.KIND_TRAITS[circle.kind][4]
    age = max(0, now.year - circle.founded)
    delay = base * (0.6 + min(age, 60) / 60)
    if circle.admission_policy == "open":
        delay = min(delay, 3.0)
    return delay


def generate_memberships(
    rng: np.random.Generator, circles: list[CircleRecord], people: _People, now: datetime
) -> tuple[list[MembershipRecord], np.ndarray]:
    """Memberships with dates; returns them and each member's first request (days ago)."""
    n = people.primary.size
    secondary_members = np.flatnonzero(people.secondary >= 0)
    member = np.concatenate([np.arange(n), secondary_members])
    circle = np.concatenate([people.primary, people.secondary[secondary_members]])
    is_secondary = np.arange(member.size) >= n
    started = np.array([(now - c.created_at).total_seconds() / 86400 - 2 for c in circles])
    mean_delay = np.array([_mean_delay(c, now) for c in circles])
    total = member.size

    span = started[circle]
    requested = rng.uniform(2, span) * np.where(is_secondary, rng.uniform(0.3, 1.0, total), 1.0)
    requested = np.maximum(requested, 2.0)
    founder = (rng.random(total) < 0.12) & ~is_secondary
    trend = 0.35 + 0.65 * requested / span  # the platform shortens waits over time
    delay = np.clip(rng.exponential(mean_delay[circle] * trend) + 0.5, 0.5, 240)
    admitted = requested - delay
    requested = np.where(founder, span + rng.uniform(0, 20, total), requested)
    admitted = np.where(founder, span - rng.uniform(0, 3, total), admitted)

    role = np.full(total, "member", dtype=object)
    verified = rng.random(total) < 0.25
    m = len(circles)
    for c in range(m):
        rows = np.flatnonzero((circle == c) & ~is_secondary)
        if c == 0:  # organiser first, then the manufacturer
            rows = np.concatenate([[0], rows[rows > 1], [1]]) if 1 in rows else rows
        leaders = rows[:3] if c == 0 else rows[np.argsort(-requested[rows], kind="stable")[:3]]
        n_admins = 1 + int(rng.random() < 0.5)
        role[leaders[0]] = "owner"
        role[leaders[1 : 1 + n_admins]] = "admin"
        requested[leaders[: 1 + n_admins]] = span[leaders[: 1 + n_admins]] + 25
        admitted[leaders[: 1 + n_admins]] = span[leaders[: 1 + n_admins]]
        verified[leaders[: 1 + n_admins]] = True
        others = rows[np.isin(rows, leaders[: 1 + n_admins], invert=True)]
        n_mods = max(1 if others.size >= 15 else 0, int(others.size * 0.015))
        others = others[admitted[others] > 0]
        mods = rng.choice(others, size=min(n_mods, others.size), replace=False)
        role[mods] = "moderator"
    # The manufacturer of journey 4: admitted in the club eight months ago.
    julien = int(np.flatnonzero(member == 1)[0])
    requested[julien], admitted[julien], verified[julien] = 262.0, 240.0, True

    pending = admitted <= 0
    verified &= ~pending
    requested_at = _dates(now, requested)
    admitted_at = _dates(now, np.maximum(admitted, 0))
    records = [
        MembershipRecord(
            circle=c,
            member=i,
            role=rl,
            state="pending" if p else "admitted",
            requested_at=req,
            admitted_at=None if p else adm,
            verified=v,
        )
        for c, i, rl, p, req, adm, v in zip(
            circle.tolist(),
            member.tolist(),
            role.tolist(),
            pending.tolist(),
            requested_at,
            admitted_at,
            verified.tolist(),
            strict=True,
        )
    ]
    first_request = np.zeros(n)
    np.maximum.at(first_request, member, requested)
    return records, first_request


# --- Members --------------------------------------------------------------------------

_ascii_cache: dict[str, str] = {}


def _email_part(name: str) -> str:
    if name not in _ascii_cache:
        _ascii_cache[name] = slugify(name).replace("-", "")
    return _ascii_cache[name]


def _pick(seq, u: float):
    """The element of ``seq`` a uniform draw ``u`` in [0, 1) points at."""
    return seq[int(u * len(seq))]


def _rotation(seq, u: float, k: int) -> list:
    """``k`` distinct elements of ``seq``, starting where ``u`` points (cheap sampling)."""
    start = int(u * len(seq))
    return [seq[(start + j) % len(seq)] for j in range(min(k, len(seq)))]


def _offer_text(prof: vocab.Profession, city: str, u: list[float]) -> str:
    """Offers from the profession's services; ``u`` holds six uniform draws."""
    keys = prof.offers if u[0] < 0.5 else prof.offers[::-1]
    first = _pick(vocab.SERVICES[keys[0]].offers, u[1])
    text = _pick(vocab.OFFER_OPENERS, u[2]).format(x=first, de_x=_de(first))
    if len(keys) > 1 and u[3] < 0.6:
        text += f" Également : {_pick(vocab.SERVICES[keys[1]].offers, u[4])}."
    coda = _pick(vocab.OFFER_CODAS, u[5])
    return text + coda.format(city=city, years=5 + int(u[4] * 21))


@lru_cache(maxsize=256)
def _wanted(sector: str, prof: vocab.Profession) -> tuple[tuple[str, ...], np.ndarray]:
    """Services this member may need (not their own), with cumulative choice weights."""
    wanted = tuple(k for k in vocab.SECTOR_NEEDS[sector] if k not in prof.offers)
    weights = 1.0 / np.arange(1, len(wanted) + 1)  # the sector's first needs come first
    return wanted, np.cumsum(weights) / weights.sum()


def _need_text(sector: str, prof: vocab.Profession, city: str, u: list[float]) -> str:
    """Needs that professions of other sectors offer; ``u`` holds six uniform draws."""
    wanted, cumulative = _wanted(sector, prof)
    k = min(int(np.searchsorted(cumulative, u[0], side="right")), len(wanted) - 1)
    phrase = _pick(vocab.SERVICES[wanted[k]].needs, u[1])
    text = _pick(vocab.NEED_OPENERS, u[2]).format(x=phrase, de_x=_de(phrase))
    if len(wanted) > 1 and u[3] < 0.45:
        other = wanted[(k + 1 + int(u[4] * (len(wanted) - 1))) % len(wanted)]
        text += f" Autre besoin : {_pick(vocab.SERVICES[other].needs, u[4])}."
    return text + _pick(vocab.NEED_CODAS, u[5]).format(city=city)


# Theme sets of one to three axes, drawn with probabilities 0.4, 0.4 and 0.2 by size.
_THEME_SETS = [tuple(a for bit, a in enumerate(AXES) if mask >> bit & 1) for mask in range(1, 15)]
_THEME_P = np.array([{1: 0.1, 2: 0.4 / 6, 3: 0.05}[len(t)] for t in _THEME_SETS])
_OTHER_LANGUAGES = ("de", "es", "it", "ar", "pt", "zh", "pl")


def _persona_texts() -> dict[int, dict]:
    return {
        0: dict(
            email=ORGANISER_EMAIL,
            first_name="Claire",
            last_name="Lefèvre",
            headline="Présidente du Club des Entrepreneurs de Lyon, consultante en stratégie",
            organisation="Lefèvre Stratégie & Développement",
            city="Lyon",
            department="69",
            skills=("stratégie", "animation de réseau", "développement commercial", "management"),
            offers=(
                "J'accompagne les dirigeants de PME sur leur stratégie de développement "
                "et la structuration de leur équipe commerciale. Je peux aussi vous "
                "présenter aux membres du Club des Entrepreneurs de Lyon."
            ),
            needs=(
                "Je cherche des intervenants pour nos petits-déjeuners thématiques et des "
                "cercles lyonnais avec qui ouvrir une passerelle, notamment pour mêler "
                "nos membres à des profils plus jeunes et plus divers."
            ),
            themes=("societe", "soi"),
            languages=("fr", "en"),
            visibility="all",
        ),
        1: dict(
            email=MEMBER_EMAIL,
            first_name="Julien",
            last_name="Moreau",
            headline="Dirigeant d'une PME industrielle (usinage de précision)",
            organisation="Moreau Mécanique de Précision",
            city="Villeurbanne",
            department="69",
            skills=("usinage", "gestion de production", "lean management", "qualité ISO 9001"),
            offers=(
                "Nous proposons l'usinage de précision et la sous-traitance industrielle en "
                "petites et moyennes séries (acier, aluminium, pièces pour le médical et "
                "l'aéronautique). Je partage volontiers notre expérience du lean management "
                "et de la certification ISO 9001."
            ),
            needs=(
                "Nous voulons exporter vers l'Allemagne : je cherche des contacts avec des "
                "distributeurs allemands et quelqu'un qui connaît les douanes et les "
                "incoterms. Je cherche aussi un directeur administratif et financier à temps "
                "partagé, deux jours par mois, pour structurer notre trésorerie."
            ),
            themes=("savoir", "monde"),
            languages=("fr", "en"),
            # He asks to be introduced to anyone (scope "all"): a profile visible only to
            # his club and its bridge would hide him from the export advisers and
            # part-time finance directors of every other circle, so none could be proposed.
            visibility="all",
        ),
    }


def generate_members(
    rng: np.random.Generator,
    circles: list[CircleRecord],
    people: _People,
    first_request: np.ndarray,
    now: datetime,
) -> list[MemberRecord]:
    """Member profiles. Randomness is drawn up front so the loop only formats text."""
    n = people.primary.size
    personas = _persona_texts()
    date_joined = _dates(now, first_request + rng.uniform(0, 2, n))
    themes = rng.choice(len(_THEME_SETS), size=n, p=_THEME_P / _THEME_P.sum()).tolist()
    vis = rng.random(n)
    visibility = np.where(vis < 0.78, "bridged", np.where(vis < 0.94, "all", "circles"))
    english = (rng.random(n) < 0.35).tolist()
    other_language = np.where(
        rng.random(n) < 0.08, rng.integers(len(_OTHER_LANGUAGES), size=n), -1
    ).tolist()
    draws = rng.random((n, 20)).tolist()
    primary, sector_index = people.primary.tolist(), people.sector.tolist()
    female, first_index = people.female.tolist(), people.first.tolist()
    last_index, profession = people.last.tolist(), people.profession.tolist()
    visibility = visibility.tolist()
    records: list[MemberRecord] = []
    for i in range(n):
        sector = SECTORS[sector_index[i]]
        if i in personas:
            records.append(
                MemberRecord(index=i, sector=sector, date_joined=date_joined[i], **personas[i])
            )
            continue
        u = draws[i]
        city = vocab.CITIES[circles[primary[i]].city]
        town, department = city.name, city.department
        if u[0] < 0.25:
            town, department = _pick(city.suburbs, u[0] * 4)
        prof = vocab.PROFESSIONS[sector][profession[i]]
        first = (vocab.FIRST_NAMES_F if female[i] else vocab.FIRST_NAMES_M)[first_index[i]]
        last = vocab.LAST_NAMES[last_index[i]]
        org_last = last if u[1] < 0.5 else _pick(vocab.LAST_NAMES, u[1] * 2 - 1)
        organisation = _pick(prof.organisations, u[2]).format(
            last=org_last, city=city.name, area=city.area, word=_pick(vocab.ORG_WORDS, u[3])
        )
        n_skills = 2 + int(u[4] * 4)
        own = _rotation(prof.skills, u[5], max(2, n_skills - (u[6] < 0.5)))
        extra = [s for s in _rotation(vocab.GENERIC_SKILLS, u[7], 3) if s not in own]
        languages: tuple[str, ...] = ("fr", "en") if english[i] else ("fr",)
        if other_language[i] >= 0:
            languages += (_OTHER_LANGUAGES[other_language[i]],)
        records.append(
            MemberRecord(
                index=i,
                email=f"{_email_part(first)}.{_email_part(last)}.{i}@{EMAIL_DOMAIN}",
                first_name=first,
                last_name=last,
                headline=prof.title_f if female[i] else prof.title_m,
                organisation=organisation,
                city=town,
                department=department,
                sector=sector,
                skills=tuple(own + extra[: max(0, n_skills - len(own))]),
                offers=_offer_text(prof, city.name, u[8:14]),
                needs=_need_text(sector, prof, city.name, u[14:20]),
                themes=_THEME_SETS[themes[i]],
                languages=languages,
                visibility=visibility[i],
                date_joined=date_joined[i],
            )
        )
    return records


def generate_staff(now: datetime) -> list[MemberRecord]:
    return [
        MemberRecord(
            index=-1,
            email=ADMIN_EMAIL,
            first_name="Admin",
            last_name="Passerelles",
            headline="Administrateur de la plateforme",
            organisation="Passerelles",
            city="Lyon",
            department="69",
            sector="",
            skills=(),
            offers="",
            needs="",
            themes=(),
            languages=("fr", "en"),
            visibility="circles",
            date_joined=_at(now, HISTORY_DAYS + 10),
            is_staff=True,
        )
    ]


# --- Bridges --------------------------------------------------------------------------

BRIDGE_MESSAGES = (
    "Nos membres travaillent souvent ensemble : ouvrons une passerelle entre nos cercles.",
    "Plusieurs de nos adhérents cherchent des contacts chez vous. Une passerelle ?",
    "Nous aimerions inviter vos membres à nos rencontres thématiques.",
)


def generate_bridges(
    rng: np.random.Generator,
    circles: list[CircleRecord],
    memberships: list[MembershipRecord],
    now: datetime,
) -> list[BridgeRecord]:
    owner = {ms.circle: ms.member for ms in memberships if ms.role == "owner"}
    m = len(circles)
    # Circles of the same city bridge first: paired in order within each city. The
    # organiser's club keeps exactly one bridge, with the referral network (journey 2 asks
    # for the others).
    by_city: dict[str, list[int]] = {}
    for c in circles[1:]:
        if c.index != 3:
            by_city.setdefault(c.city, []).append(c.index)
    actives = [(0, 3)] + [
        (group[k], group[k + 1]) for group in by_city.values() for k in range(0, len(group) - 1, 2)
    ]
    taken = set(actives)
    others = [(a, b) for a in range(1, m) for b in range(a + 1, m) if (a, b) not in taken]
    pick = rng.choice(len(others), size=2, replace=False)
    pending, revoked = others[int(pick[0])], others[int(pick[1])]

    def message() -> str:
        return BRIDGE_MESSAGES[int(rng.integers(len(BRIDGE_MESSAGES)))]

    bridges = []
    for a, b in actives:
        asked = float(rng.uniform(120, 400))
        bridges.append(
            BridgeRecord(
                a,
                b,
                "active",
                message(),
                owner[a],
                _at(now, asked),
                owner[b],
                _at(now, asked - rng.uniform(1, 20)),
            )
        )
    asked = float(rng.uniform(3, 15))
    bridges.append(
        BridgeRecord(
            pending[0], pending[1], "requested", message(), owner[pending[0]], _at(now, asked)
        )
    )
    asked = float(rng.uniform(400, 500))
    bridges.append(
        BridgeRecord(
            revoked[0],
            revoked[1],
            "revoked",
            message(),
            owner[revoked[0]],
            _at(now, asked),
            owner[revoked[1]],
            _at(now, asked - 10),
            owner[revoked[1]],
            _at(now, rng.uniform(60, 200)),
        )
    )
    return bridges


# --- Ties -----------------------------------------------------------------------------


def generate_ties(rng: np.random.Generator, people: _People) -> tuple[np.ndarray, np.ndarray]:
    """Who knows whom: (T, 2) member pairs and the circle each tie formed in (-1: across)."""
    n = people.primary.size
    started = rng.poisson(TIES_PER_MEMBER, n)
    src = np.repeat(np.arange(n), started)
    home = people.primary[src]
    use_second = (people.secondary[src] >= 0) & (rng.random(src.size) < 0.4)
    home = np.where(use_second, people.secondary[src], home)
    inside = rng.random(src.size) < TIES_INSIDE

    order = np.argsort(people.primary, kind="stable")
    counts = np.bincount(people.primary, minlength=int(people.primary.max()) + 1)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    offset = (rng.random(src.size) * counts[home]).astype(np.int64)
    dst_inside = order[starts[home] + offset]
    dst_any = rng.integers(n, size=src.size)
    dst = np.where(inside, dst_inside, dst_any)
    circle = np.where(inside, home, -1)
    circle = np.where(~inside & (people.primary[dst] == people.primary[src]), home, circle)

    keep = src != dst
    a, b, circle = src[keep], dst[keep], circle[keep]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    _, first = np.unique(lo.astype(np.int64) * n + hi, return_index=True)
    first.sort()
    ties = np.stack([lo[first], hi[first]], axis=1).astype(np.int32)
    return ties, circle[first].astype(np.int16)


# --- The whole ecosystem --------------------------------------------------------------


def generate(
    members: int = 600, circles: int = 14, seed: int = 2026, now: datetime | None = None
) -> DemoDataset:
    """The demo ecosystem for ``members`` people in ``circles`` circles, from ``seed``."""
    if circles < MIN_CIRCLES:
        raise ValueError(f"The demo needs at least {MIN_CIRCLES} circles, got {circles}.")
    if members < 4 * circles:
        raise ValueError(f"{circles} circles need at least {4 * circles} members.")
    now = _anchor(now)
    rng = np.random.default_rng(seed)
    r = random.Random(seed)
    circle_list = generate_circles(rng, r, circles, now)
    people = draw_people(rng, members, circle_list)
    memberships, first_request = generate_memberships(rng, circle_list, people, now)
    member_list = generate_members(rng, circle_list, people, first_request, now)
    bridges = generate_bridges(rng, circle_list, memberships, now)
    ties, tie_circles = generate_ties(rng, people)
    return DemoDataset(
        seed=seed,
        now=now,
        circles=tuple(circle_list),
        members=tuple(member_list),
        staff=tuple(generate_staff(now)),
        memberships=tuple(memberships),
        bridges=tuple(bridges),
        primary=people.primary.copy(),
        ties=ties,
        tie_circles=tie_circles,
    )
