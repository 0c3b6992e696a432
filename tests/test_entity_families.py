"""Rule families for history writing beyond the seed's world (issue 12): organisations by their
grammar, coalitions, short forms, title acronyms, blocs and seas, event names, paired and cued
names. Each table has the cases a family must find and the near misses it must leave alone."""

from __future__ import annotations

import pytest

# (text, a span that must be found with its label)
FOUND = [
    # organisations by their head: panels and branches of an agency
    ("The CIA Historical Review Panel met in May.", "CIA Historical Review Panel", "ORG"),
    ("It went to a formal High Level Panel for review.", "High Level Panel", "ORG"),
    ("the Foreign Relations Branch had a staff of 15", "Foreign Relations Branch", "ORG"),
    # two bodies joined by "and the" are two names; a name never ends with "and"
    ("officials in the Department of State and the Pentagon objected", "Department of State", "ORG"),
    ("officials in the Department of State and the Pentagon objected", "Pentagon", "ORG"),
    ("Many in the Department of State and other agencies agreed", "Department of State", "ORG"),
    ("the Ministry of Posts and Telecommunications", "Ministry of Posts and Telecommunications", "ORG"),
    # "U.S." + a body, an owner + its office, a letter-dash network
    ("Mason, former Chairman of the U.S. Senate Foreign Relations Committee, sailed",
     "U.S. Senate Foreign Relations Committee", "ORG"),
    ("7. Department of State OIG report, September 1998.", "Department of State OIG", "ORG"),
    ("Steven Aftergood, H–DIPLO article commentary, April 18, 2001", "H–DIPLO", "ORG"),
    # coalitions (docs/annotation.md)
    ("Russia had fought as one of the Allies until 1917.", "Allies", "ORG"),
    ("the defeated Central Powers were excluded", "Central Powers", "ORG"),
    ("the Western Allies created NATO", "Western Allies", "ORG"),
    # a body's head standing for it without "the", as a modifier
    ("The Department of State agreed. Later, Department officials said no.", "Department", "ORG"),
    # blocs, seas named bare, a dividing line, an administered zone
    ("tensions between East and West rose", "East", "LOC"),
    ("tensions between East and West rose", "West", "LOC"),
    ("Italian demands on the Adriatic", "Adriatic", "LOC"),
    ("both sides of the Iron Curtain", "Iron Curtain", "LOC"),
    ("additional ships to the Western Atlantic", "Western Atlantic", "LOC"),
    ("The zones formed Bizonia in 1947.", "Bizonia", "GPE"),
    # an event's year stays a date
    ("The Trent Affair, 1861\n\nOn November 8, 1861, ...", "1861", "DATE"),
    # a cued person stays a person where a place has the name
    ("Lord Lyons protested. Lyons, under orders from London, accepted.", "Lyons", "PERSON"),
    # the second of a pair of people
    ("Richard Nixon resigned. The Nixon/Ford volumes came later.", "Ford", "PERSON"),
    # a campus, a nationality word of an armed force, a name with "and the" and no known name
    ("Stephen Rabe, a historian at the University of Texas at Dallas, predicted", "University of Texas at Dallas", "ORG"),
    ("It limited the German Army and Navy in size.", "German Army", "ORG"),
    ("the Committee on Historians and the Federal Government met", "Committee on Historians and the Federal Government", "ORG"),
    ("the German Communist Party of the Soviet zone of occupation", "German Communist Party", "ORG"),
    ("Quote on p. 857. The Washington Post, like Bemis, called for it.", "Washington Post", "ORG"),
    ("The Department of State agreed; Donilon was Department Chief of Staff.", "Department", "ORG"),
    # the Union of a Civil War text; FRUS regional headings; a zone's "Region" with no known region
    ("Confederate victories against Union troops", "Union", "GPE"),
    ("a position that both the Union and the Confederacy had hoped to change", "Union", "GPE"),
    ("vol. XII, Near East Region; Iran; Iraq (https://x)", "Near East", "LOC"),
    ("vol. XII, American Republics (https://x)", "American Republics", "LOC"),
    ("troops entered the Tibet Autonomous Region", "Tibet Autonomous Region", "GPE"),
    # a body named after a person holds the whole name; two people paired by an en dash
    ("See Anna K. Nelson, “The John F. Kennedy Assassination Records Review Board,” in Theoharis",
     "John F. Kennedy Assassination Records Review Board", "ORG"),
    ("exceptions to the order, such as Kyl–Lott requirements to prevent release", "Kyl", "PERSON"),
    ("exceptions to the order, such as Kyl–Lott requirements to prevent release", "Lott", "PERSON"),
    # given names no list holds, before a surname the text knows
    ("Harold Spaulding wrote first; later, Wilder Spaulding replied.", "Wilder Spaulding", "PERSON"),
]  # fmt: skip

# (text, a string that must not be any span's text)
NOT_FOUND = [
    ("a panel of historians met", "panel"),
    (
        "officials in the Department of State and the Pentagon objected",
        "Department of State and the Pentagon",
    ),
    ("Many in the Department of State and other agencies agreed", "Department of State and"),
    ("the U.S. Embassy Nicosia reported", "U.S. Embassy Nicosia"),
    ("Department of State, OIG, report", "Department of State, OIG"),
    ("our former allies and the allied bombing", "allies"),
    ("State Department officials said", "Department"),
    # "Party congress" is the party in general, not the body named earlier
    ("The Communist Party of Kampuchea grew. At the next Party congress it split.", "Party"),
    # an acronym of a job title is no organisation
    ("the Director of Central Intelligence (DCI) decided; the DCI later said", "DCI"),
    # Roman numerals of volumes; plural titles; congressional document codes
    ("Foreign Relations, 1964–1968, vol. XXIX, pt. 2, Japan", "XXIX"),
    ("Foreign Relations, 1958–1960, vol. XVIII, Japan", "XVIII"),
    ("Gates to Deputy Directors and other officials, January 6, 1992", "Directors"),
    ("Government Secrecy, S. Doc. 105–2 (Washington: GPO, 1997)", "S. Doc"),
    ("July 26, 2000, S. Hrg. 106–713 (Washington: GPO, 2000)", "S. Hrg"),
    # nationality adjectives before "East": no bloc
    ("the East German regime fell", "East"),
    ("the West Bank was occupied", "West"),
    # events hide the places and people in their names
    ("The Trent Affair, 1861\n\nOn November 8, 1861, ...", "Trent Affair"),
    ("By spring 1949, the Berlin Airlift proved successful.", "Berlin"),
    ("the inflammatory Molotov–Ribbentrop Pact appeared", "Molotov"),
    ("the Presidential Administration decided", "Presidential"),
    ("He advised Assistant Secretary of State Archibald MacLeish", "Assistant"),
    ("Harold Spaulding wrote first. However Spaulding replied.", "However Spaulding"),
    ("Harold Spaulding wrote first. Later Wilder Spaulding replied.", "Later Wilder Spaulding"),
    ("officials at the University of Texas in Dallas", "University of Texas in Dallas"),
    ("The Confederacy lost, and the Soviet Union was far away.", "Union"),
    ("the Union Pacific and the Confederate States", "Union"),
    ("the Sino–Soviet split widened", "Sino"),
]


@pytest.mark.parametrize(("text", "span", "label"), FOUND, ids=[f"{f[1]}:{i}" for i, f in enumerate(FOUND)])
def test_entity_families_find(spans_of, text: str, span: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert (span, label) in spans_of(text)


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND, ids=[f"{n[1]}:{i}" for i, n in enumerate(NOT_FOUND)])
def test_entity_families_near_misses(spans_of, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert absent not in {t for t, _ in spans_of(text)}


@pytest.mark.parametrize(
    ("text", "label"),
    [("He travelled to Lyons and Paris.", "GPE"), ("Lord Lyons protested. Lyons agreed.", "PERSON")],
)
def test_entity_families_cue_person_over_place(spans_of, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert {lab for t, lab in spans_of(text) if t == "Lyons"} == {label}
