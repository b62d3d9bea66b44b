"""Rows of the list pages rendered in Python rather than by a template per row.

Django's template engine costs some 20 µs per variable, tag and filter; a list of 24
cards with a dozen of each, plus an ``{% url %}`` per row, was half of a page's CPU, and
``format_html`` still a third of that. The ``rows`` module of each app writes its rows as
f-strings where every value goes through ``esc`` (Django's escaping, as the template
did), with these helpers keeping the template tags' semantics: ``{% translate %}``
escapes its text, ``{% blocktranslate %}`` trusts the translation and escapes the values
put into it. Their tests render rows with markup in every field."""

import html
from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator


def esc(value: object) -> str:
    """``conditional_escape`` without its wrappers: HTML already marked safe is kept,
    anything else is escaped as Django's ``escape`` does (``&<>"'``)."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def url_maker(viewname: str) -> Callable[[object], str]:
    """``reverse(viewname, args=[x])`` for a whole list at the cost of one ``reverse``:
    for views whose one argument (an id or a slug, never quoted) ends their path."""
    head, _, tail = reverse(viewname, args=["0"]).rpartition("0")
    return lambda arg: f"{head}{arg}{tail}"


def blocktranslated(text: str, **values: object) -> str:
    """What ``{% blocktranslate %}`` renders: the translated ``text`` (looked up by the
    caller, so that message extraction sees it) with its values escaped."""
    return text % {key: esc(value) for key, value in values.items()}


def truncated_words(text: str, count: int) -> str:
    """The ``truncatewords`` filter (still to be escaped)."""
    return Truncator(text).words(count, truncate=" …")


def joined(parts: Iterable[str]) -> SafeString:
    """Rows whose every value went through ``esc``, as one piece of HTML."""
    return mark_safe("".join(parts))
