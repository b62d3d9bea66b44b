from django.apps import AppConfig


class IntrosConfig(AppConfig):
    name = "passerelles.intros"
    label = "intros"
