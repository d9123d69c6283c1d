"""A dam, bridge or plant blown up or demolished is a demolition by explosives (ACLED: Explosions/Remote
violence, Remote explosive/landmine/IED), not a political development; destruction with no weapon of artillery
is not shelling, and destruction by weather is no incident. Real extractor and gazetteer; sentences written for
these tests."""
from __future__ import annotations

import pytest

from webmap.incidents.categories import EXPLOSIONS
from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract

REMOTE = "Remote explosive/landmine/IED"


def _typed(gz, text: str) -> list[tuple[str, str, str]]:  # noqa: ANN001
    return [(i.event_type, i.sub_event_type, i.location_name)
            for i in extract(Article("d", text, date="2023-06-06"), gz)]


@pytest.mark.parametrize(("text", "place"), [
    ("Russian forces blew up the Kakhovka dam.", "Kakhovka"),
    ("Retreating troops blew up a bridge near Izium.", "Izium"),
    ("Ukrainian sappers demolished the road bridge over the river at Irpin.", "Irpin"),
    ("The railway bridge near Kupiansk was blown up by Russian troops on Monday.", "Kupiansk"),
    ("Occupying forces detonated explosives at the pumping station in Kherson, officials said.", "Kherson"),
    ("Russian soldiers blew up and destroyed the dam of the reservoir near Kupiansk.", "Kupiansk"),
])
def test_a_demolition_is_a_remote_explosion_and_nothing_else(gz, text: str, place: str) -> None:  # noqa: ANN001
    typed = _typed(gz, text)
    assert typed and all(t[:2] == (EXPLOSIONS, REMOTE) for t in typed), (text, typed)
    assert any(place in t[2] for t in typed), (text, typed)


@pytest.mark.parametrize(("text", "sub"), [
    ("A Russian missile destroyed the bridge in Zatoka.", "Shelling/artillery/missile attack"),
    ("Russian artillery destroyed a bridge in Kherson.", "Shelling/artillery/missile attack"),
    ("A drone struck and destroyed the dam near Bakhmut.", "Air/drone strike"),
    ("Russian strikes destroyed a bridge in Kherson.", "Shelling/artillery/missile attack"),
])
def test_a_structure_destroyed_by_a_named_weapon_stays_that_strike(gz, text: str, sub: str) -> None:  # noqa: ANN001
    subs = [t[1] for t in _typed(gz, text)]
    assert sub in subs and REMOTE not in subs, (text, subs)


@pytest.mark.parametrize("text", [
    "Heavy rain destroyed a dam near Lviv and residents were evacuated.",
    "The old bridge in Uzhhorod was destroyed by floodwaters after a week of storms.",
])
def test_destruction_by_weather_is_no_incident(gz, text: str) -> None:  # noqa: ANN001
    assert _typed(gz, text) == [], text
