"""Every regular expression of nerpipe, as named, commented pieces composed into larger ones.

Run with the `regex` module (duplicate group names across alternatives, variable-length
lookbehind, Unicode classes). Group names are the field names of the records they fill:
`fund`, `inventory`, `folder`, `file`, `subfile`, `pages`, `day`, `month`, `year`, ...
Alternatives are ordered longest first. No piece nests unbounded quantifiers, so matching
stays linear in the length of the text (checked by property tests and `bench/`).
"""

from __future__ import annotations

from typing import Any

import regex

from nerpipe import levels as lv
from nerpipe.archives import ARCHIVE_ALIASES
from nerpipe.months import APOSTROPHES, FOREIGN_MONTHS

FLAGS = regex.VERBOSE  # VERSION0: about twice as fast as VERSION1 on these patterns


def _compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile `pattern`, giving it the named lists it uses (`NAMED_LISTS`)."""
    lists: dict[str, Any] = {name: words for name, words in NAMED_LISTS.items() if f"\\L<{name}>" in pattern}
    return regex.compile(pattern, flags, **lists)


def _alternation(words: list[str]) -> str:
    """An alternation of literal words, longest first so "TsKhSD" beats "TsKh"."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

# "April", "Sept.", "Jan.", "Oct 1949" (capitalised only: "may" and "march" are verbs).
MONTH = r"""(?:January|February|March|April|May|June|July|August|September|October|November
    |December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d)))"""
# A month name that is never a verb, for "in March" without a day or a year.
MONTH_ALONE = r"""(?:January|February|March|April|June|July|August|September|October
    |November|December)"""
# "VII" in "29 VII, 1976" (Russian style Roman month), longest first.
ROMAN_MONTH = r"(?:XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)"


def _with_apostrophes(forms: list[str]) -> list[str]:
    """Every form with each apostrophe of `months.APOSTROPHES` ("dekabr'", "dekabr’", "dekabrʹ")."""
    out = set(forms)
    for form in forms:
        for ch in APOSTROPHES:
            for other in APOSTROPHES:
                out.add(form.replace(ch, other))
    return sorted(out)


# Word lists matched as regex "named lists" (`\L<name>`: a set lookup, longest item first), far
# faster than an alternation of hundreds of literals: archive names, month names of other languages.
NAMED_LISTS: dict[str, list[str]] = {
    "archive_names": _with_apostrophes(sorted(ARCHIVE_ALIASES)),
    # their first three letters (or the whole of a shorter name): one set lookup before the long list
    "archive_starts": sorted({a[:3] for a in _with_apostrophes(sorted(ARCHIVE_ALIASES))}),
    "foreign_months": _with_apostrophes(list(FOREIGN_MONTHS)),
    # alone before a year a month name needs four letters: "dekabr' 1962", "juin 1954", but not
    # the Vietnamese given name in "Nguyen Thi Mai 1965"
    "foreign_months_long": _with_apostrophes([f for f in FOREIGN_MONTHS if len(f.rstrip(".")) >= 4]),
}
# "марта", "fevralia", "dekabr'", "juin", "3. Februar", "listopadu" (patterns/months.json).
FOREIGN_MONTH = r"(?i:\L<foreign_months>)(?!\w)"
FOREIGN_MONTH_LONG = r"(?i:\L<foreign_months_long>)(?!\w)"
# The Russian year mark after a year: "14 марта 1948 г.", "8 fevralia 1965 g." (god, year).
YEAR_MARK = r"(?:\s?(?:гг|г|gg|g)\.)?"
# 1700-2049: archival numbers above that range never pass for years.
YEAR = r"(?:1[7-9]\d\d|20[0-4]\d)(?!\d)"
# "1", "01", "21st", "9th".
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR_RE = _compile(YEAR)  # "is there a year at all?": a cheap test before a grammar needing one
ORDINAL = r"(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
DECADE_WORD = (
    r"(?:[Tt]wenties|[Tt]hirties|[Ff]orties|[Ff]ifties|[Ss]ixties|[Ss]eventies|[Ee]ighties|[Nn]ineties)"
)
# "end of", "beginning of the", "mid-", "early", "late": kept inside the span (ANNOTATION.md).
MOD = r"""(?P<mod>
      (?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+)
    | (?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s+of\s+(?:the\s+)?
)"""
DASH = r"\s*[-–—]\s*"
# A number right after a unit word is an archival number or a page, never a date:
# "file 1062", "p. 1965", "inventory, 75", "No. 1970".
NOT_A_UNIT_NUMBER = r"""(?<!
    (?:[Ff]iles?|[Ff]unds?|[Ff]ond|[Ii]nventor(?:y|ies)|[Ll]ist|[Dd]ocuments?|[Dd]ossier|[Bb]usiness
      |[Dd]elo|[Oo]pis|[Pp]apka|\bd|\bdd|\bf|\bop|\bp|\bpp|\bpa|\bl|\bll|\bNo|\bN|[Nn]umber|Ф|Д|Оп|Л|[Pp]ages?)
    \.?,?\s{0,3})"""

# Cheap first test at each position: a date starts at a word boundary, with a digit, a capital
# or one of the lowercase words that open a date; only then run the costly lookbehind.
DATE_START = r"""\b(?=\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|early|mid|late|end|beginning
    |start|middle|first|second|third|fourth|1st|2nd|3rd|4th|spring|summer|autumn|fall|winter|twent|thirt
    |fort|fift|sixt|sevent|eight|ninet))"""

DATE = _compile(
    rf"""
    {DATE_START}
    (?:(?!\d)|{NOT_A_UNIT_NUMBER})   # the unit-word test is for numbers: "the file, March 7, 1955" is a date
    (?<![\w.\-–/])          # not glued to a longer number or word: "1.21.1978", "N1978"
    (?:
      # "first half of 1976"
        (?P<half>[Ff]irst|[Ss]econd)\s+half\s+of\s+(?P<half_year>{YEAR})
      # "second quarter 1966", "the fourth quarter of 1977"
      | (?P<quarter>{ORDINAL})\s+quarter(?:\s+of)?\s+(?P<quarter_year>{YEAR})
      # "summer of 1965", "spring 1973"
      | (?P<season>{SEASON})(?:\s+of)?\s+(?P<season_year>{YEAR})
      # "January 24-26, 1973"
      | (?P<month>{MONTH})\s+(?P<day>{DAY}){DASH}(?P<day2>{DAY}),?\s+(?P<year>{YEAR})
      # "1st to the 6th of August, 1978", "1-6 August, 1978"
      | (?P<day>{DAY})(?:\s+to\s+(?:the\s+)?|{DASH})(?P<day2>{DAY})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})
      # "December-January 1977-1978"
      | (?P<range_month1>{MONTH}){DASH}(?P<range_month2>{MONTH}),?\s+(?P<range_year1>{YEAR}){DASH}(?P<range_year2>{YEAR}|\d\d(?!\d))
      # "April-May 1970"
      | (?P<mm_month1>{MONTH}){DASH}(?P<mm_month2>{MONTH}),?\s+(?P<mm_year>{YEAR})
      # "April 1, 1965", "November 13 1973", "Sept. 3, 1954"
      | (?P<month>{MONTH})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})
      # "9th July 1966", "28th of August 1970", "14 August 1993"
      | (?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})
      # "29 VII, 1976"
      | (?P<day>{DAY})\s+(?P<month>{ROMAN_MONTH})\.?,?\s+(?P<year>{YEAR})
      # "14 марта 1948 г.", "8 fevralia 1965 g.", "12 mai 1965", "3. Februar 1961" (a foreign month)
      | (?P<day>{DAY})\.?\s+(?P<month>{FOREIGN_MONTH}),?\s+(?P<year>{YEAR}){YEAR_MARK}
      # "1965. március 12." (Hungarian: year, month, day)
      | (?P<year>{YEAR})\.\s+(?P<month>{FOREIGN_MONTH})\s+(?P<day>{DAY})\.?
      # "21.01.1978", "18.2.1966", "4. 3. 1968"
      | (?P<numeric_day>[0-3]?\d)\.\s?(?P<numeric_month>[01]?\d)\.\s?(?P<numeric_year>{YEAR})
      # "15/3/1970", "2/14/78", "11/3/67": figures with slashes (dates.normalise reads the order)
      | (?P<slash_a>[0-3]?\d)/(?P<slash_b>[0-3]?\d)/(?P<slash_year>{YEAR}|\d\d(?![\d/]))
      # with an optional modifier: "end of January 1979", "mid-1960s", "late 1975"
      | {MOD}?
        (?:
          # "February, 1978", "June 1951", "September of 1954"
            (?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})
          # "1946-1954", "1930 to 1954", "1965-66"
          | (?P<range_year1>{YEAR})(?:{DASH}|\s+(?:to|until|through)\s+)(?P<range_year2>{YEAR}|\d\d(?![\d.]))
          # "the 1970s"
          | (?P<decade>1[7-9]\d0|20[0-4]0)s
          # "sixties", "mid-sixties"
          | (?P<decade_word>{DECADE_WORD})
          # "1965"
          | (?P<year>{YEAR})
        )
      # "April 4", "May 28" (no year given)
      | (?P<month>{MONTH})\s+(?P<day>{DAY})(?![\d,]*\s*\d)
      # "28th of August", "the 10th of July"
      | (?P<day>{DAY})\s+of\s+(?P<month>{MONTH})
      # "end of January", "the beginning of February" (with its modifier)
      | {MOD}(?P<month>{MONTH_ALONE})\b(?!,?\s+\d)
      # "in March", "until September": a month standing alone after a preposition
      | (?<=\b(?:[Ii]n|[Ii]nto|[Ss]ince|[Uu]ntil|[Tt]hrough|[Dd]uring|[Bb]efore|[Aa]fter|[Bb]y|[Ff]rom|[Ff]or|[Oo]f|[Ll]ate|[Ee]arly)\s)(?P<month>{MONTH_ALONE})\b
    )
    (?![\w])
    """,
    FLAGS,
)

# A foreign month and its year with no day, for a document's date only ("dekabr' 1962", "juin
# 1954", "März 1961"): kept out of DATE, whose every word start it would slow, since such dates
# stand in citations' descriptions rather than in English prose.
FOREIGN_MONTH_YEAR = _compile(
    rf"(?<![\w.])(?P<month>{FOREIGN_MONTH_LONG}),?\s+(?P<year>{YEAR}){YEAR_MARK}(?!\w)", FLAGS
)

# Every date holds a digit, a decade word ("sixties") or a month name standing alone ("in
# March"): the grammar only runs near one. A date starts at most DATE_REACH_BEFORE characters
# before such an anchor ("beginning of the December-January 1977-1978") and has no stretch
# without one longer than DATE_REACH_AFTER. The words are found with `str.find`.
DIGITS = _compile(r"\d+")
DATE_ANCHOR_WORDS = ("ties", "January", "February", "March", "April", "June", "July", "August",
                     "September", "October", "November", "December")  # fmt: skip
DATE_REACH_BEFORE = 60
DATE_REACH_AFTER = 30

# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------

# One page or sheet number; a verso mark is read and dropped: "7ob.", "7 об.".
PAGE_NUMBER = r"\d{1,5}(?:\s?(?:ob|об)\.?)?"
# "39-40", "5-7ob.", "82–83".
PAGE_RANGE = rf"{PAGE_NUMBER}(?:\s*[-–]\s*{PAGE_NUMBER})?"
# "61, 420", "1-3, 5".
PAGE_LIST = rf"{PAGE_RANGE}(?:\s*,\s*{PAGE_RANGE})*"
# "p. 142", "p.85", "pp. 39-40", "ll. 1-3ob.", "Л. 23–24", "page 7".
PAGE_WORD = r"(?:pp\.|p\.|ll\.|l\.|Лл\.|Л\.|л\.|pages|page|sheets|sheet|S\.)"
PAGES = rf"(?<![\w.]){PAGE_WORD}\s?(?P<pages>{PAGE_LIST})(?![\d\w])"
PAGES_RE = _compile(PAGES, FLAGS)
# A parenthesis holding pages only: "(p. 41)", "p. 82-83" -> an ibid.
BARE_PAGES_RE = _compile(rf"^\s*{PAGES}\s*[.,;]?\s*$", FLAGS)
# A page number inside a page list, verso mark dropped.
PAGE_PAIR_RE = _compile(r"(\d+)(?:\s?(?:ob|об)\.?)?(?:\s*[-–]\s*(\d+))?")

# ---------------------------------------------------------------------------------------------
# Archival units
# ---------------------------------------------------------------------------------------------

# Any alias of a registered archive: "RSAMH", "RGANI", "TsKhSD", "РГАНИ", "AVP RF", and the
# names spelled out ("Russian State Archive of Modern History").
ARCHIVE = r"(?=\L<archive_starts>)(?P<archive>\L<archive_names>)"  # a cheap test of the first letters first
# A unit number: "5", "009540", "059a", "Р-12", "R-5446"; a file range "1-125".
NUMBER = r"(?:[A-ZА-Я]-?)?\d{1,6}[a-zа-я]?(?![\d])"
# Between two levels: "Fund 5, inventory 75", "f. 5. op. 75", "Fund 5 inventory 75".
SEP = r"\s*[,.;:]?\s*"
# Level words, by level not by word (ANNOTATION.md): the translations in the seed include the
# mistranslated "list" (perechen') and "business"/"document" (delo).
FUND_WORD = r"(?:[Ff]unds?|[Ff]onds?|[Ff]\.|Ф\.|ф\.)"
INVENTORY_WORD = (
    r"(?:[Ii]nventor(?:y|ies)|[Oo]pis[ʹ'’]?|[Oo]p\.|Оп\.|оп\.|[Ll]ist|[Pp]erechen[ʹ'’]?|[Pp]er\.)"
)
FOLDER_WORD = r"(?:[Pp]apka|[Pp]a\.|[Pp]\.|П\.|п\.)"
FILE_WORD = r"(?:[Ff]iles?|[Dd]elo|[Dd]d\.|[Dd]\.|Д\.|д\.|[Bb]usiness|[Dd]ocument|[Dd]ok\.)"
SUBFILE_WORD = r"(?:[Dd]ossier)"

FUND = rf"{FUND_WORD}\s*,?\s*(?P<fund>{NUMBER})"
INVENTORY = rf"{INVENTORY_WORD}\s*,?\s*(?P<inventory>{NUMBER})"
FOLDER = rf"{FOLDER_WORD}\s*(?P<folder>{NUMBER})"
FILE = rf"{FILE_WORD}\s*,?\s*(?P<file>{NUMBER}(?:\s*[-–]\s*\d{{1,6}})?)"
SUBFILE = rf"{SUBFILE_WORD}\s*(?P<subfile>{NUMBER})"

# "RSAMH, Fund 5, inventory 75, file 1062, dossier 324"; "RGANI, f. 5, op. 75, d. 1062";
# "AVPRF, f. 079, op. 12, p. 10, d. 7" (p. between inventory and file is the papka).
ARCHIVAL_UNIT = _compile(
    rf"""
    (?<![\w])
    (?:{ARCHIVE}{SEP})?
    {FUND}
    (?:{SEP}{INVENTORY})?
    (?:{SEP}{FOLDER}(?={SEP}{FILE_WORD}))?
    {SEP}{FILE}
    (?:{SEP}{SUBFILE})?
    """,
    FLAGS,
)
# The cheap test before the unit grammar runs outside brackets: a fund word and its number.
FUND_HINT = _compile(rf"{FUND_WORD}\s*,?\s*(?:[A-ZА-Я]-?)?\d", FLAGS)
# How far before its fund word an archive's name may start ("Russian State Archive of ...").
ARCHIVE_REACH = 120
# How far after its fund word a unit may end ("f. 0100, op. 46, papka 12, d. 2, dossier 7").
UNIT_REACH = 200
# A further file of the same fund and inventory: "; d. 1943, l. 1".
MORE_FILE = _compile(rf";\s*{FILE}", FLAGS)
# An archive named on its own, for inheritance: "RSAMH" before a citation.
ARCHIVE_RE = _compile(rf"(?<![\w]){ARCHIVE}(?![\w])", FLAGS)

# ---------------------------------------------------------------------------------------------
# Archival locators of every tradition: pieces built from patterns/levels.json and the archive
# registry by one expansion step (`$name` templates, as reporters-db does for eyecite)
# ---------------------------------------------------------------------------------------------


def _expand(template: str, pieces: dict[str, str], depth: int = 0) -> str:
    """Replace every `$name` in `template` by its piece, recursively.

    >>> _expand("$a-$b", {"a": "x$b", "b": "y"})
    'xy-y'
    """
    if depth > 10:
        raise ValueError(f"locator templates nest too deep: {template[:60]!r}")
    return regex.sub(r"\$(\w+)", lambda m: _expand(pieces[m.group(1)], pieces, depth + 1), template)


def _letters(form: str) -> str:
    """A case-folded form as a pattern: a space may be any space, and a letter that has a
    look-alike in the other script (`levels.HOMOGLYPHS`) matches both ("оп." also "on.", "Oп.")."""
    twins = {**lv.HOMOGLYPHS, **{lat: cyr for cyr, lat in lv.HOMOGLYPHS.items()}}
    out = []
    for ch in form:
        low = ch.lower()
        if ch == " ":
            out.append(r"\s*")
        elif low in twins:
            out.append(f"[{low}{twins[low]}]")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def _forms(
    folded: list[str], exact: list[str], loose_end: bool = False, dotless: frozenset[str] = frozenset()
) -> str:
    """Level-word forms, longest first; folded ones case-insensitive; a space may be any space;
    with `loose_end`, a final period of a form of several parts may be missing ("12. ő. e"); a
    form in `dotless` may lose its period before a space and a digit ("f 4, op 16, d 1112")."""
    items = [(f, False) for f in folded] + [(f, True) for f in exact]
    items.sort(key=lambda item: len(item[0]), reverse=True)
    out = []
    for form, is_exact in items:
        body = regex.escape(form).replace(r"\ ", r"\s*") if is_exact else _letters(form)
        if loose_end and form.endswith(".") and form.count(".") > 1:
            body += "?"
        elif loose_end and form.endswith("."):  # "12. old" at the end of a note trimmed of its period
            body = body[: -len(regex.escape("."))] + r"(?:\.|(?=\s*(?:[,;)\]]|$)))"
        elif form in dotless:
            body = body[: -len(regex.escape("."))] + r"(?:\.|(?=\s{1,2}\d))"
        out.append(body if is_exact else f"(?i:{body})")
    return _first_char_guard(folded, exact) + "(?:" + "|".join(out) + ")"


def _first_char_guard(folded: list[str], exact: list[str]) -> str:
    """A lookahead for the first letters of the forms, tested before their long alternation.

    The `regex` module tries an alternation of case-folded words one by one at every position
    (about 10 µs per position for the 3,400 characters of the number words); one character
    class fails at once where no form can start. The guard only states what every form's first
    character already requires (its case variants, its look-alike), so matches are unchanged.
    """
    twins = {**lv.HOMOGLYPHS, **{lat: cyr for cyr, lat in lv.HOMOGLYPHS.items()}}
    loose = sorted({c for f in folded for c in (f[0], f[0].lower(), twins.get(f[0].lower(), f[0]))})
    strict = sorted({f[0] for f in exact})
    if any(f[:1].isspace() or not f for f in [*folded, *exact]):
        return ""  # a form that may start with a space or be empty: no first character to test
    alts = [f"(?i:[{regex.escape(''.join(loose))}])"] if loose else []
    alts += [f"[{regex.escape(''.join(strict))}]"] if strict else []
    return f"(?=(?:{'|'.join(alts)}))" if alts else ""


DOTLESS = frozenset(w.form for w in lv.WORDS if w.dotless)


def _words_of(kind: str, level: str | None = None) -> str:
    words = [w for w in lv.WORDS if not w.postfix and w.value == kind and (level is None or w.level == level)]
    return _forms(
        sorted({w.form for w in words if not w.exact}),
        sorted({w.form for w in words if w.exact}),
        dotless=DOTLESS,
    )


LOCATOR_PIECES: dict[str, str] = {
    # a word starts after a space or punctuation, and ends at its dot or at the end of the word
    "before": r"(?<![\w.'’-])",
    "after": r"(?:(?<=\.)|(?![\w]))",
    # "5", "009540", "059a", "Р-5446", "R9401", "1.1003" (a reel), "1283a" (a box), "1Б" (a
    # Bulgarian fund); an OCR Cyrillic "З" or "О" inside the digits is kept as written ("9З5")
    "number": r"(?:[A-ZА-ЯЁ]{1,2}[-–]?)?\d(?:[\dЗО]{0,5}\d)?(?![\dЗО])(?:\.\d{1,6})?(?:[a-zа-яёA-ZА-ЯЁ](?![\w]))?",
    # a verso or folio mark after a sheet number: "5ob.", "7 об.", "3 зв." and "47zv" (Ukrainian),
    # "8R" (German Rückseite), "12v", "12ff."
    "verso": r"(?:\s?(?:ob|об|зв|zv|ff|v|R)\.?(?![\w]))?",
    # "3-5ob.", "1050–1052"; never the head of a longer dashed number ("117-00761-01")
    "range": r"$number$verso(?:\s*[-–]\s*\d{1,6}(?!\d)(?:[a-zа-яё](?![\w]))?$verso)?(?![-–]\d)",
    # "1-3, 5", "12, 14": a list (kept whole for pages and plural words, cut to one otherwise)
    "list": r"$range(?:\s*,\s*(?!$year)\d{1,6}(?:\s*[-–]\s*\d{1,6})?$verso(?![\w/.–-]))*",
    # NARA entry numbers: "A1–5066", "UD–WW–9", "5403", "A1 5405", "UD 2689", "P 108"
    "code": r"(?:[A-Z]{1,2}\d?\s(?=\d))?[A-Z0-9]{1,4}(?:[-–][A-Z0-9]{1,5}){0,3}(?![\w])",
    # lot file numbers: "83D222", "66 D 193"
    "lot": r"\d{2}\s?D\s?\d{1,4}(?![\w])",
    # Federal Records Center accessions: "70 A 1265"
    "accession": r"\d{2}\s?A\s?\d{1,5}(?![\w])",
    # a fund written as a code with its parts: "KSČ-ÚV-02/1", "1261/0/5", "100/3" (Czech)
    "fund_code": r"[\p{Lu}\d][\p{L}\d]*(?:[-–][\p{L}\d]+)*(?:/[\p{L}\d]+)+(?![\w/])",
    "fund_words": _words_of("number", "fund"),
    # a signature with its parts: "sygn. 237/V-45", "sign. 310-12-5", "dosar 12/1968"
    "call_number": r"[\p{Lu}\d][\p{L}\d]*(?:[-–/.][\p{L}\d]+)*(?![\w/–-])",
    "call_number_words": _words_of("call_number"),
    "number_words": _words_of("number"),
    "code_words": _words_of("code"),
    "lot_words": _words_of("lot"),
    "accession_words": _words_of("accession"),
    "postfix_words": _forms(*lv.forms(postfix=True), loose_end=True),
    "archive": r"\L<archive_names>",
    # an archive's name counts where a separator, a level or a number follows it, not inside a
    # title ("Department of State Manual of Regulations")
    "archive_end": r"(?=\s*(?:[,.;:()\[\]]|$)|\s+\p{L}{1,12}\.?\s*[-–]?[\d№]|\s+\d)",
    "uk_dept": _alternation(lv.codes("uk")),
    "de_code": _alternation(lv.codes("de")),
    # a German signature: "IV 2/2.035/56", "J IV 2/2/123", "IV A 2/20/456", "1234"
    "sig_part": r"(?:(?:[A-Z]\s)?(?:[IVX]{1,4}\s?(?:[A-Z]\s)?)?\d{1,5}(?:\.\d{1,5})*[a-zA-Z]?|[IVX]{1,4})",
    "signature": r"$sig_part(?:/$sig_part){0,5}",
    # "FO 371/123456", "PREM 11/1234", "CAB 128/29", and a registry number "F 1041/5", "CM (55) 12"
    "uk_ref": r"""(?P<uk_fund>$uk_dept)\s?(?P<uk_inventory>\d{1,4})/(?P<uk_file>\d{1,6}[A-Z]?)(?![\w/])
        (?:\s*,\s*(?P<uk_subfile>[A-Z]{1,2}\s?\d{1,5}/\d{1,4}(?:/\d{1,4})?|C[MC]?\s?\(\d{2}\)\s?\d{1,3}(?:st|nd|rd|th)?(?:\s+[Cc]onclusions)?))?""",
    # "DY 30/IV 2/2.035/56", "NY 4090/123", "B 136/1234", "RH 19 III/123", "R 43-I/1309"; "MfAA,
    # A 17392" (a fund, then a signature)
    "de_ref": r"""(?P<de_fund>(?:$de_code)(?:\s?\d{1,4}(?:[-\s][IVX]{1,4})?)?)(?:/|,\s(?=[A-Z]\s\d))(?P<de_file>(?:[A-Z]\s)?$signature)(?![\w/])""",
    # PRC Foreign Ministry file numbers: "105-00650-02", "204-00007-15(1)"
    "cn_ref": r"(?P<cn_file>\d{3}-\d{5}-\d{2}(?:\(\d\))?)(?![\w-])",
    # bare numbers in the archive's level order: "558/11/65", "R-9401/1/2068", "R9401 2 65"; the
    # last may be a range of sheets ("3/65/776/1-3"), and sheets may follow a colon ("5/30/335: 12–14")
    "slash": r"""(?P<slash>$number(?:/$number){2,4}(?:[-–]\d{1,5})?)(?![\w/])
        (?:\s*:\s*(?P<slash_pages>$list))?""",
    # fonds-catalogue-file call numbers of Chinese local archives: "B1-2-1234", "3124-2-156"
    "hyphen": r"(?P<hyphen>[A-Z]?\d{1,5}-\d{1,5}-\d{1,6})(?![\w-])",
    "spaced": r"(?P<spaced>(?:[A-ZА-Я]-?)?\d{1,6}[a-zа-я]?(?:\s\d{1,6}[a-zа-я]?){2,3})(?![\w/.–-])",
    # Hungarian: the value before its word, "288. f.", "45. doboz", "12. ő. e.", and a unit with
    # its series before a slash: "5/412. ő.e." (series 5), "32/1967/12. ő.e." (series 32/1967)
    "postfix": r"""(?:(?P<pseries>\d{1,4}(?:/\d{4})?)/)?(?P<pvalue>(?:[A-Z]-[A-Z]{1,3}\s)?\d{1,6}[a-z]?)\.?\s*
        (?P<pword>$postfix_words)$after""",
    "prefix": r"""(?:(?P<word>$lot_words)$after\s*(?P<value>$lot)
        | (?P<word>$accession_words)$after\s*(?P<value>$accession)
        | (?P<word>$code_words)$after\s*:?\s*(?P<value>$code)
        | (?P<word>$fund_words)$after\s*(?P<value>$fund_code)
        | (?P<word>$call_number_words)$after\s*(?P<value>$call_number)
        | (?P<word>$number_words)$after(?:\s*,(?!\s*$year)|\s*:)?\s*(?:(?:№|[Nn]o\.|[Nn]r\.)\s*)?(?P<value>$list))""",
    "year": YEAR,
    # a short form defined in passing is no level: "(henceforth Noble Papers)", "(hereafter RGASPI)"
    # ... and in the archives' languages: далее, далі, ci-après, dalej, dále jen, a továbbiakban
    "hence": r"""\((?:[Hh]enceforth|[Hh]ereafter|[Hh]ereinafter|далее|далі|ci-après|dalej|dále\s+jen|a\s+továbbiakban|im\s+Folgenden)
        (?:\s+cited\s+as)?(?:\s*[—–:-])?\s+
        (?P<short>[^()]{1,80}?)\)""",
    # one test of the word start for all alternatives but the bracketed short form; an archive's
    # name starts with one of the names' first three letters, a level word has its number within
    # 40 characters: two cheap tests that spare most words of prose the long alternations
    "token": r"""(?P<hence>$hence)
        | $before(?:(?=\L<archive_starts>)(?<!\[)(?P<archive>$archive)(?!\s*[,.]?\s*[”"])$archive_end
          | $uk_ref
          | $de_ref
          | $cn_ref
          | $postfix
          | (?=\D{0,40}+\d)$prefix
          | $slash
          | $hyphen
          | $spaced)""",
}
# One locator token: an archive, a level word with its value, a code, or shorthand numbers.
LOCATOR_TOKEN = _compile(_expand("$token", LOCATOR_PIECES), FLAGS)
# What may open a locator outside brackets and notes: a fund-level word with its number, a
# record group, a UK or German code with its slash, a PRC file number (cheap to find).
# plain forms (no look-alike letters): a cheap test, the grammar reads the rest
_FUND_FORMS = sorted(
    {(w.form, w.exact) for w in lv.WORDS if w.level == "fund" and not w.postfix}, key=lambda fe: -len(fe[0])
)
FUND_FORMS = (
    _first_char_guard([f for f, exact in _FUND_FORMS if not exact], [f for f, exact in _FUND_FORMS if exact])
    + "(?:"
    + "|".join(regex.escape(f) if exact else f"(?i:{regex.escape(f)})" for f, exact in _FUND_FORMS)
    + ")"
)
LOCATOR_HINT = _compile(
    _expand(
        rf"""$before(?:(?:{FUND_FORMS})$after\s*,?\s*(?:[A-ZА-Я]-?)?\d
        | (?:$uk_dept)\s?\d{{1,4}}/\d | (?:$de_code)\s?\d{{1,4}}/ | \d{{3}}-\d{{5}}-\d{{2}}
        | Archives?,\s[A-Z]?\d{{1,5}}-\d)""",
        LOCATOR_PIECES,
    ),
    FLAGS,
)
# A US locator may open with a collection, a box, an entry or a lot file and no archive's name.
US_HINT = _compile(r"\bBox\s\d|\w\sPapers\b|\bEntry\s\w|\bLot\s(?:Files?\s)?\d|\bSeries\b|\bFiles\b")
HENCEFORTH = _compile(_expand("$hence", LOCATOR_PIECES), FLAGS)
# Where a locator's parts are cut: commas and semicolons outside brackets and quotes.
LOCATOR_SEPARATOR = _compile(r"[,;]", FLAGS)
# A folder title that is a date or a number only: "1947–1948", "January–October 1953", "16".
YEARS_ONLY = _compile(rf"^(?:{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d\d))?)$", FLAGS)
NUMBER_ONLY = _compile(r"^\d{1,5}[a-z]?$", FLAGS)
# A decimal or subject-numeric file: "811.00/5–1645", "023.1/3–2654", "751G.00", "POL 27 VIET S".
DECIMAL_FILE = _compile(
    r"^(?:\d{3}(?:\.\d+)?[A-Z]{0,2}(?:\.\d+)?(?:/|\s|$)|[A-Z]{2,4}\s\d{1,3}(?:-\d+)*(?:\s|$))", FLAGS
)
# A US file unit written as a code, wherever it stands before or after the box: a decimal file
# ("751G.00/1-2558", "091 Indochina"), a subject-numeric file ("POL 27 VIET S", "POL US-USSR"),
# a serial number ("NSC 5405", "CF 2051"), an electronic telegram of the CFPF ("1974SAIGON01234"),
# a post's file number and subject ("350—Political Reporting"); a telegram's number may be
# spaced ("2002 ATHENS 002867").
FILE_CODE = _compile(
    r"""^(?:\d{3}(?:\.\d+)?[A-Z]{0,2}(?:\.\d+)?(?:/|\s|[—–-]\p{L}|$)
        | [A-Z]{2,5}\s(?:\d{1,5}(?:[-–]\d+)*|[A-Z]{2,}[-–][A-Z]{2,})(?:\s|$)
        | \d{4}\s?[A-Z]{3,}\s?\d{3,6}$)""",
    FLAGS,
)
# A record group's title after (or before) its number is no series of it: "Records of the JCS",
# "General Records of the Department of State", "Foreign Service Posts of the Department of
# State" (NARA's Guide to Federal Records names record groups "Records of the ..."); "Records of
# Action", a series, has no "the".
RG_TITLE = _compile(
    r"^(?:(?:General\s+|Classified\s+)?Records\s+of\s+the\s+\p{Lu}|(?:Records\s+of\s+(?:the\s+)?)?Foreign\s+Service\s+Posts\s+of\s+the\s+)",
    FLAGS,
)
# A microfilm publication is a copy, no level of the original: "M329", "National Archives
# Microfilm Publication M316" (its archive, when named, still says where the original is).
MICROFILM_PUBLICATION = _compile(
    r"^(?:(?P<archive>.+?)\s+)?Microfilm\s+Publication\s+[A-Z]{1,2}\d{1,5}$|^[MT]\d{2,5}$", FLAGS
)
# A French or Polish call number, a fonds (or series) code and the article's number: "GR 10 H 164",
# "5 AG 1/245", "119QO/456", "CONSPOL 123", "BU 1585/4112" (the code holds a letter; the article
# is no year).
COTE = _compile(rf"^(?P<code>[^,/]*\p{{L}}[^,/]*?)(?:\s|/)(?!{YEAR}$)(?P<article>\d{{1,6}})$", FLAGS)
# A Hungarian foreign-ministry document number, a registry number with its year: "00123/1966",
# "001-23/1968" (the subfile, below the subject number).
REGISTRY_NUMBER = _compile(rf"^\d{{1,6}}(?:-\d{{1,4}})?/{YEAR}$", FLAGS)
# "Collection: Series" before the box ("Brzezinski Material: Subject File", "NSC: Country File").
COLON_SPLIT = _compile(r"^(?P<left>[^:]{2,80}?):\s+(?P<right>\p{Lu}[^:]{1,80})$", FLAGS)
# "WHCF-Subject File": a collection's abbreviation and its series joined by a hyphen.
HYPHEN_SPLIT = _compile(r"^(?P<left>[A-Z]{2,6})-(?P<right>\p{Lu}[\w' ]*\b(?:Files?|Series))$", FLAGS)
# "CC al PCR – Secţia Relaţii Externe": a fonds and its structural part (Romanian).
PART_SPLIT = _compile(r"^(?P<left>.+?)\s+[–—]\s+(?P<right>\p{Lu}.+)$", FLAGS)
# What restates an archive's name next to it: "(formerly TsKhSD)", "(now RGANI)", "(also ...)".
ARCHIVE_RESTATED = _compile(r"^[\s,]*\(?\s*(?:(?:formerly|now|also|then|previously|earlier)\s+)?$", FLAGS)

# Where a citation may end and another begin inside one string: a semicolon, or an " and "
# (", and "; in the languages of the archives' notes: "und", "et", "i", "és", "и") between two
# documents or two locators.
CITATION_CUT = _compile(r";\s*|,?\s+(?:and|und|et(?!\s+al\b)|i|és|и)\s+", FLAGS)
# A lead-in that says where documents are, with no document line: "Both documents are in",
# "The originals are held in", "These are at", and lower-case phrases: "the reports in",
# "original in", "also in".
LOCATED_IN = _compile(
    r"""^\s*(?:(?:\p{Lu}[\w’']*(?:\s+[\w’']+){0,4}\s+)?(?:is|are|was|were)\s+(?:both\s+|all\s+)?(?:(?:held|kept|preserved|filed)\s+)?(?:in|at|among)
        | (?:\p{Ll}[\w’']*\s+){1,4}(?:in|at))\s*:?\s*$""",
    FLAGS,
)
# The word that opens a document's description in a note ("memorandum of conversation between
# ...", "Note pour le ministre", "Record of ..."): where an " and " starts another document.
DOCUMENT_WORD = _compile(
    r"""^(?:the\s+|a\s+|an\s+)?(?:memorandum|memoranda|memo|letter|telegram|tel\.|cable|despatch|dispatch
        |airgram|report|minutes|note|notes|record|conversation|transcript|message|instruction|circular
        |draft|paper|study|summary|aide-m[ée]moire|protocol|press\s+conference|speech|statement|diary
        |notes?\s+of|enclosure|attachment
        # the same kinds of document in the archives' languages (German, French, Russian, Polish,
        # Czech, Hungarian)
        |vermerk|aktenvermerk|bericht|telegramm|brief|niederschrift|protokoll|aufzeichnung
        |télégramme|lettre|dépêche|compte\s+rendu|procès-verbal
        |записка|запись|телеграмма|письмо|справка|доклад|протокол|стенограмма|информация
        |notatka|szyfrogram|sprawozdanie|pismo|zpráva|záznam|dopis|jelentés|feljegyzés|távirat)\b""",
    FLAGS | regex.IGNORECASE,
)
# The lead-in of a note's citation: "See", "See also", "passim,", "both in", "Quote from".
NOTE_LEAD_IN = _compile(
    r"""(?:(?:[Aa]nd\s+)|(?:For\s[^;]{1,160}?,\s+see,?\s+)|(?:[Ss]ee|[Cc]f\.)(?:\s+also)?(?:,?\s+(?:for\s+example|e\.g\.),?)?,?\s+|(?:[Qq]uotes?\s+(?:from|in)\s+)
        |(?:[Pp]assim,?\s+)|(?:(?:both|all)\s+in\s+)|(?:in\s+))+""",
    FLAGS,
)
# A correspondence line: "Perkins to Franklin", "U.S. Embassy Tokyo to Secretary of State".
CORRESPONDENCE = _compile(r"\S\s+to\s+\S", FLAGS)
# " and " or "; " between two documents or two citations of a note.
AND_SPLIT = _compile(r"\s+and\s+", FLAGS)
# A sentence end inside a note: a period, then a capital, not after an initial or an abbreviation.
# (The lookbehinds stand before the period: "vol. IX", "p. E8", "2nd Sess. (Washington", "U.S.
# Embassy", "George McT. Kahin" and the abbreviations of names of bodies, "Amer. Soc. Of
# Internat’l Law", go on.)
NOTE_SENTENCE_END = _compile(
    r"""(?<![\s.(\[][A-Z])(?<!\b\p{Lu}\p{Ll}\p{Lu})(?<!\b(?:vol|vols|no|nos|pp|p|Mr|Mrs|Dr|St|Jr|Sr|Gen|Col|Sess|Cong|Doc|Docs|Rpt|Rept|Hrg|Res
            |ed|eds|Ed|Eds|trans|Vol|Vols|No|Nos|cf|ff|fol|op|ll|l|d|f|Bd|Bl|S|H|Nr|art|sec|Sec|Ch|ch|pt|Pt|pts
            |Amer|Soc|Assoc|Dept|Govt|Univ|Inst|Natl|Intl|Comm|Corp|Gov|Rep|Sen|Adm|Capt|Lt|Maj|Prof|Rev|Hon|Amb
            |Exec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|repr|rev|esp))
        (?<![A-Z]\.[A-Z])\.[”"]?\s+(?=[A-Z“"‘(])""",
    FLAGS,
)

# ---------------------------------------------------------------------------------------------
# Short forms, interviews, bibliographic references
# ---------------------------------------------------------------------------------------------

# "Ibid., p.152", "ibid. p. 7", "Ibid", "Id.".
# What an ibid may name besides pages: "Ibid., doc. 283", "Ibid., vol. 3, p. 5", "Ibid., no. 12".
IBID_LOCATOR = r"(?:(?:[Dd]oc(?:ument)?|[Nn]o|[Vv]ol|[Ii]tem|[Tt]el(?:egram)?)\.?\s*\d+[a-z]?)"
# A note's ibid may give its pages bare, as the Chicago notes do: "Ibid., 122", "Ibid., 45–47".
IBID = _compile(
    rf"""^\s*(?:[Ii]bid(?:em)?|[Ii]d)\.?\s*,?\s*(?:{IBID_LOCATOR}\s*,?\s*)*
        (?:{PAGES}|(?<=,\s*)(?P<pages>\d{{1,5}}(?:\s*[-–]\s*\d{{1,5}})?))?\s*[.,;]?\s*$""",
    FLAGS,
)
# "conversation with Chan Ven, Phnom Penh, July 15, 1984"; "personal communication 14th of
# August 1993"; "interview with ...".
INTERVIEW = _compile(
    rf"""^\s*(?:[Cc]onversations?|[Ii]nterviews?|[Pp]ersonal\s+communication|[Tt]alks?)
        (?:\s+(?:with|by)\s+(?P<persons>[^,;()]+?)(?=\s*[,;]|\s*$))?
        (?:\s*,\s*(?!{MONTH})(?P<place>[A-Z][^\W\d]+(?:[\s-][A-Z][^\W\d]+){{0,3}}))?
        (?:\s*,)?\s*(?P<rest>.*)$""",
    FLAGS,
)
# A surname as cited: "Chanda", "To", "McNamara" (one inner capital), "Nguyen-Vo".
SURNAME = r"(?:\p{Lu}[\p{Ll}'’]*(?:\p{Lu}[\p{Ll}'’]+)?(?:-\p{Lu}[\p{Ll}'’]+)?)"
# A name of several words: "Ben Kiernan", "Nguyen Thi Dinh".
FULL_NAME = rf"(?:{SURNAME}(?:\s+{SURNAME}){{0,3}})"
# Authors: one or two full names ("Kiernan and Boua"), or a comma list of single surnames
# ("Smith, Jones and Brown"); a title and a place ("Black Paper, Phnom Penh") are neither.
AUTHORS = rf"""(?:{SURNAME}(?:\s*,\s*{SURNAME})+(?:,?\s+(?:and|&)\s+{SURNAME})?
    | {FULL_NAME}(?:\s+(?:and|&)\s+{FULL_NAME})?)"""
# Notes in the Chicago style name authors in full: "Nayan Chanda", "Stephen J. Morris",
# "Ben Kiernan and Chantou Boua".
NOTE_NAME = r"(?:\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,3})"
NOTE_NAMES = rf"(?:{NOTE_NAME}(?:,?\s+(?:and|&)\s+{NOTE_NAME})?)"
NOTE_PAGES = rf"(?:(?:pp?\.\s*)?(?P<pages>{PAGE_LIST}))"
# A book: "Nayan Chanda, Brother Enemy (San Diego: Harcourt Brace Jovanovich, 1986), 59."
CHICAGO_BOOK = _compile(
    rf"""^\s*(?P<authors>{NOTE_NAMES}),\s+(?P<title>[^()]{{3,}}?)\s*
        \((?:[^():]+:\s*)?[^(),]+,\s*(?P<year>{YEAR})\)
        (?:,\s*{NOTE_PAGES})?\s*\.?\s*$""",
    FLAGS,
)
# An article: 'Stephen J. Morris, "The Soviet-Chinese-Vietnamese Triangle," Journal of Cold War
# Studies 3, no. 2 (2001): 47-52.'
CHICAGO_ARTICLE = _compile(
    rf"""^\s*(?P<authors>{NOTE_NAMES}),\s+["“](?P<title>[^"”]{{3,}}?),?["”]\s+[^()]*?
        \((?:[^()]*?\s)?(?P<year>{YEAR})\)(?:[:,]\s*{NOTE_PAGES})?\s*\.?\s*$""",
    FLAGS,
)
# A short note after the first full one: "Chanda, Brother Enemy, 59." (notes only: in brackets
# "(Hanoi, Phnom Penh, 12)" would read the same).
SHORT_NOTE = _compile(
    rf"""^\s*(?P<authors>{SURNAME}(?:\s+and\s+{SURNAME})?),\s+(?P<title>[*"“]?\p{{Lu}}[^,()]{{2,80}}?[*"”]?),\s+
        {NOTE_PAGES}\s*\.?\s*$""",
    FLAGS,
)
# "(Chanda 1986, pp. 217-218)", "(Kiernan and Boua 1982, p. 194)", "(Kiernan 1982 p. 233)",
# "(Smith et al. 1990: 12)", "(Chanda, 1986)".
AUTHOR_YEAR = _compile(
    rf"""^\s*(?:see\s+(?:also\s+)?)?
        (?P<authors>{AUTHORS}(?:\s+et\s+al\.)?)
        ,?\s+(?P<year>{YEAR}[a-z]?)
        (?:\s*[,:]?\s*(?:{PAGES}|(?P<pages>\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?)))?
        \s*[.;]?\s*$""",
    FLAGS,
)
# "On the History of the Vietnamese-Kampuchean Conflict, Hanoi, 1979, p. 9": title, place, year.
TITLE_YEAR = _compile(
    rf"""^\s*(?P<title>[*"“‘']?[A-Z][^();]{{8,}}?)
        (?:\s*,\s*(?P<place>[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}}))?
        \s*,?\s+(?P<year>{YEAR})
        (?:\s*,?\s*{PAGES})?
        [\s.*]*$""",
    FLAGS,
)
# An emphasised or quoted title with pages and no year: "*Provatesat songkhep ...*, p. 6".
TITLE_PAGES = _compile(
    rf"""^\s*(?P<title>\*[^*]{{8,}}\*|“[^”]{{8,}}”|"[^"]{{8,}}")\s*,?\s*{PAGES}\s*$""",
    FLAGS,
)
# Newspaper issue: "Nhan Dan. 29 VII, 1976", "\"Pravda,\" October 26, 1976".
NEWSPAPER = _compile(
    r"""^\s*["“]?(?P<title>[A-Z][\w']+(?:\s[A-Z][\w']+){0,3})[,.]?["”]?[,.]?\s+(?P<rest>.+)$""",
    FLAGS,
)
# A reference-list entry: "Chanda, Nayan. 1986. Title...", "Kiernan, Ben and Chantou Boua, ed.
# 1982. ...", "Skvortsov, V . 1980. ...", "To Kuyen. 1984. ...", and the APA style with the
# year in brackets: "Chanda, N. (1986). Brother Enemy. San Diego: Harcourt."
REFERENCE_ENTRY = _compile(
    rf"""^\s*(?:[-•*]\s+)?
        (?P<authors>[A-Z][^\d()]{{1,80}}?)
        (?:\s*[.,]\s*(?P<year>{YEAR}[a-z]?)          # "Chanda, Nayan. 1986"
          |\s*[.,]?\s*\((?P<year>{YEAR}[a-z]?)\))    # "Chanda, N. (1986)"
        \s*[.,]\s*
        (?P<title>.+)$""",
    FLAGS,
)
# A reference-list entry in the Chicago bibliography style, the year last: "Chanda, Nayan.
# Brother Enemy: The War after the War. San Diego: Harcourt Brace Jovanovich, 1986."
REFERENCE_ENTRY_YEAR_LAST = _compile(
    rf"""^\s*(?:[-•*]\s+)?
        (?P<authors>\p{{Lu}}[^\d().]{{1,60}}?(?:\s\p{{Lu}}\.)*)\.\s+
        (?P<title>[^\d]{{3,}}?)\.\s+
        [^:\n]{{2,40}}:\s*[^,\n]{{2,80}},\s*(?P<year>{YEAR}[a-z]?)\.?\s*$""",
    FLAGS,
)
# A reference-list entry led by its year: "1965. Fund 5, ...", "[1966?] Fund 5", "1984. *Title*".
YEAR_LED_ENTRY = _compile(
    rf"""^\s*\[?(?P<year>{YEAR})\??\]?\s*[.,]?\s+(?P<rest>.+)$""",
    FLAGS,
)
# A footnote or endnote on its own line: "12. Memorandum of conversation ..., AVPRF, f. 079, ...",
# "13 Ibid., l. 5." (a number of at most three digits, so a year never opens one).
# Both this and REFERENCES_HEADING start at a literal newline, which the engine finds fast (a
# MULTILINE "^" is tried at every position): a note or heading on a text's first line is missed.
NOTE_LINE = _compile(
    r"""\n[ \t]*(?P<number>\d{1,3})[.)]?[ \t]+(?P<body>(?:\p{Lu}|[Ii]bid|[Ss]ee\s|[“"‘])[^\r\n]*?)[ \t\r]*(?=\n|\Z)""",
    FLAGS,
)
# Several citations in one note: "Chanda 1986, p. 59; Kiernan 1985, p. 12".
NOTE_SEPARATOR = _compile(r";\s+", FLAGS)
# Headings that open a reference list.
REFERENCES_HEADING = _compile(
    r"""\n[ \t]*(?:References|Bibliography|Works\s+Cited|Sources|Literature|Notes\s+and\s+References
        |Select(?:ed)?\s+Bibliography|Список\s+литературы|Литература)[ \t]*:?[ \t\r]*(?=\n|\Z)""",
    FLAGS,
)

# ---------------------------------------------------------------------------------------------
# Notes in the Chicago style: the pieces of a bibliographic note (citations/chicago.py reads a
# note as comma segments and uses these to say what each segment is)
# ---------------------------------------------------------------------------------------------

# A web address: "https://history.state.gov/about/hac/june-1996", "www.fas.org/sgp/...". Its
# last character is not a sentence's period or a closing bracket.
URL = regex.compile(r"(?:https?://|www\.)[^\s<>“”\"]*[^\s<>“”\".,;:)\]]", FLAGS)
# Several addresses of one page or site: "URL and URL", "URL, URL".
URL_JOIN = regex.compile(r"\s*(?:,|and|,\s*and)\s*$", FLAGS)
# A person named in full anywhere in a text: "Justin Hart", "Athan G. Theoharis" (the given name
# is checked against the lexicon by the caller).
FULL_NAME_IN_TEXT = regex.compile(
    r"""\b(?P<given>\p{Lu}\p{Ll}+)(?:\s+(?P<initial>\p{Lu}\.)|\s+\p{Lu}\p{Ll}+){0,2}
        \s+(?P<surname>\p{Lu}\p{Ll}{0,2}\p{Lu}\p{Ll}+|\p{Lu}[\p{Ll}'’]+(?:[-–]\p{Lu}[\p{Ll}'’]+)?)\b""",
    FLAGS,
)
# A book's publication facts: "(Oxford: Oxford University Press, 2013)", "(Washington: Government
# Printing Office, 1953)", "(Cambridge: CUP, 2012; original German language publication 2004)".
PUBLICATION = regex.compile(
    rf"""\((?P<place>[^():;]{{2,80}}?):\s*(?P<publisher>[^():;]{{2,120}}?),\s*(?P<year>{YEAR})(?:\s*;[^()]*)?\)""",
    FLAGS,
)
# A journal issue in brackets: "(July 1949)", "(Spring 1987)", "(March 14, 1956)", "(2001)".
ISSUE = regex.compile(
    rf"""\((?P<issue>(?:(?:{MONTH}|{SEASON})(?:\s+{DAY},)?\s+)?{YEAR})\)(?:\s*:\s*(?P<pages>\d[\d\s,–-]*))?""",
    FLAGS,
)
# A page reference of a note: "p. 120", "pp. 856–858", "pp. x and 146", "pp. 2128, 2130, and
# 2140–2143", "pp. xxii–xxv, 11–16", "p. E8" (a section letter: no integer page). Roman pages
# and lettered pages are read and then left out (docs/annotation.md).
NOTE_PAGE_ITEM = r"(?:[A-Z]?\d{1,5}(?:\s*[-–]\s*[A-Z]?\d{1,5})?(?![\d/])|[ivxlcdm]{1,7}(?:\s*[-–]\s*[ivxlcdm]{1,7})?|[IVXLC]{1,7}(?:\s*[-–]\s*[IVXLC]{1,7})?)(?![\w])"
NOTE_PAGE_REF = regex.compile(
    rf"""(?<![\w.])(?:pp?\.|pages?)\s*(?P<list>{NOTE_PAGE_ITEM}(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?!{YEAR}\b){NOTE_PAGE_ITEM})*)""",
    FLAGS,
)
NOTE_PAGE_SPLIT = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\band\s+)\s*", FLAGS)
ARABIC_PAGES = regex.compile(r"^(\d{1,5})(?:\s*[-–]\s*(\d{1,5}))?$", FLAGS)
# Columns or pages given bare after a volume: "Hansard, ..., Vol. 538, 1449–1451".
BARE_PAGES = regex.compile(r"^\d{1,5}(?:\s*[-–]\s*\d{1,5})?$", FLAGS)
# A pinpoint in brackets after the range: "pp. 453–459 (quote from p. 453)".
PINPOINT = regex.compile(r"\(\s*(?:quotes?|quoted|cited)\s+(?:from|on|at)\s+(?P<ref>pp?\.\s*[^()]+)\)", FLAGS)
# The numbering of a publication, which a title does not end with: "vol. IX", "Vol. 7: 84th
# Congress, 1st Session", "pt. 2", "Part 1", "No. 76", "Document 138", "83rd Cong.", "2nd
# Sess.", congressional document numbers ("S. Doc. 105–2", "S. Hrg. 106–713", "Senate Report
# 107–60"), "Public Law 106–567" (GPO style manual, ch. 18; Chicago Manual of Style 14.289-14.301).
NUMBERING = regex.compile(
    rf"""^(?:(?:[Vv]ol(?:ume)?s?|[Pp]ts?|[Pp]arts?|[Nn]os?|[Nn]umber|[Dd]oc(?:ument)?s?|[Ii]tem|[Ss]ec(?:tion)?|[Cc]h(?:apter)?|[Ee]xhibits?)(?:\.\s*|\s+)[\dIVXLCivxlc][\w.–-]*(?:\s*:.*)?
        | \d{{1,3}}(?:st|nd|rd|th)\s+(?:[Cc]ong(?:ress|\.)?|[Ss]ess(?:ion|\.)?)
        | \d{{1,4}}
        | (?:S|H|H\.R|S\.\s?Con|H\.\s?Con)\.\s?(?:Doc|Rpt|Rept|Hrg|Res|Prt)\.\s*\d[\d–-]*
        | (?:Senate|House)\s+(?:Report|Document|Hearing|Print|Resolution)s?\s+(?:No\.\s*)?\d[\d–-]*
        | Public\s+Law\s+\d[\d–-]*
        | {YEAR})$""",
    FLAGS,
)
# A congressional document's number is no part of its title (the ch12 decisions): "Senate
# Report 107–60, “Foreign Relations Authorization Act ...”" -> the quoted title only.
CONGRESSIONAL_NUMBER = regex.compile(
    r"""^(?:(?:S|H|H\.R)\.\s?(?:Doc|Rpt|Rept|Hrg|Res|Prt)\.|(?:Senate|House)\s+(?:Report|Document|Hearing|Print)|Public\s+Law)""",
    FLAGS,
)
# An executive document's type and number is part of its title: "Presidential Review Directive
# 29", "Executive Order 12958", "NSC 68" (capitalised words, then the number).
DESIGNATION = regex.compile(r"^\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4}\s+\d[\w–-]*$", FLAGS)
# Kinds of document named after their writer: "Robert Gates speech", "Dulles testimony before
# ...", "Kimball letter to the editor", "Samuel Flagg Bemis review of ...", "CIA Historical
# Review Panel statement" (Chicago Manual of Style 14.211-14.233, 14.228: unpublished and
# informally published material; 14.216: speeches and lectures).
GENRE = r"""(?:speech|speeches|address|remarks|statement|testimony|presentation|lecture|paper|papers|editorial
    |memorandum|memoranda|memo|letter|letters|review|report|interview|commentary|note|notes|minutes
    |cable|telegram|summary|agenda|transcript|diary|draft|article|comments|briefing|study|press\s+release)"""
GENRE_AFTER_NAME = regex.compile(rf"^(?P<name>[^,]+?)\s+(?P<genre>{GENRE})\b(?P<rest>.*)$", FLAGS)
GENRE_START = regex.compile(r"^(?:[Mm]inutes|[Mm]emorand(?:um|a)|[Tt]ranscript|[Nn]otes)\s+of\b", FLAGS)
# A container that is a book or a series, not a periodical with issues: "National Security
# Archive Electronic Briefing Book No. 179", "The American Presidency Project", "... website".
MONOGRAPH = regex.compile(
    r"\b(?:Books?|Series|Project|Papers?|Collection|Library|Archives?|[Ww]ebsite|Site|Database)\b", FLAGS
)
# How an item stands in the work that holds it: "X, March 22, 1955 in Peter Boyle, ed., ...",
# "Exhibit D in", "included with", "printed as", "attached to", "quoted in" (then the work
# quoting it is the one cited), "in" (a chapter in an edited book).
HOLDER = regex.compile(
    r"""(?:,\s*|\s+)(?P<how>(?:[Ee]xhibits?\s+[A-Z](?:\s+and\s+[A-Z])*\s+in|included\s+with|printed\s+(?:as|in)|reprinted\s+in|attached\s+to|quoted\s+in|cited\s+in|in))\s+(?=[\p{Lu}“"])""",
    FLAGS,
)
# "ed.", "eds.", "trans.", "comp." after a name: "John Snell, ed.", "eds. Gerhard Peters and ...".
EDITOR = regex.compile(r"^(?:eds?|trans|comp|editors?)\.?$", FLAGS)
# The editor or translator of the work, after its title: "ed. Peter Lowe", "trans. Harold
# Shukman", "edited by ...": no part of the title; the names are people.
EDITED_BY = regex.compile(
    r"^(?:eds?\.|trans\.|comp\.|edited\s+by|translated\s+by)\s+(?P<names>\p{Lu}[^()]*?)\s*(?:\(.*)?$", FLAGS
)
# A name's suffix that stands after a comma: "Herbert Hoover, Jr.".
NAME_SUFFIX = regex.compile(r"^(?:Jr|Sr|II|III|IV)\.?$", FLAGS)
# One word of a person's name as cited: "Nancy", "J.", "McT.", "McAuliffe", "VanDeMark", "O’Connor".
NAME_WORD = regex.compile(
    r"^(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}\p{Ll}{1,2}\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:[-–]\p{Lu}[\p{Ll}'’]+)?|\p{Lu}[\p{Ll}]{0,2}(?:\p{Lu}\p{Ll}{1,2})?\p{Lu}[\p{Ll}'’]+|\[\p{Lu}[\p{Ll}]*\])$",
    FLAGS,
)
# Lower-case particles inside a name: "Charles de Gaulle", "Ludwig van Beethoven".
NAME_PARTICLE = regex.compile(r"^(?:de|van|von|der|den|da|di|du|del|la|le|bin|ibn|al|ter)$", FLAGS)
# Words no person's name holds; with the lexicon's organisation heads they mark a title.
NOT_NAME_WORD = regex.compile(
    r"^(?:The|A|An|Of|On|In|For|With|From|To|And|By|At|U\.S\.|United|States|See|Also|Report|Papers|Documents|Relations|Records|Minutes|Vol|No)$",
    FLAGS,
)
# Separators of the names of an author list: "Betty Glad and Jonathan Smith", "A, B, and C",
# "Robert S. McNamara with Brian VanDeMark".
NAME_LIST_SEP = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+with\s+|\s*&\s*)", FLAGS)
# "et al." after the first names.
ET_AL = regex.compile(r",?\s+et\s+al\.?$", FLAGS)
# A correspondence line at the start of a piece: "Kimball to Warren Christopher", "Henry Hayward
# and Neal Stanford to ...", "U.S. Embassy Tokyo to Secretary of State"; the sender has no digit.
CORRESPONDENCE_LINE = regex.compile(
    r"""^(?P<sender>\[?\p{Lu}[^,;:\d“”"]{0,80}?)\s+(?:through\s+[^,;:“”"]{1,40}?\s+)?to\s+(?P<receiver>[\[\p{Lu}][^,;“”"]*)""",
    FLAGS,
)
# The lead-in of a note's work, besides NOTE_LEAD_IN: "the preface to", "the prefaces in", "the
# foreword to", "sec. 205 of", "the subsequent congressional investigation report in", and the
# prose before a quoted title ("The most significant articles ... were “...").
WORK_LEAD_IN = regex.compile(
    r"""(?:(?:the\s+)?(?:prefaces?|forewords?|introductions?|afterwords?|editor['’]s\s+notes?)\s+(?:to|of|in)\s+
        | (?:sec(?:tion)?s?\.?|§)\s*\d[\w.]*\s+of\s+
        | (?:the\s+)?[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,6}\s+in\s+(?=\p{Lu})
        | (?:also\s+)?available\s+(?:online\s+)?(?:at|from)\s+
        | (?:[Qq]uoted|[Cc]ited|[Rr]eprinted|[Pp]rinted)\s+in\s+(?=\p{Lu})
        | for\s+[^,;]{1,80},\s+(?=\p{Lu})
        | (?:and|also|especially),?\s+(?:for\s+[^,]{1,80},\s+)?)""",
    FLAGS,
)
# Prose: four lower-case words in a row, in any script ("The most significant articles about the
# Yalta Papers ... were", "was forwarded to the", "указывал и посол в своем"), which no author,
# title segment or locator holds.
PROSE_RUN = regex.compile(r"(?<![\w’'])(?:\p{Ll}[\w’'-]*\s+){3}\p{Ll}[\w’'-]*", FLAGS)
# Three lower-case words in a row: prose before a book's title ("decision to release").
PROSE_RUN3 = regex.compile(r"(?<![\w’'])(?:\p{Ll}[\w’'-]*\s+){2}\p{Ll}[\w’'-]*(?=\s)", FLAGS)
# A short remark after a title: "as amended", "passim", "rev. ed.".
REMARK = regex.compile(r"^(?:as\s+amended|passim|rev\.\s+ed\.|repr\.|[a-z]+(?:\s+[a-z]+)?)$", FLAGS)
# What may stand before a date that fills a segment: a bracket, another season or month and a
# dash ("[April 14, 1955?]", "Winter-Spring 2001").
DATE_PREFIX = regex.compile(
    rf"^\[?(?:(?:{SEASON}|{MONTH})\s*[-–]\s*)?(?P<word>(?:{SEASON}|{MONTH})\s+)?$", FLAGS
)
# A remark in brackets that dates the item: "(amended September 30, 2002)", "(signed April 17, 1995)".
DATED_REMARK = regex.compile(
    r"\((?:amended|signed|issued|dated|revised|adopted)\s+(?P<date>[^()]{4,40})\)", FLAGS
)
# After a semicolon, the title may go on: "The Far East; China, pp. 1365–1409", "Near East Region;
# Iran; Iraq (https://...)": a few capitalised words, then pages, a bracket, a semicolon or the end.
TITLE_AFTER_SEMICOLON = regex.compile(
    r"^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*(?=,\s*pp?\.\s*\d|\(|;|$)", FLAGS
)
# The sender of a correspondence line that is an office: "U.S. Embassy Rio de Janeiro",
# "Department of State", "Secretary of State" (capitalised words with "of", "de", "the").
OFFICE_SENDER = regex.compile(
    r"^\[?\p{Lu}[\p{L}.’'\]]*(?:\s+(?:of|de|the|for|\p{Lu}[\p{L}.’'\]]*)){0,6}$", FLAGS
)
# A parenthesis opened by a lead-in holds citations: "(see A to B, ...)", "(cf. ...)".
PAREN_LEAD_IN = regex.compile(r"^(?i:see|cf\.|e\.g\.|for\s+example)\b", FLAGS)
# A parenthesis that gives another copy of the cited item: "(also available online at ...)".
AVAILABLE_AT = regex.compile(r"^(?:also\s+)?(?:available|accessible|reprinted|online)\b", FLAGS)
# Words of a named US series that make a locator without an archive's name plausible.
US_SERIES_WORD = regex.compile(r"\b(?:Entry|Lot|Series|Files?|Records)\b|^[A-Z]{2,5}\b", FLAGS)
# Signs of a published work in a note, which is then never archival: a congress and session
# ("83rd Cong., 2nd Sess."), printed hearings.
PUBLISHED_HINT = regex.compile(r"\b\d{1,3}(?:st|nd|rd|th)\s+Cong(?:ress|\.)|\bHearings?\s+[Bb]efore\b", FLAGS)
# " and " (or " and, ") between two citations of a note: "..., URL and, for ..., Brian Latell speech".
NOTE_AND = regex.compile(r"\s+and,?\s+", FLAGS)
# A pinpoint that points back at the citation before it: "Quote on p. 857", "Quote from p. 3",
# "on pp. 92–94" at the end of a sentence of prose.
POINT_BACK = regex.compile(r"(?:[Qq]uotes?|[Qq]uoted|[Ss]ee)\s+(?:on|from|at|in)\s+(?=pp?\.\s*\d)", FLAGS)
TRAILING_PAGES = regex.compile(rf"\s(?:on|at|in|see)\s+(?P<ref>(?:pp?\.)\s*{PAGE_LIST})\s*[.;]?\s*$", FLAGS)
# "see" inside a sentence of prose, after which the citation starts: "For the broader
# construction of ..., including ..., see Michael J. Hogan, ..."; "..., see, passim, NARA, ...".
SEE_IN_PROSE = regex.compile(
    r"(?:^|[\s,(])(?:[Ss]ee|[Cc]f\.)(?:\s+also)?(?:,?\s+(?:for\s+example|e\.g\.),?)?,?(?:\s+passim,?)?\s+(?=[\p{Lu}“\"]|passim)",
    FLAGS,
)
# What an author-year citation's "author" cannot be: a month, a season, a preposition ("In 1947",
# "January 1954": dates, not citations).
NOT_AN_AUTHOR = regex.compile(
    rf"^(?:{MONTH}|{SEASON}|In|On|By|From|Since|Until|After|Before|During|The|See)$", FLAGS
)
# What a document's description drops: "and passim" / "passim," before the locator, "[no date]",
# "[sic]", and the comma that American style puts inside a closing quote ("Title,” in ...").
DESCRIPTION_NOISE = regex.compile(
    r"\s*\band\s+passim\b|\bpassim\b,?|\[no\s+date\],?|\s*\[sic\]|,(?=[”\"])", FLAGS
)
SIC = regex.compile(r"\s*\[sic\]", FLAGS)
# A date right after a comma: ", March 15, 1955 in NARA".
DATE_AFTER = regex.compile(rf"^,\s+(?:{MONTH}\s+\d|\d{1, 2}\s+{MONTH})", FLAGS)
# A lot file's words: a short form holding them names a series, not a collection.
LOT_WORD = regex.compile(r"\bLot\b", FLAGS)
# A series code: a capitals abbreviation opening a named series ("WTC", "CDF", "CFPF", "HO",
# "S/S"); and a series piece that opens with one and then its years ("CDF 1950–1954").
SERIES_CODE_WORD = regex.compile(r"[A-Z][A-Z/&]{1,5}(?=\s)", FLAGS)
SERIES_OPENING = regex.compile(rf"^[A-Z][A-Z/&]{{1,5}}\s+{YEAR}", FLAGS)
# A bare year, and a session of Congress ("1st sess.").
BARE_YEAR = regex.compile(rf"^{YEAR}$", FLAGS)
SESSION = regex.compile(r"\b[Ss]ess(?:ion|\.)", FLAGS)
# Pages after the colon of a part's number: "pt. 4: 4721", "vol. 3: 45–47".
PAGES_AFTER_COLON = regex.compile(r":\s*(?P<pages>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)$", FLAGS)
# A document's line that points back at the locator before it: "Rusk to Lodge, August 29, 1963, ibid."
LINE_IBID = regex.compile(r",\s*(?P<ibid>[Ii]bid\.?(?:,\s*(?:pp?\.\s*\d[\d\s,–-]*))?)\s*$", FLAGS)
# "Papers of Averell Harriman" read as "Averell Harriman Papers", to match its short form.
PAPERS_OF = regex.compile(r"^(?P<word>Papers|Records|Diaries|Files|Collection)\s+of\s+(?P<name>.+)$", FLAGS)
# A kind of document alone, where an author would stand: "Editorial, “The Lesson of Hungary,” ...".
GENRE_WORD = regex.compile(rf"^(?i:{GENRE}|anonymous|unsigned)$", FLAGS)
# "..., ibid., Box 2": a document in another unit of the locator cited just before.
IBID_UNIT = regex.compile(r",\s*[Ii]bid\.?,\s*(?=\S)", FLAGS)
# Small pieces of the notes parser: the word "website"; a span of months ("January–August");
# a season's value ("2001-SP"); prose or pages after publication facts; the capital that starts
# a title after prose; a volume's word; quoted or bracketed text (left out of the prose test); a
# periodical's name at the end of a piece ("1932 in the American Historical Review"); a number
# after it ("Journal of Cold War Studies 3").
WEBSITE_WORD = regex.compile(r"\b[Ww]ebsite\b", FLAGS)
MONTH_SPAN = regex.compile(r"\p{L}\s*[–-]\s*\p{L}", FLAGS)
SEASON_VALUE = regex.compile(r"^\d{4}-(?:SP|SU|FA|WI)$", FLAGS)
PROSE_AFTER = regex.compile(r"\s+[a-z]", FLAGS)
PAGES_OR_AND_AFTER = regex.compile(r"\s+(?:pp?\.|and\s)", FLAGS)
NEXT_CAPITAL = regex.compile(r"\s+(?=\p{Lu})", FLAGS)
VOLUME_WORD = regex.compile(r"(?i:vol)", FLAGS)
QUOTED_OR_BRACKETED = regex.compile(r"“[^”]*”|\([^()]*\)", FLAGS)
GENRE_IN = regex.compile(rf"(?i:\b{GENRE}\b)", FLAGS)
PERIODICAL_AT_END = regex.compile(r"(?:^|\s(?:in|of)\s+(?:the\s+)?)(?P<name>\p{Lu}[^,]*)$", FLAGS)
NUMBER_AT_END = regex.compile(r"\s+\d[\w.]*$", FLAGS)
# The characters that open or close brackets and quotes in a note.
BRACKET_OR_QUOTE = regex.compile(r"[()\[\]“”]", FLAGS)
# "and, for the reply, X to Y, ...", "for the intelligence report, X": a lead-in before a document.
FOR_LEAD_IN = regex.compile(r"(?:(?:and|also),?\s+)?[Ff]or\s+[^,;]{1,80},\s+(?=\p{Lu}|“)", FLAGS)
# A date in square brackets where the document gives none: "[no date—1997]", "[1966?]".
BRACKET_YEAR = regex.compile(rf"^\[(?:n\.\s?d\.|no\s+date)?\s*[-–—]?\s*(?P<year>{YEAR})\??\]$", FLAGS)
# "[no date]", "n.d.": an undated item.
NO_DATE = regex.compile(r"^(?:\[no\s+date\]|n\.\s?d\.)$", FLAGS)
# A law names its year: "Public Interest Declassification Act of 2000".
ACT_YEAR = regex.compile(rf"\bAct\s+of\s+(?P<year>{YEAR})\b", FLAGS)
# A remark in brackets at the end of a title: "(signed April 17, 1995)", "(with attached ...)".
TITLE_REMARK = regex.compile(r"\s*\((?:[a-z][^()]*)\)\s*$", FLAGS)
# What a later volume of the same series starts with: "vol. XXII, Northeast Asia", "1955–1957,
# vol. XXIII, pt. 2, Korea" (after "Foreign Relations of the United States, 1958–1960, vol. ...").
SERIES_VOLUME = regex.compile(
    rf"""^(?:(?P<years>{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d\d))?),\s+)?(?P<vol>[Vv]ol(?:ume)?\.?\s*[\dIVXLC]+)\b""",
    FLAGS,
)
VOLUME_IN_TITLE = regex.compile(r",\s+[Vv]ol(?:ume)?\.?\s*[\dIVXLC]+\b", FLAGS)
YEARS_IN_TITLE = regex.compile(rf",\s+{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d\d))?,\s+[Vv]ol", FLAGS)

# ---------------------------------------------------------------------------------------------
# Finding: the cheap prefilter and candidate regions
# ---------------------------------------------------------------------------------------------

# A balanced parenthesis with at most one level of nesting, content in `body`:
# "(RSAMH, Fund 89, list 54, document 10 (political letter, p. 5)".
PAREN = _compile(r"\((?P<body>(?:[^()]|\([^()]*\))*)\)", FLAGS)
# Cheap test before the full grammar: a parenthesis is parsed only when it holds one of these.
CITATION_HINT = _compile(
    rf"""(?:\d|[Ii]bid|[Cc]onversation|[Ii]nterview|[Cc]ommunication|{FUND_WORD})""",
    FLAGS,
)

# ---------------------------------------------------------------------------------------------
# Events: places inside their names are not annotated (ANNOTATION.md, "Decided cases")
# ---------------------------------------------------------------------------------------------

# What ends an event's name: "Geneva Agreements", "Vietnam War", "Tet Offensive", "Taiwan
# Straits Crises", "Formosa Resolution"; "agreement(s)" and "accords" also in lower case, as
# in "the Geneva agreements". "Treaty Organization" is an organisation, not an event.
EVENT_HEAD = r"""(?:[Aa]greements?|[Aa]ccords?|Conference|Treaty|Resolution|Offensive|War|Crisis
    |Crises|Conflict|Incident|Declaration|Convention|Summit|Uprising|Revolution|Leap\s+Forward
    |Affair\b|Airlift\b|Blockade\b)(?!\s+Organi[sz]ation)"""  # "Trent Affair", "Berlin Airlift"
# A capitalised word of an event's name ("Geneva", "U.S.-Japanese"); a sentence's final period
# is not part of it ("war in Korea. During World War II"). Possessive (`++`): giving letters
# back never lets a name end, and backtracking through every word was a third of the time.
EVENT_WORD = r"(?:\p{Lu}(?:\.(?:\p{Lu}\.)+|[\p{L}'’]++)(?:-\p{Lu}?[\p{L}]++)*+)"
EVENT = _compile(
    rf"""
      # "Treaty of San Francisco", "Conference on Indochina"
        (?:Treaty|Conference|Convention|Declaration)\s+(?:of|on)\s+(?:the\s+)?{EVENT_WORD}(?:\s+{EVENT_WORD}){{0,3}}
      # "Geneva Agreements on Indochina", "Gulf of Tonkin Resolution", "Vietnam War"
      | {EVENT_WORD}(?:\s+(?:of\s+)?{EVENT_WORD}){{0,4}}\s+{EVENT_HEAD}
        (?:\s+(?:on|of)\s+(?:the\s+)?{EVENT_WORD}(?:\s+{EVENT_WORD}){{0,2}})?
    """,
    FLAGS,
)

# A ship's name in quotes is not a place: 'the Soviet ship "Chelyabinsk"'.
SHIP = _compile(
    r"""\b(?:ship|vessel|steamer|freighter|tanker|cruiser|destroyer|liner)\s+["“‘'](?P<name>[^"”’']{2,40})["”’']""",
    FLAGS,
)
# A periodical named in quotes or emphasis next to the word that says it is one: 'the journal
# "*Somlenh Polokor*" ("Workers' Voice")', '"Tung Krohom" (Red Flag) magazine', 'the Russian
# journal *Vostok* ('Orient')'. The name, and a translation in brackets right after it, are ORG.
PERIODICAL_WORD = r"(?:journal|magazine|newspaper|paper|daily|weekly|review|periodical|organ)"
# The opening quotes are taken from the first of a run, whole (a match from inside the run is
# one from its start): tried at every quote of a run, 20,000 quotes took 20 s.
QUOTED_NAME = r"""(?:(?<!["“‘'*])["“‘'*]++\s*+)(?P<name>\p{Lu}[^"”’'*()\n]{1,60}?)(?:\s*["”’'*]+)"""
TRANSLATION = r"""(?:\s*\(\s*["“‘']?(?P<translation>\p{Lu}[^"”’'()\n]{1,40}?)["”’']?\s*\))?"""
PERIODICAL = _compile(
    rf"""
        \b{PERIODICAL_WORD}\s+{QUOTED_NAME}{TRANSLATION}
      | {QUOTED_NAME}{TRANSLATION}\s+{PERIODICAL_WORD}\b
    """,
    FLAGS,
)

# ---------------------------------------------------------------------------------------------
# Small pieces the citation parser uses to cut and clean what the grammar matched
# ---------------------------------------------------------------------------------------------

# Function words left dangling when the date is cut off a title: "... Pham Van Dong on the",
# "Note du" (12 mai 1965), "Записка от" (12 мая 1965 г.), "Bericht vom", "Notatka z".
# Searched from the end (REVERSE): the pattern is anchored there, so it fails fast.
DANGLING = _compile(
    r"(?:\s+(?:on|of|dated|from|at|in|the|du|de|des|vom|von|от|z))+\s*$",
    FLAGS | regex.IGNORECASE | regex.REVERSE,
)
# A parenthesis emptied by cutting out the date: "(Record of ... department. ( .)", "[ ?]".
EMPTY_PARENS = _compile(r"\(\s*[.,;:]?\s*\)|\[\s*[.,;:?]?\s*\]", FLAGS)
# A lead-in before a citation: "see ", "see also ", "cf. ".
SEE = _compile(r"(?:[Ss]ee|[Cc]f\.|[Cc]ompare)(?:\s+also)?\s+", FLAGS)
# The same lead-in inside a parenthesis of prose: "... of all deliveries - see Chanda 1986".
LEAD_IN = _compile(r"(?<=\s)(?:[Ss]ee|[Cc]f\.)(?:\s+also)?\s+(?=[A-Z*])", FLAGS)
# After a date, a capitalised word opens the title: "p. 108, October 20, 1978. Record of ...".
TITLE_AFTER_DATE = _compile(r"^[\s.,;:]+[A-Z]", FLAGS)
# "d. 4137, l. 1; d. 1943, l. 1": one file per piece.
SEMICOLON = _compile(r"\s*;\s*", FLAGS)
FILE_RE = _compile(FILE, FLAGS)
# "1 - 125" -> "1-125".
DASH_RE = _compile(r"\s*[-–]\s*", FLAGS)
# Lists of people and authors: "Chan Ven and Tep Khen", "Kiernan, Boua & Smith".
PERSON_SEP = _compile(r"\s*(?:,|\band\b)\s*", FLAGS)
AUTHOR_SEP = _compile(r"\s*(?:,|\band\b|&)\s*", FLAGS)
REFERENCE_AUTHOR_SEP = _compile(r"\s*(?:\band\b|&|;)\s*", FLAGS)
# An editor's or translator's mark after a name: "Kiernan, Ben and Chantou Boua, ed.".
EDITOR_MARK = _compile(r"(?:,?\s*\b(?:eds?|trans|comp)\.?|\s+et\s+al\.?)\s*$", FLAGS)
# What the parenthesis scanner stops at: brackets, and paragraph breaks (which close all).
# (Windows line ends: "\r\n\r\n" is a paragraph break too.)
PAREN_OR_BREAK = _compile(r"[()]|\n[ \t\r]*\n", FLAGS)
PARA_BREAK = _compile(r"\n[ \t\r]*\n", FLAGS)
# Where a footnote-style citation outside brackets ends.
SENTENCE_END = _compile(r"\.(?=\s+[A-Z\d])|\n|$", FLAGS)
# The second parenthesis of a split citation: "file 324.) (the political letter, ...)".
NEXT_PAREN = _compile(r"[\s.]*\)\s*\(([^()]+)\)", FLAGS)
# One line of a reference list, and the bullet that may open it: "- ", "• ", "12. ".
LINE = _compile(r"[^\n]+", FLAGS)
BULLET = _compile(r"\s*(?:[-•*]|\d{1,3}\.)\s+(?=\D)", FLAGS)

# ---------------------------------------------------------------------------------------------
# Name folding for entity linking
# ---------------------------------------------------------------------------------------------

LEADING_THE = _compile(r"^(?:the|The)\s+", FLAGS)
POSSESSIVE_END = _compile(r"['’]s$", FLAGS)
# The given-name part of "Kiernan, Ben" or "Brezhnev, L.I.".
GIVEN_NAME = _compile(r"[\p{L}. ]+", FLAGS)
NON_WORD = _compile(r"[^\w]+", FLAGS)

# ---------------------------------------------------------------------------------------------
# Small pieces for trimming and merging entity spans, and for normalising compared text
# ---------------------------------------------------------------------------------------------

WORD = _compile(r"\S+", FLAGS)
NEXT_WORD = _compile(r"\s*(\S+)", FLAGS)
# A span ending in a dotted acronym keeps its final period: "C.P.S.U.".
DOTTED_ACRONYM_END = _compile(r"(?:[A-Z]\.){2,}$", FLAGS)
# Between an acronym and the organ it owns: "VWP Central Committee", "VWP’s Politbureau".
POSSESSIVE_GAP = _compile(r"(?:['’]s)?\s", FLAGS)
ACRONYM_TEXT = _compile(r"[A-Z.]{2,8}", FLAGS)
# Between an organ and its owner: "Central Committee of the CPSU".
OF_THE_GAP = _compile(r"\s+of\s+(?:the\s+)?", FLAGS)
QUOTES_AND_STARS = _compile(r"[\"'“”‘’*]", FLAGS)
PUNCTUATION = _compile(r"[^\w\s]", FLAGS)
LETTER = _compile(r"\p{L}", FLAGS)
# Separators of the names in a citation's author or person list, kept by split().
NAME_SEPARATOR_TEXT = _compile(r"(\s*(?:,|\band\b|&)\s*)", FLAGS)
NAME_SEPARATOR_REFERENCES = _compile(r"(\s*(?:\band\b|&|;)\s*)", FLAGS)

# ---------------------------------------------------------------------------------------------
# Entities: people, notes and organisations (the entity rules; the citation code uses none)
# ---------------------------------------------------------------------------------------------

# A generational suffix keeps its period at the end of a span: "Martin Luther King Jr.".
NAME_SUFFIX_END = regex.compile(r"\b(?:Jr|Sr|Jnr|Snr)\.$", FLAGS)
# A person's name in the name of a doctrine, plan, prize or law is not annotated (ANNOTATION.md):
# "Truman Doctrine", "Marshall Plan", "Nobel Peace Prize", "Platt Amendment", "Curzon Line". The
# head word is looked for first (rare and literal: fast); the capitalised words before it are
# read back from there (`entities.named_after_spans`).
NAMED_AFTER_HEAD = regex.compile(
    r"""(?<=\p{L}[ \t]+)(?:Doctrine|Plan|(?:Peace[ \t]+)?Prize|Amendment|Line|Formula|Award|Medal|Corollary
      |Pact)\b""",
    FLAGS,
)
# One capitalised word before such a head, read backwards: "Truman ", "Nobel ".
# Two names joined by a dash are one: "Molotov–Ribbentrop Pact", "Smoot-Hawley".
NAMED_AFTER_WORD = regex.compile(r"""(?r)\p{Lu}[\p{L}'’-]+(?:–\p{Lu}[\p{L}'’-]+)?[ \t]+\G""", FLAGS)

# -- notes: where the notes' conventions hold ---------------------------------------------------
# A heading that opens the notes: "Notes", "Endnotes", "Footnotes", "Notes to Chapter 7".
NOTES_HEADING = regex.compile(
    r"""\n[ \t]*(?:Notes|NOTES|Endnotes|ENDNOTES|Footnotes|FOOTNOTES|Notes\s+to\s+Chapter\s+\w+)[ \t]*:?[ \t\r]*(?=\n|\Z)""",
    FLAGS,
)
# A numbered note on its own line, its body in `body`: "12. Ellis to Barton, May 2, 1931, ...",
# "13 See Barrow, ..." (at most three digits, so a year never opens one).
# Both this and SURNAME_GIVEN_LINE start at a literal newline, which the engine finds fast: the
# text's first line (its title) is never tried.
NOTE_BODY = regex.compile(
    r"""\n[ \t]*\d{1,3}[.)]?[ \t]+(?P<body>(?:\p{Lu}|[Ii]bid|[Ss]ee\s)[^\n]*)""",
    FLAGS,
)
# One citation of a note starts at the note's start or after a semicolon; its lead-in is skipped:
# " and ", "See ", "See also ", "Cf. ", "Also ".
# A document's kind before its writer is skipped too: "Memorandum from Ellis to Barton",
# "Telegram from Grew to Stimson".
NOTE_UNIT_LEAD = regex.compile(
    r"""\s*(?:and\s+)?(?:(?:[Ss]ee|[Cc]f\.|[Aa]lso)(?:\s+also)?,?\s+)?
        (?:(?:[Mm]emorandum|[Ll]etter|[Tt]elegram|[Cc]able|[Nn]ote|[Dd]espatch|[Dd]ispatch)\s+(?:from|by)\s+)?""",
    FLAGS,
)
# A name as notes write it: capitalised words, initials and particles ("Ellis", "H. Freeman
# Matthews", "Charles de Gaulle", "Hafez al-Assad"); which words are names is the word tests'.
NOTE_NAME_WORD = r"""(?:\p{Lu}[\p{L}'’]*\.?(?:-\p{Lu}?[\p{L}'’]+)*|(?:de|da|di|du|del|della|van|von|der|den|ter|al|el|bin|ibn)(?:-\p{Lu}[\p{L}'’]+)?)"""
NOTE_NAME = rf"""(?:{NOTE_NAME_WORD}(?:[ \t]+{NOTE_NAME_WORD}){{0,4}})"""
# "Ellis to Barton, May 2, 1931", "Kellogg through Castle to Hoover (with enclosures)", "Ellis to
# Barton and enclosure": the correspondents, before a date, a bracket, an enclosure or the end.
# Each side may be a body or a title ("Secretary of State to Barton"): the sides are checked
# one by one (`notes._names`), so this only needs "to" or "through" between short stretches.
CORRESPONDENT = r"""[^,;()\n]{1,60}?"""
CORRESPONDENCE = regex.compile(
    rf"""(?P<names>{CORRESPONDENT}(?:\s+(?:to|through)\s+{CORRESPONDENT})+)
        (?=\s*(?:[,;(:]|and\s+enclosures?\b|enclosures?\b|\Z))""",
    FLAGS,
)
# "Ellis memorandum", "Barton minute of May 2, 1931", "Winnacker paper": the writer of a document.
WRITER_OF = regex.compile(
    rf"""(?P<names>{NOTE_NAME})\s+(?=(?:memorandum|memoranda|minute|minutes|paper|letter|note|notes|diary|telegram
        |cable|despatch|dispatch|report|draft|comments|journal|testimony)\b)""",
    FLAGS,
)
# "Ellis, ed.", "Ellis and Barton, eds.", and authors before a title: "Ellis and Barton, The
# Title", "Everett L. Barrow, *Title*" (the rules ask these names for a given name or initial).
EDITORS = regex.compile(
    rf"""(?P<names>{NOTE_NAME}(?:(?:,\s+|,?\s+and\s+){NOTE_NAME})*),\s+(?:eds?\.|editors?\b|comp\.|trans\.)""",
    FLAGS,
)
AUTHORS_BEFORE_TITLE = regex.compile(
    rf"""(?P<names>{NOTE_NAME}(?:(?:,\s+|,?\s+and\s+){NOTE_NAME})*),\s+(?=["“*‘]|\p{{Lu}}\p{{Ll}})""",
    FLAGS,
)
# The names of a list: "Ellis, Barton and Noble" -> three; "Kellogg through Castle to Hoover".
NOTE_NAME_SEPARATOR = regex.compile(r"\s*(?:,\s*|\s+(?:and|to|through)\s+)", FLAGS)
# An imprint: "(New York: Harcourt, Brace and Company, 1948)", "(Washington, DC: Government
# Printing Office, 1950)", "(Cambridge: Cambridge University Press, 2003), 12": the place(s) and
# the publisher, before the year.
IMPRINT = regex.compile(
    rf"""\((?P<place>\p{{Lu}}[\p{{L}}.'’]*(?:[ \t]+\p{{Lu}}[\p{{L}}.'’]*){{0,3}})
        (?:,[ \t]*(?P<region>\p{{Lu}}[\p{{L}}.]*(?:[ \t]+\p{{Lu}}[\p{{L}}.]*)?))?
        :[ \t]*(?P<publisher>\p{{Lu}}[^():;\n]{{1,80}}?),[ \t]*(?:\d{{1,2}}[ \t]+)?{YEAR}[^()\n]{{0,20}}\)""",
    FLAGS,
)
# A number right after an acronym makes it a unit code: "FO 371/123456", "DY 30", "RG 59"
# (not "CPSU 20th Congress": an ordinal is no unit number).
CODE_NUMBER = regex.compile(r"[ \t]+\d+(?![\d]*(?:st|nd|rd|th)\b)", FLAGS)
# What may follow an organisation's head used alone ("the Committee refused"): not "of"/"on"/"for"
# and a name (another body: "the Committee on Appropriations"), nor another capitalised word
# ("the League Council"), nor a hyphen.
SHORT_FORM_END = regex.compile(
    r"""(?!\s+(?:of|on|for)\s+(?:the\s+)?\p{Lu})(?![ \t]+\p{Lu})(?![-\w])""", FLAGS
)
# The words of a statistical model's span, for its shape checks: "Houphouët-Boigny" -> two.
MODEL_WORD_SPLIT = regex.compile(r"[\s-]+", FLAGS)
MODEL_INITIAL = regex.compile(r"\p{Lu}\.(?:\p{Lu}\.)*", FLAGS)
# "Surname, Given" at the start of a line of a reference list or an index, where what follows
# says so (SURNAME_GIVEN_FOLLOW): "Pennington, Walter K. The Title ...", "Drury, Lyman Asher, 12,
# 45-47", "Reid, Ann C., ed.", "Marsh, Everett T., and Ann C. Reid. Title". In prose ("Finally,
# Harold Whitcombe left") nothing of that follows.
SURNAME_GIVEN_LINE = regex.compile(
    r"""\n[ \t]*(?:[-•*][ \t]+|\d{1,3}[.)]?[ \t]+)?
        (?P<name>(?P<surname>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?),[ \t]+
          (?P<given>\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’-]*\.?){0,3}))""",
    FLAGS,
)
# After the given names: page numbers (an index), an editor's mark, a second author, or the
# period that ends the name before a title (an initial's own period does).
SURNAME_GIVEN_FOLLOW = regex.compile(
    r"""(?:,[ \t]*\d|,[ \t]+(?:eds?|comp|trans)\.|,?[ \t]+and[ \t]+\p{Lu}|(?<=\.)[ \t]+["“*]?\p{Lu}|\.[ \t]+["“*]?\p{Lu})""",
    FLAGS,
)
# A heading set in capitals: no lowercase letter, three capitalised words ("STATEMENT OF HON.
# DEAN RUSK"): its words are no acronyms.
LOWERCASE = regex.compile(r"\p{Ll}", FLAGS)
CAPS_WORD = regex.compile(r"\b\p{Lu}{2,}", FLAGS)
# "the Johnson Administration" -> the person only (ANNOTATION.md); the rare word first.
ADMINISTRATION = regex.compile(r"(?<=\b(?P<name>\p{Lu}[\p{L}'’]*)[ \t]+)[Aa]dministration\b", FLAGS)
# A line of latitude: "the 38th parallel", "17th Parallel".
PARALLEL = regex.compile(r"\b\d{1,2}(?:st|nd|rd|th)[ \t]+[Pp](?i:arallel)\b", FLAGS)
