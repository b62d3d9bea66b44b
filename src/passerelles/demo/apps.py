from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "passerelles.demo"
    label = "demo"
