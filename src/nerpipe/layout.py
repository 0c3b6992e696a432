"""Layout repair for PDF-extracted text, with an offset map back to the raw text.

PDF text comes with running heads on every page, page numbers, paragraphs and names cut by page
breaks ("Pol\\n\\nPot", "Nguyen Co\\n\\n<running head>\\n\\nThach") and hard-wrapped lines. `repair`
returns a `Layout`: the repaired text that spaCy reads, and `to_raw` that maps any span of it
back to raw offsets (a span cut by a break covers the break in raw offsets). Running heads and
page numbers never reach the repaired text, so nothing is ever annotated inside them.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

import regex

from nerpipe.regexes import LETTER, REFERENCES_HEADING

# A line that only numbers a page: "12", "- 12 -", "Page 12", "12 of 30".
PAGE_NUMBER_LINE = regex.compile(r"^\s*(?:[-–]\s*)?(?:[Pp]age\s+)?\d{1,4}(?:\s*(?:[-–]|of\s+\d{1,4}))?\s*$")
# A page number printed beside a running head: "234 Journal of Cold War Studies".
PAGE_NUMBER_IN_HEAD = regex.compile(r"\b\d{1,4}\b")
# A running head repeats on at least this many pages ...
HEAD_MIN_REPEATS = 3
# ... or on two, where it has the shape of a head: a page number at one edge ("143 Title",
# "Title 144"), a title's capitalised words, a paragraph of its own (at a page break).
NUMBERED_HEAD_MIN_REPEATS = 2
# A page number at the start or the end of a short line: "143 The Origins", "The Origins 143".
EDGE_PAGE_NUMBER = regex.compile(r"^\s*(?P<first>\d{1,4})\s+\S|\S\s+(?P<last>\d{1,4})\s*$")
# Words of this many letters or more are capitalised in a title ("The Origins of the Cold War")
# and mostly not in a note or a sentence ("12 Memorandum of conversation").
TITLE_WORD_CHARS = 4
# ... and is a short line.
HEAD_MAX_CHARS = 100
# A paragraph this long that ends without terminal punctuation was cut by a page break.
CUT_PARAGRAPH_CHARS = 200
# A line this long followed by a single newline was wrapped; a shorter one ("Dmitry Mosyakov")
# is a line of its own.
WRAPPED_LINE_CHARS = 50
# Characters that end a paragraph properly.
TERMINAL = ".!?:;)\"”’'»]*"
# In a reference list, a line that opens with "Surname, " starts an entry: "Chanda, N. (1986)."
REFERENCE_START = regex.compile(r"\s*\p{Lu}[\p{L}'’.-]+,\s")
# A line that starts a list item stays on its own line: "- Chanda, Nayan", "• ...", "12. ...".
# A note line is one too: "12 Memorandum of conversation ...".
LIST_ITEM = regex.compile(r"^\s*(?:[-–•*]\s|\d{1,3}[.)]\s|\d{1,3}\s+(?=\p{Lu}|[Ii]bid)|\[\d)")


@dataclass(frozen=True)
class Layout:
    """Repaired text plus the map back to raw offsets.

    `pieces` holds (clean_start, raw_start, raw_end, copied): a copied piece maps character by
    character; a replaced piece (a page break joined to " ") maps to its whole raw range.
    """

    raw: str
    text: str
    pieces: list[tuple[int, int, int, bool]]
    layout_lines: list[tuple[int, int]] = field(default_factory=list)

    def _piece(self, pos: int) -> tuple[int, int, int, bool]:
        index = bisect.bisect_right(self.pieces, (pos, float("inf"))) - 1
        return self.pieces[max(0, index)]

    def raw_start(self, pos: int) -> int:
        """Raw offset of the repaired text's character `pos`."""
        clean_start, raw_start, _raw_end, copied = self._piece(pos)
        return raw_start + (pos - clean_start) if copied else raw_start

    def raw_end(self, pos: int) -> int:
        """Raw offset just after the repaired text's character `pos - 1` (an exclusive end)."""
        if pos <= 0:
            return 0
        clean_start, raw_start, raw_end, copied = self._piece(pos - 1)
        return raw_start + (pos - clean_start) if copied else raw_end

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span [start, end) of the repaired text to raw offsets."""
        return self.raw_start(start), self.raw_end(end)


# Keys of heads with numbers of their own are marked: they count as heads only with the shape
# and the varying page numbers of a numbered head, never by repetition alone.
TITLED = "\x00"


def head_key(line: str) -> str | None:
    """What a running head looks like on every page: the line without its page number.

    "234 Journal of Cold War Studies" and "Journal of Cold War Studies 236" share the key
    "Journal of Cold War Studies"; a chapter title with numbers of its own keeps them, its page
    number at the edge dropped: "“Out of the Frying Pan,” 1945–1957 203" -> "“Out of the Frying
    Pan,” 1945–1957" (`titled_key`). Otherwise a line with two numbers or more ("Fund 5,
    inventory 66, file 782.") is never a head, so short reference entries cannot be one.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > HEAD_MAX_CHARS or not LETTER.search(stripped):
        return None
    numbers = PAGE_NUMBER_IN_HEAD.findall(stripped)
    if len(numbers) > 1:
        key = titled_key(stripped)
        return TITLED + key if key else None
    return PAGE_NUMBER_IN_HEAD.sub("", stripped).strip(" |·•–-")


def titled_key(stripped: str) -> str | None:
    """The key of a head whose title holds numbers: the line without the page number at its edge,
    where the rest has a title's shape (capitalised words of TITLE_WORD_CHARS letters or more,
    no level word's digits after a comma: "Fund 5, inventory 66" is none).

    >>> titled_key("“Out of the Frying Pan Into the Fire,” 1945–1957 203"), titled_key("Fund 5, inventory 66, file 782")
    ('“Out of the Frying Pan Into the Fire,” 1945–1957', None)
    """
    edge = EDGE_PAGE_NUMBER.search(stripped)
    if edge is None:
        return None
    rest = stripped[edge.end("first") :] if edge.group("first") else stripped[: edge.start("last")]
    rest = rest.strip(" |·•–-")
    words = [w for w in regex.findall(r"\p{L}+", rest) if len(w) >= TITLE_WORD_CHARS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return rest


def running_heads(lines: list[str]) -> set[str]:
    """Keys of the running heads among `lines`: "The Khmer Rouge and the Vietnamese Communists".

    A key is a head when its line repeats on HEAD_MIN_REPEATS pages, or on two pages as a
    numbered head (`numbered_head`) with two different page numbers. Alternating heads (the
    book's title on left pages, the chapter's on right pages) each repeat on half the pages; a
    numbered head seen once is still one when its page number is next to another head's
    ("144 A History of Diplomacy" between "The Crisis of 1931 143" and "The Crisis of 1931 145").
    """
    keys = [head_key(line) for line in lines]
    counts = Counter(key for key in keys if key and not key.startswith(TITLED))
    heads = {key for key, n in counts.items() if n >= HEAD_MIN_REPEATS}
    numbered: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        number = numbered_head(lines, i, key)
        if key and number is not None:
            numbered.setdefault(key, []).append(number)
    pages = set()
    for key, numbers in numbered.items():
        if len(set(numbers)) >= NUMBERED_HEAD_MIN_REPEATS:
            heads.add(key)
        if key in heads:
            pages.update(numbers)
    for key, numbers in numbered.items():
        if any(n - 1 in pages or n + 1 in pages for n in numbers):
            heads.add(key)
    return heads


def numbered_head(lines: list[str], i: int, key: str | None) -> int | None:
    """The page number of lines[i] if it has a numbered head's shape, else None.

    A short line of two words or more with a page number at one edge, title-cased, a
    paragraph of its own: "143 A History of Naval Diplomacy", "The Crisis of the Fleet 144"; not
    "Chapter 3" or "12 Memorandum of conversation" ("143 The Crisis of 1931" has two numbers, so
    its key is None already).
    """
    if not key:
        return None
    edge = EDGE_PAGE_NUMBER.search(lines[i])
    if edge is None:
        return None
    alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
    every = regex.findall(r"\p{L}+", key)
    words = [w for w in every if len(w) >= TITLE_WORD_CHARS]
    # two words at least: "Chapter 3", "Table 4" and "12 Ibid." are no heads
    if not alone or len(every) < 2 or not words or not all(w[0].isupper() for w in words):
        return None
    return int(edge.group("first") or edge.group("last"))


# ---------------------------------------------------------------------------------------------
# Pages of a text: where they break and how they are numbered
# ---------------------------------------------------------------------------------------------

# The page number in a layout line: "204 Toward ...", "... 1945–1957 203", "- 12 -", "Page 12".
LINE_PAGE_NUMBER = regex.compile(
    r"^\s*(?:[-–]\s*)?(?:[Pp]age\s+)?(?P<first>\d{1,4})\b|\b(?P<last>\d{1,4})\s*(?:[-–]\s*)?$"
)
FORM_FEED = "\f"


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Where a page ends in a raw text, and the number printed at the break.

    `kind` says whose number it is: "head" (a running head at the top of the page that follows:
    "204 Toward ..."), "foot" (a page number alone, at the foot of the page that ends: "12"),
    "feed" (a form feed, no number).
    """

    offset: int
    number: int | None
    kind: str


def page_breaks(raw: str, layout_lines: list[tuple[int, int]]) -> list[PageBreak]:
    r"""The page breaks a text shows: its running heads and page-number lines (`repair` found
    them), a cluster of them between two pages counting once, and form feeds.

    >>> [(b.number, b.kind) for b in page_breaks("a\n\n12\n\nb\n\n13\n", [(3, 5), (10, 12)])]
    [(12, 'foot'), (13, 'foot')]
    """
    breaks: list[PageBreak] = []
    last_end = -1
    for start, end in layout_lines:
        line = raw[start:end]
        m = LINE_PAGE_NUMBER.search(line)
        number = int(m.group("first") or m.group("last")) if m else None
        kind = "foot" if PAGE_NUMBER_LINE.match(line) else "head"
        if breaks and not raw[last_end:start].strip():  # "12" then "Title 13": one break
            previous = breaks[-1]
            if previous.kind == "foot" and kind == "head":
                breaks[-1] = PageBreak(
                    previous.offset, number if number is not None else previous.number, "head"
                )
            elif previous.number is None and number is not None:
                breaks[-1] = PageBreak(previous.offset, number, previous.kind)
        else:
            breaks.append(PageBreak(start, number, kind))
        last_end = end
    position = raw.find(FORM_FEED)
    while position >= 0:
        if not any(abs(b.offset - position) < 3 for b in breaks):
            breaks.append(PageBreak(position, None, "feed"))
        position = raw.find(FORM_FEED, position + 1)
    return sorted(breaks, key=lambda b: b.offset)


def page_labels(breaks: list[PageBreak]) -> list[tuple[int, str]]:
    """(offset, label) where each page of a text starts: the printed number where the break
    gives one (a head's number is its own page's, a foot's the page before it), else the number
    that follows from its neighbours, else the physical page number.

    >>> page_labels([PageBreak(10, 202, "head"), PageBreak(20, 203, "head")])
    [(0, '201'), (10, '202'), (20, '203')]
    >>> page_labels([PageBreak(10, 7, "foot"), PageBreak(20, 8, "foot")])
    [(0, '7'), (10, '8'), (20, '9')]
    >>> page_labels([PageBreak(10, None, "head")])
    [(0, '1'), (10, '2')]
    """
    if not breaks:
        return []
    numbers: list[int | None] = [None] * (len(breaks) + 1)  # the number of each page
    for i, b in enumerate(breaks):
        if b.number is None:
            continue
        page = i + 1 if b.kind == "head" else i
        numbers[page] = b.number
    known = [(i, n) for i, n in enumerate(numbers) if n is not None]
    offsets = [0, *(b.offset for b in breaks)]
    out = []
    for i, offset in enumerate(offsets):
        label = numbers[i]
        if label is None and known:
            j, n = min(known, key=lambda k: abs(k[0] - i))
            label = n + (i - j)
        out.append((offset, str(label if label is not None and label > 0 else i + 1)))
    return out


# A word cut by a line-end hyphen, and the word that continues it: "Commu-" + "nist Party".
CUT_WORD_HEAD = regex.compile(r"(\p{L}+)-$")
CUT_WORD_TAIL = regex.compile(r"\p{Ll}+")
DROP_HYPHEN = "drop the hyphen"  # a `_join` result: "Commu-\nnist" -> "Communist"


def _join(prev_para: str, next_line: str, crossed_layout: bool, blank: bool, raw: str = "") -> str | None:
    """What replaces a break between two content lines: " ", "", DROP_HYPHEN or None (keep it).

    A word cut by a line-end hyphen is joined without the hyphen when the document writes the
    whole word elsewhere ("Commu-\nnist" and "Communist"), else with it: a compound broken at
    its own hyphen stays one ("envoy-\n\ncounsellor's" -> "envoy-counsellor's").
    """
    prev = prev_para.rstrip()
    nxt = next_line.lstrip()
    if not prev or not nxt:
        return None
    if prev.endswith("-") and prev[-2:-1].isalpha() and nxt[:1].islower():
        head, tail = CUT_WORD_HEAD.search(prev), CUT_WORD_TAIL.match(nxt)
        if head and tail and _written_whole(raw, head.group(1) + tail.group()):
            return DROP_HYPHEN
        return ""
    if not blank and not crossed_layout:  # a hard-wrapped line inside a paragraph
        last_line = prev.rsplit("\n", 1)[-1]
        wrapped = len(last_line) >= WRAPPED_LINE_CHARS and not LIST_ITEM.match(nxt)
        return " " if wrapped else None
    if prev[-1] in TERMINAL or LIST_ITEM.match(nxt):
        return None
    if nxt[:1].islower() or (nxt[:1].isalnum() and (crossed_layout or len(prev) >= CUT_PARAGRAPH_CHARS)):
        return " "  # a page break (a running head or page number was here) or a cut paragraph
    return None


def _written_whole(raw: str, word: str) -> bool:
    """Does `raw` hold `word` as a whole word (any case)?"""
    return regex.search(rf"(?<!\w){regex.escape(word)}(?!\w)", raw, regex.IGNORECASE) is not None


def repair(raw: str) -> Layout:
    """Remove running heads and page numbers and join what page breaks cut, keeping an offset map.

    >>> lay = repair("Pol\\n\\nHEAD\\n\\nPot was here.\\n\\nHEAD\\n\\nx\\n\\nHEAD\\n")
    >>> lay.text.startswith("Pol\\n\\nPot") or lay.text.startswith("Pol Pot")
    True
    """
    lines = raw.split("\n")
    heads = running_heads(lines)
    headings = list(REFERENCES_HEADING.finditer(raw))
    references_at = headings[-1].end() if headings else len(raw) + 1
    # (start, end) of each content line and whether a layout line or blank came before it
    content: list[tuple[int, int, bool, bool]] = []
    layout_lines: list[tuple[int, int]] = []
    pos = 0
    crossed = blank = False
    for line in lines:
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            blank = True
        elif head_key(line) in heads or PAGE_NUMBER_LINE.match(line):
            layout_lines.append((start, end))
            crossed = True
        else:
            content.append((start, end, crossed, blank))
            crossed = blank = False
    pieces: list[tuple[int, int, int, bool]] = []
    out: list[str] = []
    clean_len = 0

    def emit(raw_start: int, raw_end: int, text: str, copied: bool) -> None:
        nonlocal clean_len
        pieces.append((clean_len, raw_start, raw_end, copied))
        out.append(text)
        clean_len += len(text)

    if content and content[0][0] > 0:
        emit(0, content[0][0], "\n" * raw[: content[0][0]].count("\n") if not layout_lines else "", False)
    paragraph_start = content[0][0] if content else 0
    for i, (start, end, crossed_layout, blank_before) in enumerate(content):
        if i > 0:
            prev_end = content[i - 1][1]
            joiner = _join(raw[paragraph_start:prev_end], raw[start:end], crossed_layout, blank_before, raw)
            if (
                start >= references_at
                and raw[:prev_end].rstrip()[-1:] in TERMINAL
                and REFERENCE_START.match(raw, start, end)
            ):
                joiner = None  # an entry of a reference list ended; the next keeps its own line
            if joiner == DROP_HYPHEN:  # the previous line again, without its hyphen
                prev_start, hyphen = content[i - 1][0], raw.rindex("-", 0, prev_end)
                clean_len -= len(out.pop())
                pieces.pop()
                emit(prev_start, hyphen, raw[prev_start:hyphen], True)
                emit(hyphen, start, "", False)
            elif joiner is None:
                gap = "\n\n" if (blank_before or crossed_layout) else "\n"
                if not crossed_layout:
                    gap = raw[prev_end:start]
                emit(prev_end, start, gap, gap == raw[prev_end:start])
                paragraph_start = start
            else:
                emit(prev_end, start, joiner, False)
        emit(start, end, raw[start:end], True)
    tail_start = content[-1][1] if content else 0
    if tail_start < len(raw):
        tail = raw[tail_start:]
        emit(tail_start, len(raw), "\n" if "\n" in tail else tail, "\n" not in tail)
    return Layout(raw=raw, text="".join(out), pieces=pieces, layout_lines=layout_lines)
