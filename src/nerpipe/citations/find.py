"""Find citations in a text and parse them into records (pure functions, no spaCy).

Three places hold citations:

* parentheses in the running text: "(RSAMH, Fund 5, inventory 50, file 721: Document of the USSR
  embassy in the DRV, April 1, 1965, p. 142)", "(Chanda 1986, p. 59)", "(Ibid., p.152)";
* archival references outside parentheses (footnote style): "RGANI, f. 5, op. 75, d. 1062, l. 23.";
* the reference list after a "References" heading, one entry a line or paragraph.

`find_citations` returns them in text order with `rule` naming the grammar rule that matched;
`resolve.resolve` then links ibids and reference-list entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex

from nerpipe import regexes as rx
from nerpipe.archives import canonical_archive
from nerpipe.archives import tradition as archive_tradition
from nerpipe.citations.locators import (
    description_end,
    description_start,
    is_record,
    parse_locator,
    short_forms,
    split_citations,
)
from nerpipe.dates import find_dates, last, last_date, parse_date
from nerpipe.models import Citation, PageRange
from nerpipe.spans import Spans

# Characters trimmed from both ends of a title (docs/annotation.md): spaces, . , ; : and dashes.
TITLE_TRIM = " \t\n.,;:–—-"


def parse_pages(text: str | None) -> list[PageRange] | None:
    """Page list -> [first, last] pairs; verso marks dropped.

    >>> parse_pages("61, 420"), parse_pages("5-7ob."), parse_pages("82–83")
    ([(61, 61), (420, 420)], [(5, 7)], [(82, 83)])
    """
    if not text:
        return None
    pairs = []
    for m in rx.PAGE_PAIR_RE.finditer(text):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if m.group(2) and last < first and len(m.group(2)) < len(m.group(1)):
            last = int(m.group(1)[: -len(m.group(2))] + m.group(2))  # "211-9" -> 211-219
        pairs.append((first, last))
    return pairs or None


def format_pages(pages: Iterable[PageRange] | None, sep: str = ", ") -> str:
    """Pairs back to text, the inverse of `parse_pages`.

    >>> format_pages([(61, 61), (39, 40)])
    '61, 39-40'
    """
    return sep.join(str(a) if a == b else f"{a}-{b}" for a, b in pages or ())


def clean_title(text: str) -> str | None:
    """Trim a title: outer spaces and punctuation, a dangling "on the", one pair of quotes or `*`.

    >>> clean_title("  'Subversive activities of Chinese in Cambodia'. ")
    'Subversive activities of Chinese in Cambodia'
    """
    text = " ".join(text.split())
    previous = None
    while text != previous:  # "(Information ... of the USSR, .)" -> "Information ... of the USSR"
        previous = text
        if "(" in text or "[" in text:
            text = rx.EMPTY_PARENS.sub("", text)  # an emptied "( .)", "[ ?]" ("[April 14, 1955?]")
        text = rx.DANGLING.sub("", text.strip(TITLE_TRIM)).strip(TITLE_TRIM)
        if _wrapped(text):  # "(Record of ... Pham Van Dong on .)"
            text = text[1:-1]
        if text.startswith("(") and text.count("(") > text.count(")"):
            text = text[1:]
        if text.endswith(")") and text.count(")") > text.count("("):
            text = text[:-1]
    for left, right in (("*", "*"), ('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("(", ")")):
        inner = text[len(left) : -len(right)]
        if text.startswith(left) and text.endswith(right) and left not in inner and right not in inner:
            text = inner.strip(TITLE_TRIM)
    return text or None


def _wrapped(text: str) -> bool:
    """Is the whole of `text` one parenthesis: "(a (b) c)" yes, "(a) b (c)" no?"""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and i < len(text) - 1:
            return False
    return depth == 0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to drop spaces, a "see " lead-in and a final period (ANNOTATION.md)."""
    while start < end and text[start].isspace():
        start += 1
    lead = rx.SEE.match(text, start, end)
    if lead:
        start = lead.end()
    lead = rx.NOTE_LEAD_IN.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,"):
        end -= 1
    return start, end


# What may stand around a document's date: "(April 1, 1965)", "[April 14, 1955?]".
DATE_EDGE = " .,;:()[]?—–"


def _date_and_title(body: str) -> tuple[str | None, str | None]:
    """Split the description around a unit into the document date and the title.

    The date is the last date in `body` that the title does not continue past (document dates
    close the description: "... Nguyen Co Thach, 21.01.1978"); an earlier date, or one in the
    middle ("The 1974 political report of ..."), stays in the title.
    """
    body_wo_pages = rx.PAGES_RE.sub(" ", body)
    last = last_date(body_wo_pages)
    date = None
    title_text = body_wo_pages
    if last is not None:
        tail = body_wo_pages[last.end :]
        head = body_wo_pages[: last.start]
        if not tail.strip(DATE_EDGE) or (len(tail.strip()) > 12 and not head.strip(DATE_EDGE)):
            date = last.norm
            title_text = head + " " + tail if not tail.strip(DATE_EDGE) else tail
        elif not head.strip(DATE_EDGE):
            date = last.norm
            title_text = tail
        elif rx.TITLE_AFTER_DATE.match(tail) and len(tail) > 20:
            # "p. 108, October 20, 1978. Record of conversation ..." (date, then title)
            date = last.norm
            title_text = head + " " + tail
    return date, clean_title(title_text)


# Where a locator may stand: a level word with a number, an archive's name, a code. A body
# without any of these is spared the grammar.
def _locator_hint(body: str) -> bool:
    return (
        rx.LOCATOR_HINT.search(body) is not None
        or rx.ARCHIVE_RE.search(body) is not None
        or rx.US_HINT.search(body) is not None
    )


# A trailing "in" before the locator: "Noble to Reinhardt (unsent), March 29, 1951 in NARA".
TRAILING_IN = regex.compile(r"(?:,?\s+(?:both|all)?\s*in:?|,?\s+attached\s+to)\s*$")


def parse_archival(
    text: str, start: int, end: int, origin: str, context: dict[str, str] | None = None
) -> list[Citation]:
    """Parse the archival locator in `text[start:end]`, or return [] if there is none.

    Several units after shared levels ("d. 4137, l. 1; d. 1943, l. 1", "Box 5, 1947–1948;
    1949–1950") give one record each; the first record's span holds the shared levels, each
    later one only what it adds. `context` continues the previous locator of a note.
    """
    body = text[start:end]
    if context is None and not _locator_hint(body):
        return []
    loc = parse_locator(text, start, end, context)
    units = [u for u in loc.units if is_record(u, loc) or (context is not None and u.fields)]
    if not units:
        return []
    start = max(start, description_start(text, start, loc.start))  # the document right before the locator
    before_text = text[start : loc.start]
    if len(before_text) > 300 and loc.tradition not in ("us",):
        return []
    rest = text[loc.end : description_end(text, loc.end, end)]
    archive_alias = loc.archive or (context or {}).get("_archive") or loc.implied
    # stated in its own span, or in the levels it shares with the unit before it (docs/annotation.md)
    stated = loc.archive is not None or bool((context or {}).get("_stated"))
    if loc.archive is None and context is None:
        found = rx.ARCHIVE_RE.search(before_text)
        if found:
            archive_alias, stated = found.group("archive"), True
            before_text = before_text[: found.start()] + before_text[found.end() :]
    # a repository named before the archive the locator holds: "..., NARA, Nixon Presidential
    # Materials, NSC Files, ..." (the larger archive first): no part of the description
    last_archive = last(rx.ARCHIVE_RE.finditer(before_text))
    if last_archive is not None and not before_text[last_archive.end() :].strip(" ,;:"):
        before_text = before_text[: last_archive.start()]
    before_text = TRAILING_IN.sub("", rx.HENCEFORTH.sub(" ", before_text))
    # "..., November 25, 1953 and passim, Reed College, ...", "[no date]", "Title,” in": the
    # description without them (docs/annotation.md, "Span"; a comma inside a closing quote)
    before_text = rx.DESCRIPTION_NOISE.sub("", before_text)
    rest = rx.DESCRIPTION_NOISE.sub("", rx.HENCEFORTH.sub(" ", rest))
    pages_m = last(rx.PAGES_RE.finditer(rest)) or last(rx.PAGES_RE.finditer(before_text))
    date, title = _date_and_title(rest)
    if before_text.strip():  # a description before the unit: "Report of ..., 3 March 1962, AVPRF, ..."
        date_before, title_before = _date_and_title(before_text)
        date = date or date_before
        title = clean_title(" ".join(t for t in (title_before, title) if t))
    if title and title.lower() in ("passim", "see", "see also"):
        title = None
    rule = (
        f"archival.{origin}" + (".multi-file" if len(units) > 1 else "") + (".continued" if context else "")
    )
    records = []
    for i, unit in enumerate(units):
        f = unit.fields
        s, e = start, end
        if len(units) > 1:
            s = start if i == 0 else unit.start
            e = _trim(text, s, units[i + 1].start)[1] if i + 1 < len(units) else end
            if text.endswith(" and", s, e):  # "Box 16, 20 and Box 20, 10"
                e = _trim(text, s, e - 4)[1]
        pages = parse_pages(f["pages"]) if f.get("pages") else None
        if pages is None and i == len(units) - 1 and pages_m:
            pages = parse_pages(pages_m.group("pages"))
        records.append(
            Citation(
                start=s,
                end=e,
                kind="archival",
                text=text[s:e],
                section="references" if origin == "references" else "text",
                archive=canonical_archive(archive_alias),
                archive_stated=stated,
                fund=_no_short_form(f.get("fund")),
                inventory=_no_short_form(f.get("inventory")),
                folder=f.get("folder"),
                file=rx.DASH_RE.sub(
                    lambda m: m.group().strip(), f["file"]
                )  # "1 - 125" -> "1-125", dash as written
                if f.get("file") and loc.tradition not in NAMED_FILE_TRADITIONS
                else _no_sic(f.get("file")),
                subfile=f.get("subfile"),
                reel=f.get("reel"),
                pages=pages,
                date=date,
                title=title,
                rule=rule,
            )
        )
    return records


def _no_short_form(value: str | None) -> str | None:
    """A named level without the short form defined in it: "National Security File (hereafter
    NSF), Country File" -> "National Security File, Country File"."""
    if not value or "(" not in value:
        return value
    return " ".join(rx.HENCEFORTH.sub("", value).split()).replace(" ,", ",") or None


def _no_sic(value: str | None) -> str | None:
    """A value as written, without the author's "[sic]" ("... Venezuelan Newspaper [sic]")."""
    return rx.SIC.sub("", value).strip() or None if value else value


# Traditions whose file values are titles or codes kept as written ("811.00/5–1645").
NAMED_FILE_TRADITIONS = frozenset({"us", "fr", "de", "uk", "cn", "pl", "cz", "hu", "vn"})


def last_context(records: list[Citation], tradition: str | None = None) -> dict[str, str] | None:
    """The levels of a note's last archival record, for a piece that only adds a unit."""
    if not records or records[-1].kind != "archival":
        return None
    r = records[-1]
    ctx = {k: v for k in ("fund", "inventory", "folder", "file") if (v := getattr(r, k))}
    ctx["_archive"] = r.archive or ""
    ctx["_stated"] = "yes" if r.archive_stated else ""
    ctx["_tradition"] = archive_tradition(r.archive) or "us"
    return ctx


def parse_short(text: str, start: int, end: int, origin: str = "paren") -> Citation | None:
    """Parse an ibid, an interview or a bibliographic reference in `text[start:end]`."""
    body = text[start:end]
    # most forms need a year: one cheap search spares a non-citation "(10 percent)" their grammars
    has_year = rx.YEAR_RE.search(body) is not None
    chicago = _chicago(body, origin, has_year)
    if chicago is not None:
        return chicago.model_copy(update={"start": start, "end": end, "text": body})
    if m := rx.IBID.match(body):
        return Citation(
            start=start, end=end, kind="ibid", text=body,
            pages=parse_pages(m.group("pages")), rule="ibid.explicit",
        )  # fmt: skip
    if m := rx.BARE_PAGES_RE.match(body):
        return Citation(
            start=start, end=end, kind="ibid", text=body,
            pages=parse_pages(m.group("pages")), rule="ibid.bare-pages",
        )  # fmt: skip
    m = rx.INTERVIEW.match(body)
    date = parse_date(m.group("rest") or "") if m else None
    if m and (m.group("persons") or date or body.lstrip().lower().startswith("personal")):
        persons = [p.strip() for p in rx.PERSON_SEP.split(m.group("persons") or "") if p.strip()]
        return Citation(
            start=start, end=end, kind="interview", text=body,
            persons=persons, place=m.group("place"), date=date, rule="interview",
        )  # fmt: skip
    if has_year and (m := rx.AUTHOR_YEAR.match(body)):
        authors = [
            a.split()[-1] for a in rx.AUTHOR_SEP.split(m.group("authors").replace(" et al.", "")) if a.strip()
        ]
        return Citation(
            start=start, end=end, kind="bibliographic", text=body,
            authors=authors, year=m.group("year"), pages=parse_pages(m.group("pages")),
            rule="bibliographic.author-year",
        )  # fmt: skip
    if m := rx.TITLE_PAGES.match(body):
        return Citation(
            start=start, end=end, kind="bibliographic", text=body,
            authors=[], title=clean_title(m.group("title")), pages=parse_pages(m.group("pages")),
            rule="bibliographic.title-pages",
        )  # fmt: skip
    if (m := rx.NEWSPAPER.match(body)) and len(m.group("rest")) < 40:
        rest = m.group("rest")
        dates = list(find_dates(rest))
        if dates and not rest[dates[-1].end :].strip(' .,;:"”'):
            date = dates[-1].norm
            return Citation(
                start=start, end=end, kind="bibliographic", text=body,
                authors=[], title=m.group("title"), date=date,
                year=date[:4] if date and date[:4].isdigit() else None,
                rule="bibliographic.newspaper",
            )  # fmt: skip
    if has_year and (m := rx.TITLE_YEAR.match(body)):
        pages = parse_pages(m.group("pages"))
        title = clean_title(_title_head(m.group("title")))
        return Citation(
            start=start, end=end, kind="bibliographic", text=body,
            authors=[], title=title, year=m.group("year"), pages=pages,
            rule="bibliographic.title-year",
        )  # fmt: skip
    return None


CHICAGO_FORMS = {
    "bibliographic.chicago-book": rx.CHICAGO_BOOK,
    "bibliographic.chicago-article": rx.CHICAGO_ARTICLE,
    "bibliographic.short-note": rx.SHORT_NOTE,
}


def _chicago(body: str, origin: str, has_year: bool = True) -> Citation | None:
    """A note in the Chicago style: book, article, or (in notes only) the short form.

    A book or an article names its year; `has_year=False` says the body holds none.
    """
    for rule, pattern in CHICAGO_FORMS.items():
        if rule == "bibliographic.short-note" and origin != "note":
            continue
        if rule != "bibliographic.short-note" and not has_year:
            continue
        m = pattern.match(body)
        if m:
            names = [n for n in rx.REFERENCE_AUTHOR_SEP.split(m.group("authors")) if n.strip()]
            return Citation(
                start=0, end=len(body), kind="bibliographic", text=body,
                authors=[_surname(n.strip(" ,"), first=i == 0) for i, n in enumerate(names)],
                title=clean_title(m.group("title")), year=m.groupdict().get("year"),
                pages=parse_pages(m.group("pages")), rule=rule,
            )  # fmt: skip
    return None


def _title_head(title: str) -> str:
    """The title proper, before a gloss or translation: "Provotest ... – 'A Brief history'"."""
    title = title.strip(" *")
    for sep in (" – ", " — ", " - "):
        if sep in title:
            title = title.split(sep)[0]
    return title.strip(" *")


def parse_citation(
    text: str, start: int = 0, end: int | None = None, origin: str = "paren"
) -> list[Citation]:
    """Parse one citation string into its records (several when it names several files).

    >>> [c.file for c in parse_citation("RSAMH, Fund 5, inventory 75, file 1062, p. 35")]
    ['1062']
    """
    end = len(text) if end is None else end
    start, end = _trim(text, start, end)
    if start >= end:
        return []
    cut = rx.CITATION_CUT.search(text, start, end) is not None  # cheap: most strings hold no ";" or " and "
    pieces = split_citations(text, start, end) if cut and _locator_hint(text[start:end]) else [(start, end)]
    if len(pieces) > 1:  # "..., ll. 4-6; Record of conversation ..., RGANI, f. 5, ..."
        records: list[Citation] = []
        defined: dict[str, str] = {}
        for s, e in pieces:
            for r in parse_citation(text, s, e, origin):  # "(henceforth Herter Papers)" in an earlier piece
                full = defined.get(r.fund or "") if r.kind == "archival" else None
                records.append(r.model_copy(update={"fund": full}) if full else r)
            defined.update(short_forms(text, s, e))
        return records
    archival = parse_archival(text, start, end, origin)
    if archival:
        return archival
    # "see ..." / "cf. ...": a substring test spares most parentheses the scan
    body = text[start:end]
    lead = last(rx.LEAD_IN.finditer(text, start, end)) if "ee" in body or "f." in body else None
    if lead is not None:  # "However, the Khmers retained 10% of all deliveries - see Chanda 1986"
        short = parse_short(text, lead.end(), end, origin)
        if short:
            return [short]
    short = parse_short(text, start, end, origin)
    return [short] if short else []


# The longest parenthesis read as citations (the seed's longest is 1,062 characters).
MAX_PAREN_BODY = 2_000


def paren_regions(text: str, lo: int, hi: int) -> Iterator[tuple[int, int, bool]]:
    """Yield (body_start, body_end, closed) for each parenthesis in text[lo:hi], innermost first.

    A parenthesis still open at a paragraph break is yielded up to the end of its last nested
    parenthesis, as in "(RSAMH, Fund 89, list 54, document 10 (political letter, p. 5).", where
    the final bracket closes both. A body longer than `MAX_PAREN_BODY` is no citation and is not
    yielded: every level of 50,000 nested brackets would be scanned again.
    """
    stack: list[tuple[int, int]] = []  # (open position, end of last closed child)
    for m in rx.PAREN_OR_BREAK.finditer(text[lo:hi]):
        pos = lo + m.start()
        char = m.group()
        if char == "(":
            stack.append((pos, -1))
        elif char == ")":
            if stack:
                open_pos, _ = stack.pop()
                if pos - open_pos - 1 <= MAX_PAREN_BODY:
                    yield open_pos + 1, pos, True
                if stack:
                    stack[-1] = (stack[-1][0], pos)
        else:
            for open_pos, last_child in stack:
                if last_child > 0 and last_child - open_pos - 1 <= MAX_PAREN_BODY:
                    yield open_pos + 1, last_child, False
            stack.clear()
    for open_pos, last_child in stack:
        if last_child > 0 and last_child - open_pos - 1 <= MAX_PAREN_BODY:
            yield open_pos + 1, last_child, False


def references_start(text: str) -> int:
    """Offset of the last "References"-type heading, or len(text) if the text has none."""
    heading = last(rx.REFERENCES_HEADING.finditer(text))
    return heading.end() if heading else len(text)


def find_in_text(text: str, lo: int, hi: int) -> list[Citation]:
    """Citations in the running text between lo and hi: notes, parentheses, then inline locators.

    A note is read whole first (its brackets are parts of its citations: "(Washington: GPO,
    1953)"); a parenthesis inside a note that gave records is not read again.
    """
    found: list[Citation] = []
    notes = Spans()
    known: set[str] = set()  # authors named so far: a later short form gives only the surname
    for note in rx.NOTE_LINE.finditer(text, lo, hi):
        start, end = note.span("body")
        records = parse_note(text, start, end, known)
        if records:
            found.extend(records)
            notes.add(start, end)
    claimed = Spans()  # parentheses already parsed as citations
    in_parens: list[Citation] = []
    for b_start, b_end, _closed in paren_regions(text, lo, hi):
        if notes.overlapping(b_start, b_end) or any(
            b_start <= c_start and c_end <= b_end for c_start, c_end in claimed.overlapping(b_start, b_end)
        ):
            continue  # an outer parenthesis around a citation: "(X was told that ... (RSAMH ...))"
        if rx.CITATION_HINT.search(text, b_start, b_end) is None:
            continue
        records = parse_several(text, b_start, b_end)
        if records:
            in_parens.extend(records)
            claimed.add(b_start, b_end)
    in_parens.sort(key=lambda c: c.start)
    found.extend(_merge_split(text, in_parens))
    taken = Spans((c.start, c.end) for c in found)
    for start, end in list(notes.items):
        taken.add(start, end)
    for start, end in _units_outside(text, lo, hi, taken):
        found.extend(parse_citation(text, start, end, origin="inline"))
    return sorted(found, key=lambda c: c.start)


def parse_note(text: str, start: int, end: int, known: set[str] | None = None) -> list[Citation]:
    """The citations of one footnote or endnote, one record each.

    A note is prose as often as not: it is cut into sentences, then at semicolons and at an
    " and " that opens another document or work ("... 1456 1/2 and Long to Spaulding, March
    16, 1940, NARA, ..."). A piece that only adds a unit to the locator before it ("1949–1950",
    "Box 20, 10") shares that locator's levels; a later volume of a series ("; vol. XXII, ...")
    shares the series' title, and a work listed after an author's first ("See Bryton Barron, A;
    B; and C") shares the author. Published works are never archival. `known` collects the
    authors named so far in the document (a later short form names them by surname only).
    """
    from nerpipe.citations.notes import note_pieces, unit_shaped

    known = set() if known is None else known
    records: list[Citation] = []
    for sentence in note_pieces(text, start, end):
        context: dict[str, str] | None = None
        previous: Citation | None = None
        last_end = start
        for p_start, p_end, joined in sentence:
            # a work after a semicolon may share what the one before stated ("A; B; and C")
            listed = joined and ";" in text[last_end:p_start]
            pieces = note_piece(text, p_start, p_end, known, previous if joined else None, listed)
            if not pieces and joined and context is not None and unit_shaped(text, p_start, p_end):
                s, e = _trim(text, p_start, p_end)
                pieces = parse_archival(text, s, e, "note", context)
            if pieces:
                records.extend(pieces)
                context = last_context(pieces) if pieces[-1].kind == "archival" else None
                previous = pieces[-1]
                last_end = p_end
    return records


def note_piece(
    text: str,
    start: int,
    end: int,
    known: set[str] | None = None,
    previous: Citation | None = None,
    listed: bool = False,
) -> list[Citation]:
    """The citations of one piece of a note (between semicolons or a joining " and ").

    In order: a pinpoint that points back ("Quote on p. 857" -> ibid); a citation given in
    brackets after prose ("... was forwarded in late April 1955 (see A to B, ..., NARA, ...)");
    a published work (publication facts, a journal issue, a web address: never archival); an
    archival locator; a work by the Chicago note forms; an author-year or ibid short form.
    """
    from nerpipe.citations import chicago
    from nerpipe.citations.notes import (
        bracketed_citation,
        cut_prose_tail,
        opens,
        skip_prose_lead,
        trailing_remark,
    )

    start, end = _trim(text, start, end)
    if start >= end:
        return []
    if text[start] == "(" and text[end - 1] == ")" and _wrapped(text[start:end]):
        start, end = _trim(text, start + 1, end - 1)  # a sentence of its own in brackets: "(p. 214)"
        if start >= end:
            return []
    if lead := rx.FOR_LEAD_IN.match(text, start, end):
        start = lead.end()  # "and, for the reply, Jones to Smith, ..."
    back = rx.POINT_BACK.match(text, start, end)
    if back:  # "Quote on p. 857": the page of the citation before
        start = back.end()
    else:
        led = [m for m in rx.SEE_IN_PROSE.finditer(text, start, end) if m.start() > start]
        if led and not any(ch.isdigit() or ch in '“"' for ch in text[start : led[0].start()]):
            start = led[0].end()  # "For the broader construction of ..., including ..., see X"
            if text.startswith("passim", start):
                start, end = _trim(text, start, end)
    body = text[start:end]
    unit = rx.IBID_UNIT.search(body)
    if (
        unit
        and previous is not None
        and previous.kind == "archival"
        and rx.CORRESPONDENCE.search(body[: unit.start()])
    ):
        # "Bundy to Johnson, July 27, 1965, ibid., Box 2": the levels before, another box
        records = parse_archival(text, start + unit.end(), end, "note", last_context([previous]))
        if records:
            date, title = _date_and_title(body[: unit.start()])
            first = records[0].model_copy(
                update={"start": start, "text": text[start : records[0].end], "date": date, "title": title}
            )
            return [first, *records[1:]]
    line_ibid = rx.LINE_IBID.search(body)
    if line_ibid and rx.CORRESPONDENCE.search(body[: line_ibid.start()]):
        # "Rusk to Lodge, August 29, 1963, ibid.": another document of the unit cited before
        a, b = start + line_ibid.start("ibid"), start + line_ibid.end("ibid")
        short = parse_short(text, a, b, origin="note")
        if short is not None and short.kind == "ibid":
            return [
                short.model_copy(
                    update={"start": start, "text": text[start : short.end], "rule": "ibid.line"}
                )
            ]
    if rx.IBID.match(body) or rx.BARE_PAGES_RE.match(body):
        short = parse_short(text, start, end, origin="note")
        return [short] if short else []
    inner = bracketed_citation(text, start, end)
    if inner is not None:
        out: list[Citation] = []
        for sentence in _sub_pieces(text, *inner):
            for a, b, _ in sentence:
                out.extend(note_piece(text, a, b, known))
        return out
    remark = trailing_remark(text, start, end)  # "(also available online at <site>, URL)"
    extra: list[Citation] = []
    if remark is not None:
        end, r_start, r_end = remark
        extra = note_piece(text, r_start, r_end, known)
        start, end = _trim(text, start, end)
    start = skip_prose_lead(text, start, end)  # "This was a response to A to B, ..."
    end = cut_prose_tail(text, start, end)
    frozen = frozenset(known or ())
    if chicago.published(text, start, end):
        work = chicago.parse_work(text, start, end, "note", frozen)
        _remember_authors(text, work, known)
        cite = _work_citation(text, work, previous, listed) if work is not None else None
        if work is not None and cite is not None:
            trailing = rx.TRAILING_PAGES.search(text, work.end, end)
            if trailing and rx.PROSE_RUN3.search(text, work.end, trailing.start()):
                # "... (Washington: GPO, 1948) as unilateral rather than ... on pp. 92–94"
                a, b = trailing.span("ref")
                back_ref = Citation(
                    start=a, end=b, kind="ibid", text=text[a:b],
                    pages=parse_pages(text[a:b]), rule="ibid.bare-pages",
                )  # fmt: skip
                return [cite, back_ref, *extra]
            rest = text[work.end : end]
            if rest.strip() and opens(rest) and rx.URL.search(text, work.start, work.end):
                # a separator left out after an address: "...covert-hlp.html minutes of March 1998 ..."
                return [cite, *note_piece(text, work.end, end, known, cite), *extra]
            return [cite, *extra]
    archival = [r for r in parse_archival(text, start, end, "note") if _archival_plausible(r)]
    if archival:
        return [*archival, *extra]
    if (
        rx.YEAR_RE.search(body)
        and (m := rx.AUTHOR_YEAR.match(body))
        and not rx.NOT_AN_AUTHOR.match(m.group("authors"))
    ):
        short = parse_short(text, start, end, origin="note")  # "Chanda 1986, p. 59" in a note
        if short is not None and short.rule == "bibliographic.author-year":
            return [short, *extra]
    work = chicago.parse_work(text, start, end, "note", frozen)
    _remember_authors(text, work, known)
    cite = _work_citation(text, work, previous, listed) if work is not None else None
    if cite is not None:
        return [cite, *extra]
    short = parse_short(text, start, end, origin="note")
    if short is not None and _plausible(short, "note") and short.rule != "bibliographic.newspaper":
        dated = short.rule == "bibliographic.title-year" and any(
            len(d.norm or "") >= 10 for d in find_dates(text[start:end])
        )  # "Notes of Secretary’s Staff Meeting, October 30, 1957, p. 2": a document, no work
        if not dated and not (short.authors and rx.NOT_AN_AUTHOR.match(short.authors[0])):
            return [short, *extra]
    return extra


def _sub_pieces(text: str, start: int, end: int) -> list[list[tuple[int, int, bool]]]:
    from nerpipe.citations.notes import note_pieces

    return note_pieces(text, start, end)


def _work_citation(text: str, work: Any, previous: Citation | None, listed: bool = False) -> Citation | None:
    """A parsed work as a record, with what it shares with the work listed before it: the series'
    title ("...; vol. XXII, Northeast Asia") or, in a list after a semicolon, the author ("See
    Bryton Barron, “A,” National Review (...); “B,” National Review (...); C (New York: ...)")."""
    from nerpipe.citations import chicago

    series = None
    if previous is not None and previous.kind == "bibliographic":
        series = chicago.series_of(previous.title, text[work.start : work.end])
        work = chicago.with_series(text, work, series)
        if (
            listed
            and not work.authors
            and work.shares_author
            and previous.authors
            and previous.rule in SHARING_RULES
        ):
            before = chicago.parse_work(text, previous.start, previous.end, "note")
            same_paper = (
                work.container is not None and before is not None and before.container == work.container
            )
            if same_paper or (work.container is None and rx.PUBLICATION.search(text, work.start, work.end)):
                work.authors = list(previous.authors)
                work.title = None
                work.rule = "bibliographic.note.shared-author"
    if series is None and work.title and rx.NUMBERING.match(work.title):
        return None  # "vol. III" with no series named before it
    return chicago.to_citation(text, work)


# Works whose author a later work of the same list may share.
SHARING_RULES = frozenset({"bibliographic.note.work", "bibliographic.note.shared-author"})


def _remember_authors(text: str, work: Any, known: set[str] | None) -> None:
    """Keep the authors a work names in full ("Justin Hart"): a later short form of the document
    may give only the surname ("Hart, Empire of Ideas, pp. 142–144")."""
    if work is not None and known is not None:
        known.update(text[a:b] for a, b in work.author_spans)


def _archival_plausible(c: Citation) -> bool:
    """A US locator names its repository, a record group, a box, an entry or a lot file; a title
    that only ends in "Papers" ("Foreign Relations ...: Diplomatic Papers, The Soviet Union,
    1933–1939") is a published volume, not a collection."""
    if archive_tradition(c.archive) not in (None, "us") or c.archive:
        return True
    return bool(
        c.folder
        or (c.fund and c.fund[:1].isdigit())
        or (c.inventory and rx.US_SERIES_WORD.search(c.inventory))
    )


def parse_several(text: str, start: int, end: int, origin: str = "paren") -> list[Citation]:
    """The citations of a parenthesis, one record each.

    "Memorandum of conversation, 12 March 1965, AVPRF, f. 079, op. 20, p. 10, d. 5, ll. 1-3."
    is one archival record; "Chanda 1986, p. 59; Kiernan 1985, p. 12" gives two.
    """
    whole = [r for r in parse_citation(text, start, end, origin=origin) if _plausible(r, origin)]
    if whole:
        return whole
    separators = list(rx.NOTE_SEPARATOR.finditer(text, start, end))
    if not separators:  # one piece: the whole, parsed already
        return []
    records: list[Citation] = []
    piece_start = start
    for sep in [*separators, None]:
        piece_end = sep.start() if sep else end
        pieces = parse_citation(text, piece_start, piece_end, origin=origin)
        records += [r for r in pieces if _plausible(r, origin)]
        piece_start = sep.end() if sep else end
    return records


def _plausible(c: Citation, origin: str) -> bool:
    return origin != "note" or not (c.rule == "bibliographic.title-year" and c.pages is None)


def _units_outside(text: str, lo: int, hi: int, taken: Spans) -> Iterator[tuple[int, int]]:
    """Archival locators outside the citations already found: "RGANI, f. 5, op. 75, d. 1062, l. 23."

    Only a fund word with its number, a UK or German code or a PRC file number (`LOCATOR_HINT`,
    cheap) wakes the grammar; the locator may start at an archive's name just before it.
    """
    covered = lo
    any_taken = bool(taken.items)  # most documents' running text: nothing taken yet, no lookups
    for hint in rx.LOCATOR_HINT.finditer(text, lo, hi):
        pos = hint.start()
        if pos < covered or (any_taken and taken.overlapping(pos, pos + 1)):
            continue
        begin = pos
        if _archive_may_end_before(text, max(lo, pos - rx.ARCHIVE_REACH), pos):
            for m in rx.ARCHIVE_RE.finditer(text, max(lo, pos - rx.ARCHIVE_REACH), pos):
                if regex.fullmatch(r"[\s,.:;]*", text[m.end() : pos]):
                    begin = m.start()
                    break
        if any_taken and taken.overlapping(begin, begin + 1):
            continue
        stop = _sentence_end(text, pos, hi)
        covered = stop
        if begin == pos and not DIGIT.search(text, pos, stop):
            continue  # "f. 1, f. 2, ...": the unit ends at its own word's period, before its number
        yield begin, stop


# Any digit: a unit with none ends before its hint's number.
DIGIT = regex.compile(r"\d")
# The last three characters of every archive name, and the names shorter than that, for a test
# that no name ends right before a locator's hint: the window scan of `ARCHIVE_RE` costs 3-30 us
# a hint, and "f. 1, f. 2, ..." has a hint every six characters.
ARCHIVE_TAILS = frozenset(name[-3:] for name in rx.NAMED_LISTS["archive_names"] if len(name) >= 3)
ARCHIVE_SHORT = frozenset(name for name in rx.NAMED_LISTS["archive_names"] if len(name) < 3)
ARCHIVE_SHORT_LENGTHS = sorted({len(name) for name in ARCHIVE_SHORT})
# The separators the scan allows between a name and the hint, read backwards from the hint.
SEPARATORS_BEFORE = regex.compile(r"(?r)[\s,.:;]*")


def _archive_may_end_before(text: str, lo: int, pos: int) -> bool:
    """May an archive's name end in the separators right before `pos`? The scan in
    `_units_outside` takes only a name followed by nothing but separators up to the hint, so
    False means it would find none.

    >>> _archive_may_end_before("see RGANI, f. 5", 0, 11), _archive_may_end_before("x 1, f. 5", 0, 5)
    (True, False)
    """
    seps = SEPARATORS_BEFORE.match(text, lo, pos)
    for e in range(max(seps.start() if seps else pos, lo + 1), pos + 1):
        if text[max(0, e - 3) : e] in ARCHIVE_TAILS:
            return True
        for n in ARCHIVE_SHORT_LENGTHS:
            if text[max(0, e - n) : e] in ARCHIVE_SHORT:
                return True
    return False


def _sentence_end(text: str, pos: int, hi: int) -> int:
    """Where an inline locator's sentence ends: a period before a capital or a digit, a line end;
    not the period of a level word ("F. 5. Op. 75", "Ф. 5. Оп. 75")."""
    for m in rx.SENTENCE_END.finditer(text, pos, hi):
        after = m.end()
        while after < hi and text[after].isspace():
            after += 1
        if m.group() == ".":  # the token after a period only matters there
            nxt = rx.LOCATOR_TOKEN.match(text, after, min(hi, after + 40))
            if nxt is not None and (nxt.group("word") or nxt.group("pword")):
                continue
        return m.start()
    return hi


def has_locator(text: str) -> bool:
    """Does `text` hold an archival locator of its own?"""
    return bool(parse_archival(text, 0, len(text), "paren"))


def locator_codes(text: str, cites: Iterable[Citation]) -> list[tuple[int, int]]:
    """Offsets of the level words and unit codes of the archival citations ("RG", "Box", "FO 371/
    123456", "811.00/5–1645") and of the series codes of their named series ("WTC" in "WTC Lot File
    83D222", "CDF", "CFPF", also inside "(henceforth WTC Lot File 83D222)"): never entities.
    Names and dates inside locators are not included, nor an acronym the document defines as an
    organisation's ("Historical Advisory Committee (HAC)" ... "HAC Lot File 96D292": `HAC` stays)."""
    out: list[tuple[int, int]] = []
    organisations: frozenset[str] | None = None
    for c in cites:
        if c.kind == "archival" and c.section == "text":
            context: dict[str, str] | None = {} if (c.rule or "").endswith(".continued") else None
            out.extend(parse_locator(text, c.start, c.end, context).codes)
            codes = series_codes(text, c.start, c.end)
            if codes:
                if organisations is None:
                    organisations = organisation_acronyms(text)
                out.extend((a, b) for a, b in codes if text[a:b] not in organisations)
    return sorted(set(out))


def series_codes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The series codes of a locator: a capitals abbreviation glued to a lot word or opening a
    series ("WTC Lot File 83D222", "HO Research Projects Lot File 13D289", "CDF 1950–1954",
    "CFPF 1964–1966"), and the level words and codes of a short form defined for a series
    ("(henceforth WTC Lot File 83D222)"). A collection's name ("AHA Papers") is no series."""
    from nerpipe.citations.locators import _is_collection, tokenize

    out: list[tuple[int, int]] = []
    tokens = tokenize(text, start, end)
    for i, tok in enumerate(tokens):
        if tok.kind == "hence":
            lo = tok.start + tok.text.find(tok.value)
            hi = lo + len(tok.value)
            for m in rx.LOCATOR_TOKEN.finditer(text, lo, hi):
                if m.group("word") and rx.LOT_WORD.search(m.group("word")):
                    out.extend([m.span("word"), m.span("value")])
            out.extend(_capital_codes(text, lo, hi, lot_only=True))
        elif tok.kind in ("qualifier", "named") and not _is_collection(tok.text):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            glued_to_lot = tok.kind == "qualifier" and nxt is not None and rx.LOT_WORD.search(nxt.text)
            if glued_to_lot or (tok.kind == "named" and rx.SERIES_OPENING.match(tok.text)):
                out.extend(_capital_codes(text, tok.start, tok.end, lot_only=False))
    return out


def _capital_codes(text: str, lo: int, hi: int, lot_only: bool) -> list[tuple[int, int]]:
    """The capitals abbreviation at the start of text[lo:hi] ("WTC", "HO", "CFPF")."""
    m = rx.SERIES_CODE_WORD.match(text, lo, min(len(text), hi + 1))
    if m is None or (lot_only and not rx.LOT_WORD.search(text, m.end(), hi)):
        return []
    return [m.span()]


def organisation_acronyms(text: str) -> frozenset[str]:
    """Acronyms the document defines with an organisation's name: "Historical Advisory Committee
    (HAC)" -> HAC; "World War II Conferences (WTC)" names no organisation."""
    from nerpipe.acronyms import find_acronyms
    from nerpipe.patterns import load_lexicon

    heads = load_lexicon().get("org_heads", frozenset())
    return frozenset(short for short, long in find_acronyms(text) if set(long.split()) & heads)


def _merge_split(text: str, cites: list[Citation]) -> list[Citation]:
    """Join a citation continued in the next parenthesis into one record.

    "(RSAMH, Fund 5, inventory 58, file 324.) (the political letter ..., second quarter 1966,
    p. 84)": the first has a unit but no pages or date, the second has no unit.
    """
    out: list[Citation] = []
    i = 0
    while i < len(cites):
        c = cites[i]
        if c.kind == "archival" and c.pages is None and c.date is None and c.title is None:
            follow = rx.NEXT_PAREN.match(text, c.end)
            if follow and not has_locator(follow.group(1)):
                f_start, f_end = _trim(text, follow.start(1), follow.end(1))
                part = text[f_start:f_end]
                pages_m = last(rx.PAGES_RE.finditer(part))
                date, title = _date_and_title(part)
                nxt = cites[i + 1] if i + 1 < len(cites) and cites[i + 1].start == f_start else None
                out.append(
                    c.model_copy(
                        update={
                            "end": f_end,
                            "text": text[c.start : f_end],
                            "pages": parse_pages(pages_m.group("pages")) if pages_m else None,
                            "date": date,
                            "title": title,
                            "rule": "archival.split",
                        }
                    )
                )
                i += 2 if nxt else 1
                continue
        out.append(c)
        i += 1
    return out


def reference_entries(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each entry of a reference list: a line, or a blank-line paragraph."""
    for m in rx.LINE.finditer(text[lo:hi]):
        start, end = lo + m.start(), lo + m.end()
        if text[start:end].strip():
            yield start, end


def parse_reference_entry(text: str, start: int, end: int, archive: str | None) -> Citation | None:
    """Parse one reference-list entry; `archive` is the archive named by the heading above it."""
    bullet = rx.BULLET.match(text[start:end])
    if bullet and not rx.YEAR_LED_ENTRY.match(text, start, end):
        start += bullet.end()
    start, end = start + (len(text[start:end]) - len(text[start:end].lstrip())), end
    while end > start and text[end - 1].isspace():
        end -= 1
    body = text[start:end]
    led = rx.YEAR_LED_ENTRY.match(body)
    if led:
        records = parse_archival(text, start + led.start("rest"), end, "references")
        if records:
            rec = records[0]
            stated = rec.archive_stated
            date = rec.date
            year = led.group("year")
            if date is None or not date[:4].isdigit():
                date = year if date is None else year + date[4:]
            return rec.model_copy(
                update={
                    "start": start, "text": body, "date": date,
                    "archive": rec.archive or canonical_archive(archive),
                    "archive_stated": bool(stated),
                    "rule": "references.archival",
                }
            )  # fmt: skip
    if led:  # "1984. *Provotesat ...* – 'A Brief history ...', Phnom Penh."
        title = clean_title(_title_head(led.group("rest")))
        return Citation(
            start=start, end=end, kind="bibliographic", text=body, section="references",
            authors=[], year=led.group("year"), title=title, rule="references.year-title",
        )  # fmt: skip
    if m := (rx.REFERENCE_ENTRY.match(body) or rx.REFERENCE_ENTRY_YEAR_LAST.match(body)):
        authors_text = m.group("authors")
        names = rx.REFERENCE_AUTHOR_SEP.split(authors_text)
        authors = []
        for i, name in enumerate(names):
            name = rx.EDITOR_MARK.sub("", name.strip()).strip(" ,.")
            if not name:
                continue
            authors.append(_surname(name, first=i == 0))
        # the guidelines give `title` only where a citation names a work instead of an author
        return Citation(
            start=start, end=end, kind="bibliographic", text=body, section="references",
            authors=authors, year=m.group("year"), rule="references.author-year",
        )  # fmt: skip
    short = parse_short(text, start, end)
    if short and short.kind == "bibliographic":
        return short.model_copy(update={"section": "references", "rule": "references." + (short.rule or "")})
    return None


def _surname(name: str, first: bool) -> str:
    """The surname of a reference-list author.

    "Chanda, Nayan" -> "Chanda" (inverted); "Chantou Boua" -> "Boua" (a later author);
    "To Kuyen" -> "To" (uninverted, but a Vietnamese family name comes first).
    """
    if "," in name:
        return name.split(",")[0].strip()
    parts = name.split()
    if first and len(parts) > 1 and parts[0] in east_asian_family_names():
        return parts[0]
    return parts[-1]


def east_asian_family_names() -> frozenset[str]:
    """Family names written first (lexicon lists of Vietnamese, Chinese and Korean names)."""
    from nerpipe.patterns import load_lexicon

    lex = load_lexicon()
    return (
        lex.get("surnames_vietnamese", frozenset())
        | lex.get("surnames_chinese", frozenset())
        | lex.get("surnames_korean", frozenset())
    )


def find_references(text: str, lo: int, hi: int) -> list[Citation]:
    """Parse the entries of the reference list in text[lo:hi]."""
    found = []
    archive = None
    for start, end in reference_entries(text, lo, hi):
        line = text[start:end]
        heading = rx.ARCHIVE_RE.search(line)
        if heading and not any(ch.isdigit() for ch in line):
            archive = heading.group("archive")
            continue
        rec = parse_reference_entry(text, start, end, archive)
        if rec is not None:
            found.append(rec)
    return found


def find_citations(text: str) -> list[Citation]:
    """Every citation of a document, in text order, unresolved (see `resolve.resolve`)."""
    split = references_start(text)
    found = find_in_text(text, 0, split)
    if split < len(text):
        found.extend(find_references(text, split, len(text)))
    return sorted(found, key=lambda c: c.start)


def periodical_names(c: Citation, text: str) -> list[tuple[int, int]]:
    """Where a note's work names the periodical that holds it (an ORG): "Washington Post" in
    "“Official Papers,” Washington Post, March 7, 1953, p. 8", "American Archivist" in "...,” The
    American Archivist (April 1954), pp. 149–162"."""
    if c.kind != "bibliographic" or not (c.rule or "").startswith("bibliographic.note"):
        return []
    from nerpipe.citations.chicago import parse_work

    work = parse_work(text, c.start, c.end, "note")
    return [work.container_span] if work is not None and work.container_span else []


def person_spans(c: Citation, text: str | None = None) -> list[tuple[int, int]]:
    """Offsets of the people a citation names: authors and interviewees.

    "Kiernan and Boua 1982, p. 194" -> "Kiernan", "Boua"; "Ben Kiernan 1996" -> "Ben Kiernan";
    "Kiernan, Ben and Chantou Boua, ed. 1982. ..." -> "Kiernan, Ben", "Chantou Boua";
    "conversation with Chan Ven, Phnom Penh, ..." -> "Chan Ven"; a note's work, read again in
    the document `text`: "Samuel Flagg Bemis review of ...", "John Snell, ed., ..." (the writer of
    a correspondence line is left to the entity rules).
    """
    if c.kind == "bibliographic" and (c.rule or "").startswith("bibliographic.note"):
        from nerpipe.citations.chicago import parse_work

        if text is None:
            text, offset = c.text, c.start
            work = parse_work(text, 0, len(text), "note")
        else:
            offset = 0
            work = parse_work(text, c.start, c.end, "note")
        spans = [*work.author_spans, *work.other_spans] if work else []
        return [(a + offset, b + offset) for a, b in spans]
    if c.kind == "interview":
        m = rx.INTERVIEW.match(c.text)
        group = "persons"
    elif c.kind == "bibliographic" and c.section == "references":
        m = rx.REFERENCE_ENTRY.match(c.text)
        group = "authors"
    elif c.kind == "bibliographic" and c.authors:
        m = CHICAGO_FORMS.get(c.rule or "", rx.AUTHOR_YEAR).match(c.text)
        group = "authors"
    else:
        return []
    if m is None or m.group(group) is None:
        return []
    base = c.start + m.start(group)
    segment = m.group(group)
    in_list = c.section == "references" or c.rule in CHICAGO_FORMS  # "Nayan Chanda" keeps no comma
    separator = rx.NAME_SEPARATOR_REFERENCES if in_list else rx.NAME_SEPARATOR_TEXT
    spans = []
    pos = 0
    for i, piece in enumerate(separator.split(segment)):
        if piece and i % 2 == 0:  # split() with a group: names at even places, separators at odd
            name = rx.EDITOR_MARK.sub("", piece)
            name = name.rstrip(" ,.")
            lead = len(name) - len(name.lstrip())
            if any(ch.isupper() for ch in name):
                spans.append((base + pos + lead, base + pos + len(name)))
        pos += len(piece)
    return spans
