from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "passerelles.discussions"
    label = "discussions"
