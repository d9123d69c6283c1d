"""The Flask-free incident-extraction pipeline, one stage a module, in the order data flows.

    loaders     article files and bodies -> Article (decoding, HTML to text, JSON/JSONL)
    sentences   Article -> sentences with character offsets
    triggers    sentence -> event trigger hits
    events      trigger hits -> typed events (map category, ACLED type and sub-type)
    actors      who did it, with which weapon
    counts      casualties and numbers of weapons
    dates       when it happened
    scene       where it happened: the sentence's place mentions scored and chosen
    merge       drafts of one event from several sentences or sources -> one incident
    pipeline    the stages run together: Article -> [Incident]
    geojson     Incident -> GeoJSON Feature (the one place lat/lon is flipped)

Supporting modules: models (Article, Sentence, SourceSpan, Incident), categories, exc.
Dependencies run webmap -> webmap.incidents -> gazetteer, never the reverse.
"""
