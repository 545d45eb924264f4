"""Recognising the same article: canonical URLs, text hashes, MinHash near-duplicates."""

import pytest

from negotiations.ingest.dedup import (
    NEAR_DUPLICATE_THRESHOLD,
    canonicalize_url,
    content_hash,
    minhash_signature,
    most_similar,
    similarity,
)
from tests.ingest.support import read_text_fixture

WIRE = read_text_fixture("dedup/wire_story.txt")
OTHER = read_text_fixture("dedup/other_story.txt")


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example.org:443/a?utm_source=x&b=2&a=1#top", "https://news.example.org/a?a=1&b=2"),
        ("http://example.org", "http://example.org/"),
        ("http://example.org:8080/a?fbclid=1&ref=rss", "http://example.org:8080/a?ref=rss"),
        ("ftp://example.org/a", ""),
        ("not a url", ""),
    ],
)
def test_canonical_urls(url, canonical):
    assert canonicalize_url(url) == canonical


def test_content_hash_ignores_case_and_spacing_only():
    assert content_hash("Talks  resume\nin Geneva") == content_hash("talks resume in GENEVA")
    assert content_hash("Talks resume in Geneva") != content_hash("Talks resumed in Geneva")


def test_the_same_wire_story_with_another_byline_and_footer_is_a_near_duplicate():
    republished = f"By the Local Desk\n\n{WIRE}\n\nRead more: our coverage of the talks."

    assert similarity(minhash_signature(WIRE), minhash_signature(republished)) >= NEAR_DUPLICATE_THRESHOLD


def test_different_stories_on_the_same_subject_are_not():
    assert similarity(minhash_signature(WIRE), minhash_signature(OTHER)) < 0.1


def test_most_similar_picks_the_best_candidate_of_many():
    republished = f"{WIRE}\n\nAdditional reporting by the Local Desk."
    candidates = [minhash_signature(OTHER), minhash_signature(republished), minhash_signature("")]

    index, score = most_similar(minhash_signature(WIRE), candidates)

    assert index == 1
    assert score >= NEAR_DUPLICATE_THRESHOLD


def test_most_similar_with_nothing_to_compare():
    assert most_similar(minhash_signature(WIRE), []) == (-1, 0.0)
    assert most_similar(minhash_signature(""), [minhash_signature(WIRE)]) == (-1, 0.0)
    assert most_similar(minhash_signature(WIRE), [b"\x00" * 16]) == (-1, 0.0)  # other MinHash settings
    assert most_similar(minhash_signature(WIRE), [minhash_signature("")])[1] == 0.0
