"""Layout repair: running heads, page numbers, cut paragraphs, and the offset map."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nerpipe.extract import extract
from nerpipe.layout import repair

HEAD = "A History of the Region"


def page(body: str, n: int) -> str:
    return f"{body}\n\n{HEAD}\n\n{n}\n\n"


# (raw text, a string that must appear in the repaired text, a string that must not)
LAYOUTS = [
    # a name cut by a page break with a running head between its parts
    (
        f"Intro line one.\n\n{HEAD}\n\nThe talks with Nguyen Co\n\n{HEAD}\n\nThach went well.\n\n{HEAD}\n\nEnd.",
        "Nguyen Co Thach",
        HEAD,
    ),
    # a paragraph cut mid-sentence, lower-case continuation, page number line between
    (
        "It was decided that the troops\n\n12\n\nwould withdraw.\n\nMore text.\n\n13\n\nEven more.\n\n14\n",
        "troops would withdraw",
        "\n12\n",
    ),
    # hyphenated compound cut by a break keeps its hyphen
    ("the envoy-\n\ncounsellor of the embassy said.", "envoy-counsellor", "envoy- counsellor"),
    # a word hyphenated at a line end is joined whole when the text writes it whole elsewhere
    (
        "the Vietnamese Commu-\nnist Party signed. Communist views won.",
        "Vietnamese Communist Party",
        "Commu-",
    ),
    ("a new pro-\nposal of the communist side. The proposal was clear.", "new proposal of", "pro-"),
    # hard-wrapped lines inside a paragraph are joined
    (
        "The delegation led by the prime minister arrived in\nHanoi on the first day of the visit and left.",
        "arrived in Hanoi",
        "in\nHanoi",
    ),
    # a long paragraph that ends without punctuation continues after the break
    ("x " * 120 + "The career growth of Pol\n\nPot was rapid.", "Pol Pot was rapid", "Pol\n\nPot"),
]


@pytest.mark.parametrize(("raw", "present", "absent"), LAYOUTS)
def test_repair_joins_and_removes(raw: str, present: str, absent: str) -> None:
    lay = repair(raw)
    assert present in lay.text
    assert absent not in lay.text


@pytest.mark.parametrize(
    "raw",
    [
        "References\n\n- Chanda, Nayan. 1986. Brother Enemy.\n- Kiernan, Ben. 1985. How Pol Pot.",
        "Short heading\n\nA new paragraph begins here.",
        "First paragraph ends here.\n\nSecond one.",
    ],
)
def test_repair_keeps_real_breaks(raw: str) -> None:
    assert repair(raw).text == raw


def test_offsets_map_back_to_raw_text() -> None:
    raw = f"Intro.\n\n{HEAD}\n\nThe talks with Nguyen Co\n\n{HEAD}\n\nThach went well.\n\n{HEAD}\n\nEnd."
    lay = repair(raw)
    start = lay.text.index("Nguyen Co Thach")
    raw_start, raw_end = lay.to_raw(start, start + len("Nguyen Co Thach"))
    assert raw[raw_start:raw_end] == f"Nguyen Co\n\n{HEAD}\n\nThach"
    for word in ("Intro", "talks", "went", "End"):
        i = lay.text.index(word)
        s, e = lay.to_raw(i, i + len(word))
        assert raw[s:e] == word


def test_nothing_of_a_running_head_survives() -> None:
    body = "The delegation discussed the situation in the region at length and agreed on nothing at all"
    raw = "".join(page(f"{body}, said report {i}.", i) for i in range(1, 6))
    lay = repair(raw)
    assert HEAD not in lay.text
    assert len(lay.layout_lines) == 10  # five heads and five page numbers


def test_running_heads_with_page_numbers_are_removed() -> None:
    body = "Text of the article runs on for a while, as articles do, before the page ends. " * 2
    heads = ["{n} Journal of Cold War Studies", "Journal of Cold War Studies {n}"]
    raw = "".join(f"{body}{i}.\n\n{heads[i % 2].format(n=231 + i)}\n\n" for i in range(6))
    lay = repair(raw)
    assert "Journal of Cold War Studies" not in lay.text
    assert all(f"page ends. {i}." in lay.text for i in range(6))


def test_short_reference_entries_are_not_running_heads() -> None:
    raw = "References\n\n" + "".join(f"Fund 5, inventory {i}, file {i * 7}.\n\n" for i in range(60, 66))
    assert repair(raw).text.rstrip() == raw.rstrip()


def test_offsets_of_a_word_joined_across_a_line_end_hyphen() -> None:
    raw = "In 1978 the Vietnamese Commu-\nnist Party signed. The Communist side agreed."
    lay = repair(raw)
    start = lay.text.index("Communist Party")
    raw_start, raw_end = lay.to_raw(start, start + len("Communist Party"))
    assert raw[raw_start:raw_end] == "Commu-\nnist Party"
    i = lay.text.index("signed")
    assert raw[slice(*lay.to_raw(i, i + len("signed")))] == "signed"


@pytest.mark.parametrize(
    ("raw", "entries"),
    [
        # one entry per line, no bullets, no blank lines: each stays a line
        (
            "Text.\n\nReferences\nChanda, N. (1986). Brother Enemy: The War after the War. San Diego.\n"
            "Kiernan, Ben. 1985. How Pol Pot Came to Power: A History of Communism. London: Verso.\n",
            2,
        ),
        # an entry wrapped mid-sentence is still one entry, even where the next line opens "Word, "
        (
            "Text.\n\nReferences\nChanda, N. (1986). Brother Enemy: The War after the War. San Diego\n"
            "Harcourt, Brace and Jovanovich.\n",
            1,
        ),
    ],
)
def test_repair_keeps_reference_entries_apart(raw: str, entries: int) -> None:
    lay = repair(raw)
    listing = lay.text.split("References\n", 1)[1].strip()
    assert len(listing.split("\n")) == entries


# Running heads seen only twice, alternating left and right, page number at either edge
BODY = "The negotiations went on through the summer, and the two governments exchanged notes that"
TWICE_AND_ALTERNATING = (
    f"{BODY}\n\n143 A History of Naval Diplomacy\n\nwere never published in full. Ellis met Barton.\n\n"
    "Another long paragraph follows here, with more about the cabinet and its quarrels in Tokyo.\n\n"
    "The Crisis of the Fleet 144\n\nThen came the second paragraph on the next page, in May 1931.\n\n"
    "More text of the chapter that goes on and on to fill a page of the book at hand, in Paris.\n\n"
    "145 A History of Naval Diplomacy\n\nAnd a last page.\n"
)


@pytest.mark.parametrize(
    ("raw", "heads", "kept"),
    [
        # the book's title twice (143, 145), the chapter's once between them (144)
        (
            TWICE_AND_ALTERNATING,
            ["A History of Naval Diplomacy", "The Crisis of the Fleet"],
            ["exchanged notes that were never published", "Ellis met Barton", "in May 1931", "in Paris"],
        ),
        # the page number after the title, twice
        (
            f"{BODY}\n\nThe Origins of the War 17\n\nwent on. Text.\n\nMore text.\n\nThe Origins of the War 18\n\nEnd.",
            ["The Origins of the War"],
            ["exchanged notes that went on"],
        ),
    ],
)
def test_repair_removes_heads_seen_twice_or_alternating(raw: str, heads: list[str], kept: list[str]) -> None:
    lay = repair(raw)
    for head in heads:
        assert head not in lay.text
    for text in kept:
        assert text in lay.text
    for start, end in lay.layout_lines:  # offsets of the removed lines are exact
        assert raw[start:end].strip() and any(h in raw[start:end] for h in heads)


@pytest.mark.parametrize(
    "raw",
    [
        # a heading numbered like a page, twice: "Chapter 2", "Chapter 3" are one word and a number
        "Chapter 2\n\nThe war began in the spring.\n\nChapter 3\n\nThe peace came later.\n",
        # the same short line twice with the same number is a repeated line, not two pages
        "Table of Figures 4\n\nText here.\n\nTable of Figures 4\n\nMore text.\n",
        # notes of one number each are no heads, even title-cased: they are lowercase inside
        "12 Memorandum of conversation\n\nText.\n\n13 Memorandum of conversation\n\nText.\n",
        # a numbered line inside a paragraph is no head
        "Text of a paragraph\n143 A History of Naval Diplomacy\ngoes on here.\n\n"
        "Text.\n\n145 A History of Naval Diplomacy\nmore.\n",
    ],
)
def test_repair_keeps_numbered_lines_that_are_no_heads(raw: str) -> None:
    assert repair(raw).text == raw


def test_nothing_inside_a_twice_seen_head_is_annotated(nlp: Language) -> None:
    record = extract(TWICE_AND_ALTERNATING, id="t", nlp=nlp)
    for span in record.spans:
        assert TWICE_AND_ALTERNATING[span.start : span.end] == span.text
        assert "Naval Diplomacy" not in span.text and "Fleet" not in span.text
    assert ("Tokyo", "GPE") in [(s.text, s.label) for s in record.spans]


# Footnote numbers glued to the word before or after by PDF extraction
GLUED_NOTES = [
    ("as he said later?”12Hanoi agreed at once", "Hanoi", "GPE"),  # glued to the next word
    ("the talks failed in 1931.12Moscow replied", "Moscow", "GPE"),
    ("the talks failed in 1931.12Moscow replied", "1931", "DATE"),
    ("the war in Hanoi.”3Pol Pot said", "Pol Pot", "PERSON"),
    ("it was later.12 Moscow replied", "Moscow", "GPE"),  # glued to the previous word
]


@pytest.mark.parametrize(("text", "span", "label"), GLUED_NOTES)
def test_glued_note_numbers_are_split_off(nlp: Language, text: str, span: str, label: str) -> None:
    record = extract(text, id="t", nlp=nlp)
    assert (span, label) in [(s.text, s.label) for s in record.spans]
    assert all(not any(c.isdigit() for c in s.text) for s in record.spans if s.label != "DATE")


# -- pages of a text ---------------------------------------------------------------------------

PAGED = {
    # heads with the number first on even pages and last on odd ones; a chapter title whose own
    # numbers (1945–1957) are no page number
    "alternating": (
        "Chapter 7: Out of the Frying Pan, 1945–1957\n\nFirst page text runs on and on and on.\n\n"
        "202 Toward Thorough, Accurate, and Reliable\n\nSecond page text.\n\n"
        "Out of the Frying Pan Into the Fire, 1945–1957 203\n\nThird page text.\n\n"
        "204 Toward Thorough, Accurate, and Reliable\n\nFourth page text.\n\n"
        "Out of the Frying Pan Into the Fire, 1945–1957 205\n\nFifth page text.\n",
        ["201", "202", "203", "204", "205"],
    ),
    # a page number alone at the foot of its page
    "feet": ("Page one text.\n\n7\n\nPage two text.\n\n8\n\nPage three text.\n", ["7", "8", "9"]),
    # form feeds, no numbers: physical pages
    "feeds": ("Page one text.\n\fPage two text.\n\fPage three.\n", ["1", "2", "3"]),
    # no break at all: no page
    "none": ("One page of text with no layout at all.\n", []),
}


@pytest.mark.parametrize("name", sorted(PAGED))
def test_page_labels_of_a_text(name: str) -> None:
    from nerpipe.layout import page_breaks, page_labels

    raw, labels = PAGED[name]
    layout = repair(raw)
    assert [label for _, label in page_labels(page_breaks(raw, layout.layout_lines))] == labels


def test_a_chapter_title_with_dates_is_a_running_head_not_text() -> None:
    raw = PAGED["alternating"][0]
    text = repair(raw).text
    assert "1945–1957 203" not in text and "Fire, 1945–1957" not in text
    assert text.startswith("Chapter 7: Out of the Frying Pan, 1945–1957")  # the title line stays


def test_spans_carry_the_page_they_stand_on() -> None:
    from nerpipe.extract import extract

    raw = PAGED["alternating"][0].replace("Third page text.", "Dean Acheson met Stalin in Moscow.")
    record = extract(raw)
    assert {s.text: s.page for s in record.spans if s.label == "PERSON"} == {
        "Dean Acheson": "203",
        "Stalin": "203",
    }
