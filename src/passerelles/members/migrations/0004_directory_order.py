"""The directory's order on the profile's own row: the account's names copied into the
profile by the database (triggers, on PostgreSQL and SQLite alike) and indexed after the
visibility, so that the profiles seen by all are read in name order from one index.

The copy is the database's own work, so no write can miss it: a profile written (by the
ORM, a queryset, a bulk load, ``COPY``) takes its account's names, and an account's names
changed (however) are copied into its profile. A profile written with other names in
these two columns gets its account's again.
"""

from django.db import migrations, models

POSTGRESQL = [
    """CREATE FUNCTION members_profile_sort_names() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT u.last_name, u.first_name INTO NEW.sort_last_name, NEW.sort_first_name
        FROM accounts_user u WHERE u.id = NEW.user_id;
        NEW.sort_last_name := COALESCE(NEW.sort_last_name, '');  -- no account yet
        NEW.sort_first_name := COALESCE(NEW.sort_first_name, '');
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER members_profile_sort_names
    BEFORE INSERT OR UPDATE OF user_id, sort_last_name, sort_first_name ON members_profile
    FOR EACH ROW EXECUTE FUNCTION members_profile_sort_names()""",
    """CREATE FUNCTION members_user_sort_names() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE members_profile
        SET sort_last_name = NEW.last_name, sort_first_name = NEW.first_name
        WHERE user_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER members_user_sort_names
    AFTER UPDATE OF last_name, first_name ON accounts_user FOR EACH ROW
    WHEN (OLD.last_name IS DISTINCT FROM NEW.last_name
          OR OLD.first_name IS DISTINCT FROM NEW.first_name)
    EXECUTE FUNCTION members_user_sort_names()""",
    # A profile written before its account (constraints deferred): named when it comes.
    """CREATE TRIGGER members_user_sort_names_insert AFTER INSERT ON accounts_user
    FOR EACH ROW EXECUTE FUNCTION members_user_sort_names()""",
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS members_user_sort_names_insert ON accounts_user",
    "DROP TRIGGER IF EXISTS members_user_sort_names ON accounts_user",
    "DROP FUNCTION IF EXISTS members_user_sort_names()",
    "DROP TRIGGER IF EXISTS members_profile_sort_names ON members_profile",
    "DROP FUNCTION IF EXISTS members_profile_sort_names()",
]

# SQLite's triggers cannot change the row being written: they write it again after.
_FROM_USER = """UPDATE members_profile SET
    sort_last_name = COALESCE((SELECT last_name FROM accounts_user WHERE id = NEW.user_id), ''),
    sort_first_name = COALESCE((SELECT first_name FROM accounts_user WHERE id = NEW.user_id), '')
    WHERE id = NEW.id;"""
_TO_PROFILE = """UPDATE members_profile
    SET sort_last_name = NEW.last_name, sort_first_name = NEW.first_name
    WHERE user_id = NEW.id;"""
SQLITE = [
    f"""CREATE TRIGGER members_profile_sort_names_insert AFTER INSERT ON members_profile
    BEGIN {_FROM_USER} END""",
    f"""CREATE TRIGGER members_profile_sort_names_update
    AFTER UPDATE OF user_id, sort_last_name, sort_first_name ON members_profile
    BEGIN {_FROM_USER} END""",
    f"""CREATE TRIGGER members_user_sort_names AFTER UPDATE OF last_name, first_name
    ON accounts_user BEGIN {_TO_PROFILE} END""",
    f"""CREATE TRIGGER members_user_sort_names_insert AFTER INSERT ON accounts_user
    BEGIN {_TO_PROFILE} END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS members_user_sort_names_insert",
    "DROP TRIGGER IF EXISTS members_user_sort_names",
    "DROP TRIGGER IF EXISTS members_profile_sort_names_update",
    "DROP TRIGGER IF EXISTS members_profile_sort_names_insert",
]

FILL = """UPDATE members_profile SET
    sort_last_name = (SELECT u.last_name FROM accounts_user u WHERE u.id = user_id),
    sort_first_name = (SELECT u.first_name FROM accounts_user u WHERE u.id = user_id)"""


def _run(apps, schema_editor, statements: dict[str, list[str]]) -> None:
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql, params=None)


def forward(apps, schema_editor) -> None:
    _run(apps, schema_editor, {"postgresql": POSTGRESQL, "sqlite": SQLITE})
    schema_editor.execute(FILL, params=None)


def backward(apps, schema_editor) -> None:
    _run(apps, schema_editor, {"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_search_indexes"),
        ("accounts", "0003_api_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="sort_first_name",
            field=models.CharField(db_default="", default="", editable=False, max_length=150),
        ),
        migrations.AddField(
            model_name="profile",
            name="sort_last_name",
            field=models.CharField(db_default="", default="", editable=False, max_length=150),
        ),
        migrations.RunPython(forward, backward, elidable=False),
        migrations.AddIndex(
            model_name="profile",
            index=models.Index(
                fields=["visibility", "sort_last_name", "sort_first_name", "id"],
                name="profile_directory_order",
            ),
        ),
    ]
