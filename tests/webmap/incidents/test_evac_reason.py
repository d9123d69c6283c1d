"""People leaving for a trip, or taken somewhere with no reason to flee, are no evacuation; the same wordings
with a threat, a flight or an evacuation setting in the sentence or the text are (webmap.incidents.evac_context).
Real extractor and gazetteer; sentences written for these tests."""
from __future__ import annotations

import pytest

from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract


def _evac(gz, text: str) -> list:  # noqa: ANN001
    return [i for i in extract(Article("r", text, date="2024-06-01"), gz) if i.category == "evacuation"]


@pytest.mark.parametrize("text", [
    "Police took three people to the station.",
    "Hundreds of people left Kyiv for the weekend.",
    "Thousands of students are leaving Lviv for the summer holidays.",
    "Families left Odesa for a long weekend on the coast.",
    "The club took twenty children to the stadium.",
    # a text about the war does not make a trip a flight
    "Russian missiles hit Kyiv on Friday. Hundreds of people left Kyiv for the weekend.",
])
def test_trip_or_unreasoned_move_is_no_evacuation(gz, text: str) -> None:  # noqa: ANN001
    assert not _evac(gz, text), text


@pytest.mark.parametrize("text", [
    "Volunteers took 30 people to the railway station for the evacuation train.",
    "After the shelling, rescuers took 40 residents of Vovchansk to a temporary accommodation centre.",
    "Hundreds of people left Kyiv as Russian missiles pounded the capital.",
    "Thousands of residents left Kharkiv for Lviv.",
    "About 500 people a day are leaving Kostiantynivka.",
    # the reason told in the sentence before
    "Russian glide bombs destroyed the last shop in Vovchansk. Police took the remaining residents to the bus.",
])
def test_move_with_a_reason_is_an_evacuation(gz, text: str) -> None:  # noqa: ANN001
    assert _evac(gz, text), text
