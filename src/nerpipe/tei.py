"""TEI P5 in and out.

In: `read_tei` takes a TEI document (`<TEI xmlns="http://www.tei-c.org/ns/1.0">`) and returns
the text nerpipe reads: the `<body>`'s blocks (`<head>`, `<p>`, `<l>`, `<item>`, ...) one
paragraph each, its `<note>`s taken out of the flow and written after the body as numbered note
lines ("12. Memorandum of conversation, ...") where the citation finder reads them as notes, and
the pages `<pb n="203"/>` marks.

Out: `to_tei` writes a document record as TEI: the text in `<p>`s with `<persName>`,
`<orgName>`, `<placeName>` (GPE), `<geogName>` (LOC) and `<date when="...">` (`from`/`to` for a
range, `notBefore`/`notAfter` for a quarter, season or decade) inline, each citation as an
inline `<bibl xml:id="cN" type="archival">`, and its parsed fields in `<back>` as a `<listBibl>`
of `<bibl corresp="#cN">` with an `<idno type="fund">` (and inventory, folder, file, subfile,
reel, archive) per archival level, `<biblScope unit="page" from to>`, `<date>`, `<title>` and
`<author>`.
"""

from __future__ import annotations

import calendar
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import regex

from nerpipe.models import Citation, DocumentRecord, Span

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
T = f"{{{TEI_NS}}}"
# Elements whose text is one paragraph of the body.
BLOCKS = frozenset(
    {"head", "p", "l", "item", "quote", "ab", "label", "byline", "dateline", "salute", "signed", "trailer"}
)
# Elements whose text is not the article's: editorial apparatus and figures.
SKIPPED = frozenset({"figure", "fw", "teiHeader", "facsimile", "interpGrp", "interp"})
ELEMENT_OF = {"PERSON": "persName", "ORG": "orgName", "GPE": "placeName", "LOC": "geogName", "DATE": "date"}
BLOCK_TAGS = frozenset(
    f"{T}{name}"
    for name in (
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "publicationStmt",
        "sourceDesc",
        "text",
        "body",
        "back",
        "listBibl",
        "p",
    )
)
LEVELS = ("archive", "fund", "inventory", "folder", "file", "subfile", "reel")
SPACES = regex.compile(r"\s+")
LINE_BREAK = "\ue000"  # an <lb/> while a block's whitespace is folded: a private-use character


class TeiError(ValueError):
    """An XML file that is not a TEI document nerpipe can read."""


@dataclass(frozen=True)
class TeiText:
    """The text of a TEI document, its page breaks (offset, label) and its title."""

    text: str
    pages: tuple[tuple[int, str], ...]
    title: str | None = None


# ---------------------------------------------------------------------------------------------
# In
# ---------------------------------------------------------------------------------------------


def is_tei(data: bytes) -> bool:
    """Does this XML look like TEI (its namespace within the first few kilobytes)?"""
    return TEI_NS.encode() in data[:4096]


def read_tei(data: bytes) -> TeiText:
    """The text of a TEI P5 document: body blocks, then notes; raise `TeiError` if it is none."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise TeiError(f"not well-formed XML: {err}") from None
    if root.tag not in (f"{T}TEI", f"{T}teiCorpus"):
        raise TeiError(f"not a TEI document (root element {root.tag!r}, TEI P5 namespace expected)")
    body = root.find(f".//{T}text/{T}body")
    if body is None:
        raise TeiError("a TEI document without <text><body>")
    reader = _Reader()
    reader.walk(body)
    title_el = root.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title")
    title = _clean("".join(title_el.itertext())) if title_el is not None else None
    return reader.finish(title or None)


def _clean(text: str) -> str:
    """Fold a block's whitespace as XML readers do, keeping its <lb/> line breaks."""
    folded = SPACES.sub(" ", text).strip()
    return regex.sub(rf" ?{LINE_BREAK} ?", "\n", folded).strip("\n ")


class _Reader:
    """Walk the body, writing blocks as paragraphs and collecting notes and page breaks."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.notes: list[tuple[str, str]] = []  # (number, text)
        self.breaks: list[tuple[int, int, str]] = []  # (paragraph index, offset in it, label)

    def _flush(self) -> None:
        text = _clean("".join(self.current))
        if text:
            self.paragraphs.append(text)
        self.current = []

    def walk(self, element: ET.Element) -> None:
        name = element.tag.removeprefix(T) if isinstance(element.tag, str) else ""
        if name in SKIPPED:
            self._tail(element)
            return
        if name == "note":
            self.notes.append(
                (element.get("n") or str(len(self.notes) + 1), _clean("".join(element.itertext())))
            )
            self._tail(element)
            return
        if name == "lb":
            self.current.append(LINE_BREAK)
            self._tail(element)
            return
        if name == "pb":
            offset = len(_clean("".join(self.current)))
            self.breaks.append((len(self.paragraphs), offset + (1 if offset else 0), element.get("n") or ""))
            self._tail(element)
            return
        block = name in BLOCKS
        if block:
            self._flush()
        if element.text:
            self.current.append(element.text)
        for child in element:
            self.walk(child)
        if block:
            self._flush()
        self._tail(element)

    def _tail(self, element: ET.Element) -> None:
        if element.tail:
            self.current.append(element.tail)

    def finish(self, title: str | None) -> TeiText:
        self._flush()
        starts = []
        offset = 0
        for paragraph in self.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + 2
        text = "\n\n".join(self.paragraphs)
        if self.notes:
            text += "\n\nNotes\n\n" + "\n".join(f"{n}. {note}" for n, note in self.notes)
        pages = []
        for index, within, label in self.breaks:
            at = starts[index] + within if index < len(starts) else len(text)
            pages.append((min(at, len(text)), label))
        return TeiText(text + "\n", tuple(pages), title)


# ---------------------------------------------------------------------------------------------
# Out
# ---------------------------------------------------------------------------------------------


def date_attributes(norm: str | None) -> dict[str, str]:
    """TEI dating attributes of a DATE's TIMEX3 value.

    >>> date_attributes("1965-04-01"), date_attributes("1946/1954"), date_attributes("1966-Q2")
    ({'when': '1965-04-01'}, {'from': '1946', 'to': '1954'}, {'notBefore': '1966-04-01', 'notAfter': '1966-06-30'})
    >>> date_attributes("197X"), date_attributes("1975-SU")
    ({'notBefore': '1970', 'notAfter': '1979'}, {'notBefore': '1975-06', 'notAfter': '1975-08'})
    """
    if not norm:
        return {}
    if "/" in norm:
        first, last = norm.split("/", 1)
        if _iso(first) and _iso(last):
            return {"from": first, "to": last}
        return {}
    if _iso(norm):
        return {"when": norm}
    if m := regex.fullmatch(r"(\d{4})-Q([1-4])", norm):
        year, quarter = int(m.group(1)), int(m.group(2))
        last_month = quarter * 3
        last_day = calendar.monthrange(year, last_month)[1]
        return {
            "notBefore": f"{year}-{last_month - 2:02d}-01",
            "notAfter": f"{year}-{last_month:02d}-{last_day}",
        }
    if m := regex.fullmatch(r"(\d{3})X", norm):
        return {"notBefore": f"{m.group(1)}0", "notAfter": f"{m.group(1)}9"}
    if m := regex.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", norm):
        first, last = {"SP": ("03", "05"), "SU": ("06", "08"), "FA": ("09", "11"), "WI": ("12", "02")}[
            m.group(2)
        ]
        season_year = int(m.group(1))
        return {
            "notBefore": f"{season_year}-{first}",
            "notAfter": f"{season_year + (m.group(2) == 'WI')}-{last}",
        }
    if m := regex.fullmatch(r"(\d{4})-H([12])", norm):
        half = int(m.group(2))
        return {
            "notBefore": f"{m.group(1)}-{'01' if half == 1 else '07'}",
            "notAfter": f"{m.group(1)}-{'06' if half == 1 else '12'}",
        }
    return {}


def _iso(value: str) -> bool:
    """An ISO date TEI's `when` accepts: "1965", "1965-04", "1965-04-01"."""
    return regex.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value) is not None


def to_tei(record: DocumentRecord, text: str) -> str:
    """The record as a TEI P5 document (a string of XML); `text` is the record's raw text."""
    ET.register_namespace("", TEI_NS)
    tei = ET.Element(f"{T}TEI")
    header = ET.SubElement(tei, f"{T}teiHeader")
    file_desc = ET.SubElement(header, f"{T}fileDesc")
    ET.SubElement(ET.SubElement(file_desc, f"{T}titleStmt"), f"{T}title").text = record.id
    ET.SubElement(
        ET.SubElement(file_desc, f"{T}publicationStmt"), f"{T}p"
    ).text = "Annotated by nerpipe: entities and citations are machine-made."
    ET.SubElement(ET.SubElement(file_desc, f"{T}sourceDesc"), f"{T}p").text = record.source or record.id
    body_parent = ET.SubElement(tei, f"{T}text")
    body = ET.SubElement(body_parent, f"{T}body")
    marks = _marks(record)
    for start, end in _paragraph_ranges(text, marks):
        p = ET.SubElement(body, f"{T}p")
        _fill(p, text, start, end, marks)
    if record.citations:
        back = ET.SubElement(body_parent, f"{T}back")
        listing = ET.SubElement(back, f"{T}listBibl", {"type": "nerpipe"})
        for i, c in enumerate(record.citations):
            listing.append(_structured(c, i))
            listing[-1].tail = "\n"
    for element in tei.iter():  # a line break between block elements, none inside mixed content
        if element.tag in BLOCK_TAGS:
            element.tail = "\n"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tei, encoding="unicode") + "\n"


def _paragraph_ranges(text: str, marks: list[_Mark]) -> list[tuple[int, int]]:
    """The text's paragraphs (blank-line separated), a paragraph break that falls inside an
    entity or citation kept inside its paragraph ("Pol\\n\\nPot" cut by a page break)."""
    out: list[tuple[int, int]] = []
    for m in regex.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if not m.group().strip():
            continue
        start, end = m.span()
        if out and any(mark.start < out[-1][1] and start < mark.end for mark in marks):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    tag: str
    attrs: dict[str, str]
    depth: int  # 0 for a citation, 1 for an entity inside it


def _marks(record: DocumentRecord) -> list[_Mark]:
    """The elements to write inline: citations, and entities nested in them where they fit."""
    marks = []
    cites = sorted(enumerate(record.citations), key=lambda ic: ic[1].start)
    for i, c in cites:
        marks.append(_Mark(c.start, c.end, "bibl", {f"{{{XML_NS}}}id": f"c{i}", "type": c.kind}, 0))
    for s in record.spans:
        holder = next((c for _, c in cites if c.start <= s.start and s.end <= c.end), None)
        crosses = any(c.start < s.end and s.start < c.end for _, c in cites) and holder is None
        if crosses:
            continue  # a name across a citation's edge cannot nest in it
        marks.append(_Mark(s.start, s.end, ELEMENT_OF[s.label], _span_attrs(s), 1))
    return sorted(marks, key=lambda m: (m.start, m.depth, -m.end))


def _span_attrs(s: Span) -> dict[str, str]:
    attrs = date_attributes(s.norm) if s.label == "DATE" else {}
    if s.entity_id and s.label != "DATE":
        attrs["key"] = s.entity_id  # the entity's id in documents.jsonl: "person:pol-pot"
    if s.label == "LOC":
        attrs["type"] = "region"
    return attrs


def _fill(parent: ET.Element, text: str, start: int, end: int, marks: list[_Mark]) -> None:
    """Write text[start:end] into `parent`, with the marks inside it as nested elements."""
    inside = [m for m in marks if start <= m.start and m.end <= end]
    stack: list[tuple[ET.Element, int]] = [(parent, end)]
    last: ET.Element | None = None  # the element whose tail takes the next text, if any
    pos = start

    def put(until: int) -> None:
        """Write text[pos:until] at the current place, its line breaks as <lb/>."""
        nonlocal pos, last
        if until <= pos:
            return
        element = stack[-1][0]
        for n, chunk in enumerate(text[pos:until].split("\n")):
            if n:
                last = ET.SubElement(element, f"{T}lb")
            if not chunk:
                continue
            if last is not None:
                last.tail = (last.tail or "") + chunk
            else:
                element.text = (element.text or "") + chunk
        pos = until

    for m in inside:
        while stack[-1][1] <= m.start and len(stack) > 1:
            put(stack[-1][1])
            last = stack.pop()[0]
        if m.end > stack[-1][1]:
            continue  # does not nest: leave it out
        put(m.start)
        element = ET.SubElement(stack[-1][0], f"{T}{m.tag}", m.attrs)
        last = None
        stack.append((element, m.end))
    while len(stack) > 1:
        put(stack[-1][1])
        last = stack.pop()[0]
    put(end)


def _structured(c: Citation, index: int) -> ET.Element:
    bibl = ET.Element(f"{T}bibl", {"corresp": f"#c{index}", "type": c.kind})
    for level in LEVELS:
        value = getattr(c, level)
        if value:
            ET.SubElement(bibl, f"{T}idno", {"type": level}).text = value
    for name in c.authors or ():
        ET.SubElement(ET.SubElement(bibl, f"{T}author"), f"{T}surname").text = name
    if c.title:
        ET.SubElement(bibl, f"{T}title").text = c.title
    when = c.date or c.year
    if when:
        date = ET.SubElement(bibl, f"{T}date", date_attributes(when))
        date.text = when
    for first, last in c.pages or ():
        ET.SubElement(bibl, f"{T}biblScope", {"unit": "page", "from": str(first), "to": str(last)})
    for person in c.persons or ():
        ET.SubElement(bibl, f"{T}name", {"type": "person"}).text = person
    if c.place:
        ET.SubElement(bibl, f"{T}pubPlace").text = c.place
    for link, target in (("antecedent", c.antecedent), ("reference", c.reference)):
        if target is not None:
            ET.SubElement(bibl, f"{T}ref", {"type": link, "target": f"#c{target}"})
    return bibl


def read_annotations(data: bytes) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The text of a TEI file written by `to_tei` and its inline entities (start, end, label, text):
    what a TEI reader sees, for round trips and for gold made in a TEI editor."""
    label_of = {v: k for k, v in ELEMENT_OF.items()}
    root = ET.fromstring(data)
    body = root.find(f".//{T}text/{T}body")
    assert body is not None
    pieces: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.tag == f"{T}lb":
            pieces.append("\n")
            length += 1
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        name = element.tag.removeprefix(T)
        if name in label_of:
            spans.append((start, length, label_of[name], "".join(pieces)[start:length]))

    for i, p in enumerate(body.iter(f"{T}p")):
        if i:
            pieces.append("\n\n")
            length += 2
        walk(p)
    return "".join(pieces), sorted(spans)
