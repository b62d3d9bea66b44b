"""The demo's three logins, printed by ``passerelles demo``.

``passerelles seed`` gives them their roles in the demo ecosystem: the organiser owns
the Lyon business club (journey 2), the member runs a small manufacturing firm that
wants to export to Germany (journey 4), the administrator is platform staff.
"""

DEMO_PASSWORD = "passerelles-demo"
DEMO_LOGINS = [
    ("Membre", "membre@demo.passerelles.fr", DEMO_PASSWORD),
    ("Organisatrice de cercle", "organisatrice@demo.passerelles.fr", DEMO_PASSWORD),
    ("Administrateur plateforme", "admin@demo.passerelles.fr", DEMO_PASSWORD),
]


def ensure_demo_logins() -> None:
    """Create the three demo accounts (verified e-mails) if missing; safe to run again."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    User = get_user_model()
    names = {
        "membre@demo.passerelles.fr": ("Julien", "Moreau", False),
        "organisatrice@demo.passerelles.fr": ("Claire", "Lefèvre", False),
        "admin@demo.passerelles.fr": ("Admin", "Passerelles", True),
    }
    for _role, email, password in DEMO_LOGINS:
        first, last, staff = names[email]
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=password,
                first_name=first,
                last_name=last,
                is_staff=staff,
                is_superuser=staff,
            )
        elif staff and not user.is_staff:
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


def lock_demo_logins() -> str:
    """Give the demo accounts a fresh random password and return it.

    The published password is for a local try-out only: a seed run outside debug (a
    staging or production server) must not leave a staff account anyone can open.
    """
    import secrets

    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(12)
    for user in get_user_model().objects.filter(email__in=[e for _r, e, _p in DEMO_LOGINS]):
        user.set_password(password)
        user.save(update_fields=["password"])
    return password
