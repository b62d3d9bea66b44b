from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "passerelles.insights"
    label = "insights"
