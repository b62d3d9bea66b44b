"""French-aware text relevance between what members seek (needs) and offer (offers).

The default encoder works offline: three TF-IDF blocks on the same normalised text —
stemmed words, lexicon concepts (near-synonyms of professional vocabulary mapped to one
canonical concept, see `lexicon.py`) and character n-grams (typos, compounds,
morphology the light stemmer misses). Each block is L2-normalised and scaled by the
square root of its weight, then the whole row is L2-normalised, so a cosine is a weighted
mix of the three block cosines.

A semantic path can be mixed in: given a sentence encoder (`semantic.SemanticEncoder`,
multilingual embeddings read from local files), each row also holds the text's embedding,
centred on the fitted corpus' mean, so that the cosine of two rows is
``(1 - w) * lexical + w * semantic``. Rows stay unit vectors in one space, so rounds and
"ask the network" use them unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, Protocol, runtime_checkable

import numpy as np
import snowballstemmer
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

from passerelles.engine.lexicon import CONCEPTS, NON_CONCEPTS, PARENTS, SYNONYMS
from passerelles.engine.reasons import text_parts
from passerelles.engine.semantic import SemanticEncoder
from passerelles.engine.situations import (
    EVERYDAY,
    FAMILIES,
    FAMILIES_TOLD,
    SERVICE_PARENTS,
    SERVICES,
    SITUATIONS,
)

__all__ = [
    "TextEncoder",
    "RelevanceModel",
    "MixedRows",
    "PostingRows",
    "normalize_text",
    "tokenize",
    "stem",
    "concepts_in",
    "relevance",
    "top_k",
]


def _word_list(block: str) -> list[str]:
    return block.split()


# French and English function words, plus the filler of needs and offers ("je cherche",
# "nous proposons") which says nothing about the subject and would match every text.
STOP_WORDS = frozenset(
    _word_list(
        """
    a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur
    leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa
    se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre
    avoir ai as avons avez ont est sont suis es etes sera serait fait faire plus tres tout
    tous toute toutes sans sous chez entre aussi bien comme donc alors car si deja encore
    peu cela ca celle celui ceux dont ni quel quelle quels quelles autre autres afin
    depuis pendant vers cher chere
    the of and to in for on with at by from an or is are be been was were it its this that
    these those as our your my we you they i me us can will would could should do does
    have has had not no but so if than then into about over up out any some all
    cherche cherchons recherche recherchons besoin voudrais souhaite souhaitons aimerais
    trouver quelqu qqn personne propose proposons offre offrons accompagne accompagnons
    aide aider aidons peux pouvons sais savons mettre mis
    looking need needs seeking seek want offer offers provide help helping someone
    """
    )
)

# Longest first: the first suffix that leaves a stem of >= 3 letters is removed. Light by
# design (plurals, -ment, -tion, agent nouns, infinitives), so that related words of one
# family meet ("recrutement", "recruter", "recruteur" -> "recrut") without a full stemmer.
_SUFFIXES = tuple(
    sorted(
        _word_list(
            """
        issements issement atrices atrice ateurs ateur ations ation ements ement ments ment
        ances ance ences ence ismes isme istes iste ites ite iques ique ables able ibles ible
        euses euse eurs eur ives ive ifs if ieres iere iers ier ees ee es er ez ants ant
        ings ing ers ed ies aux s x e
        """
        ),
        key=len,
        reverse=True,
    )
)
_TOKEN_RE = re.compile(r"[a-z0-9&]+")


def normalize_text(text: str) -> str:
    """Lowercase, strip accents, turn hyphens and apostrophes into spaces."""
    text = unicodedata.normalize("NFKD", text.lower().replace("œ", "oe").replace("æ", "ae"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[-'’_/]", " ", text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light French/English stem of one normalised word (``"comptables" -> "compt"``)."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    """Normalised non-stop words, unstemmed."""
    return [w for w in _TOKEN_RE.findall(normalize_text(text)) if w not in STOP_WORDS]


def tokenize(text: str) -> list[str]:
    """Stemmed content words of a text."""
    return [stem(w) for w in _words(text)]


# Words that say nothing on their own about what is sought or offered: never shown alone
# as a matched topic, never the first or last word of a shared phrase.
GENERIC_WORDS = frozenset(
    _word_list(
        """
    temps partiel partiels partielle partage partagee plein complet client clients cliente
    service services projet projets entreprise entreprises societe societes equipe equipes
    accompagnement accompagner conseil conseils solution solutions contact contacts mise
    place gestion region regions france europe ville professionnel professionnelle
    professionnels professionnelles nouveau nouvel nouvelle nouveaux nouvelles premier
    premiere premiers premieres petit petite petits petites moyen moyenne moyens moyennes
    grand grande grands grandes serie series dirigeant dirigeants dirigeante an ans annee
    annees jour jours mois semaine semaines fois deux trois quatre cinq dix quinze vingt
    cent mille membre membres reseau experience experiences expert experte experts
    specialiste specialistes partenaire partenaires prestataire prestataires cabinet agence
    structure structurer mise outil outils activite activites developper developpement
    question questions rendez vous echange cafe visio possible idealement priorite
    recommandation precieuse lancer fin annee croissance notamment egalement volontiers
    concret concrets concretes retour retours metier metiers type types ligne lignes
    produit produits local locaux financier financiere financiers financieres
    business company companies team teams project projects services service client clients
        """
    )
)

# Articles are dropped and the forms of "de" folded before matching phrases, so that
# "levée de fonds" meets "les levées des fonds".
_ARTICLES = frozenset(("le", "la", "les", "l", "un", "une"))
_DE = frozenset(("de", "des", "du", "d"))
_UNIT_RE = re.compile(r"[\w&]+(?:[-\u2011][\w&]+)*")
_PART_RE = re.compile(r"[^\W_]+|&", re.UNICODE)
_BREAK_RE = re.compile(r"[^\s'’`]")


def _light(word: str) -> str:
    """Inflection-only form of a normalised word: plurals, nothing derivational.

    Unlike `stem`, two words of unrelated meaning never meet ("traitant" stays apart from
    "traiteur"), so lexicon phrases match whole words.
    """
    if len(word) > 4 and word.endswith("eaux"):
        return word[:-1]
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


class _Units(NamedTuple):
    """A text as matchable words: light forms and, for each, where it sits.

    ``words[i]`` is the light form (articles dropped, "de" folded); ``starts[i]`` /
    ``ends[i]`` say whether it opens / closes a unit (a plain word, or a hyphenated
    compound as a whole); ``breaks[i]`` that punctuation separates it from the previous
    word; ``spans[i]`` its (start, end) in the original text.
    """

    words: tuple[str, ...]
    starts: tuple[bool, ...]
    ends: tuple[bool, ...]
    breaks: tuple[bool, ...]
    spans: tuple[tuple[int, int], ...]


@lru_cache(maxsize=65536)
def _unit_parts(unit: str) -> tuple[tuple[str, int, int], ...]:
    """(light word, start, end) of the words of one unit; a lone article gives nothing."""
    parts = []
    for m in _PART_RE.finditer(unit):
        for piece in _TOKEN_RE.findall(normalize_text(m.group())):
            parts.append((piece, m.start(), m.end()))
    if len(parts) == 1 and parts[0][0] in _ARTICLES:
        return ()
    return tuple(("de" if p in _DE else _light(p), a, b) for p, a, b in parts)


@lru_cache(maxsize=8192)
def _units(text: str) -> _Units:
    words: list[str] = []
    starts: list[bool] = []
    ends: list[bool] = []
    breaks: list[bool] = []
    spans: list[tuple[int, int]] = []
    previous_end = -1
    pending_break = False
    for unit in _UNIT_RE.finditer(text):
        offset = unit.start()
        kept = _unit_parts(unit.group())
        broken = previous_end < 0 or (
            (offset - previous_end != 1 or text[previous_end] != " ")
            and bool(_BREAK_RE.search(text, previous_end, offset))
        )
        if not kept:  # a lone article: its own gap carries over to the next word
            pending_break = pending_break or broken
            previous_end = unit.end()
            continue
        broken, pending_break = broken or pending_break, False
        previous_end = unit.end()
        last = len(kept) - 1
        for j, (word, a, b) in enumerate(kept):
            words.append(word)
            starts.append(j == 0)
            ends.append(j == last)
            breaks.append(broken and j == 0)
            spans.append((offset + a, offset + b))
    return _Units(tuple(words), tuple(starts), tuple(ends), tuple(breaks), tuple(spans))


def _phrase_key(phrase: str) -> tuple[str, ...]:
    """Light words of a phrase as matched against texts (articles dropped)."""
    return _units(phrase).words


class _Lexicon(dict[tuple[str, ...], list[str]]):
    """Phrase key -> concept labels, with an index by first word for fast matching."""

    def __init__(
        self, table: Mapping[tuple[str, ...], list[str]], parents: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(table)
        self.parents: dict[str, str] = dict(parents or {})
        self.index = _first_word_index(self)


def _first_word_index(
    table: Mapping[tuple[str, ...], list[str]],
) -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    index: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
    for key, labels in table.items():
        if key:
            index.setdefault(key[0], []).append((key, labels))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
    return index


def _compile_lexicon(
    concepts: Mapping[str, Iterable[str]],
    *,
    parents: Mapping[str, str] | None = None,
    non_concepts: Iterable[str] = (),
) -> _Lexicon:
    """Phrase key (light words) -> concept labels.

    Phrases made only of function words ("it", "ai") are dropped: they would match
    every English or French text. ``non_concepts`` are phrases that tag nothing but,
    being matched as the longest phrase, keep a shorter key inside them from firing.
    """
    table: dict[tuple[str, ...], list[str]] = {}
    for phrase in non_concepts:
        table.setdefault(_phrase_key(phrase), [])
    for label, phrases in concepts.items():
        for phrase in phrases:
            key = _phrase_key(phrase)
            if not key or all(w in STOP_WORDS or w == "de" for w in key):
                continue
            labels = table.setdefault(key, [])
            if label not in labels:
                labels.append(label)
    return _Lexicon(table, parents)


def _with_situations(concepts: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """The lexicon's concepts, plus the kinds of service of `situations.SERVICES`, the
    everyday synonyms of their names (`lexicon.SYNONYMS`) and, for each, the phrases of the
    situations it answers: a need that tells a situation is then tagged with the services
    that answer it."""
    merged = {label: list(phrases) for label, phrases in concepts.items()}
    for label, (_does, phrases) in SERVICES.items():
        merged.setdefault(label, []).extend(phrases)
    for label, phrases in SYNONYMS.items():
        merged.setdefault(label, []).extend(phrases)
    for phrases, services in SITUATIONS.values():
        for label in services:
            merged.setdefault(label, []).extend(phrases)
    return merged


_PLAIN_LEXICON = _compile_lexicon(CONCEPTS, parents=PARENTS, non_concepts=NON_CONCEPTS)
_ALL_PARENTS = {**SERVICE_PARENTS, **PARENTS}
_DEFAULT_LEXICON = _compile_lexicon(
    _with_situations(CONCEPTS), parents=_ALL_PARENTS, non_concepts=NON_CONCEPTS
)
_NAMED_LEXICONS = {"default": _DEFAULT_LEXICON, "plain": _PLAIN_LEXICON}
# Situation phrase -> the situation as a reason names it ("un dégât des eaux").
_SITUATION_LEXICON = _compile_lexicon(
    {said: phrases for said, (phrases, _services) in SITUATIONS.items()}
)


@lru_cache(maxsize=65536)
def _unit_words(unit: str) -> tuple[str, ...]:
    return tuple(w for w, _, _ in _unit_parts(unit))


def _concept_matches(text: str, table: Mapping[tuple[str, ...], list[str]]) -> list[str]:
    """Labels of lexicon phrases in ``text``, leftmost-longest, whole units only (a key
    never matches a fragment of a hyphenated compound: "traitant" in "sous-traitant")."""
    index = table.index if isinstance(table, _Lexicon) else _first_word_index(table)
    words: list[str] = []
    joined: set[int] = set()  # word i is glued by a hyphen to word i - 1
    for unit in _UNIT_RE.findall(text):
        parts = _unit_words(unit)
        if len(parts) > 1:
            joined.update(range(len(words) + 1, len(words) + len(parts)))
        words.extend(parts)
    n = len(words)
    found: list[str] = []
    i = 0
    while i < n:
        step = 1
        entries = index.get(words[i])
        if entries and i not in joined:
            for key, labels in entries:
                end = i + len(key)
                if end <= n and end not in joined and tuple(words[i:end]) == key:
                    found.extend(labels)
                    step = len(key)
                    break
        i += step
    return found


def _phrases_by_label(text: str, table: _Lexicon) -> dict[str, list[tuple[str, ...]]]:
    """The keys of lexicon phrases in ``text`` by label, matched as `_concept_matches`
    matches them (leftmost-longest, whole units)."""
    words: list[str] = []
    joined: set[int] = set()
    for unit in _UNIT_RE.findall(text):
        parts = _unit_words(unit)
        if len(parts) > 1:
            joined.update(range(len(words) + 1, len(words) + len(parts)))
        words.extend(parts)
    found: dict[str, list[tuple[str, ...]]] = {}
    i, n = 0, len(words)
    while i < n:
        step = 1
        for key, labels in table.index.get(words[i], ()) if i not in joined else ():
            end = i + len(key)
            if end <= n and end not in joined and tuple(words[i:end]) == key:
                for label in labels:
                    found.setdefault(label, []).append(key)
                step = len(key)
                break
        i += step
    return found


def _told_in_words(keys: Sequence[tuple[str, ...]]) -> bool:
    """Whether a situation's phrases found in a need tell it: one phrase of two content
    words or more (« pris l'eau », « bruit inquiétant »), or two phrases (« voisin »,
    « clôture »). A lone word (« restaurant », « hangar », « solde ») is a context, not
    the situation the map names (« un contrôle sanitaire », « un toit inutilisé »)."""
    return len(set(keys)) >= 2 or any(len(_content(key)) >= 2 for key in keys)


def _with_parents(labels: Iterable[str], parents: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for label in labels:
        out.append(label)
        seen = {label}
        while label in parents and parents[label] not in seen:
            label = parents[label]
            seen.add(label)
            out.append(label)
    return out


_FRENCH = snowballstemmer.stemmer("french")
_ROOT_TOKEN_RE = re.compile(r"[^\W_]+")


# Words Snowball folds onto the stem of a word of another meaning: each keeps a stem of
# its own (its inflection-only form), so that it meets only itself. « maintenant » is not
# « maintenance », « chiffre(s) » (figures) not « chiffrés » (encrypted, a ransom attack),
# « inventé(s) » (made up: reviews, figures) not « inventeur », the « solde » of an
# invoice not the « soldes » (sales); the adverbs slipped into phrases (`_INSERT_ROOTS`)
# are not their adjectives (« complètement » is not « complet », « vraiment » not
# « vrai »). Accents are read: « chiffrés » and « inventeur » keep their family. Members
# often type without accents: the unaccented spellings are listed too, except where one
# is also a word of the trade (« invente », he invents; « chiffres » stays the figures).
_FALSE_FRIENDS = frozenset(
    (
        *("maintenant", "chiffre", "chiffres", "solde"),
        # « chiffrer » a quote (« ça peut chiffrer vite »), « émission » of an invoice.
        *("chiffrer", "émission", "emission"),
        *("inventé", "inventée", "inventés", "inventées", "inventee", "inventes", "inventees"),
        *("complètement", "totalement", "carrément", "vraiment", "completement", "carrement"),
        # Acronyms Snowball folds onto a stop word (« ETT » onto « et », « CEE » onto « ce »).
        *("ett", "cee"),
    )
)


@lru_cache(maxsize=65536)
def _root(word: str) -> str:
    """French Snowball stem of one lowercase word, accents stripped afterwards (the
    stemmer reads them: « inondée » and « inondation » -> "inond"); a word of
    `_FALSE_FRIENDS` is its own stem."""
    if word in _FALSE_FRIENDS:
        return _light(normalize_text(word))
    return normalize_text(_FRENCH.stemWord(word))


@lru_cache(maxsize=65536)
def _roots(text: str) -> tuple[str, ...]:
    """Stems of the words of a text, articles and the forms of « de » left out."""
    return tuple(root for root, _form in _root_forms(text))


@lru_cache(maxsize=65536)
def _root_forms(text: str) -> tuple[tuple[str, str], ...]:
    """(stem, inflection-only form) of the words of a text, as `_roots` keeps them."""
    out = []
    for word in _ROOT_TOKEN_RE.findall(text.lower().replace("œ", "oe").replace("æ", "ae")):
        plain = normalize_text(word)
        if plain not in _ARTICLES and plain not in _DE:
            out.append((_root(word), _light(plain)))
    return tuple(out)


def _family_table(
    families: Mapping[str, tuple[str, str]], everyday: Mapping[str, str]
) -> dict[tuple[str, ...], list[str]]:
    """Stems of a cue -> services, for every cue of the families and of the everyday
    phrases. A cue made only of function words or generic ones (« nouveaux clients ») is
    left out: it would tag every text."""
    vague = {_root(w) for w in STOP_WORDS | GENERIC_WORDS}
    table: dict[tuple[str, ...], list[str]] = {}
    sources = [(service, cues) for service, (_matter, cues) in families.items()]
    sources += list(everyday.items())
    for service, cues in sources:
        for cue in cues.split(","):
            key = _roots(cue)
            if key and not set(key) <= vague and service not in table.setdefault(key, []):
                table[key].append(service)
    return table


def _compile_families(
    families: Mapping[str, tuple[str, str]], everyday: Mapping[str, str] | None = None
) -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    """First stem -> (stems of a cue, services), longest cue first."""
    return _first_word_index(_family_table(families, everyday or {}))


# Stems that a phrase may have between its own words in a text, and that never open or
# close a loose match: function words (« la machine est encore tombée en panne » meets
# « machine tombe en panne »).
_FILLER_ROOTS = frozenset(_root(w) for w in STOP_WORDS) | {"ne", "pas", "plus", "n"}
# How many other content words may stand between two words of a trade phrase.
CUE_GAP = 2


def _compile_loose(
    families: Mapping[str, tuple[str, str]], everyday: Mapping[str, str]
) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], list[str]]]]:
    """First content stem -> (content stems, stems of the cue, services) of the families'
    phrases of two content words or more, longest first. Everyday phrases stay exact."""
    table = _family_table(families, {})
    exact_only = _family_table({}, everyday)
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], list[str]]]] = {}
    for key, services in table.items():
        content = tuple(r for r in key if r not in _FILLER_ROOTS)
        if len(key) > 1 and len(content) >= 2 and key not in exact_only:
            index.setdefault(content[0], []).append((content, key, services))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_FAMILY_INDEX = _compile_families(FAMILIES_TOLD, EVERYDAY)
_LOOSE_INDEX = _compile_loose(FAMILIES_TOLD, EVERYDAY)

# A trade word alone whose stem is this short or shorter meets only its own inflections
# (plurals), not every word Snowball folds onto the same stem: « prises » (electrical
# sockets) is not « pris », « dons » not « données », « posts » not « postes », « VAE » not
# « va ». Longer stems keep their word family (« inondation » meets « inondée »;
# « association », of a six-letter stem, still meets « associés »), and words of one
# inflection form once accents are set aside stay one (« daté » and « date »).
SHORT_STEM = 5


def _short_forms(
    families: Mapping[str, tuple[str, str]], everyday: Mapping[str, str]
) -> dict[str, frozenset[str]]:
    """Short stem of a one-word cue -> the inflection-only forms of the cues it comes from."""
    forms: dict[str, set[str]] = {}
    sources = [cues for _matter, cues in families.values()] + list(everyday.values())
    for cues in sources:
        for cue in cues.split(","):
            words = _root_forms(cue)
            if len(words) == 1 and len(words[0][0]) <= SHORT_STEM:
                forms.setdefault(words[0][0], set()).add(words[0][1])
    return {root: frozenset(f) for root, f in forms.items()}


_SHORT_FORMS = _short_forms(FAMILIES, EVERYDAY)


def _loose_match(
    content: tuple[str, ...], roots: tuple[str, ...], places: list[int], at: int, taken: set[int]
) -> list[int] | None:
    """Places (indices into ``places``, the text's content words) where the stems of
    ``content`` occur in order from ``places[at]``, each at most `CUE_GAP` content words
    after the previous one; None when they do not."""
    found, last = [at], at
    for stem_ in content[1:]:
        for k in range(last + 1, min(len(places), last + 2 + CUE_GAP)):
            if k not in taken and roots[places[k]] == stem_:
                found.append(k)
                last = k
                break
        else:
            return None
    return found


# Words a member slips between the words of a phrase without changing what it tells
# (« ne décroche même plus » tells « ne décroche plus », « ordinateurs sont tous bloqués »
# tells « ordinateurs bloqués »): adverbs of degree and time, the auxiliaries, object
# pronouns. At most `INSERT_GAP` of them in one phrase.
_INSERT_ROOTS = frozenset(
    _root(w)
    for w in [
        "même",
        "toujours",
        "encore",
        "jamais",
        "vraiment",
        "déjà",
        "tous",
        "toutes",
        "tout",
        "bien",
        "trop",
        "très",
        "complètement",
        "totalement",
        "carrément",
        "presque",
        "souvent",
        "sont",
        "est",
        "était",
        "étaient",
        "été",
        "a",
        "ont",
        "avait",
        "avaient",
        "nous",
        "vous",
        "me",
        "te",
        "se",
        "lui",
        "leur",
        "y",
        "en",
    ]
)
INSERT_GAP = 2


def _exact_end(roots: tuple[str, ...], i: int, key: tuple[str, ...]) -> int | None:
    """End (exclusive) of ``key`` found word for word at ``roots[i]``, with up to
    `INSERT_GAP` words of `_INSERT_ROOTS` between two of its words; None when absent."""
    if roots[i : i + len(key)] == key:
        return i + len(key)
    if INSERT_GAP == 0 or len(key) < 2 or roots[i] != key[0]:
        return None
    j, skipped = i + 1, 0
    for word in key[1:]:
        while j < len(roots) and roots[j] != word and roots[j] in _INSERT_ROOTS:
            skipped += 1
            j += 1
        if skipped > INSERT_GAP or j >= len(roots) or roots[j] != word:
            return None
        j += 1
    return j


@lru_cache(maxsize=65536)
def _family_cues(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(cue stems, services) of the trade words in ``text``, in the order of the text.

    First word for word, leftmost-longest; then a family's phrase of two content words or
    more may also match loosely: its content words in order, with up to `CUE_GAP` other
    content words between two of them and any function words (« la machine est encore
    tombée en panne » tells « machine tombe en panne »), even over words a shorter cue
    matched (« image de marque est abîmée » tells « image de marque abîmée » too)."""
    roots = _roots(text)
    forms = _root_forms(text)
    found: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
    i = 0
    while i < len(roots):
        step = 1
        for key, services in _FAMILY_INDEX.get(roots[i], ()):
            if len(key) == 1 and key[0] in _SHORT_FORMS:
                if forms[i][1] not in _SHORT_FORMS[key[0]]:
                    continue
                found.append((i, key, tuple(services)))
                break
            end = _exact_end(roots, i, key)
            if end is not None:
                found.append((i, key, tuple(services)))
                step = end - i
                break
        i += step
    places = [j for j, r in enumerate(roots) if r not in _FILLER_ROOTS]
    seen = {key for _, key, _ in found}
    taken: set[int] = set()
    for at, j in enumerate(places):
        if at in taken:
            continue
        for content, key, services in _LOOSE_INDEX.get(roots[j], ()):
            if key in seen:
                continue
            match = _loose_match(content, roots, places, at, taken)
            if match is not None:
                taken.update(match)
                seen.add(key)
                found.append((j, key, tuple(services)))
                break
    found.sort(key=lambda f: f[0])
    return tuple((key, services) for _, key, services in found)


# A trade phrase of several words that belongs to one kind of service only (« toiture
# arrachée », « chaîne du froid ») says which service is meant more surely than one word
# (« plafond », « presses ») or a phrase two trades share: it counts as this many
# occurrences of its service (the concept block's term frequency is sublinear: about twice
# one word's weight). Chosen on the development sets (benchmarks/README.md, French
# relevance): 2 to 4 all help there, 3 the most evenly.
PHRASE_CUE_COUNT = 3


def _family_matches(text: str) -> list[str]:
    """Services whose trade words occur in ``text``: a service once per word or shared
    phrase, ``PHRASE_CUE_COUNT`` times per phrase of several words that only it lists."""
    return [
        service
        for key, services in _family_cues(text)
        for service in services
        for _ in range(PHRASE_CUE_COUNT if len(key) > 1 and len(services) == 1 else 1)
    ]


def _stem_index(
    concepts: Mapping[str, Iterable[str]], non_concepts: Iterable[str]
) -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    """First stem -> (French stems of a lexicon phrase, its labels), longest first; the
    phrases that tag nothing (`lexicon.NON_CONCEPTS`) keep a shorter key inside them from
    firing, as in `_concept_matches`."""
    table: dict[tuple[str, ...], list[str]] = {}
    for phrase in non_concepts:
        if key := _roots(phrase):
            table.setdefault(key, [])
    for label, phrases in concepts.items():
        for phrase in phrases:
            key = _roots(phrase)
            if not key or all(w in _FILLER_ROOTS for w in key):
                continue
            labels = table.setdefault(key, [])
            if label not in labels:
                labels.append(label)
    return _first_word_index(table)


# The lexicon's concepts and everyday synonyms matched on French Snowball stems too, so
# that the forms its phrases do not list meet them: a verb's persons and participles
# (« recruté », « financé », « traduits »), an adjective beside its noun (« comptables »,
# « comptabilité »). Not the situation map's phrases, which are everyday words in a fixed
# order (« prise d'eau » is no « pris l'eau »). A one-word phrase whose stem is
# `SHORT_STEM` letters or fewer meets only its own inflections, as trade words do.
_STEM_SOURCES: dict[str, tuple[str, ...]] = {
    label: (*CONCEPTS.get(label, ()), *SYNONYMS.get(label, ()))
    for label in dict.fromkeys((*CONCEPTS, *SYNONYMS))
}
_STEM_INDEX = _stem_index(_STEM_SOURCES, NON_CONCEPTS)
_STEM_SHORT_FORMS = _short_forms(
    {label: ("", ",".join(phrases)) for label, phrases in _STEM_SOURCES.items()}, {}
)


def _stem_matches(text: str) -> list[str]:
    """Labels of lexicon phrases (`_STEM_SOURCES`) found on the French stems of ``text``,
    leftmost-longest, whole units only (no key inside a hyphenated compound: « bi » is
    not in « bi-mensuel »)."""
    forms: list[tuple[str, str]] = []
    joined: set[int] = set()  # word i is glued by a hyphen to word i - 1
    for unit in _UNIT_RE.findall(text):
        parts = _root_forms(unit)
        if len(parts) > 1:
            joined.update(range(len(forms) + 1, len(forms) + len(parts)))
        forms.extend(parts)
    roots = tuple(root for root, _form in forms)
    found: list[str] = []
    i, n = 0, len(roots)
    while i < n:
        step = 1
        for key, labels in _STEM_INDEX.get(roots[i], ()) if i not in joined else ():
            end = i + len(key)
            short = len(key) == 1 and key[0] in _STEM_SHORT_FORMS
            if short and forms[i][1] not in _STEM_SHORT_FORMS[key[0]]:
                continue
            if end not in joined and roots[i:end] == key:
                found.extend(labels)
                step = len(key)
                break
        i += step
    return found


@lru_cache(maxsize=65536)
def _default_concepts(text: str) -> tuple[str, ...]:
    labels = _concept_matches(text, _DEFAULT_LEXICON)
    # What the stems find beyond the phrases matched word for word (each occurrence once).
    labels += list((Counter(_stem_matches(text)) - Counter(labels)).elements())
    labels += _family_matches(text)
    return tuple(_with_parents(labels, _ALL_PARENTS))


@lru_cache(maxsize=65536)
def _plain_concepts(text: str) -> tuple[str, ...]:
    return tuple(_with_parents(_concept_matches(text, _PLAIN_LEXICON), PARENTS))


def concepts_in(text: str, lexicon: Mapping[tuple[str, ...], list[str]] | None = None) -> list[str]:
    """Concept labels whose phrases occur in ``text`` (each occurrence listed once).

    Phrases match whole words of the normalised text, the longest first; a concept
    that belongs to a broader one (see `lexicon.PARENTS`) brings its parent along.
    """
    if lexicon is None or lexicon is _DEFAULT_LEXICON:
        return list(_default_concepts(text))
    if lexicon is _PLAIN_LEXICON:
        return list(_plain_concepts(text))
    parents = lexicon.parents if isinstance(lexicon, _Lexicon) else {}
    return _with_parents(_concept_matches(text, lexicon), parents)


# A member's own things named inside a request (« dupliquer mon concept de restaurant »,
# « un traducteur pour nos documents commerciaux », « protéger notre réseau informatique
# contre les pirates ») are where the need arises, not what it asks for: a concept that a
# single word of such a thing tags counts `OWN_THING_WEIGHT` of an occurrence, so that the
# side concept of « restaurant » or « commerciaux » weighs less than the service asked
# (franchise, translation, security). Only first-person possessives (« vos » things in an
# offer are its customers', « leur téléphone » is the clients' own), and not at the head of
# a clause, where the thing is what the text tells about (« Notre presse est en panne »,
# « Mon répondeur est plein »). A phrase of several words keeps its weight (« notre premier
# salon professionnel », « nos engagements environnementaux » tell the situation).
# Chosen on the development sets (benchmarks/README.md, French relevance, 2026-12-07).
OWN_THING_WEIGHT = 0.5
# Content words a possessive's noun phrase may hold (« nos 150 commerciaux »), « de » and
# its noun not counted (« mon concept de restaurant »).
OWN_THING_WORDS = 3
_OWN = frozenset(("mon", "ma", "mes", "notre", "nos"))
# Prepositions that STOP_WORDS lacks: they end a noun phrase (« notre réseau contre … »).
_PHRASE_ENDS = frozenset(
    _word_list("contre apres avant selon malgre via parmi envers lors durant hors jusqu")
)
_OWN_TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]")
_CLAUSE_END = frozenset(".!?;:")


@lru_cache(maxsize=65536)
def _own_things(text: str) -> tuple[str, ...]:
    """Words of the noun phrases a first-person possessive opens inside a clause, as
    written: « Je voudrais dupliquer mon concept de restaurant dans d'autres villes » ->
    (« concept », « de », « restaurant »); none for « Notre presse est en panne »."""
    tokens = _OWN_TOKEN_RE.findall(text)
    plain = [normalize_text(t) for t in tokens]
    words: list[str] = []
    i = 0
    while i < len(tokens):
        head = i == 0 or plain[i - 1] in _CLAUSE_END
        if plain[i] not in _OWN or head:
            i += 1
            continue
        i, taken, count = i + 1, 0, 0
        while i < len(tokens) and count < OWN_THING_WORDS and plain[i][:1].isalnum():
            if plain[i] in _PHRASE_ENDS:
                break
            if plain[i] in STOP_WORDS and not plain[i].isdigit():
                # « de » carries the phrase on to its noun: « mon concept de restaurant ».
                carried = (
                    plain[i] in _DE
                    and taken > 0
                    and i + 1 < len(tokens)
                    and plain[i + 1][:1].isalnum()
                    and plain[i + 1] not in STOP_WORDS
                )
                if not carried:
                    break
            else:
                count += 1
            words.append(tokens[i])
            taken += 1
            i += 1
    return tuple(words)


def _concept_counts(text: str, lexicon: Mapping[tuple[str, ...], list[str]]) -> dict[str, float]:
    """Occurrences of each concept of ``text`` (`concepts_in`), those a single word of the
    member's own things tags (`_own_things`) counted `OWN_THING_WEIGHT` each."""
    counts: dict[str, float] = dict(Counter(concepts_in(text, lexicon)))
    own: Counter[str] = Counter()
    for word in _own_things(text):
        own.update(concepts_in(word, lexicon))
    for label, n in own.items():
        if label in counts:
            side = min(n, counts[label])
            counts[label] -= (1.0 - OWN_THING_WEIGHT) * side
    return counts


@lru_cache(maxsize=65536)
def _default_counts(text: str) -> Mapping[str, float]:
    """`_concept_counts` with the default lexicon, cached (read, never changed)."""
    return _concept_counts(text, _DEFAULT_LEXICON)


_LIGHT_STOP = STOP_WORDS | {_light(w) for w in STOP_WORDS} | {"de"}
_LIGHT_GENERIC = GENERIC_WORDS | {_light(w) for w in GENERIC_WORDS}


def _meaningful(word: str) -> bool:
    """A light word that can stand for a topic: not a function word nor a generic one."""
    return word not in _LIGHT_STOP and word not in _LIGHT_GENERIC


def _content(words: Iterable[str]) -> list[str]:
    return [w for w in words if w not in _LIGHT_STOP]


def _surface(text: str, units: _Units, i: int, j: int) -> str:
    """Words ``i..j`` of ``text`` as written, lowercased unless a name or an acronym."""
    start, end = units.spans[i][0], units.spans[j - 1][1]
    out = []
    for word in re.split(r"(\s+)", " ".join(text[start:end].split())):
        keep = word.isupper() and len(word) > 1 or (word[:1].isupper() and start > 0 and i > 0)
        out.append(word if keep else word.lower())
    return "".join(out)


@runtime_checkable
class TextEncoder(Protocol):
    """Anything that turns texts into row vectors: (n_texts,) -> (n_texts, dim)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray | sparse.spmatrix: ...


def _unit_rows(rows: sparse.spmatrix) -> sparse.csr_matrix:
    """A copy of sparse ``rows`` scaled to unit L2 norm (zero rows stay zero): sklearn's
    ``normalize`` without its input checks, which cost more than the work on one short
    question; the same kernel, so the same figures to the last bit."""
    out = sparse.csr_matrix(rows, copy=True)
    inplace_csr_row_normalize_l2(out)
    return out


def _tfidf_rows(
    block: TfidfVectorizer,
    texts: Sequence[str],
    counted: Callable[[str], Mapping[str, float]] | None = None,
) -> sparse.csr_matrix:
    """``block.transform(texts)`` of a fitted vectorizer, figure for figure, without
    sklearn's input validation (most of the time of a one-text call): the same
    analyzer, counts, sublinear tf, IDF and L2 kernel, in the same order and dtype.

    ``counted``: text -> feature -> occurrences (a float), instead of the analyzer's
    whole counts: the rows of sklearn's ``TfidfTransformer`` on those counts."""
    analyze = block.build_analyzer()
    vocabulary = block.vocabulary_
    indices: list[int] = []
    values: list[float] = []
    indptr = [0]
    for text in texts:
        counts: dict[int, float] = {}
        if counted is not None:
            for feature, n in counted(text).items():
                j = vocabulary.get(feature)
                if j is not None and n > 0:
                    counts[j] = n
        else:
            for feature in analyze(text):
                j = vocabulary.get(feature)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
        indices.extend(counts)
        values.extend(counts.values())
        indptr.append(len(indices))
    rows = sparse.csr_matrix(
        (
            np.asarray(values, dtype=block.dtype),
            np.asarray(indices, dtype=np.int32),
            np.asarray(indptr, dtype=np.int32),
        ),
        shape=(len(texts), len(vocabulary)),
        dtype=block.dtype,
    )
    rows.sort_indices()
    if block.binary:
        rows.data.fill(1)
    if block.sublinear_tf:
        np.log(rows.data, rows.data)
        rows.data += 1.0
    if block.use_idf:
        rows.data *= block.idf_[rows.indices]
    if block.norm == "l2":
        inplace_csr_row_normalize_l2(rows)
    elif block.norm is not None:
        rows = sparse.csr_matrix(l2_normalize(rows, norm=block.norm))
    return rows


class MixedRows:
    """Rows ``[lexical | semantic]`` of `RelevanceModel.encode(..., split=True)`: the sparse
    lexical block and the dense semantic block held apart. ``rows @ q`` for one query
    (d,) gives the (n,) cosines; ``tocsr()`` the plain sparse rows."""

    def __init__(self, lexical: sparse.csr_matrix, dense: np.ndarray) -> None:
        if lexical.shape[0] != dense.shape[0]:
            raise ValueError("the lexical and semantic blocks must have one row per text")
        self.lexical = sparse.csr_matrix(lexical, dtype=np.float32)
        self.dense = np.ascontiguousarray(dense, dtype=np.float32)
        self.shape = (self.lexical.shape[0], self.lexical.shape[1] + self.dense.shape[1])

    def __matmul__(self, query: Any) -> np.ndarray:
        q = dense_array(query)
        q = q.reshape(-1).astype(np.float32)
        if q.shape[0] != self.shape[1]:
            raise ValueError(f"query of dimension {q.shape[0]} against rows of {self.shape[1]}")
        d = self.lexical.shape[1]
        cosines: np.ndarray = np.asarray(self.lexical @ q[:d]).ravel() + self.dense @ q[d:]
        return cosines

    def tocsr(self) -> sparse.csr_matrix:
        return sparse.hstack(
            [self.lexical, sparse.csr_matrix(self.dense)], format="csr", dtype=np.float32
        )


class PostingRows:
    """Many unit rows (every member's offers) laid out for one query at a time.

    The sparse lexical block is kept by column, each term with the rows that hold it, so
    that a query reads only the postings of its own terms (a question holds a few dozen
    of the vocabulary's thousands) instead of every stored entry; a dense semantic block
    (from a `MixedRows`) is kept dense. ``rows @ q`` gives the (n,) float32 cosines, equal
    to the last bit to the plain rows' product: the same float32 sums in the same order,
    the terms the query lacks adding exact zeros there.
    """

    def __init__(self, rows: sparse.spmatrix | MixedRows) -> None:
        if isinstance(rows, MixedRows):
            lexical, dense = rows.lexical, rows.dense
        else:
            lexical, dense = sparse.csr_matrix(rows), None
        self.by_term = sparse.csc_matrix(lexical, dtype=np.float32)
        self.by_term.sort_indices()
        self.dense = dense
        width = lexical.shape[1] + (dense.shape[1] if dense is not None else 0)
        self.shape = (lexical.shape[0], width)

    def __matmul__(self, query: Any) -> np.ndarray:
        d = self.by_term.shape[1]
        if sparse.issparse(query):
            q = sparse.csr_matrix(query, dtype=np.float32).reshape(1, -1).tocsr()
            q.sum_duplicates()
            cols, vals = q.indices.astype(np.int64), q.data
            width = q.shape[1]
        else:
            flat = np.asarray(query, dtype=np.float32).reshape(-1)
            cols = np.flatnonzero(flat)
            vals, width = flat[cols], flat.shape[0]
        if width != self.shape[1]:
            raise ValueError(f"query of dimension {width} against rows of {self.shape[1]}")
        lexical = cols < d
        if lexical.any():
            picked = self.by_term[:, cols[lexical]]
            out = np.asarray(picked @ vals[lexical], dtype=np.float32).ravel()
        else:
            out = np.zeros(self.shape[0], dtype=np.float32)
        if self.dense is not None:
            semantic = np.zeros(width - d, dtype=np.float32)
            semantic[cols[~lexical] - d] = vals[~lexical]
            out = out + self.dense @ semantic
        return out


# Share of the semantic cosine in the mixed one, calibrated on the development sets of
# benchmarks/data/relevance_fr (dev and dev2; 0.3-0.5 about even, 0.4 best MRR on both).
SEMANTIC_WEIGHT = 0.4
_CENTRE_SAMPLE = 4096  # corpus texts whose mean embedding centres the semantic rows

# The kinds of service a text is near through the encoder (the mixed path only): each
# phrase of the situation map (everyday phrases, situations, the families' phrases of two
# words or more) is embedded once, and a text is near a service by its best cosine with
# one of that service's phrases. A text and a service nearer than `SERVICE_FLOOR` share a
# block weighted `SERVICE_WEIGHT` (beside the mixed cosine's 1), the services a softmax of
# temperature `SERVICE_TEMPERATURE` over those best cosines: the map's wordings met in
# other words, a situation told in words the map does not list. Chosen on the development
# sets and the labelled set (benchmarks/README.md, French relevance: 0.3 gains one more
# situation there but loses two more labelled needs that name their service); the floor
# is a cosine of the bundled multilingual-e5-small.
SERVICE_WEIGHT = 0.15
SERVICE_FLOOR = 0.86
SERVICE_TEMPERATURE = 0.01
# A kind of service is said in a reason (`RelevanceModel.services_near`) only when it has
# at least this share of the largest weight in both the need's and the offer's block.
_SERVICE_STRONG = 0.5


def service_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(phrases, their kinds of service) of the situation map, one row per pair, grouped by
    service in the order of `SERVICES`."""
    by_service: dict[str, dict[str, None]] = {label: {} for label in SERVICES}
    for service, cues in EVERYDAY.items():
        by_service[service].update(dict.fromkeys(c.strip() for c in cues.split(",")))
    for phrases, services in SITUATIONS.values():
        for service in services:
            by_service[service].update(dict.fromkeys(phrases))
    for service, (_matter, cues) in FAMILIES.items():
        by_service[service].update(
            dict.fromkeys(c.strip() for c in cues.split(",") if len(c.split()) >= 2)
        )
    pairs = [(p, s) for s, phrases in by_service.items() for p in phrases if p]
    return tuple(p for p, _ in pairs), tuple(s for _, s in pairs)


# Embedded phrases by encoder (its model file, or the object itself): computed once per
# process, read from (and kept in) the encoder's store of vectors between processes.
_SERVICE_ROWS: dict[Any, tuple[Any, np.ndarray, np.ndarray]] = {}


def _embed_phrases(encoder: TextEncoder, phrases: Sequence[str]) -> np.ndarray:
    """The phrases' rows. A `SemanticEncoder` with a store (`semantic.EmbeddingStore`)
    keeps them there as one table, read back at once; a phrase added to the map is the
    only one embedded (the ~4,500 phrases take ~50 s of CPU)."""
    if isinstance(encoder, SemanticEncoder):
        rows = encoder.encode_table("services", phrases)
    else:
        rows = dense_array(encoder.encode(list(phrases)))
    # Rounded to float16, as kept in the store and pickled: every process has the same.
    return np.asarray(rows, dtype=np.float16).astype(np.float32)


def service_table(encoder: TextEncoder) -> tuple[np.ndarray, np.ndarray]:
    """(embedded phrases (p, dim), start of each service's rows (n_services,))."""
    model = getattr(encoder, "path", None)
    key = (str(model), type(encoder).__name__) if model is not None else id(encoder)
    if key not in _SERVICE_ROWS:
        phrases, services = service_phrases()
        rows = _embed_phrases(encoder, phrases)
        order = {label: i for i, label in enumerate(SERVICES)}
        starts = np.searchsorted([order[s] for s in services], np.arange(len(order)))
        _SERVICE_ROWS[key] = (encoder, rows, starts)  # the encoder kept: its id stays its own
    _, rows, starts = _SERVICE_ROWS[key]
    return rows, starts


def service_rows(table: tuple[np.ndarray, np.ndarray], embedded: np.ndarray) -> np.ndarray:
    """(n, dim) unit embeddings of texts -> (n, len(SERVICES)) unit rows of the services
    they are near (`SERVICE_FLOOR`, `SERVICE_TEMPERATURE`), zero where none is near;
    ``table`` from `service_table`."""
    phrases, starts = table
    embedded = np.asarray(embedded, dtype=np.float32)
    if embedded.shape[0] == 0:
        return np.zeros((0, len(starts)), dtype=np.float32)
    sizes = np.diff(starts, append=phrases.shape[0])
    cosines = embedded @ phrases.T
    best = np.maximum.reduceat(cosines, np.minimum(starts, len(phrases) - 1), axis=1)
    best[:, sizes == 0] = -1.0  # a kind of service without phrases is near nothing
    top = best.max(axis=1, keepdims=True)
    weights = np.exp((best - top) / SERVICE_TEMPERATURE)
    weights[best < SERVICE_FLOOR] = 0.0
    unit: np.ndarray = l2_normalize(weights).astype(np.float32)
    return unit


# Function words that tell a text's language: the map's phrases are French, and an English
# text's nearest French phrase tells its object (« boutique en ligne »), not the service
# it names (« warehouse storage for our e-shop »). Words that French borrows or spells
# alike are left out (« burn-out », « start-up », « turn-over », « no-code », « thèse »).
_ENGLISH_WORDS = frozenset(
    _word_list(
        """
    the of and to in for with at by from or is are be been was were its this that those
    our your my we you they i us can will would could should do does have has had not but
    so if than then into about any some all who what when how which there their them he
    she his her
    """
    )
)
_FRENCH_WORDS = frozenset(
    _word_list(
        """
    au aux avec ce ces cet cette dans de des du elle et eux il ils je la le les leur leurs
    lui ma mais mes moi mon ne nos notre nous ou par pas pour qu que qui sa se ses son sur
    ta te tes toi ton tu un une vos votre vous est sont suis chez sans sous tres plus
    depuis pendant quand comment
    """
    )
)


def in_english(text: str) -> bool:
    """Whether a text is in English rather than French: more English function words than
    French ones (« we need a business lawyer » yes, « il nous faut un juriste » no)."""
    words = _TOKEN_RE.findall(normalize_text(text))
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english > sum(w in _FRENCH_WORDS for w in words)


def service_texts(texts: Sequence[str]) -> np.ndarray:
    """(n,) bool: the texts the services block applies to (the French ones)."""
    return np.array([not in_english(t) for t in texts], dtype=bool)


# A situation's service is named in a reason only when the need (one line of it) and the
# offer share it at least this share as strongly as the service they share most (tags
# counted in each text, multiplied).
_MAIN_SERVICE_SHARE = 0.25


def _main_services(need_tags: Sequence[str], offer_tags: Sequence[str]) -> frozenset[str]:
    """The kinds of service (`situations.SERVICES`) a need and an offer share most: each
    shared service's tags counted in both texts and multiplied, those within
    `_MAIN_SERVICE_SHARE` of the largest product (every service of the offer when they
    share none)."""
    need_counts = Counter(t for t in need_tags if t in SERVICES)
    offer_counts = Counter(t for t in offer_tags if t in SERVICES)
    strength = {s: n * offer_counts[s] for s, n in need_counts.items() if s in offer_counts}
    if not strength:
        return frozenset(offer_counts)
    best = max(strength.values())
    return frozenset(s for s, v in strength.items() if v >= _MAIN_SERVICE_SHARE * best)


class RelevanceModel:
    """TF-IDF relevance on words, lexicon concepts and character n-grams, optionally
    mixed with a semantic encoder.

    Weights are the share of each block in the cosine of two texts that both have
    content in every block. Defaults were chosen on the labelled set in
    ``tests/engine/data/relevance_fr.json`` and the development sets of
    ``benchmarks/data/relevance_fr`` (concepts 0.5: the situation map and the trade
    families carry what needs and offers share without sharing words). ``semantic``: any
    `TextEncoder` returning dense unit rows (`semantic.SemanticEncoder`);
    ``semantic_weight`` is its share of the cosine.
    """

    def __init__(
        self,
        *,
        word_weight: float = 0.3,
        concept_weight: float = 0.5,
        char_weight: float = 0.2,
        char_ngrams: tuple[int, int] = (3, 5),
        concepts: Mapping[str, Iterable[str]] | None = None,
        semantic: TextEncoder | None = None,
        semantic_weight: float = SEMANTIC_WEIGHT,
        situations: bool = True,
        service_weight: float = SERVICE_WEIGHT,
    ) -> None:
        weights = np.array([word_weight, concept_weight, char_weight], dtype=float)
        if np.any(weights < 0) or not np.isfinite(weights).all() or weights.sum() <= 0:
            raise ValueError("block weights must be finite, non-negative and not all zero")
        if not 0.0 <= semantic_weight <= 1.0:
            raise ValueError("semantic_weight must be between 0 and 1")
        self.weights = weights / weights.sum()
        self.char_ngrams = char_ngrams
        if concepts is not None:
            self._lexicon = _compile_lexicon(concepts)
        else:
            self._lexicon = _DEFAULT_LEXICON if situations else _PLAIN_LEXICON
        self.situations = situations and concepts is None
        self._blocks: list[TfidfVectorizer] | None = None
        self.semantic = semantic
        self.semantic_weight = float(semantic_weight) if semantic is not None else 0.0
        if not service_weight >= 0.0:
            raise ValueError("service_weight must be non-negative")
        # The services block rides with the semantic one (mixed path, situation map on).
        mixed = semantic is not None and 0.0 < self.semantic_weight < 1.0 and self.situations
        self.service_weight = float(service_weight) if mixed else 0.0
        # The embedded phrases, kept with the model (pickled with an index: a process that
        # reads it back does not embed them again).
        self._services: tuple[np.ndarray, np.ndarray] | None = None
        self._centre: np.ndarray | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (an index kept in a shared cache) with the module's own lexicons named,
        not copied: `concepts_in` knows them by identity (the situation map's trade families
        and everyday phrases are read only for the default lexicon), so a copy read back in
        another process would tag texts without them and encode them differently."""
        state = self.__dict__.copy()
        for name, table in _NAMED_LEXICONS.items():
            if state["_lexicon"] is table:
                state["_lexicon"] = name
        if state.get("_services") is not None:  # float16 values already (`_embed_phrases`)
            phrases, starts = state["_services"]
            state["_services"] = (phrases.astype(np.float16), starts)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # A model pickled by an earlier version (an index still in a shared cache after an
        # upgrade) lacks what was added since: it reads back without the services block.
        state.setdefault("service_weight", 0.0)
        state.setdefault("_services", None)
        if isinstance(state.get("_lexicon"), str):
            state["_lexicon"] = _NAMED_LEXICONS[state["_lexicon"]]
        if state.get("_services") is not None:
            phrases, starts = state["_services"]
            state["_services"] = (np.asarray(phrases, dtype=np.float32), starts)
        self.__dict__.update(state)

    def _concept_tokens(self, text: str) -> list[str]:
        return concepts_in(text, self._lexicon)

    def _char_text(self, text: str) -> str:
        return " ".join(_words(text))

    def fit(self, corpus: Iterable[str]) -> RelevanceModel:
        """Learn vocabularies and IDF from a corpus of needs and offers; returns self."""
        corpus = list(corpus)
        if not corpus:
            raise ValueError("cannot fit a RelevanceModel on an empty corpus")
        self.__dict__.pop("_idf_cache", None)
        self._blocks = [
            TfidfVectorizer(analyzer=tokenize, sublinear_tf=True, dtype=np.float32),
            TfidfVectorizer(analyzer=self._concept_tokens, sublinear_tf=True, dtype=np.float32),
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=self.char_ngrams,
                preprocessor=self._char_text,
                sublinear_tf=True,
                min_df=2 if len(corpus) >= 50 else 1,
                dtype=np.float32,
            ),
        ]
        for block in self._blocks:
            try:
                block.fit(corpus)
            except ValueError:  # empty vocabulary in one block (e.g. no concept at all)
                block.fit(corpus + ["__vide__"])
        if self.semantic is not None:
            # Raw embeddings of any two texts have a cosine of ~0.8; centring on the
            # corpus' mean spreads them so that the mix weighs what differs.
            step = max(1, len(corpus) // _CENTRE_SAMPLE)
            rows = np.asarray(self.semantic.encode(corpus[::step]), dtype=np.float32)
            self._centre = rows.mean(axis=0) if rows.size else None
            if self.service_weight > 0:
                self._services = service_table(self.semantic)
        return self

    def encode(self, texts: Sequence[str], *, split: bool = False) -> sparse.csr_matrix:
        """(n,) texts -> (n, dim) sparse float32 rows of unit norm (zero rows for empty).

        ``split``: with a semantic encoder, return a `MixedRows` (the same rows with the
        dense semantic block kept dense): an index of many offers queried one need at a
        time ("ask the network") then costs a sparse and a dense pass, not a sparse pass
        over n x dim stored entries."""
        if self._blocks is None:
            raise ValueError("RelevanceModel is not fitted: call fit(corpus) first")
        texts = list(texts)
        # The member's own things weigh less with the default lexicon (`_own_things`); the
        # plain one and a given one count as they always did.
        own = _default_counts if self._lexicon is _DEFAULT_LEXICON else None
        counted = [None, own, None]
        parts = [
            _unit_rows(_tfidf_rows(block, texts, count)) * np.float32(np.sqrt(w))
            for block, count, w in zip(self._blocks, counted, self.weights, strict=True)
            if w > 0
        ]
        lexical = _unit_rows(sparse.hstack(parts, format="csr")).astype(np.float32)
        if self.semantic is None or self.semantic_weight == 0.0:
            return lexical
        embedded = np.asarray(self.semantic.encode(texts), dtype=np.float32)
        dense = self._centred(embedded)
        w = self.semantic_weight
        if w == 1.0:
            return sparse.csr_matrix(dense)
        lexical = lexical * np.float32(np.sqrt(1 - w))
        dense = dense * np.float32(np.sqrt(w))
        if self.service_weight > 0:
            if self._services is None:
                self._services = service_table(self.semantic)
            near = service_rows(self._services, embedded)
            near[~service_texts(texts)] = 0.0
            dense = np.hstack([dense, near * np.float32(np.sqrt(self.service_weight))])
        # A text with words but no lexical feature (or the reverse) still gets a unit row.
        norms = np.sqrt(
            np.asarray(lexical.multiply(lexical).sum(axis=1)).ravel() + (dense**2).sum(1)
        )
        scale = (1.0 / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        lexical = sparse.csr_matrix(lexical.multiply(scale[:, None]), dtype=np.float32)
        dense = dense * scale[:, None]
        if split:
            return MixedRows(lexical, dense)
        return sparse.hstack([lexical, sparse.csr_matrix(dense)], format="csr", dtype=np.float32)

    def semantic_rows(self, texts: Sequence[str]) -> np.ndarray:
        """(n,) texts -> (n, dim) centred, unit semantic rows (zero for blank texts)."""
        if self.semantic is None:
            raise ValueError("this RelevanceModel has no semantic encoder")
        return self._centred(np.asarray(self.semantic.encode(list(texts)), dtype=np.float32))

    def _centred(self, rows: np.ndarray) -> np.ndarray:
        blank = ~rows.any(axis=1)
        if self._centre is not None:
            rows = rows - self._centre
        rows[blank] = 0.0
        unit: np.ndarray = l2_normalize(rows).astype(np.float32)
        return unit

    def matched_terms(self, need_text: str, offer_text: str, limit: int = 3) -> list[str]:
        """Readable topics that make a need and an offer meet, at most ``limit``.

        First the concepts both texts share, by their French label ("comptabilité"),
        the finer one rather than its parent, the rarer in the fitted corpus first; then
        phrases of two words or more found in both ("usinage de précision"), as written
        in the need; then single shared words that are neither function words nor generic
        ("temps", "client") nor already said by a chosen concept. A term whose words are
        all inside a chosen one is dropped; one that extends a chosen one replaces it.
        Hyphenated compounds are kept whole ("sous-traitant", never "traitant").
        """
        if limit <= 0:
            return []
        need, offer = _units(need_text), _units(offer_text)
        lexicon = self._lexicon
        parents = lexicon.parents if isinstance(lexicon, _Lexicon) else {}
        need_concepts = self._concept_tokens(need_text)
        offer_concepts = set(self._concept_tokens(offer_text))
        shared = [c for c in dict.fromkeys(need_concepts) if c in offer_concepts]
        ancestors = {p for c in shared for p in _with_parents([c], parents)[1:]}
        concept_idf = self._idf_map(1)
        shared = sorted(
            (c for c in shared if c not in ancestors), key=lambda c: -concept_idf.get(c, 0.0)
        )
        said = [self._concept_words(c) for c in shared + list(ancestors)]
        covered = set().union(*(words for words, _ in said))
        covered_keys = set().union(*(keys for _, keys in said))
        candidates: list[tuple[str, frozenset[str]]] = [
            (c, frozenset(_content(_phrase_key(c)))) for c in shared
        ]
        candidates += self._shared_phrases(need_text, need, offer, covered_keys)
        words_idf = self._idf_map(0)
        singles = self._shared_words(need_text, need, offer, covered)
        singles.sort(key=lambda t: -words_idf.get(stem(next(iter(t[1]))), 0.0))
        candidates += singles
        chosen: list[tuple[str, frozenset[str]]] = []
        for term, words in candidates:
            if not words or any(words <= w for _, w in chosen):
                continue
            wider = [i for i, (_, w) in enumerate(chosen) if w < words]
            if wider:
                chosen[wider[0]] = (term, words)
                chosen = [c for i, c in enumerate(chosen) if i not in wider[1:]]
            elif len(chosen) < limit:
                chosen.append((term, words))
        return [term for term, _ in chosen]

    def situations_met(
        self, need_text: str, offer_text: str, limit: int = 1
    ) -> list[dict[str, str]]:
        """Situations the need tells that the offer's kind of service answers, at most
        ``limit``, in the order the need tells them: ``{"situation": "un dégât des eaux",
        "service": "expertise des sinistres", "does": "expertise les sinistres"}`` (see
        `situations.py`); then the kinds of service the need names by their trade words
        (`situations.FAMILIES`) and last, on the mixed path, a kind of service the
        services block finds near both (`services_near`). These two carry their kind's
        matter as ``situation`` and ``"by": "trade"`` or ``"by": "near"``: the need did
        not tell that matter (« un directeur financier » is no « trésorerie
        imprévisible »), so a reason names the service, never the matter
        (``reasons.told_by_need``); so does a situation found by a lone word of its
        phrases (``"by": "word"``, `_told_in_words`: « restaurant » is no « contrôle
        sanitaire »). Empty when the model was built without the map."""
        if not self.situations or limit <= 0:
            return []
        offer_tags = self._concept_tokens(offer_text)
        offer_concepts = set(offer_tags)
        found: list[dict[str, str]] = []

        def first_main(services: Iterable[str], need_part: str) -> str | None:
            """The first of ``services`` the offer answers that is among those the need
            (``need_part``) and the offer share most (`_MAIN_SERVICE_SHARE`): a line that
            asks for a writer and mentions product sheets is not « des photos de mauvaise
            qualité », though a photographer's offer would answer that."""
            answers = [s for s in services if s in offer_concepts]
            if not answers:
                return None
            main = _main_services(self._concept_tokens(need_part), offer_tags)
            return next((s for s in answers if s in main), None)

        said_before: set[str] = set()
        # A situation found by a lone word of its phrases is not told: ``"by": "word"``.
        phrases = _phrases_by_label(need_text, _SITUATION_LEXICON)
        # Line by line (sentence by sentence): each line its own main services.
        for part in text_parts(need_text) or [need_text]:
            for said in dict.fromkeys(_concept_matches(part, _SITUATION_LEXICON)):
                if said in said_before:
                    continue
                service = first_main(SITUATIONS[said][1], part)
                if service is not None:  # else a later line may still tell it
                    said_before.add(said)
                    met = {"situation": said, "service": service, "does": SERVICES[service][0]}
                    if not _told_in_words(phrases.get(said, ())):
                        met["by"] = "word"
                    found.append(met)
                if len(found) >= limit:
                    return found
        # Then the trade words of a kind of service (`situations.FAMILIES`): a reason
        # names the service they name, not its matter (``"by": "trade"``).
        # Only when the need and the offer share no concept of the lexicon, and only words
        # the offer does not use itself: a need that names the service as the offer does
        # is explained by the terms they share, not by a situation.
        lexicon = self._lexicon
        if set(_concept_matches(need_text, lexicon)) & set(_concept_matches(offer_text, lexicon)):
            return found
        told = {f["service"] for f in found}
        offer_cues = {key for key, _services in _family_cues(offer_text)}
        spoken = [s for key, ss in _family_cues(need_text) if key not in offer_cues for s in ss]
        for service in dict.fromkeys(spoken):
            if len(found) >= limit:
                break
            if service not in told and first_main([service], need_text) == service:
                matter = FAMILIES[service][0]
                found.append(
                    {
                        "situation": matter,
                        "service": service,
                        "does": SERVICES[service][0],
                        "by": "trade",
                    }
                )
        if not found:  # last, the kinds of service the services block finds in both
            found = [
                {"situation": FAMILIES[s][0], "service": s, "does": SERVICES[s][0], "by": "near"}
                for s in self.services_near(need_text, offer_text)[:limit]
            ]
        return found

    def services_near(self, need_text: str, offer_text: str) -> list[str]:
        """Kinds of service the services block (the mixed path) finds near both the need
        and the offer (among the strongest of each, `_SERVICE_STRONG`), the largest share
        of their block's cosine first: the services through which the block adds to their
        relevance. Empty off the mixed path."""
        if self.service_weight <= 0 or self.semantic is None:
            return []
        if self._services is None:
            self._services = service_table(self.semantic)
        texts = [need_text, offer_text]
        embedded = np.asarray(self.semantic.encode(texts), dtype=np.float32)
        near = service_rows(self._services, embedded)
        near[~service_texts(texts)] = 0.0
        # A service in both texts' tails (the softmax's small weights) is not what met.
        strong = (near >= _SERVICE_STRONG * near.max(axis=1, keepdims=True)) & (near > 0)
        shared = np.where(strong.all(axis=0), near[0] * near[1], 0.0)
        labels = list(SERVICES)
        return [labels[int(j)] for j in np.argsort(-shared, kind="stable") if shared[j] > 0]

    def _concept_words(self, label: str) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
        """Content words and phrase keys of a concept: what the concept already says."""
        cache: dict[str, tuple[frozenset[str], frozenset[tuple[str, ...]]]]
        cache = self.__dict__.setdefault("_concept_words_cache", {})
        if label not in cache:
            keys = {_phrase_key(label)} | {k for k, labs in self._lexicon.items() if label in labs}
            words = frozenset(w for key in keys for w in _content(key))
            cache[label] = (words, frozenset(keys))
        return cache[label]

    @staticmethod
    def _shared_phrases(
        text: str, need: _Units, offer: _Units, covered: set[tuple[str, ...]]
    ) -> list[tuple[str, frozenset[str]]]:
        """Phrases of 2-5 words (a compound counts as its words) in the need and the offer,
        longest first, opening and closing on a meaningful word and not crossing
        punctuation nor a compound's edge; phrases of a chosen concept are left out."""
        words, n = need.words, len(need.words)
        offer_grams = {
            offer.words[i : i + k] for k in range(2, 6) for i in range(len(offer.words) - k + 1)
        }
        taken = [False] * n
        found: list[tuple[int, str, frozenset[str]]] = []
        for k in range(5, 1, -1):
            for i in range(n - k + 1):
                j = i + k
                gram = words[i:j]
                if (
                    any(taken[i:j])
                    or not need.starts[i]
                    or not need.ends[j - 1]
                    or any(need.breaks[i + 1 : j])
                    or not _meaningful(gram[0])
                    or not _meaningful(gram[-1])
                    or gram not in offer_grams
                ):
                    continue
                content = frozenset(_content(gram))
                if gram in covered:
                    continue
                taken[i:j] = [True] * k
                found.append((i, _surface(text, need, i, j), content))
        return [(term, content) for _, term, content in sorted(found)]

    @staticmethod
    def _shared_words(
        text: str, need: _Units, offer: _Units, covered: set[str]
    ) -> list[tuple[str, frozenset[str]]]:
        """Single words (or whole one-word units) of the need also in the offer."""
        offer_words = set(offer.words)
        found: dict[str, tuple[str, frozenset[str]]] = {}
        for i, word in enumerate(need.words):
            if (
                need.starts[i]
                and need.ends[i]
                and word in offer_words
                and _meaningful(word)
                and len(word) > 3
                and not word.isdigit()
                and word not in covered
            ):
                surface = _surface(text, need, i, i + 1)
                if not surface[:1].isupper():  # a lone place or name is not a topic
                    found.setdefault(word, (surface, frozenset((word,))))
        return list(found.values())

    def _idf_map(self, block: int) -> dict[str, float]:
        """Feature -> IDF of one fitted block, computed once per fit."""
        cache: dict[int, dict[str, float]] = self.__dict__.setdefault("_idf_cache", {})
        if block not in cache:
            cache[block] = self._idf(block)
        return cache[block]

    def _idf(self, block: int) -> dict[str, float]:
        if self._blocks is None:
            return {}
        vec = self._blocks[block]
        return dict(zip(vec.get_feature_names_out(), vec.idf_, strict=True))


def dense_array(rows: Any) -> np.ndarray:
    """``rows`` as a dense array, whether a scipy sparse matrix or anything array-like."""
    dense: np.ndarray = rows.toarray() if sparse.issparse(rows) else np.asarray(rows)
    return dense


def relevance(
    needs: sparse.spmatrix | np.ndarray, offers: sparse.spmatrix | np.ndarray
) -> np.ndarray:
    """Cosine of unit rows: (n, d) needs x (m, d) offers -> dense (n, m) in [0, 1]."""
    cosines: np.ndarray = np.clip(dense_array(needs @ offers.T), 0.0, 1.0)
    return cosines


def top_k(
    query: sparse.spmatrix | np.ndarray, matrix: sparse.spmatrix | np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Best ``k`` rows of ``matrix`` (m, d) for one query (d,) or (1, d).

    Returns (indices, scores), both (min(k, m),), best first; ties broken by index.
    """
    if k < 0:
        raise ValueError("k must be non-negative")
    q = dense_array(query).astype(np.float32, copy=False).reshape(-1)
    scores = matrix @ q
    scores = np.asarray(scores).reshape(-1)
    k = min(k, scores.shape[0])
    if k == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    part = np.argpartition(-scores, k - 1)[:k] if k < scores.shape[0] else np.arange(k)
    order = np.lexsort((part, -scores[part]))
    best = part[order]
    return best.astype(np.int64), scores[best]
