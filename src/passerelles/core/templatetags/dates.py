"""The ``date`` filter, with « 1er » for the first of the month in French.

Registered as a template builtin (settings ``TEMPLATES``), so ``{{ when|date:"j F" }}``
reads « 1er mars » in French and "1 March" in English everywhere, e-mails included.
"""

from django import template

from passerelles.core import french

register = template.Library()
register.filter("date", french.date, expects_localtime=True, is_safe=False)
