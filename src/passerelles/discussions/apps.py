from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "passerelles.discussions"
    label = "discussions"

    def ready(self) -> None:
        from passerelles.discussions.closing import erase_discussion_posts
        from passerelles.members.closing import STOP, register_closing_step

        register_closing_step("discussions.posts", STOP + 30, erase_discussion_posts)

        from passerelles.discussions.views import event_comments
        from passerelles.events.extras import add_event_page_extra

        add_event_page_extra(event_comments)
