from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "passerelles.discussions"
    label = "discussions"

    def ready(self) -> None:
        from passerelles.discussions.views import event_comments
        from passerelles.events.extras import add_event_page_extra

        add_event_page_extra(event_comments)
