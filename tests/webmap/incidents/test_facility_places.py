"""A city named in a facility places the event there (issue 11, CIR recall): schools, lyceums, substations,
academies are facilities too ("Kharkiv Gymnasium No. 47 shelled", "the Lutsk Substation")."""
from __future__ import annotations

import pytest

from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract


@pytest.mark.parametrize("text, place, category", [
    ("Kharkiv Gymnasium No. 47 shelled", "Kharkiv", "shelling"),
    ("A Russian missile hit the Lutsk Substation overnight.", "Lutsk", "missile_strike"),
    ("Shelling damaged the Mykolaiv Polytechnic on Sunday.", "Mykolaiv", "shelling"),
    ("Russian artillery shelled the Izium House of Culture on Friday.", "Izium", "shelling"),
    ("A drone struck the Kupiansk Police Department building overnight.", "Kupiansk", "drone_strike"),
])
def test_the_city_of_a_facility_places_the_incident(text: str, place: str, category: str) -> None:
    incs = [i for i in extract(Article(article_id="t", text=text)) if i.category == category]
    assert incs and incs[0].location_name == place and incs[0].lat is not None


def test_a_facility_word_after_a_non_place_changes_nothing() -> None:
    incs = extract(Article(article_id="t", text="The weather at the Olympic Academy was sunny."))
    assert not incs
