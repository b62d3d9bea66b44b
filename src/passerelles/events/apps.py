from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "passerelles.events"
    label = "events"

    def ready(self) -> None:
        from passerelles.events.closing import erase_event_traces, release_event_places
        from passerelles.members.closing import ERASE, STOP, register_closing_step

        register_closing_step("events.places", STOP + 20, release_event_places)
        register_closing_step("events.traces", ERASE + 40, erase_event_traces)
