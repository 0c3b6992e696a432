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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice

import regex

from nerpipe import regexes as rx
from nerpipe.archives import canonical_archive, is_registered, places, shorthand, tradition
from nerpipe.levels import (
    LEVEL_INDEX,
    LevelWord,
    collection_words,
    implied_archive,
    level_words,
    named_words,
    repository_words,
    series_forms,
    skeleton,
)

FUND, INVENTORY, FOLDER, FILE, SUBFILE, PAGES = (LEVEL_INDEX[k] for k in LEVEL_INDEX)
# Traditions whose locators go on in named segments (collections, series, folder titles); in the
# others a named segment after the numbers is the document's description.
NAMED_TRADITIONS = frozenset({"us", "fr", "pl", "cz", "vn", "de", "hu", "ro"})
# The levels a named piece may take; a container (box, carton) always has its word.
STRUCTURAL = ("fund", "inventory", "file")
# Traditions whose call numbers join a fonds or series code and the article's number ("GR 10 H
# 164", "CONSPOL 123", "BU 1585/4112"), with the levels the code may take there.
COTE_LEVELS = {"fr": ("fund", "inventory"), "pl": ("fund",)}
# Traditions that number a document inside the file with a registry number and its year ("00123/1966").
REGISTRY_TRADITIONS = frozenset({"hu"})
# What stands before an archive's name in a locator: nothing, a separator or a lead-in ("in",
# "both in", "see", "cf."), never a word of a title ("Inside the State Department") or an
# addressee's "to" ("Robert Hill to Department of State").
ARCHIVE_LEAD = regex.compile(
    r"(?:^|[,;:(\[—–.-]|\b(?:[Ii]n|[Aa]t|[Ss]ee|[Aa]lso|[Aa]nd|[Bb]oth\s+in|[Aa]ll\s+in|formerly|now|then))\s*$"
)
# Bare numbers ("558/11/65", "R9401 2 65", "B1-2-1234") count only right after an archive's name.
SHORTHAND_KINDS = frozenset({"slash", "spaced", "hyphen"})
COLLECTION_SUFFIXES, COLLECTION_PREFIXES = collection_words()
SERIES = regex.compile(
    r"(?:^|\s)(?:"
    + "|".join(regex.escape(f) for f in sorted(series_forms(), key=len, reverse=True))
    + r")(?=\s|$|[,:])"
    r"|\b(?:Series|Files|File)(?:\s+\d{4}(?:\s*[-–]\s*\d{2,4})?)?$",  # "Geographic File 1954–56"
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
    archive_id: str | None = None  # an archive token's registry id


@dataclass(slots=True)
class Unit:
    """One archival unit: its level values and its own span (what it adds to the shared levels)."""

    fields: dict[str, str]
    start: int
    end: int
    how: dict[str, str] = field(default_factory=dict)  # level -> "word", "explicit", "named", "code"


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
    implied: str | None = None  # the archive a bare code evidently means ("RG 59": NARA)


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
        if (
            piece.startswith(("(", "["))
            and piece.count("(") + piece.count("[") > piece.count(")") + piece.count("]")
        ) or piece.startswith((")", "]")):
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
    quoted = _quoted_spans(text, lo, hi)
    for m in rx.LOCATOR_TOKEN.finditer(text, lo, hi):
        if quoted and any(a < m.start() and m.end() <= b for a, b in quoted):
            continue  # inside a quoted title: '“Vietnam Memos (A), Vol. 32”', '“Department of State Publication ...”'
        raw.append(_token(text, m))
    kept: list[Token] = []
    for tok in raw:
        if tok.kind in SHORTHAND_KINDS and not _after_archive(text, kept, tok, lo):
            continue  # bare numbers count only right after an archive's name: "RGASPI, 558/11/65"
        if tok.kind == "archive" and not ARCHIVE_LEAD.search(text[max(lo, tok.start - 16) : tok.start]):
            continue  # inside a title or a correspondence line: "Inside the State Department", "Hill to Department of State"
        kept.append(tok)
    out: list[Token] = []
    pos = lo
    for tok in kept:
        gap = _named_pieces(text, pos, tok.start)
        between = text[(gap[-1].end if gap else pos) : tok.start]
        if gap and not between.strip() and _in_name(gap[-1], tok):
            gap[-1] = Token("named", gap[-1].start, tok.end, text[gap[-1].start : tok.end], sep=gap[-1].sep)
            out.extend(gap)
            pos = tok.end
            continue
        if gap and not between.strip() and tok.kind != "hence":
            gap[-1].kind = "qualifier"  # glued to the token: "WTC Lot File 83D222", "1951 in NARA"
        elif gap and not between.strip(" .:") and tok.kind == "code" and _only_level_words(gap[-1].text):
            gap[-1].kind = "qualifier"  # "file no. 117-00761-01", "档号 106-00127-03"
        cut = max(between.rfind(","), between.rfind(";"))
        tok.sep = between[cut] if cut >= 0 else ("start" if not out and not gap else "")
        tok.colon_after = text[tok.end : tok.end + 3].lstrip().startswith(":")
        out.extend(gap)
        out.append(tok)
        pos = tok.end
    out.extend(_named_pieces(text, pos, hi))
    return out


def _quoted_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches of text[lo:hi] inside curly double quotes (titles): [(open, close)]."""
    out: list[tuple[int, int]] = []
    start = text.find("“", lo, hi)
    while start >= 0:
        end = text.find("”", start + 1, hi)
        if end < 0:
            break
        out.append((start, end))
        start = text.find("“", end + 1, hi)
    return out


def _only_level_words(piece: str) -> bool:
    """Is `piece` nothing but level words ("file no.", "档号")?"""
    words = piece.split()
    return bool(words) and all(level_words(w) or level_words(w + ".") for w in words)


def _in_name(piece: Token, tok: Token) -> bool:
    """Is a level word with a year part of the name glued before it: "Central Decimal File
    1955–59", "Subject-Numeric Files 1963" (a series), not a file numbered 1955?"""
    words = piece.text.split()
    return (
        tok.kind == "level"
        and bool(words)
        and words[-1][:1].isupper()
        and rx.YEARS_ONLY.match(tok.value.strip()) is not None
    )


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return regex.fullmatch(r"[\s,:.]*", text[a.end : b.start]) is not None


def _after_archive(text: str, kept: list[Token], tok: Token, lo: int) -> bool:
    """Does shorthand `tok` follow an archive's name: a registered one ("RGASPI, 558/11/65") or a
    repository written out ("Jiangsu Provincial Archives, 3124-2-156")?"""
    if kept and kept[-1].kind == "archive":
        return _adjacent(text, kept[-1], tok)
    gap = text[kept[-1].end if kept else lo : tok.start].rstrip()
    if not gap.endswith(","):
        return False
    piece = gap[:-1].rsplit(",", 1)[-1].rsplit(";", 1)[-1].strip()
    return REPOSITORY.search(piece) is not None and rx.CORRESPONDENCE.search(piece) is None


class _Groups:
    """`m.group(name)` on demand: `LOCATOR_TOKEN` has dozens of named groups, and `groupdict()`
    built them all for every token (8% of the time on a long locator)."""

    __slots__ = ("m",)

    def __init__(self, m: regex.Match[str]) -> None:
        self.m = m

    def get(self, name: str) -> str | None:
        value: str | None = self.m.group(name)
        return value

    def __getitem__(self, name: str) -> str:  # a group the alternative that matched has set
        value: str = self.m.group(name)
        return value


def _token(text: str, m: regex.Match[str]) -> Token:
    g = _Groups(m)
    if g.get("hence"):
        return Token("hence", m.start(), m.end(), m.group(), value=g["short"])
    if g.get("archive"):
        alias = g["archive"]
        return Token(
            "archive",
            m.start("archive"),
            m.end("archive"),
            alias,
            value=alias,
            archive_id=canonical_archive(alias),
        )
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
            fields={"inventory": g["pseries"]} if g.get("pseries") else {},
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
    kind = next(k for k in ("slash", "hyphen", "spaced") if g.get(k))
    fields = {"pages": g["slash_pages"]} if g.get("slash_pages") else {}
    return Token(kind, m.start(), m.end(), m.group(), value=g[kind], fields=fields)


def _tradition_of(tokens: list[Token]) -> tuple[str, str | None, Token | None]:
    """The locator's tradition, from its archive or its codes; a US shape without either is "us"."""
    for tok in tokens:
        if tok.kind == "archive":
            trad = tradition(tok.archive_id)
            if trad:
                return trad, tok.archive_id, tok
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
    piece = piece.strip("“”\"' ")
    if not piece[:1].isupper() or len(piece) > 80:
        return False
    words = piece.split()
    return (len(words) > 1 and words[-1] in COLLECTION_SUFFIXES) or any(
        piece.startswith(p + " ") for p in COLLECTION_PREFIXES
    )


def _readings(tok: Token, trad: str) -> list[LevelWord]:
    return [w for w in tok.readings if w.allowed(trad)]


def _is_anchor(tok: Token, trad: str) -> bool:
    """May `tok` open a locator: an archive, a code, a fund or series word, a collection, a named
    US series, a level word with a name ("Phông Phủ Thủ tướng", "fond CC al PCR")?"""
    if tok.kind in ("archive", "code") or tok.kind in SHORTHAND_KINDS:
        return True
    if tok.kind == "level":
        return any(w.level == "fund" or w.value in ("code", "lot", "accession") for w in _readings(tok, trad))
    if tok.kind != "named":
        return False
    explicit = _explicit(tok.text, trad)
    if explicit is not None and explicit[0][0].level == "fund":
        return True
    return _is_collection(tok.text) or (trad == "us" and SERIES.search(tok.text) is not None)


def _explicit(piece: str, trad: str) -> tuple[list[LevelWord], int, int] | None:
    """A named piece led or closed by a level word: (its readings, where its value starts and ends).

    >>> ws, s, e = _explicit("Phông Phủ Thủ tướng", "vn"); (ws[0].level, "Phông Phủ Thủ tướng"[s:e])
    ('fund', 'Phủ Thủ tướng')
    """
    words = piece.split(" ")
    if len(words) < 2:
        return None
    heads, tails = _named_forms(trad)
    for k in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:k])
        bare = head.removesuffix(":")  # "Folder: Vietnam 1965"
        found = heads.get(bare) or heads.get(skeleton(bare))
        if found:
            return found, len(head) + 1, len(piece)
    for k in range(min(2, len(words) - 1), 0, -1):
        tail = " ".join(words[-k:])
        found = tails.get(tail)
        if found:
            return found, 0, len(piece) - len(tail) - 1
    return None


@cache
def _named_forms(trad: str) -> tuple[dict[str, list[LevelWord]], dict[str, list[LevelWord]]]:
    """The level words that stand with a name in `trad`, by form: (before the name, after it);
    a case-folded form is keyed by its skeleton, an exact one as written."""
    heads: dict[str, list[LevelWord]] = {}
    tails: dict[str, list[LevelWord]] = {}
    for w in named_words(postfix=False):
        if w.allowed(trad):
            heads.setdefault(w.form if w.exact else skeleton(w.form), []).append(w)
    for w in named_words(postfix=True):
        if w.allowed(trad):
            tails.setdefault(w.form, []).append(w)
    return heads, tails


def _choose(tok: Token, trad: str, cur: int, later: Sequence[Token]) -> LevelWord | None:
    """The reading of a level word at this place: the first level below `cur` (after a ";" the
    first from the top; a reading that needs a lower level after it gets one only if one
    follows), else the shallowest (a new unit)."""
    readings = _readings(tok, trad)
    for w in readings:
        if w.level == "reel":
            return w
    if tok.sep == ";":
        cur = -1  # "...; f. 89, op. 45, ...": after a semicolon a unit may restate its levels from the top
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


def _is_place(piece: str, archive_id: str | None) -> bool:
    """Is `piece` the seat, state or division of the archive ("Moscow", "College Park", "MD")?"""
    return bool(archive_id) and piece.strip(" ()[],") in places(archive_id)


def _hence_archives(tokens: list[Token]) -> list[Token]:
    """Drop the "(hereafter X)" tokens; where X is a registered archive and a name stands right
    before it, that name is the archive: "Central Archive of the Ministry of Defence of the
    Russian Federation (hereafter TsAMO)"."""
    out: list[Token] = []
    for tok in tokens:
        if tok.kind != "hence":
            out.append(tok)
            continue
        archive_id = canonical_archive(tok.value)
        if archive_id and is_registered(archive_id) and out and out[-1].kind in ("named", "qualifier"):
            name = out.pop()
            out.append(
                Token(
                    "archive",
                    name.start,
                    tok.end,
                    tok.value,
                    value=tok.value,
                    sep=name.sep,
                    archive_id=archive_id,
                )
            )
    return out


def _group_archives(text: str, tokens: list[Token]) -> list[Token]:
    """One archive token for a name and what restates it: its places ("Moscow", "College Park,
    MD", "Manuscript Division" before or after it) and its other names in brackets ("RGANI
    (formerly TsKhSD)", "Russian State Military Archive (RGVA)", "NA, A ÚV KSČ")."""
    out: list[Token] = []
    last: int | None = None  # the index in `out` of its last archive token (kept, not searched: linear)
    for tok in tokens:
        if tok.kind == "archive" and last is not None and out[last].archive_id == tok.archive_id:
            between = text[out[last].end : tok.start]
            if rx.ARCHIVE_RESTATED.match(between):
                del out[last + 1 :]
                out[last].end = _after_bracket(text, tok.end)
                continue
        if (
            tok.kind in ("named", "qualifier")
            and out
            and out[-1].kind == "archive"
            and _is_place(tok.text, out[-1].archive_id)
        ):
            out[-1].end = _after_bracket(text, tok.end)
            continue
        if (
            tok.kind == "archive"
            and out
            and out[-1].kind == "named"
            and _is_place(out[-1].text, tok.archive_id)
        ):
            out.pop()  # "W. Averell Harriman Papers, Manuscript Division, Library of Congress"
        out.append(tok)
        if tok.kind == "archive":
            last = len(out) - 1
    return out


def _after_bracket(text: str, end: int) -> int:
    """`end`, or past the closing bracket right after it ("(TsKhSD)")."""
    m = regex.match(r"\s*\)", text[end : end + 4])
    return end + m.end() if m else end


def _below_container(tok: Token, trad: str) -> bool:
    """Is `tok` a folder or a box, as a smallest-to-largest US citation opens ("“Horn of Africa”
    folder, Box 1, ...", "folder CCS 092 Asia; Box 12; ...")?"""
    if tok.kind == "level":
        return any(w.level in ("folder", "file") and not w.lower for w in _readings(tok, trad))
    if tok.kind == "named":
        explicit = _explicit(tok.text, trad)
        return explicit is not None and explicit[0][0].level == "file"
    return False


def parse_locator(
    text: str, lo: int = 0, hi: int | None = None, context: dict[str, str] | None = None
) -> Locator:
    """Read the locator in text[lo:hi] (a parenthesis, a note's piece, an inline window).

    `context` carries the levels of the previous unit for a piece that only adds a folder
    ("...Box 5, 1947–1948; 1949–1950"): the piece then needs no anchor of its own. Without a
    context the result is cached: cutting a note into citations reads the same stretch again.
    """
    hi = len(text) if hi is None else hi
    if context is None:
        return _parse_locator_cached(text, lo, hi)
    return _parse_locator(text, lo, hi, context)


@lru_cache(maxsize=16)  # a few stretches of the note being read; holds no old documents
def _parse_locator_cached(text: str, lo: int, hi: int) -> Locator:
    return _parse_locator(text, lo, hi, None)


def _parse_locator(text: str, lo: int, hi: int, context: dict[str, str] | None) -> Locator:
    tokens = _group_archives(text, _hence_archives(tokenize(text, lo, hi)))
    trad, archive_id, archive_tok = _tradition_of(tokens)
    if context is not None:
        trad = context.get("_tradition", trad)
    anchor = next((i for i, t in enumerate(tokens) if t.kind != "archive" and _is_anchor(t, trad)), None)
    archives = [i for i, t in enumerate(tokens) if t.kind == "archive" and (anchor is None or i < anchor)]
    if (
        archives
    ):  # the archive named last before the levels: "Phillips to Department of State, ..., NARA, RG 59"
        anchor = archives[-1]
        archive_tok = tokens[anchor]
        archive_id = archive_tok.archive_id
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
    reversed_order = False
    if trad in NAMED_TRADITIONS and context is None and tokens[walk_from].kind != "archive":
        i = walk_from
        while i > 0 and _below_container(tokens[i - 1], trad):
            i -= 1
        reversed_order = i < walk_from
        walk_from = i
        start_index = min(start_index, i)
    walk = _Walk(text, tokens, walk_from, trad, archive_id, context, reversed_order)
    walk.run()
    if archive_text is None and walk.end_archive is not None:  # "RG 59, ..., Box 7, NARA"
        archive_text, archive_id = walk.end_archive.value, walk.end_archive.archive_id
    first = tokens[start_index].start if tokens else hi
    implied = None
    if archive_text is None:
        implied = walk.implied or implied_archive(trad)
    return Locator(archive_text, archive_id, trad, first, walk.end, walk.units, walk.codes, first, implied)


class _Rest(Sequence[Token]):
    """The tokens after the one being read, as a view: a slice per token would copy the rest of a
    long locator at every step (quadratic on "Fund 1, inventory 2, file " repeated)."""

    __slots__ = ("_items", "_start")

    def __init__(self, items: list[Token], start: int) -> None:
        self._items, self._start = items, start

    def __len__(self) -> int:
        return max(0, len(self._items) - self._start)

    def __getitem__(self, i: int) -> Token:  # type: ignore[override]  # no slices are taken
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._items[self._start + i]

    def __iter__(self) -> Iterator[Token]:
        return islice(self._items, self._start, None)


class _Walk:
    """The walk over a locator's tokens from its anchor: each token gets its level, and a level
    stated again opens a new unit that shares what was stated before it."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        start: int,
        trad: str,
        archive_id: str | None,
        context: dict[str, str] | None,
        reversed_order: bool,
    ) -> None:
        self.text, self.trad, self.archive_id = text, trad, archive_id
        self.body = tokens[start:]
        self.named_trad = trad in NAMED_TRADITIONS
        order = [lvl for lvl in shorthand(archive_id) if lvl in STRUCTURAL]
        self.order = order if archive_id or trad != "us" else list(STRUCTURAL)
        self.reversed = reversed_order
        self.fields: dict[str, str] = {k: v for k, v in (context or {}).items() if k in LEVEL_INDEX}
        self.filled: list[str] = list(self.fields)  # levels in the order they were stated
        self.how: dict[str, str] = {k: "context" for k in self.fields}
        self.starts: dict[str, int] = {}  # where a named level's value starts (it may run over commas)
        self.cur = max((LEVEL_INDEX[k] for k in self.fields if k != "pages"), default=-1)
        self.container = "folder" in self.fields
        self.pending = context is not None  # a continuation: its first level replaces the context's
        self.units: list[Unit] = []
        self.codes: list[tuple[int, int]] = []
        self.unit_start = self.body[0].start if self.body else 0
        self.end = self.unit_start
        self.run_level: str | None = None  # the level the previous named piece filled
        self.drop_named = False
        self.archive_seen: str | None = None
        self.end_archive: Token | None = None
        self.implied: str | None = None
        self.previous: Token | None = None
        self.fund_is_collection = False
        self.stop = False

    # -- the unit being built ------------------------------------------------------------------

    def close(self, at: int, start: int) -> None:
        """Start a new unit at level index `at`: keep the levels above it and those stated before it."""
        if not self.pending:
            self.units.append(Unit(dict(self.fields), self.unit_start, self.end, dict(self.how)))
            self.unit_start = start
        self.pending = False
        replaced = next((k for k in self.filled if LEVEL_INDEX.get(k) == at), None)
        pos = self.filled.index(replaced) if replaced else len(self.filled)
        keep = [k for i, k in enumerate(self.filled) if LEVEL_INDEX.get(k, 99) < at or i < pos]
        self.fields = {k: self.fields[k] for k in keep if k in self.fields}
        self.filled = keep
        self.container = "folder" in self.fields
        self.cur = max((LEVEL_INDEX[k] for k in self.fields if k in LEVEL_INDEX and k != "pages"), default=-1)

    def put(self, level: str, start: int, end: int, how: str, tok_start: int, join: bool = False) -> None:
        """Fill `level` with text[start:end] (or extend its title to `end`)."""
        if join and level in self.fields and level in self.starts:
            self.fields[level] = self.text[self.starts[level] : end]
        else:
            if level in self.fields:
                self.close(LEVEL_INDEX[level], tok_start)
            self.fields[level] = _unquote(self.text[start:end])
            self.starts[level] = start
            self.filled.append(level)
            self.how[level] = how
        if level != "pages":
            self.cur = max(self.cur, LEVEL_INDEX[level]) if self.named_trad else LEVEL_INDEX[level]

    # -- the walk ------------------------------------------------------------------------------

    def run(self) -> None:
        for i, tok in enumerate(self.body):
            go_on = self.step(tok, _Rest(self.body, i + 1))
            if not go_on:
                break
            self.previous = tok
        if not self.pending:
            self.units.append(Unit(dict(self.fields), self.unit_start, self.end, dict(self.how)))
        self.units = [u for u in self.units if u.fields]

    def step(self, tok: Token, later: Sequence[Token]) -> bool:
        """Read one token; False ends the locator."""
        run_before, self.run_level = self.run_level, None
        if tok.kind == "archive":
            return self.archive(tok)
        if tok.kind == "qualifier":
            self.run_level = (
                run_before if self.previous is not None and self.previous.kind == "named" else None
            )
            return True
        if tok.kind == "code":
            if tok.value == "uk" and self.trad == "de":  # "BA-MA, BW 2/1234": a Bestand, not a UK code
                f = tok.fields
                tok.fields = {"fund": f"{f['fund']} {f['inventory']}", "file": f["file"]}
            top = min(LEVEL_INDEX[k] for k in tok.fields)
            if any(k in self.fields for k in tok.fields) or (not self.named_trad and top <= self.cur):
                self.close(top, tok.start)
            for k, v in tok.fields.items():
                self.fields[k] = v
                self.filled.append(k)
                self.how[k] = "code"
            self.cur = max(LEVEL_INDEX[k] for k in self.fields if k != "pages")
            self.codes.append((tok.start, tok.end))
            self.end = tok.end
            return True
        if tok.kind in SHORTHAND_KINDS:
            parts = regex.split(r"/|\s+|-(?=\d)" if tok.kind == "hyphen" else r"/|\s+", tok.value.strip())
            order = shorthand(self.archive_id) if self.archive_id else ["fund", "inventory", "file", "pages"]
            for name, value in zip(order, parts, strict=False):
                self.fields[name] = value
                self.filled.append(name)
            self.fields.update(tok.fields)
            self.cur = max(LEVEL_INDEX[k] for k in self.fields if k != "pages")
            self.codes.append((tok.start, tok.end))
            self.end = tok.end
            return True
        if tok.kind == "level":
            return self.level(tok, later, run_before)
        return self.named(tok, later, run_before)

    def archive(self, tok: Token) -> bool:
        if self.archive_seen is not None and tok.archive_id != self.archive_seen:
            return False  # a second archive: another locator
        if self.archive_seen is None and self.cur >= FUND and not self.pending:
            if self.archive_id is not None and tok.archive_id != self.archive_id:
                return False
            self.end_archive = tok  # "RG 59, Entry A1 5405, Box 7, NARA": the archive closes the locator
        self.archive_seen = tok.archive_id
        self.end = tok.end
        return True

    def level(self, tok: Token, later: Sequence[Token], run: str | None = None) -> bool:
        glued = self.previous is not None and not self.text[self.previous.end : tok.start].strip()
        if run == "file" and self.container and glued and self.named_trad and "file" in self.starts:
            self.fields["file"] = self.text[self.starts["file"] : tok.end]  # "Box 7, R.P. No. 1261"
            self.run_level = "file"
            self.end = tok.end
            return True
        w = _choose(tok, self.trad, self.cur, later)
        if w is None:
            return False
        if tok.word_span:
            self.codes.append(tok.word_span)
        if w.archive and self.implied is None:
            self.implied = w.archive  # a bare "RG 59" evidently means NARA
        if w.level == "reel":
            self.fields["reel"] = tok.value.strip()
            self.filled.append("reel")
            self.codes.append(tok.value_span)
            self.end = tok.end
            return True
        idx = LEVEL_INDEX[w.level]
        if w.value in ("lot", "code", "accession") and idx == INVENTORY:
            for named in [
                k for k in self.fields if self.how.get(k) == "named" and LEVEL_INDEX.get(k, 0) >= INVENTORY
            ]:
                self.fields.pop(named)  # "FE Files, Lot 61 D 6": the lot replaces the names before it
                self.filled.remove(named)
            self.cur = max(
                (LEVEL_INDEX[k] for k in self.fields if k in LEVEL_INDEX and k != "pages"), default=-1
            )
        if tok.fields.get("inventory"):  # "5/412. ő.e.": the series before the unit
            if "inventory" in self.fields:
                self.close(INVENTORY, tok.start)
            self.fields["inventory"] = tok.fields["inventory"]
            self.filled.append("inventory")
        if w.level in self.fields or (not self.named_trad and idx <= self.cur and w.level != "pages"):
            self.close(idx, tok.start)
        values = _values(tok, w)
        self.fields[w.level] = values[0]
        self.filled.append(w.level)
        self.how[w.level] = "explicit" if w.value in ("lot", "code", "accession") else "word"
        for extra in values[1:]:  # "dd. 12, 14": one unit each
            self.close(idx, tok.start)
            self.fields[w.level] = extra
            self.filled.append(w.level)
        self.codes.append(tok.value_span if not w.keep else (tok.start, tok.end))
        if idx < PAGES:
            self.cur = max(self.cur, idx) if self.named_trad else idx
        if w.level == "folder":
            self.container = True
        self.drop_named = w.value in ("code", "lot") and tok.colon_after
        self.end = tok.end
        return True

    # -- named pieces --------------------------------------------------------------------------

    def named(self, tok: Token, later: Sequence[Token], run: str | None) -> bool:
        piece = tok.text
        if self.drop_named:
            if not later or later[0].kind != "named":
                self.drop_named = False
            self.end = tok.end  # the entry's title: "Entry A1–5066: Bureau of Public Affairs, ..."
            return True
        micro = rx.MICROFILM_PUBLICATION.match(piece)
        if micro:
            named_archive = micro.group("archive")
            if (
                named_archive
                and self.archive_seen is None
                and canonical_archive(named_archive) != named_archive
            ):
                arch = Token("archive", tok.start, tok.end, named_archive, value=named_archive)
                arch.archive_id = canonical_archive(named_archive)
                self.end_archive = arch
                self.archive_seen = arch.archive_id
            self.end = tok.end
            return True
        nxt = later[0] if later else None
        if (
            nxt is not None
            and nxt.kind == "level"
            and any(w.level == "reel" for w in nxt.readings)
            and (tok.kind == "qualifier" or regex.search(r"(?i)film", piece))
        ):
            return True  # a copy's description: "(Hoover Institution microfilm, reel 1.993)"
        if WEB.search(piece) or not self.named_trad:
            return False  # "..., file 721: Document of ...": the description; a web page is no unit
        explicit = _explicit(piece, self.trad)
        if rx.CORRESPONDENCE.search(piece) and regex.search(
            r"\band\s+$", self.text[max(0, tok.start - 5) : tok.start]
        ):
            return False  # "..., Box 2950 and Rusk to Lodge, telegram 1798, ...": another document
        title_goes_on = self.container and run == "file" and tok.sep == ","  # "Yalta-Malta Papers, etc."
        if explicit is None and piece[:1].islower() and not title_goes_on:
            return False  # prose: "(RG 59) at College Park"
        if _is_place(piece, self.archive_id or self.archive_seen):
            self.end = tok.end
            return True
        prev = self.previous
        if self.fund_is_collection and prev is not None and prev.kind == "named" and CALL_NUMBER.match(piece):
            self.end = tok.end  # "Bryton Barron Papers, Ax 463": the call number is no level
            return True
        if rx.RG_TITLE.match(piece) and (
            (prev is not None and _is_rg(prev, self.trad)) or (later and _is_rg(later[0], self.trad))
        ):
            self.end = tok.end  # "RG 218, Records of the JCS": the record group's title
            self.run_level = "dropped"
            return True
        if run == "dropped" and _is_date_title(piece):
            self.end = tok.end  # "Records of the Policy Planning Staff, 1957–61": its years
            self.run_level = "dropped"
            return True
        if explicit is not None:
            self.put_explicit(tok, explicit)
        else:
            self.put_named(tok, tok.start, tok.end, later, run)
            if self.stop:
                return False
        _series_codes(tok, self.run_level or "", self.codes)
        self.end = tok.end
        return True

    def put_explicit(self, tok: Token, explicit: tuple[list[LevelWord], int, int]) -> None:
        readings, v_start, v_end = explicit
        levels = sorted({w.level for w in readings}, key=lambda lvl: LEVEL_INDEX[lvl])
        level = next((lvl for lvl in levels if LEVEL_INDEX[lvl] > self.cur), levels[-1])
        start, end = tok.start + v_start, tok.start + v_end
        word = (tok.start, start - 1) if v_start else (end + 1, tok.end)
        self.codes.append(word)
        part = rx.PART_SPLIT.match(self.text[start:end]) if level == "fund" else None
        if part:  # "fond CC al PCR – Secţia Relaţii Externe": the fonds and its part
            self.put("fund", start + part.start("left"), start + part.end("left"), "word", tok.start)
            self.put("inventory", start + part.start("right"), start + part.end("right"), "word", tok.start)
            self.run_level = "inventory"
            return
        self.put(level, start, end, "word", tok.start)
        if level == "folder":
            self.container = True
        self.run_level = level

    def put_named(self, tok: Token, start: int, end: int, later: Sequence[Token], run: str | None) -> None:
        """Give a plain named piece (text[start:end]) its level."""
        piece = self.text[start:end]
        fields, trad = self.fields, self.trad
        if self.container and not self.reversed:
            if trad in REGISTRY_TRADITIONS and rx.REGISTRY_NUMBER.match(piece):
                self.put("subfile", start, end, "named", tok.start)
                self.run_level = "subfile"
                return
            join = run == "file" and tok.sep in (",", "") and "file" in fields
            self.put("file", start, end, "named", tok.start, join=join)
            self.run_level = "file"
            return
        if self.container and self.reversed:  # "Box 12, Walt Rostow Files, NSF, LBJL"
            self.put_upward(tok, start, end, later)
            return
        colon = rx.COLON_SPLIT.match(piece) or rx.HYPHEN_SPLIT.match(piece)
        if colon and trad == "us":  # "NSC: Country File", "Brzezinski Material: Subject File"
            left_level = run if run in ("fund", "inventory") else None
            if left_level is not None:
                self.put(left_level, start, start + colon.end("left"), "named", tok.start, join=True)
            else:
                left_level = "fund" if "fund" not in fields and self.can_be_fund(later) else "inventory"
                self.put(left_level, start, start + colon.end("left"), "named", tok.start)
            right = next((lvl for lvl in STRUCTURAL if LEVEL_INDEX[lvl] > LEVEL_INDEX[left_level]), "file")
            self.put(right, start + colon.start("right"), end, "named", tok.start)
            self.run_level = right
            return
        if trad == "us" and rx.FILE_CODE.match(piece) and not SERIES.search(piece):
            self.put("file", start, end, "named", tok.start)  # "751G.00/1-2558", "POL 27 VIET S"
            self.run_level = "file"
            return
        if _is_collection(piece) and "fund" not in fields:
            self.put("fund", start, end, "named", tok.start)
            self.fund_is_collection = True
            self.run_level = "fund"
            return
        if run == "fund" and regex.search(r"\bFonds?\b", piece):  # "Indochine, Nouveau Fonds"
            self.put("fund", start, end, "named", tok.start, join=True)
            self.run_level = "fund"
            return
        cote = rx.COTE.match(piece) if trad in COTE_LEVELS else None
        if cote:
            code_level = next(
                (lvl for lvl in COTE_LEVELS[trad] if lvl not in fields and LEVEL_INDEX[lvl] > self.cur), None
            )
            if code_level is not None:  # "GR 10 H 164", "HCI, CONSPOL 123", "BU 1585/4112"
                self.put(code_level, start + cote.start("code"), start + cote.end("code"), "named", tok.start)
                self.put(
                    "file", start + cote.start("article"), start + cote.end("article"), "named", tok.start
                )
                self.run_level = "file"
                return
        if run is None and _is_date_title(piece):
            self.stop = True  # "Department of State, August 15, 1957": the document's date, no level
            return
        if "fund" not in fields and "fund" in self.order and self.can_be_fund(later):
            self.put("fund", start, end, "named", tok.start)
            self.run_level = "fund"
            return
        if trad == "us" and SERIES.search(piece) and "inventory" not in fields:
            self.put("inventory", start, end, "named", tok.start)
            self.run_level = "inventory"
            return
        if trad == "us" and self.how.get("inventory") == "explicit" and self.cur == INVENTORY:
            self.put("file", start, end, "named", tok.start)  # "Lot 72 D 192, Telcons"
            self.run_level = "file"
            return
        base = run if run in STRUCTURAL and tok.sep == "," else None
        if base is None and _is_date_title(piece):
            self.stop = True  # "Department of State, August 15, 1957": the document's date, no level
            return
        above = LEVEL_INDEX[base] if base else self.cur
        candidates = [lvl for lvl in STRUCTURAL if LEVEL_INDEX[lvl] > above and lvl not in fields]
        bound = _next_explicit(later, trad)
        if bound is not None:
            candidates = [c for c in candidates if LEVEL_INDEX[c] < bound]
        else:
            candidates = [c for c in candidates if c in self.order]
        if trad == "us":
            candidates = [c for c in candidates if c != "file" or bound is None]
        if base is not None and (not candidates or base == "inventory"):
            self.put(base, start, end, "named", tok.start, join=True)  # "Country File, Vietnam"
            self.run_level = base
        elif candidates:
            self.put(candidates[0], start, end, "named", tok.start)
            self.run_level = candidates[0]
        elif "inventory" in fields and self.how.get("inventory") == "named" and self.previous is not None:
            self.put("inventory", start, end, "named", tok.start, join=True)
            self.run_level = "inventory"
        else:
            self.put("file", start, end, "named", tok.start)
            self.run_level = "file"

    def put_upward(self, tok: Token, start: int, end: int, later: Sequence[Token]) -> None:
        """A smallest-to-largest citation after its box: the last name is the collection, the
        ones before it its series ("Box 12, Walt Rostow Files, NSF, LBJL")."""
        piece = self.text[start:end]
        colon = rx.COLON_SPLIT.match(piece) or rx.HYPHEN_SPLIT.match(piece)
        if colon:
            self.put("fund", start, start + colon.end("left"), "named", tok.start)
            self.put("inventory", start + colon.start("right"), end, "named", tok.start)
            return
        more = any(
            t.kind == "named"
            and not _is_place(t.text, self.archive_id)
            and not rx.RG_TITLE.match(t.text)
            and not WEB.search(t.text)
            for t in later
            if t.kind != "archive"
        )
        fund_later = any(t.kind == "level" and any(w.level == "fund" for w in t.readings) for t in later)
        if _is_collection(piece) or not (more or fund_later or "fund" in self.fields):
            self.put("fund", start, end, "named", tok.start)
        else:
            self.put("inventory", start, end, "named", tok.start, join="inventory" in self.fields)

    def can_be_fund(self, later: Sequence[Token]) -> bool:
        """May a name be the fonds here: no record group or fund word follows in this unit?"""
        for t in later:
            if t.sep == ";" and not self.reversed:
                break
            if t.kind == "level" and any(w.level == "fund" for w in _readings(t, self.trad)):
                return False
            if t.kind == "code" and "fund" in t.fields:
                return False
        return True


def _next_explicit(later: Sequence[Token], trad: str) -> int | None:
    """The level of the next level word of the unit that a name before it must stay above
    (fund, series or file; a container, a lot or an entry bound nothing: names before a box are
    series, and a lot or an entry replaces them)."""
    for t in later:
        if t.sep == ";":
            return None
        if t.kind == "level":
            readings = [w for w in _readings(t, trad) if w.level in STRUCTURAL or w.level == "folder"]
            if not readings:
                continue
            w = min(readings, key=lambda r: LEVEL_INDEX[r.level])
            if w.value in ("lot", "code", "accession"):
                return None
            return LEVEL_INDEX[w.level]
        if t.kind == "named":
            explicit = _explicit(t.text, trad)
            if explicit is not None:
                return min(LEVEL_INDEX[w.level] for w in explicit[0])
        if t.kind == "code":
            return min(LEVEL_INDEX[k] for k in t.fields)
    return None


def _is_rg(tok: Token, trad: str) -> bool:
    return tok.kind == "level" and any(w.archive for w in _readings(tok, trad))


def _unquote(value: str) -> str:
    """A folder title given in quotes loses one pair of them: "“Horn of Africa”" -> "Horn of Africa"."""
    for left, right in (("“", "”"), ('"', '"'), ("‘", "’")):
        inner = value[1:-1]
        if value.startswith(left) and value.endswith(right) and left not in inner and right not in inner:
            return inner.strip()
    return value


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
    on its own ("FO 371/123456", "105-00650-02"), or, under a named archive, two levels below; an
    archive that is its own fonds (no fund level: Department of State files) needs a lot or an
    entry, or two levels. A
    microfilm reel locates the copy of a unit: "NARA, RG 59, M1444, roll 5" is a record."""
    f = unit.fields
    if locator.archive is None and unit.how and all(h == "named" for h in unit.how.values()):
        return False  # names alone, no level word, code or archive: a published title ("FRUS: ...")
    below = [k for k in ("inventory", "folder", "file", "reel") if f.get(k)]
    if f.get("fund") and below:
        return True
    if locator.tradition == "cn" and f.get("file"):
        return True
    if locator.archive and locator.archive_id and "fund" not in shorthand(locator.archive_id):
        # "Department of State, ...: Lot 64 D 199" (a lot on its own), not a report's number
        return len(below) >= 2 or any(unit.how.get(k) == "explicit" for k in below)
    return bool(locator.archive) and len(below) >= 2


def _free_positions(text: str, lo: int, hi: int) -> list[bool]:
    """For each character of text[lo:hi]: is it outside brackets and quotes?"""
    depth, quote, out = 0, False, []
    for ch in text[lo:hi]:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in "“”":
            quote = ch == "“"
        out.append(depth == 0 and not quote)
    return out


def split_citations(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Cut text[lo:hi] where one citation ends and another begins: at a ";" or an " and " whose
    left side holds a record and whose right side is a record of its own, with its own archive or
    a description of its own ("..., ll. 4-6; Record of conversation ..., RGANI, f. 5, ...";
    "... 1947–1948 and “Development ...,” p. 1, ..., NARA, RG 59, ..."). After an " and " the
    right side must open a document (a correspondence line, a document word, a quoted title, an
    archive): "Box 3, Malta and Yalta Conferences 1955" is one folder title. A piece that only adds
    a unit ("; d. 634, ll. 12–15", "and Box 20, 10", "and CO 1030/1104") is no cut.

    >>> t = "TNA, PREM 13/1917; Washington to FO, 8 February 1967, TNA, FO 371/190807"
    >>> [t[s:e] for s, e in split_citations(t, 0, len(t))]
    ['TNA, PREM 13/1917', 'Washington to FO, 8 February 1967, TNA, FO 371/190807']
    """
    free = _free_positions(text, lo, hi)
    cuts = [(m.start(), m.end()) for m in rx.CITATION_CUT.finditer(text, lo, hi) if free[m.start() - lo]]
    if not cuts:
        return [(lo, hi)]
    out: list[tuple[int, int]] = []
    start = lo
    for cut_start, cut_end in cuts:
        if cut_start <= start:
            continue
        semicolon = ";" in text[cut_start:cut_end]
        if not semicolon and not _opens_document(text, cut_end, hi):
            continue
        if not _holds_record(text, start, cut_start):
            continue
        right = parse_locator(text, cut_end, hi)
        if not any(is_record(u, right) for u in right.units):
            continue
        own_description = right.start > cut_end and text[cut_end : right.start].strip(" ,;:.")
        if right.archive is None and not (own_description and _leads_a_document(text, cut_end, right.start)):
            continue
        out.append((start, cut_start))
        start = cut_end
    out.append((start, hi))
    return out


def _opens_document(text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] open another document or citation: "Noble to Murphy, ...", "memorandum of
    conversation ...", "“Development of ...,”", "NARA, RG 59, ..."?"""
    head = text[lo:hi].split(",", 1)[0].strip()
    return (
        rx.CORRESPONDENCE.search(head) is not None
        or rx.DOCUMENT_WORD.match(head) is not None
        or head.startswith(("“", '"'))
        or rx.ARCHIVE_RE.match(head) is not None
    )


def _holds_record(text: str, lo: int, hi: int) -> bool:
    loc = parse_locator(text, lo, hi)
    return any(is_record(u, loc) for u in loc.units)


def _leads_a_document(text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] describe a document (a title, a correspondence line), not a lead-in
    ("both in", "see also")?"""
    words = text[lo:hi].strip(" ,;:")
    lead = rx.NOTE_LEAD_IN.match(words)
    words = words[lead.end() :].strip(" ,;:") if lead else words
    return (bool(words) and words[:1].isupper()) or bool(rx.CORRESPONDENCE.search(words))


def description_start(text: str, lo: int, hi: int) -> int:
    """Where the description of the document right before a locator starts in text[lo:hi]: after
    the last ";" and after an " and " that follows a dated document line ("Kennan to Harriman,
    June 5, 1946, and Bohlen to Harriman, June 7, 1946, both in LCM, ..." -> "Bohlen to ..."),
    past a lead-in ("and", "both in"); inside the bracket that holds the locator ("The report
    (RGVA, f. 37977, ...)"); `hi` when there is no document line, only a lead-in ("Both
    documents are in GARF, ...").

    >>> t = "Beria to Stalin, 15 June 1949; and Beria to Molotov, 29 August 1949, both in "
    >>> t[description_start(t, 0, len(t)) :]
    'Beria to Molotov, 29 August 1949, both in '
    """
    from nerpipe.dates import find_dates

    opened = [i for i, ch in enumerate(text[lo:hi]) if ch == "("]
    depth_ok = _free_positions(text, lo, hi)
    if opened and text[lo:hi].count("(") > text[lo:hi].count(")"):
        lo = lo + opened[-1] + 1  # the locator is inside a bracket: "The report (RGVA, ...)"
        depth_ok = _free_positions(text, lo, hi)
    start = lo
    for m in rx.CITATION_CUT.finditer(text, lo, hi):
        if not depth_ok[m.start() - lo]:
            continue
        if not _leads_a_document(text, m.end(), hi):
            left = text[start : m.start()].rstrip(" ,")
            dates = list(find_dates(left))
            if dates and not left[dates[-1].end :].strip(" .,;:)"):
                continue  # "... Thompson to Rusk, March 29, 1965; both in NARA": that document's
            if m.group().strip() != ";":
                return hi  # "China, pp. 1365–1409 and passim, NARA, ...": no description of its own
            start = m.end()  # "Quoted in Zubok, ..., p. 123; original in APRF": another citation before
            continue
        if m.group().strip() == ";":
            start = m.end()
            continue
        left = text[start : m.start()].rstrip(" ,")
        dates = list(find_dates(left))
        dated = bool(dates) and not left[dates[-1].end :].strip(" .,;:)")
        if dated and _opens_document(text, m.end(), hi):
            start = m.end()  # "Kennan to Harriman, June 5, 1946, and Bohlen to Harriman, ..."
    lead = rx.NOTE_LEAD_IN.match(text, start, hi)
    if lead:
        start = lead.end()
    if rx.LOCATED_IN.match(text[start:hi]):
        return hi
    return start


def _unmatched_close(text: str, lo: int, hi: int) -> int | None:
    """The first ")" of text[lo:hi] that closes a bracket opened before `lo`."""
    depth = 0
    for i in range(lo, hi):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i
            depth -= 1
    return None


def description_end(text: str, lo: int, hi: int) -> int:
    """Where the description after a locator ends in text[lo:hi]: at a ";", at an " and " that opens
    another document, at the bracket that closes the locator's own; sentences after it belong to the
    record when they date or paginate a document ("... ll. 59–61. Record of conversation with
    Mao, 31 July 1958"); prose with neither does not ("... ll. 15–18ob. I thank Mark Kramer ...").

    >>> t = "d. 1006, ll. 15–18ob. I thank Mark Kramer for this document."
    >>> t[: description_end(t, 20, len(t))]
    'd. 1006, ll. 15–18ob'
    """
    from nerpipe.dates import find_dates

    close = _unmatched_close(text, lo, hi)
    if close is not None:
        hi = close  # "The report (RGVA, ..., ll. 10–15) estimated ...": the bracket ends it
    free = _free_positions(text, lo, hi)
    for m in rx.CITATION_CUT.finditer(text, lo, hi):
        if free[m.start() - lo] and (";" in m.group() or _opens_document(text, m.end(), hi)):
            hi = m.start()  # "...; Suslov to the CC, ..., ibid.": what follows is another citation
            break
    after_period = text[lo - 1 : lo] == "."
    opens = (after_period and regex.match(r"\s+\p{Lu}", text[lo:hi])) or regex.match(
        r"\.\s+\p{Lu}", text[lo:hi]
    )
    if not opens:
        return hi
    rest = text[lo:hi]
    if rx.PAGES_RE.search(rest) or any(True for _ in find_dates(rest)):
        return hi
    return lo - 1 if after_period else lo


def short_forms(text: str, lo: int, hi: int) -> dict[str, str]:
    """The short forms text[lo:hi] defines, each with the name it stands for: "Christian A. Herter
    Papers (henceforth Herter Papers)" -> {"Herter Papers": "Christian A. Herter Papers"}.

    >>> short_forms("Reed College, G. Bernard Noble Papers (henceforth Noble Papers), Box 16", 0, 70)
    {'Noble Papers': 'G. Bernard Noble Papers'}
    """
    out: dict[str, str] = {}
    for m in rx.HENCEFORTH.finditer(text, lo, hi):
        head = text[lo : m.start()].rstrip()
        name = regex.split(r"[,;(]", head)[-1].strip()
        short = m.group("short").strip()
        if name and short and name != short:
            out[short] = name
    return out
