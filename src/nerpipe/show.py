"""A self-contained HTML page of one document: entities highlighted in displaCy's colours,
citations underlined with their parsed fields in a tooltip, and side panels listing the
people, organisations and places (with mention counts) and the archive units cited. The panel
column scrolls on its own, so every panel can be reached from anywhere in the article.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from nerpipe.citations import format_pages
from nerpipe.index import archive_index
from nerpipe.models import Citation, DocumentRecord, Span

# displaCy's default entity colours.
COLOURS = {"PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "LOC": "#ff9561", "DATE": "#bfe1d9"}

CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #222; }
header { padding: 14px 24px; background: #1e2a38; color: #fff; }
header h1 { margin: 0; font-size: 20px; } header p { margin: 4px 0 0; font-size: 13px; color: #c8d3df; }
.layout { display: flex; gap: 24px; padding: 20px 24px; align-items: flex-start; }
article { flex: 3; white-space: pre-wrap; line-height: 2.4; font-size: 15px; max-width: 900px; }
aside { flex: 1; min-width: 260px; position: sticky; top: 12px; font-size: 13px;
  max-height: calc(100vh - 24px); overflow-y: auto; }
aside section { border: 1px solid #e2e6ea; border-radius: 6px; padding: 10px 12px; margin-bottom: 14px; }
aside h2 { font-size: 14px; margin: 0 0 6px; } aside ol { margin: 0; padding-left: 20px; }
aside li { line-height: 1.6; } .count, .none { color: #777; } .none { margin: 0; }
mark.entity { padding: 0.2em 0.35em; margin: 0 0.1em; border-radius: 0.35em; line-height: 1; }
mark.entity .label { font-size: 0.6em; font-weight: bold; line-height: 1; border-radius: 0.35em;
  text-transform: uppercase; vertical-align: middle; margin-left: 0.4em; color: #333; }
span.cite { border-bottom: 2px solid #c0392b; cursor: help; }
span.cite.ibid { border-bottom-style: dashed; }
.legend mark { margin-right: 6px; }
"""


def _tooltip(index: int, c: Citation) -> str:
    """A citation's fields as a reader writes them: "[3] ibid", "pages: p. 142", "antecedent: [0]".

    Links name the citation they point at by its number, as the first line numbers this one.
    """
    fields = {
        k: v
        for k, v in c.model_dump(exclude={"start", "end", "text", "resolutions"}).items()
        if v is not None and v != []
    }
    lines = [f"[{index}] {fields.pop('kind')}"]
    lines += [f"{name.replace('_', ' ')}: {_reader_value(name, v)}" for name, v in fields.items()]
    return "\n".join(lines)


def _reader_value(name: str, value: object) -> str:
    """A field's value in print: pages "p. 142" / "pp. 39-40, 61", yes / no, lists joined.

    >>> _reader_value("pages", [(142, 142)]), _reader_value("archive_stated", True), _reader_value("antecedent", 0)
    ('p. 142', 'yes', '[0]')
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name == "pages" and isinstance(value, list):
        single = len(value) == 1 and value[0][0] == value[0][1]
        return ("p. " if single else "pp. ") + format_pages(value)
    if name in ("antecedent", "reference"):
        return f"[{value}]"
    if isinstance(value, list):
        return "; ".join(map(str, value)) if name == "warnings" else ", ".join(map(str, value))
    return str(value)


def _render_text(text: str, spans: list[Span], start: int, end: int) -> str:
    """Text between start and end with the entities inside it marked."""
    out, pos = [], start
    for s in spans:
        if s.end <= start or s.start >= end:
            continue
        a, b = max(s.start, start), min(s.end, end)
        out.append(html.escape(text[pos:a]))
        colour = COLOURS.get(s.label, "#ddd")
        tip = html.escape(f"{s.label} {s.entity_id or ''} {s.norm or ''} ({s.pattern})", quote=True)
        out.append(
            f'<mark class="entity" style="background:{colour}" title="{tip}">{html.escape(text[a:b])}'
            f'<span class="label">{s.label}</span></mark>'
        )
        pos = b
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def _panel(title: str, items: Iterable[tuple[str, int]]) -> str:
    rows = "".join(f"<li>{html.escape(name)} <span class='count'>({n})</span></li>" for name, n in items)
    listing = f"<ol>{rows}</ol>" if rows else "<p class='none'>none</p>"
    return f"<section><h2>{html.escape(title)}</h2>{listing}</section>"


def render(record: DocumentRecord, text: str) -> str:
    """The HTML page of `record`, whose raw text is `text`."""
    spans = sorted(record.spans, key=lambda s: s.start)
    body, pos = [], 0
    for i, c in sorted(enumerate(record.citations), key=lambda ic: ic[1].start):
        if c.start < pos:
            continue
        body.append(_render_text(text, spans, pos, c.start))
        tip = html.escape(_tooltip(i, c), quote=True)
        body.append(
            f'<span class="cite {c.kind}" title="{tip}">{_render_text(text, spans, c.start, c.end)}</span>'
        )
        pos = c.end
    body.append(_render_text(text, spans, pos, len(text)))
    panels = []
    for label, title in (
        ("PERSON", "People"),
        ("ORG", "Organisations"),
        ("GPE", "Places"),
        ("LOC", "Regions"),
    ):
        ents = sorted((e for e in record.entities if e.label == label), key=lambda e: (-e.mentions, e.name))
        panels.append(_panel(title, ((e.name, e.mentions) for e in ents[:25])))
    units = archive_index([record])
    panels.append(
        _panel(
            "Archive units cited",
            ((f"{u.archive} f. {u.fund}, op. {u.inventory or '-'}, d. {u.file}", u.citations) for u in units),
        )
    )
    legend = "".join(
        f'<mark class="entity" style="background:{c}">{label}</mark>' for label, c in COLOURS.items()
    )
    kinds = {
        k: sum(c.kind == k for c in record.citations)
        for k in ("archival", "bibliographic", "ibid", "interview")
    }
    summary = (
        f"{len(record.spans)} entity mentions, "
        + ", ".join(f"{n} {k}" for k, n in kinds.items() if n)
        + " citations"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(record.id)} · nerpipe</title>
<style>{CSS}</style></head>
<body><header><h1>{html.escape(record.id)}</h1><p>{html.escape(summary)} · <span class="legend">{legend}</span></p></header>
<div class="layout"><article>{"".join(body)}</article><aside>{"".join(panels)}</aside></div>
</body></html>
"""
