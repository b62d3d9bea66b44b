"""The one error every domain action raises when it cannot be done."""


class ActionError(Exception):
    """An action that cannot be done; the message (French first, translated) is shown to
    the person as is, by the pages and by the API (400)."""
