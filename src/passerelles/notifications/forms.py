from django import forms
from django.utils.translation import gettext_lazy as _

from passerelles.notifications.kinds import TOPICS, Channel


class PreferencesForm(forms.Form):
    """One choice per topic (e-mail, in Passerelles only, never) and the weekly summary."""

    def __init__(self, *args, initial_channels: dict[str, str], weekly_digest: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for topic in TOPICS:
            self.fields[topic.key] = forms.ChoiceField(
                label=topic.label,
                help_text=topic.help,
                choices=Channel.choices,
                initial=initial_channels.get(topic.key),
                widget=forms.RadioSelect,
            )
        self.fields["weekly_digest"] = forms.BooleanField(
            label=_("Recevoir chaque lundi matin un résumé de la semaine par e-mail"),
            help_text=_("Pratique si vous choisissez « Dans Passerelles seulement »."),
            required=False,
            initial=weekly_digest,
        )

    def channels(self) -> dict[str, str]:
        return {topic.key: self.cleaned_data[topic.key] for topic in TOPICS}
