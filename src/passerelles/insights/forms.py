"""The period a dashboard covers, chosen on the page (the last 4, 6, 8 or 12 quarters)."""

from django import forms
from django.utils.translation import gettext_lazy as _

DEFAULT_QUARTERS = 6
CHOICES = [
    (4, _("1 an (4 trimestres)")),
    (6, _("18 mois (6 trimestres)")),
    (8, _("2 ans (8 trimestres)")),
    (12, _("3 ans (12 trimestres)")),
]


class PeriodForm(forms.Form):
    trimestres = forms.TypedChoiceField(
        label=_("Période"), choices=CHOICES, coerce=int, required=False, empty_value=None
    )

    def quarters(self) -> int:
        """The chosen number of quarters; the default when none or an unknown one is given
        (the form then carries the error, shown beside the selector)."""
        if self.is_valid() and self.cleaned_data["trimestres"]:
            return self.cleaned_data["trimestres"]
        return DEFAULT_QUARTERS
