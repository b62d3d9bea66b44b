from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "passerelles.circles"
    label = "circles"
