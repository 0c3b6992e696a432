"""Regular expressions for places, as named, commented pieces (beside `regexes.py`).

The cues that tell a place name from a common word ("in Reading", "Nice, France") and the name
shapes of physical geography ("Orinoco River", "Sea of Azov", "Mount Kilimanjaro").
"""

from __future__ import annotations

import re

import regex

FLAGS = regex.VERBOSE

# ---------------------------------------------------------------------------------------------
# Place cues for gazetteer entries that are also common words or people's names
# ---------------------------------------------------------------------------------------------

# How far before a name the preposition is looked for.
PLACE_CUE_REACH = 16
# A preposition of place right before the name: "in Reading", "born at Bath", "near Mobile".
PLACE_CUE_BEFORE = regex.compile(
    r"""\b(?:(?i:in|at|from|to|near|outside|around|via|toward|towards|into|across|through|outside\s+of)
        # "the port of Mobile", "the city of Reading"
        | (?:city|town|port|village|province|state|capital|region|district|county)\s+of)[ \t]+$""",
    FLAGS,
)
# The stricter cue for a name that is also a person's: "in Lincoln", "near Victoria".
NAME_CUE_BEFORE = regex.compile(
    r"""\b(?:(?i:in|at|near|outside|around|via|across|through|outside\s+of)
        | (?:city|town|port|village|province|state|capital|region|district|county)\s+of)[ \t]+$""",
    FLAGS,
)
# "in Lincoln's cabinet": the person, not the city.
POSSESSIVE_AFTER = regex.compile(r"['’]s?\b|['’](?!\w)", FLAGS)
# "King of Jordan", "the Kingdom of Georgia": a place after "of".
OF_BEFORE = regex.compile(r"\bof[ \t]+$", FLAGS)
# A given name, maybe with an initial, right before a place's name: "George Washington",
# "Michael Jordan", "John F. Lincoln".
GIVEN_REACH = 30
GIVEN_BEFORE = regex.compile(r"(?<![\w.’'-])(?P<given>\p{Lu}\p{Ll}+)(?:[ \t]+\p{Lu}\.)?[ \t]+$", FLAGS)
# A capitalised word or a hyphenated compound right before a name: "Chou " in "post-Chou Chet
# Cambodia", "President " in "President George Washington".
WORD_BEFORE = regex.compile(r"(?P<word>\p{Lu}[\p{L}.]*|-)[ \t]*$|(?P<word>-)$", FLAGS)
# A comma and the start of a known place after the name: "Reading, Pennsylvania".
PLACE_CUE_AFTER = regex.compile(r",[ \t]+", FLAGS)

# ---------------------------------------------------------------------------------------------
# A one-word place inside a longer capitalised name: "Green Chile Stew", "Roast Turkey Dinner"
# ---------------------------------------------------------------------------------------------

# A place written as a plain capitalised word: "Chile", not "U.S." or "PRC".
PLAIN_WORD = regex.compile(r"\p{Lu}\p{Ll}+", FLAGS)
# A capitalised word and one space right before the place ...
CAPITALISED_BEFORE = regex.compile(r"(?<![\w.’'-])\p{Lu}\p{Ll}+[ ]$", FLAGS)
# ... and one space and a capitalised word right after it.
CAPITALISED_AFTER = regex.compile(r"[ ]\p{Lu}\p{Ll}+(?![\w’'-])", FLAGS)

# ---------------------------------------------------------------------------------------------
# Physical geography by name shape: LOC
# ---------------------------------------------------------------------------------------------

# A word of a feature's name: "Orinoco", "Rio-Grande", "O’Higgins"; never a determiner or a
# preposition that opens a sentence ("The River", "Across Lake Erie" -> "Lake Erie").
GEO_WORD = r"""(?!(?:The|A|An|In|On|At|Of|And|Or|For|From|To|By|This|That|These|Those|Its|His|Her|Their|Our
    |Across|Along|Near|Beyond|Over|Into|Up|Down|When|Where|While|After|Before|Both|Each|Every|No)\b)
    \p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)*"""
GEO_NAME = rf"(?:{GEO_WORD}(?:[ ]{GEO_WORD}){{0,2}})"
# Heads after the name: "Orinoco River", "Caspian Sea", "Atlas Mountains", "Kalahari Desert",
# "Strait of ..." forms are below. Plurals first.
GEO_HEAD_AFTER = r"""(?:Rivers?|Seas?|Oceans?|Mountains|Mts\.|Range|Hills|Highlands|Desert|Peninsula|Straits?
    |Islands?|Isles|Archipelago|Valley|Basin|Delta|Plateau|Lakes|Canal|Gulf|Bay|Sound|Coast|Glacier
    |Falls|Gorge|Pass|Steppe|Plain|Plains|Lowlands|Uplands|Heights|Forest|Reef)"""
# Heads before the name: "River Thames", "Mount Kilimanjaro", "Lake Chad", "Cape Horn".
GEO_HEAD_BEFORE = r"(?:River|Mount|Mt\.|Lake|Cape|Isle|Glen)"
# Heads with "of": "Sea of Azov", "Gulf of Aden", "Bay of Biscay", "Strait of Magellan",
# "Isle of Man", "Straits of Florida", "Cape of Good Hope", "Mountains of the Moon".
GEO_HEAD_OF = r"(?:Seas?|Gulf|Bay|Straits?|Isle|Isles|Cape|Mountains|Sea)"
PHYSICAL = regex.compile(
    rf"""
    (?<![\w’'-])
    (?:
        {GEO_HEAD_OF}[ ]of[ ](?:the[ ])?{GEO_NAME}
      | {GEO_NAME}[ ]{GEO_HEAD_AFTER}
      | {GEO_HEAD_BEFORE}[ ]{GEO_NAME}
    )
    (?![\w’'-])
    """,
    FLAGS,
)
# Any head word: the full pattern runs only in a window around one ("River", "Mount", "Sea").
# The standard library's `re` scans for a literal alternation three times as fast as `regex`
# (0.7 against 2.2 ms on the seed), and this scan reads every document whole; a hit inside a
# longer word only opens a window in which PHYSICAL, with its word boundaries, finds nothing.
_HEAD_WORDS = sorted(
    {
        w
        for h in (GEO_HEAD_AFTER, GEO_HEAD_BEFORE, GEO_HEAD_OF)
        for w in regex.sub(r"\s|^\(\?:|\)$", "", h).split("|")
    },
    key=len,
    reverse=True,
)
GEO_ANY_HEAD = re.compile("(?:" + "|".join(_HEAD_WORDS) + r")\b")  # one flat alternation: fastest
# How far a feature's name reaches from its head word (three words and "of the").
GEO_REACH = 80
# A word that makes the name an institution's or a building's: "Mount Sinai Hospital", "Suez
# Canal Company", "Lake Forest College" are no places.
INSTITUTION_WORD = regex.compile(
    r"""(?:Hospital|College|University|School|Company|Corporation|Authority|Commission|Hotel|Church
    |Cathedral|Academy|Institute|Station|Airport|Prison|Memorial|Club|Society|Bank|Club|Press|Railway
    |Project|Campaign|Expedition|Agreement|Treaty|Conference|Zone)\b""",
    FLAGS,
)
NEXT_WORD = regex.compile(r"[ ](\p{Lu}\p{L}*)", FLAGS)
