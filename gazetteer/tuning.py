"""The resolver's tuning constants, named and stated once: scoring weights, distances, thresholds.

A candidate's score (:func:`gazetteer.resolve.score_candidates`) starts at its prominence (about 0-10:
kind, population, capital) and each piece of evidence adds or takes away the weight named here; the
scores become confidences by a softmax. Distances are great-circle km unless a name says otherwise.
The values were set on the development sets (GeoWebNews, GeoVirus, ACLED and Bellingcat notes,
cross-checked on halves); change one only with the benchmark figures before and after.
The thresholds of the other stages of the gazetteer (which spans are places, declined Cyrillic words,
initials) are here too.
"""
from __future__ import annotations

# ---- the name that matched ------------------------------------------------------------------------
OWN_NAME_BONUS = 2.0
"""The place's own (primary or curated) name, a demonym, or its own name in another romanisation."""
ALTERNATE_NAME_PENALTY = 1.5
"""Only an alternate name of a minor place, when another candidate has the name as its own."""
ALTERNATE_PENALTY_MAX_PROMINENCE = 5.0
"""The alternate-name penalty spares places at least this prominent (a former name of a city)."""

# ---- qualifiers ("Kursk region", "Brovary district") -------------------------------------------------
QUALIFIED_AREA_BONUS = 5.0
"""An admin-1 or admin-2 unit named with a region or district word."""
QUALIFIED_LEVEL_BONUS = 1.0
"""... and the unit's level is the one the word names (district: admin-2, region: admin-1)."""
QUALIFIED_CITY_AREA_PENALTY = 1.0
"""... but the unit is a city's own area ("Kyiv City" for "Kyiv region")."""
QUALIFIED_POINT_PENALTY = 3.0
"""A settlement named with a region or district word."""
REGION_NAMED_LIKE_CITY_PENALTY = 3.0
"""A region with no qualifier whose main city bears its name: "Kursk" alone is the city."""
SAME_NAME_CITY_MIN_PROMINENCE = 4.0
"""A settlement this prominent makes the region named like it the lesser reading."""
MAIN_CITY_MIN_POPULATION = 100_000
MAIN_CITY_KM = 120.0
"""A city outside the region's own code is still its main city when this large and this near its point."""

# ---- what the text says holds the place ("Heorhiivka, Donetsk"; "Vesele, north-west of Avdiivka") ----
INSIDE_CONTAINER_BONUS = 6.0
OUTSIDE_CONTAINER_PENALTY = 3.0
DIRECTION_WEIGHT = 1.5
"""Times +1 (lies in the named direction of the anchor town) or -1 (lies the other way)."""
DIRECTION_KM = 60.0
"""A place counts as lying in a direction of its anchor town only within this distance of it."""
DIRECTION_FIT_DEGREES = 50.0
DIRECTION_MISFIT_DEGREES = 100.0
"""Bearing off the named direction by at most / at least this much: fits / lies the other way."""
CONTAINS_NAMED_PLACE_BONUS = 3.0
"""An area that holds a place the text names inside it ("Sudzha, Kursk region": the oblast)."""
ADMIN2_REACH_KM = 40.0
ADMIN2_CENTRE_BONUS = 1.5
"""Of two namesakes inside a district (known by a point only), at most this much for lying at its point
rather than at the edge of its reach."""
AREA_REACH_KM = 150.0
PLACE_REACH_KM = 60.0
"""A place lies in a district, an area, or (with no polygon to ask) another place within these distances."""

# ---- the rest of the document ---------------------------------------------------------------------
COUNTRY_SHARE_WEIGHT = 2.5
ADMIN1_SHARE_WEIGHT = 2.0
"""Times the share of the document's other names in the candidate's country / first-level region."""
REGION_BESIDE_COUNTRY_FACTOR = 1.6
"""A first-level region named like a country (Georgia) takes its country's share this many times: in a
document two thirds of whose other names lie in the United States, "Georgia" is the state."""
ADMIN1_SHARE_REASON = 0.2
"""A region share above this is given as the reason."""
LIST_BONUS = 2.0
"""A candidate of the kind (and country) of most of the names listed with it ("Saipan, Guam, Alaska, Hawaii":
the states; :mod:`gazetteer.lists`)."""
LIST_MAJORITY = 0.5
""""Most" of the list-mates, for :data:`LIST_BONUS`: at least this share of them."""
NEAR_OTHERS_KM = ((30.0, 1.5), (100.0, 1.0), (300.0, 0.4))
"""(distance, bonus): the nearest other place the document names is closer than the distance."""
NEAR_OTHERS_REASON_KM = 100.0
NEAREST_SEARCH_DEG2 = 9.0
"""Squared degrees (about 330 km) beyond which no other place counts as near."""
KM_PER_DEG = 111.2
MAJOR_CITY_PROMINENCE = 5.5
"""A settlement at least this prominent (about 300,000 people, or a capital) is a major city."""
MINOR_NAMESAKE_PROMINENCE = 5.0
"""A settlement less prominent than this (about 100,000 people) is a minor namesake of a major city ..."""
DWARFED_SHARE_FACTOR = 0.5
"""... whose share of the document's country and region counts only this much, and whose distance to
the other places named counts not at all, unless a place named lies within the second distance of
NEAR_OTHERS_KM (100 km): a state or a country named in the document is weak evidence against the city every reader
knows (a story about Texas that names "Paris" means Paris, France unless it names a place near Paris, Texas)."""
FRONT_BONUS = 0.8
"""A minor village or town of the belligerents near the line of contact: war reporting names those."""
FRONT_MAX_PROMINENCE = 4.5
FRONT_KM = 35.0
CONFLICT_SITE_BONUS = 0.3
CONFLICT_SITE_KM = 5.0
"""A minor Ukrainian village or town within this distance of a settlement of the same name at which UCDP GED
records fighting (gazetteer/data/conflict_sites_ua.tsv). A prior, weaker than any evidence of the document (the
smallest distance bonus is 0.4): it decides between namesakes the text says nothing more about."""

# ---- the resolution -----------------------------------------------------------------------------
MAX_ALTERNATIVES = 4
SMALL_AREA_DEG = 1.5
"""An area whose extent is below this many degrees is a small area (precision 2: "the Kyiv suburbs")."""
QUALIFIED_POINT_RADIUS_KM = 25.0
""""Brovary district" read as the town: the area this far around it."""
NEAR_RADIUS_KM = 10.0
""""near Sudzha", "north of Kharkiv": this far around the town."""
SUBURB_RING_KM = 15.0
"""The suburbs of a town with no suburbs area of its own: a ring this wide beyond its built-up radius."""

# ---- the document pass (gazetteer.Gazetteer) ------------------------------------------------------
CONTEXT_ROUNDS = 3
"""At most this many rounds of document context before the final pass (fewer when nothing changes)."""
WEAK_STRENGTH = 0.7
"""A weak mention's confidence is scaled by this (a strong one's by 1)."""
WEAK_CONTEXT_WEIGHT = 0.4
DEMONYM_CONTEXT_WEIGHT = 0.3
EMBEDDED_CONTEXT_WEIGHT = 0.5
"""How much a weak mention, a demonym ("Russian") and an embedded name ("Kyiv Independent") tell about where
the document is, against 1 for a strong place mention."""
SUPPORT_KM = 60.0
"""A weak village match is supported by another place the document names within this distance."""
WITHIN_REGION_SCORE = 0.2
"""A name not found inside the region the text names with it: the region, with this confidence."""
WITHIN_MAX_PROMINENCE = 5.0
"""... when the best namesake outside the region is a point less prominent than this."""
BORDER_KM = 10.0
"""... unless that namesake lies within this distance of the region's polygon ("Nyzhnie Lozove, Luhansk": a
Donetsk village by the border), which is then the answer (gazetteer.border)."""

# ---- which spans are places (gazetteer.filters) ------------------------------------------------------
COMMON_ZIPF = 3.0
"""A name at least this frequent as an English word (wordfreq's Zipf scale) is a word, not a place, unless
it names a major place (a country, a region) or is a prominent place after a locative preposition; a
capitalised word this frequent right after a name makes the name part of an organisation's."""

# ---- lower-case place names ("shelling in kharkiv"; gazetteer.lowercase) ----------------------------------
LOWER_WAR_ZONE_MIN_POPULATION = 10_000
"""A war-zone town this populous may be named in lower case (smaller ones only near the line of contact)."""
LOWER_MAJOR_MIN_POPULATION = 1_000_000
LOWER_CAPITAL_PROMINENCE = 7.5
"""Elsewhere, a city this populous or this prominent (every capital is) may be named in lower case."""
LOWER_ALTERNATE_MIN_PROMINENCE = 5.5
"""An old spelling in lower case ("kiev", "kharkov") is taken only for a place this prominent.
The index holds the set of names these allow (built with them): after changing one, rebuild the index."""

# ---- declined Cyrillic words (gazetteer.inflect) ------------------------------------------------------
LEMMA_WORLD_PROMINENCE = 7.0
"""A declined Cyrillic word may name a place outside the countries that write their names in Ukrainian or
Russian only when the place is this prominent (Лондоні, Берліні, Вашингтоні)."""

# ---- fuzzy and typo-tolerant matching (gazetteer.geocode) -------------------------------------------
FUZZY_CUTOFF = 85.0
"""Least similarity (rapidfuzz ``fuzz.ratio``, 0-100: twice the longest common subsequence over the total
length) of a close spelling inside a named region, and of a misspelt town."""
FUZZY_LIMIT = 3
"""At most this many close spellings are taken."""
TYPO_MIN_POPULATION = 10_000
TYPO_MIN_CHARS = 5
TYPO_SCORE = 0.4
CONTAINER_ONLY_SCORE = 0.3
"""An unknown place in a known container ("X, Donetsk"): the container, with this confidence."""
CITY_DISTRICT_KM = 20.0
CITY_DISTRICT_BONUS = 10.0
"""A district (or suburb) of a city is a smaller place within this distance; it outranks every other reading."""

# ---- given spans (gazetteer.spans) -----------------------------------------------------------------
PART_MIN_PROMINENCE = 5.0
PART_MIN_COUNTRY_SHARE = 0.3
PART_STRENGTH = 0.5
"""A known part of a longer unknown name counts when this prominent or in a country the document is
about, at this strength."""
UNKNOWN_NAME_SCORE = 0.1
"""An unknown name placed at the document's main place."""
INITIALS_STRENGTH = 0.6
"""The confidence of a place read from its initials ("NJ", "T&T"; :mod:`gazetteer.initials`)."""
INITIALS_MIN_SHARE = 0.15
"""Initials are read only as a country, or a region of a country, that has at least this share of the
document's places."""
COMMON_PART_ZIPF = 4.5
"""A part of a longer unknown name this frequent in English is an ordinary word ("White House", "Grand
Central"), no place."""
