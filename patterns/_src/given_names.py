"""Build ../lexicon-given-names.json: given names of many cultures from a maintained package.

Run from anywhere with the build extra installed (`pip install -e ".[build]"`):

    python patterns/_src/given_names.py

Source: gender-guesser's nam_dict.txt (Jörg Michael's dictionary of about 48,000 first names
with their frequency in 54 countries and regions, from Great Britain to Vietnam). The list
written here is a filtered subset of it and is distributed, like nam_dict.txt, under the GNU
Free Documentation License 1.2 (see README.md in this folder for why this package was chosen).

Filters (every one with its reason):
* one token only, letters with at most inner apostrophes ("D'Arcy"): spaCy splits a hyphenated
  name into three tokens, and the rules join them ("Jean-Pierre");
* never a stop word, a month or weekday, a title, an organisation head or modifier, a
  nationality adjective, a season or a name particle (`lexicon.json` and the lists below):
  "Will", "May", "General", "Van", "De" name nobody on their own;
* *ambiguous* (a name only where a name shape confirms it: "May L. Lyons", "Mrs. Hope Cooke"):
  a given name that is more often a lowercase English word than a capitalised one (spaCy's
  English lexeme probabilities, spacy-lookups-data: "Hope", "Chase", "Grant", "Will"), and a
  given name that is also a country (pycountry, historic ones too) or a one-word place of the
  gazetteers ("Georgia", "Jordan", "Paris"); a stop word or month ("Will", "May", "August").
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from importlib import metadata, resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "lexicon-given-names.json"
# ln P(lowercase) - ln P(Capitalised) above this: the word is mostly a common English word
# ("hope" -10.1 vs "Hope" -8.2 would be 1.9; "frank" -12.9 vs "Frank" -11.6 is -1.3: a name).
COMMON_WORD_MARGIN = 0.5
# ... and the lowercase word is common at all (ln P >= this; "hope" -8.2, "chase" -11.5): a rare
# lowercase spelling ("abilio") says nothing.
COMMON_WORD_FLOOR = -14.0
# Capitalised particles begin surnames ("De Gaulle", "Von Braun", "La Follette"): never a given
# name alone. "Ben", "Al", "Van" and "Abu" stay: they are given names too ("Ben Kiernan").
PARTICLES = {"de", "da", "di", "do", "du", "des", "del", "della", "dos", "das", "von", "der", "den",
             "ter", "ten", "zu", "af", "bin", "ibn", "bint", "ould", "la", "le", "st", "mac", "mc"}  # fmt: skip
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
ROMAN = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiv", "xv", "xx", "xxi"}
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


# nam_dict.txt's frequency columns (from character 30), in gender_guesser.detector's order.
COUNTRIES = """great_britain ireland usa italy malta portugal spain france belgium luxembourg
    the_netherlands east_frisia germany austria swiss iceland denmark norway sweden finland estonia
    latvia lithuania poland czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo
    macedonia montenegro serbia slovenia albania greece russia belarus moldova ukraine armenia
    azerbaijan georgia the_stans turkey arabia israel china india japan korea vietnam
    other_countries""".split()
# Chinese, Korean and Vietnamese names are written family name first: a syllable known only
# there ("Cong", "Thanh") is no given name before a surname; the East Asian rules read them.
FAMILY_FIRST = {"china", "korea", "vietnam"}


def nam_dict_names() -> list[str]:
    """The first names of nam_dict.txt, '+' compounds joined ("Jean+Pierre" -> "JeanPierre"),
    without those known only in countries that write the family name first."""
    path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        columns = line[30 : 30 + len(COUNTRIES)]
        where = {COUNTRIES[i] for i, ch in enumerate(columns) if ch.strip()}
        if where and where <= FAMILY_FIRST:
            continue
        names.append(line.split()[1].replace("+", ""))
    return names


def lexeme_probs() -> dict[str, float]:
    """spaCy's English unigram log probabilities, case-sensitive ("May" and "may" apart)."""
    path = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        return dict(json.load(fh))


def place_names() -> set[str]:
    """One-word countries (historic ones too) and the gazetteers' one-word places.

    First-level divisions are left to the gazetteers: pycountry's thousands of them include
    "Isabel" and "Charlotte" as well as "Georgia", and the gazetteers keep the ones that matter.
    """
    import pycountry

    places: set[str] = set()
    for country in [*pycountry.countries, *pycountry.historic_countries]:
        for attr in ("name", "common_name", "official_name"):
            places.add(getattr(country, attr, "") or "")
    for name in ("gpe.jsonl", "loc.jsonl"):
        for line in (HERE.parent / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                places.add(json.loads(line)["pattern"])
    return {p for p in places if p and " " not in p}


def excluded_words() -> set[str]:
    """Lowercased words that are never a given name on their own."""
    lexicon = json.loads((HERE.parent / "lexicon.json").read_text(encoding="utf-8"))
    words = PARTICLES | WEEKDAYS | ROMAN
    for key in ("titles", "org_heads", "org_modifiers", "nationality_adjectives", "seasons"):
        words |= {w.lower() for w in lexicon[key]}
    return words


def build() -> dict[str, object]:
    from spacy.lang.en.stop_words import STOP_WORDS

    lexicon = json.loads((HERE.parent / "lexicon.json").read_text(encoding="utf-8"))
    # "Will", "May", "August": a name only in a name's shape
    stop = {w.lower() for w in STOP_WORDS} | {w.lower() for w in lexicon["months"]}
    probs = lexeme_probs()
    places = place_names()
    excluded = excluded_words()
    curated = [*lexicon["given_names_western"], *lexicon["given_names_russian"]]
    trusted: set[str] = set()
    ambiguous: set[str] = set()
    for name in [*nam_dict_names(), *curated]:
        if len(name) < 2 or not name[0].isupper() or not NAME_WORD.fullmatch(name):
            continue
        if name.lower() in excluded:
            continue
        lower, cap = probs.get(name.lower()), probs.get(name)
        common = name.lower() in stop or (
            lower is not None
            and lower >= COMMON_WORD_FLOOR
            and (cap is None or lower - cap > COMMON_WORD_MARGIN)
        )
        (ambiguous if common or name in places else trusted).add(name)
    return {
        "_source": {
            "package": "gender-guesser",
            "version": metadata.version("gender-guesser"),
            "file": "gender_guesser/data/nam_dict.txt",
            "licence": "GNU Free Documentation License 1.2 (nam_dict.txt, (c) Jörg Michael); "
            "this derived list is distributed under the same licence",
            "filters": {
                "common_words": "spaCy English stop words; "
                f"spacy-lookups-data {metadata.version('spacy-lookups-data')} "
                f"en_lexeme_prob, margin {COMMON_WORD_MARGIN}, floor {COMMON_WORD_FLOOR}",
                "places": f"pycountry {metadata.version('pycountry')} countries and historic "
                "countries; patterns/gpe.jsonl, patterns/loc.jsonl",
            },
            "built_by": "patterns/_src/given_names.py",
        },
        "given_names": sorted(trusted),
        "given_names_ambiguous": sorted(ambiguous),
    }


def main() -> None:
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(data['given_names'])} given names, "  # type: ignore[arg-type]
          f"{len(data['given_names_ambiguous'])} ambiguous", file=sys.stderr)  # type: ignore[arg-type]  # fmt: skip


if __name__ == "__main__":
    main()
