"""The archive registry (patterns/archives.json) against tests/data/archives-used.md.

Every id the locator table uses is a registry id (but for the repository the table gives as
written); the names, former names and aliases archives-used.md lists for it resolve to it; its
shorthand follows the level order listed there; every entry names its source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nerpipe.archives import canonical_archive, is_registered, load_registry, places, shorthand, tradition

ARCHIVES_USED = Path(__file__).resolve().parent / "data" / "archives-used.md"


def _used_ids() -> list[str]:
    text = ARCHIVES_USED.read_text(encoding="utf-8")
    registered = text.split("## Repositories given as written")[0]
    return re.findall(r"^\| `([^`]+)` \|", registered, flags=re.M)


USED = _used_ids()

# Names, former names and aliases of tests/data/archives-used.md, each with the id it must give.
ALIASES = [
    ("RSAMH", "RGANI"), ("TsKhSD", "RGANI"), ("ЦХСД", "RGANI"), ("РГАНИ", "RGANI"),
    ("Center for the Storage of Contemporary Documentation", "RGANI"),
    ("Russian State Archive of Modern History", "RGANI"),
    ("RTsKhIDNI", "RGASPI"), ("РЦХИДНИ", "RGASPI"), ("TsPA", "RGASPI"), ("TsPA IML", "RGASPI"), ("ЦПА ИМЛ", "RGASPI"),
    ("TsGAOR SSSR", "GARF"), ("ЦГАОР СССР", "GARF"), ("TsGA RSFSR", "GARF"), ("ГАРФ", "GARF"), ("ГА РФ", "GARF"),
    ("AVP SSSR", "AVPRF"), ("АВП СССР", "AVPRF"), ("AVP RF", "AVPRF"), ("АВП РФ", "AVPRF"),
    ("AP RF", "APRF"), ("АП РФ", "APRF"), ("Presidential Archive of the Russian Federation", "APRF"),
    ("TsGANKh SSSR", "RGAE"), ("ЦГАНХ СССР", "RGAE"), ("TsGASA", "RGVA"), ("TsKhIDK", "RGVA"),
    ("TsAMO RF", "TsAMO"), ("ЦАМО", "TsAMO"), ("TsGALI", "RGALI"), ("TsGIA SSSR", "RGIA"), ("TsGVIA", "RGVIA"),
    ("ЦГА СПб", "TsGA SPb"), ("ЦГАИПД СПб", "TsGAIPD SPb"), ("LPA", "TsGAIPD SPb"), ("ОГАЧО", "OGAChO"),
    ("ГАРО", "GARO"), ("НАРБ", "NARB"),
    ("ЦДАГО", "TsDAHO"), ("ЦДАГО України", "TsDAHO"), ("TsDAHOU", "TsDAHO"), ("TsDAGO", "TsDAHO"),
    ("ЦДАВО України", "TsDAVO"), ("TsDAVOU", "TsDAVO"), ("TsGAOR Ukrainy", "TsDAVO"), ("TsDAZhR", "TsDAVO"),
    ("ЦДІАК України", "TsDIAK"), ("TsDIAK Ukrainy", "TsDIAK"), ("ГДА СБУ", "HDA SBU"), ("GDA SBU", "HDA SBU"),
    ("ДАЛО", "DALO"), ("ДАХО", "DAKhO"),
    ("National Archives", "NARA"), ("U.S. National Archives", "NARA"), ("National Archives at College Park", "NARA"),
    ("Johnson Library", "LBJL"), ("LBJ Library", "LBJL"), ("Kennedy Library", "JFKL"), ("JFK Library", "JFKL"),
    ("Eisenhower Library", "DDEL"), ("Truman Library", "HSTL"), ("Ford Library", "GRFL"), ("Nixon Library", "RMNL"),
    ("Carter Library", "JCL"), ("Jimmy Carter Library", "JCL"), ("Reagan Library", "RRL"),
    ("LCM", "LOC"), ("LC", "LOC"), ("Library of Congress", "LOC"), ("Department of State", "DOS"),
    ("Hoover Institution Archives", "HIA"),
    ("PRO", "TNA"), ("Public Record Office", "TNA"), ("TNA: PRO", "TNA"),
    ("SAPMO-BArch", "BArch"), ("SAPMO", "BArch"), ("BArch-MA", "BArch"), ("BStU", "BArch"),
    ("PA AA", "PAAA"), ("PA/AA", "PAAA"),
    ("MAE", "AMAE"), ("Archives diplomatiques", "AMAE"), ("Quai d'Orsay", "AMAE"), ("CADLC", "AMAE"), ("CADN", "AMAE"),
    ("CAOM", "ANOM"), ("FR ANOM", "ANOM"), ("SHD-Terre", "SHD"), ("SHD-T", "SHD"), ("SHAT", "SHD"),
    ("Archives nationales", "AN"),
    ("PRC FMA", "PRC-FMA"), ("CFMA", "PRC-FMA"), ("Chinese Foreign Ministry Archive", "PRC-FMA"),
    ("外交部档案馆", "PRC-FMA"), ("上海市档案馆", "SMA"),
    ("VNA III", "VNA"), ("VNA-3", "VNA"), ("TTLTQG III", "VNA"), ("Trung tâm Lưu trữ Quốc gia II", "VNA"),
    ("National Archives Center II", "VNA"),
    ("MNL OL", "MNL"), ("MOL", "MNL"), ("Magyar Országos Levéltár", "MNL"), ("Hungarian National Archives", "MNL"),
    ("Archiwum Akt Nowych", "AAN"), ("IPN archive", "AIPN"),
    ("SÚA", "NA"), ("Státní ústřední archiv", "NA"), ("A ÚV KSČ", "NA"), ("Národní archiv", "NA"),
    ("ЦДА", "TsDA"), ("CSA", "TsDA"), ("ANR", "ANIC"),
]  # fmt: skip

# The level order archives-used.md lists for the shorthand of each kind of archive.
ORDERS = [
    ("RGANI", ["fund", "inventory", "file", "pages"]),
    ("RGASPI", ["fund", "inventory", "file", "pages"]),
    ("GARF", ["fund", "inventory", "file", "pages"]),
    ("AVPRF", ["fund", "inventory", "folder", "file", "pages"]),
    ("APRF", ["fund", "inventory", "file", "pages"]),
    ("TsDAHO", ["fund", "inventory", "file", "pages"]),
    ("NARA", ["fund", "inventory", "folder", "file"]),
    ("LBJL", ["fund", "inventory", "folder", "file"]),
    ("LOC", ["fund", "inventory", "folder", "file"]),
    ("DOS", ["inventory", "folder", "file"]),
    ("TNA", ["fund", "inventory", "file"]),
    ("BArch", ["fund", "file", "pages"]),
    ("PRC-FMA", ["file", "pages"]),
    ("SMA", ["fund", "inventory", "file", "pages"]),
    ("TsDA", ["fund", "inventory", "file", "pages"]),
]


@pytest.mark.parametrize("archive_id", USED)
def test_archives_every_id_of_the_table_is_registered(archive_id: str) -> None:
    assert is_registered(archive_id)
    assert canonical_archive(archive_id) == archive_id
    assert tradition(archive_id)


@pytest.mark.parametrize(("alias", "archive_id"), ALIASES, ids=[a for a, _ in ALIASES])
def test_archives_names_former_names_and_aliases_resolve(alias: str, archive_id: str) -> None:
    assert canonical_archive(alias) == archive_id


@pytest.mark.parametrize(("archive_id", "order"), ORDERS, ids=[a for a, _ in ORDERS])
def test_archives_shorthand_follows_the_listed_level_order(archive_id: str, order: list[str]) -> None:
    assert shorthand(archive_id) == order


@pytest.mark.parametrize("archive_id", sorted(load_registry()))
def test_archives_every_entry_has_its_name_tradition_and_source(archive_id: str) -> None:
    entry = load_registry()[archive_id]
    assert entry["name"] and entry["tradition"] and entry["source"]
    assert isinstance(entry["aliases"], list) and isinstance(entry.get("former", []), list)


@pytest.mark.parametrize(
    ("archive_id", "place"),
    [("RGANI", "Moscow"), ("NARA", "College Park, MD"), ("LOC", "Manuscript Division"), ("TNA", "Kew")],
)
def test_archives_places_are_listed(archive_id: str, place: str) -> None:
    assert place in places(archive_id)


@pytest.mark.parametrize("alias", ["Nixon Presidential Materials", "MfAA", "Manuscript Division", "Moscow"])
def test_archives_near_misses_are_no_alias(alias: str) -> None:
    assert not is_registered(canonical_archive(alias))
