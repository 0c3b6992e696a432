"""The level grammar of one archival locator, for every tradition (pure functions).

A locator is read as a sequence of tokens: an archive's name, level words with their values
("f. 5", "Оп. 75", "Box 12", "288. f."), codes ("FO 371/123456", "DY 30/IV 2/2.035/56",
"105-00650-02"), bare numbers in the archive's level order ("558/11/65"), and the named
segments between them ("CDF 1950–1954", "Dulles Papers", a folder title). Each token takes the
first level below the one read before it (fund > inventory > folder > file > subfile > pages), so
order, commas, periods, extra and missing levels need no alternative each; a level at or above
the last one read starts a new unit that shares the levels above it ("d. 4137, l. 1; d. 1943,
l. 1", "Box 16, 20 and Box 20, 10").

    >>> [u.fields for u in parse_locator("RGASPI, f. 17, op. 162, d. 39, ll. 1-3ob.").units]
    [{'fund': '17', 'inventory': '162', 'file': '39', 'pages': '1-3ob.'}]
    >>> [u.fields for u in parse_locator("NARA, RG 59, CDF 1950–1954, 023.1/3–2351").units]
    [{'fund': '59', 'inventory': 'CDF 1950–1954', 'file': '023.1/3–2351'}]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from nerpipe import regexes as rx
from nerpipe.archives import canonical_archive, shorthand, tradition
from nerpipe.levels import (
    LEVEL_INDEX,
    LevelWord,
    collection_words,
    level_words,
    repository_words,
    series_forms,
)

FUND, INVENTORY, FOLDER, FILE, SUBFILE, PAGES = (LEVEL_INDEX[k] for k in LEVEL_INDEX)
# Traditions whose locators go on in named segments (collections, series, folder titles); in the
# others a named segment after the numbers is the document's description.
NAMED_TRADITIONS = frozenset({"us", "fr", "pl", "cz", "vn", "de", "hu"})
COLLECTION_SUFFIXES, COLLECTION_PREFIXES = collection_words()
SERIES = regex.compile(
    r"(?:^|\s)(?:"
    + "|".join(regex.escape(f) for f in sorted(series_forms(), key=len, reverse=True))
    + r")(?=\s|$|[,:])"
    r"|(?:Series|Files|File)$",
)
REPOSITORY = regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in repository_words()) + r")\b")
# A web address or page is where a copy is read, never an archival level.
WEB = regex.compile(r"https?:|www\.|\bwebsite\b|\.(?:html?|pdf|cfm)\b")
CALL_NUMBER = regex.compile(r"^[A-Z][A-Za-z]{0,3}\.?\s?\d{1,6}[a-z]?$")
# Series abbreviations that are unit codes, never entities ("CDF", "CFPF", "SAS").
SERIES_CODE = regex.compile(r"\b[A-Z][A-Z/]{1,5}\b(?=\s|$)")
CODE_DIGITS = regex.compile(r"[\dA-Z][\d./–\-]*\d(?:\s\d/\d)?|\b[A-Z]{2,4}(?=\s\d)")


@dataclass(slots=True)
class Token:
    """One piece of a locator, with its offsets in the text."""

    kind: str  # archive, level, code, slash, spaced, named, hence
    start: int
    end: int
    text: str
    readings: tuple[LevelWord, ...] = ()
    value: str = ""
    value_span: tuple[int, int] = (0, 0)
    word_span: tuple[int, int] | None = None
    fields: dict[str, str] = field(default_factory=dict)
    sep: str = ","  # what stands before it: "," ";" "" (nothing but spaces) or "start"
    colon_after: bool = False


@dataclass(slots=True)
class Unit:
    """One archival unit: its level values and its own span (what it adds to the shared levels)."""

    fields: dict[str, str]
    start: int
    end: int


@dataclass(slots=True)
class Locator:
    """A parsed locator: the archive as written, its tradition, its units, where it stands."""

    archive: str | None
    archive_id: str | None
    tradition: str
    start: int
    end: int
    units: list[Unit]
    codes: list[tuple[int, int]]
    description_end: int  # where the text before the locator (title, date) ends


def _named_pieces(text: str, lo: int, hi: int) -> list[Token]:
    """The named segments of a gap between tokens: cut at commas and semicolons outside brackets
    and quotes, and at " and " between two dates ("November–December 1953 and January 1954")."""
    out: list[Token] = []
    depth = 0
    quote = False
    piece_start = lo
    sep = ","
    cuts: list[tuple[int, int, str]] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in '“”"':
            quote = ch == "“" or (ch == '"' and not quote)
        elif ch in ",;" and depth == 0 and not quote:
            cuts.append((piece_start, i, sep))
            piece_start, sep = i + 1, ch
    cuts.append((piece_start, hi, sep))
    for start, end, sep in cuts:
        for s, e, sp in _split_dates(text, start, end, sep):
            tok = _strip(text, s, e)
            if tok is not None:
                out.append(Token("named", tok[0], tok[1], text[tok[0] : tok[1]], sep=sp))
    return out


def _split_dates(text: str, start: int, end: int, sep: str) -> list[tuple[int, int, str]]:
    """ "January 1955 and January–February 1956" -> two pieces; "Malta and Yalta" stays one."""
    parts = list(rx.AND_SPLIT.finditer(text, start, end))
    if len(parts) != 1:
        return [(start, end, sep)]
    m = parts[0]
    left, right = text[start : m.start()].strip(" .:"), text[m.end() : end].strip(" .:")
    if _is_date_title(left) and _is_date_title(right):
        return [(start, m.start(), sep), (m.end(), end, ";")]
    return [(start, end, sep)]


def _is_date_title(piece: str) -> bool:
    """A folder title that is only a date or a number: "1947–1948", "January–October 1953", "16"."""
    piece = piece.strip()
    if rx.YEARS_ONLY.match(piece) or rx.NUMBER_ONLY.match(piece):
        return True
    from nerpipe.dates import find_dates

    dates = list(find_dates(piece))
    return len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(piece)


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim spaces, separators, a leading "and" and unbalanced brackets from a named piece."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in ".:;,"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".:;,"):
            end -= 1
        if text.startswith("and ", start) and end - start > 4:
            start += 4
        if text.startswith("& ", start):
            start += 2
        piece = text[start:end]
        if piece.endswith(" and") or piece.endswith(" &"):
            end = start + piece.rfind(" ")
        piece = text[start:end]
        if piece.startswith(("(", "[")) and piece.count("(") + piece.count("[") > piece.count(
            ")"
        ) + piece.count("]"):
            start += 1
        elif piece.endswith((")", "]")) and piece.count(")") + piece.count("]") > piece.count(
            "("
        ) + piece.count("["):
            end -= 1
        if (start, end) == before:
            break
    return (start, end) if end > start else None


def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """Every token of text[lo:hi], named segments included, in order."""
    raw: list[Token] = []
    for m in rx.LOCATOR_TOKEN.finditer(text, lo, hi):
        raw.append(_token(text, m))
    kept: list[Token] = []
    for tok in raw:
        if tok.kind in ("slash", "spaced") and not (
            kept and kept[-1].kind == "archive" and _adjacent(text, kept[-1], tok)
        ):
            continue  # bare numbers count only right after an archive's name: "RGASPI, 558/11/65"
        kept.append(tok)
    out: list[Token] = []
    pos = lo
    for tok in kept:
        gap = _named_pieces(text, pos, tok.start)
        between = text[(gap[-1].end if gap else pos) : tok.start]
        if gap and not between.strip() and tok.kind != "hence":
            gap[-1].kind = "qualifier"  # glued to the token: "WTC Lot File 83D222", "1951 in NARA"
        cut = max(between.rfind(","), between.rfind(";"))
        tok.sep = between[cut] if cut >= 0 else ("start" if not out and not gap else "")
        tok.colon_after = text[tok.end : tok.end + 3].lstrip().startswith(":")
        out.extend(gap)
        out.append(tok)
        pos = tok.end
    out.extend(_named_pieces(text, pos, hi))
    return out


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return regex.fullmatch(r"[\s,:.]*", text[a.end : b.start]) is not None


def _token(text: str, m: regex.Match[str]) -> Token:
    g = m.groupdict()
    if g.get("hence"):
        return Token("hence", m.start(), m.end(), m.group(), value=g["short"])
    if g.get("archive"):
        return Token("archive", m.start("archive"), m.end("archive"), g["archive"], value=g["archive"])
    if g.get("uk_fund"):
        fields = {"fund": g["uk_fund"], "inventory": g["uk_inventory"], "file": g["uk_file"]}
        if g.get("uk_subfile"):
            fields["subfile"] = g["uk_subfile"]
        return Token("code", m.start(), m.end(), m.group(), fields=fields, value="uk")
    if g.get("de_fund"):
        fields = {"fund": g["de_fund"], "file": g["de_file"]}
        return Token("code", m.start(), m.end(), m.group(), fields=fields, value="de")
    if g.get("cn_file"):
        return Token("code", m.start(), m.end(), m.group(), fields={"file": g["cn_file"]}, value="cn")
    if g.get("pword"):
        return Token(
            "level", m.start(), m.end(), m.group(), readings=tuple(level_words(g["pword"], postfix=True)),
            value=g["pvalue"], value_span=m.span("pvalue"), word_span=m.span("pword"),
        )  # fmt: skip
    if g.get("word"):
        readings = tuple(level_words(g["word"]))
        v_start, v_end = m.span("value")
        value = g["value"]
        if (
            "," in value
            and not any(w.level == "pages" for w in readings)
            and g["word"].lower() not in PLURAL_WORDS
        ):
            value = value.split(",")[0].rstrip()  # "Box 16, 20": the box, then a folder
            v_end = v_start + len(value)
        return Token(
            "level", m.start(), v_end, text[m.start() : v_end], readings=readings,
            value=value, value_span=(v_start, v_end), word_span=m.span("word"),
        )  # fmt: skip
    kind = "slash" if g.get("slash") else "spaced"
    return Token(kind, m.start(), m.end(), m.group(), value=m.group())


def _tradition_of(tokens: list[Token]) -> tuple[str, str | None, Token | None]:
    """The locator's tradition, from its archive or its codes; a US shape without either is "us"."""
    for tok in tokens:
        if tok.kind == "archive":
            archive_id = canonical_archive(tok.value)
            trad = tradition(archive_id)
            if trad:
                return trad, archive_id, tok
    for tok in tokens:
        if tok.kind == "code":
            return tok.value, None, None
    for tok in tokens:
        if tok.kind == "level" and any(
            w.form in ("RG", "Record Group", "Entry", "Lot File", "Lot") for w in tok.readings
        ):
            return "us", None, None
        if tok.kind == "named" and _is_collection(tok.text):
            return "us", None, None
    return "ru", None, None


def _is_collection(piece: str) -> bool:
    """ "Harriman Papers", "G. Bernard Noble Papers", "Papers of Dean Acheson" (not "Spaulding paper")."""
    if not piece[:1].isupper() or len(piece) > 80:
        return False
    words = piece.split()
    return (len(words) > 1 and words[-1] in COLLECTION_SUFFIXES) or any(
        piece.startswith(p + " ") for p in COLLECTION_PREFIXES
    )


def _readings(tok: Token, trad: str) -> list[LevelWord]:
    return [w for w in tok.readings if w.allowed(trad)]


def _is_anchor(tok: Token, trad: str) -> bool:
    if tok.kind in ("archive", "code"):
        return True
    if tok.kind == "level":
        return any(w.level == "fund" or w.value in ("code", "lot") for w in _readings(tok, trad))
    return tok.kind == "named" and (
        _is_collection(tok.text) or (trad == "us" and SERIES.search(tok.text) is not None)
    )


def _choose(tok: Token, trad: str, cur: int, later: list[Token]) -> LevelWord | None:
    """The reading of a level word at this place: the first level below `cur` (a reading that
    needs a lower level after it gets one only if one follows), else the shallowest (a new unit)."""
    readings = _readings(tok, trad)
    for w in readings:
        if w.level == "reel":
            return w
    ordered = sorted(readings, key=lambda w: LEVEL_INDEX[w.level])
    for w in ordered:
        idx = LEVEL_INDEX[w.level]
        if idx <= cur:
            continue
        if w.lower and not any(
            idx < LEVEL_INDEX[r.level] < PAGES
            for t in later
            if t.kind == "level"
            for r in _readings(t, trad)
            if r.level != "reel"
        ):
            continue
        return w
    plain = [w for w in ordered if not w.lower]
    return plain[0] if plain else None


def _values(tok: Token, w: LevelWord) -> list[str]:
    """One value, or several for a plural word ("dd. 12, 14"); pages keep their whole list."""
    value = tok.value.strip()
    if w.keep:
        return [tok.text.strip()]
    if w.level == "pages":
        return [value]
    items = [v.strip() for v in value.split(",") if v.strip()]
    plural = tok.word_span is not None and _plural(tok)
    return items if plural else items[:1]


PLURAL_WORDS = frozenset({"dd.", "дд.", "boxes", "files", "dela", "folders", "items", "nos.", "cartons"})


def _plural(tok: Token) -> bool:
    word = tok.text[: tok.value_span[0] - tok.start].strip(" ,:").lower()
    return word in PLURAL_WORDS


def parse_locator(
    text: str, lo: int = 0, hi: int | None = None, context: dict[str, str] | None = None
) -> Locator:
    """Read the locator in text[lo:hi] (a parenthesis, a note's piece, an inline window).

    `context` carries the levels of the previous unit for a piece that only adds a folder
    ("...Box 5, 1947–1948; 1949–1950"): the piece then needs no anchor of its own.
    """
    hi = len(text) if hi is None else hi
    tokens = [t for t in tokenize(text, lo, hi) if t.kind != "hence"]
    trad, archive_id, archive_tok = _tradition_of(tokens)
    if context is not None:
        trad = context.get("_tradition", trad)
    anchor = next((i for i, t in enumerate(tokens) if _is_anchor(t, trad) and t.kind != "archive"), None)
    archives = [i for i, t in enumerate(tokens) if t.kind == "archive" and (anchor is None or i < anchor)]
    if (
        archives
    ):  # the archive named last before the levels: "Phillips to Department of State, ..., NARA, RG 59"
        anchor = archives[-1]
        archive_tok = tokens[anchor]
        archive_id = canonical_archive(archive_tok.value)
        trad = tradition(archive_id) or trad
        if anchor == len(tokens) - 1:
            return Locator(None, None, trad, hi, hi, [], [], hi)
    if anchor is None and context is None:
        return Locator(None, None, trad, hi, hi, [], [], hi)
    start_index = anchor if anchor is not None else 0
    archive_text = None
    if archive_tok is not None and tokens.index(archive_tok) >= start_index:
        archive_text = archive_tok.value
    elif anchor is not None and context is None:
        # a repository the registry does not know: the named pieces right before the anchor
        # that name an institution ("Reed College", "University of Oregon, Special Collections")
        i = anchor
        while (
            i > 0
            and tokens[i - 1].kind == "named"
            and REPOSITORY.search(tokens[i - 1].text)
            and not rx.CORRESPONDENCE.search(tokens[i - 1].text)
        ):
            i -= 1
        if i < anchor:
            archive_text = text[tokens[i].start : tokens[anchor - 1].end]
            start_index = i
    walk_from = start_index if archive_text is None or archive_tok is not None else anchor or 0
    units, codes, end = _assign(text, tokens, walk_from, trad, archive_id, context)
    first = tokens[start_index].start if tokens else hi
    if archive_tok is not None and archive_text == archive_tok.value:
        first = archive_tok.start
    return Locator(archive_text, archive_id, trad, first, end, units, codes, first)


def _assign(
    text: str,
    tokens: list[Token],
    start_index: int,
    trad: str,
    archive_id: str | None,
    context: dict[str, str] | None,
) -> tuple[list[Unit], list[tuple[int, int]], int]:
    """Walk the tokens from the anchor, giving each its level; return the units, the offsets of
    level words and codes (never entities) and where the locator ends."""
    named_order = [lvl for lvl in shorthand(archive_id) if lvl not in ("folder", "pages")]
    if trad == "us" and archive_id is None:
        named_order = ["fund", "inventory", "file"]
    fields: dict[str, str] = {k: v for k, v in (context or {}).items() if k in LEVEL_INDEX}
    cur = max((LEVEL_INDEX[k] for k in fields if k != "pages"), default=-1)
    pending = context is not None  # a continuation: its first level replaces the context's
    starts: dict[str, int] = {}  # where a named level's value starts (it may run over commas)
    named_levels: set[str] = set()  # levels filled from named pieces (a lot or entry replaces them)
    units: list[Unit] = []
    codes: list[tuple[int, int]] = []
    unit_start = tokens[start_index].start if tokens else 0
    end = unit_start
    drop_named = False
    archive_seen: str | None = None
    previous: Token | None = None

    def close(at_level: int, start: int) -> None:
        nonlocal fields, unit_start, pending
        if not pending:
            units.append(Unit(dict(fields), unit_start, end))
            unit_start = start
        pending = False
        fields = {k: v for k, v in fields.items() if LEVEL_INDEX[k] < at_level}

    body = tokens[start_index:]
    for i, tok in enumerate(body):
        later = body[i + 1 :]
        if tok.kind == "archive":
            same = canonical_archive(tok.value)
            if archive_seen is not None and same != archive_seen:
                break  # a second archive: another locator
            if archive_seen is None and cur >= FUND and not pending:
                break
            archive_seen = same
            end = tok.end
            previous = tok
            continue
        if tok.kind == "qualifier":
            continue
        if tok.kind == "code":
            top = min(LEVEL_INDEX[k] for k in tok.fields)
            if top <= cur:
                close(top, tok.start)
            fields.update(tok.fields)
            cur = max(LEVEL_INDEX[k] for k in tok.fields)
            codes.append((tok.start, tok.end))
            end = tok.end
        elif tok.kind in ("slash", "spaced"):
            parts = regex.split(r"/|\s+", tok.value.strip())
            for name, value in zip(shorthand(archive_id), parts, strict=False):
                fields[name] = value
            cur = max(LEVEL_INDEX[k] for k in fields if k != "pages")
            codes.append((tok.start, tok.end))
            end = tok.end
        elif tok.kind == "level":
            w = _choose(tok, trad, cur, later)
            if w is None:
                break
            if tok.word_span:
                codes.append(tok.word_span)
            if w.level == "reel":
                fields["reel"] = tok.value.strip()
                codes.append(tok.value_span)
                end = tok.end
                previous = tok
                continue
            idx = LEVEL_INDEX[w.level]
            if w.value in ("lot", "code") and named_levels and idx <= cur:
                for named in named_levels:  # "..., Office of the Historian, ... Files (Lot File 13D222)"
                    fields.pop(named, None)
                cur = max((LEVEL_INDEX[k] for k in fields if k != "pages"), default=-1)
                named_levels.clear()
            if idx <= cur or (idx == PAGES and "pages" in fields):
                close(idx, tok.start)
            values = _values(tok, w)
            fields[w.level] = values[0]
            for extra in values[1:]:  # "dd. 12, 14": one unit each
                close(idx, tok.start)
                fields[w.level] = extra
            codes.append(tok.value_span if not w.keep else (tok.start, tok.end))
            if idx < PAGES:
                cur = idx
            drop_named = w.value in ("code", "lot") and tok.colon_after
            end = tok.end
        else:  # a named piece
            if drop_named:
                if not later or later[0].kind != "named":
                    drop_named = False
                end = tok.end  # the entry's title: "Entry A1–5066: Bureau of Public Affairs, ..."
                continue
            if trad not in NAMED_TRADITIONS or WEB.search(tok.text):
                break  # "..., file 721: Document of ...": the description; a web page is no unit
            if (
                previous is not None
                and previous.kind == "named"
                and _is_collection(previous.text)
                and CALL_NUMBER.match(tok.text)
            ):
                end = tok.end  # "Bryton Barron Papers, Ax 463": the call number is no level
                previous = tok
                continue
            level = _named_level(tok, cur, later, named_order, previous)
            if level is None:
                break
            idx = LEVEL_INDEX[level]
            if level in fields and tok.sep == "," and level in starts and idx == cur and not pending:
                fields[level] = text[starts[level] : tok.end]  # one title across its commas
            else:
                if idx <= cur:
                    close(idx, tok.start)
                fields[level] = tok.text
                starts[level] = tok.start
                named_levels.add(level)
            _series_codes(tok, level, codes)
            cur = max(cur, idx)
            end = tok.end
        previous = tok
    if not pending:
        units.append(Unit(dict(fields), unit_start, end))
    return [u for u in units if u.fields], codes, end


def _named_level(
    tok: Token, cur: int, later: list[Token], order: list[str], previous: Token | None
) -> str | None:
    """The level of a named piece: a collection is the fund, a series the inventory, a date after a
    series belongs to it, and a plain name takes the next level of the archive's order; after a
    container every name is the folder's title (the file)."""
    container_later = any(
        t.kind == "level" and any(r.level == "folder" and not r.lower for r in t.readings)
        for t in later
        if t.sep != ";"
    )
    if _is_collection(tok.text) and cur < FUND:
        return "fund"
    if tok.sep == ";" and cur >= FILE:
        return "file"  # "Box 5, 1947–1948; 1949–1950": another folder of the same box
    if cur >= FOLDER:
        return "file"
    if (
        rx.YEARS_ONLY.match(tok.text)
        and previous is not None
        and previous.kind == "named"
        and cur in (FUND, INVENTORY)
    ):
        return "inventory" if cur == INVENTORY else "fund"
    if SERIES.search(tok.text) and cur < INVENTORY:
        return "inventory"
    if cur == INVENTORY and container_later:
        return "inventory"
    for level in order:
        if LEVEL_INDEX[level] > cur:
            if level == "file" and container_later:
                return "inventory" if cur < INVENTORY else None
            return level
    return "file" if cur <= FILE else None


def _series_codes(tok: Token, level: str, codes: list[tuple[int, int]]) -> None:
    """Unit codes inside a named piece: a series abbreviation ("CDF"), a decimal or subject file
    ("811.00/5–1645", "POL 27"); the names and dates around them stay entities."""
    if level == "inventory":
        m = SERIES_CODE.match(tok.text)
        if m:
            codes.append((tok.start + m.start(), tok.start + m.end()))
    elif level == "file" and rx.DECIMAL_FILE.match(tok.text):
        for m in CODE_DIGITS.finditer(tok.text):
            codes.append((tok.start + m.start(), tok.start + m.end()))


def is_record(unit: Unit, locator: Locator) -> bool:
    """A unit is a record when it names a fonds and a level below it, a code that identifies a file
    on its own ("FO 371/123456", "105-00650-02"), or, under a named archive, two levels below."""
    f = unit.fields
    below = [k for k in ("inventory", "folder", "file") if f.get(k)]
    if f.get("fund") and below:
        return True
    if locator.tradition == "cn" and f.get("file"):
        return True
    return bool(locator.archive) and len(below) >= 2
