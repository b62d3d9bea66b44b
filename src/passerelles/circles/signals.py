"""Signals other domains listen to, so that circles never import them."""

from django.dispatch import Signal

#: Sent inside the transaction when a request to join is put in review
#: (``membership``: the pending Membership). The trust app admits at once an applicant
#: already vouched enough.
membership_requested = Signal()

#: Sent inside the transaction when an active bridge is closed (``bridge``, now revoked).
#: The intros app closes the open introductions that only this bridge allowed.
bridge_closed = Signal()

#: Sent inside the transaction when the platform recognises a circle or withdraws its
#: recognition (``circle``). The trust app recomputes reputation: the circle's verified
#: members and admins become, or stop being, its seeds.
circle_recognition_changed = Signal()
