"""Template filters ``de``, ``a`` (« à ») and ``ago`` (see ``passerelles.core.french``)."""

from django import template

from passerelles.core import french

register = template.Library()
register.filter("de", french.de)
register.filter("a", french.a)
register.filter("le", french.le)
register.filter("ago", french.ago)
