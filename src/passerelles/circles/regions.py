"""French regions (since 2016) by department number: circles of a region are neighbours."""

from django.utils.translation import gettext_lazy as _

_REGIONS = {
    "ARA": (_("Auvergne-Rhône-Alpes"), "01 03 07 15 26 38 42 43 63 69 73 74"),
    "BFC": (_("Bourgogne-Franche-Comté"), "21 25 39 58 70 71 89 90"),
    "BRE": (_("Bretagne"), "22 29 35 56"),
    "CVL": (_("Centre-Val de Loire"), "18 28 36 37 41 45"),
    "COR": (_("Corse"), "2A 2B 20"),
    "GES": (_("Grand Est"), "08 10 51 52 54 55 57 67 68 88"),
    "HDF": (_("Hauts-de-France"), "02 59 60 62 80"),
    "IDF": (_("Île-de-France"), "75 77 78 91 92 93 94 95"),
    "NOR": (_("Normandie"), "14 27 50 61 76"),
    "NAQ": (_("Nouvelle-Aquitaine"), "16 17 19 23 24 33 40 47 64 79 86 87"),
    "OCC": (_("Occitanie"), "09 11 12 30 31 32 34 46 48 65 66 81 82"),
    "PDL": (_("Pays de la Loire"), "44 49 53 72 85"),
    "PAC": (_("Provence-Alpes-Côte d'Azur"), "04 05 06 13 83 84"),
    "GUA": (_("Guadeloupe"), "971"),
    "MTQ": (_("Martinique"), "972"),
    "GUF": (_("Guyane"), "973"),
    "REU": (_("La Réunion"), "974"),
    "MAY": (_("Mayotte"), "976"),
}
REGION_OF = {dep: code for code, (_name, deps) in _REGIONS.items() for dep in deps.split()}


def region_code(department: str) -> str:
    """The region of a department number ("69" -> "ARA"); "" when unknown."""
    department = (department or "").strip().upper()
    if len(department) == 1 and department.isdigit():
        department = "0" + department
    return REGION_OF.get(department, "")


def region_name(code: str) -> str:
    return str(_REGIONS[code][0]) if code in _REGIONS else ""
