"""A reason that names a situation is worded in the reader's language."""

from django.utils import translation

from passerelles.intros.reasons import word

WATER = {
    "situation": "un dégât des eaux",
    "service": "expertise des sinistres",
    "does": "expertise les sinistres",
}


def test_french_names_the_situation_and_what_they_do():
    reason = {
        "code": "you_seek",
        "offer": "Expertise de sinistres",
        "terms": [],
        "situation": WATER,
    }
    with translation.override("fr"):
        assert word(reason, "Claire").startswith("Vous parlez d'un dégât des eaux")


def test_english_says_the_offer_answers_what_you_describe():
    mine = {"code": "you_seek", "offer": "Expertise de sinistres", "terms": [], "situation": WATER}
    theirs = {"code": "they_seek", "need": "On a pris l'eau", "terms": [], "situation": WATER}
    with translation.override("en"):
        assert word(mine, "Claire") == (
            "Claire offers “Expertise de sinistres”, an answer to what you describe "
            "(un dégât des eaux)."
        )
        assert word(theirs, "Paul") == (
            "Paul describes un dégât des eaux: you can help with expertise des sinistres."
        )
