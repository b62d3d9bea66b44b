"""The figures per quarter as the board reads them: one column list for the page and CSV."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from passerelles.core.numbers import written
from passerelles.insights.queries import QuarterFigures


@dataclass(frozen=True)
class Column:
    title: str | Promise  # a lazy translation, worded when shown
    value: Callable[[QuarterFigures], float | int | str | None]
    places: int = 0
    percent: bool = False  # a share: written « 40 » under a title that says « (%) »


def _median(attr: str) -> Callable[[QuarterFigures], float | None]:
    return lambda f: getattr(f, attr).median if getattr(f, attr) else None


def _waiting(attr: str) -> Callable[[QuarterFigures], int | None]:
    return lambda f: getattr(f, attr).waiting if getattr(f, attr) else None


COLUMNS = [
    Column(_("Trimestre"), lambda f: f.quarter.label),
    Column(_("Membres"), lambda f: f.members),
    Column(_("Nouveaux liens"), lambda f: f.new_ties),
    Column(_("Liens sortants, nouveaux liens (%)"), lambda f: f.share_out, percent=True),
    Column(_("Ouverture, indice E-I (nouveaux liens)"), lambda f: f.ei, places=2),
    Column(_("Liens sortants, à date (%)"), lambda f: f.share_out_to_date, percent=True),
    Column(_("Ouverture, indice E-I (à date)"), lambda f: f.ei_to_date, places=2),
    Column(_("Demandes d'adhésion"), lambda f: f.newcomers),
    Column(_("Attente 1re recommandation, médiane (jours)"), _median("vouch_wait"), places=1),
    Column(_("Toujours sans recommandation"), _waiting("vouch_wait")),
    Column(_("Attente admission, médiane (jours)"), _median("admission_wait"), places=1),
    Column(_("Toujours en attente d'admission"), _waiting("admission_wait")),
    Column(_("Rencontres attestées"), lambda f: f.meetings),
    Column(_("Utilité moyenne (1 à 5)"), lambda f: f.usefulness, places=1),
    Column(_("Événements"), lambda f: f.events),
    Column(_("Présents aux événements"), lambda f: f.attendance),
    Column(_("Note moyenne des événements (1 à 5)"), lambda f: f.rating, places=1),
    Column(_("Recommandations d'affaires"), lambda f: f.referrals),
    Column(_("Affaires conclues"), lambda f: f.business),
    Column(_("Montant des opportunités (€)"), lambda f: f.amount_eur),
    Column(_("Cotisations du trimestre (€)"), lambda f: f.dues_eur),
    Column(_("Opportunités / cotisations"), lambda f: f.return_on_dues, places=2),
]


def cell(column: Column, figures: QuarterFigures, decimal_sep: str = ",") -> str:
    """A cell as text: numbers rounded, decimal comma (French spreadsheets), '' if none."""
    value = column.value(figures)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if column.percent:
        return f"{100 * value:.0f}".replace(".", decimal_sep)
    if column.places == 0:
        return f"{value:.0f}"
    return f"{value:.{column.places}f}".replace(".", decimal_sep)


def headers() -> list[str]:
    return [str(c.title) for c in COLUMNS]


def rows(quarters: list[QuarterFigures]) -> list[list[str]]:
    return [[cell(c, f) for c in COLUMNS] for f in quarters]


def by_indicator(quarters: list[QuarterFigures]) -> list[dict]:
    """The same figures turned for reading: one row per indicator, one column per quarter,
    in the reader's writing (« 0,60 » and « 9 500 » in French, « 0.60 » and « 9,500 » in
    English); the CSV keeps plain numbers for spreadsheets."""
    return [
        {
            "title": str(c.title),
            "cells": [_page_cell(c, f) for f in quarters],
        }
        for c in COLUMNS[1:]
    ]


def _page_cell(column: Column, figures: QuarterFigures) -> str:
    value = column.value(figures)
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if column.percent:
        return number_format(round(100 * value), 0)
    return written(value, column.places, grouping=True)
