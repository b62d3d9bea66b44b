from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "passerelles.events"
    label = "events"
