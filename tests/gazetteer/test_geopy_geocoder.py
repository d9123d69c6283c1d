"""GazetteerGeocoder as a geopy geocoder, tested the way geopy tests its own geocoders
(``geocode_run`` / ``reverse_run`` with expected coordinates and a delta, empty results, exactly_one,
points given as strings, tuples and ``geopy.Point``), on the real bundled gazetteer."""
from __future__ import annotations

from typing import Any

import pytest
from geopy.exc import GeocoderQueryError, GeocoderServiceError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer import Gazetteer, GazetteerGeocoder
from gazetteer.geocoder import OfflineAdapter


class TestGazetteerGeocoder:
    delta = 0.05

    @pytest.fixture(autouse=True)
    def _geocoder(self, gz: Gazetteer) -> None:
        self.geocoder = GazetteerGeocoder(gz)

    # -- geopy's helpers, synchronous ------------------------------------------------------------
    def geocode_run(self, payload: dict[str, Any], expected: dict[str, Any], *, expect_failure: bool = False
                    ) -> Location | list[Location] | None:
        return self._run(self.geocoder.geocode, payload, expected, expect_failure)

    def reverse_run(self, payload: dict[str, Any], expected: dict[str, Any], *, expect_failure: bool = False
                    ) -> Location | list[Location] | None:
        return self._run(self.geocoder.reverse, payload, expected, expect_failure)

    def _run(self, method: Any, payload: dict[str, Any], expected: dict[str, Any], expect_failure: bool
             ) -> Location | list[Location] | None:
        result = method(**payload)
        if expect_failure:
            assert result is None
            return None
        assert result is not None, payload
        self._verify_request(result, exactly_one=payload.get("exactly_one", True), **expected)
        return result

    def _verify_request(self, result: Any, *, latitude: float | None = None, longitude: float | None = None,
                        address: str | None = None, delta: float | None = None, exactly_one: bool = True) -> None:
        if exactly_one:
            assert isinstance(result, Location)
        else:
            assert isinstance(result, list) and result and all(isinstance(r, Location) for r in result)
        item = result if exactly_one else result[0]
        delta = delta or self.delta
        if latitude is not None:
            assert abs(item.latitude - latitude) <= delta, item
        if longitude is not None:
            assert abs(item.longitude - longitude) <= delta, item
        if address is not None:
            assert item.address == address
        assert isinstance(item.raw, dict) and item.raw

    # -- the contract ------------------------------------------------------------------------------
    def test_it_is_a_geopy_geocoder_with_an_adapter_that_never_requests(self) -> None:
        assert isinstance(self.geocoder, Geocoder)
        assert isinstance(self.geocoder.adapter, OfflineAdapter)
        with pytest.raises(GeocoderServiceError):
            self.geocoder.adapter.get_json("https://nominatim.openstreetmap.org/search", timeout=1, headers={})

    def test_user_agent_custom(self) -> None:
        geocoder = GazetteerGeocoder(user_agent="my_test_application")
        assert geocoder.headers["User-Agent"] == "my_test_application"

    def test_geocode(self) -> None:
        self.geocode_run({"query": "Sudzha"}, {"latitude": 51.19, "longitude": 35.27})

    def test_geocode_with_a_container(self) -> None:
        self.geocode_run({"query": "Korenovo, Kursk oblast"}, {"latitude": 51.41, "longitude": 34.90})

    def test_geocode_timeout_is_accepted(self) -> None:
        self.geocode_run({"query": "Kyiv", "timeout": 5}, {"latitude": 50.45, "longitude": 30.52, "delta": 0.1})

    def test_geocode_empty_result(self) -> None:
        self.geocode_run({"query": "sdlahaslkhdkasldhkjsahdlkash"}, {}, expect_failure=True)

    def test_geocode_raw_holds_the_record(self) -> None:
        loc = self.geocode_run({"query": "Pokrovsk, Donetsk"}, {"latitude": 48.28, "longitude": 37.18, "delta": 0.1})
        assert isinstance(loc, Location)
        assert loc.raw["country_code"] == "UA" and loc.raw["place_id"] and loc.raw["kind"] in ("city", "town")

    def test_geocode_exactly_one_false(self) -> None:
        result = self.geocode_run({"query": "Mykolaivka", "exactly_one": False}, {})
        assert isinstance(result, list) and len(result) > 1

    @pytest.mark.parametrize("query", ["Kharkiv", "Donetsk", "Kursk", "Sumy", "Odesa", "Luhansk", "Belgorod"])
    def test_geocode_exactly_one_false_gives_each_place_once(self, query: str) -> None:
        result = self.geocoder.geocode(query, exactly_one=False, limit=10)
        assert isinstance(result, list)
        ids = [r.raw["place_id"] for r in result]
        assert len(ids) == len(set(ids)), ids
        shown = [(r.address, round(r.latitude, 4), round(r.longitude, 4)) for r in result]
        assert len(shown) == len(set(shown)), shown          # the city and its oblast are told apart
        assert result[0].raw["kind"] == "city"

    def test_geocode_limit(self) -> None:
        result = self.geocoder.geocode("Mykolaivka", exactly_one=False, limit=2)
        assert isinstance(result, list) and len(result) == 2

    def test_geocode_country_codes(self) -> None:
        loc = self.geocoder.geocode("Donetsk", country_codes=["ua"])
        assert isinstance(loc, Location) and loc.raw["country_code"] == "UA"

    @pytest.mark.parametrize("query", ["", "  ", None])
    def test_geocode_bad_query_is_a_geopy_query_error(self, query: Any) -> None:
        with pytest.raises(GeocoderQueryError):
            self.geocoder.geocode(query)

    def test_reverse_string(self) -> None:
        self.reverse_run({"query": "50.45, 30.52"}, {"latitude": 50.45, "longitude": 30.52})

    def test_reverse_point(self) -> None:
        loc = self.reverse_run({"query": Point(51.73, 36.19)}, {"latitude": 51.73, "longitude": 36.19})
        assert isinstance(loc, Location) and loc.raw["kind"] == "admin1" and loc.raw["country_code"] == "RU"

    def test_reverse_tuple_exactly_one_false(self) -> None:
        result = self.reverse_run({"query": (48.0, 37.8), "exactly_one": False}, {"latitude": 48.0})
        assert isinstance(result, list)
        assert [r.raw["kind"] for r in result] == ["admin1", "country"]

    def test_reverse_empty_result_at_sea(self) -> None:
        self.reverse_run({"query": (0.0, -30.0)}, {}, expect_failure=True)

    def test_reverse_bad_point_is_a_query_error(self) -> None:
        with pytest.raises(GeocoderQueryError):
            self.geocoder.reverse("not a point")

    def test_sync_context_manager(self, gz: Gazetteer) -> None:
        with GazetteerGeocoder(gz) as geocoder:
            assert isinstance(geocoder.geocode("Kyiv"), Location)

    def test_works_behind_geopys_rate_limiter(self) -> None:
        geocode = RateLimiter(self.geocoder.geocode, min_delay_seconds=0)
        loc = geocode("Sudzha")
        assert isinstance(loc, Location) and abs(loc.latitude - 51.19) < 0.05
