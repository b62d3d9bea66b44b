"""Numbers as the pages and the PDFs write them: in the reader's writing, rounded (not cut)
as the CSV rounds them, and with a true minus sign (U+2212), the one the scales beside them
use (« −0,60 » beside « de −1 à +1 »). The CSV keeps plain numbers and the hyphen
spreadsheets read. One function, so that a circle's E-I index reads the same on the map of
circles, on its dashboard and in its PDF."""

from __future__ import annotations

from django.utils.formats import number_format

MINUS = "\u2212"


def written(value: float, places: int = 0, grouping: bool = False) -> str:
    """« −0,60 » for -0.6 with 2 places in French; « 0,00 » (no sign) for -0.001."""
    rounded = round(value, places) + 0.0  # + 0.0: no « −0 » for a value rounded to zero
    text = number_format(rounded, places, force_grouping=grouping)
    return MINUS + text[1:] if text.startswith("-") else text
