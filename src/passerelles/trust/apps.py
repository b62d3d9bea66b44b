from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "passerelles.trust"
    label = "trust"
