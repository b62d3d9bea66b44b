"""The English catalogue is complete, compiled, and served only to those who ask for it."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

import passerelles

LOCALE = Path(passerelles.__file__).parent / "locale"
LC_MESSAGES = LOCALE / "en" / "LC_MESSAGES"
PO_PATH = LC_MESSAGES / "django.po"
MO_PATH = LC_MESSAGES / "django.mo"
FR_PO_PATH = LOCALE / "fr" / "LC_MESSAGES" / "django.po"
FR_MO_PATH = LOCALE / "fr" / "LC_MESSAGES" / "django.mo"
VOUCHES_FR = ("%(n)s recommandation reçue", "%(n)s recommandations reçues")

PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif%]")
HEADLINE_FR = "Gardez vos cercles. Ouvrez-leur des passerelles."
HEADLINE_EN = "Keep your circles. Build bridges between them."


def parse_po(path: Path) -> list[dict]:
    """A small .po reader: one dict per entry with flags, msgid, msgid_plural, msgstr(s)."""
    entries, entry, field = [], None, None

    def flush():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#~"):
            raise AssertionError(f"obsolete entry left in the catalogue: {line}")
        if line.startswith("#"):
            if entry is None or "msgid" in entry:
                flush()
                entry = {"flags": set(), "msgstr": {}}
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
            continue
        value = ast.literal_eval(rest)
        if keyword in ("msgid", "msgctxt") and entry is not None and "msgid" in entry:
            flush()
            entry = {"flags": set(), "msgstr": {}}
        if entry is None:
            entry = {"flags": set(), "msgstr": {}}
        if keyword.startswith("msgstr"):
            field = int(keyword[7:-1]) if "[" in keyword else 0
            entry["msgstr"][field] = value
        else:
            field = keyword
            entry[keyword] = value
    flush()
    return entries


@pytest.fixture(scope="module")
def entries():
    parsed = parse_po(PO_PATH)
    assert parsed[0]["msgid"] == "", "the catalogue starts with its header"
    return parsed


def test_every_entry_is_translated_and_none_is_fuzzy(entries):
    messages = entries[1:]
    assert len(messages) > 500
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert fuzzy == []
    empty = [e["msgid"] for e in messages if not all(e["msgstr"].values())]
    assert empty == []
    plural_missing = [e["msgid"] for e in messages if "msgid_plural" in e and len(e["msgstr"]) != 2]
    assert plural_missing == []


def test_translations_keep_their_placeholders(entries):
    broken = []
    for e in entries[1:]:
        sources = [e["msgid"], e.get("msgid_plural", e["msgid"])]
        for index, msgstr in e["msgstr"].items():
            source = sources[min(index, 1)]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(msgstr)):
                broken.append(e["msgid"])
    assert broken == []


def test_compiled_catalogue_matches_the_po(entries):
    """The committed .mo holds exactly what the .po says (so nobody forgot to recompile)."""
    with MO_PATH.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    stale = []
    for e in entries[1:]:
        key = f"{e['msgctxt']}\x04{e['msgid']}" if "msgctxt" in e else e["msgid"]
        if "msgid_plural" in e:
            for index, msgstr in e["msgstr"].items():
                if catalog.get((key, index)) != msgstr:
                    stale.append(e["msgid"])
        elif catalog.get(key) != e["msgstr"][0]:
            stale.append(e["msgid"])
    assert stale == []


@pytest.mark.parametrize(
    ("french", "english"),
    [
        (HEADLINE_FR, HEADLINE_EN),
        ("Cercles", "Circles"),
        ("Mises en relation", "Introductions"),
        ("La contemplation du monde", "Contemplating the world"),
        ("Le développement de soi", "Self-development"),
        ("Table ronde", "Round table"),
    ],
)
def test_key_strings_translate_in_english(french, english):
    with translation.override("en"):
        assert translation.gettext(french) == english
    with translation.override("fr"):
        assert translation.gettext(french) == french


def test_plural_forms_in_english():
    with translation.override("en"):
        one = translation.ngettext("%(n)s membre", "%(n)s membres", 1) % {"n": 1}
        many = translation.ngettext("%(n)s membre", "%(n)s membres", 3) % {"n": 3}
    assert (one, many) == ("1 member", "3 members")


def test_language_switch_serves_english(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert HEADLINE_EN in page
    assert HEADLINE_FR not in page


def test_french_without_the_cookie_even_if_the_browser_prefers_english(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr">' in page
    assert HEADLINE_FR in page
    assert HEADLINE_EN not in page


def test_french_catalogue_holds_every_plural_entry_as_identity(entries):
    """French needs only its plural rule (0 is singular): every plural message, as identity."""
    french = parse_po(FR_PO_PATH)
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in french[0]["msgstr"][0]
    assert "Language: fr" in french[0]["msgstr"][0]

    def key(e):
        return (e.get("msgctxt"), e["msgid"], e.get("msgid_plural"))

    plurals = {key(e) for e in entries[1:] if "msgid_plural" in e}
    assert plurals == {key(e) for e in french[1:]}
    fuzzy = [e["msgid"] for e in french if "fuzzy" in e["flags"]]
    assert fuzzy == []
    for e in french[1:]:
        assert e["msgstr"] == {0: e["msgid"], 1: e["msgid_plural"]}
    with FR_MO_PATH.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    stale = [e["msgid"] for e in french[1:] if catalog.get((e["msgid"], 0)) != e["msgid"]]
    assert stale == []


def test_zero_is_singular_in_french_and_plural_in_english():
    with translation.override("fr"):
        assert translation.ngettext(*VOUCHES_FR, 0) % {"n": 0} == "0 recommandation reçue"
        assert translation.ngettext(*VOUCHES_FR, 1) % {"n": 1} == "1 recommandation reçue"
        assert translation.ngettext(*VOUCHES_FR, 2) % {"n": 2} == "2 recommandations reçues"
    with translation.override("en"):
        assert translation.ngettext(*VOUCHES_FR, 0) % {"n": 0} == "0 recommendations received"


def test_home_page_says_zero_vouches_in_the_singular(client, alice):
    client.force_login(alice)
    page = client.get("/accueil/").content.decode()
    assert "0 recommandation reçue" in page
    assert "0 recommandations reçues" not in page


def test_a_last_name_and_a_tokens_name_in_english():
    """« Nom » beside « Prénom » is a last name; the name of an API token is just a name."""
    from passerelles.accounts.forms import SignupForm
    from passerelles.members.views_tokens import TokenForm

    with translation.override("en"):
        assert str(SignupForm.base_fields["last_name"].label) == "Last name"
        assert str(TokenForm.base_fields["name"].label) == "Name"
    with translation.override("fr"):
        assert str(TokenForm.base_fields["name"].label) == "Nom"
