"""PDF -> the text nerpipe reads, with the page each character stands on.

Text is read with pypdfium2 (PDFium: Apache-2.0/BSD, fast, and exact about each line's position
and font size) and laid out again from geometry, not from repetition alone:

* running heads and page numbers by their position: a short line in the top or bottom band of
  the page, with a page number, or repeated on other pages ("204 Toward “Thorough, Accurate, and
  Reliable”", "“Out of the Frying Pan,” 1945–1957 203", "- 12 -"); the number is the page's label;
* footnotes by position and size: the block of smaller type at the foot of the page, each note
  opening with its number; they are written after the body, one line each, where the citation
  finder reads them as notes ("12. Memorandum of conversation ..., NARA, RG 59, ...");
* columns in reading order: the left column, then the right one;
* paragraphs from vertical gaps and first-line indents, joined across page breaks; a word
  hyphenated at a line end is joined (`join_hyphenated`), ligatures are spelt out ("ﬁ" -> "fi").

`read_pdf` returns a `PdfText`: the text and its pages, each with its printed label ("203",
"xii") or, where the page prints none, its physical number. Bad files raise `PdfError` with a
message for the user (encrypted, damaged, no pages, no text layer: OCR it first, too large).
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from nerpipe.layout import LIST_ITEM

# Files and page counts past these are refused rather than read into memory.
MAX_PDF_BYTES = 500_000_000
MAX_PAGES = 5_000
# The top and bottom bands where running heads, page numbers and footers sit (share of height).
HEAD_BAND = 0.10
# Footnotes are set this much smaller than the body, or smaller still.
NOTE_SIZE_RATIO = 0.92
# A gap between two lines this many times the usual one opens a new paragraph.
PARAGRAPH_GAP = 1.4
# A first line indented by this many font sizes opens a new paragraph.
INDENT = 0.8
# A word "would have fitted" at a line's end with room for the word and this much more (in font
# sizes): a space, and the side bearings that characters' boxes leave out of their widths (with
# 0.4, "Ford Presidential" + "Library," was taken for the author's line break).
SPACE = 1.0
# A page is set in two columns when most of its lines are narrower than this share of the text
# frame and some start right of the middle.
COLUMN_WIDTH = 0.58

# "12", "- 12 -", "Page 12", "xii": a line that only numbers its page.
PAGE_NUMBER_ONLY = regex.compile(
    r"^\s*(?:[-–—]\s*)?(?:[Pp]age\s+)?(?P<label>\d{1,4}|[ivxlcdm]{1,7})(?:\s*[-–—])?\s*$"
)
# A head with its page number first or last: "204 Toward ...", "... 1945–1957 203".
HEAD_NUMBER = regex.compile(r"^\s*(?P<label>\d{1,4})\s+\S|\S\s+(?P<label>\d{1,4})\s*$")
# A footnote opens with its number: "12. Memorandum ...", "3 Ibid.", "12) See ...".
NOTE_START = regex.compile(r"^\s*(?P<number>\d{1,3})[.)]?\s+\S")
# Characters a line may end with when a word was hyphenated there: PDFium marks the hyphens it
# finds at line ends with U+FFFE or U+0002; a soft hyphen or a plain one otherwise.
LINE_END_HYPHENS = "\ufffe\x02\u00ad-"
# Typographic ligatures, spelt out so that "ﬁrst" is found as "first".
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# Prefixes that keep their hyphen when a compound breaks there: "anti-\nimperialist".
COMPOUND_PREFIXES = frozenset(
    [
        "anti",
        "pro",
        "non",
        "self",
        "ex",
        "co",
        "post",
        "pre",
        "semi",
        "quasi",
        "neo",
        "pan",
        "multi",
        "inter",
        "counter",
        "well",
        "half",
        "all",
        "cross",
    ]
)
TERMINAL = '.!?:;)"”’»'
WORD = regex.compile(r"\p{L}+")
# A page tree that counts no pages, and any page object (PDFium will not open a PDF without
# pages, and says only "data format error").
NO_PAGES = regex.compile(rb"/Count\s+0\b")
A_PAGE = regex.compile(rb"/Type\s*/Page\b(?!s)")


class PdfError(ValueError):
    """A PDF nerpipe cannot read; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a page, in top-down coordinates (`top` grows down the page)."""

    text: str
    x0: float
    x1: float
    top: float
    size: float
    word_x1: float = 0.0  # where the line's first word ends

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class PageLines:
    """The lines of one page, in the order PDFium gives them, and the page's size."""

    lines: tuple[Line, ...]
    width: float
    height: float
    label: str | None = None  # the PDF's own page label (/PageLabels), when it has one


@dataclass(frozen=True, slots=True)
class Page:
    """A stretch of the extracted text that stands on one page: `text[start:end]`.

    A page has several when its footnotes are written after the body, or when a column of
    another page comes between.
    """

    number: int
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF and its pages."""

    text: str
    pages: tuple[Page, ...]  # in text order, covering the text

    def page_at(self, offset: int) -> Page | None:
        """The page a character offset stands on."""
        index = bisect.bisect_right([p.start for p in self.pages], offset) - 1
        return self.pages[index] if index >= 0 else None


# ---------------------------------------------------------------------------------------------
# Reading (the only part that touches PDFium)
# ---------------------------------------------------------------------------------------------


def read_pdf(source: str | Path | bytes) -> PdfText:
    """Read a PDF file (or its bytes) into text with pages; raise `PdfError` if it cannot be read."""
    import pypdfium2 as pdfium

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if len(data) > MAX_PDF_BYTES:
        raise PdfError(f"PDF too large ({len(data):,} bytes; nerpipe reads at most {MAX_PDF_BYTES:,})")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise PdfError(
                "encrypted PDF: it needs a password; decrypt it first (e.g. qpdf --decrypt)"
            ) from None
        if NO_PAGES.search(data) and not A_PAGE.search(data):  # PDFium refuses a PDF without pages
            raise PdfError("the PDF has no pages") from None
        raise PdfError(f"damaged or not a PDF: {message}") from None
    try:
        if len(document) == 0:
            raise PdfError("the PDF has no pages")
        if len(document) > MAX_PAGES:
            raise PdfError(f"PDF too large ({len(document):,} pages; nerpipe reads at most {MAX_PAGES:,})")
        pages = [page_lines(document, i) for i in range(len(document))]
    finally:
        document.close()
    if not any(p.lines for p in pages):
        raise PdfError(
            "the PDF has no text layer (scanned pages?): run OCR on it first, "
            "e.g. `ocrmypdf in.pdf out.pdf`, then give nerpipe the result"
        )
    return assemble(pages)


def page_lines(document: object, index: int) -> PageLines:
    """The lines of page `index`: PDFium's text split at its line breaks, each with the origin,
    extent and font size of its first and last characters."""
    import ctypes

    import pypdfium2.raw as raw

    page = document[index]  # type: ignore[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    lines = []
    for start, end in _visual_lines(text):
        first_char = raw.FPDFText_GetCharIndexFromTextIndex(textpage.raw, start)
        last_char = raw.FPDFText_GetCharIndexFromTextIndex(textpage.raw, end - 1)
        if first_char < 0 or last_char < 0:
            continue
        raw.FPDFText_GetCharOrigin(textpage.raw, first_char, x, y)
        x0, baseline = x.value, y.value
        raw.FPDFText_GetCharBox(textpage.raw, last_char, left, right, bottom, top)
        x1 = right.value
        word = text.find(" ", start, end)
        if word > start:
            raw.FPDFText_GetCharBox(
                textpage.raw,
                raw.FPDFText_GetCharIndexFromTextIndex(textpage.raw, word - 1),
                left,
                right,
                bottom,
                top,
            )
        size = raw.FPDFText_GetFontSize(textpage.raw, first_char)
        line = text[start:end].translate(LIGATURES)
        lines.append(Line(line, x0, x1, height - baseline, size, right.value))
    label = document.get_page_label(index) or None  # type: ignore[attr-defined]
    textpage.close()
    page.close()
    return PageLines(tuple(lines), width, height, label)


def _visual_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each printed line in PDFium's page text, surrounding spaces left out.

    PDFium ends a line with "\\r\\n", but joins a word hyphenated at a line end to its second
    half, marking the hyphen with U+FFFE: "operati\\ufffeons of those days" is two lines.

    >>> _visual_lines("ab\\r\\n  cd\\ufffeef gh\\r\\n")
    [(0, 2), (6, 9), (9, 14)]
    """
    out = []
    for m in regex.finditer(r"[^\r\n\ufffe]*(?:\ufffe|(?=\r?\n|$))", text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


# ---------------------------------------------------------------------------------------------
# Layout from geometry (pure)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Classified:
    """A page's lines sorted into running matter, body (in reading order) and footnotes."""

    label: str | None
    columns: list[list[Line]]
    notes: list[Line]


def body_size(pages: Iterable[PageLines]) -> float:
    """The body's font size: the size most characters are set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _key(text: str) -> str:
    """A running head without its page number: "204 Toward X" and "Toward X 206" agree."""
    return regex.sub(r"\d+", "", text).strip(" -–—|·")


def classify(pages: Sequence[PageLines]) -> list[Classified]:
    """Sort each page's lines into heads and page numbers (dropped, the number kept as label),
    footnotes and body (in reading order)."""
    size = body_size(pages)
    ordered = [sorted(p.lines, key=lambda line: (round(line.top, 0), line.x0)) for p in pages]
    # a running head stands apart at the top or foot of its page, and its text (the page
    # number left out) recurs on other pages
    edges = [_edge_lines(lines, page, size) for page, lines in zip(pages, ordered, strict=True)]
    keys: Counter[str] = Counter()
    for edge in edges:
        keys.update({_key(line.text) for line in edge})
    out = []
    for page, lines, edge in zip(pages, ordered, edges, strict=True):
        label = page.label
        content = []
        for line in lines:
            running = _running(line, size, keys) if line in edge else None
            if running is None:
                content.append(line)
            elif label is None and running:
                label = running
        notes = _footnotes(content, page, size)
        body = [line for line in content if line not in notes]
        out.append(Classified(label, columns(body), notes))
    return out


def _edge_lines(lines: list[Line], page: PageLines, size: float) -> list[Line]:
    """The lines that may be running matter: the first and last lines of the page when they sit
    in its top or bottom band and stand apart from the rest (a gap wider than a line's), and a
    first or last line that is only a page number."""
    edge = []
    if len(lines) >= 2:
        head, after = lines[0], lines[1]
        if head.top < page.height * HEAD_BAND and after.top - head.top > size * 1.3 * PARAGRAPH_GAP:
            edge.append(head)
        foot, before = lines[-1], lines[-2]
        if foot.top > page.height * (1 - HEAD_BAND) and foot.top - before.top > size * 1.3 * PARAGRAPH_GAP:
            edge.append(foot)
    edge += [
        line for line in lines[:1] + lines[-1:] if PAGE_NUMBER_ONLY.match(line.text) and line not in edge
    ]
    return edge


def _running(line: Line, size: float, keys: Counter[str]) -> str | None:
    """'' or the page label for a running head or page number, None for content."""
    if len(line.text) > 120:
        return None
    alone = PAGE_NUMBER_ONLY.match(line.text)
    if alone:
        return alone.group("label")
    numbered = HEAD_NUMBER.search(line.text)
    key = _key(line.text)
    repeated = keys[key] >= 2 and bool(key)
    if numbered and (repeated or line.size != size):
        return numbered.group("label")
    return "" if repeated else None


def _footnotes(lines: list[Line], page: PageLines, size: float) -> list[Line]:
    """The block of small type at the foot of the page (lines in top-down order)."""
    notes: list[Line] = []
    for line in reversed(lines):
        if line.size >= size * NOTE_SIZE_RATIO or line.top < page.height * 0.3:
            break
        notes.append(line)
    notes.reverse()
    return notes


def columns(lines: list[Line]) -> list[list[Line]]:
    """Body lines in reading order, as columns: one column top to bottom, or the left column,
    then the right. A line that spans both (a title) is a column of its own, above or below."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    frame = max(right - left, 1.0)
    middle = left + frame / 2 - frame * 0.05
    narrow = [line for line in lines if line.width < frame * COLUMN_WIDTH]
    if len(narrow) < 0.6 * len(lines) or not any(line.x0 > middle for line in narrow):
        return [lines]
    top = min(line.top for line in narrow)
    spanning = [line for line in lines if line.width >= frame * COLUMN_WIDTH]
    above = [line for line in spanning if line.top < top]
    below = [line for line in spanning if line.top >= top]
    first = [line for line in narrow if line.x0 <= middle]
    second = [line for line in narrow if line.x0 > middle]
    return [c for c in (above, first, second, below) if c]


# ---------------------------------------------------------------------------------------------
# Assembling the text
# ---------------------------------------------------------------------------------------------


def join_hyphenated(head: str, tail: str, words: Counter[str]) -> str:
    """How a word cut at a line end joins its continuation: without the hyphen, or with it.

    "Mosya-" + "kov" -> "Mosyakov"; a compound keeps its hyphen where the document writes it so,
    where its second part is capitalised, or after a prefix such as "anti": "anti-" +
    "imperialist" -> "anti-imperialist", "U.S.-" + "Soviet" -> "U.S.-Soviet".

    >>> join_hyphenated("Mosya-", "kov", Counter())
    'Mosyakov'
    >>> join_hyphenated("anti-", "imperialist", Counter())
    'anti-imperialist'
    """
    stem = head.rstrip(LINE_END_HYPHENS)
    first = WORD.findall(stem)[-1:] or [""]
    second = WORD.match(tail)
    whole = first[0] + (second.group() if second else "")
    hyphened = f"{first[0]}-{second.group()}" if second else ""
    if second is None or not tail[:1].islower():
        return stem + "-" + tail
    if words[whole.lower()] > 0:
        return stem + tail
    if words[hyphened.lower()] > 0 or first[0].lower() in COMPOUND_PREFIXES:
        return stem + "-" + tail
    return stem + tail


def _words(pages: Iterable[Classified]) -> Counter[str]:
    """Every word and hyphenated compound the document writes on one line, lowercased."""
    counts: Counter[str] = Counter()
    for page in pages:
        for line in [*(line for column in page.columns for line in column), *page.notes]:
            counts.update(w.lower() for w in regex.findall(r"\p{L}+(?:-\p{L}+)*", line.text))
    return counts


def _paragraphs(lines: list[Line], size: float) -> list[list[Line]]:
    """Cut a column's lines into paragraphs at wide gaps, first-line indents and size changes."""
    if not lines:
        return []
    gaps = [b.top - a.top for a, b in itertools.pairwise(lines) if 0 < b.top - a.top < size * 3]
    usual = statistics.median(gaps) if gaps else size * 1.3
    left = min(line.x0 for line in lines)
    paragraphs = [[lines[0]]]
    for prev, line in itertools.pairwise(lines):
        gap = line.top - prev.top
        indented = line.x0 > left + INDENT * size and prev.x0 <= left + 1
        heading = abs(line.size - prev.size) > 0.5
        if gap > usual * PARAGRAPH_GAP or indented or heading:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def broken(prev: Line, line: Line, right: float) -> bool:
    """Was the line break after `prev` the author's? Yes when the next line's first word would
    have fitted at the end of `prev`: a typesetter breaks a line only when the next word is too
    long ("Dmitry Mosyakov" above "Institute of ...", one entry of a list above the next)."""
    if prev.text[-1:] in LINE_END_HYPHENS:
        return False
    if LIST_ITEM.match(line.text):  # "- Kiernan, Ben. 1996. ...", "12. Ibid."
        return True
    word = (line.word_x1 or line.x1) - line.x0
    return prev.x1 + word + SPACE * prev.size < right


def _continues(previous: tuple[Line, float] | None, first: Line, left: float, size: float) -> bool:
    """Does the paragraph cut by a page or column break go on in the line `first`?

    Not when `first` is indented; yes when the last line before the break ends without a full
    stop, or filled its line (a paragraph's last line seldom does).
    """
    if previous is None or first.x0 > left + INDENT * size:
        return False
    last, right = previous
    return (
        last.text[-1:] not in TERMINAL or last.text[-1:] in LINE_END_HYPHENS or not broken(last, first, right)
    )


class _Text:
    """The extracted text, written line by line, with the offset where each page's text starts."""

    def __init__(self, words: Counter[str]) -> None:
        self.words = words
        self.parts: list[str] = []
        self.current = ""  # the paragraph or note being written
        self.length = 0  # characters in `parts`
        self.runs: list[tuple[int, int]] = []  # (offset, page index) where a page's text resumes

    def add(self, text: str, page: int, short: bool = False) -> None:
        """Add a line to the current paragraph: after a space, or joined to a hyphenated word;
        after a line break where the previous line was `short` (it ended well before the
        column's right edge: "Dmitry Mosyakov" above "Institute of Oriental Studies")."""
        if not self.current:
            self.current = text
            at = 0
        elif short:
            at = len(self.current) + 1
            self.current += "\n" + text
        elif self.current[-1:] in LINE_END_HYPHENS and self.current[-2:-1].isalpha():
            joined = join_hyphenated(self.current, text, self.words)
            at = len(joined) - len(text)
            self.current = joined
        else:
            at = len(self.current) + 1
            self.current += " " + text
        if not self.runs or self.runs[-1][1] != page:
            self.runs.append((self.length + at, page))

    def end(self, separator: str) -> None:
        """Close the current paragraph; `separator` goes before the next one."""
        if self.current:
            self.parts.append(self.current.replace("\ufffe", "-").replace("\x02", "-"))
            self.length += len(self.current)
            self.current = ""
        self.parts.append(separator)
        self.length += len(separator)

    @property
    def open(self) -> bool:
        return bool(self.current)

    @property
    def text(self) -> str:
        return "".join(self.parts) + self.current


def assemble(pages: Sequence[PageLines]) -> PdfText:
    """The document's text: body paragraphs, joined across pages, then the footnotes, one line each."""
    classified = classify(pages)
    size = body_size(pages)
    out = _Text(_words(classified))
    previous: tuple[Line, float] | None = None  # the last line written and its column's right edge
    for index, page in enumerate(classified):
        for column in page.columns:
            left = min(line.x0 for line in column)
            right = max(line.x1 for line in column)
            for n, paragraph in enumerate(_paragraphs(column, size)):
                if out.open and not (n == 0 and _continues(previous, paragraph[0], left, size)):
                    out.end("\n\n")
                for prev, line in zip([None, *paragraph], paragraph, strict=False):
                    out.add(line.text, index, prev is not None and broken(prev, line, right))
                previous = (paragraph[-1], right)
    notes = [(line, index) for index, page in enumerate(classified) for line in page.notes]
    if notes:
        out.end("\n\nNotes\n\n")
        for line, index in notes:
            if NOTE_START.match(line.text) and out.open:
                out.end("\n")
            out.add(line.text, index)
    out.end("\n")
    text = out.text
    labels = _labels(classified)
    bounds = [offset for offset, _ in out.runs[1:]] + [len(text)]
    stretches = tuple(
        Page(page + 1, labels[page], 0 if n == 0 else offset, end)
        for n, ((offset, page), end) in enumerate(zip(out.runs, bounds, strict=True))
    )
    return PdfText(text, stretches)


def _labels(classified: list[Classified]) -> list[str]:
    """Each page's printed label; a page that prints none follows its neighbours' numbering,
    or keeps its physical number."""
    labels: list[str | None] = [c.label or None for c in classified]
    out = []
    for i, label in enumerate(labels):
        if label is None:
            after = next(
                ((j, lab) for j, lab in enumerate(labels[i + 1 :], i + 1) if lab and lab.isdigit()), None
            )
            before = next(
                ((j, lab) for j, lab in reversed(list(enumerate(labels[:i]))) if lab and lab.isdigit()), None
            )
            if after is not None:
                label = str(int(after[1]) - (after[0] - i))
            elif before is not None:
                label = str(int(before[1]) + (i - before[0]))
            else:
                label = str(i + 1)
        out.append(label)
    return out
