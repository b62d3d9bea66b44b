"""Circles recognised by the platform. The circles that exist when this runs keep
anchoring trust (added with ``True``, so that an upgrade keeps every member's
reputation); circles created afterwards are not recognised until an operator says so
(the field's default becomes ``False``). Operators should review the list
(docs/operations.md)."""

from django.db import migrations, models

LABEL = "Cercle reconnu par la plateforme"
HELP = (
    "Les membres vérifiés et les responsables d'un cercle reconnu servent de points "
    "d'ancrage au calcul de confiance."
)


class Migration(migrations.Migration):
    dependencies = [
        ("circles", "0006_alter_membership_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="circle",
            name="recognised",
            field=models.BooleanField(default=True, help_text=HELP, verbose_name=LABEL),
        ),
        migrations.AlterField(
            model_name="circle",
            name="recognised",
            field=models.BooleanField(default=False, help_text=HELP, verbose_name=LABEL),
        ),
    ]
