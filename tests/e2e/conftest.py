"""Browser journeys in Debian's Chromium, driven by Playwright against the live server."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
# Screenshots go to a scratch folder so that a test run never rewrites tracked files;
# `PASSERELLES_SCREENSHOTS=docs/screenshots uv run pytest tests/e2e` refreshes the docs' ones.
SCREENSHOTS = Path(
    os.environ.get("PASSERELLES_SCREENSHOTS")
    or Path(tempfile.gettempdir()) / "passerelles-screenshots"
)

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM:
                item.add_marker(
                    pytest.mark.skip(reason="Chromium is missing (apt-get install chromium)")
                )


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
    # the test itself are still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server, settings):
    """A function opening a fresh browser context (one person) on the live server, which
    is then the site's public address (links in e-mails)."""
    settings.SITE_URL = live_server.url
    contexts = []

    def open_page(width: int = 1280, height: int = 900):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": height},
            locale="fr-FR",
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


AXE = Path(__file__).resolve().parent / "vendor" / "axe-4.14.1.min.js"


def accessibility_violations(page) -> list[str]:
    """Serious and critical axe-core violations (WCAG 2.1 A and AA, best practices) on the
    page as shown, and headings out of order."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol: the site's CSP refuses
        # inline scripts, which is what add_script_tag would insert.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                "best-practice"]},
            });
            return r.violations.map(v => ({id: v.id, impact: v.impact,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {', '.join(v['targets'])}"
        for v in results
        if v["impact"] in ("serious", "critical") or v["id"] == "heading-order"
    ]


def assert_accessible(page) -> None:
    violations = accessibility_violations(page)
    assert not violations, f"{page.url}: " + "; ".join(violations)


def screenshot(page, name: str) -> None:
    """Save what the person sees, after checking the page with axe-core (no serious or
    critical violation)."""
    assert_accessible(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def login(page, email: str, password: str = "motdepasse-solide-42") -> None:
    page.goto("/compte/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")


# Room left beside the chosen option's text inside a <select> (negative: the label is cut).
LABEL_ROOM = """el => {
    const style = getComputedStyle(el);
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = ctx.measureText(el.options[el.selectedIndex].text).width;
    const inner = el.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight) - 20;  // the arrow
    return inner - text;
}"""
