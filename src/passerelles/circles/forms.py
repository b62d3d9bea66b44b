from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from passerelles.circles.models import Circle, CircleKind
from passerelles.core.choices import Sector, split_codes


class CircleForm(forms.ModelForm):
    sector_choices = forms.MultipleChoiceField(
        label=_("Secteurs privilégiés"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Un ou deux secteurs au plus."),
    )

    class Meta:
        model = Circle
        fields = [
            "name",
            "kind",
            "description",
            "city",
            "department",
            "dues_eur",
            "listed",
            "admission_policy",
            "cooptation_vouches",
            "trust_threshold",
            "accept_bridged_vouches",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector_choices"].initial = split_codes(self.instance.sectors)
        self.fields["cooptation_vouches"].widget.attrs.update(min=1, max=10)
        self.fields["trust_threshold"].widget.attrs.update(min=0, max=1, step="0.05")

    def clean_sector_choices(self):
        codes = self.cleaned_data["sector_choices"]
        if len(codes) > 2:
            raise forms.ValidationError(_("Choisissez au plus deux secteurs."))
        return codes

    def clean_cooptation_vouches(self):
        value = self.cleaned_data["cooptation_vouches"]
        if not 1 <= value <= 10:
            raise forms.ValidationError(_("Entre 1 et 10 recommandations."))
        return value

    def clean_trust_threshold(self):
        value = self.cleaned_data["trust_threshold"]
        if not 0 <= value <= 1:
            raise forms.ValidationError(_("Le seuil est compris entre 0 et 1."))
        return value


class CircleFilterForm(forms.Form):
    q = forms.CharField(label=_("Rechercher"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous"))] + CircleKind.choices
    )
    city = forms.CharField(label=_("Ville"), required=False)


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Un mot pour les responsables (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("Adresses e-mail"),
        help_text=_("Une adresse par ligne (ou séparées par des virgules), 200 au plus."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_emails(self):
        raw = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n")
        emails, bad = [], []
        for line in raw.splitlines():
            email = line.strip().lower()
            if not email:
                continue
            try:
                validate_email(email)
            except forms.ValidationError:
                bad.append(email)
                continue
            if email not in emails:
                emails.append(email)
        if bad:
            raise forms.ValidationError(
                _("Adresses invalides : %(emails)s") % {"emails": ", ".join(bad[:10])}
            )
        if not emails:
            raise forms.ValidationError(_("Indiquez au moins une adresse."))
        if len(emails) > 200:
            raise forms.ValidationError(_("200 adresses au plus à la fois ; importez un fichier."))
        return emails


class BridgeProposeForm(forms.Form):
    """From one of the circles one runs, to a circle one is looking at."""

    from_circle = forms.ModelChoiceField(
        label=_("Au nom de votre cercle"), queryset=Circle.objects.none(), empty_label=None
    )
    message = forms.CharField(
        label=_("Message (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, sources=None, **kwargs):
        super().__init__(*args, **kwargs)
        if sources is not None:
            self.fields["from_circle"].queryset = sources


class BridgeRequestForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Cercle à relier"), queryset=Circle.objects.none())
    message = forms.CharField(
        label=_("Message (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        if targets is not None:
            self.fields["target"].queryset = targets
