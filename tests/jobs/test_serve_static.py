"""``passerelles serve`` collects static files again only when their sources changed."""

import os
from io import StringIO

from passerelles.core.management.commands import serve


def test_static_files_are_collected_again_only_when_a_source_changes(settings, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "site.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [sources]
    settings.STATIC_ROOT = tmp_path / "collected"

    first = StringIO()
    serve.collect_static(first)
    assert (tmp_path / "collected" / "site.css").read_text() == "body { color: black; }"
    assert "inchangés" not in first.getvalue()

    again = StringIO()
    serve.collect_static(again)
    assert "inchangés" in again.getvalue()

    (sources / "site.css").write_text("body { color: navy; }")
    later = (tmp_path / "collected" / "site.css").stat().st_mtime + 10
    os.utime(sources / "site.css", (later, later))  # collectstatic compares to the second
    changed = StringIO()
    serve.collect_static(changed)
    assert "inchangés" not in changed.getvalue()
    assert (tmp_path / "collected" / "site.css").read_text() == "body { color: navy; }"
