"""Citation parsing: a table of strings and the records they must give, and near misses."""

from __future__ import annotations

from typing import Any

import pytest

from nerpipe import parse_citation
from nerpipe.citations import find_citations, parse_pages
from nerpipe.extract import extract
from nerpipe.resolve import resolve


def arch(fund: str, inventory: str | None, file: str, **kw: Any) -> dict[str, Any]:
    """Expected archival fields; unspecified fields are not checked."""
    return {"kind": "archival", "fund": fund, "inventory": inventory, "file": file, **kw}


def pages(*pairs: tuple[int, int]) -> list[tuple[int, int]]:
    return list(pairs)


SEED = [
    ("RSAMH, Fund 5, inventory 50, file 721: Document of the USSR embassy in the DRV, April 1, 1965, p. 142",
     arch("5", "50", "721", archive="RGANI", archive_stated=True, pages=pages((142, 142)), date="1965-04-01", title="Document of the USSR embassy in the DRV")),
    ("RSAMH, Fund 5, inventory 75, file 1061, record of the Soviet ambassador’s conversation with Nguyen Thanh Le, January 14, 1978, p. 6",
     arch("5", "75", "1061", pages=pages((6, 6)), date="1978-01-14", title="record of the Soviet ambassador’s conversation with Nguyen Thanh Le")),
    ("RSAMH Fund 5, inventory 58, file 009540, dossier 324, p. 340",
     arch("5", "58", "009540", subfile="324", pages=pages((340, 340)))),
    ("RSAMH, Fund 5, inventory 50, file 721. Documents of the Soviet embassy to the DRV, April 1, 1965, p. 142",
     arch("5", "50", "721", title="Documents of the Soviet embassy to the DRV", date="1965-04-01")),
    ("RSAMH, Fund 5, inventory 75, file 1062. Record of Soviet ambassador’s conversation with the deputy minister of Foreign affairs of the SRV, Nguyen Co Thach, 21.01.1978, p. 20",
     arch("5", "75", "1062", date="1978-01-21", pages=pages((20, 20)))),
    ("‘Subversive activities of Chinese in Cambodia’ RSAMH, Fund 5, inventory 60, file 36. February 19, 1968, p. 4",
     arch("5", "60", "36", title="Subversive activities of Chinese in Cambodia", date="1968-02-19", pages=pages((4, 4)))),
    ("RSAMH, Fund 5, inventory 60, file 365. 'Subversive activities of Chinese in Cambodia' (reference), Phnom Penh, February 19, 1968 p. 9-10",
     arch("5", "60", "365", date="1968-02-19", pages=pages((9, 10)))),
    ("RSAMH, Fund 5, inventory 58, file 263. Letter of the Minister of Sea fleet of the USSR V.Bakaev to the Central Committee of CPSU 18 July 1966, p. 40",
     arch("5", "58", "263", date="1966-07-18", pages=pages((40, 40)))),
    ("Fund 5, inventory 58, file 262. Information (spravka) “About the problem of sending Soviet volunteers to Vietnam” from department of South East Asia countries of the Ministry of foreign affairs of the USSR, 9th July 1966, p.85",
     arch("5", "58", "262", archive=None, archive_stated=False, date="1966-07-09", pages=pages((85, 85)))),
    ("Record of conversation of the Soviet ambassador with Le Duan, first secretary of the Vietnamese communist party Central Committee, RSAMH, Fund 5, inventory 69, file 2314, November 16, 1976, p. 113",
     arch("5", "69", "2314", archive="RGANI", date="1976-11-16", pages=pages((113, 113)), title="Record of conversation of the Soviet ambassador with Le Duan, first secretary of the Vietnamese communist party Central Committee")),
    ("RSAMH, Fund 5, inventory 69, file 489. Record of Soviet ambassador’s conversation with the prime minister of DRV Pham Van Dong on the 28th of August 1970, p.150",
     arch("5", "69", "489", date="1970-08-28", pages=pages((150, 150)), title="Record of Soviet ambassador’s conversation with the prime minister of DRV Pham Van Dong")),
    ("RSAMH, Fund 89, list 54, document 3, p. 21", arch("89", "54", "3", pages=pages((21, 21)))),
    ("RSAMH, Fund 89, list 54, document 10. About VWP policy (political letter) May 21, 1971, p. 14.",
     arch("89", "54", "10", date="1971-05-21", pages=pages((14, 14)))),
    ("RSAMH, Fund 89, list 54, document 10 (political letter, p. 5", arch("89", "54", "10", pages=pages((5, 5)), title="political letter")),
    ("Fund 5, inventory 66, file 782. Record of conversation of the Soviet ambassador with the VWP Central Committee Secretary Le Duan, April 19, 1973, p. 78.",
     arch("5", "66", "782", date="1973-04-19", pages=pages((78, 78)))),
    ("RSAMH, Fund 5, inventory 66, business 782. Record of the Soviet ambassador’s conversation with Pham Van Dong, April 14, 1973, p. 85",
     arch("5", "66", "782", date="1973-04-14", pages=pages((85, 85)))),
    ("RSAMH, Fund 5, inventory 66, file 782. Record of the Soviet embassy first secretary's conversation with Nguyen Trong Thuat, November 13 1973, p. 185",
     arch("5", "66", "782", date="1973-11-13", pages=pages((185, 185)))),
    ("RSAMH, Fund 5, inventory, 75, file 1061. Record of the Soviet ambassador's conversation with Nguyen Thanh Le, January 14, 1978, p. 6",
     arch("5", "75", "1061", date="1978-01-14")),
    ("RSAMH, Fund 5, inventory 67, file 659. Record of conversation of the Soviet ambassador with Nguyen Huu Ngo. May 30, 1974. p. 85",
     arch("5", "67", "659", date="1974-05-30", pages=pages((85, 85)), title="Record of conversation of the Soviet ambassador with Nguyen Huu Ngo")),
    ("RSAMH, Fund 5, inventory 75, file 1062. Record of the conversation of Deputy minister of Foreign affairs of the SRV, Nguyen Co Thach, with German comrades while staying for rest in the GDR on 1-6 August, 1978. August 17, 1978, p. 72",
     arch("5", "75", "1062", date="1978-08-17", pages=pages((72, 72)))),
    ("RSAMH, Fund 5, inventory 67, file 655. The 1974 political report of the Soviet embassy in the DRV, p. 49",
     arch("5", "67", "655", pages=pages((49, 49)), title="The 1974 political report of the Soviet embassy in the DRV")),
    ("RSAMH, Fund 5 inventory 75, file 1061, Record of the conversation of the Soviet ambassador with Tran Quy Inh, March 24, 1978. pp. 39-40",
     arch("5", "75", "1061", date="1978-03-24", pages=pages((39, 40)))),
    ("RSAMH, Fund 5, inventory 69, file 2312. Conversation of the Soviet ambassador with Hoanh Van Loi, July 1976, p. 90",
     arch("5", "69", "2312", date="1976-07", pages=pages((90, 90)))),
    ("RSAMH, Fund 5, inventory 69, file 2314, p. 88. October 15, 1976. Conversation of the Soviet ambassador with Ngyuen Duy Trinh",
     arch("5", "69", "2314", date="1976-10-15", pages=pages((88, 88)), title="Conversation of the Soviet ambassador with Ngyuen Duy Trinh")),
    ("RSAMH, Fund 5, inventory 75, file 1061, Record of the conversation of the Soviet ambassador with Vu Hoang, February, 1978, p.15-16",
     arch("5", "75", "1061", date="1978-02", pages=pages((15, 16)))),
    ("RSAMH, Fund 5, inventory 75, file 1062, p. 108, October 20, 1978. Record of conversation of a Soviet diplomat with Nguyen Ngoc Tinh",
     arch("5", "75", "1062", date="1978-10-20", pages=pages((108, 108)))),
    ("RSAMH, Fund 5 inventory 75, file 1062. Record of the conversation with the BNA correspondent I. Gaitanjiev, Beijing, April 4, 1978 p. 23",
     arch("5", "75", "1062", date="1978-04-04", pages=pages((23, 23)))),
    ("RSAMH, Fund 5, inventory 73, file 1407. Hungarian ambassador's information on Vietnamese-Cambodian relations. November 1, 1977. p. 99",
     arch("5", "73", "1407", date="1977-11-01", pages=pages((99, 99)), title="Hungarian ambassador's information on Vietnamese-Cambodian relations")),
    ("RSAMH, Fund 5, inventory 58, file 324.", arch("5", "58", "324", pages=None, date=None)),
    ("Ibid., p.152", {"kind": "ibid", "pages": pages((152, 152))}),
    ("Ibid., p. 93.", {"kind": "ibid", "pages": pages((93, 93))}),
    ("p. 41", {"kind": "ibid", "pages": pages((41, 41)), "rule": "ibid.bare-pages"}),
    ("p. 82-83", {"kind": "ibid", "pages": pages((82, 83))}),
    ("Chanda 1986, p. 59", {"kind": "bibliographic", "authors": ["Chanda"], "year": "1986", "pages": pages((59, 59))}),
    ("Chanda 1986, pp. 217-218", {"kind": "bibliographic", "authors": ["Chanda"], "pages": pages((217, 218))}),
    ("see Chanda 1986, pp. 61, 420", {"kind": "bibliographic", "authors": ["Chanda"], "pages": pages((61, 61), (420, 420))}),
    ("Kiernan and Boua 1982, p. 194", {"kind": "bibliographic", "authors": ["Kiernan", "Boua"], "year": "1982"}),
    ("Kiernan 1982 p. 233", {"kind": "bibliographic", "authors": ["Kiernan"], "pages": pages((233, 233))}),
    ("Ben Kiernan 1996, p. 58", {"kind": "bibliographic", "authors": ["Kiernan"], "year": "1996"}),
    ("To 1983, p. 68", {"kind": "bibliographic", "authors": ["To"], "year": "1983"}),
    ("see Kiernan 1985", {"kind": "bibliographic", "authors": ["Kiernan"], "year": "1985", "pages": None}),
    ("*On the History of the Vietnamese-Kampuchean Conflict*, Hanoi, 1979, p. 9",
     {"kind": "bibliographic", "title": "On the History of the Vietnamese-Kampuchean Conflict", "year": "1979", "pages": pages((9, 9))}),
    ("On the History of the Vietnamese-Kampuchean Conflict, Hanoi 1979, p. 20", {"kind": "bibliographic", "year": "1979", "pages": pages((20, 20))}),
    ("*Provatesat songkhep nei pak protiatyun padevoat Kampuchea*, p. 6",
     {"kind": "bibliographic", "title": "Provatesat songkhep nei pak protiatyun padevoat Kampuchea", "pages": pages((6, 6))}),
    ("Nhan Dan. 29 VII, 1976", {"kind": "bibliographic", "title": "Nhan Dan", "date": "1976-07-29", "year": "1976"}),
    ('"Pravda," October 26, 1976', {"kind": "bibliographic", "title": "Pravda", "date": "1976-10-26"}),
    ("conversation with Chan Ven, Phnom Penh, July 15, 1984", {"kind": "interview", "persons": ["Chan Ven"], "place": "Phnom Penh", "date": "1984-07-15"}),
    ("Conversation with Tep Khen, Moscow, March 10, 1985", {"kind": "interview", "persons": ["Tep Khen"], "place": "Moscow", "date": "1985-03-10"}),
    ("personal communication 14th of August 1993", {"kind": "interview", "persons": [], "place": None, "date": "1993-08-14"}),
    ("conversation with Yuri Myakotnyh, Barvikha 14 August 1993", {"kind": "interview", "persons": ["Yuri Myakotnyh"], "place": "Barvikha", "date": "1993-08-14"}),
]  # fmt: skip

OTHER = [
    ("RGANI, f. 5, op. 75, d. 1062, l. 23", arch("5", "75", "1062", archive="RGANI", archive_stated=True, pages=pages((23, 23)))),
    ("TsKhSD, f. 89, per. 54, dok. 10", arch("89", "54", "10", archive="RGANI")),
    ("RGASPI, f. 17, op. 162, d. 39, ll. 1-3ob.", arch("17", "162", "39", archive="RGASPI", pages=pages((1, 3)))),
    ("РГАНИ. Ф. 5. Оп. 75. Д. 1062. Л. 23–24", arch("5", "75", "1062", archive="RGANI", pages=pages((23, 24)))),
    ("AVPRF, f. 079, op. 12, p. 10, d. 7", arch("079", "12", "7", archive="AVPRF", folder="10")),
    ("AVP RF, f. 0100, op. 46, papka 12, d. 2, l. 5", arch("0100", "46", "2", archive="AVPRF", folder="12", pages=pages((5, 5)))),
    ("GARF, f. R-5446, op. 1, d. 12, l. 4", arch("R-5446", "1", "12", archive="GARF", pages=pages((4, 4)))),
    ("ГАРФ. Ф. Р-5446. Оп. 1. Д. 12. Л. 4", arch("Р-5446", "1", "12", archive="GARF")),
    ("RGANI, f. 5, op. 30, dd. 1-125", arch("5", "30", "1-125")),
    ("RGANI, f. 5, op. 50, d. 059a, l. 3", arch("5", "50", "059a", pages=pages((3, 3)))),
    ("APRF, f. 3, op. 65, d. 10, ll. 12-15", arch("3", "65", "10", archive="APRF", pages=pages((12, 15)))),
    ("RTsKhIDNI, f. 495, op. 74, d. 3, l. 8", arch("495", "74", "3", archive="RGASPI")),
    ("RGANI, fond 5, opis' 58, delo 262, l. 85", arch("5", "58", "262", pages=pages((85, 85)))),
    ("Russian State Archive of Modern History, fund 5, inventory 30, file 12", arch("5", "30", "12", archive="RGANI", archive_stated=True)),
    ("Archive of Foreign Policy of the Russian Federation, f. 079, op. 30, p. 61, d. 5", arch("079", "30", "5", archive="AVPRF", folder="61")),
    ("RGAE, f. 4372, op. 66, d. 2, ll. 5-7ob.", arch("4372", "66", "2", archive="RGAE", pages=pages((5, 7)))),
    ("RGANI, f. 89, op. 54, d. 3, l. 21. Memorandum on the situation in Laos, 12.03.1971", arch("89", "54", "3", date="1971-03-12", title="Memorandum on the situation in Laos")),
    ("Report of the embassy in Vientiane, 3 March 1962, AVPRF, f. 0570, op. 8, p. 5, d. 14, l. 7",
     arch("0570", "8", "14", folder="5", title="Report of the embassy in Vientiane", pages=pages((7, 7)))),
    ("Ibid., pp. 14-15", {"kind": "ibid", "pages": pages((14, 15))}),
    ("ibid. p. 3", {"kind": "ibid", "pages": pages((3, 3))}),
    ("Ibid.", {"kind": "ibid", "pages": None}),
    ("Ibid., doc. 283.", {"kind": "ibid", "pages": None}),
    ("Ibid., vol. 3, p. 5", {"kind": "ibid", "pages": pages((5, 5))}),
    ("Kissinger 1979, pp. 245-248", {"kind": "bibliographic", "authors": ["Kissinger"], "pages": pages((245, 248))}),
    ("Gaiduk and Morris 1996, p. 3", {"kind": "bibliographic", "authors": ["Gaiduk", "Morris"], "year": "1996"}),
    ("Chen 2001: 45", {"kind": "bibliographic", "authors": ["Chen"], "pages": pages((45, 45))}),
    ("Porter et al. 1993, p. 7", {"kind": "bibliographic", "authors": ["Porter"], "year": "1993"}),
    ("Shawcross, 1979", {"kind": "bibliographic", "authors": ["Shawcross"], "year": "1979"}),
    ("McNamara 1995, p. 44", {"kind": "bibliographic", "authors": ["McNamara"]}),
    ("interview with Nguyen Co Thach, Hanoi, May 3, 1990", {"kind": "interview", "persons": ["Nguyen Co Thach"], "place": "Hanoi", "date": "1990-05-03"}),
    ("interview with Bui Tin, Paris, 1994", {"kind": "interview", "persons": ["Bui Tin"], "place": "Paris", "date": "1994"}),
    ("conversation with Ieng Sary and Khieu Samphan, Pailin, 12 June 1997", {"kind": "interview", "persons": ["Ieng Sary", "Khieu Samphan"], "place": "Pailin"}),
    ("Pravda, 12 January 1979", {"kind": "bibliographic", "title": "Pravda", "date": "1979-01-12"}),
    ("Nhan Dan, 5 VI, 1978", {"kind": "bibliographic", "title": "Nhan Dan", "date": "1978-06-05"}),
    ("Black Paper, Phnom Penh, 1978, p. 5", {"kind": "bibliographic", "title": "Black Paper", "year": "1978"}),
    ("“The Vietnamese Communist Party and Cambodia,” p. 12", {"kind": "bibliographic", "title": "The Vietnamese Communist Party and Cambodia", "pages": pages((12, 12))}),
    ("Nayan Chanda, Brother Enemy: The War after the War (San Diego: Harcourt Brace Jovanovich, 1986), 59",
     {"kind": "bibliographic", "authors": ["Chanda"], "year": "1986", "title": "Brother Enemy: The War after the War", "pages": pages((59, 59))}),
    ('Stephen J. Morris, "The Soviet-Chinese-Vietnamese Triangle in the 1970s," Journal of Cold War Studies 3, no. 2 (2001): 47-52',
     {"kind": "bibliographic", "authors": ["Morris"], "year": "2001", "title": "The Soviet-Chinese-Vietnamese Triangle in the 1970s", "pages": pages((47, 52))}),
    ("Ben Kiernan and Chantou Boua, Peasants and Politics in Kampuchea (London: Zed, 1982), pp. 194-196",
     {"kind": "bibliographic", "authors": ["Kiernan", "Boua"], "year": "1982", "pages": pages((194, 196))}),
]  # fmt: skip

NEAR_MISSES = [
    "In 1965 the party changed its line",
    "the file was lost in the fire",
    "see page 5 of the report",
    "Fund for Peace",
    "He wrote in 1970 that the war was over",
    "USSR",
    "a letter of 12 pages",
    "1965-1966",
    "approximately 10% of all deliveries",
    "the inventory of weapons was large",
    "list 54 items",
    "Document 3 was never found",
    "conversation about the war",
    "file 1062",
    "fund 5 of the bank",
    "Brezhnev 1976 speech",
    "81 mm. mortars",
    "the so-called liberated regions",
]


@pytest.mark.parametrize(("text", "expected"), SEED + OTHER, ids=[t[:40] for t, _ in SEED + OTHER])
def test_parse_citation_fields(text: str, expected: dict[str, Any]) -> None:
    records = parse_citation(text)
    assert records, f"no citation found in {text!r}"
    got = records[0].model_dump()
    for field, value in expected.items():
        assert got[field] == value, f"{field}: {got[field]!r} != {value!r}"


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_parse_citation_near_misses(text: str) -> None:
    assert parse_citation(text) == []


def test_table_size_and_mix() -> None:
    assert len(SEED) + len(OTHER) >= 80
    assert len(OTHER) * 3 >= len(SEED) + len(OTHER)
    assert len(NEAR_MISSES) >= 15


@pytest.mark.parametrize(
    ("text", "expected"),
    [("RGANI, f. 5, op. 50, d. 4137, l. 1; d. 1943, l. 2", [("4137", [(1, 1)]), ("1943", [(2, 2)])])],
)
def test_parse_citation_several_files(text: str, expected: list[tuple[str, list[tuple[int, int]]]]) -> None:
    records = parse_citation(text)
    assert [(r.file, r.pages) for r in records] == expected
    assert {(r.fund, r.inventory) for r in records} == {("5", "50")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("61, 420", [(61, 61), (420, 420)]), ("5-7ob.", [(5, 7)]), ("82–83", [(82, 83)]), ("", None)],
)
def test_parse_pages(text: str, expected: list[tuple[int, int]] | None) -> None:
    assert parse_pages(text) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a bare page parenthesis right after a citation is an ibid ...
        (
            "Le Duan said so (RSAMH, Fund 5, inventory 1, file 2, p. 3). Later (p. 41) he agreed.",
            ["archival", "ibid"],
        ),
        # ... but with no citation before it, it is not a citation at all
        ("The war began (p. 41) in the north.", []),
        # a split citation is one record
        (
            "It was sent (RSAMH, Fund 5, inventory 58, file 324.) (the political letter, second quarter 1966, p. 84).",
            ["archival"],
        ),
        # the inner parenthesis is the citation, not the prose around it
        (
            '(He was told that "it was impossible" (RSAMH, Fund 5 inventory 75, file 1062. Record, April 4, 1978 p. 23).',
            ["archival"],
        ),
    ],
)
def test_find_citations_in_context(text: str, kinds: list[str]) -> None:
    assert [c.kind for c in resolve(text, find_citations(text))] == kinds


def test_split_citation_takes_the_second_parenthesis() -> None:
    text = "(RSAMH, Fund 5, inventory 58, file 324.) (the political letter, second quarter 1966, p. 84)."
    (c,) = resolve(text, find_citations(text))
    assert (c.file, c.date, c.pages, c.rule) == ("324", "1966-Q2", [(84, 84)], "archival.split")
    assert c.text.endswith("p. 84")


NOTES = """The party was hostile to the plan.12 Hanoi agreed.13

12. Memorandum of conversation with Pham Van Dong, 12 March 1965, AVPRF, f. 079, op. 20, p. 10, d. 5, ll. 1-3.
13. Ibid., l. 5.
14 Chanda 1986, p. 59; Kiernan 1985, p. 12.
15. On the history of the conflict, see the memoirs of several participants published in 1990.
16. Chanda, Brother Enemy, 62.
"""


def test_footnotes_are_citations() -> None:
    cites = resolve(NOTES, find_citations(NOTES))
    assert [c.kind for c in cites] == ["archival", "ibid", "bibliographic", "bibliographic", "bibliographic"]
    archival, ibid, chanda, kiernan, short = cites
    # docs/annotation.md: `title` only where the citation names no author
    assert (short.authors, short.title, short.pages, short.rule) == (
        ["Chanda"],
        None,
        [(62, 62)],
        "bibliographic.note.work",
    )
    assert (archival.archive, archival.fund, archival.inventory, archival.folder, archival.file) == (
        "AVPRF",
        "079",
        "20",
        "10",
        "5",
    )
    assert (archival.pages, archival.date) == ([(1, 3)], "1965-03-12")
    assert archival.title == "Memorandum of conversation with Pham Van Dong"
    assert (ibid.antecedent, ibid.pages, ibid.file) == (0, [(5, 5)], "5")
    assert (chanda.authors, kiernan.authors, kiernan.pages) == (["Chanda"], ["Kiernan"], [(12, 12)])
    for c in cites:
        assert NOTES[c.start : c.end] == c.text


def test_a_parenthesis_with_several_citations_gives_one_record_each() -> None:
    text = "as both agree (Chanda 1986, p. 59; Kiernan 1985, p. 12)."
    cites = find_citations(text)
    assert [(c.authors, c.text) for c in cites] == [
        (["Chanda"], "Chanda 1986, p. 59"),
        (["Kiernan"], "Kiernan 1985, p. 12"),
    ]


@pytest.mark.parametrize(
    ("entry", "authors", "year"),
    [
        (
            "Chanda, Nayan. 1986. *Brother Enemy: the War after the War*. San Diego: Harcourt Brace Jovanovich",
            ["Chanda"],
            "1986",
        ),
        (
            "Chanda, Nayan. Brother Enemy: The War after the War. San Diego: Harcourt Brace Jovanovich, 1986.",
            ["Chanda"],
            "1986",
        ),
        (
            "Kiernan, Ben, and Chantou Boua. Peasants and Politics in Kampuchea. London: Zed Press, 1982.",
            ["Kiernan", "Boua"],
            "1982",
        ),
        ("To Kuyen. 1984. 'The CPRP as avant-garde', Cong Shang, 1983.", ["To"], "1984"),
        # the APA style, the year in brackets
        ("Chanda, N. (1986). Brother Enemy: The War after the War. San Diego: Harcourt.", ["Chanda"], "1986"),
        (
            'Path, K. (2011). "The economic factor in the Sino-Vietnamese split". Cold War History 11(4).',
            ["Path"],
            "2011",
        ),
    ],
)
def test_reference_list_entries_in_both_styles_link_to_author_year_citations(
    entry: str, authors: list[str], year: str
) -> None:
    text = f"As shown ({authors[0]} {year}, p. 5).\n\nReferences\n\n- {entry}\n"
    cites = resolve(text, find_citations(text))
    citation, reference = cites
    assert (reference.section, reference.authors, reference.year) == ("references", authors, year)
    assert citation.reference == 1


def test_reference_list_lines_without_bullets_or_blank_lines_stay_entries() -> None:
    """A reference list typeset one entry per line is not taken for hard-wrapped prose."""
    text = (
        "The treaty followed (Chanda, 1986: 320), and the split (Path, 2011, p. 524).\n\n"
        "References\n"
        "Chanda, N. (1986). Brother Enemy: The War after the War. San Diego: Harcourt.\n"
        'Path, K. (2011). "The economic factor in the Sino-Vietnamese split". Cold War History 11(4): 519-555.\n'
        "Kiernan, Ben. 1985. How Pol Pot Came to Power. London: Verso.\n"
    )
    record = extract(text, "apa")
    references = [c for c in record.citations if c.section == "references"]
    assert [c.authors for c in references] == [["Chanda"], ["Path"], ["Kiernan"]]
    assert [c.reference for c in record.citations if c.section == "text"] == [2, 3]
