"""Bibliographic citations of footnotes and endnotes in the Chicago notes style (pure functions).

A note's piece is read as comma segments (commas outside brackets and quotes; a quoted title
closed as “…,” ends its segment), and each segment gets a role: the authors ("Justin Hart",
"Betty Glad and Jonathan Smith", "John Snell, ed."), a quoted title, a title, the item's date, a
container (journal, newspaper, website), numbering ("vol. IX", "83rd Cong."), publication facts
"(Place: Publisher, Year)", pages, web addresses. The fields follow docs/annotation.md:

* `authors`: the persons in the author position (editors of an edited book included); a
  correspondence line gives its writer ("Kimball to Christopher, ..."); a kind of document named
  after its writer gives the writer ("Robert Gates speech, ..."); corporate bodies are no authors.
* `title`: only where no person is named as author: the work's title without its trailing
  numbering, site or publication facts; for an unsigned newspaper or journal piece, the paper.
* `year`: the item's own year where it is a dated document, else the publication's year.
* `date`: the issue date of a periodical; for an item printed in a published collection
  ("X to Y, March 22, 1955 in Peter Boyle, ed., ..."), the item's date.
* `pages`: every integer page reference, pinpoints included; Roman and lettered pages left out.

    >>> c = parse_work("Justin Hart, Empire of Ideas (Oxford: Oxford University Press, 2013), p. 120")
    >>> c.authors, c.year, c.title, c.pages
    (['Hart'], '2013', None, [(120, 120)])
    >>> c = parse_work("Raymond Sontag, “Reflections on the Yalta Papers,” Foreign Affairs, July 1955, pp. 615–623")
    >>> c.authors, c.year, c.date, c.pages
    (['Sontag'], '1955', '1955-07', [(615, 623)])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

import regex

from nerpipe import regexes as rx
from nerpipe.dates import DateMatch, find_dates
from nerpipe.models import Citation, PageRange, Section

# Opening and closing quotation marks of a title.
OPEN_QUOTES = '“"'
CLOSE_QUOTES = '”"'
# Roles of segments that do not belong to a title.
NOT_TITLE = frozenset({"date", "pages", "website", "holder", "editor", "edited-by", "url"})


@dataclass(slots=True)
class Seg:
    """One comma segment of a note's piece, with its offsets and its role."""

    start: int
    end: int
    text: str
    role: str = "text"  # text, quote, date, years, pages, numbering, website, holder, editor, edited-by
    quote: str | None = None  # the title inside the quotation marks
    how: str = ""  # for a holder: "in", "quoted in", "included with", ...


@dataclass(slots=True)
class Work:
    """What a note says about one published work, before it becomes a `Citation`."""

    start: int
    end: int
    authors: list[str] = field(default_factory=list)
    author_spans: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    year: str | None = None
    date: str | None = None
    pages: list[PageRange] | None = None
    rule: str = "bibliographic.note"
    shares_author: bool = False  # may take the authors of the work before it ("; A; B; and C")
    container: str | None = None  # the periodical that holds it
    container_span: tuple[int, int] | None = None  # where its name stands (an ORG)
    other_spans: list[tuple[int, int]] = field(default_factory=list)  # editors of the book that holds it


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names, organisation heads and nationality adjectives of the lexicon."""
    from nerpipe.patterns import load_lexicon

    lex = load_lexicon()
    given = lex.get("given_names_western", frozenset()) | lex.get("given_names_russian", frozenset())
    return given, lex.get("org_heads", frozenset()), lex.get("nationality_adjectives", frozenset())


@lru_cache(maxsize=8)
def _known_surnames(text: str) -> frozenset[str]:
    """Surnames the text names in full somewhere ("Justin Hart" -> "Hart"): a bare "Hart, Empire
    of Ideas, pp. 142–144" is then the short form of a note by that author."""
    given, _, _ = _lexicon()
    out = set()
    for m in rx.FULL_NAME_IN_TEXT.finditer(text):
        if m.group("given") in given or m.group("initial"):
            out.add(m.group("surname"))
    return frozenset(out)


@lru_cache(maxsize=4096)
def dates_in(piece: str) -> tuple[DateMatch, ...]:
    """The dates of a short piece, remembered: a note's segments are asked several times."""
    return tuple(find_dates(piece))


def cut_segments(text: str, lo: int, hi: int) -> list[Seg]:
    """The comma segments of text[lo:hi]: commas outside brackets and quotes cut; a closing
    quote after a comma ("“Title,” Journal") cuts too; "quoted in", "printed as", "included
    with", "Exhibit D in" and an " in " after a date or a closing quote stand as segments."""
    cuts: list[tuple[int, int]] = []  # (end of a segment, start of the next)
    depth = 0
    quote = False
    in_date = _date_chars(text, lo, hi)
    for i in range(lo, hi):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "“" or (ch == '"' and not quote):
            quote = True
        elif ch == "”" or (ch == '"' and quote):
            quote = False
            comma_inside = text[i - 1] == "," or (text[i - 1] in "’'" and text[i - 2] == ",")  # “… ‘…,’”
            if depth == 0 and comma_inside and i + 1 < hi and text[i + 1] == " ":
                cuts.append((i + 1, i + 1))
        elif ch == "," and depth == 0 and not quote and i not in in_date:
            cuts.append((i, i + 1))
    segs: list[Seg] = []
    pos = lo
    for end, nxt in [*cuts, (hi, hi)]:
        segs.extend(_holders(text, pos, end))
        pos = nxt
    return [s for s in segs if s.text]


def _date_chars(text: str, lo: int, hi: int) -> set[int]:
    """Offsets of the commas inside dates ("March 6, 1998"), which cut no segment."""
    piece = text[lo:hi]
    if "," not in piece or not any(ch.isdigit() for ch in piece):
        return set()
    out = {lo + d.start + k for d in dates_in(piece) for k, ch in enumerate(d.text) if ch == ","}
    for m in rx.NOTE_PAGE_REF.finditer(text, lo, hi):  # "pp. xxii–xxv, 11–16, 67–73": one list
        out.update(i for i in range(m.start(), m.end()) if text[i] == ",")
    return out


def _holders(text: str, lo: int, hi: int) -> list[Seg]:
    """A segment cut at the words that say where an item is printed ("..., 1955 in Boyle")."""
    out: list[Seg] = []
    pos = lo
    for m in rx.HOLDER.finditer(text, lo, hi):
        how = m.group("how")
        before = text[max(0, m.start() - 40) : m.start()].rstrip(" ,")
        if how == "in" and not (
            before.endswith(tuple(CLOSE_QUOTES)) or _ends_with_date(before) or before.endswith(("]", ")"))
        ):
            continue
        out.append(_seg(text, pos, m.start()))
        out.append(Seg(m.start("how"), m.end("how"), how, role="holder", how=how.lower()))
        pos = m.end()
    out.append(_seg(text, pos, hi))
    return [s for s in out if s.text]


def _ends_with_date(piece: str) -> bool:
    """Does the piece end with a date ("..., March 22, 1955")?"""
    dates = list(dates_in(piece))
    return bool(dates) and not piece[dates[-1].end :].strip(" .,;:?])")


def _seg(text: str, lo: int, hi: int) -> Seg:
    while lo < hi and text[lo] in " \t\n,;":
        lo += 1
    while hi > lo and text[hi - 1] in " \t\n,;":
        hi -= 1
    seg = Seg(lo, hi, text[lo:hi])
    _give_role(seg)
    return seg


def _give_role(seg: Seg) -> None:
    t = seg.text
    if t[:1] in OPEN_QUOTES:
        close = _closing_quote(t)
        if close > 0:
            seg.role = "quote"
            seg.quote = t[1:close].rstrip(" ,")
            return
    if rx.EDITOR.match(t):
        seg.role = "editor"
    elif rx.EDITED_BY.match(t):
        seg.role = "edited-by"  # "ed. Peter Lowe" after a title
    elif rx.NOTE_PAGE_REF.match(t) or t.startswith(("especially p", "esp. p")):
        seg.role = "pages"
    elif rx.YEARS_ONLY.match(t) and not rx.NUMBER_ONLY.match(t) and not rx.BARE_YEAR.match(t):
        seg.role = "years"  # "1964–1968": the years a volume covers, part of its title
    elif (any(ch.isdigit() for ch in t) and (rx.BRACKET_YEAR.match(t) or _is_date(t))) or rx.NO_DATE.match(t):
        # a span of months is the period a volume covers ("January–August 1963"), not a date
        seg.role = "years" if "/" in (_date_value(t) or "") or _is_range(t) else "date"
    elif rx.NUMBERING.match(t):
        seg.role = "numbering"
    elif rx.WEBSITE_WORD.search(t):
        seg.role = "website"


def _closing_quote(t: str) -> int:
    """Index of the quote closing the one `t` opens with ("“A ‘B’ C,” D" -> 7), or -1."""
    depth = 0
    for i, ch in enumerate(t):
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth == 0:
                return i
        elif ch == '"':
            if i and depth:
                return i
            depth += 1
    return -1


def _is_date(t: str) -> bool:
    """Is the whole segment one calendar expression with a month or a season ("March 23,
    1955", "Spring 2001", "Winter-Spring 2001")? A bare year is numbering, not a date."""
    dates = list(dates_in(t))
    prefix = rx.DATE_PREFIX.match(t[: dates[0].start]) if dates else None
    if not dates or t[dates[-1].end :].strip(" ?]") or not prefix:
        return False
    return len(dates[-1].norm or "") > 4 or prefix.group("word") is not None


def _is_range(t: str) -> bool:
    """ "January 1961–September 1962", "January–August 1963": two dates or months and a dash."""
    dates = list(dates_in(t))
    return len(dates) > 1 or bool(rx.MONTH_SPAN.search(t) and len(dates) == 1 and "–" in t)


def _date_value(t: str) -> str | None:
    """ISO value of a date segment; a season gives its year ("Spring 2001" -> "2001")."""
    m = rx.BRACKET_YEAR.match(t)
    if m:
        return m.group("year")
    dates = list(dates_in(t))
    if not dates or not dates[-1].norm:
        return None
    norm = dates[-1].norm
    if rx.SEASON_VALUE.match(norm):
        return norm[:4]
    return norm.split("/")[0] if "/" in norm else norm


def _year_of(value: str | None) -> str | None:
    return value[:4] if value and value[:4].isdigit() else None


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------


def name_shaped(name: str) -> bool:
    """Could `name` be one person's name as cited ("Nancy Bernkopf Tucker", "N. Richard Kinsman",
    "McAuliffe", "W[alter] B[edell] S[mith]")? No digits, no function words, no organisation head."""
    _, heads, nationalities = _lexicon()
    words = name.split()
    if not words or len(words) > 5 or (len(words) == 1 and rx.GENRE_WORD.match(words[0])):
        return False
    for i, w in enumerate(words):
        if rx.NAME_PARTICLE.match(w) and 0 < i < len(words) - 1:
            continue
        if not rx.NAME_WORD.match(w) or rx.NOT_NAME_WORD.match(w) or w in heads or w in nationalities:
            return False
    return True


def person_evidence(name: str, text: str, known: frozenset[str] = frozenset()) -> bool:
    """Is `name` a person by the lexicon or the document: a known given name or an initial first,
    a middle initial, a surname the document gives in full elsewhere, or an author named before?"""
    given, _, _ = _lexicon()
    words = name.split()
    if name in known or (len(words) == 1 and words[0] in {n.split()[-1] for n in known}):
        return True
    if len(words) == 1:
        return words[0] in _known_surnames(text)
    return words[0] in given or words[0].endswith(".") or any(w.endswith(".") for w in words[1:-1])


def surname(name: str) -> str:
    """ "Nancy Bernkopf Tucker" -> "Tucker"; "Douglas MacArthur II" -> "MacArthur"; "Chen Jian"
    -> "Chen" (a Chinese, Vietnamese or Korean family name first, the given name not one)."""
    words = [w for w in name.split() if not rx.NAME_SUFFIX.match(w)] or name.split()
    families = _family_names()
    if len(words) == 2 and words[0] in families and words[1] not in families:
        return words[0]
    return words[-1].strip("[]")


@cache
def _family_names() -> frozenset[str]:
    from nerpipe.patterns import load_lexicon

    lex = load_lexicon()
    return (
        lex.get("surnames_chinese", frozenset())
        | lex.get("surnames_vietnamese", frozenset())
        | lex.get("surnames_korean", frozenset())
    )


def split_names(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Offsets of each name in an author list ("Betty Glad and Jonathan Smith", "A, B, and C")."""
    out = []
    pos = lo
    body_hi = hi
    m = rx.ET_AL.search(text, lo, hi)
    if m and m.end() == hi:
        body_hi = m.start()
    for sep in rx.NAME_LIST_SEP.finditer(text, lo, body_hi):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, body_hi))
    return [(a, b) for a, b in out if b > a]


def _author_list(
    text: str, segs: list[Seg], strong: bool, known: frozenset[str] = frozenset()
) -> tuple[int, list[tuple[int, int]]] | None:
    """The author list at the start of `segs`: how many segments it takes and its name spans.

    "Betty Glad and Jonathan Smith" (one segment), "A, B, and C" (three), "John Snell, ed." (a
    name and the editor's mark), "Herbert Hoover, Jr.". `strong`: a quoted title or the editor's
    mark follows, so any name-shaped words will do; otherwise the lexicon or the document must
    say that they name a person.
    """
    if not segs or segs[0].role != "text":
        return None
    n = 1
    end = segs[0].end
    while (
        n < len(segs)
        and segs[n].role == "text"
        and (
            rx.NAME_SUFFIX.match(segs[n].text)
            or (segs[n].text.startswith("and ") and name_shaped(segs[n].text[4:]))
        )
    ):
        end = segs[n].end
        n += 1
    names = split_names(text, segs[0].start, end)
    names = [(a, b) for a, b in names if not rx.NAME_SUFFIX.match(text[a:b])]
    if not names or not all(name_shaped(text[a:b]) for a, b in names):
        return None
    editor = n < len(segs) and segs[n].role == "editor"
    if strong and any(len(text[a:b].split()) > 4 for a, b in names):
        return None
    if not (strong or editor) and not all(person_evidence(text[a:b], text, known) for a, b in names):
        return None
    return n + (1 if editor else 0), names


# ---------------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------------


def _web_tail(text: str, lo: int, hi: int) -> tuple[int, int]:
    """(end of the piece before its web addresses, end of the citation's span).

    "..., Federation of American Scientists, ... website, http://www.fas.org/..." -> the core ends
    before the address, the span at its end; "(https://history.state.gov/...)" takes its brackets;
    "URL and URL" is one tail; a remark in brackets after the address is outside the span.
    """
    urls = list(rx.URL.finditer(text, lo, hi))
    if not urls:
        return hi, hi
    first = urls[0]
    core = first.start()
    while core > lo and text[core - 1] in " (,":
        core -= 1
    span = first.end()
    for m in urls[1:]:
        if rx.URL_JOIN.match(text[span : m.start()]) and m.start() - span < 8:
            span = m.end()
    if text[first.start() - 1 : first.start()] == "(" and text[span : span + 1] == ")":
        span += 1
    return core, span


def published(text: str, start: int, end: int) -> bool:
    """Does text[start:end] cite a published work (publication facts, a journal issue, a web
    address, a congress and session, printed hearings)? Such a piece is never archival."""
    return any(
        p.search(text, start, end) is not None for p in (rx.PUBLICATION, rx.ISSUE, rx.URL, rx.PUBLISHED_HINT)
    )


def parse_work(
    text: str,
    start: int = 0,
    end: int | None = None,
    origin: str = "note",
    known: frozenset[str] = frozenset(),
) -> Work | None:
    """Parse one published work cited in text[start:end], or None when the piece names none.

    `origin` "note" admits the short forms ("Hart, Empire of Ideas, pp. 142–144") and web pages;
    inside brackets of running text only the full forms (a book's publication facts, a quoted
    title with its periodical) count.
    """
    end = len(text) if end is None else end
    lo = _lead_in(text, start, end)
    core_hi, span_hi = _web_tail(text, lo, end)
    pub = rx.PUBLICATION.search(text, lo, core_hi)
    if (
        pub
        and rx.PROSE_AFTER.match(text, pub.end(), core_hi)
        and not rx.PAGES_OR_AND_AFTER.match(text, pub.end(), core_hi)
    ):
        core_hi = span_hi = pub.end()  # "... (Washington: GPO, 1948) as unilateral rather than ..."
    has_url = span_hi > core_hi or rx.URL.search(text, lo, end) is not None
    pin_pages: list[PageRange] = []
    pin = rx.PINPOINT.search(text, lo, core_hi)
    if pin and not text[pin.end() : core_hi].strip(" .,;"):
        pin_pages = note_pages(pin.group("ref"))
        core_hi = pin.start()
        span_hi = max(span_hi, pin.end()) if span_hi > core_hi else pin.end()
    segs = cut_segments(text, lo, core_hi)
    if not segs:
        return None
    work = _read(text, segs, origin, has_url, known)
    if work is None:
        return None
    if pin_pages:
        work.pages = [*(work.pages or []), *pin_pages]
    work.start = segs[0].start
    if span_hi > core_hi or pin_pages:
        work.end = span_hi
    return work


def _lead_in(text: str, lo: int, hi: int) -> int:
    """Skip a lead-in before the work ("the preface to", "sec. 205 of", prose before a quote)."""
    while True:
        m = rx.WORK_LEAD_IN.match(text, lo, hi)
        if not m or m.end() == lo:
            break
        lo = m.end()
    pub = rx.PUBLICATION.search(text, lo, hi)
    if pub:
        # "Eckert describes the U.S. decision to release Nazi-Soviet Relations, ... (Washington: ...)"
        runs = list(rx.PROSE_RUN3.finditer(text, lo, pub.start()))
        if (
            runs
            and not any(ch in text[lo : runs[-1].end()] for ch in '“"(')
            and text[lo : runs[-1].end()].count(",") == 0
        ):
            nxt = rx.NEXT_CAPITAL.search(text, runs[-1].end(), pub.start())
            if nxt:
                return nxt.end()
    quote = next((i for i in range(lo, hi) if text[i] in "“"), -1)
    if quote > lo:
        before = text[lo:quote]
        # "The most significant articles ... were “Turmoil ...”": prose, not an author segment
        if not before.rstrip().endswith(",") and "(" not in before and rx.PROSE_RUN.search(before):
            lo = quote
    return lo


def _read(
    text: str, segs: list[Seg], origin: str, has_url: bool, known: frozenset[str] = frozenset()
) -> Work | None:
    """The work of a piece's segments: first what holds it ("quoted in", "in" a collection),
    then who wrote it (a correspondence line, an author list, a writer's kind of document), then
    the fields of what follows."""
    work = Work(segs[0].start, segs[-1].end)
    # a work quoted or printed in another: "X to Y, quoted in Astrid Eckert, The Struggle ..."
    holder_i = next((i for i, s in enumerate(segs) if s.role == "holder"), None)
    if holder_i is not None and segs[holder_i].how in ("quoted in", "cited in") and holder_i + 1 < len(segs):
        inner = _read(text, segs[holder_i + 1 :], origin, has_url, known)
        if inner is not None:
            inner.start = segs[0].start
            inner.rule = "bibliographic.note.quoted-in"
            return inner
    item_i, item_authors = _item(text, segs)
    dated_before = holder_i is not None and holder_i > 0 and segs[holder_i - 1].role == "date"
    if (
        (item_i is not None or dated_before)
        and holder_i is not None
        and segs[holder_i].how == "in"
        and holder_i + 1 < len(segs)
    ):
        # an item printed in a published collection: the collection is the work, the item's date
        # says where in it ("Eisenhower to Churchill, March 22, 1955 in Peter Boyle, ed., ...")
        inner = _read(text, segs[holder_i + 1 :], origin, has_url, known)
        if inner is not None:
            item_date = next((s for s in segs[:holder_i] if s.role == "date"), None)
            inner.start = segs[0].start
            inner.date = _date_value(item_date.text) if item_date else inner.date
            inner.rule = "bibliographic.note.printed-in"
            return inner
    if item_i is not None:
        work.authors = [surname(text[a:b]) for a, b in item_authors]
        work.rule = "bibliographic.note.item"
        rest = segs[item_i:]
    else:
        quote_next = len(segs) > 1 and segs[1].role == "quote"
        book_next = (
            len(segs) > 1 and segs[1].role == "text" and any(rx.PUBLICATION.search(x.text) for x in segs[1:3])
        )
        # the short form of a note: "Chanda, Brother Enemy, 62", "Hart, Empire of Ideas, pp. 142–144"
        short = (
            origin == "note"
            and len(segs) == 3
            and segs[1].role == "text"
            and segs[1].text[:1].isupper()
            and (segs[2].role == "pages" or rx.BARE_PAGES.match(segs[2].text) is not None)
        )
        found = _author_list(text, segs, strong=quote_next or book_next or short, known=known)
        if found is not None and (len(segs) > found[0] or origin == "note"):
            used, names = found
            if _title_follows(segs, used, quote_next):
                work.authors = [surname(text[a:b]) for a, b in names]
                work.author_spans = names
                rest = segs[used:]
            else:
                rest = segs
        else:
            rest = segs
        if not work.authors and segs[0].role == "text" and (m := rx.GENRE_AFTER_NAME.match(segs[0].text)):
            name = m.group("name")
            if name_shaped(name) and person_evidence(name, text, known):
                a = segs[0].start
                work.authors = [surname(name)]
                work.author_spans = [(a, a + len(name))]
                work.rule = "bibliographic.note.item"
                rest = segs[1:]
    work.other_spans = _holder_names(text, segs, known)
    return _fields(text, segs, rest, work, origin, has_url)


def _holder_names(text: str, segs: list[Seg], known: frozenset[str]) -> list[tuple[int, int]]:
    """The authors or editors of the work that holds the cited one: "..., in Theoharis, A Culture
    of Secrecy", "Exhibit D in Tom Blanton and Kate Martin, “CIA Secrecy Lawsuit,” ..."."""
    out: list[tuple[int, int]] = []
    for i, s in enumerate(segs):
        if s.role == "edited-by":
            m = rx.EDITED_BY.match(s.text)
            if m:
                base = s.start + m.start("names")
                names = m.group("names")
                out.extend((base + a, base + b) for a, b in split_names(names, 0, len(names)))
        if s.role == "holder" and i + 2 < len(segs):
            found = _author_list(text, segs[i + 1 :], strong=True, known=known)
            if found is not None and segs[i + 1 + found[0]].role in ("quote", "text"):
                out.extend(found[1])
    return out


def _item(text: str, segs: list[Seg]) -> tuple[int | None, list[tuple[int, int]]]:
    """A correspondence line opening the piece: (index of the segment after it, writer's names).

    "Kimball to Warren Christopher with attached HAC report ..., May 10, 1996, ..." -> Kimball;
    "Task Force on Greater CIA Openness to Gates, ..." -> no person: no author.
    """
    if not segs or segs[0].role != "text":
        return None, []
    m = rx.CORRESPONDENCE_LINE.match(segs[0].text)
    if not m:
        return None, []
    sender = m.group("sender").strip()
    a = segs[0].start
    names = split_names(text, a, a + len(sender))
    if all(name_shaped(text[x:y]) for x, y in names):
        return 1, names
    return 1, []


def _title_follows(segs: list[Seg], used: int, quote_next: bool) -> bool:
    """After an author list comes a title: a quoted one, or a title segment (not a date: "Hansard,
    House of Commons Debates, March 17, 1955" names a paper, not an author)."""
    if used >= len(segs):
        return False
    nxt = segs[used]
    return nxt.role == "quote" or quote_next or (nxt.role == "text" and nxt.text[:1].isupper())


def _fields(
    text: str, segs: list[Seg], body: list[Seg], work: Work, origin: str, has_url: bool
) -> Work | None:
    """Title, year, date and pages from the segments after the authors."""
    pub = _first(rx.PUBLICATION, text, segs)
    issue = _first(rx.ISSUE, text, segs)
    quote_i = next((i for i, s in enumerate(body) if s.role == "quote"), None)
    periodical, issue_date, container_i = _periodical(text, body, quote_i, work, has_url)
    pages = _pages(text, segs, pub, issue)
    page_ref = any(rx.NOTE_PAGE_REF.search(text, s.start, s.end) for s in segs[1:])
    evidence = bool(pub or issue or periodical or has_url or page_ref or quote_i is not None)
    if origin != "note" and not (pub or issue or (periodical and quote_i is not None)):
        return None  # in brackets of running text only the full forms count
    short_form = bool(work.authors) and origin == "note" and _short_form(body)
    numbered = (
        origin == "note"
        and bool(body)
        and any(s.role == "text" and s.text[:1].isupper() for s in body)
        and any(s.role == "numbering" and not s.text.isdigit() for s in body)  # a bare number is no volume
    )
    if not (evidence or short_form or numbered):
        return None
    sourced = pub or issue or periodical or has_url or quote_i is not None or work.authors
    if not sourced and any(s.role == "date" for s in body):
        return None  # a dated document with no source: "Notes of Secretary’s Staff Meeting, ..."
    work.container = periodical
    if periodical and container_i is not None and (container_i > 0 or quote_i is not None):
        seg = body[container_i]
        at = text.find(periodical, seg.start, seg.end)
        if at >= 0:
            lead = len(periodical) - len(rx.LEADING_THE.sub("", periodical))  # "The American Archivist"
            work.container_span = (at + lead, at + len(periodical))
    # the year: the item's own date, else the publication's, else the issue's, else a dated title
    item_date = next((s for s in body if s.role == "date"), None)
    # a dated item: a correspondence line, a speech, or a quoted title with its own date right
    # after it ("Lyndon B. Johnson, “Address at Johns Hopkins University,” April 7, 1965, Public
    # Papers ..., (…, 1966)" -> 1965)
    dated_quote = quote_i is not None and quote_i + 1 < len(body) and body[quote_i + 1].role == "date"
    if (work.rule == "bibliographic.note.item" or dated_quote) and item_date is not None:
        work.year = _year_of(_date_value(item_date.text))
    elif pub:
        work.year = pub.group("year")
    elif issue_date:
        work.year = _year_of(issue_date)
    elif issue:
        work.year = _year_of(_date_value(issue.group("issue")))
    elif item_date is not None:
        work.year = _year_of(_date_value(item_date.text))
    work.date = issue_date
    if work.date and not work.year:
        work.year = _year_of(work.date)
    work.pages = pages or None
    if not work.year and quote_i is not None:
        work.year = _year_in_title(body[quote_i].quote or "")
    if not work.year:  # "Congressional Record, 90th Cong., 1st sess., 1967, ...": the session's year
        for a, b in pairwise(body):
            if a.role == "numbering" and rx.SESSION.search(a.text) and rx.BARE_YEAR.match(b.text):
                work.year = b.text
    if not work.year:  # a dated remark: "“...” (amended September 30, 2002)"
        for s in body:
            for m in rx.DATED_REMARK.finditer(text, s.start, s.end):
                work.year = work.year or _year_of(_date_value(m.group("date")))
    if not work.authors:
        title = _title(text, body, quote_i, periodical, container_i)
        if title is None:
            return None
        work.title = title
        if not work.year:
            work.year = _year_in_title(title)
        work.shares_author = quote_i == 0 or (pub is not None and body[0].role == "text")
    elif work.rule == "bibliographic.note":
        work.rule = "bibliographic.note.work"
    work.end = _span_end(text, segs)
    if not work.authors and not work.title:
        return None
    return work


def _short_form(body: list[Seg]) -> bool:
    """A title alone after the author: "Astrid Eckert, The Struggle for the Files" (a short form
    with no page), not the prose of "Bailey, Leopold, and Perkins represented the AHA"."""
    if len(body) == 2 and rx.BARE_PAGES.match(body[1].text):
        body = body[:1]  # "Chanda, Brother Enemy, 62"
    return (
        len(body) == 1
        and body[0].role == "text"
        and len(body[0].text.split()) >= 2
        and body[0].text[:1].isupper()
        and rx.PROSE_RUN.search(body[0].text) is None
        and not _ends_with_date(body[0].text)
    )


def _first(pattern: regex.Pattern[str], text: str, segs: list[Seg]) -> regex.Match[str] | None:
    for s in segs:
        m = pattern.search(text, s.start, s.end)
        if m:
            return m
    return None


def _periodical(
    text: str, body: list[Seg], quote_i: int | None, work: Work, has_url: bool = False
) -> tuple[str | None, str | None, int | None]:
    """The periodical that holds the piece, its issue date, and its segment's index.

    “Title,” Washington Post, March 7, 1953, p. 8 -> ("Washington Post", "1953-03-07");
    ... American Historical Review (July 1949) -> ("American Historical Review", "1949-07");
    Executive Order 12958, Federal Register, Vol. 60, No. 76, April 20, 1995 -> Federal Register;
    Letter to the Editor from Historian, January 6, 1949, Washington Post, p. 10 -> the Post;
    Hansard, House of Commons Debates, March 17, 1955, Vol. 538 (unsigned, no quote): the paper
    itself. A book series or a website is no periodical ("... Electronic Briefing Book No. 179").
    """
    for i, s in enumerate(body):  # an issue in brackets names its periodical: "Review (July 1949)"
        issue = rx.ISSUE.search(s.text) if s.role == "text" else None
        if issue and not rx.PUBLICATION.search(s.text):
            name = _last_title_part(s.text[: issue.start()])
            if name and not rx.MONOGRAPH.search(name):
                return name, _issue_value(issue.group("issue")), i
    if quote_i is not None:
        for q in [i for i, s in enumerate(body) if s.role == "quote"]:
            k = q + 1  # the quote right before the paper: "..., 1999 printed as “...,” SHAFR Newsletter"
            j = _dated_after(body, k + 1) if k < len(body) and _container_shaped(body[k]) else None
            if j is not None:
                return body[k].text, _date_value(body[j].text), k
        return None, None, None
    j = next((i for i, s in enumerate(body) if s.role == "date"), None)
    if j is None or j == 0 or rx.BRACKET_YEAR.match(body[j].text):
        return None, None, None
    head = body[:j]
    if any(s.role not in ("text", "numbering", "years") for s in head):
        return None, None, None
    after = body[j + 1 :]
    if not has_url and after and _container_shaped(after[0]) and all(a.role == "pages" for a in after[1:]):
        return (
            after[0].text,
            _date_value(body[j].text),
            j + 1,
        )  # "..., January 6, 1949, Washington Post, p. 10"
    for k in range(1, j):  # "Executive Order 12958, Federal Register, Vol. 60, No. 76, April 20, 1995"
        if (
            _container_shaped(body[k])
            and rx.DESIGNATION.match(_no_remark(body[k - 1].text))
            and _dated_after(body, k + 1) == j
        ):
            return body[k].text, _date_value(body[j].text), k
    name = text[head[0].start : head[-1].end]
    if has_url:
        return None, None, None  # "H–DIPLO article commentary, April 18, 2001, H–NET, URL": a site
    if work.authors or rx.GENRE_IN.search(name) or rx.MONOGRAPH.search(name):
        return None, None, None
    if all(a.role in ("numbering", "pages") or rx.BARE_PAGES.match(a.text) for a in after):
        return name, _date_value(body[j].text), 0  # "Hansard, House of Commons Debates, March 17, 1955"
    return None, None, None


def _issue_value(issue: str) -> str | None:
    """An issue's date; a bare year is the volume's year, not an issue ("(2001)" -> None)."""
    value = _date_value(issue)
    return value if value and (len(value) > 4 or not issue.strip().isdigit()) else None


def _last_title_part(piece: str) -> str:
    """The periodical's name before its issue: "1932 in the American Historical Review" -> "American
    Historical Review"; "Journal of Cold War Studies 3, no. 2" -> "Journal of Cold War Studies"."""
    piece = piece.strip(" ,")
    m = rx.PERIODICAL_AT_END.search(piece)
    name = m.group("name") if m else piece
    return rx.NUMBER_AT_END.sub("", name).strip()


def _container_shaped(s: Seg) -> bool:
    """Could the segment name a periodical: capitalised, not a book series, website, or document."""
    return (
        s.role == "text"
        and s.text[:1].isupper()
        and not rx.MONOGRAPH.search(s.text)
        and not rx.GENRE_START.match(s.text)
        and not rx.CORRESPONDENCE_LINE.match(s.text)
        and not any(ch.isdigit() for ch in s.text)  # "Special National Intelligence Estimate 53-2-64"
        and len(s.text.split()) <= 8
    )


def _dated_after(body: list[Seg], k: int) -> int | None:
    """Index of a date right after segment k-1, past numbering ("Vol. 60, No. 76, April 20, 1995")."""
    while k < len(body) and body[k].role == "numbering":
        k += 1
    if k < len(body) and body[k].role == "date" and not rx.BRACKET_YEAR.match(body[k].text):
        return k
    return None


def _no_remark(t: str) -> str:
    return rx.TITLE_REMARK.sub("", t).strip()


def _title(
    text: str, body: list[Seg], quote_i: int | None, periodical: str | None, container_i: int | None
) -> str | None:
    """The work's title where no person is its author (docs/annotation.md)."""
    if quote_i is not None:
        quoted = body[quote_i].quote or ""
        before = [s for s in body[:quote_i] if s.role == "text" and not rx.GENRE_WORD.match(s.text)]
        if periodical and container_i is not None and container_i == quote_i + 1 and not before:
            return periodical  # an unsigned newspaper or journal piece: the paper
        if (
            len(before) == 1
            and rx.DESIGNATION.match(before[0].text)
            and not rx.CONGRESSIONAL_NUMBER.match(before[0].text)
        ):
            return (
                f"{before[0].text}, {body[quote_i].text[: _closing_quote(body[quote_i].text) + 1]}".replace(
                    ",”", "”"
                )
            )
        return _clean(quoted)
    if periodical and container_i is not None and container_i > 0:
        first = body[0]
        if body[container_i - 1].role == "date" and not rx.DESIGNATION.match(_no_remark(first.text)):
            return periodical  # "Letter to the Editor from Historian, January 6, 1949, Washington Post"
    parts: list[Seg] = []
    for s in body[: container_i if periodical and container_i else len(body)]:
        if s.role in NOT_TITLE or (s.role == "text" and _is_owner(s, body)):
            break
        pub = rx.PUBLICATION.search(s.text) or rx.ISSUE.search(s.text)
        if pub:
            head = s.text[: pub.start()].strip()
            if head:
                parts.append(
                    Seg(
                        s.start,
                        s.start + len(head),
                        head,
                        role="numbering" if rx.NUMBERING.match(head) else "text",
                    )
                )
            break
        parts.append(s)
    if parts and all(p.role == "numbering" for p in parts) and rx.SERIES_VOLUME.match(parts[0].text):
        return _clean(text[parts[0].start : parts[-1].end])  # "vol. III" of a series named before
    while parts and (parts[-1].role == "numbering" or (len(parts) > 1 and rx.REMARK.match(parts[-1].text))):
        if rx.BARE_YEAR.match(parts[-1].text) and not (len(parts) > 1 and parts[-2].role == "numbering"):
            break  # "Public Papers of the Presidents ...: Lyndon B. Johnson, 1965": the title's year
        parts.pop()
    if not parts:
        site = next((s for s in body if s.role == "website"), None)
        return _clean(site.text) if site else None
    if all(p.role == "numbering" for p in parts):
        return None
    title = text[parts[0].start : parts[-1].end]
    return _clean(_no_remark(title))


def _is_owner(s: Seg, body: list[Seg]) -> bool:
    """A segment that names the owner of the website after it ("Federation of American
    Scientists, Project on Government Secrecy website")."""
    i = body.index(s)
    return i + 1 < len(body) and body[i + 1].role == "website"


def _clean(title: str) -> str | None:
    title = " ".join(title.split()).strip(" ,.;:")
    if title[:1] in OPEN_QUOTES and title[-1:] in CLOSE_QUOTES and _closing_quote(title) == len(title) - 1:
        title = title[1:-1].strip(" ,")
    return title or None


def _year_in_title(title: str) -> str | None:
    """A dated title names its year ("minutes of July 1995 HAC meeting", "Act of 2000"); a
    volume's years ("Foreign Relations ..., 1964–1968") do not."""
    m = rx.ACT_YEAR.search(title)
    if m:
        return m.group("year")
    dates = list(dates_in(title))
    for i, d in enumerate(dates):
        ranged = title[d.end : d.end + 1] in ("–", "-") or title[d.start - 1 : d.start] in ("–", "-")
        if d.norm and len(d.norm) >= 7 and d.norm[4] == "-" and "/" not in d.norm:
            if d.norm[:4].isdigit():
                if ranged:
                    continue  # "January 1961–September 1962": the period a volume covers
                return d.norm[:4]
            # "January 1–December 31, 2002": the range's year stands at its end
            later = dates[i + 1] if i + 1 < len(dates) else None
            if later and later.norm and later.norm[:4].isdigit() and later.start - d.end < 20:
                return later.norm[:4]
    return None


def _pages(
    text: str, segs: list[Seg], pub: regex.Match[str] | None, issue: regex.Match[str] | None
) -> list[PageRange]:
    """Every page reference after the title, and bare pages after a volume or the publication."""
    out: list[PageRange] = []
    after_vol = False
    # bare pages that end the piece after a date or publication facts: "..., 1962, 1, 18"
    tail = len(segs)
    while tail > 1 and rx.BARE_PAGES.match(segs[tail - 1].text):
        tail -= 1
    if tail < len(segs) - 1 and (segs[tail - 1].role == "date" or rx.PUBLICATION.search(segs[tail - 1].text)):
        for s in segs[tail:]:
            out.extend(note_pages(s.text))
        segs = segs[:tail]
    for i, s in enumerate(segs):
        if s.role == "pages":
            for m in rx.NOTE_PAGE_REF.finditer(text, s.start, s.end):
                out.extend(note_pages(m.group("list")))
        elif s.role == "numbering" and rx.VOLUME_WORD.match(s.text):
            after_vol = True
            continue
        elif s.role == "numbering" and (colon := rx.PAGES_AFTER_COLON.search(s.text)):
            out.extend(note_pages(colon.group("pages")))  # "Congressional Record, ..., pt. 4: 4721"
        elif (
            rx.BARE_PAGES.match(s.text)
            and i == len(segs) - 1
            and (
                after_vol
                or (pub and pub.end() <= s.start)
                or (issue and issue.end() <= s.start)
                or segs[i - 1].role == "date"  # "New York Times, June 13, 1971, 1"
                or (len(segs) == 3 and segs[1].role == "text")
            )
        ):
            out.extend(note_pages(s.text))
        elif s.role in ("text", "quote") and i > 0:
            for m in rx.NOTE_PAGE_REF.finditer(text, s.start, s.end):
                if not text[m.end() : s.end].strip() or text[m.end() : s.end].lstrip()[:1].islower():
                    out.extend(note_pages(m.group("list")))
        after_vol = False
    if issue and issue.group("pages"):
        out.extend(note_pages(issue.group("pages")))
    return out


def note_pages(items: str) -> list[PageRange]:
    """ "x and 146" -> [(146, 146)]; "2128, 2130, and 2140–2143"; "1456-58" -> (1456, 1458); a
    Roman or lettered page ("III–XVII", "E8") has no integer form and is left out."""
    out: list[PageRange] = []
    for item in rx.NOTE_PAGE_SPLIT.split(items.strip(" .,;")):
        item = item.strip(" .")
        if item.startswith(("p. ", "pp. ")):
            item = item.split(" ", 1)[1]
        m = rx.ARABIC_PAGES.match(item)
        if not m:
            continue
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if m.group(2) and last < first and len(m.group(2)) < len(m.group(1)):
            last = int(m.group(1)[: -len(m.group(2))] + m.group(2))
        out.append((first, last))
    return out


def _span_end(text: str, segs: list[Seg]) -> int:
    """The span ends with the last segment that belongs to the citation: pages end at their last
    page ("pp. 43–64 for background on ..."), and a trailing remark in prose is left out."""
    for s in reversed(segs):
        if (
            s.role == "text"
            and s is not segs[0]
            and rx.PROSE_RUN.match(s.text)
            and not any(ch.isdigit() for ch in s.text)
        ):
            continue  # ", which blamed the Chinese Nationalists for ..."
        refs = list(rx.NOTE_PAGE_REF.finditer(text, s.start, s.end))
        if refs and (s.role == "pages" or text[refs[-1].end() : s.end].lstrip()[:1].islower()):
            return refs[-1].end()
        return s.end
    return segs[-1].end


def to_citation(text: str, work: Work, section: Section = "text") -> Citation:
    """The record of a parsed work."""
    start, end = work.start, work.end
    while end > start and text[end - 1] in " .,;":
        end -= 1
    return Citation(
        start=start, end=end, kind="bibliographic", text=text[start:end], section=section,
        authors=list(work.authors), year=work.year, title=work.title, pages=work.pages,
        date=work.date, rule=work.rule,
    )  # fmt: skip


def with_series(text: str, work: Work, series: str | None) -> Work:
    """A later volume of a series listed after the first ("...; vol. XXII, Northeast Asia (URL)")
    takes the series' title stated once: "Foreign Relations of the United States, 1961–1963"."""
    if series is None or work.title is None or work.authors:
        return work
    m = rx.SERIES_VOLUME.match(work.title)
    if not m:
        return work
    work.title = f"{series}, {work.title}"
    return work


def series_of(title: str | None, piece: str) -> str | None:
    """The shared part of a volume's title that the next volumes of a list leave out: before
    ", vol." ("...; vol. XXII") or before the years ("...; and 1961–1963, vol. XXII")."""
    if not title:
        return None
    years = rx.YEARS_IN_TITLE.search(title)
    if piece and rx.SERIES_VOLUME.match(piece) and rx.SERIES_VOLUME.match(piece).group("years"):  # type: ignore[union-attr]
        return title[: years.start()] if years else None
    vol = rx.VOLUME_IN_TITLE.search(title)
    return title[: vol.start()] if vol else None
