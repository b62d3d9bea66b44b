from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The pages that gather every domain: the landing page and a member's home."""

    name = "passerelles.pages"
    label = "pages"
