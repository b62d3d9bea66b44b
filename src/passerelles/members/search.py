"""Directory search and filters over an already-authorised queryset of profiles.

Text search folds accents and case on both sides, so "comptabilité", "Comptabilite" and
"COMPTABILITÉ" meet. PostgreSQL adds French full-text matching (stemming) and ranking;
no extension is needed, because folding uses the built-in ``TRANSLATE``. SQLite gets the
same folding through a Python function registered on the connection, and every query
word must appear somewhere in the searched fields.
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat

from passerelles.accounts.models import AnyUser
from passerelles.circles.models import Circle, Membership
from passerelles.core.statements import StatementRows
from passerelles.members.access import BY_NAME, directory_rows, visible_profiles
from passerelles.members.models import Profile, Skill

_FOLDS = {
    "a": "àáâãäåāÀÁÂÃÄÅĀ",
    "c": "çćčÇĆČ",
    "e": "èéêëēėęÈÉÊËĒĖĘ",
    "i": "îïíìīÎÏÍÌĪ",
    "n": "ñńÑŃ",
    "o": "ôöòóõøōÔÖÒÓÕØŌ",
    "u": "ùúûüūÙÚÛÜŪ",
    "y": "ÿýŸÝ",
    "'": "’‘",
}
FOLD_FROM = "".join(_FOLDS.values())
FOLD_TO = "".join(plain * len(accented) for plain, accented in _FOLDS.items())
_LIGATURES = (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"))
_TABLE = str.maketrans(FOLD_FROM, FOLD_TO) | {ord(a): b for a, b in _LIGATURES}

# Function words dropped from a query, so "expert de la finance" does not require "la".
QUERY_STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "pour",
        "sur",
        "un",
        "une",
        "dans",
        "par",
        "the",
        "of",
        "and",
    ]
)

POPULAR_SKILLS_KEY = "passerelles:popular-skills"
POPULAR_SKILLS_SECONDS = 600
POPULAR_SKILL_MIN_USES = 3  # a tag only one or two people wrote never shows

SEARCHED_FIELDS = ("user__first_name", "user__last_name", "headline", "organisation")
SEARCHED_TEXTS = ("offers", "needs")


def fold(text: str | None) -> str | None:
    """Lower-case ``text`` without accents; the same folding the database applies."""
    if text is None:
        return None
    return text.translate(_TABLE).lower()


def query_words(query: str) -> list[str]:
    """Folded words of a query, without function words (kept if nothing else is left)."""
    words = re.findall(r"\w+", fold(query or "") or "")
    content = [w for w in words if w not in QUERY_STOP_WORDS]
    return list(dict.fromkeys(content or words))


class Fold(Func):
    """SQL counterpart of :func:`fold` for one text expression."""

    arity = 1
    function = "LOWER"  # other backends: case-insensitive only
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        _register_sqlite_fold(connection)
        return super().as_sql(compiler, connection, function="PASSERELLES_FOLD", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        sql = f"TRANSLATE(({sql})::text, %s, %s)"
        params = (*params, FOLD_FROM, FOLD_TO)
        for ligature, plain in _LIGATURES:
            sql = f"REPLACE({sql}, %s, %s)"
            params = (*params, ligature, plain)
        return f"LOWER({sql})", params


def _register_sqlite_fold(conn) -> None:
    conn.ensure_connection()
    conn.connection.create_function("PASSERELLES_FOLD", 1, fold, deterministic=True)


def _searchable_text() -> Concat:
    parts = []
    for name in (*SEARCHED_FIELDS, *SEARCHED_TEXTS):
        parts += [F(name), Value(" ")]
    return Concat(*parts[:-1], output_field=TextField())


def search(profiles: QuerySet[Profile], query: str) -> QuerySet[Profile]:
    """Profiles matching every word of ``query`` (name, headline, organisation, offers, needs).

    On PostgreSQL a French full-text match also counts (so plurals and word families meet)
    and results carry a ``rank`` annotation, best first.
    """
    words = query_words(query)
    if not words:
        return profiles
    if connection.vendor == "postgresql":
        return _search_postgresql(profiles, words)
    profiles = profiles.annotate(search_text=Fold(_searchable_text()))
    every_word = Q()
    for word in words:
        every_word &= Q(search_text__contains=word)
    return profiles.filter(every_word)


# PostgreSQL: the expressions indexed by members/migrations/0003_search_indexes.py, written
# the same way so that the planner uses the indexes (columns unqualified: each is read in
# a subquery over its own table).
PROFILE_TEXT = "passerelles_fold(headline || ' ' || organisation || ' ' || offers || ' ' || needs)"
NAME_TEXT = "passerelles_fold(first_name || ' ' || last_name)"
FRENCH_VECTOR = f"to_tsvector('french'::regconfig, {PROFILE_TEXT})"
FRENCH_QUERY = "plainto_tsquery('french'::regconfig, %s)"


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_postgresql(profiles: QuerySet[Profile], words: list[str]) -> QuerySet[Profile]:
    """Each part is a subquery its index answers (trigrams for every word in the profile's
    text or the name, the French full-text index for word families); the rank is computed
    for the matching profiles only."""
    from passerelles.accounts.models import User

    def where(sql: str, *params: str) -> RawSQL:
        return RawSQL(sql, params, output_field=BooleanField())

    def matching(word: str) -> QuerySet:
        in_text = Profile.objects.filter(
            where(f"{PROFILE_TEXT} LIKE passerelles_fold(%s)", _like(word))
        )
        in_name = Profile.objects.filter(
            user__in=User.objects.filter(
                where(f"{NAME_TEXT} LIKE passerelles_fold(%s)", _like(word))
            )
        )
        return in_text.values("pk").union(in_name.values("pk"))

    every_word = matching(words[0])
    for word in words[1:]:
        every_word = every_word.intersection(matching(word))
    text = " ".join(words)
    family = Profile.objects.filter(where(f"{FRENCH_VECTOR} @@ {FRENCH_QUERY}", text))
    matches = family.values("pk").union(every_word)
    rank = RawSQL(f"ts_rank({FRENCH_VECTOR}, {FRENCH_QUERY})", (text,), output_field=FloatField())
    return profiles.filter(pk__in=matches).annotate(rank=rank).order_by("-rank", *BY_NAME)


def in_circle(profiles: QuerySet[Profile], circle: Circle) -> QuerySet[Profile]:
    admitted = Membership.objects.admitted().filter(user=OuterRef("user_id"), circle=circle)
    return profiles.filter(Exists(admitted))


def in_city(profiles: QuerySet[Profile], city: str) -> QuerySet[Profile]:
    """A commune (part of its name, accents ignored) or a département code."""
    city = city.strip()
    return profiles.annotate(folded_city=Fold("city")).filter(
        Q(folded_city__contains=fold(city)) | Q(department__iexact=city)
    )


def with_theme(profiles: QuerySet[Profile], axis: str) -> QuerySet[Profile]:
    return profiles.filter(themes__contains=f",{axis},")


def with_skill(profiles: QuerySet[Profile], skill: str) -> QuerySet[Profile]:
    """Profiles with a skill tag containing ``skill`` (accents and case ignored)."""
    tagged = (
        Profile.skills.through.objects.annotate(folded=Fold("skill__name"))
        .filter(profile_id=OuterRef("pk"))
        .filter(folded__contains=fold(skill.strip()))  # type: ignore[misc]  # the stubs miss annotate() on a through model
    )
    return profiles.filter(Exists(tagged))


def filter_directory(profiles: QuerySet[Profile], filters: dict) -> QuerySet[Profile]:
    """Apply the directory filters (cleaned form data; empty values are ignored)."""
    profiles = profiles.order_by(*BY_NAME)
    if circle := filters.get("circle"):
        profiles = in_circle(profiles, circle)
    if sector := filters.get("sector"):
        profiles = profiles.filter(sector=sector)
    if city := filters.get("city"):
        profiles = in_city(profiles, city)
    if theme := filters.get("theme"):
        profiles = with_theme(profiles, theme)
    if skill := filters.get("skill"):
        profiles = with_skill(profiles, skill)
    if query := filters.get("q"):
        profiles = search(profiles, query)
    return profiles


def directory_for(user: AnyUser, filters: dict) -> QuerySet[Profile] | StatementRows:
    """The directory as ``user`` sees it with ``filters`` (cleaned form data), users
    selected, sliced and counted by its paginators; without filters, the compiled read of
    `members.access.directory_rows`."""
    if not any(filters.values()):
        return directory_rows(user)
    return filter_directory(visible_profiles(user), filters).select_related("user")


def popular_skill_names(limit: int = 100) -> list[str]:
    """The platform's most used skill tags, suggested by the directory's skill filter.

    Counted over every profile once per ten minutes (through the cache shared by the web
    processes) rather than over the profiles each member may see on every page: at
    100,000 members that count took 0.7 s a page. Tags used by fewer than three people
    are left out, so a suggestion never points at one person's profile.
    """
    names = cache.get(POPULAR_SKILLS_KEY)
    if names is None:
        names = list(
            Skill.objects.annotate(uses=Count("profiles"))
            .filter(uses__gte=POPULAR_SKILL_MIN_USES)
            .order_by("-uses", "name")
            .values_list("name", flat=True)[:limit]
        )
        cache.set(POPULAR_SKILLS_KEY, names, POPULAR_SKILLS_SECONDS)
    return names
