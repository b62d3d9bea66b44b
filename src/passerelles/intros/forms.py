from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from passerelles.intros.models import MeetingFormat, Preference

NO_BRIDGE_YET = _(
    "Vos cercles n'ont pas encore de passerelle active : « Mes cercles et les cercles "
    "reliés » revient pour l'instant à vos seuls cercles."
)


class PreferenceForm(forms.ModelForm):
    formats = forms.MultipleChoiceField(
        label=_("Formats de rencontre"),
        choices=MeetingFormat.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    per_round = forms.TypedChoiceField(
        label=_("Mises en relation par tour"),
        choices=[(1, "1"), (2, "2"), (3, "3")],
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Preference
        fields = [
            "consent",
            "frequency",
            "per_round",
            "scope",
            "formats",
            "exclude_own_circles",
            "exclude_colleagues",
            "remote",
        ]
        widgets = {"frequency": forms.RadioSelect, "scope": forms.RadioSelect}
        help_texts = {
            "consent": _(
                "Vos offres, besoins, secteur, axes et cercles servent alors à vous proposer des "
                "rencontres. Votre e-mail n'est communiqué qu'après acceptation des deux côtés. "
                "Vous pouvez retirer votre accord à tout moment : les suggestions en cours sont "
                "alors annulées."
            ),
            "scope": _(
                "Les membres de ce périmètre qui ont aussi activé les mises en relation peuvent "
                "vous être proposés et voir votre carte de présentation (nom, activité, "
                "organisation, ville, offres et besoins), même si votre profil est plus restreint "
                "dans l'annuaire. Vos coordonnées ne sont partagées que si vous acceptez tous les "
                "deux."
            ),
        }

    def __init__(self, *args, has_bridges: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk:
            self.initial["formats"] = self.instance.format_list
        if not has_bridges:
            self.fields["scope"].help_text = format_lazy(
                "{} {}", self.fields["scope"].help_text, NO_BRIDGE_YET
            )

    def save(self, commit: bool = True) -> Preference:
        pref = super().save(commit=False)
        pref.format_list = self.cleaned_data.get("formats") or []
        return pref


class AskForm(forms.Form):
    q = forms.CharField(
        label=_("Je cherche…"),
        label_suffix="",  # the ellipsis ends the label; « … : » read oddly
        max_length=300,
        widget=forms.TextInput(
            attrs={"placeholder": _("je cherche un avocat en droit social à Lyon")}
        ),
    )


class RequestForm(forms.Form):
    need = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Un mot pour vous présenter (facultatif)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    warm = forms.BooleanField(required=False, widget=forms.HiddenInput)
