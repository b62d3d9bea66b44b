"""Default discussion prompts, per axis, that organisers pick into their agendas."""

from django.utils.translation import gettext_noop as _

DEFAULT_PROMPTS = {
    "monde": [
        _("Quelle tendance récente a changé votre façon de travailler ?"),
        _("Quel changement économique observez-vous chez vos clients cette année ?"),
        _("Qu'est-ce qui vous semblera évident dans dix ans et surprend encore aujourd'hui ?"),
        _("Quelle lecture ou quelle rencontre a élargi votre regard récemment ?"),
    ],
    "soi": [
        _("Une situation où vous avez su convaincre sans forcer"),
        _("Quelle compétence relationnelle cherchez-vous à développer ?"),
        _("Comment vous présentez-vous en trente secondes, et qu'aimeriez-vous changer ?"),
        _("Un retour qui vous a fait grandir professionnellement"),
    ],
    "societe": [
        _("Quel projet collectif de votre territoire mériterait plus de bras ?"),
        _("Comment votre métier peut-il avoir un impact au-delà de votre entreprise ?"),
        _("Une coopération entre concurrents ou entre secteurs qui a marché"),
        _("Que pourraient faire ensemble les personnes de cette table d'ici six mois ?"),
    ],
    "savoir": [
        _("Une erreur qui vous a appris quelque chose"),
        _("Le meilleur conseil reçu au début de votre activité"),
        _("Un outil ou une méthode que vous recommanderiez à tous"),
        _("Ce que vous auriez aimé savoir avant de vous lancer"),
    ],
}
