"""Form widgets rendered through Jinja2, with Django's way of escaping.

Django's template engine took 1 ms for a select of 20 options (each option an include
of two templates); Jinja2, with the widget templates Django ships for it, a third of
that. Jinja2 escapes quotes as ``&#39;`` and ``&#34;`` where Django writes ``&#x27;``
and ``&quot;``: the same characters, rewritten here so that every page reads exactly as
before. Only an escaped quote can produce those two entities (a literal ``&`` is
escaped to ``&amp;``), so the rewrite touches nothing else.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import Jinja2

ENTITIES = (("&#39;", "&#x27;"), ("&#34;", "&quot;"))


class FormRenderer(Jinja2):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        html = super().render(template_name, context, request=request)
        if "&#3" in html:
            for jinja, django in ENTITIES:
                html = html.replace(jinja, django)
        return html
