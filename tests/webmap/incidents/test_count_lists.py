"""Counts of coordinated persons sharing one verb are summed; one number per verb is not. Sentences written for
these tests; the last test runs the real extractor and gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents.counts import find_counts
from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract


@pytest.mark.parametrize("text,expected", [
    ("Two soldiers and three civilians were wounded in the shelling of Kharkiv.", {"wounded": 5}),
    ("Four police officers and a volunteer were injured when the drone hit the square.", {"wounded": 5}),
    ("Three civilians, two rescuers and a journalist were killed in the second strike.", {"killed": 6}),
    ("The missile killed 2 children and 3 women in Odesa.", {"killed": 5}),
    ("The blast injured a man and two teenagers near the market.", {"wounded": 3}),
    ("One soldier and six civilians have been killed, the governor said.", {"killed": 7}),
    ("A woman and her two grandsons were wounded when the shell hit their house.", {"wounded": 3}),
])
def test_a_list_of_counted_persons_sharing_one_verb_is_summed(text: str, expected: dict) -> None:
    got = find_counts(text)
    assert {k: got.get(k) for k in expected} == expected, got


@pytest.mark.parametrize("text,expected", [
    ("Two killed and three wounded in the overnight attack on Sumy.", {"killed": 2, "wounded": 3}),
    ("Two people were killed and three others were wounded.", {"killed": 2, "wounded": 3}),
    ("The strike killed two people and wounded five others.", {"killed": 2, "wounded": 5}),
    ("Three soldiers were killed and two civilians injured.", {"killed": 3, "wounded": 2}),
])
def test_one_number_per_verb_is_not_summed(text: str, expected: dict) -> None:
    got = find_counts(text)
    assert {k: got.get(k) for k in expected} == expected, got


def test_a_vague_member_gives_no_sum() -> None:
    """"Several soldiers and two civilians": the total is unknown, so no list total is given."""
    assert find_counts("Several soldiers and two civilians were wounded.").get("wounded") in (None, 2)


def test_the_summed_count_reaches_the_incident(gz) -> None:  # noqa: ANN001
    incs = extract(Article("c", "Russian shelling of Kherson wounded two soldiers and four civilians on Monday.",
                           date="2024-06-01"), gz)
    assert incs and max(dict(i.counts).get("wounded", 0) for i in incs) == 6, [(i.category, i.counts) for i in incs]


@pytest.mark.parametrize("text,expected", [
    ("At least three people, including a child, were killed in the strike.", {"killed": 3}),
    ("Four civilians, among them two children, were wounded in Kherson.", {"wounded": 4}),
    ("Two people were killed and three others were wounded.", {"killed": 2, "wounded": 3}),
    ("Russian shelling killed a 45-year-old man and injured his wife.", {"killed": 1, "wounded": 1}),
    ("About 90 people, including 20 children, were taken out of the village.", {"evacuated": 90}),
])
def test_everyday_casualty_wording(text: str, expected: dict) -> None:
    got = find_counts(text)
    assert {k: got.get(k) for k in expected} == expected, got
