"""The PDF reader: layout from geometry (pure, on hand-made lines) and whole PDFs typeset by
tools/make_pdf.py from the seed and a dev chapter, read back and compared with their text."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nerpipe.extract import extract
from nerpipe.layout import repair
from nerpipe.pdf import (
    Line,
    PageLines,
    PdfError,
    assemble,
    broken,
    classify,
    columns,
    join_hyphenated,
    read_pdf,
)
from nerpipe.records import sha256

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "mosyakov-khmer-rouge.txt"
CHAPTER = ROOT / "corpus" / "dev" / "frus-history-ch12-statute.txt"

pytest.importorskip("reportlab", reason="the dev extras (reportlab) typeset the test PDFs")


def make_pdf() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pdf", ROOT / "tools" / "make_pdf.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_pdf"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def line(text: str, x0: float, top: float, size: float = 10.0, width: float | None = None) -> Line:
    """A line whose characters are `size / 2` wide."""
    x1 = x0 + (width if width is not None else len(text) * size / 2)
    first = text.split(" ", 1)[0]
    return Line(text, x0, x1, top, size, x0 + len(first) * size / 2)


def page(*lines: Line, label: str | None = None) -> PageLines:
    return PageLines(tuple(lines), 600.0, 800.0, label)


BODY = [f"body line number {i} of the page with some words in it" for i in range(30)]


def body_page(n: int, head: str | None, foot: str | None = None) -> PageLines:
    lines = [line(text, 60, 100 + 14 * i) for i, text in enumerate(BODY)]
    if head is not None:
        lines.insert(0, line(head, 60, 60, 9))
    if foot is not None:
        lines.append(line(foot, 290, 760, 9))
    return page(*lines)


# ---------------------------------------------------------------------------------------------
# Running heads and page numbers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heads", "feet", "labels"),
    [
        # "202 Journal" / "Title 203": alternating heads, the number first or last
        (
            ["202 Journal of History", "An Article Title 203", "204 Journal of History"],
            [None] * 3,
            ["202", "203", "204"],
        ),
        # a head without a number, repeated; the page number alone at the foot
        (["An Article Title"] * 3, ["7", "8", "9"], ["7", "8", "9"]),
        # "- 12 -" and "Page 13" footers, no heads
        ([None] * 2, ["- 12 -", "Page 13"], ["12", "13"]),
        # no numbers printed at all: the physical page numbers
        (["An Article Title"] * 2, [None] * 2, ["1", "2"]),
    ],
)
def test_classify_drops_running_heads_and_keeps_their_numbers(
    heads: list[str | None], feet: list[str | None], labels: list[str]
) -> None:
    pages = [body_page(i, h, f) for i, (h, f) in enumerate(zip(heads, feet, strict=True))]
    text = assemble(pages)
    assert [p.label for p in text.pages] == labels
    lines = [" ".join(x.split()) for x in text.text.splitlines()]
    for head in [h for h in [*heads, *feet] if h is not None]:
        assert head not in lines and (not head[-1].isalpha() or head not in text.text)
    assert text.text.count("body line number 0 ") == len(pages)


@pytest.mark.parametrize(
    "first_line",
    [
        # a body line at the top of a page that recurs on another page is not a head: it
        # does not stand apart from the lines below it
        "(RSAMH, Fund 5, inventory 75, file 1062.",
    ],
)
def test_a_repeated_first_line_of_body_is_not_a_head(first_line: str) -> None:
    pages = [
        page(line(first_line, 60, 70), *(line(t, 60, 84 + 14 * i) for i, t in enumerate(BODY)))
        for _ in range(3)
    ]
    assert assemble(pages).text.count(first_line) == 3


# ---------------------------------------------------------------------------------------------
# Footnotes, columns, line breaks
# ---------------------------------------------------------------------------------------------


def test_footnotes_in_small_type_go_after_the_body_as_note_lines() -> None:
    body = [line(t, 60, 100 + 14 * i) for i, t in enumerate(BODY[:10])]
    notes = [
        line("1. Memorandum of conversation, NARA, RG 59, CDF", 60, 700, 8),
        line("1950–1954, 611.61/3–1552.", 60, 711, 8),
        line("2. Ibid., p. 4.", 60, 722, 8),
    ]
    pages = [page(*body, *notes), page(line("3. Kennan to Acheson, May 2, 1950.", 60, 700, 8))]
    classified = classify([pages[0]])
    assert classified[0].notes == notes
    text = assemble(pages)
    tail = text.text.split("\n\nNotes\n\n", 1)[1]
    assert tail.splitlines() == [
        "1. Memorandum of conversation, NARA, RG 59, CDF 1950–1954, 611.61/3–1552.",
        "2. Ibid., p. 4.",
        "3. Kennan to Acheson, May 2, 1950.",
    ]
    assert text.page_at(text.text.index("3. Kennan")).number == 2  # type: ignore[union-attr]
    assert text.page_at(text.text.index("2. Ibid")).number == 1  # type: ignore[union-attr]


def test_two_columns_are_read_left_then_right() -> None:
    left = [line(f"left {i} words of the first column", 60, 100 + 14 * i, width=200) for i in range(20)]
    right = [line(f"right {i} words of the second column", 320, 100 + 14 * i, width=200) for i in range(20)]
    interleaved = [x for pair in zip(left, right, strict=True) for x in pair]
    assert [c[0].text for c in columns(interleaved)] == [
        "left 0 words of the first column",
        "right 0 words of the second column",
    ]


@pytest.mark.parametrize(
    ("head", "tail", "words", "expected"),
    [
        ("Mosya-", "kov", {}, "Mosyakov"),  # a word cut by the typesetter
        ("operati\ufffe", "ons", {}, "operations"),  # PDFium's mark for a line-end hyphen
        ("anti-", "imperialist", {}, "anti-imperialist"),  # a compound's own hyphen
        ("U.S.-", "Soviet", {}, "U.S.-Soviet"),  # a capital after the hyphen: a compound
        ("envoy-", "counsellor", {"envoy-counsellor": 1}, "envoy-counsellor"),  # written so elsewhere
        ("Commu-", "nist", {"communist": 2}, "Communist"),
    ],
)
def test_join_hyphenated(head: str, tail: str, words: dict[str, int], expected: str) -> None:
    assert join_hyphenated(head, tail, Counter(words)) == expected


@pytest.mark.parametrize(
    ("prev", "nxt", "expected"),
    [
        # "Institute" would have fitted after "Dmitry Mosyakov": the author broke the line
        (line("Dmitry Mosyakov", 60, 100), line("Institute of Oriental Studies", 60, 114), True),
        # a full line: the next word did not fit
        (line("x" * 58, 60, 100), line("Institute of Oriental Studies", 60, 114), False),
        # a list item always starts a line
        (line("x" * 58, 60, 100), line("- Kiernan, Ben. 1985. How Pol Pot", 60, 114), True),
        # a hyphenated line end never is a break
        (line("the Vietnamese operati\ufffe", 60, 100), line("ons of those days", 60, 114), False),
    ],
)
def test_broken_tells_the_authors_line_breaks(prev: Line, nxt: Line, expected: bool) -> None:
    assert broken(prev, nxt, right=360.0) is expected


# ---------------------------------------------------------------------------------------------
# Whole PDFs typeset from the corpus
# ---------------------------------------------------------------------------------------------


def _entities(text: str) -> Counter[tuple[str, str]]:
    return Counter((s.label, s.text) for s in extract(text).spans)


def _citations(text: str) -> Counter[tuple[Any, ...]]:
    return Counter(
        (
            c.kind,
            c.archive,
            c.fund,
            c.inventory,
            c.file,
            str(c.pages),
            c.date,
            c.title,
            str(c.authors),
            c.year,
        )
        for c in extract(text).citations
    )


@pytest.fixture(scope="module")
def typeset(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, Any, Path]]:
    """The seed in two columns and the dev chapter with footnotes, as PDFs and as plain text."""
    tool = make_pdf()
    out = {}
    for name, source, columns_, first in (("seed", SEED, 2, 101), ("chapter", CHAPTER, 1, 381)):
        clean = repair(source.read_text(encoding="utf-8")).text
        path = tmp_path_factory.mktemp("pdf") / f"{name}.pdf"
        printed = tool.typeset(
            clean, path, title="An Article", journal="A Journal", columns=columns_, first_page=first
        )
        out[name] = (clean, printed, path)
    return out


@pytest.mark.parametrize("name", ["seed", "chapter"])
def test_a_typeset_article_gives_the_entities_and_citations_of_its_text(
    typeset: dict[str, tuple[str, Any, Path]], name: str
) -> None:
    clean, _, path = typeset[name]
    text = read_pdf(path).text
    assert _entities(text) == _entities(clean)
    assert _citations(text) == _citations(clean)


@pytest.mark.parametrize("name", ["seed", "chapter"])
def test_every_printed_line_is_found_on_its_page(
    typeset: dict[str, tuple[str, Any, Path]], name: str
) -> None:
    _, printed, path = typeset[name]
    result = read_pdf(path)
    on_page: dict[str, str] = {}
    for p in result.pages:
        on_page[p.label] = on_page.get(p.label, "") + result.text[p.start : p.end]
    checked = 0
    for label, lines in printed.pages:
        words = " ".join(on_page.get(label, "").split())
        for printed_line in lines[1:-1]:  # the first and last may be split with the next page
            if printed_line.endswith("-"):
                continue
            assert " ".join(printed_line.split()) in words, (label, printed_line)
            checked += 1
    assert checked > 100


def test_the_hyphenated_name_comes_back_whole(tmp_path: Path) -> None:
    tool = make_pdf()
    text = "Pol Pot met Nguyen Co Thach in Phnom Penh. " * 3 + "Chairman " + "Mosyakovskiyev " * 40
    path = tmp_path / "hyphen.pdf"
    tool.typeset(text, path, title="T", journal="J")
    assert "Mosyakovskiyev " * 39 in read_pdf(path).text


# ---------------------------------------------------------------------------------------------
# Bad PDFs
# ---------------------------------------------------------------------------------------------


def _blank_pdf(path: Path, **canvas: Any) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), **canvas)
    c.rect(100, 100, 200, 200, fill=1)  # a page with a picture, no text
    c.showPage()
    c.save()
    return path


def _text_pdf(path: Path, **canvas: Any) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), **canvas)
    c.drawString(100, 700, "Pol Pot met Le Duan in Hanoi.")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: _text_pdf(p, encrypt="secret"), "encrypted"),
        (lambda p: (p.write_bytes(b"%PDF-1.4\n1 0 obj garbage"), p)[1], "damaged"),
        (lambda p: (p.write_bytes(b"not a pdf at all"), p)[1], "damaged"),
        (lambda p: (p.write_bytes(_text_pdf(p).read_bytes()[:300]), p)[1], "damaged"),
        (_blank_pdf, "no text layer"),
    ],
)
def test_bad_pdfs_raise_a_clear_error(tmp_path: Path, make: Any, message: str) -> None:
    path = make(tmp_path / "bad.pdf")
    with pytest.raises(PdfError, match=message):
        read_pdf(path)


def test_an_image_only_pdf_suggests_ocr(tmp_path: Path) -> None:
    with pytest.raises(PdfError, match="ocrmypdf"):
        read_pdf(_blank_pdf(tmp_path / "scan.pdf"))


def test_a_pdf_without_pages_is_an_error(tmp_path: Path) -> None:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    data, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(data)
    data += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "empty.pdf"
    path.write_bytes(data)
    with pytest.raises(PdfError, match="no pages"):
        read_pdf(path)


def test_a_huge_pdf_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nerpipe.pdf

    monkeypatch.setattr(nerpipe.pdf, "MAX_PDF_BYTES", 100)
    with pytest.raises(PdfError, match="too large"):
        read_pdf(_text_pdf(tmp_path / "big.pdf"))


def test_the_corpus_pdf_is_what_the_tool_writes(tmp_path: Path) -> None:
    tool = make_pdf()
    tool.corpus_pdf(tmp_path / "seed.pdf")
    assert (tmp_path / "seed.pdf").read_bytes() == tool.CORPUS_PDF.read_bytes(), (
        "corpus/pdf/ is stale: run `python tools/make_pdf.py --corpus`"
    )


def test_a_run_on_a_pdf_writes_its_text_and_pages(tmp_path: Path) -> None:
    from nerpipe.batch import run

    tool = make_pdf()
    out = tmp_path / "out"
    run([tool.CORPUS_PDF], out, overwrite=True)
    (line,) = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    text = (out / "texts" / "mosyakov-khmer-rouge-typeset.txt").read_text(encoding="utf-8")
    assert record["text_sha256"] == sha256(text)
    assert {s["page"] for s in record["spans"]} == {
        str(n) for n in range(101, 101 + len({s["page"] for s in record["spans"]}))
    }
    assert all(c["page"] is not None for c in record["citations"])
    first = record["spans"][0]
    assert first["page"] == "101" and text[first["start"] : first["end"]] == first["text"]


def test_bad_pdfs_are_error_rows_and_the_batch_goes_on(tmp_path: Path) -> None:
    from nerpipe.batch import run

    folder = tmp_path / "in"
    folder.mkdir()
    _text_pdf(folder / "good.pdf")
    _text_pdf(folder / "locked.pdf", encrypt="secret")
    _blank_pdf(folder / "scan.pdf")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    summary = run([folder], tmp_path / "out", overwrite=True)
    assert (summary.documents, summary.errors) == (1, 3)
    errors = {
        json.loads(line)["id"]: json.loads(line)
        for line in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    }
    assert {k: e["kind"] for k, e in errors.items()} == {"locked": "pdf", "scan": "pdf", "broken": "pdf"}
    assert "ocrmypdf" in errors["scan"]["message"] and "encrypted" in errors["locked"]["message"]
    record = json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8"))
    assert [s["text"] for s in record["spans"]] == ["Pol Pot", "Le Duan", "Hanoi"]
