"""Reading a circle's member list from CSV or XLSX, and turning it into invitations.

``parse_member_file`` is pure: bytes and a file name in, a list of rows out, each row a
JSON-ready dict with its errors. A row's errors, warnings and note are stored as a code and
its parameters (``row_message``) and worded in the reader's language when read
(``message_text``): the list is checked in one language and may be read in another.
``annotate_rows`` then looks at the circle (who is already a member or invited) and
``do_confirm_import`` writes the invitations.

A problem with the whole file (unreadable, too big, wrong type, no e-mail column...)
raises ``ImportFileError`` with a French message; nothing is written in that case.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from passerelles.circles.access import may_manage_members
from passerelles.circles.actions import IMPORT_DISCARDED, do_invite, send_invitation
from passerelles.circles.models import (
    Circle,
    Invitation,
    MemberImport,
    Membership,
    MembershipState,
    Role,
)
from passerelles.core import audit
from passerelles.core.choices import sector_from_text
from passerelles.core.errors import ActionError

logger = logging.getLogger(__name__)

MAX_ROWS = 5000
MAX_COLUMNS = 100
CSV_EXTENSIONS = {".csv", ".txt"}
XLSX_EXTENSIONS = {".xlsx", ".xlsm"}
ACCEPTED_EXTENSIONS = CSV_EXTENSIONS | XLSX_EXTENSIONS | {".xls"}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.xls, .doc)

FIELDS = ("email", "first_name", "last_name", "organisation", "sector", "city", "role")
MAX_LENGTHS = {"first_name": 150, "last_name": 150, "organisation": 140, "city": 100}

# Header spellings, already normalised (lower case, no accents, punctuation as spaces).
HEADER_ALIASES: dict[str, set[str]] = {
    "email": {
        "email",
        "e mail",
        "mail",
        "courriel",
        "mel",
        "adresse email",
        "adresse e mail",
        "adresse mail",
        "adresse courriel",
        "adresse electronique",
        "email address",
        "e mail address",
    },
    "first_name": {"prenom", "prenoms", "first name", "firstname", "given name"},
    "last_name": {
        "nom",
        "nom de famille",
        "last name",
        "lastname",
        "surname",
        "family name",
    },
    "organisation": {
        "organisation",
        "organization",
        "organisme",
        "entreprise",
        "societe",
        "structure",
        "employeur",
        "raison sociale",
        "company",
        "company name",
        "employer",
    },
    "sector": {
        "secteur",
        "secteur d activite",
        "secteur activite",
        "activite",
        "sector",
        "industry",
        "naf",
        "code naf",
        "ape",
        "code ape",
        "code naf ape",
    },
    "city": {"ville", "commune", "localite", "city", "town"},
    "role": {"role", "role dans le cercle", "role in the circle"},
}

ROLE_ALIASES: dict[str, str] = {
    "membre": Role.MEMBER,
    "member": Role.MEMBER,
    "moderateur": Role.MODERATOR,
    "moderatrice": Role.MODERATOR,
    "moderator": Role.MODERATOR,
    "admin": Role.ADMIN,
    "administrateur": Role.ADMIN,
    "administratrice": Role.ADMIN,
    "administrator": Role.ADMIN,
    # An invitation never makes an owner: the circle keeps its one responsible person.
    "responsable": Role.ADMIN,
    "owner": Role.ADMIN,
}


# NAF divisions (the two leading digits of a code like "62.01Z"): first, last, section.
NAF_DIVISIONS = (
    (1, 3, "A"),
    (5, 9, "B"),
    (10, 33, "C"),
    (35, 35, "D"),
    (36, 39, "E"),
    (41, 43, "F"),
    (45, 47, "G"),
    (49, 53, "H"),
    (55, 56, "I"),
    (58, 63, "J"),
    (64, 66, "K"),
    (68, 68, "L"),
    (69, 75, "M"),
    (77, 82, "N"),
    (84, 84, "O"),
    (85, 85, "P"),
    (86, 88, "Q"),
    (90, 93, "R"),
    (94, 96, "S"),
    (97, 98, "T"),
    (99, 99, "U"),
)
NAF_CODE = re.compile(r"^(\d{2})\.?\d{0,2}\s?[A-Za-z]?$")


def sector_code(text: str) -> str | None:
    """A NAF section from a letter, a label ("Construction") or a full code ("62.01Z")."""
    match = NAF_CODE.match(text.strip())
    if not match:
        return sector_from_text(text)
    division = int(match.group(1))
    return next((code for first, last, code in NAF_DIVISIONS if first <= division <= last), None)


def _mojibake_pattern() -> re.Pattern[str]:
    """UTF-8 text read as cp1252/latin-1: "Ã©" for "é", "â€™" for "’", "Â " for a nbsp."""
    continuation = set()
    for byte in range(0x80, 0xC0):
        continuation.add(bytes([byte]).decode("latin-1"))
        continuation.add(bytes([byte]).decode("cp1252", errors="ignore"))
    chars = "".join(sorted(continuation - {""}))
    return re.compile(f"[\u00c2\u00c3][{re.escape(chars)}]|\u00e2\u20ac")


MOJIBAKE = _mojibake_pattern()
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; the message is French and user-facing."""


def unreadable() -> ImportFileError:
    return ImportFileError(
        _("Le fichier n'est pas lisible : enregistrez-le en CSV UTF-8 ou en XLSX.")
    )


def normalise_header(value: object) -> str:
    """Lower case, no accents, no parenthesised notes, punctuation as single spaces."""
    text = str(value or "").strip().lower()
    text = re.sub(r"\(.*?\)", " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def map_headers(header: list[str]) -> dict[str, int]:
    """{field: column index} for the recognised columns; the first match wins."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = normalise_header(cell)
        for field, aliases in HEADER_ALIASES.items():
            if name in aliases and field not in columns:
                columns[field] = index
                break
    return columns


# Reading the file -------------------------------------------------------------------------


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The cells of a CSV or of the first sheet of an XLSX, as strings, header included."""
    max_bytes = settings.IMPORT_MAX_BYTES
    if len(data) > max_bytes:
        raise ImportFileError(
            _("Le fichier dépasse %(size)d Mo ; découpez-le en plusieurs fichiers.")
            % {"size": max_bytes // (1024 * 1024)}
        )
    extension = PurePath(filename or "").suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise ImportFileError(
            _("Ce type de fichier n'est pas pris en charge : importez un fichier CSV ou XLSX.")
        )
    if not data.strip():
        raise ImportFileError(_("Le fichier est vide."))
    if data.startswith(OLE_MAGIC) or (extension == ".xls" and not data.startswith(ZIP_MAGIC)):
        raise ImportFileError(
            _(
                "Ce fichier est au format Excel 97-2003 (.xls) : dans Excel, choisissez "
                "« Enregistrer sous » puis « Classeur Excel (.xlsx) » ou « CSV UTF-8 »."
            )
        )
    if data.startswith(ZIP_MAGIC):
        return read_xlsx(data)
    if extension in XLSX_EXTENSIONS:
        raise unreadable()
    return read_csv(data)


def read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged workbook raises zipfile, XML or key errors
        logger.info("unreadable workbook: %r", exc)
        raise unreadable() from exc
    try:
        if not workbook.worksheets:
            raise ImportFileError(_("Le classeur ne contient aucune feuille."))
        values = workbook.worksheets[0].iter_rows(values_only=True)
        return _collect([_cell_text(v) for v in row] for row in values)
    except ImportFileError:
        raise
    except Exception as exc:
        logger.info("unreadable sheet: %r", exc)
        raise unreadable() from exc
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252, else latin-1.

    Raises ImportFileError when the bytes do not look like text at all.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise unreadable() from exc
    elif data.startswith(b"\xef\xbb\xbf"):
        # A BOM says UTF-8; a stray bad byte becomes U+FFFD and a row-level error.
        text = data[3:].decode("utf-8", errors="replace")
    else:
        text = _decode_without_bom(data)
    if not _looks_like_text(text):
        raise unreadable()
    return text


def _decode_without_bom(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_like_text(text: str) -> bool:
    """No NUL, and almost no control characters: binary decoded as cp1252 has ~10 %."""
    if "\x00" in text:
        return False
    controls = len(CONTROL_CHARS.findall(text))
    replaced = text.count("\ufffd")
    return (controls + replaced) <= max(2, len(text) // 100)


def sniff_delimiter(text: str) -> str:
    """The separator of the header line among ``;``, ``,`` and tab (French Excel uses ``;``)."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if first_line.lower().startswith("sep=") and len(first_line) > 4:
        return first_line[4]
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(data: bytes) -> list[list[str]]:
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    if text.lower().startswith("sep="):  # Excel's hint line, not the header
        text = text.split("\n", 1)[1] if "\n" in text else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _collect(reader)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportFileError(
                _(
                    "Une cellule du fichier est trop longue (plus de %(max)s caractères, "
                    "vers la ligne %(line)d). Raccourcissez-la, ou vérifiez qu'un guillemet "
                    "n'est pas resté ouvert."
                )
                % {
                    "max": f"{csv.field_size_limit():_}".replace("_", "\u202f"),
                    "line": reader.line_num,
                }
            ) from exc
        raise unreadable() from exc


def _collect(records) -> list[list[str]]:
    """The rows, at most MAX_COLUMNS wide; stops one row past the limit (enough to say so)."""
    rows, filled = [], 0
    for record in records:
        rows.append(list(record[:MAX_COLUMNS]))
        filled += any(cell.strip() for cell in rows[-1])
        if filled > MAX_ROWS + 1:
            break
    return rows


# Row messages -----------------------------------------------------------------------------

# What a row's errors, warnings and note may say: a code, stored with its parameters, and
# its untranslated wording, translated when the row is read.
ROW_MESSAGES = {
    "encoding": gettext_noop(
        "Caractères illisibles : le fichier n'est pas enregistré en UTF-8 (encodage)."
    ),
    "email_missing": gettext_noop("E-mail manquant."),
    "email_invalid": gettext_noop("E-mail invalide : « %(value)s »."),
    "email_duplicate": gettext_noop("Doublon : même e-mail qu'à la ligne %(line)d."),
    "sector_unknown": gettext_noop("Secteur « %(value)s » non reconnu : invitation sans secteur."),
    "role_unknown": gettext_noop(
        "Rôle inconnu : « %(value)s » (membre, modérateur ou administrateur)."
    ),
    "name_missing": gettext_noop(
        "Ni prénom ni nom : l'invitation partira sans nom, la personne le saisira."
    ),
    "last_name_missing": gettext_noop("Nom manquant."),
    "first_name_missing": gettext_noop("Prénom manquant."),
    "too_long": gettext_noop("%(field)s trop long (%(max)d caractères au plus)."),
    "already_member": gettext_noop("Aucune invitation envoyée."),
    "removed": gettext_noop("Retiré du cercle : pas de nouvelle invitation."),
    "already_invited": gettext_noop("Invitation déjà envoyée : le lien sera renvoyé."),
    "member_named": gettext_noop(
        "Le membre inscrit avec cette adresse s'appelle « %(name)s » dans Passerelles."
    ),
    "account_named_otherwise": gettext_noop(
        "Un compte Passerelles existe déjà pour cette adresse, sous un autre nom : "
        "c'est ce nom-là que verront les membres."
    ),
}


def row_message(code: str, **params: Any) -> dict[str, Any]:
    """A row message as stored: its code and parameters (``ROW_MESSAGES``)."""
    return {"code": code, "params": params}


def message_text(message: Any) -> str:
    """A stored row message worded in the active language.

    Imports stored before codes hold the text itself (in the uploader's language): it is
    shown as it is.
    """
    if not isinstance(message, dict):
        return str(message or "")
    wording = ROW_MESSAGES.get(message.get("code", ""))
    if wording is None:
        return ""
    params = dict(message.get("params") or {})
    if "field" in params:
        params["field"] = _field_label(params["field"])
    return _(wording) % params if params else _(wording)


def worded_row(row: dict) -> dict:
    """A stored row with its errors, warnings and note worded in the active language."""
    return {
        **row,
        "errors": [message_text(message) for message in row.get("errors") or ()],
        "warnings": [message_text(message) for message in row.get("warnings") or ()],
        "note": message_text(row.get("note")),
    }


# Checking the rows ------------------------------------------------------------------------


def parse_member_file(data: bytes, filename: str) -> list[dict]:
    """Rows of a member list with their errors; ImportFileError for a file-level problem.

    Each row: ``line`` (as in the spreadsheet, header = 1), the fields of ``FIELDS``
    (``sector`` a NAF code, ``sector_text`` what the file said), ``errors`` (the row is
    not imported), ``warnings`` (the row is imported all the same), both lists of
    ``row_message``.
    """
    return read_member_file(data, filename)[0]


def read_member_file(data: bytes, filename: str) -> tuple[list[dict], list[str]]:
    """The rows (as ``parse_member_file``) and the headers of the columns not imported,
    as the file spells them (« Téléphone », « Fonction »)."""
    table = read_table(data, filename)
    header_index = next((i for i, row in enumerate(table) if any(c.strip() for c in row)), None)
    if header_index is None:
        raise ImportFileError(_("Le fichier est vide."))
    columns = map_headers(table[header_index])
    if "email" not in columns:
        raise ImportFileError(
            _(
                "Aucune colonne « E-mail » n'a été trouvée. La première ligne doit porter "
                "les intitulés des colonnes : E-mail, Prénom, Nom, Organisation, Secteur, Ville."
            )
        )
    records = [
        (header_index + offset + 2, row)
        for offset, row in enumerate(table[header_index + 1 :])
        if any(c.strip() for c in row)
    ]
    if not records:
        raise ImportFileError(
            _("Le fichier ne contient que la ligne d'intitulés : aucun membre à importer.")
        )
    if len(records) > MAX_ROWS:
        raise ImportFileError(
            _("Le fichier compte plus de %(max)s lignes ; découpez-le en plusieurs fichiers.")
            % {"max": f"{MAX_ROWS:,}".replace(",", "\u202f")}
        )
    seen: dict[str, int] = {}
    sector_of = lru_cache(maxsize=None)(sector_code)  # a club list repeats a few sectors
    rows = [check_row(line, row, columns, seen, sector_of) for line, row in records]
    used = set(columns.values())
    ignored = [
        " ".join(str(cell).split())
        for index, cell in enumerate(table[header_index])
        if index not in used and str(cell).strip()
    ]
    return rows, ignored


def check_row(
    line: int,
    cells: list[str],
    columns: dict[str, int],
    seen: dict[str, int],
    sector_of=sector_code,
) -> dict:
    """One row as a dict with its errors; ``seen`` maps e-mails to their first line."""

    def cell(field: str) -> str:
        index = columns.get(field)
        if index is None or index >= len(cells):
            return ""
        return " ".join(str(cells[index]).split())

    raw = {field: cell(field) for field in FIELDS}
    email = raw["email"].lower().removeprefix("mailto:").strip()
    errors: list[dict] = []
    row: dict[str, Any] = {
        "line": line,
        "email": email,
        "first_name": raw["first_name"],
        "last_name": raw["last_name"],
        "organisation": raw["organisation"],
        "sector": "",
        "sector_text": raw["sector"],
        "city": raw["city"],
        "role": Role.MEMBER.value,
        "errors": errors,
        "warnings": [],
        "status": "",
        "note": "",
    }
    if any("\ufffd" in value or MOJIBAKE.search(value) for value in raw.values()):
        errors.append(row_message("encoding"))
    if not email:
        errors.append(row_message("email_missing"))
    elif not _is_valid_email(email):
        errors.append(row_message("email_invalid", value=raw["email"]))
    elif email in seen:
        errors.append(row_message("email_duplicate", line=seen[email]))
    else:
        seen[email] = line
    if raw["sector"]:
        code = sector_of(raw["sector"])
        if code:
            row["sector"] = code
        else:
            # A sector is an extra: a trade word the list of sections does not know leaves
            # the person invited without one (their profile asks for it), not turned away.
            row["warnings"].append(row_message("sector_unknown", value=raw["sector"]))
    if raw["role"]:
        role = ROLE_ALIASES.get(normalise_header(raw["role"]))
        if role:
            row["role"] = str(role)
        else:
            errors.append(row_message("role_unknown", value=raw["role"]))
    if not (row["first_name"] or row["last_name"]):
        row["warnings"].append(row_message("name_missing"))
    elif not row["last_name"]:
        row["warnings"].append(row_message("last_name_missing"))
    elif not row["first_name"]:
        row["warnings"].append(row_message("first_name_missing"))
    for field, limit in MAX_LENGTHS.items():
        if len(row[field]) > limit:
            errors.append(row_message("too_long", field=field, max=limit))
    if errors:
        row["status"] = "error"
    return row


def _is_valid_email(email: str) -> bool:
    if len(email) > 254:
        return False
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def _field_label(field: str) -> str:
    return {
        "first_name": _("Prénom"),
        "last_name": _("Nom"),
        "organisation": _("Organisation"),
        "city": _("Ville"),
    }[field]


# The circle's side ------------------------------------------------------------------------


def annotate_rows(rows: list[dict], circle: Circle) -> list[dict]:
    """Mark each valid row ``new``, ``renew`` (already invited) or ``member`` (skipped)."""
    from django.contrib.auth import get_user_model

    emails = [row["email"] for row in rows if not row["errors"]]
    users = get_user_model().objects.filter(email__in=emails)
    names = {
        email.lower(): (first, last)
        for email, first, last in users.values_list("email", "first_name", "last_name")
    }
    states = dict(
        Membership.objects.filter(circle=circle, user__in=users).values_list("user__email", "state")
    )
    states = {email.lower(): state for email, state in states.items()}
    invited = {
        email.lower()
        for email in Invitation.objects.filter(circle=circle, email__in=emails).values_list(
            "email", flat=True
        )
    }
    for row in rows:
        if row["errors"]:
            row["status"], row["note"] = "error", ""
        elif states.get(row["email"]) == MembershipState.ADMITTED:
            row["status"], row["note"] = "member", row_message("already_member")
        elif states.get(row["email"]) == MembershipState.REMOVED:
            row["status"], row["note"] = "removed", row_message("removed")
        elif row["email"] in invited:
            row["status"], row["note"] = "renew", row_message("already_invited")
        else:
            row["status"], row["note"] = "new", ""
        if not row["errors"] and row["email"] in names:
            _flag_other_name(row, names[row["email"]], states.get(row["email"]))
    return rows


def _same_name(a: str, b: str) -> bool:
    return normalise_header(a) == normalise_header(b)


def _flag_other_name(row: dict, account: tuple[str, str], state: str | None) -> None:
    """A row whose address already has an account under another name: the account's name
    is the one members will see. The organiser reads that name only for the circle's own
    members; for anyone else the list says a name differs, not which."""
    first, last = account
    if not (row["first_name"] or row["last_name"]) or not (first or last):
        return
    if _same_name(row["first_name"], first) and _same_name(row["last_name"], last):
        return
    warnings = row.setdefault("warnings", [])
    if state == MembershipState.ADMITTED:
        warnings.append(row_message("member_named", name=f"{first} {last}".strip()))
    else:
        warnings.append(row_message("account_named_otherwise"))


def to_invite(rows: list[dict]) -> list[dict]:
    return [row for row in rows if not row.get("errors") and row["status"] in ("new", "renew")]


def summary(rows: list[dict]) -> dict[str, int]:
    """Counts for the preview; after confirmation, "to_invite" counts those invited."""
    invited = ("new", "renew", "invited", "renewed")
    return {
        "warnings": sum(1 for row in rows if row.get("warnings") and not row.get("errors")),
        "total": len(rows),
        "to_invite": sum(1 for row in rows if row["status"] in invited and not row["errors"]),
        "renew": sum(1 for row in rows if row["status"] in ("renew", "renewed")),
        "members": sum(1 for row in rows if row["status"] in ("member", "removed")),
        "errors": sum(1 for row in rows if row.get("errors")),
    }


def do_create_import(
    circle: Circle,
    filename: str,
    rows: list[dict],
    ignored_columns: Sequence[str] = (),
    *,
    acting_user: Any,
) -> MemberImport:
    """A circle admin's draft import of parsed rows: no invitation and no membership is
    written."""
    if not may_manage_members(acting_user, circle):
        raise ActionError(_("Vous n'avez pas le droit de faire cela dans ce cercle."))
    rows = annotate_rows(rows, circle)
    return MemberImport.objects.create(
        circle=circle,
        uploaded_by=acting_user,
        filename=PurePath(filename).name[:200],
        rows=rows,
        ignored_columns=list(ignored_columns),
    )


@transaction.atomic
def do_discard_import(member_import: MemberImport, *, acting_user: Any) -> None:
    """A circle admin cancels a draft import: nothing of it was written, and it goes."""
    locked = (
        MemberImport.objects.select_for_update().select_related("circle").get(pk=member_import.pk)
    )
    if not may_manage_members(acting_user, locked.circle):
        raise ActionError(_("Vous n'avez pas le droit de faire cela dans ce cercle."))
    if locked.confirmed_at is not None:
        raise ActionError(_("Cet import a déjà été confirmé : rien n'a été envoyé deux fois."))
    audit.record(
        IMPORT_DISCARDED,
        locked,
        acting_user=acting_user,
        circle=locked.circle_id,
        changes={"rows": len(locked.rows)},
    )
    locked.delete()


def do_confirm_import(member_import: MemberImport, *, acting_user: Any) -> MemberImport:
    """Invite every valid row in one transaction; e-mails leave once it has committed.

    Idempotent: a confirmed import cannot be confirmed again, and ``do_invite`` refreshes
    an existing invitation rather than creating a second one. The e-mails are a background
    task (hundreds of SMTP round trips do not belong in a request), their links built
    from ``SITE_URL``.
    """
    with transaction.atomic():
        locked = MemberImport.objects.select_for_update().get(pk=member_import.pk)
        if locked.confirmed_at:
            raise ActionError(_("Cet import a déjà été confirmé : rien n'a été envoyé deux fois."))
        circle = locked.circle
        rows = locked.rows
        invitations = []
        created = 0
        for row in to_invite(rows):
            try:
                invitation, was_created = do_invite(
                    circle,
                    row["email"],
                    acting_user=acting_user,
                    from_import=True,
                    first_name=row["first_name"],
                    last_name=row["last_name"],
                    organisation=row["organisation"],
                    sector=row["sector"],
                    city=row["city"],
                    role=row["role"],
                )
            except ActionError as error:
                row["status"], row["note"] = "member", str(error)
                continue
            row["status"] = "invited" if was_created else "renewed"
            invitations.append(invitation)
            created += was_created
        locked.rows = rows
        locked.confirmed_at = timezone.now()
        locked.created_count = created
        locked.skipped_count = len(rows) - len(invitations)
        locked.save()
        ids = [invitation.pk for invitation in invitations]
        transaction.on_commit(lambda: send_import_invitations.enqueue(ids))
    return locked


@task()
def send_import_invitations(invitation_ids: list[int], site_url: str = "") -> int:
    """One e-mail per still-open invitation; returns how many left. (``site_url`` is
    ignored: tasks queued before links came from ``SITE_URL`` still carry it.)"""
    sent = 0
    invitations = Invitation.objects.filter(
        pk__in=invitation_ids, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("circle", "invited_by")
    for invitation in invitations:
        try:
            send_invitation(invitation)
        except Exception:  # one bad address must not stop the others
            logger.exception("invitation e-mail to %s failed", invitation.email)
        else:
            sent += 1
    return sent
