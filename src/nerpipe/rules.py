"""Generic token rules: how names are written, composed from named word tests.

The gazetteers in `patterns/*.jsonl` know real entities; these rules recognise name *shapes*
that no list holds, using the word lists of `patterns/lexicon.json`:

    PERSON  "Prince Sihanouk" -> Sihanouk        title + name (the title is trimmed off)
            "Nguyen Co Thach", "Le Duan"         Vietnamese family name + 1-2 syllables
            "Hoanh Van Loi"                      any syllable + Vietnamese middle name + syllable
            "Ieng Sary", "Son Ngoc Minh"         Khmer name syllable + 1-2 syllables
            "Zhou Enlai", "Chiang Kai-shek"      Chinese / Korean family name + given name
            "Yuri Myakotnykh", "Dean Acheson"    given name (+ initials) + surname
            "Everett Lisle Barrow"               given name + middle name + surname
            "Otto von Bismarck", "Hafez al-Assad" given name + particles + surname
            "May L. Lyons"                       a given name that is also a word, confirmed
                                                 by an initial
            "L.I. Brezhnev", "W. E. B. Du Bois"  initials + surname
            "U. Alexis Johnson"                  initial + given name + surname
            "Mr. ABERNATHY." -> ABERNATHY        a hearing's all-caps speaker label (title-name)
    ORG     "Indochina Communist Party"          capitalised words + an organisation head
            "Institute of Oriental Studies"      head + of/for/on + capitalised words
            "Ministry of foreign affairs"        ministry + a subject (may be lowercase)
            "KPRP", "C.P.S.U."                   acronyms
    GPE     "Eastern Zone", "Yunnan Province"    administrative zones
    LOC     "38th parallel"                      lines of latitude (a regex: rx.PARALLEL)

Every token of a rule is one *word test*: a named function of the word's text alone
(`name_part("Sary") is True`). A test depends on nothing but the word, so the pipeline stores
each as a lexeme flag, computed once per word type and checked by spaCy's Matcher in C; set
predicates such as `{"LOWER": {"NOT_IN": [...]}}` would instead run in Python on every token.
The rules themselves are plain data: token dicts `{"TEST": name}` (with an optional "OP"), or
a spaCy attribute compared for equality (`{"LOWER": "of"}`, `{"ORTH": "-"}`), which the Matcher
also checks in C: a word test is only needed where a *set* of words is asked for. spaCy has 64
flag bits and uses 30, so at most 34 word tests fit.

Each rule has an id (`rule:<name>`) that becomes the span's `pattern` (provenance).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.lex_attrs import word_shape

Token = dict[str, Any]
Rule = tuple[str, str, list[list[Token]]]  # (rule id, label, token patterns)
WordTest = Callable[[str], bool]

# A Roman numeral of I, V, X and L ("XXIX", "XVIII": a volume's, part's or chapter's number, "vol.
# XXIX, pt. 2") is no acronym and no speaker's name. C, D and M are left out: "CC", "DC", "CD"
# and "MD" are acronyms more often than numbers.
ROMAN_NUMERAL = regex.compile(r"(?=[IVXL]{2})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def is_roman_numeral(w: str) -> bool:
    """ "XXIX", "XVII", "IV" (two letters or more); not "LLL", "VV", "CIA".

    >>> [w for w in ("XXIX", "XVII", "II", "LX", "VV", "XIIII", "CC") if is_roman_numeral(w)]
    ['XXIX', 'XVII', 'II', 'LX']
    """
    return ROMAN_NUMERAL.fullmatch(w) is not None


MONTH_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"]
)  # fmt: skip
# Heads that name no organisation under the guidelines: "the Nixon administration" and "the
# Government of the PRC" give only the person or the place, an embassy is not an ORG.
NOT_ORG_HEADS = frozenset(
    ["Government", "Administration", "Embassy", "Embassies", "Consulate", "Legation", "Mission",
     "Delegation", "Wing", "House"]
)  # fmt: skip
LOWERCASE_SUBJECTS = frozenset(
    ["foreign", "affairs", "internal", "defence", "defense", "culture", "trade", "finance", "justice", "agriculture", "education", "health", "interior", "information", "security", "and", "national", "public", "state"]
)  # fmt: skip
ZONE_WORDS = frozenset(["Zone", "Province", "Prefecture", "District", "Oblast", "Region"])
MINISTRY_WORDS = frozenset(["Ministry", "Ministries", "Commissariat", "Department"])
INITIAL_SHAPES = frozenset(["X.", "X.X.", "X.X.X."])  # "L.", "L.I."
# A surname or given name with an inner capital or apostrophe: "McNamara", "MacArthur",
# "O'Connor", "D'Annunzio", "LaGuardia", "DeConcini" (str.istitle refuses the inner capital).
NAME_SHAPE = regex.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le|Fitz)?\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?")
# An all-caps surname, as printed hearings label speakers: "ABERNATHY", "McCORMACK", "O'CONNOR".
CAPS_NAME_SHAPE = regex.compile(r"(?:Mc|Mac|O['’]|D['’])?\p{Lu}{2,}(?:['’-]\p{Lu}+)?")
FUSED_INITIAL_SHAPES = frozenset(  # "V.Bakaev", "L.I.Brezhnev" (word_shape caps a run at 4)
    ["X.Xxx", "X.Xxxx", "X.Xxxxx", "X.X.Xxx", "X.X.Xxxx", "X.X.Xxxxx"]
)
ACRONYM_SHAPES = frozenset(["XX", "XXX", "XXXX"])  # "KPRP", "CPSU", "UN"
DOTTED_ACRONYM_SHAPES = frozenset(["X.X.", "X.X.X.", "X.X.X.X.", "X.X.X.X.X."])  # "C.P.S.U."
POSSESSIVES = frozenset(["'s", "’s", "'", "’"])


def word_tests(lexicon: dict[str, frozenset[str]], gazetteer_words: frozenset[str]) -> dict[str, WordTest]:
    """The named word tests the rules are made of, built from the lexicon's word lists.

    `gazetteer_words` are the lowercased one-word place and organisation names ("hanoi"): a name
    part is never one of them, so "So Hanoi" is not a Khmer name.

    >>> tests = word_tests({"titles": frozenset({"Prince"})}, frozenset({"hanoi"}))
    >>> [w for w in ("Sary", "Hanoi", "The", "Prince", "sary") if tests["name_part"](w)]
    ['Sary']
    """

    def words(*names: str) -> frozenset[str]:
        return frozenset().union(*(lexicon.get(name, frozenset()) for name in names))

    def lower(*names: str) -> frozenset[str]:
        return frozenset(w.lower() for w in words(*names))

    stop = frozenset(w.lower() for w in STOP_WORDS)
    not_name = (
        stop
        | MONTH_WORDS
        | LOWERCASE_SUBJECTS  # a portfolio is no name: "Deputy Foreign Minister X" names X only
        | lower("nationality_adjectives", "org_heads", "titles", "seasons", "honorifics")
        # "Dulles Papers" -> Dulles, "Truman Doctrine" names no one; "Jr." is no surname
        | lower("name_stops", "name_suffixes")
        | gazetteer_words
        # the plural of a title or a job is no name: "Gates to Deputy Directors", "the Senators"
        | frozenset(w + "s" for w in lower("titles", "org_stop_titles") if w[-1:].isalpha())
    )
    # a job title ends an organisation's name: "House Committee on Naval Affairs Chair Ellis Barton"
    not_org_word = stop | MONTH_WORDS | lower("org_stop_titles")
    titles = lower("titles")
    honorifics = lower("honorifics")
    # given names: the curated lists and a data package's (lexicon-given-names.json); one that is
    # also a common word or a place ("Hope", "Georgia") only where an initial confirms it
    ambiguous = words("given_names_ambiguous")
    all_given = words("given_names_western", "given_names_russian", "given_names") | ambiguous
    given_names = frozenset(w for w in all_given - ambiguous if w.lower() not in not_name)
    given_weak = frozenset(w for w in all_given - given_names if w.lower() not in stop)
    particles = words("name_particles")
    unit_codes = words("unit_codes")
    vn_family = words("surnames_vietnamese")
    vn_middle = words("middle_names_vietnamese")
    kh_name = words("names_khmer", "names_lao")
    cn_family = words("surnames_chinese", "surnames_korean")
    org_heads = words("org_heads") - NOT_ORG_HEADS

    # spaCy's lexical attributes, spelt out: IS_TITLE = str.istitle, IS_ALPHA = str.isalpha,
    # LOWER = str.lower, SHAPE = word_shape, LENGTH = len
    def name_part(w: str) -> bool:  # "Sary", "Thach", "McNamara", "O'Connor"; not "The", "Hanoi", "Prince"
        return (
            (w.istitle() and w.isalpha()) or NAME_SHAPE.fullmatch(w) is not None
        ) and w.lower() not in not_name

    def caps_name(w: str) -> bool:  # "ABERNATHY", "McCORMACK"; not "USSR", "CHAIRMAN", "III"
        return (
            len(w) >= 3
            and CAPS_NAME_SHAPE.fullmatch(w) is not None
            and w.lower() not in not_name
            and not is_roman_numeral(w)
        )

    def org_word(w: str) -> bool:  # "Communist", "Oriental"; not "The", "March"
        return w.istitle() and w.isalpha() and w.lower() not in not_org_word

    return {
        "name_part": name_part,
        "syllable": lambda w: len(w) <= 8 and name_part(w),  # "Co", "Thach"
        # a cheap look at the word first: word_shape costs microseconds, and most words fail
        "initial": lambda w: w[-1:] == "." and word_shape(w) in INITIAL_SHAPES,  # "L.", "L.I."
        "fused_initial_name": lambda w: w[1:2] == "." and word_shape(w) in FUSED_INITIAL_SHAPES,  # "V.Bakaev"
        "title": lambda w: w.lower() in titles,  # "Prince", "comrade", "Mr."
        "honorific": lambda w: w.lower() in honorifics,  # "Mr.", "Senator", "Lord": only before a person
        "given": lambda w: w in given_names,  # "Yuri", "Dean", "Kofi"
        "given_weak": lambda w: w in given_weak,  # "Hope", "Georgia": a name with an initial after it
        "particle": lambda w: w in particles,  # "von", "de", "al", "Van", "Du"
        "surname": lambda w: name_part(w) or caps_name(w),  # "Barton", "BARTON"
        "vn_family": lambda w: w in vn_family,  # "Nguyen", "Le"
        "vn_middle": lambda w: w in vn_middle,  # "Van", "Thi"
        "kh_name": lambda w: w in kh_name,  # "Ieng", "Souphanouvong"
        "cn_family": lambda w: w in cn_family,  # "Zhou", "Kim"
        "lower_syllable": lambda w: w.islower() and w.isalpha() and len(w) <= 6,  # "shek"
        "org_head": lambda w: w in org_heads,  # "Party", "Front", "Institute"
        "possessive": lambda w: w in POSSESSIVES,  # "People's"
        "org_word": org_word,
        "of_for": lambda w: w.lower() in ("of", "for", "on"),
        "of_and": lambda w: w.lower() in ("of", "and"),
        "ministry": lambda w: w in MINISTRY_WORDS,
        "subject": lambda w: w.lower() in LOWERCASE_SUBJECTS,  # "foreign", "affairs"
        # "KPRP", "CPSU" (not a Roman numeral), or dotted: "C.P.S.U."
        # not a function word of an all-caps heading ("HEARINGS BEFORE THE SUBCOMMITTEE"), nor
        # an archival unit code ("RG 59", "CDF 1950-1954": ANNOTATION.md)
        "acronym": lambda w: (
            (
                len(w) <= 6
                and w.isupper()
                and word_shape(w) in ACRONYM_SHAPES
                and not is_roman_numeral(w)
                and w.lower() not in stop
                and w not in unit_codes
            )
            or (w[-1:] == "." and word_shape(w) in DOTTED_ACRONYM_SHAPES)
        ),
        "zone_word": lambda w: w in ZONE_WORDS,
        "ordinal": lambda w: w[:1].isdigit() and word_shape(w) in ("dxx", "ddxx"),  # "38th"
    }


# Rules whose first word says the rest is a person: they beat an acronym or a place of the same
# span ("Mr. DODD." is no organisation), and after an honorific even a gazetteer's place.
CUE_RULES = frozenset({"rule:title-name", "rule:honorific-name"})


def t(test: str, op: str | None = None) -> Token:
    """A token dict that asks for one word test: `t("syllable", "?")`."""
    return {"TEST": test} if op is None else {"TEST": test, "OP": op}


def lower(word: str, op: str | None = None) -> Token:
    """A token dict that asks for one word, case-insensitively: `lower("of")` (checked in C)."""
    return {"LOWER": word} if op is None else {"LOWER": word, "OP": op}


HYPHEN: Token = {"ORTH": "-"}
HYPHEN_OPT: Token = {"ORTH": "-", "OP": "?"}
# A name cut by a line end: "Everett\nLisle Barrow" (the tokenizer keeps the newline as a token).
LINE_BREAK: Token = {"ORTH": "\n", "OP": "?"}


# -- the rules -------------------------------------------------------------------------------
# Every repetition is bounded ("{1,5}", spaCy >= 3.5): an unbounded "*" or "+" keeps a partial
# match open at every word of a run of capitalised words, so a heading or a table of 2,000
# Title-Case words costs the Matcher time and matches quadratic in the run's length. No name
# the rules read is longer: "Central Committee of the Communist Party of the Soviet Union" has
# three words before its first head, "W. E. B. Du Bois" three initials.
MAX_ORG_WORDS = 5  # "Cold War International History Project": four words before the head
MAX_NAME_WORDS = 2  # given and middle names between a title and a surname: "comrade Tran Van Xuan"
MAX_INITIALS = 3  # "W. E. B."
MAX_PARTICLES = 2  # "van der", "de la"
_org_words = t("org_word", f"{{0,{MAX_ORG_WORDS}}}")
_org_words_plus = t("org_word", f"{{1,{MAX_ORG_WORDS}}}")
_name_words = t("name_part", f"{{0,{MAX_NAME_WORDS}}}")
_initials = t("initial", f"{{0,{MAX_INITIALS}}}")
_initials_plus = t("initial", f"{{1,{MAX_INITIALS}}}")
_particles = t("particle", f"{{1,{MAX_PARTICLES}}}")
_particles_any = t("particle", f"{{0,{MAX_PARTICLES}}}")
_poss = t("possessive", "?")
_the = lower("the", "?")
RULES: list[Rule] = [
    ("rule:title-name", "PERSON", [
        # "Prince Sihanouk", "comrade Tran Van Xuan", "Mr. L. Brezhnev", "Senator Ellis M. Barton",
        # and a printed hearing's speaker label: "Mr. ABERNATHY.", "Senator FULBRIGHT."
        [t("title"), _name_words, _initials, t("surname")],
        # "President de Gaulle", "General von Moltke", "President al-Assad"
        [t("title"), _particles, HYPHEN_OPT, t("name_part")],
    ]),
    # after an honorific any capitalised word but an organisation's head is a person, even a
    # place's name: "Lord Salisbury", "Senator Jackson", "Queen Victoria"; not "Duke University"
    ("rule:honorific-name", "PERSON", [[t("honorific"), {"TEST": "org_word", "NOT_TEST": "org_head"}]]),
    ("rule:vietnamese-name", "PERSON", [[t("vn_family"), t("syllable"), t("syllable", "?")]]),
    ("rule:vietnamese-middle-name", "PERSON", [[t("syllable"), t("vn_middle"), t("syllable")]]),
    ("rule:khmer-name", "PERSON", [[t("kh_name"), t("syllable"), t("syllable", "?")]]),
    ("rule:east-asian-name", "PERSON", [
        [t("cn_family"), t("syllable"), t("syllable", "?")],  # "Zhou Enlai", "Kim Il Sung"
        [t("cn_family"), t("syllable"), HYPHEN, t("lower_syllable")],  # "Chiang Kai-shek"
    ]),
    # one pattern per shape where one will do: each pattern opens states at every given name
    ("rule:given-surname", "PERSON", [
        # "Dean Acheson", "John F. Kennedy", "Harold T. Whitcombe", "Everett Lisle Barrow",
        # "Everett\nLisle Barrow"
        [t("given"), LINE_BREAK, _initials, t("name_part"), t("name_part", "?")],
        # "Otto von Bismarck", "Johan van der Merwe", "José Ortega y Gasset", "Hafez al-Assad"
        [t("given"), t("name_part", "?"), _particles, HYPHEN_OPT, t("name_part")],
        [t("given_weak"), _initials_plus, t("name_part")],  # "Hope M. Cooke", "Mark W. Clark"
    ]),
    ("rule:initials-surname", "PERSON", [
        # "L. Brezhnev", "W. E. B. Du Bois", "U. Alexis Johnson", "J. Edgar Hoover"
        [_initials_plus, t("given", "?"), _particles_any, t("name_part")],
        [t("fused_initial_name")],
    ]),
    # "the Johnson Administration" -> Johnson and "38th parallel" are found by a regex
    # (pipeline: `rule:administration`, `rule:parallel`): a rare literal word is cheaper to
    # look for than a Matcher pattern, which costs at every token
    ("rule:org-name", "ORG", [
        [t("org_word"), _poss, _org_words, _poss, t("org_head")],  # "Khmer People's Revolutionary Party"
        [_org_words, t("org_head"), t("of_for"), _the, _org_words_plus],  # "Institute of Oriental Studies"
        [  # "Central Committee of the Communist Party of the Soviet Union"
            _org_words, t("org_head"), t("of_for"), _the, _org_words_plus, t("of_and"), _the, _org_words_plus,
        ],
        [t("ministry"), lower("of"), t("subject", f"{{1,{MAX_ORG_WORDS}}}")],  # "Ministry of foreign affairs"
    ]),
    # one pattern per rule where one will do: the Matcher's cost grows with the pattern count
    ("rule:acronym", "ORG", [[t("acronym")]]),
    ("rule:zone", "GPE", [[_org_words_plus, t("zone_word")]]),  # "Eastern Zone", "Yunnan Province"
]  # fmt: skip


class Words(Protocol):
    """Token texts by index: a list, or a lazy view of a doc's words."""

    def __len__(self) -> int: ...
    def __getitem__(self, i: int, /) -> str: ...


def extend_name(
    words: Words,
    spaces: Sequence[int],
    start: int,
    end: int,
    is_name: Callable[[str], bool],
    suffixes: frozenset[str],
    particles: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """Widen a person's token span over what the token patterns cannot say once for all rules.

    Hyphenated parts on either side, written without spaces ("Houphouët" -> "Houphouët-Boigny",
    "Pierre Dupont" -> "Jean-Pierre Dupont"), lowercase particles and a surname after the name
    ("Stratford" -> "Stratford de Redcliffe"), and a generational suffix or regnal number, with
    or without a comma ("Martin Luther King Jr.", "Adlai E. Stevenson, III", "Nicholas I").
    `spaces[i]`: a space follows word i.

    >>> words = ["Jean", "-", "Pierre", "Dupont", ",", "Jr.", "said"]
    >>> extend_name(words, [False, False, True, False, True, True, False], 2, 4, str.istitle, frozenset({"Jr."}))
    (0, 6)
    """
    while start >= 2 and words[start - 1] == "-" and not spaces[start - 2] and not spaces[start - 1]:
        if not is_name(words[start - 2]):
            break
        start -= 2
    while end + 1 < len(words) and words[end] == "-" and not spaces[end - 1] and not spaces[end]:
        if not is_name(words[end + 1]):
            break
        end += 2
    # a particle and a surname after it: "Lord Stratford de Redcliffe", "Charles de Gaulle"
    while end + 1 < len(words) and words[end] in particles and spaces[end - 1] and is_name(words[end + 1]):
        end += 2
    if end + 1 < len(words) and words[end + 1] in suffixes and words[end].istitle() and words[end].isalpha():
        end += 1  # a surname that is also a title, sure before a suffix: "Martin Luther King Jr."
    if end < len(words) and words[end] in suffixes:
        end += 1
    elif end + 1 < len(words) and words[end] == "," and words[end + 1] in suffixes:
        end += 2
    return start, end
