"""Everyday evacuation wording (people taken, moved, leaving; convoys and buses), endpoint roles and lists,
several routes in one sentence, the status of the evacuation's own clause, and what is no evacuation.
Real extractor and gazetteer; sentences written for these tests (none is from the corridor sets)."""
from __future__ import annotations

import pytest

from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract


def _incs(gz, text: str):  # noqa: ANN001, ANN202
    return extract(Article("w", text, date="2024-06-01"), gz)


def _evac(gz, text: str):  # noqa: ANN001, ANN202
    return [i for i in _incs(gz, text) if i.category == "evacuation"]


def _routes(gz, text: str) -> list[list[tuple[str, str]]]:  # noqa: ANN001
    return sorted([[(role, name) for role, name, *_ in i.route] for i in _evac(gz, text) if i.route])


@pytest.mark.parametrize("text", [
    "Volunteers are taking people out of Toretsk every morning.",
    "Police took the remaining residents north to Kramatorsk.",
    "The city hired buses to take residents to Pavlohrad.",
    "About 60 residents of Huliaipole were taken to Zaporizhzhia by volunteers.",
    "Some 3,000 people had been moved out of the border villages of the Sumy region.",
    "Hundreds of people have left Myrnohrad in the past week.",
    "Residents leaving Orikhiv said the road was under drone attack.",
    "The governor urged families with children to leave Siversk.",
    "Authorities ordered about 5,000 more residents to leave front-line villages.",
    "A convoy of 30 private cars set off from Enerhodar.",
    "The last bus out of Kostiantynivka left at noon.",
    "Evacuation trains leave Kramatorsk twice a day.",
])
def test_everyday_evacuation_wording(gz, text: str) -> None:  # noqa: ANN001
    assert _evac(gz, text), text


@pytest.mark.parametrize("text", [
    "Three wounded soldiers were taken to hospital in Kramatorsk.",
    "Police took two suspects to the station in Kharkiv.",
    "Residents hid in the corridor of their apartment block in Kharkiv as missiles hit the city.",
    "Volunteers cleaned the corridors of the school in Sumy before classes resumed.",
    "Buses and trams run as usual in Lviv, the mayor said.",
    "People were left without power in Odesa after the storm.",
    "Russian troops left Kherson in November, the governor said.",
    "Staff had to evacuate the post office building in Dnipro after a suspicious parcel was found.",
    "Russia moved thousands of troops to the border near Kharkiv.",
    "The brigade drove 10 km to the front near Pokrovsk.",
    "The company moved 200 workers to its plant in Lviv.",
])
def test_no_evacuation(gz, text: str) -> None:  # noqa: ANN001
    assert not _evac(gz, text), [(i.location_name, i.sources[0].sentence) for i in _evac(gz, text)]


def test_people_evacuated_from_a_plant_is_an_evacuation(gz) -> None:  # noqa: ANN001
    """Evacuating a building is no displacement; people evacuated from a plant are evacuees."""
    assert _evac(gz, "Twenty civilians were evacuated from the Azot plant in Sievierodonetsk.")


def test_apposition_and_held_adjective_give_the_role(gz) -> None:  # noqa: ANN001
    assert _routes(gz, "Buses took residents of Sudzha to the regional capital, Kursk.") == [
        [("origin", "Sudzha"), ("destination", "Kursk")]]
    roles = {i.location_name: i.role for i in _evac(gz, "Civilians fled Kupiansk towards Ukrainian-held Balakliia.")}
    assert roles.get("Kupiansk") == "origin" and roles.get("Balakliia", roles.get("Balakliya")) == "destination"


def test_lists_fan_out_and_legs_stay_apart(gz) -> None:  # noqa: ANN001
    assert _routes(gz, "Buses left Lyptsi and Vovchansk for Kharkiv.") == [
        [("origin", "Lyptsi"), ("destination", "Kharkiv")], [("origin", "Vovchansk"), ("destination", "Kharkiv")]]
    legs = _routes(gz, "Corridors were agreed from Mariupol to Zaporizhzhia and from Sumy to Poltava.")
    assert legs == [[("origin", "Mariupol"), ("destination", "Zaporizhzhia")],
                    [("origin", "Sumy"), ("destination", "Poltava")]]


def test_an_earlier_destination_is_a_stop_on_the_way(gz) -> None:  # noqa: ANN001
    assert _routes(gz, "Police drove the evacuees from Myrnohrad to Pavlohrad, where trains leave for Lviv.") == [
        [("origin", "Myrnohrad"), ("via", "Pavlohrad"), ("destination", "Lviv")]]


def test_a_listed_place_without_a_role_is_kept_with_its_list(gz) -> None:  # noqa: ANN001
    names = {i.location_name for i in _evac(
        gz, "Officials in Zaporizhzhia oblast ordered the evacuation of several towns, including Orikhiv, Huliaipole"
            " and Stepnohirsk.") if i.location_name != "Zaporizhzhia"}
    assert {"Orikhiv", "Huliaipole"} <= {n.replace("Hulyaypole", "Huliaipole") for n in names}, names
    assert len(names) == 3, names


def test_endpoints_inside_a_named_region_are_not_swallowed_by_it(gz) -> None:  # noqa: ANN001
    incs = _evac(gz, "Evacuation from the Kharkiv region continues: 40 people were taken out of Vovchansk and "
                     "Vilcha to Kharkiv.")
    assert _routes(gz, "Evacuation from the Kharkiv region continues: 40 people were taken out of Vovchansk to "
                       "Kharkiv.") == [[("origin", "Vovchansk"), ("destination", "Kharkiv")]]
    assert {i.role for i in incs if i.location_name == "Vovchansk"} == {"origin"}


def test_status_is_told_by_the_evacuation_clause(gz) -> None:  # noqa: ANN001
    incs = _evac(gz, "A train with 300 evacuees from Kramatorsk arrived in Lviv; they will be housed in dormitories.")
    assert incs and {i.status for i in incs} == {"completed"}
    incs = _evac(gz, "The evacuation of Selydove was postponed because of shelling.")
    assert incs and {i.status for i in incs} == {"failed"}


@pytest.mark.parametrize("text", [
    "Thousands flee Vovchansk as Russian troops advance.",
    "The exodus from Pokrovsk gathered pace on Monday.",
    "The army said the escape route from Kurakhove was under fire.",
    "A truce was agreed to allow civilians to leave Mariupol.",
])
def test_headline_and_truce_wording(gz, text: str) -> None:  # noqa: ANN001
    assert _evac(gz, text), text


def test_the_seat_of_the_organisers_is_the_origin_when_only_destinations_are_told(gz) -> None:  # noqa: ANN001
    roles = {i.location_name: i.role for i in _evac(
        gz, "Officials in Myrnohrad said buses would take residents to Pavlohrad and Dnipro.")}
    assert roles.get("Myrnohrad") == "origin" and roles.get("Pavlohrad") == "destination", roles
    roles = {i.location_name: i.role for i in _evac(
        gz, "Officials in Kramatorsk said 40 people were evacuated from Siversk to Sloviansk.")}
    assert roles.get("Siversk") == "origin" and roles.get("Kramatorsk", "") != "origin", roles
