from django import forms
from django.utils.translation import gettext_lazy as _

from passerelles.core.choices import Axis
from passerelles.discussions.models import BODY_MAX, TITLE_MAX

ACROSS = ""  # the "where" choice of a discussion across all circles


class DiscussionForm(forms.Form):
    title = forms.CharField(label=_("Sujet"), max_length=TITLE_MAX)
    axis = forms.ChoiceField(label=_("Axe"), choices=Axis.choices, widget=forms.RadioSelect)
    where = forms.ChoiceField(label=_("Où"), required=False)
    open_to_bridged = forms.BooleanField(
        label=_("Ouverte aussi aux membres des cercles reliés"), required=False
    )
    body = forms.CharField(
        label=_("Premier message"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, circles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.circles = {str(c.pk): c for c in circles}
        self.fields["where"].choices = [(ACROSS, _("Tous les cercles de Passerelles"))] + [
            (str(c.pk), c.name) for c in circles
        ]

    def clean_where(self):
        """The chosen circle (the field's choices are the member's own), or None."""
        return self.circles.get(self.cleaned_data.get("where") or ACROSS)


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
