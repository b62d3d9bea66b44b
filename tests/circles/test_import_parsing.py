"""Reading member lists: encodings, separators, XLSX, headers and every row error."""

import io

import pytest
from django.utils import translation
from openpyxl import Workbook

from passerelles.circles import imports
from passerelles.circles.imports import ImportFileError, map_headers, sniff_delimiter

FRENCH_ROWS = [
    ["Prénom", "Nom", "E-mail", "Société", "Secteur", "Ville"],
    ["Hélène", "Dubois", "helene@example.org", "Boulangerie Dubois", "I", "Lyon"],
    ["François", "Lefèvre", "francois@example.org", "Cabinet Lefèvre", "Construction", "Écully"],
]


def csv_bytes(rows, sep=";", encoding="utf-8") -> bytes:
    text = "\r\n".join(sep.join(cells) for cells in rows) + "\r\n"
    return text.encode(encoding)


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for cells in rows:
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parse_member_file(data: bytes, filename: str) -> list[dict]:
    """The rows with their messages worded as a French reader sees them."""
    rows = imports.parse_member_file(data, filename)
    with translation.override("fr"):
        return [imports.worded_row(row) for row in rows]


def errors_of(rows, line):
    return next(row for row in rows if row["line"] == line)["errors"]


@pytest.mark.parametrize(
    "encoding, sep",
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", "\t"), ("utf-16", "\t")],
)
def test_csv_encodings_and_separators(encoding, sep):
    rows = parse_member_file(csv_bytes(FRENCH_ROWS, sep, encoding), "membres.csv")

    assert [row["email"] for row in rows] == ["helene@example.org", "francois@example.org"]
    assert rows[0]["first_name"] == "Hélène"
    assert rows[1]["last_name"] == "Lefèvre"
    assert rows[1]["city"] == "Écully"
    assert rows[0]["sector"] == "I"
    assert rows[1]["sector"] == "F"
    assert all(not row["errors"] for row in rows)


def test_xlsx_first_sheet_with_numbers_and_blank_rows():
    data = xlsx_bytes(
        [
            ["E-mail", "Prénom", "Nom", "Entreprise", "Secteur", "Commune", "Rôle"],
            ["Helene@Example.org ", "Hélène", "Dubois", "Dubois SA", "M", 69001, "modérateur"],
            [None, None, None, None, None, None, None],
            ["paul@example.org", "Paul", "Roy", None, None, None, None],
        ]
    )

    rows = parse_member_file(data, "Membres 2025.xlsx")

    assert [row["line"] for row in rows] == [2, 4]
    assert rows[0]["email"] == "helene@example.org"
    assert rows[0]["city"] == "69001"
    assert rows[0]["role"] == "moderator"
    assert rows[1]["organisation"] == ""
    assert all(not row["errors"] for row in rows)


@pytest.mark.parametrize(
    "header, field",
    [
        ("E-mail", "email"),
        ("EMAIL", "email"),
        ("Courriel", "email"),
        ("mail", "email"),
        ("Adresse e-mail *", "email"),
        ("Email (obligatoire)", "email"),
        ("PRÉNOM", "first_name"),
        ("First name", "first_name"),
        ("Nom de famille", "last_name"),
        ("Last Name", "last_name"),
        ("Société", "organisation"),
        ("Company", "organisation"),
        ("entreprise", "organisation"),
        ("Secteur d'activité", "sector"),
        ("Sector", "sector"),
        ("Commune", "city"),
        ("City", "city"),
        ("Rôle", "role"),
    ],
)
def test_header_variants(header, field):
    assert map_headers(["ignorée", header]) == {field: 1}


def test_sniff_delimiter():
    assert sniff_delimiter("a;b;c\n1,5;2;3") == ";"
    assert sniff_delimiter("a,b,c\n") == ","
    assert sniff_delimiter("a\tb\n") == "\t"
    assert sniff_delimiter("email\nx@y.fr\n") == ","


def test_every_row_error_kind():
    data = csv_bytes(
        [
            ["email", "prenom", "nom", "secteur", "role"],
            ["ok@example.org", "Ana", "Lima", "", ""],
            ["", "Sans", "Adresse", "", ""],
            ["pas-une-adresse", "Mauvaise", "Adresse", "", ""],
            ["OK@example.org", "Ana", "Doublon", "", ""],
            ["astro@example.org", "Astro", "Naute", "Astronautique", ""],
            ["jose@example.org", "JosÃ©", "Garcia", "", ""],
            ["chef@example.org", "Chef", "Suprême", "", "empereur"],
        ]
    )

    rows = parse_member_file(data, "liste.csv")

    assert errors_of(rows, 2) == []
    assert errors_of(rows, 3) == ["E-mail manquant."]
    assert errors_of(rows, 4) == ["E-mail invalide : « pas-une-adresse »."]
    assert errors_of(rows, 5) == ["Doublon : même e-mail qu'à la ligne 2."]
    assert errors_of(rows, 6) == []  # an unknown sector only warns: see below
    assert "encodage" in errors_of(rows, 7)[0]
    assert "Rôle inconnu" in errors_of(rows, 8)[0]
    assert [row["status"] for row in rows if row["errors"]] == ["error"] * 5


def test_replacement_character_is_an_encoding_error():
    data = b"\xef\xbb\xbfemail;nom\r\nmarc@example.org;Ren\xe9\r\nluc@example.org;Luc\r\n"

    rows = parse_member_file(data, "liste.csv")

    assert "encodage" in rows[0]["errors"][0]
    assert rows[1]["errors"] == []


def test_first_duplicate_stays_valid_second_is_the_error():
    data = csv_bytes([["email"], ["a@example.org"], ["b@example.org"], ["a@example.org"]])

    rows = parse_member_file(data, "a.csv")

    assert [bool(row["errors"]) for row in rows] == [False, False, True]


def test_too_long_values_are_row_errors():
    data = csv_bytes([["email", "ville"], ["a@example.org", "x" * 101]])

    rows = parse_member_file(data, "a.csv")

    assert rows[0]["errors"] == ["Ville trop long (100 caractères au plus)."]


@pytest.mark.parametrize(
    "data, filename, message",
    [
        (b"", "vide.csv", "Le fichier est vide."),
        (b"\r\n\r\n", "vide.csv", "Le fichier est vide."),
        (b"email;nom\r\n", "entete.csv", "ne contient que la ligne d'intitulés"),
        (b"nom;prenom\r\nDupont;Jean\r\n", "sans-mail.csv", "Aucune colonne « E-mail »"),
        (b"%PDF-1.4 ...", "liste.pdf", "type de fichier n'est pas pris en charge"),
        (b"email\r\na@b.fr", "liste.ods", "type de fichier n'est pas pris en charge"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "vieux.xls", "(.xls)"),
        (b"email\r\na@example.org\r\n", "faux.xlsx", "n'est pas lisible"),
        (b"PK\x03\x04 not really a zip", "casse.xlsx", "n'est pas lisible"),
    ],
)
def test_file_level_errors(data, filename, message):
    with pytest.raises(ImportFileError) as excinfo:
        parse_member_file(data, filename)

    assert message in str(excinfo.value)


def test_garbage_bytes_are_unreadable():
    garbage = bytes(range(256)) * 40

    with pytest.raises(ImportFileError) as excinfo:
        parse_member_file(garbage, "liste.csv")

    assert str(excinfo.value) == (
        "Le fichier n'est pas lisible : enregistrez-le en CSV UTF-8 ou en XLSX."
    )


def test_oversized_file(settings):
    settings.IMPORT_MAX_BYTES = 1024
    data = csv_bytes([["email"]] + [[f"m{i}@example.org"] for i in range(100)])

    with pytest.raises(ImportFileError) as excinfo:
        parse_member_file(data, "gros.csv")

    assert "dépasse" in str(excinfo.value)


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr("passerelles.circles.imports.MAX_ROWS", 10)
    data = csv_bytes([["email"]] + [[f"m{i}@example.org"] for i in range(11)])

    with pytest.raises(ImportFileError) as excinfo:
        parse_member_file(data, "long.csv")

    assert "plus de 10 lignes" in str(excinfo.value)


def test_xlsx_renamed_as_csv_is_still_read():
    data = xlsx_bytes([["Courriel"], ["a@example.org"]])

    rows = parse_member_file(data, "export.csv")

    assert rows[0]["email"] == "a@example.org"


def test_xlsx_without_email_column():
    with pytest.raises(ImportFileError, match="Aucune colonne"):
        parse_member_file(xlsx_bytes([["Nom", "Prénom"], ["Roy", "Paul"]]), "a.xlsx")


def test_header_may_follow_blank_lines_and_quoted_cells():
    data = b'\r\n"Nom";"E-mail";"Organisation"\r\n"Roy";"paul@example.org";"Roy; fils & Cie"\r\n'

    rows = parse_member_file(data, "a.csv")

    assert rows[0]["line"] == 3
    assert rows[0]["organisation"] == "Roy; fils & Cie"


@pytest.mark.parametrize(
    "text, code",
    [("M", "M"), ("m", "M"), ("Santé", "Q"), ("sante humaine", "Q"), ("62.01Z", "J")],
)
def test_sector_from_letter_label_or_naf_code(text, code):
    rows = parse_member_file(csv_bytes([["email", "code NAF"], ["a@example.org", text]]), "a.csv")

    assert rows[0]["sector"] == code
    assert rows[0]["errors"] == []


def test_unknown_naf_division_is_an_unknown_sector():
    rows = parse_member_file(
        csv_bytes([["email", "secteur"], ["a@example.org", "04.00Z"]]), "a.csv"
    )

    assert rows[0]["errors"] == []
    assert rows[0]["sector"] == ""
    assert "Secteur « 04.00Z » non reconnu : invitation sans secteur." in rows[0]["warnings"]


@pytest.mark.parametrize(
    "text, code",
    [
        # What a club's own list says, not the section's label.
        ("Conseil", "M"),
        ("Conseil en stratégie", "M"),
        ("Juridique", "M"),
        ("Design", "M"),
        ("Logistique", "H"),
        ("BTP", "F"),
        ("Informatique", "J"),
        # « Industrie » is manufacturing, not mining (« Industries extractives »).
        ("Industrie", "C"),
        ("Industrie pharmaceutique", "C"),
        # The start of a label, in French or English.
        ("Transports", "H"),
        ("Human health", "Q"),
    ],
)
def test_a_clubs_trade_words_find_their_section(text, code):
    rows = parse_member_file(csv_bytes([["email", "secteur"], ["a@example.org", text]]), "a.csv")

    assert (rows[0]["sector"], rows[0]["errors"]) == (code, [])
    assert not any("Secteur" in warning for warning in rows[0]["warnings"])


def test_a_sector_the_list_does_not_know_leaves_the_row_invited_without_one():
    rows = parse_member_file(
        csv_bytes(
            [
                ["email", "prenom", "nom", "secteur"],
                ["a@example.org", "Ana", "Lima", "Astronautique"],
                ["b@example.org", "Bea", "Roy", "Activités"],  # starts several labels
            ]
        ),
        "a.csv",
    )

    assert [(r["sector"], r["errors"]) for r in rows] == [("", []), ("", [])]
    assert rows[0]["warnings"] == [
        "Secteur « Astronautique » non reconnu : invitation sans secteur."
    ]


def test_excel_sep_hint_line():
    data = b"sep=;\r\nE-mail;Nom\r\na@example.org;Roy, fils\r\n"

    rows = parse_member_file(data, "a.csv")

    assert rows[0]["line"] == 2
    assert rows[0]["last_name"] == "Roy, fils"


def test_row_messages_are_stored_as_codes_and_worded_in_the_readers_language():
    data = csv_bytes([["email", "ville"], ["pas-une-adresse", "x" * 101]])
    stored = imports.parse_member_file(data, "a.csv")[0]
    assert stored["errors"] == [
        {"code": "email_invalid", "params": {"value": "pas-une-adresse"}},
        {"code": "too_long", "params": {"field": "city", "max": 100}},
    ]
    with translation.override("en"):
        english = imports.worded_row(stored)["errors"]
    with translation.override("fr"):
        french = imports.worded_row(stored)["errors"]
    assert english == [
        "Invalid email: “pas-une-adresse”.",
        "City too long (100 characters at most).",
    ]
    assert french == [
        "E-mail invalide : « pas-une-adresse ».",
        "Ville trop long (100 caractères au plus).",
    ]


def test_rows_stored_as_text_before_codes_still_read():
    old = {"line": 2, "errors": ["E-mail manquant."], "warnings": ["Nom manquant."], "note": ""}
    with translation.override("en"):
        worded = imports.worded_row(old)
    assert (worded["errors"], worded["warnings"], worded["note"]) == (
        ["E-mail manquant."],
        ["Nom manquant."],
        "",
    )
