"""The pipeline splits an article into sentences once, also when the notes fallback reads them again."""
from __future__ import annotations

from typing import Any

import pytest

from webmap.incidents import pipeline, sentences
from webmap.incidents.loaders import from_text


@pytest.mark.parametrize("text, fallback", [
    ("A fire broke out at a warehouse in Kharkiv. Smoke rose over the district.", True),
    ("Russian drones struck Kharkiv overnight, damaging a residential building.", False),
])
def test_sentences_split_once(gz: Any, monkeypatch: pytest.MonkeyPatch, text: str, fallback: bool) -> None:
    calls: list[str] = []
    real = sentences.split_spans

    def counted(t: str) -> list[tuple[int, int]]:          # the real splitter, counted
        calls.append(t)
        return real(t)

    monkeypatch.setattr(sentences, "split_spans", counted)
    incs = pipeline.extract(from_text(text, article_id="a", date="2024-08-11"), gz)
    assert len(calls) == 1
    assert incs and incs[0].location_name == "Kharkiv"
    assert (incs[0].score < 0.5) is fallback             # the notes fallback scores low (0.35 base)
