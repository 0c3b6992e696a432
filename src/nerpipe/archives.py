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
    """Read the registry: archive id -> {"name", "aliases", "former", "tradition", "shorthand",
    "places", "source"}; an entry without a name, a tradition or a source is an error."""
    data = json.loads((patterns_dir() / "archives.json").read_text(encoding="utf-8"))
    entries = {key: value for key, value in data.items() if not key.startswith("_")}
    for key, entry in entries.items():
        missing = [f for f in ("name", "aliases", "tradition", "source") if not entry.get(f)]
        if missing:
            raise ValueError(f"archives.json: entry {key!r} lacks {', '.join(missing)}")
    return entries


def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for archive_id, entry in load_registry().items():
        aliases = entry["aliases"]
        former = entry.get("former", [])
        assert isinstance(aliases, list) and isinstance(former, list), f"{archive_id}: aliases must be lists"
        for alias in [archive_id, *aliases, *former]:
            table[str(alias)] = archive_id
    return table


ARCHIVE_ALIASES: dict[str, str] = _aliases()


def canonical_archive(alias: str | None) -> str | None:
    """The registry id of an archive alias (case and spacing as written); None if unknown."""
    if alias is None:
        return None
    alias = " ".join(alias.split())
    plain = alias.replace("’", "'").replace("ʹ", "'")  # "Archives nationales d’outre-mer"
    return (
        ARCHIVE_ALIASES.get(alias)
        or ARCHIVE_ALIASES.get(plain)
        or ARCHIVE_ALIASES.get(alias.upper())
        or alias
    )


def tradition(archive_id: str | None) -> str | None:
    """The citation tradition of a registered archive ("ru", "us", "uk", ...), else None."""
    entry = load_registry().get(archive_id or "")
    return str(entry["tradition"]) if entry and entry.get("tradition") else None


def shorthand(archive_id: str | None) -> list[str]:
    """The level order of an archive's bare numbers ("RGASPI, 558/11/65": fund, inventory, file)."""
    entry = load_registry().get(archive_id or "")
    order = entry.get("shorthand") if entry else None
    return (
        [str(level) for level in order] if isinstance(order, list) else ["fund", "inventory", "file", "pages"]
    )


def places(archive_id: str | None) -> list[str]:
    """Words written next to an archive's name as part of it: its seat, state or division.

    >>> "College Park, MD" in places("NARA"), "Manuscript Division" in places("LOC")
    (True, True)
    """
    entry = load_registry().get(archive_id or "")
    found = entry.get("places") if entry else None
    return [str(p) for p in found] if isinstance(found, list) else []


def is_registered(archive_id: str | None) -> bool:
    """Is `archive_id` an id of the registry (not a repository given as written)?"""
    return (archive_id or "") in load_registry()
