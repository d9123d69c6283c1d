"""Categories: one StrEnum of keys, equal to the strings stored and sent in URLs."""
from __future__ import annotations

import pytest

from webmap.incidents.categories import BY_KEY, CATEGORIES, Category, CategoryKey, get_category


def test_every_category_has_an_enum_key_and_every_key_a_category() -> None:
    assert [c.key for c in CATEGORIES] == list(CategoryKey)
    assert all(type(c.key) is CategoryKey for c in CATEGORIES)


def test_keys_are_plain_strings_for_lookups_urls_and_storage() -> None:
    assert get_category("drone_strike") is BY_KEY[CategoryKey.DRONE_STRIKE]
    assert f"{CategoryKey.DRONE_STRIKE}" == "drone_strike"


def test_a_category_with_an_unknown_key_cannot_be_made() -> None:
    with pytest.raises(ValueError):
        Category("tank_parade", "Tank parade", "Battles", "Armed clash", "red", "#ff0000", "truck")
