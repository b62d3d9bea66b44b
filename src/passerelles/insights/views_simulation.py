"""What-if page: a circle's admins (and operators) replay months with a new bridge."""

import math

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.access import get_circle_for_admin, visible_circles
from passerelles.circles.models import Circle
from passerelles.insights import charts, simulation


class SimulationForm(forms.Form):
    avec: "forms.ModelChoiceField[Circle]" = forms.ModelChoiceField(
        label=gettext_lazy("Passerelle à essayer avec"), queryset=None, required=False
    )
    mois = forms.IntegerField(label=gettext_lazy("Mois"), min_value=1, max_value=24, initial=12)
    graine = forms.IntegerField(
        label=gettext_lazy("Tirage n°"),
        initial=0,
        help_text=gettext_lazy(
            "Le même numéro rejoue les mêmes hasards ; un autre montre la part du hasard."
        ),
    )
    sans_intros = forms.BooleanField(label=gettext_lazy("Sans mises en relation"), required=False)

    def __init__(self, *args, circles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["avec"].queryset = circles


def _values(values) -> list:
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in values]


def _charts(outcome, circle_column: int, label: str) -> list[dict]:
    months = outcome.months
    labels = [_("auj.")] + [str(m) for m in range(1, months + 1)]
    today, changed = outcome.today, outcome.changed
    return [
        charts.line_chart(
            "chart-sim-ei",
            _("Indice E-I du cercle, mois par mois"),
            _("De −1 (tous les liens restent dans le cercle) à +1 (tous en sortent)."),
            labels,
            [
                charts.Series(_("Aujourd'hui"), _values(today.circle_ei[:, circle_column])),
                charts.Series(label, _values(changed.circle_ei[:, circle_column])),
            ],
            fmt=charts.decimal(2),
        ),
        charts.line_chart(
            "chart-sim-intros",
            _("Mises en relation acceptées par mois (plateforme)"),
            _("Suggestions acceptées des deux côtés, chaque mois."),
            labels[1:],
            [
                charts.Series(_("Aujourd'hui"), today.introductions),
                charts.Series(label, changed.introductions),
            ],
        ),
        charts.line_chart(
            "chart-sim-wait",
            _("Attente d'une première recommandation (jours)"),
            _("Attente moyenne des membres qui reçoivent leur première recommandation ce mois-là."),
            labels[1:],
            [
                charts.Series(_("Aujourd'hui"), _values(today.wait_days)),
                charts.Series(label, _values(changed.wait_days)),
            ],
        ),
    ]


@login_required
@require_GET
def circle_simulation(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = get_circle_for_admin(request.user, slug)
    others = visible_circles(request.user).exclude(pk=circle.pk).order_by("name")
    form = SimulationForm(request.GET or None, circles=others)
    context = {"circle": circle, "form": form, "charts": [], "outcome": None}
    if request.GET and form.is_valid():
        other = form.cleaned_data["avec"]
        pairs = [(circle, other)] if other else []
        outcome = simulation.run(
            form.cleaned_data["mois"],
            seed=form.cleaned_data["graine"],
            with_bridges=pairs,
            introductions=not form.cleaned_data["sans_intros"],
        )
        column = simulation.column_of(outcome, circle)
        if column is not None:
            parts = []
            if other:
                parts.append(_("avec la passerelle vers %(name)s") % {"name": other.name})
            if form.cleaned_data["sans_intros"]:
                parts.append(_("sans mises en relation"))
            label = ", ".join(parts) or _("sans changement")
            context["charts"] = _charts(outcome, column, label)
            context["label"] = label
        context["outcome"] = outcome
    return render(request, "insights/simulation.html", context)
