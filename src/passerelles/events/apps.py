from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "passerelles.events"
    label = "events"

    def ready(self) -> None:
        from passerelles.circles.signals import bridge_closed
        from passerelles.events.actions import tell_places_kept
        from passerelles.events.closing import erase_event_traces, release_event_places
        from passerelles.members.closing import ERASE, STOP, register_closing_step

        register_closing_step("events.places", STOP + 20, release_event_places)
        register_closing_step("events.traces", ERASE + 40, erase_event_traces)
        bridge_closed.connect(
            lambda sender, bridge, **kw: tell_places_kept(bridge),
            weak=False,
            dispatch_uid="events.bridge_closed",
        )
