"""Settings for the test suite: the normal settings with fast hashing and immediate tasks."""

import os

os.environ.setdefault("PASSERELLES_TESTING", "1")

from passerelles.config.settings import *  # noqa: E402,F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# The suite keeps to the lexical model; tests of the semantic path build their own.
SEMANTIC = os.environ.get("PASSERELLES_SEMANTIC", "off")
