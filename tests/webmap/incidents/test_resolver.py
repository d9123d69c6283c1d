"""The typed seam between webmap and the gazetteer: the real Gazetteer is a PlaceResolver."""
from __future__ import annotations

import inspect

from gazetteer import Gazetteer, MentionRole, PlaceKind
from webmap.incidents.resolver import PlaceResolver


def test_the_real_gazetteer_is_a_place_resolver(gz: Gazetteer) -> None:
    assert isinstance(gz, PlaceResolver)


def test_every_method_webmap_may_call_has_the_gazetteer_signature() -> None:
    wanted = [n for n, v in vars(PlaceResolver).items() if inspect.isfunction(v) and not n.startswith("_")]
    assert {"geoparse", "geocode_resolution", "get", "geometry"} <= set(wanted)
    for name in wanted:
        ours = inspect.signature(getattr(PlaceResolver, name))
        real = inspect.signature(getattr(Gazetteer, name))
        assert list(ours.parameters) == list(real.parameters), name


def test_an_object_without_geocode_resolution_is_not_a_place_resolver(gz: Gazetteer) -> None:
    class OnlyGeocode:                        # the shape that once slipped into webmap: .geocode()
        def geoparse(self, text):  # noqa: ANN001, ANN201
            return gz.geoparse(text)

        def geocode(self, query):  # noqa: ANN001, ANN201
            return gz.geocode_resolution(query)

    assert not isinstance(OnlyGeocode(), PlaceResolver)


def test_the_resolver_hands_webmap_typed_kinds_and_roles(gz: Gazetteer) -> None:
    [m] = [m for m in gz.geoparse("Drones struck Sudzha overnight.") if m.text == "Sudzha"]
    assert m.role is MentionRole.PLACE and m.resolution is not None
    assert m.resolution.place.kind is PlaceKind.TOWN or m.resolution.place.kind in (PlaceKind.CITY, PlaceKind.VILLAGE)
    d = m.as_dict()
    assert type(d["role"]) is MentionRole and d["role"] == "place"
