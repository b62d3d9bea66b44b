"""The audit log: who changed what, on which object, when, and how."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One state change, written by its named action in the same transaction.

    The circles concerned are kept as plain ids, not foreign keys, so that core depends
    on no app and the record of a circle outlives the circle.
    """

    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("auteur"),
        help_text=_("Vide quand la règle du cercle a décidé (admission par confiance)."),
    )
    verb = models.CharField(_("action"), max_length=60)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("personne concernée"),
    )
    circle_id = models.PositiveBigIntegerField(_("cercle"), null=True, blank=True)
    other_circle_id = models.PositiveBigIntegerField(_("autre cercle"), null=True, blank=True)
    changes = models.JSONField(_("changement"), default=dict, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal des actions")
        indexes = [
            models.Index(fields=["circle_id", "-created_at"], name="audit_circle_time"),
            models.Index(fields=["other_circle_id", "-created_at"], name="audit_other_circle_time"),
            models.Index(fields=["content_type", "object_id"], name="audit_object"),
            models.Index(fields=["-created_at"], name="audit_time"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.verb} #{self.object_id}"

    @property
    def verb_label(self) -> str:
        from passerelles.core.audit import verb_label

        return verb_label(self.verb)
