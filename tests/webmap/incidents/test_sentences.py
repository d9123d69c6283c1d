"""Sentence splitting: exact offsets and the awkward parts of real articles."""
from __future__ import annotations



from webmap.incidents.models import Article
from webmap.incidents.sentences import is_tail, split_sentences



def _texts(text: str) -> list[str]:
    sents = split_sentences(Article("t", text))
    for s in sents:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sents]


def test_abbreviations_do_not_split() -> None:
    got = _texts("Gen. Syrskyi met Lt. Col. Ivanov and Mr. Brink at 5 a.m. in Kyiv. The U.S. embassy was closed. "
                 "Then it rained.")
    assert got == ["Gen. Syrskyi met Lt. Col. Ivanov and Mr. Brink at 5 a.m. in Kyiv.",
                   "The U.S. embassy was closed.", "Then it rained."]


def test_dotted_abbreviation_ends_sentence_before_an_opener() -> None:
    assert _texts("Aid came from the U.S. The shelling went on.") == ["Aid came from the U.S.",
                                                                        "The shelling went on."]


def test_quotes_stay_with_their_sentence() -> None:
    got = _texts('He said: "Kyiv was hit." Then "Odesa too," he added. Done!')
    assert got == ['He said: "Kyiv was hit."', 'Then "Odesa too," he added.', "Done!"]


def test_tweet_tail_and_pic_link_are_their_own_sentences() -> None:
    text = ("Russia launched missiles, killing a man. pic.twitter.com/Sj782XuafZ — Ambassador Bridget A. Brink "
            "(@USAmbKyiv) August 11, 2024")
    sents = split_sentences(Article("t", text))
    assert [s.text for s in sents] == ["Russia launched missiles, killing a man.",
                                       "pic.twitter.com/Sj782XuafZ — Ambassador Bridget A. Brink (@USAmbKyiv) "
                                       "August 11, 2024"]
    assert [is_tail(s) for s in sents] == [False, True]


def test_caption_heading_and_blank_lines() -> None:
    text = ("BREAKING:\n\n\n\nAftermath of strike in the village of Rozhivka in the Kiev region of Ukraine. Reuters\n\n"
            "Heading without a stop\nThe text goes on here.")
    assert _texts(text) == ["BREAKING:", "Aftermath of strike in the village of Rozhivka in the Kiev region of Ukraine.",
                            "Reuters", "Heading without a stop", "The text goes on here."]


def test_hard_wrapped_lines_join() -> None:
    assert _texts("Russian forces shelled the\nvillage overnight. Two died.") == [
        "Russian forces shelled the\nvillage overnight.", "Two died."]


def test_seed_sentences(seed_article) -> None:  # noqa: ANN001
    sents = split_sentences(seed_article)
    texts = [s.text for s in sents]
    assert "Aftermath of strike in the village of Rozhivka in the Kiev region of Ukraine." in texts
    assert "Reuters" in texts
    assert sum(is_tail(s) for s in sents) == 3
    assert all(seed_article.text[s.start:s.end] == s.text for s in sents)
    assert [s.index for s in sents] == list(range(len(sents)))
