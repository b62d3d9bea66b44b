"""Every French message the code and the templates ask to translate is in the English
catalogue: a message missing from it shows in French on an English page (« Cette demande
n'a pas pu être acceptée » on the refusal page, « Réglages des notifications » in a
member's data export)."""

import ast
import io
import tokenize
from pathlib import Path

from django.utils import translation
from django.utils.translation.template import templatize

import passerelles
from tests.core.test_translations import PO_PATH, parse_po

SOURCE = Path(passerelles.__file__).parent
SINGULAR = {"_", "_l", "gettext", "gettext_lazy", "gettext_noop"}
PLURAL = {"ngettext", "ngettext_lazy"}
CONTEXT = {"pgettext", "pgettext_lazy"}
CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}


def _key(name: str, strings: list[str]) -> tuple[str | None, str] | None:
    if name in CONTEXT | CONTEXT_PLURAL:
        return (strings[0], strings[1]) if len(strings) >= 2 else None
    return (None, strings[0]) if strings else None


def _from_python(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in SINGULAR | PLURAL | CONTEXT | CONTEXT_PLURAL:
            continue
        strings = []
        for arg in node.args:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                break
            strings.append(arg.value)
        key = _key(name, strings)
        if key is not None:
            found.add(key)
    return found


def _from_template(path: Path) -> set[tuple[str | None, str]]:
    """The calls Django's own extraction writes for a template, read back by tokens."""
    found = set()
    # Each line on its own (its indentation is the template's, not Python's).
    text = "\n".join(line.strip() for line in templatize(path.read_text("utf-8")).splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    for i, token in enumerate(tokens[:-1]):
        if token.type != tokenize.NAME or tokens[i + 1].string != "(":
            continue
        strings = []
        for following in tokens[i + 2 :]:
            if following.type == tokenize.STRING:
                strings.append(ast.literal_eval(following.string))
            elif following.string != ",":
                break
        key = _key(token.string, strings)
        if key is not None:
            found.add(key)
    return found


def test_every_french_message_has_an_english_translation():
    asked = set()
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            asked |= _from_python(path)
    # The site's templates and each app's own (notifications and jobs keep their e-mails there).
    for path in sorted(SOURCE.glob("**/templates/**/*")):
        if path.suffix in (".html", ".txt"):
            asked |= _from_template(path)
    assert len(asked) > 1000
    catalogue = {(e.get("msgctxt"), e["msgid"]) for e in parse_po(PO_PATH)}
    missing = []
    for context, message in sorted(asked - catalogue, key=str):
        with translation.override("fr"):
            # An English message of a library's template, put in French by its own catalogue.
            if context is None and translation.gettext(message) != message:
                continue
        missing.append(message)
    assert missing == []
