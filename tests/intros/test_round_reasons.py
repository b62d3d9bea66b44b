"""Round reasons speak to what each side seeks or offers, and never claim a false match."""

from django.db.models import Q

from passerelles.intros.models import Introduction, Preference
from passerelles.intros.rounds import run_round
from passerelles.members.models import Visibility
from tests.conftest import make_circle, make_user
from tests.intros.conftest import member

FALSE_CLAIMS = ("ce que vous proposez justement", "ce qui correspond à ce que vous cherchez")


def _other_circle_member(email, first, last, circle, **kw):
    user = member(email, first, last, circle, **kw)
    user.profile.visibility = Visibility.ALL
    user.profile.save()
    return user


def test_export_need_meets_export_offer_across_circles_with_named_topic(world):
    # Karl (finance circle, bridged) offers export help; give him room for Marc.
    Preference.objects.filter(user=world["karl"]).update(per_round=2)
    # A member of an unrelated circle whose need shares words, not a topic, with Marc's
    # offers: nothing may tell Marc that she seeks what he offers.
    owner = make_user("owner-c@example.org", "Chloé", "Perrin")
    other = make_circle(owner, "Club Artisans Marseille", listed=True)
    nina = _other_circle_member(
        "nina@example.org",
        "Nina",
        "Faure",
        other,
        offers="community management et animation de réseaux sociaux",
        needs="une mutuelle d'entreprise adaptée à une petite équipe industrielle",
        sector="S",
        per_round=2,
    )
    run_round(force=True)

    marc, karl = world["marc"], world["karl"]
    intro = Introduction.objects.get(
        Q(member_a=marc, member_b=karl) | Q(member_a=karl, member_b=marc)
    )
    assert intro.components["shared_circles"] == 0
    for_marc = intro.reasons_for(marc)
    assert for_marc[0].startswith("Karl Weber propose")
    assert "ce qui répond à votre besoin en export" in for_marc[0]
    for_karl = intro.reasons_for(karl)
    assert for_karl[0].startswith("Marc Fournier cherche")
    assert "vous pouvez l'aider en export" in for_karl[0]

    for intro in Introduction.objects.all():
        for side in (intro.member_a, intro.member_b):
            for reason in intro.reasons_for(side):
                assert not any(claim in reason for claim in FALSE_CLAIMS), reason
                if " cherche " in reason and "vous pouvez l'aider" not in reason:
                    raise AssertionError(f"a need stated without its topic: {reason}")
    with_nina = Introduction.objects.filter(Q(member_a=nina) | Q(member_b=nina))
    for intro in with_nina:
        other_side = intro.other(nina)
        assert not any("Nina Faure cherche" in r for r in intro.reasons_for(other_side))


def test_reason_quotes_the_need_that_matched(world):
    # Marc seeks two things (export; a finance director): Sophie offers the second.
    run_round(force=True)
    marc, sophie = world["marc"], world["sophie"]
    intro = Introduction.objects.get(
        Q(member_a=marc, member_b=sophie) | Q(member_a=sophie, member_b=marc)
    )
    seeks = [r for r in intro.reasons_for(sophie) if r.startswith("Marc Fournier cherche")]
    assert seeks, intro.reasons_for(sophie)
    assert "«\u00a0un directeur financier à temps partiel\u00a0»" in seeks[0]
    assert "exporter" not in seeks[0]
    assert "vous pouvez l'aider en direction financière" in seeks[0]


class _PlaceFirstModel:
    """Sentences on the place meet best (as a sentence encoder may find); only the
    finance ones share a topic."""

    def encode(self, texts):
        import numpy as np

        return np.array(
            [[2.0 if "Lyon" in t else 0.1, 1.0 if "financ" in t else 0.0] for t in texts]
        )

    def matched_terms(self, need, offer):
        return ["direction financière"] if "financ" in need and "financ" in offer else []


def test_a_sentence_on_the_place_is_not_quoted_for_the_need_that_matched():
    from passerelles.intros.rounds import _quoted

    needs = (
        "Nous aurions besoin d'un prestataire informatique pour gérer notre parc. "
        "Et aussi un directeur financier à temps partiel. Idéalement dans la région de Lyon."
    )
    offers = "Direction financière à temps partiel. Je connais bien les clubs de Lyon."
    quoted, terms = _quoted(_PlaceFirstModel(), needs, offers, need_first=True)
    assert quoted == "Et aussi un directeur financier à temps partiel."
    assert terms == ["direction financière"]
