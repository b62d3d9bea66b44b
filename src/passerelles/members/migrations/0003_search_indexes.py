"""Directory search indexes, on PostgreSQL only (SQLite keeps its plain scan).

``passerelles_fold`` folds accents, case and ligatures as members.search's ``fold`` does
(with PostgreSQL's unaccent dictionary, ten times faster than ``translate`` over the
folding table), as an immutable SQL function so that it can be indexed: trigram indexes
answer the "every word appears" match (``LIKE '%word%'``) on a profile's text and on a
member's name, and a French full-text index answers the word-family match. Both
extensions are "trusted": the database's owner may create them.
"""

from django.db import migrations

PROFILE_TEXT = "passerelles_fold(headline || ' ' || organisation || ' ' || offers || ' ' || needs)"
NAME_TEXT = "passerelles_fold(first_name || ' ' || last_name)"



def forward(schema: str) -> list[str]:
    """``schema``: where the unaccent extension lives, named in the function's body so
    that a restore (which empties the search path) still finds it."""
    return [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE OR REPLACE FUNCTION passerelles_fold(text) RETURNS text"
        " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS"
        f" $$ SELECT lower({schema}.unaccent('{schema}.unaccent'::regdictionary, $1)) $$",
        "CREATE INDEX IF NOT EXISTS members_profile_text_trgm ON members_profile"
        f" USING gin ({PROFILE_TEXT} gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS members_profile_text_fts ON members_profile"
        f" USING gin (to_tsvector('french'::regconfig, {PROFILE_TEXT}))",
        "CREATE INDEX IF NOT EXISTS accounts_user_name_trgm ON accounts_user"
        f" USING gin ({NAME_TEXT} gin_trgm_ops)",
    ]


BACKWARD = [
    "DROP INDEX IF EXISTS accounts_user_name_trgm",
    "DROP INDEX IF EXISTS members_profile_text_fts",
    "DROP INDEX IF EXISTS members_profile_text_trgm",
    "DROP FUNCTION IF EXISTS passerelles_fold(text)",
]


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'"
        )
        schema = cursor.fetchone()[0]
    for sql in forward(schema):
        schema_editor.execute(sql)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_profile_language"),
        ("accounts", "0003_api_tokens"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
