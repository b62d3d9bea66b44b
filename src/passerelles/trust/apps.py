from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "passerelles.trust"
    label = "trust"

    def ready(self) -> None:
        from passerelles.members.closing import ERASE, register_closing_step
        from passerelles.trust.closing import erase_trust_evidence

        register_closing_step("trust.evidence", ERASE + 20, erase_trust_evidence)

        from django.db.models.signals import post_delete, post_save

        from passerelles.circles.models import Bridge, Membership
        from passerelles.circles.signals import circle_recognition_changed, membership_requested

        # Who belongs where (and which circles are bridged) changes seeds and circle views.
        for model in (Membership, Bridge):
            post_save.connect(membership_changed, sender=model, dispatch_uid=f"trust.{model}")
            post_delete.connect(membership_changed, sender=model, dispatch_uid=f"trust.del.{model}")
        membership_requested.connect(request_received, dispatch_uid="trust.requested")
        # A recognised circle's verified members and admins seed reputation.
        circle_recognition_changed.connect(membership_changed, dispatch_uid="trust.recognised")


def membership_changed(sender, raw=False, **kwargs) -> None:
    if raw:
        return
    from passerelles.trust.state import mark_dirty

    mark_dirty()


def request_received(sender, membership, **kwargs) -> None:
    """Someone already vouched enough before asking is admitted at once."""
    from passerelles.trust.admission import admit_if_trusted

    admit_if_trusted(membership)
