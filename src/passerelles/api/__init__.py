"""The JSON API (django-ninja): one NinjaAPI, a router per domain."""
