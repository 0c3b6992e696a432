"""Annotation tools out and in: nerpipe's output as Label Studio tasks, corrected annotations
from Label Studio, Prodigy and doccano back as gold that validates and scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nerpipe.cli import app
from nerpipe.evaluate import evaluate
from nerpipe.extract import extract
from nerpipe.gold import validate_document
from nerpipe.interchange import GoldImportError, import_gold, label_studio_task

runner = CliRunner()
TEXT = (
    "Pol Pot met Le Duan in Hanoi on April 1, 1965 (RGANI, f. 5, op. 50, d. 721, l. 142). "
    "Kennan wrote to Acheson from Moscow (Chanda 1986, p. 59).\n"
)


@pytest.fixture(scope="module")
def record() -> Any:
    return extract(TEXT, id="probe")


def _as_annotated(task: dict[str, Any]) -> dict[str, Any]:
    """What Label Studio exports once a user accepts the prediction as the annotation."""
    return {
        **task,
        "id": 7,
        "annotations": [{"result": task["predictions"][0]["result"], "was_cancelled": False}],
    }


def test_label_studio_round_trip_keeps_spans_and_citation_fields(record: Any) -> None:
    task = label_studio_task(record, TEXT)
    exported = json.dumps([_as_annotated(task)])
    ((gold, _),) = import_gold(exported, "label-studio")
    assert validate_document(gold, TEXT) == []
    assert [(s.start, s.end, s.label) for s in gold.spans] == [
        (s.start, s.end, s.label) for s in record.spans
    ]
    archival = [c for c in gold.citations if c.kind == "archival"]
    assert [(c.archive, c.fund, c.inventory, c.file, c.pages) for c in archival] == [
        ("RGANI", "5", "50", "721", [(142, 142)])
    ]
    report = evaluate([gold], [record])
    assert report["ents_f"] == 1.0 and report["citations"]["detection"]["ALL"]["f"] == 1.0


def test_a_corrected_label_studio_annotation_becomes_the_gold(record: Any) -> None:
    task = _as_annotated(label_studio_task(record, TEXT))
    result = task["annotations"][0]["result"]
    # the user deletes the GPE "Moscow" and corrects the archival record's sheet
    at = TEXT.index("Moscow")
    result[:] = [r for r in result if r["value"]["start"] != at]
    for r in result:
        if r["type"] == "textarea" and '"fund": "5"' in r["value"]["text"][0]:
            fields = json.loads(r["value"]["text"][0])
            r["value"]["text"] = [json.dumps({**fields, "pages": [[143, 143]]})]
    ((gold, _),) = import_gold(json.dumps([task]), "label-studio")
    assert "Moscow" not in [s.text for s in gold.spans]
    assert [c.pages for c in gold.citations if c.kind == "archival"] == [[(143, 143)]]
    report = evaluate([gold], [record])
    assert report["ents_p"] < 1.0 and report["citations"]["fields"]["pages"]["accuracy"] < 1.0


def test_prodigy_accepted_answers_become_gold(record: Any) -> None:
    lines = [
        {"text": TEXT, "meta": {"id": "probe"}, "answer": "accept",
         "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in record.spans]},
        {"text": "Rejected text.", "meta": {"id": "other"}, "answer": "reject", "spans": []},
    ]  # fmt: skip
    golds = [g for g, _ in import_gold("\n".join(json.dumps(x) for x in lines), "prodigy")]
    assert [g.id for g in golds] == ["probe"]
    assert evaluate(golds, [record])["ents_f"] == 1.0


@pytest.mark.parametrize("style", ["label", "entities"])
def test_doccano_exports_become_gold(record: Any, style: str) -> None:
    if style == "label":
        line = {"id": "probe", "text": TEXT, "label": [[s.start, s.end, s.label] for s in record.spans]}
    else:
        line = {"id": "probe", "text": TEXT, "entities": [
            {"start_offset": s.start, "end_offset": s.end, "label": s.label} for s in record.spans]}  # fmt: skip
    ((gold, _),) = import_gold(json.dumps(line), "doccano")
    assert evaluate([gold], [record])["ents_f"] == 1.0


@pytest.mark.parametrize(
    ("tool", "raw", "message"),
    [
        (
            "doccano",
            json.dumps({"id": "d", "text": "Pol Pot", "label": [[0, 7, "PER"]]}),
            "unknown label 'PER'",
        ),
        (
            "doccano",
            json.dumps({"id": "d", "text": "Pol Pot", "label": [[0, 70, "PERSON"]]}),
            "outside the text",
        ),
        (
            "label-studio",
            json.dumps([{"data": {"text": "x", "id": "d"}, "predictions": []}]),
            "no annotation",
        ),
        ("prodigy", "{not json", "not JSON"),
        ("brat", "{}", "unknown tool"),
    ],
)
def test_bad_annotation_files_say_what_is_wrong(tool: str, raw: str, message: str) -> None:
    with pytest.raises(GoldImportError, match=message):
        import_gold(raw, tool)


# -- the command line: export --to label-studio / tei, import-gold, evaluate --------------------


def test_export_label_studio_then_import_gold_then_evaluate(run_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", str(run_dir), "--to", "label-studio", "-o", str(tmp_path / "ls.json")]
    )
    assert result.exit_code == 0, result.output
    assert '<Labels name="label"' in (tmp_path / "ls.xml").read_text(encoding="utf-8")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    (tmp_path / "export.json").write_text(json.dumps([_as_annotated(t) for t in tasks]), encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "import-gold",
            str(tmp_path / "export.json"),
            "--from",
            "label-studio",
            "-o",
            str(tmp_path / "gold.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app,
        [
            "evaluate",
            "--gold",
            str(tmp_path / "gold.jsonl"),
            "--pred",
            str(run_dir),
            "--json",
            str(tmp_path / "r.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["ents_f"] == 1.0 and report["citations"]["detection"]["ALL"]["f"] == 1.0


def test_import_gold_refuses_spans_that_do_not_fit_the_text(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "d", "text": "Pol Pot", "label": [[0, 70, "PERSON"]]}) + "\n"
    )
    result = runner.invoke(
        app, ["import-gold", str(tmp_path / "d.jsonl"), "--from", "doccano", "-o", str(tmp_path / "g.jsonl")]
    )
    assert result.exit_code == 2 and "outside the text" in result.output
    assert not (tmp_path / "g.jsonl").exists()


def test_export_tei_writes_one_readable_file_per_document(run_dir: Path, tmp_path: Path) -> None:
    from nerpipe.tei import read_annotations

    result = runner.invoke(app, ["export", str(run_dir), "--to", "tei", "-o", str(tmp_path / "tei")])
    assert result.exit_code == 0, result.output
    (path,) = sorted((tmp_path / "tei").glob("*.xml"))
    record = json.loads((run_dir / "documents.jsonl").read_text(encoding="utf-8"))
    _, spans = read_annotations(path.read_bytes())
    assert sorted((label, t) for *_, label, t in spans) == sorted(
        (s["label"], s["text"]) for s in record["spans"]
    )
