"""The portable trust passport: a W3C Verifiable Credential (data model 2.0) secured as a
JWT (VC-JWT, ``typ: vc+jwt``), signed with the instance's Ed25519 key (EdDSA).

- The key lives in ``PASSPORT_KEY_FILE`` (made on first use, readable by the server only);
  its public part is published as a JWKS at ``/.well-known/jwks.json``.
- Each passport has a place in the instance's revocation list, a W3C Bitstring Status List
  (``/.well-known/passport-status``, itself a signed credential): revoking sets its bit.
- ``verify`` checks a passport offline, with the issuer's JWKS and (when given) its status
  list: signature, dates, type, revocation. Nothing here is hand-made cryptography: PyJWT
  and ``cryptography`` sign and verify; this module only chooses what goes in.
- Another instance's circle may take a verified passport as outside evidence in an
  admission: ``outside_weight`` is at most half a local vouch (``OUTSIDE_WEIGHT_MAX``).
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
STATUS_LIST_BITS = 131_072  # 16 KiB, the minimum the Bitstring Status List asks for
LIFETIME_DAYS = 180
OUTSIDE_WEIGHT_MAX = 0.5  # a local vouch counts 1


# The instance's key ------------------------------------------------------------------------


def _key_file() -> Path:
    default = Path(settings.DATA_DIR) / "passport-ed25519.pem"
    return Path(getattr(settings, "PASSPORT_KEY_FILE", "") or default)


def instance_key() -> Ed25519PrivateKey:
    """The signing key, made and kept (mode 0600) on first use."""
    path = _key_file()
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return key


def public_jwk() -> dict[str, str]:
    jwk = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(instance_key().public_key()))
    jwk.update(use="sig", alg="EdDSA", kid=_thumbprint(jwk))
    return jwk


def jwks() -> dict[str, list[dict[str, str]]]:
    return {"keys": [public_jwk()]}


def _thumbprint(jwk: dict[str, str]) -> str:
    """RFC 7638 thumbprint of an OKP key: the key's id."""
    import hashlib

    canonical = json.dumps(
        {"crv": jwk["crv"], "kty": jwk["kty"], "x": jwk["x"]}, separators=(",", ":")
    )
    digest = hashlib.sha256(canonical.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def issuer() -> str:
    return settings.SITE_URL.rstrip("/")


def status_list_url() -> str:
    return f"{issuer()}/.well-known/passport-status"


# Issuing and revoking ----------------------------------------------------------------------


@transaction.atomic
def do_issue_passport(user, *, acting_user, now: datetime | None = None) -> tuple[Any, str]:
    """A signed passport for ``user`` (their own), and its record (for revocation)."""
    from passerelles.core.errors import ActionError
    from passerelles.trust.models import IssuedPassport
    from passerelles.trust.queries import passport as passport_of

    if acting_user.pk != user.pk:
        raise ActionError("Seul le membre lui-même obtient son passeport.")
    now = now or timezone.now()
    for _attempt in range(5):
        # The next free place in the revocation list; two passports issued at the same
        # moment may pick the same one: the unique index refuses the second, which retries.
        last = IssuedPassport.objects.aggregate(n=Max("status_index"))["n"]
        index = 0 if last is None else last + 1
        if index >= STATUS_LIST_BITS:
            raise ActionError("La liste de révocation est pleine.")
        try:
            with transaction.atomic():
                record = IssuedPassport.objects.create(
                    user=user,
                    jti=uuid.uuid4(),
                    status_index=index,
                    issued_at=now,
                    expires_at=now + timedelta(days=LIFETIME_DAYS),
                )
            break
        except IntegrityError:
            continue
    else:
        raise ActionError("Réessayez dans un instant.")
    shown = passport_of(user, user)
    subject = {
        "id": f"urn:uuid:{record.jti}",
        "type": "PasserellesMember",
        "name": user.display_name,
        "vouchesReceived": len(shown.vouches),
        "meetingsAttested": shown.meetings,
        "vouchContexts": dict(shown.by_context),
    }
    credential = {
        "@context": [VC_CONTEXT],
        "id": f"urn:uuid:{record.jti}",
        "type": ["VerifiableCredential", "PasserellesTrustPassport"],
        "issuer": issuer(),
        "validFrom": now.isoformat(),
        "validUntil": record.expires_at.isoformat(),
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{status_list_url()}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index),
            "statusListCredential": status_list_url(),
        },
    }
    return record, _sign(credential, jti=str(record.jti), now=now, expires=record.expires_at)


@transaction.atomic
def do_revoke_passport(record, *, acting_user) -> None:
    from passerelles.core.errors import ActionError

    if acting_user.pk != record.user_id and not acting_user.is_staff:
        raise ActionError("Ce passeport n'est pas le vôtre.")
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.save(update_fields=["revoked_at"])


def _sign(credential: dict, *, jti: str, now: datetime, expires: datetime | None) -> str:
    claims: dict[str, Any] = {
        **credential,
        "iss": credential["issuer"],
        "jti": jti,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
    }
    if expires is not None:
        claims["exp"] = int(expires.timestamp())
    headers = {"kid": public_jwk()["kid"], "typ": "vc+jwt", "cty": "vc"}
    return jwt.encode(claims, instance_key(), algorithm="EdDSA", headers=headers)


def status_list_credential(now: datetime | None = None) -> str:
    """The signed Bitstring Status List of revoked passports (bit set = revoked)."""
    from passerelles.trust.models import IssuedPassport

    now = now or timezone.now()
    bits = bytearray(STATUS_LIST_BITS // 8)
    for index in IssuedPassport.objects.filter(revoked_at__isnull=False).values_list(
        "status_index", flat=True
    ):
        bits[index // 8] |= 0x80 >> (index % 8)  # the first index is the leftmost bit
    encoded = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits))).rstrip(b"=").decode()
    credential = {
        "@context": [VC_CONTEXT],
        "id": status_list_url(),
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer(),
        "validFrom": now.isoformat(),
        "credentialSubject": {
            "id": f"{status_list_url()}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
        },
    }
    return _sign(credential, jti=f"status-{secrets.token_hex(8)}", now=now, expires=None)


# Verifying (offline, on any instance) ------------------------------------------------------


@dataclass
class Verification:
    valid: bool
    reason: str = ""
    credential: dict[str, Any] = field(default_factory=dict)

    @property
    def subject(self) -> dict[str, Any]:
        return self.credential.get("credentialSubject", {})


def verify(
    token: str,
    issuer_jwks: dict,
    status_list: str | None = None,
    *,
    now: datetime | None = None,
) -> Verification:
    """Check a passport with its issuer's published keys and, when given, its status list.
    Never raises on a bad passport: the result says why it is refused."""
    try:
        header = jwt.get_unverified_header(token)
        key = _key_for(issuer_jwks, header.get("kid"))
        claims = _decode(token, key, now)
    except jwt.ExpiredSignatureError:
        return Verification(False, "expired")
    except (jwt.PyJWTError, ValueError, KeyError, TypeError):
        return Verification(False, "invalid signature or format")
    if "PasserellesTrustPassport" not in claims.get("type", []):
        return Verification(False, "not a trust passport")
    if claims.get("iss") != claims.get("issuer"):
        return Verification(False, "issuer mismatch")
    if status_list is not None:
        revoked = _revoked(claims, status_list, key, now)
        if revoked is None:
            return Verification(False, "status list unreadable")
        if revoked:
            return Verification(False, "revoked")
    return Verification(True, "", claims)


def _key_for(issuer_jwks: dict, kid: str | None):
    for candidate in issuer_jwks.get("keys", []):
        if candidate.get("kid") == kid and candidate.get("kty") == "OKP":
            return jwt.PyJWK(candidate, algorithm="EdDSA").key
    raise KeyError("unknown key")


def _decode(token: str, key, now: datetime | None) -> dict[str, Any]:
    options: jwt.types.Options = {"require": ["iss", "iat", "jti"]}
    if now is None:
        return jwt.decode(token, key, algorithms=["EdDSA"], options=options)
    # A fixed "now" (tests, audits): check the dates by hand on the verified claims.
    claims = jwt.decode(token, key, algorithms=["EdDSA"], options={**options, "verify_exp": False})
    if "exp" in claims and claims["exp"] <= now.timestamp():
        raise jwt.ExpiredSignatureError
    return claims


def _revoked(claims: dict, status_list: str, key, now) -> bool | None:
    try:
        listing = _decode(status_list, key, now)
        entry = claims["credentialStatus"]
        if entry["statusListCredential"] != listing["id"]:
            return None
        encoded = listing["credentialSubject"]["encodedList"]
        if not encoded.startswith("u"):
            return None
        raw = encoded[1:] + "=" * (-len(encoded[1:]) % 4)
        bits = gzip.decompress(base64.urlsafe_b64decode(raw))
        index = int(entry["statusListIndex"])
        return bool(bits[index // 8] & (0x80 >> (index % 8)))
    except (jwt.PyJWTError, KeyError, ValueError, TypeError, OSError):
        return None


def outside_weight(result: Verification) -> float:
    """How much a verified passport from another instance counts in an admission, in local
    vouches: grows with the vouches and meetings it reports, and stays below half of one
    local vouch (a circle knows its own members; another instance's members it does not)."""
    if not result.valid:
        return 0.0
    subject = result.subject
    evidence = int(subject.get("vouchesReceived", 0)) + int(subject.get("meetingsAttested", 0))
    return round(OUTSIDE_WEIGHT_MAX * min(evidence, 10) / 10, 3)
