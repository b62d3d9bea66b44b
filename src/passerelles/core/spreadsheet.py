"""CSV downloads as French spreadsheet users open them: UTF-8 with BOM, ``;`` separators."""

import csv
from typing import Any

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (quote prefix on = + - @ tab CR)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str) -> tuple[HttpResponse, Any]:
    """An attachment response and a ``csv.writer`` writing into it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel reads accents right only with the BOM
    return response, csv.writer(response, delimiter=";", lineterminator="\r\n")
