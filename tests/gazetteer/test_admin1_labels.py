"""First-level labels (issue 11, step 7): a place is labelled with GeoNames' first-level unit where Natural
Earth's units are finer (English boroughs) or carry a GeoNames key for another unit (French départements:
NE's "FR.11" is Aude, GeoNames' FR.11 is Île-de-France)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("query, region", [
    ("Paris", "Île-de-France"),
    ("Lyon", "Auvergne-Rhône-Alpes"),
    ("Marseille", "Provence-Alpes-Côte-d’Azur"),
    ("Toulouse", "Occitanie"),
    ("London", "England"),
    ("Birmingham, England", "England"),
])
def test_first_level_label(gz, query: str, region: str) -> None:
    r = gz.geocode_resolution(query)
    assert r is not None and r.place.admin1 == region


def test_a_departement_does_not_hold_the_places_of_the_region_sharing_its_number(gz) -> None:
    # Aude is département 11; Paris lies in GeoNames' FR.11 (Île-de-France), not in Aude
    ms = [m for m in gz.geoparse("Farmers in Aude protested while police in Paris cleared a square.") if m.resolution]
    paris = next(m for m in ms if m.text == "Paris")
    assert paris.resolution.place.name == "Paris" and paris.resolution.place.country_code == "FR"
    aude = gz.geocode_resolution("Aude")
    assert aude is not None and aude.place.admin1_code != paris.resolution.place.admin1_code


def test_a_town_in_a_departement_is_still_found_inside_it(gz) -> None:
    r = gz.geocode_resolution("Carcassonne, Aude")
    assert r is not None and r.place.name == "Carcassonne" and "inside" in r.reason
