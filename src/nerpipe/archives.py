"""The archive registry (`patterns/archives.json`): aliases -> one canonical archive id.

RSAMH, RGANI and TsKhSD are names of one archive in different years and transliterations, so
they map to one id and a corpus index counts their citations together:

    >>> canonical_archive("TsKhSD"), canonical_archive("Russian State Archive of Modern History")
    ('RGANI', 'RGANI')
"""

from __future__ import annotations

import json
from functools import cache

from nerpipe.resources import patterns_dir


@cache
def load_registry() -> dict[str, dict[str, object]]:
    """Read the registry: archive id -> {"name", "aliases"}."""
    data = json.loads((patterns_dir() / "archives.json").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for archive_id, entry in load_registry().items():
        aliases = entry["aliases"]
        assert isinstance(aliases, list), f"{archive_id}: aliases must be a list"
        for alias in [archive_id, *aliases]:
            table[str(alias)] = archive_id
    return table


ARCHIVE_ALIASES: dict[str, str] = _aliases()


def canonical_archive(alias: str | None) -> str | None:
    """The registry id of an archive alias (case and spacing as written); None if unknown."""
    if alias is None:
        return None
    alias = " ".join(alias.split())
    return ARCHIVE_ALIASES.get(alias) or ARCHIVE_ALIASES.get(alias.upper()) or alias
