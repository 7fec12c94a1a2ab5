"""The batch comparison, in the main process: paragraphs that drafts of different bodies share.

Linear in the batch: the fingerprints' anchored shingles (hashed here, as keys) are counted once (in how many drafts
each occurs), then indexed once; only paragraphs that share a key which few drafts have become
candidate pairs, and only those are compared shingle by shingle. Text that more than `share` of the
batch's drafts hold (and at least three: two drafts are a pair, not a template) is common text, not
a copy: its keys lead to no candidate, and a paragraph most of whose keys are common is not compared.
Two paragraphs that give different figures in one frame are a template filled in, not a copy.
"""

from __future__ import annotations

from collections import Counter

from checker.crossdoc.facts import SharedParagraph
from checker.crossdoc.fingerprint import SEPARATOR, Fingerprint
from checker.crossdoc.text import own_figures, shingles, similarity

_PARAGRAPH_BITS = 24  # a candidate is one integer: draft << 24 | paragraph


def _keys(anchors: str) -> set[int]:
    return set(map(hash, anchors.split(SEPARATOR)))


def common_limit(drafts: int, share: float) -> float:
    """Keys in more drafts than this are common text."""
    return max(2, share * drafts)


def _postings(prints: list[Fingerprint], share: float) -> dict[int, list[int]]:
    frequency: Counter = Counter()
    for fingerprint in prints:  # in how many drafts each key occurs: a draft's keys as one set
        frequency.update(set(map(hash, SEPARATOR.join(fingerprint.anchors).split(SEPARATOR))))
    limit = common_limit(len(prints), share)
    common = {key for key, drafts in frequency.items() if drafts > limit}
    # a key of one draft alone pairs no two drafts: only keys of a few drafts are posted
    posted = {key for key, drafts in frequency.items() if 1 < drafts <= limit}
    # a paragraph's keys to post, by its anchors: the paragraphs of a template the batch's drafts
    # share are looked at once
    to_post: dict[str, tuple[int, ...]] = {}
    postings: dict[int, list[int]] = {}
    for draft, fingerprint in enumerate(prints):
        for number, anchors in enumerate(fingerprint.anchors):
            keys = to_post.get(anchors)
            if keys is None:
                keys = to_post[anchors] = _keys_to_post(_keys(anchors), common, posted)
            code = draft << _PARAGRAPH_BITS | number
            for key in keys:
                postings.setdefault(key, []).append(code)
    return postings


def _keys_to_post(keys: set[int], common: set[int], posted: set[int]) -> tuple[int, ...]:
    if len(keys & common) * 2 > len(keys):  # mostly text many drafts hold
        return ()
    return tuple(keys & posted)


def _candidates(prints: list[Fingerprint], share: float) -> set[tuple[int, int]]:
    pairs = set()
    for codes in _postings(prints, share).values():
        for position, first in enumerate(codes):
            for second in codes[position + 1 :]:
                a, b = prints[first >> _PARAGRAPH_BITS], prints[second >> _PARAGRAPH_BITS]
                if a is not b and (a.body is None or a.body != b.body):
                    pairs.add((first, second))
    return pairs


def shared_paragraphs(prints: list[Fingerprint], threshold: float, share: float,
                      partners: int = 5) -> dict[str, list[SharedParagraph]]:
    """For each draft's path, its paragraphs that a draft of another body has (similarity ≥ threshold):
    the best match in each partner draft, for the `partners` most similar partners of each paragraph."""
    mask = (1 << _PARAGRAPH_BITS) - 1
    grams: dict[int, frozenset[str]] = {}

    texts: dict[int, list[str]] = {}

    def text_of(code: int) -> str:
        draft = code >> _PARAGRAPH_BITS
        if draft not in texts:
            texts[draft] = prints[draft].texts()
        return texts[draft][code & mask]

    def shingles_of(code: int) -> frozenset[str]:
        if code not in grams:
            grams[code] = shingles(text_of(code))
        return grams[code]

    best: dict[tuple[int, int], tuple[float, int]] = {}  # (paragraph, partner draft) → (similarity, partner paragraph)
    for first, second in _candidates(prints, share):
        value = similarity(shingles_of(first), shingles_of(second))
        if value < threshold or own_figures(text_of(first), text_of(second)):
            continue
        for mine, theirs in ((first, second), (second, first)):
            key = (mine, theirs >> _PARAGRAPH_BITS)
            if value > best.get(key, (0.0, 0))[0]:
                best[key] = (value, theirs)
    by_paragraph: dict[int, list[tuple[float, int]]] = {}
    for (mine, _), (value, theirs) in best.items():
        by_paragraph.setdefault(mine, []).append((value, theirs))
    found: dict[str, list[SharedParagraph]] = {}
    for mine in sorted(by_paragraph):
        own = prints[mine >> _PARAGRAPH_BITS]
        for value, theirs in sorted(by_paragraph[mine], key=lambda match: (-match[0], match[1]))[:partners]:
            other = prints[theirs >> _PARAGRAPH_BITS]
            found.setdefault(own.path, []).append(
                SharedParagraph(own.lines[mine & mask], other.path, other.lines[theirs & mask], value, other.body))
    return found
