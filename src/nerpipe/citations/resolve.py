"""Resolve back-references between a document's citations (pure functions).

* An `ibid` points at the nearest preceding citation of the running text that is not an ibid;
  its record takes the antecedent's fields with its own pages. A bare "(p. 41)" with no citation
  in the same or the previous paragraph is not a citation at all and is dropped.
* A short form defined in passing, "G. Bernard Noble Papers (henceforth Noble Papers)" or
  "Dwight Eisenhower Presidential Library (henceforth Eisenhower Library)", stands for the full
  name in every later locator that uses it: the later record takes the collection's full name
  (`fund`) and, where it names none itself, the archive (`Resolution(target="short_form")`).
* An archival citation that omits the archive inherits it from the previous archival citation,
  else from the reference list, and says which (`Resolution(target="archive")`).
* An in-text citation is linked to its reference-list entry (`reference`): author and year for
  author-year citations, the title for title citations, the unit (and the date when several
  entries share it) for archival ones. Disagreements become `warnings`.

Every link gets a status, `resolved`, `ambiguous` (with candidates) or `unresolved`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from nerpipe import regexes as rx
from nerpipe.models import Citation, Resolution

# Fields an ibid takes from its antecedent.
INHERITED = (
    "archive", "archive_stated", "fund", "inventory", "folder", "file", "subfile",
    "date", "title", "authors", "year", "persons", "place",
)  # fmt: skip
# Two titles name the same work at this rapidfuzz partial-ratio or above: it absorbs
# transliteration variants ("Provotest" / "Provatesat", 88) and a dropped subtitle.
TITLE_MATCH = 80.0
# A bare page parenthesis is an ibid only within this many paragraph breaks of a citation.
BARE_PAGES_REACH = 1


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").casefold()
    return " ".join(rx.PUNCTUATION.sub(" ", text).split())


def resolve(text: str, cites: list[Citation]) -> list[Citation]:
    """Return the citations with antecedents, archives and reference links resolved."""
    cites = _drop_orphan_pages(text, sorted(cites, key=lambda c: c.start))
    cites = resolve_short_forms(text, cites)
    cites = _inherit_archives(cites)
    cites = _link_references(cites)
    return _resolve_ibids(cites)


def _drop_orphan_pages(text: str, cites: list[Citation]) -> list[Citation]:
    out: list[Citation] = []
    for c in cites:
        if c.rule == "ibid.bare-pages":
            prev = next((p for p in reversed(out) if p.section == "text"), None)
            breaks = len(rx.PARA_BREAK.findall(text, prev.end, c.start)) if prev else 99
            if breaks > BARE_PAGES_REACH:
                continue
        out.append(c)
    return out


@dataclass(frozen=True, slots=True)
class ShortForm:
    """A short form and what it stands for, from the record that defines it."""

    short: str
    at: int  # where the definition ends: only later citations use it
    fund: str | None  # the collection's full name ("G. Bernard Noble Papers")
    archive: str | None  # the archive ("DDEL", "Reed College")


def short_forms(text: str, cites: list[Citation]) -> list[ShortForm]:
    """The "(henceforth X)" / "(hereafter X)" definitions inside archival records.

    "Reed College, G. Bernard Noble Papers (henceforth Noble Papers), Box 16, 6" -> "Noble Papers"
    stands for the fund "G. Bernard Noble Papers"; "Dwight Eisenhower Presidential Library
    (henceforth Eisenhower Library)" for the archive. A short form of a series or a lot file
    ("(henceforth WTC Lot File 83D222)") names no collection: later locators keep what they write.
    """
    out = []
    for c in cites:
        if c.kind != "archival" or c.section != "text" or "(" not in c.text:
            continue
        for m in rx.HENCEFORTH.finditer(text, c.start, c.end):
            short = " ".join(m.group("short").split())
            if c.fund and _abbreviates(short, c.fund) and text.find(c.fund, c.start, m.start()) >= 0:
                out.append(ShortForm(short, m.end(), c.fund, c.archive))
            elif c.archive and _names_archive(short, c.archive):
                out.append(ShortForm(short, m.end(), None, c.archive))
            elif (name := _archive_named_before(text, c.start, m.start())) and c.archive in (None, name):
                # an archive the registry does not know: "State Archive of the Lviv Oblast
                # (hereafter DALO), f. 1, ..." -> later "DALO, f. 1, ..." is that archive
                out.append(ShortForm(short, m.end(), None, name))
    return out


def _archive_named_before(text: str, start: int, at: int) -> str | None:
    """The repository named right before a "(hereafter X)": its last comma segment, when it holds
    a repository word ("Archive", "Library", "Collections") or is one."""
    from nerpipe.citations.locators import REPOSITORY

    piece = text[start:at].rstrip()
    name = piece.rsplit(",", 1)[-1].strip()
    if name and name[:1].isupper() and REPOSITORY.search(name) and not rx.CORRESPONDENCE.search(name):
        return name
    return None


def _abbreviates(short: str, full: str) -> bool:
    """Is `short` a shortening of `full`: its words are the full name's, in order, ending with the
    same word, and fewer ("Noble Papers" of "G. Bernard Noble Papers", "Harriman Papers" of
    "Papers of Averell Harriman"), or its letters the initials of the full name's capitalised
    words ("NSF" of "National Security File")?"""
    if short.isupper() and short.isalpha() and 1 < len(short) < 8:
        initials = "".join(w[0] for w in full.split() if w[:1].isupper())
        return initials == short
    full = rx.PAPERS_OF.sub(r"\g<name> \g<word>", full)
    s, f = short.split(), full.split()
    if not s or len(s) >= len(f) or s[-1] != f[-1] or rx.LOT_WORD.search(short):
        return False
    it = iter(f)
    return all(word in it for word in s)


def _names_archive(short: str, archive: str) -> bool:
    """Does `short` name the record's archive ("Eisenhower Library" for DDEL)?"""
    from nerpipe.archives import canonical_archive

    return canonical_archive(short) == archive or _abbreviates(short, archive)


def resolve_short_forms(text: str, cites: list[Citation]) -> list[Citation]:
    """Later locators that use a defined short form take what it stands for."""
    forms = short_forms(text, cites)
    if not forms:
        return cites
    out = []
    for c in cites:
        if c.kind == "archival" and c.section == "text":
            for form in forms:
                if c.start < form.at:
                    continue
                update: dict[str, object] = {}
                if form.fund and c.fund == form.short:
                    update["fund"] = form.fund
                    if c.archive is None and form.archive:
                        update |= {"archive": form.archive, "archive_stated": False}
                elif form.fund is None and c.archive is None and _cites_archive(text, c, form.short):
                    update |= {"archive": form.archive, "archive_stated": True}
                if update:
                    res = Resolution(
                        status="resolved",
                        target="short_form",
                        note=f"{form.short}: henceforth for {form.fund or form.archive}",
                    )
                    c = c.model_copy(update={**update, "resolutions": [*c.resolutions, res]})
        out.append(c)
    return out


def _cites_archive(text: str, c: Citation, short: str) -> bool:
    """Does the record's locator name the archive by the short form ("DALO, f. 1, ...")?"""
    at = text.find(short, c.start, c.end)
    return (
        at >= 0
        and (at == 0 or not text[at - 1].isalnum())
        and not text[at + len(short) : at + len(short) + 1].isalnum()
    )


def _inherit_archives(cites: list[Citation]) -> list[Citation]:
    ref_archives = {c.archive for c in cites if c.section == "references" and c.archive}
    out: list[Citation] = []
    previous: str | None = None
    for c in cites:
        if c.kind == "archival" and c.archive is None:
            if previous:
                res = Resolution(
                    status="resolved",
                    target="archive",
                    note=f"inherited {previous} from the previous archival citation",
                )
                c = c.model_copy(
                    update={
                        "archive": previous,
                        "archive_stated": False,
                        "resolutions": [*c.resolutions, res],
                    }
                )
            elif len(ref_archives) == 1:
                (only,) = ref_archives
                res = Resolution(
                    status="resolved", target="archive", note=f"inherited {only} from the reference list"
                )
                c = c.model_copy(
                    update={"archive": only, "archive_stated": False, "resolutions": [*c.resolutions, res]}
                )
            else:
                res = Resolution(status="ambiguous" if ref_archives else "unresolved", target="archive")
                c = c.model_copy(update={"archive_stated": False, "resolutions": [*c.resolutions, res]})
        if c.kind == "archival" and c.archive and c.section == "text":
            previous = c.archive
        out.append(c)
    return out


def _candidates(c: Citation, entries: list[tuple[int, Citation]]) -> tuple[list[int], list[str]]:
    """Indices of the reference entries `c` may point to, and warnings about near misses."""
    warnings: list[str] = []
    by_index = dict(entries)
    if c.kind == "archival":
        unit = [
            i
            for i, e in entries
            if e.kind == "archival" and (e.fund, e.inventory, e.file) == (c.fund, c.inventory, c.file)
        ]
        if len(unit) > 1 and c.date:
            dated = [i for i in unit if by_index[i].date == c.date]
            unit = dated or unit
        if len(unit) > 1 and c.title:
            unit = _best_title(c.title, [(i, by_index[i]) for i in unit])
        if not unit:
            same = [
                e
                for _, e in entries
                if e.kind == "archival" and (e.fund, e.inventory) == (c.fund, c.inventory)
            ]
            near = [
                e
                for e in same
                if (c.date and e.date == c.date)
                or (c.title and e.title and fuzz.partial_ratio(_fold(c.title), _fold(e.title)) >= 90)
            ]
            if near:
                warnings.append(f"reference list gives this document as file {near[0].file}, not {c.file}")
            else:
                warnings.append(
                    f"no reference-list entry for fund {c.fund}, inventory {c.inventory}, file {c.file}"
                )
        return unit, warnings
    if c.authors:
        first = _fold(c.authors[0])
        # "To 1983" cites "To Kuyen. 1984": a surname may stand first or last in the entry's name.
        by_author = [(i, e) for i, e in entries if e.authors and first in _fold(e.authors[0]).split()]
        match = [i for i, e in by_author if e.year == c.year]
        if not match and c.year:
            # "To 1983" -> "To Kuyen. 1984. '...', Cong Shang, 1983": the entry names the year
            # of the original publication; linked, with the mismatch reported
            match = [i for i, e in by_author if regex.search(rf"\b{c.year}\b", e.text)]
            if match:
                warnings.append(
                    f"year differs: the reference list dates {c.authors[0]} {by_index[match[0]].year}, citing {c.year}"
                )
                return match, warnings
        if not match:
            years = sorted({e.year for _, e in by_author if e.year})
            if years:
                warnings.append(
                    f"year differs: the reference list has {c.authors[0]} {', '.join(years)}, not {c.year}"
                )
            else:
                warnings.append(f"no reference-list entry for {c.authors[0]} {c.year}")
        return match, warnings
    if c.title:
        title = _fold(c.title)
        match = [
            i for i, e in entries if e.title and fuzz.partial_ratio(title, _fold(e.title)) >= TITLE_MATCH
        ]
        if len(match) > 1 and c.year:
            match = [i for i in match if by_index[i].year == c.year] or match
        if not match:
            warnings.append(f"no reference-list entry for {c.title!r}")
        return match, warnings
    return [], warnings


def _best_title(title: str, options: list[tuple[int, Citation]]) -> list[int]:
    """Of several entries for one unit and date, the one whose title reads most like `title`."""
    scored = sorted(((fuzz.ratio(_fold(title), _fold(e.title)), i) for i, e in options), reverse=True)
    if len(scored) > 1 and scored[0][0] > scored[1][0]:
        return [scored[0][1]]
    return [i for _, i in scored]


def _link_references(cites: list[Citation]) -> list[Citation]:
    entries = [(i, c) for i, c in enumerate(cites) if c.section == "references"]
    if not entries:
        return cites
    out = []
    for c in cites:
        if c.section == "text" and c.kind in ("archival", "bibliographic"):
            match, warnings = _candidates(c, entries)
            if len(match) == 1:
                res = Resolution(status="resolved", target="reference", candidates=match)
                c = c.model_copy(
                    update={
                        "reference": match[0],
                        "resolutions": [*c.resolutions, res],
                        "warnings": [*c.warnings, *warnings],
                    }
                )
            else:
                status = "ambiguous" if match else "unresolved"
                res = Resolution(status=status, target="reference", candidates=match)
                c = c.model_copy(
                    update={"resolutions": [*c.resolutions, res], "warnings": [*c.warnings, *warnings]}
                )
        out.append(c)
    return out


def _resolve_ibids(cites: list[Citation]) -> list[Citation]:
    out: list[Citation] = []
    antecedent: int | None = None
    for i, c in enumerate(cites):
        if c.kind == "ibid":
            if antecedent is None:
                res = Resolution(status="unresolved", target="antecedent")
                c = c.model_copy(update={"resolutions": [*c.resolutions, res]})
            else:
                base = out[antecedent]
                update = {f: getattr(base, f) for f in INHERITED}
                update |= {
                    "antecedent": antecedent,
                    "resolutions": [
                        *c.resolutions,
                        Resolution(status="resolved", target="antecedent", candidates=[antecedent]),
                    ],
                }
                c = c.model_copy(update=update)
        elif c.section == "text":
            antecedent = i
        out.append(c)
    return out
