"""Value objects: string enums for place kinds and mention roles that stay plain strings in JSON."""
from __future__ import annotations

import json

import pytest

from gazetteer import GazetteerDataError, Mention, MentionRole, Place, PlaceKind
from gazetteer.build.imports import csv_records
from gazetteer.model import PLACE_KINDS, ROLES


def test_kinds_and_roles_are_string_enums_equal_to_their_strings() -> None:
    assert PLACE_KINDS == tuple(PlaceKind) and "village" in PLACE_KINDS
    assert PlaceKind.ADMIN1 == "admin1" and f"{PlaceKind.ADMIN1}" == "admin1"
    assert ROLES == ("place", "demonym", "embedded")


def test_a_plain_string_becomes_its_enum_and_json_stays_plain() -> None:
    p = Place("x:1", "Sudzha", 51.19, 35.27, "town", "RU")
    assert p.kind is PlaceKind.TOWN
    m = Mention(0, 6, "Sudzha", "place")
    assert m.role is MentionRole.PLACE
    assert json.loads(json.dumps({"kind": p.kind, "role": m.role})) == {"kind": "town", "role": "place"}


def test_an_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError):
        Place("x:1", "Nowhere", 0.0, 0.0, "hamlet")
    with pytest.raises(ValueError):
        Mention(0, 1, "X", "person")


def test_an_import_with_an_unknown_kind_is_a_clear_data_error() -> None:
    text = "name,lat,lon,kind\nKhutir Zelenyi,50.1,36.2,hamlet\n"
    with pytest.raises(GazetteerDataError, match="unknown kind 'hamlet'"):
        list(csv_records(text))
    [rec] = csv_records("name,lat,lon,kind\nKhutir Zelenyi,50.1,36.2,village\n")
    assert rec.kind == "village"


def test_the_index_hands_out_enum_kinds(gz) -> None:  # noqa: ANN001
    p = gz.get("ne0:UA") or gz.search("Ukraine")[0]
    assert p.kind is PlaceKind.COUNTRY
