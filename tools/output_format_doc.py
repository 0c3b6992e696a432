"""Generate docs/output-format.md from the models' JSON Schema (a test checks it is current).

Usage: python tools/output_format_doc.py > docs/output-format.md
"""

from __future__ import annotations

from typing import Any

from nerpipe.models import CitationRow, DocumentRecord, EntityRow, ErrorRecord

INTRO = """# Output format

Generated from the pydantic models by `tools/output_format_doc.py`; do not edit by hand.
`nerpipe schema` prints the full JSON Schema of a `documents.jsonl` line. Offsets are Python
string indices into the raw UTF-8 text, `end` exclusive; `docs/annotation.md` is the contract
for what each field holds.
"""


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].split("/")[-1]
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return f"list of {_type(prop.get('items', {}))}" if prop.get("items") else "list"
    if "enum" in prop:
        return " / ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    return str(prop.get("type", "any"))


def table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    rows = ["| field | type | required | description |", "|---|---|---|---|"]
    for name, prop in schema["properties"].items():
        desc = prop.get("description", "").replace("\n", " ")
        rows.append(f"| `{name}` | {_type(prop)} | {'yes' if name in required else ''} | {desc} |")
    return rows


def render() -> str:
    out = [INTRO]
    doc_schema = DocumentRecord.model_json_schema()
    sections = [("documents.jsonl: DocumentRecord", doc_schema)]
    sections += [(f"{name}", sub) for name, sub in doc_schema.get("$defs", {}).items()]
    sections += [
        ("entities.jsonl: EntityRow", EntityRow.model_json_schema()),
        ("citations.jsonl: CitationRow", CitationRow.model_json_schema()),
        ("errors.jsonl: ErrorRecord", ErrorRecord.model_json_schema()),
    ]
    for title, schema in sections:
        doc = (schema.get("description") or "").strip()
        out += [f"## {title}", "", doc, "", *table(schema), ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
