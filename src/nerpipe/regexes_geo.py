"""Regular expressions for places, as named, commented pieces (beside `regexes.py`).

The cues that tell a place name from a common word ("in Reading", "Nice, France") and the name
shapes of physical geography ("Orinoco River", "Sea of Azov", "Mount Kilimanjaro").
"""

from __future__ import annotations

import regex

FLAGS = regex.VERBOSE

# ---------------------------------------------------------------------------------------------
# Place cues for gazetteer entries that are also common words or people's names
# ---------------------------------------------------------------------------------------------

# How far before a name the preposition is looked for.
PLACE_CUE_REACH = 16
# A preposition of place right before the name: "in Reading", "born at Bath", "near Mobile".
PLACE_CUE_BEFORE = regex.compile(
    r"""\b(?i:in|at|from|to|near|outside|around|via|toward|towards|into|across|through|outside\s+of)[ \t]+$""",
    FLAGS,
)
# A comma and the start of a known place after the name: "Reading, Pennsylvania".
PLACE_CUE_AFTER = regex.compile(r",[ \t]+", FLAGS)
