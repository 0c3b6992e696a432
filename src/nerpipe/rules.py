"""Generic token rules: how names are written, composed from named token dicts.

The gazetteers in `patterns/*.jsonl` know real entities; these rules recognise name *shapes*
that no list holds, using the word lists of `patterns/lexicon.json`:

    PERSON  "Prince Sihanouk" -> Sihanouk        title + name (the title is trimmed off)
            "Nguyen Co Thach", "Le Duan"         Vietnamese family name + 1-2 syllables
            "Hoanh Van Loi"                      any syllable + Vietnamese middle name + syllable
            "Ieng Sary", "Son Ngoc Minh"         Khmer name syllable + 1-2 syllables
            "Zhou Enlai", "Chiang Kai-shek"      Chinese / Korean family name + given name
            "Yuri Myakotnykh", "Dean Acheson"    given name (+ initial) + surname
            "L.I. Brezhnev", "V.Bakaev"          initials + surname
    ORG     "Indochina Communist Party"          capitalised words + an organisation head
            "Institute of Oriental Studies"      head + of/for/on + capitalised words
            "Ministry of foreign affairs"        ministry + a subject (may be lowercase)
            "KPRP", "C.P.S.U."                   acronyms
    GPE     "Eastern Zone", "Yunnan Province"    administrative zones
    LOC     "38th parallel"                      lines of latitude

Each rule has an id (`rule:<name>`) that becomes the span's `pattern` (provenance).
"""

from __future__ import annotations

from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

Token = dict[str, Any]
Rule = tuple[str, str, list[list[Token]]]  # (rule id, label, token patterns)

ROMAN_NUMERALS = frozenset(
    ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX"]
)
MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Heads that name no organisation under the guidelines: "the Nixon administration" and "the
# Government of the PRC" give only the person or the place, an embassy is not an ORG.
NOT_ORG_HEADS = frozenset(
    [
        "Government",
        "Administration",
        "Embassy",
        "Embassies",
        "Consulate",
        "Legation",
        "Mission",
        "Delegation",
        "Wing",
        "House",
    ]
)
LOWERCASE_SUBJECTS = frozenset(
    ["foreign", "affairs", "internal", "defence", "defense", "culture", "trade", "finance", "justice", "agriculture", "education", "health", "interior", "information", "security", "and", "national", "public", "state"]
)  # fmt: skip


def build_rules(lexicon: dict[str, frozenset[str]], gazetteer_words: frozenset[str]) -> list[Rule]:
    """Compose the generic rules from the lexicon's word lists.

    `gazetteer_words` are the lowercased one-word gazetteer names ("hanoi", "cambodia"): a name
    part is never one of them, so "So Hanoi" is not a Khmer name.
    """

    def words(name: str) -> list[str]:
        return sorted(lexicon.get(name, frozenset()))

    def lower(name: str) -> list[str]:
        return sorted({w.lower() for w in lexicon.get(name, frozenset())})

    not_name = sorted(
        {w.lower() for w in STOP_WORDS}
        | MONTH_WORDS
        | set(lower("nationality_adjectives"))
        | set(lower("org_heads"))
        | set(lower("titles"))
        | set(lower("seasons"))
        | gazetteer_words
    )
    # -- named token dicts ---------------------------------------------------------------------
    name_part: Token = {"IS_TITLE": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": not_name}}
    syllable: Token = {**name_part, "LENGTH": {"<=": 8}}
    opt_syllable: Token = {**syllable, "OP": "?"}
    # token shapes, not regexes: a shape is computed once per word, a regex runs on every token
    initial: Token = {"SHAPE": {"IN": ["X.", "X.X.", "X.X.X."]}}
    fused_initial_name: Token = {
        "SHAPE": {"IN": ["X.Xxx", "X.Xxxx", "X.Xxxxx", "X.X.Xxx", "X.X.Xxxx", "X.X.Xxxxx"]}
    }
    title: Token = {"LOWER": {"IN": lower("titles")}}
    given_names = set(words("given_names_western")) | set(words("given_names_russian"))
    given: Token = {"ORTH": {"IN": sorted(w for w in given_names if w.lower() not in not_name)}}
    vn_family: Token = {"ORTH": {"IN": words("surnames_vietnamese")}}
    vn_middle: Token = {"ORTH": {"IN": words("middle_names_vietnamese")}}
    kh_name: Token = {"ORTH": {"IN": words("names_khmer") + words("names_lao")}}
    cn_family: Token = {"ORTH": {"IN": words("surnames_chinese") + words("surnames_korean")}}
    hyphen: Token = {"ORTH": "-"}
    lower_syllable: Token = {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {"<=": 6}}
    org_head: Token = {"ORTH": {"IN": [w for w in words("org_heads") if w not in NOT_ORG_HEADS]}}
    possessive: Token = {"ORTH": {"IN": ["'s", "’s", "'", "’"]}}
    org_word: Token = {
        "IS_TITLE": True,
        "IS_ALPHA": True,
        "LOWER": {"NOT_IN": sorted({w.lower() for w in STOP_WORDS} | MONTH_WORDS)},
    }
    of_for: Token = {"LOWER": {"IN": ["of", "for", "on"]}}
    the: Token = {"LOWER": "the", "OP": "?"}
    ministry: Token = {"ORTH": {"IN": ["Ministry", "Ministries", "Commissariat", "Department"]}}
    subject: Token = {"LOWER": {"IN": sorted(LOWERCASE_SUBJECTS)}}
    acronym: Token = {
        "SHAPE": {"IN": ["XX", "XXX", "XXXX"]},
        "LENGTH": {"<=": 6},
        "ORTH": {"NOT_IN": sorted(ROMAN_NUMERALS)},
    }
    dotted_acronym: Token = {"SHAPE": {"IN": ["X.X.", "X.X.X.", "X.X.X.X.", "X.X.X.X.X."]}}
    zone_word: Token = {"ORTH": {"IN": ["Zone", "Province", "Prefecture", "District", "Oblast", "Region"]}}
    compass: Token = {
        "ORTH": {
            "IN": [
                "Eastern",
                "Western",
                "Northern",
                "Southern",
                "Northwest",
                "Southwest",
                "Northeast",
                "Southeast",
                "Central",
                "Special",
                "North",
                "South",
                "East",
                "West",
            ]
        }
    }

    org_words = {**org_word, "OP": "*"}
    org_words_plus = {**org_word, "OP": "+"}
    poss_opt = {**possessive, "OP": "?"}
    return [
        ("rule:title-name", "PERSON", [[title, {**name_part, "OP": "+"}], [title, initial, name_part]]),
        ("rule:vietnamese-name", "PERSON", [[vn_family, syllable, opt_syllable]]),
        ("rule:vietnamese-middle-name", "PERSON", [[syllable, vn_middle, syllable]]),
        ("rule:khmer-name", "PERSON", [[kh_name, syllable, opt_syllable]]),
        (
            "rule:east-asian-name",
            "PERSON",
            [[cn_family, syllable, opt_syllable], [cn_family, syllable, hyphen, lower_syllable]],
        ),
        (
            "rule:given-surname",
            "PERSON",
            [[given, {**initial, "OP": "?"}, name_part], [given, given, name_part]],
        ),
        ("rule:initials-surname", "PERSON", [[initial, name_part], [fused_initial_name]]),
        # "the Johnson Administration" -> Johnson (ANNOTATION.md: only the person)
        ("rule:administration", "PERSON", [[name_part, {"LOWER": "administration"}]]),
        (
            "rule:org-name",
            "ORG",
            [
                [org_word, poss_opt, org_words, poss_opt, org_head],
                [org_words, org_head, of_for, the, org_words_plus],
                [
                    org_words,
                    org_head,
                    of_for,
                    the,
                    org_words_plus,
                    {"LOWER": {"IN": ["of", "and"]}},
                    the,
                    org_words_plus,
                ],
                [ministry, {"LOWER": "of"}, {**subject, "OP": "+"}],
            ],
        ),
        ("rule:acronym", "ORG", [[acronym], [dotted_acronym]]),
        ("rule:zone", "GPE", [[compass, zone_word], [{**org_word, "OP": "+"}, zone_word]]),
        ("rule:parallel", "LOC", [[{"SHAPE": {"IN": ["dxx", "ddxx"]}}, {"LOWER": "parallel"}]]),
    ]
