"""Typeset an article as a journal would print it, for testing nerpipe's PDF reader (reportlab).

The PDF has what real article PDFs have: running heads with the page number (alternating on
even and odd pages: "202 Journal Title", "Article Title 203"), one or two columns, footnotes in
small type at the foot of the page where they are first referenced, and words hyphenated at
line ends. `typeset` also returns what it put on each page, so tests can check the pages nerpipe
reads back.

Input text: paragraphs separated by blank lines, a single newline a line break kept in print;
a "Notes" section of numbered lines ("12. ...") becomes footnotes, each placed on the page of
the first body line that carries its number ("Congress.12").

Usage:
    python tools/make_pdf.py ARTICLE.txt OUT.pdf [--columns 2] [--title T] [--journal J] [--first-page N]
    python tools/make_pdf.py --corpus     # (re)write corpus/pdf/mosyakov-khmer-rouge-typeset.pdf

The corpus PDF is the seed, its layout repaired (`nerpipe.layout.repair`: no running heads of
the extracted text), set in two columns from page 101; tests/test_pdf.py checks that this tool
still writes it byte for byte, and `make run` reads it like any other document.
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "Vera"  # shipped with reportlab: the PDF looks the same on every machine
pdfmetrics.registerFont(TTFont(FONT, os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")))
WIDTH, HEIGHT = A4
MARGIN = 60
BODY, NOTE, HEAD = 10.5, 8.0, 9.0
GAP = 18  # between columns
NOTES_HEADING = re.compile(r"\n\s*Notes\s*\n")
NOTE_LINE = re.compile(r"^\s*(\d{1,3})\.\s+(.*)$")
# A footnote mark glued to the word before it: "Congress.12", "record.2 ", "later?”12".
MARK = re.compile(r"(?<=[\w.,;:?!”’)])(\d{1,3})(?=\s|$)")


@dataclass
class Printed:
    """What was printed: each page's label and its body and note lines, in order."""

    pages: list[tuple[str, list[str]]] = field(default_factory=list)


def split_notes(text: str) -> tuple[str, dict[int, str]]:
    """The body and the numbered notes of an article whose notes follow a "Notes" heading."""
    m = NOTES_HEADING.search(text)
    if m is None:
        return text, {}
    notes = {}
    for line in text[m.end() :].splitlines():
        n = NOTE_LINE.match(line)
        if n:
            notes[int(n.group(1))] = n.group(2).strip()
    return text[: m.start()], notes


def wrap(words: list[str], width: float, size: float, hyphenate: bool = True) -> list[str]:
    """Greedy line breaking; a long word that does not fit is hyphenated at the line end."""
    lines: list[str] = []
    current: list[str] = []
    words = list(words)
    i = 0

    def fits(line: list[str]) -> bool:
        return pdfmetrics.stringWidth(" ".join(line), FONT, size) <= width

    while i < len(words):
        word = words[i]
        if fits([*current, word]) or not current:
            current.append(word)
            i += 1
            continue
        if hyphenate and len(word) >= 7 and word.isalpha():
            for cut in range(len(word) - 3, 2, -1):
                if fits([*current, word[:cut] + "-"]):
                    current.append(word[:cut] + "-")
                    words[i] = word[cut:]
                    break
        lines.append(" ".join(current))
        current = []
    if current:
        lines.append(" ".join(current))
    return lines


def typeset(
    text: str,
    out: Path,
    *,
    title: str,
    journal: str,
    columns: int = 1,
    first_page: int = 1,
) -> Printed:
    """Write `text` to `out` as a printed article; return what each page holds."""
    body, notes = split_notes(text)
    canvas = Canvas(str(out), pagesize=A4, invariant=True)  # invariant: the same bytes every run
    column_width = (WIDTH - 2 * MARGIN - GAP * (columns - 1)) / columns
    lead, note_lead = BODY * 1.35, NOTE * 1.3
    top, bottom = HEIGHT - MARGIN - 24, MARGIN
    printed = Printed()
    state = {"page": first_page, "column": 0, "y": top}
    pending: list[int] = []  # notes to print at the foot of this page
    placed: set[int] = set()
    lines_here: list[str] = []

    def note_lines(numbers: list[int]) -> list[str]:
        return [ln for n in numbers for ln in wrap(f"{n}. {notes[n]}".split(), WIDTH - 2 * MARGIN, NOTE)]

    def finish_page() -> None:
        page = state["page"]
        head = f"{page} {journal}" if page % 2 == 0 else f"{title} {page}"
        canvas.setFont(FONT, HEAD)
        canvas.drawString(MARGIN, HEIGHT - MARGIN, head)
        foot = note_lines(pending)
        y = bottom + len(foot) * note_lead
        canvas.setFont(FONT, NOTE)
        for line in foot:
            canvas.drawString(MARGIN, y, line)
            y -= note_lead
        printed.pages.append((str(page), [*lines_here, *foot]))
        canvas.showPage()
        state.update(page=page + 1, column=0, y=top)
        pending.clear()
        lines_here.clear()

    for block in re.split(r"\n[ \t]*\n", body.strip()):
        for hard_line in block.split("\n"):
            for line in wrap(hard_line.split(), column_width, BODY):
                marks = [int(m) for m in MARK.findall(line) if int(m) in notes and int(m) not in placed]
                need = len(note_lines([*pending, *marks])) * note_lead + (8 if pending or marks else 0)
                if state["y"] - lead < bottom + need:
                    if state["column"] + 1 < columns:
                        state.update(column=state["column"] + 1, y=top)
                    else:
                        finish_page()
                pending.extend(marks)
                placed.update(marks)
                canvas.setFont(FONT, BODY)
                canvas.drawString(MARGIN + state["column"] * (column_width + GAP), state["y"], line)
                lines_here.append(line)
                state["y"] -= lead
        state["y"] -= lead * 0.7  # space between paragraphs
    finish_page()
    canvas.save()
    return printed


ROOT = Path(__file__).resolve().parents[1]
CORPUS_PDF = ROOT / "corpus" / "pdf" / "mosyakov-khmer-rouge-typeset.pdf"


def corpus_pdf(out: Path = CORPUS_PDF) -> Printed:
    """Typeset the seed as the corpus's PDF (see the module docstring)."""
    from nerpipe.layout import repair

    text = repair((ROOT / "corpus" / "mosyakov-khmer-rouge.txt").read_text(encoding="utf-8")).text
    out.parent.mkdir(parents=True, exist_ok=True)
    return typeset(
        text,
        out,
        title="The Khmer Rouge and the Vietnamese Communists",
        journal="Cold War History",
        columns=2,
        first_page=101,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, nargs="?")
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--corpus", action="store_true", help="write the corpus's PDF of the seed")
    parser.add_argument("--columns", type=int, default=1)
    parser.add_argument("--title", default="Article")
    parser.add_argument("--journal", default="Journal of History")
    parser.add_argument("--first-page", type=int, default=1)
    args = parser.parse_args()
    if args.corpus:
        corpus_pdf()
        return
    if args.text is None or args.out is None:
        parser.error("give ARTICLE.txt and OUT.pdf, or --corpus")
    typeset(
        args.text.read_text(encoding="utf-8"),
        args.out,
        title=args.title,
        journal=args.journal,
        columns=args.columns,
        first_page=args.first_page,
    )


if __name__ == "__main__":
    main()
