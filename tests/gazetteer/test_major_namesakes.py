"""A state or country named in a document is weak evidence against a major city: "Paris" in a story about
Texas is Paris, France, unless the text names Paris, Texas or a place near it. And a first-level region named
like a country (Georgia) is the region when most of the document lies in the region's country."""
from __future__ import annotations


def _where(gz, text: str, name: str) -> tuple[str, str, str]:  # noqa: ANN001
    for m in gz.geoparse(text):
        if m.text == name and m.resolution is not None:
            p = m.resolution.place
            return p.country_code, p.admin1_code, p.kind
    raise AssertionError(f"{name} not resolved in {text!r}")


def test_a_state_named_in_the_story_does_not_pull_a_major_city_to_its_small_namesake(gz) -> None:
    text = "The Texas Rangers beat Houston on Sunday. Fans in Paris cheered the result."
    assert _where(gz, text, "Paris")[0] == "FR"
    text = "Flooding in Texas: Houston, Dallas and Austin were hit. Paris was spared."
    assert _where(gz, text, "Paris")[0] == "FR"


def test_a_sports_roundup_from_texas_keeps_portland_in_oregon(gz) -> None:
    text = ("HOUSTON (AP) - The Rockets beat the Portland Trail Blazers 96-94. Houston won again after a loss to "
            "San Antonio. DALLAS (AP) - The Mavericks lost at home against Portland on Tuesday.")
    assert _where(gz, text, "Portland")[:2] == ("US", "US.OR")


def test_the_small_namesake_wins_when_the_text_says_so_or_names_places_near_it(gz) -> None:
    assert _where(gz, "A tornado hit Paris, Texas, on Monday.", "Paris")[:2] == ("US", "US.TX")
    text = "Storms moved from Dallas to Sherman and Bonham; in Paris, roofs were torn off, Texas officials said."
    assert _where(gz, text, "Paris")[:2] == ("US", "US.TX")


def test_a_mid_sized_namesake_keeps_the_document_pull(gz) -> None:
    # London, Ontario is a city of its own (about 400,000 people): the rule spares it
    text = "Snow closed roads across Ontario. In London, schools shut; Toronto and Hamilton were spared."
    assert _where(gz, text, "London")[:2] == ("CA", "CA.08")


def test_georgia_is_the_state_in_an_american_story_and_the_country_beside_tbilisi(gz) -> None:
    text = "Georgia Governor Brian Kemp said storms hit Atlanta. Crews from Alabama and Florida helped."
    assert _where(gz, text, "Georgia") == ("US", "US.GA", "admin1")
    text = "Protesters gathered in Tbilisi. Georgia's parliament passed the bill; Russia and Armenia reacted."
    assert _where(gz, text, "Georgia")[::2] == ("GE", "country")
