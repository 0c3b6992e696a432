"""The generic rules' word tests: what each accepts, and that the Matcher sees them as flags."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.matcher import Matcher

from nerpipe.patterns import load_lexicon, load_patterns
from nerpipe.pipeline import flag_pattern
from nerpipe.rules import MAX_ORG_WORDS, RULES, word_tests


def _tests() -> dict[str, object]:
    one_word = frozenset(
        e.pattern.lower()
        for e in load_patterns()
        if isinstance(e.pattern, str) and " " not in e.pattern and e.label != "PERSON" and not e.data
    )
    return word_tests(load_lexicon(), one_word)  # type: ignore[return-value]


WORDS = [
    ("Sary", "name_part", True),
    ("Hanoi", "name_part", False),  # a gazetteer place is no name part: not "So Hanoi"
    ("The", "name_part", False),
    ("sary", "name_part", False),
    ("Thach", "syllable", True),
    ("Bartholomew", "syllable", False),  # longer than a syllable
    ("L.", "initial", True),
    ("L.I.", "initial", True),
    ("V.Bakaev", "fused_initial_name", True),
    ("Prince", "title", True),
    ("comrade", "title", True),
    ("Nguyen", "vn_family", True),
    ("Van", "vn_middle", True),
    ("Zhou", "cn_family", True),
    ("shek", "lower_syllable", True),
    ("Kai", "lower_syllable", False),
    ("Communist", "org_word", True),
    ("March", "org_word", False),
    ("Party", "org_head", True),
    ("Government", "org_head", False),  # "the Government of the PRC" names the place
    ("KPRP", "acronym", True),
    ("C.P.S.U.", "acronym", True),
    ("XII", "acronym", False),  # a Roman numeral
    ("UNESCOS", "acronym", False),  # longer than six letters
    ("Kprp", "acronym", False),
    ("Zone", "zone_word", True),
    ("38th", "ordinal", True),
    ("1975", "ordinal", False),
    ("Ministry", "ministry", True),
    ("affairs", "subject", True),
    ("McNamara", "name_part", True),  # an inner capital
    ("O'Connor", "name_part", True),  # an apostrophe
    ("Papers", "name_part", False),  # "Dulles Papers" -> Dulles
    ("Kofi", "given", True),  # from the compiled package list
    ("Hope", "given", False),  # a common word: only ...
    ("Hope", "given_weak", True),  # ... with an initial after it
    ("von", "particle", True),
    ("Van", "particle", True),
    ("Senator", "honorific", True),
    ("General", "honorific", False),  # a title, but "General Motors"
    ("BARTON", "surname", True),  # a speaker label
    ("Barton", "surname", True),
    ("CHAIRMAN", "surname", False),
    ("USSR", "surname", False),  # a gazetteer place
    ("Chair", "org_word", False),  # a job title ends an organisation's name
    ("THE", "acronym", False),  # a heading's function word
    ("RG", "acronym", False),  # an archival unit code
]


@pytest.mark.parametrize(("word", "test", "expected"), WORDS)
def test_word_tests_accept_the_words_of_their_shape(word: str, test: str, expected: bool) -> None:
    assert _tests()[test](word) is expected  # type: ignore[operator]


@pytest.mark.parametrize(("word", "test", "expected"), WORDS)
def test_word_tests_are_lexeme_flags_of_the_pipeline(
    nlp: Language, word: str, test: str, expected: bool
) -> None:
    flags = nlp.get_pipe("nerpipe_entities").flags
    bit = int(flags[test].removeprefix("FLAG"))
    assert nlp.vocab[word].check_flag(bit) is expected


def test_every_rule_token_names_a_word_test() -> None:
    names = set(_tests())
    tokens = [token for _, _, patterns in RULES for pattern in patterns for token in pattern]
    assert {token[k] for token in tokens for k in ("TEST", "NOT_TEST") if k in token} <= names
    # besides word tests, only one-value attributes the Matcher checks in C
    assert all(
        set(token) <= {"TEST", "NOT_TEST", "OP"} or set(token) - {"OP"} in ({"LOWER"}, {"ORTH"})
        for token in tokens
    )
    assert all(isinstance(v, str) for token in tokens for k, v in token.items() if k != "TEST")


def test_word_tests_fit_in_the_free_lexeme_flags() -> None:
    """spaCy has 64 flag bits and uses the first 30: at most 34 word tests."""
    assert len(_tests()) <= 64 - 30


def _raw_rule_matcher(nlp: Language) -> Matcher:
    """The rules' patterns in a Matcher that keeps every match (no longest-match filter)."""
    flags = nlp.get_pipe("nerpipe_entities").flags
    matcher = Matcher(nlp.vocab, validate=False)
    for rule_id, _, patterns in RULES:
        matcher.add(rule_id, [flag_pattern(p, flags) for p in patterns])
    return matcher


@pytest.mark.parametrize(
    ("words", "per_token"),
    [
        (["Great", "Northern", "Party"], 4),  # org words and heads: "Party" opens every earlier word
        (["Senator", "Ellis", "Barton"], 4),  # titles and name parts
        (["L.", "M.", "Barton"], 4),  # initials
    ],
)
def test_rules_matches_bounded_on_long_capitalised_runs(
    nlp: Language, words: list[str], per_token: int
) -> None:
    """2,000 Title-Case words give matches linear in the run's length: every repetition of a rule
    is bounded (an unbounded "*" gave 665,667 matches on the first run, 0.3 per token pair)."""
    doc = nlp.make_doc(" ".join(words * 667))
    assert len(doc) >= 2000
    matches = _raw_rule_matcher(nlp)(doc)
    assert len(matches) <= per_token * len(doc)
    assert max(end - start for _, start, end in matches) <= 3 * MAX_ORG_WORDS + 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the bounds still hold the longest names the rules read
        ("the Central Committee of the Communist Party of the Soviet Union met",
         "Central Committee of the Communist Party of the Soviet Union"),
        ("works of W. E. B. Du Bois appeared", "W. E. B. Du Bois"),
        ("the Khmer People's National Liberation Front fought", "Khmer People's National Liberation Front"),
    ],
)  # fmt: skip
def test_rules_bounds_keep_long_names(nlp: Language, text: str, expected: str) -> None:
    assert expected in [e.text for e in nlp(text).ents]
