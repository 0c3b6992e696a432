"""Citations in footnotes and endnotes: published works in the Chicago note forms, archival
locators with their documents, ibid and short forms, all in context.

The rows are written for these tests in the US note styles of Cold War history (Chicago notes
with full and short forms, journal and newspaper styles, FRUS and other document collections,
congressional publications, web pages, presidential library and National Archives locators);
the expected fields follow docs/annotation.md ("Notes", "Bibliographic records in notes").
"""

from __future__ import annotations

from typing import Any

import pytest

from nerpipe.citations import find_citations, locator_codes, periodical_names, person_spans, resolve
from nerpipe.citations.find import note_piece


def work(**fields: Any) -> dict[str, Any]:
    """Expected fields of a bibliographic record; unnamed fields are not checked."""
    return {"kind": "bibliographic", **fields}


WORKS = [
    # books: authors, editors, translators, publication facts, pages bare or with "p."
    ("John Lewis Gaddis, We Now Know: Rethinking Cold War History (Oxford: Clarendon Press, 1997), 43–45.",
     work(authors=["Gaddis"], year="1997", title=None, pages=[(43, 45)], date=None)),
    ("Vladislav Zubok and Constantine Pleshakov, Inside the Kremlin’s Cold War: From Stalin to Khrushchev (Cambridge, MA: Harvard University Press, 1996), 112.",
     work(authors=["Zubok", "Pleshakov"], year="1996", pages=[(112, 112)])),
    ("Melvyn P. Leffler, A Preponderance of Power: National Security, the Truman Administration, and the Cold War (Stanford, CA: Stanford University Press, 1992), pp. 25–29.",
     work(authors=["Leffler"], year="1992", pages=[(25, 29)])),
    ("Andrei Gromyko, Memoirs, trans. Harold Shukman (New York: Doubleday, 1989), 201.",
     work(authors=["Gromyko"], year="1989", pages=[(201, 201)])),
    ("Ernest R. May and Philip D. Zelikow, eds., The Kennedy Tapes: Inside the White House during the Cuban Missile Crisis (Cambridge, MA: Belknap Press, 1997), 180.",
     work(authors=["May", "Zelikow"], year="1997")),
    ("Odd Arne Westad, The Global Cold War: Third World Interventions and the Making of Our Times (Cambridge: Cambridge University Press, 2005), 3.",
     work(authors=["Westad"], year="2005", pages=[(3, 3)])),
    ("Westad, Global Cold War, 88.", work(authors=["Westad"], year=None, title=None, pages=[(88, 88)])),
    ("Gaddis, We Now Know, pp. 51–53.", work(authors=["Gaddis"], year=None, pages=[(51, 53)])),
    # a chapter in an edited book; a family name written first
    ("Chen Jian, “China and the Vietnam Wars,” in The Vietnam War, ed. Peter Lowe (London: Macmillan, 1998), 156–58.",
     work(authors=["Chen"], year="1998", title=None, pages=[(156, 158)])),
    ("Ilya V. Gaiduk, “Peacemaking or Troubleshooting?,” in The Search for Peace in Vietnam, 1964–1968, ed. Lloyd C. Gardner and Ted Gittinger (College Station: Texas A&M University Press, 2004), 260–77.",
     work(authors=["Gaiduk"], year="2004", pages=[(260, 277)])),
    # journal articles: volume and number with the year, or the month
    ("Mark Kramer, “The Soviet Union and the 1956 Crises in Hungary and Poland,” Journal of Contemporary History 33, no. 2 (1998): 163–214.",
     work(authors=["Kramer"], year="1998", date=None, pages=[(163, 214)])),
    ("Robert J. McMahon, “Eisenhower and Third World Nationalism,” Political Science Quarterly 101, no. 3 (1986): 453–73.",
     work(authors=["McMahon"], year="1986", pages=[(453, 473)])),
    ("Lloyd Gardner, “The Road to Tonkin,” Diplomatic History (Fall 1990), pp. 12–30.",
     work(authors=["Gardner"], year="1990", date="1990", pages=[(12, 30)])),
    ("Thomas Alan Schwartz, “Victories and Defeats,” Reviews in American History, June 1988, pp. 201–209.",
     work(authors=["Schwartz"], year="1988", date="1988-06", pages=[(201, 209)])),
    ("Qiang Zhai, “Beijing and the Vietnam Peace Talks, 1965–68,” Cold War International History Project Working Paper No. 18 (June 1997), 12.",
     work(authors=["Zhai"], year="1997", date=None, pages=[(12, 12)])),
    # newspapers and magazines: signed, unsigned (the paper is the title), lettered pages
    ("Neil Sheehan, “Vietnam Archive: Pentagon Study Traces 3 Decades of Growing U.S. Involvement,” New York Times, June 13, 1971, 1.",
     work(authors=["Sheehan"], year="1971", date="1971-06-13", title=None, pages=[(1, 1)])),
    ("“Thieu Asks Unity in Face of Attacks,” Washington Post, February 3, 1968, A12.",
     work(authors=[], year="1968", date="1968-02-03", title="Washington Post", pages=None)),
    ("“The Long Retreat,” Time, April 14, 1975, 18–21.", work(authors=[], title="Time", date="1975-04-14", pages=[(18, 21)])),
    ("Pravda, 12 January 1979.", work(authors=[], title="Pravda", date="1979-01-12", year="1979")),
    ("Letter to the editor from a reader, March 2, 1961, Baltimore Sun, p. 14.",
     work(authors=[], title="Baltimore Sun", date="1961-03-02", pages=[(14, 14)])),
    # published document collections: the title without trailing numbering, no year of its own
    ("Foreign Relations of the United States, 1955–1957, vol. 24, Soviet Union; Eastern Mediterranean, Document 101.",
     work(authors=[], year=None, title="Foreign Relations of the United States, 1955–1957, vol. 24, Soviet Union; Eastern Mediterranean")),
    ("Foreign Relations of the United States, 1964–1968, vol. 1, Vietnam, 1964, ed. Edward C. Keefer (Washington: Government Printing Office, 1992), doc. 53.",
     work(authors=[], year="1992", title="Foreign Relations of the United States, 1964–1968, vol. 1, Vietnam, 1964")),
    ("Public Papers of the Presidents of the United States: Lyndon B. Johnson, 1965 (Washington: Government Printing Office, 1966), 394–99.",
     work(authors=[], year="1966", title="Public Papers of the Presidents of the United States: Lyndon B. Johnson, 1965", pages=[(394, 399)])),
    ("Arthur S. Link, ed., The Papers of Woodrow Wilson, vol. 41 (Princeton: Princeton University Press, 1983), 519–27.",
     work(authors=["Link"], year="1983", pages=[(519, 527)])),
    # an item printed in a collection: the collection is the work, the item's date locates it
    ("Wilson to House, March 10, 1917, in Arthur S. Link, ed., The Papers of Woodrow Wilson, vol. 41 (Princeton: Princeton University Press, 1983), 382.",
     work(authors=["Link"], year="1983", date="1917-03-10", pages=[(382, 382)])),
    ("Khrushchev to Kennedy, October 26, 1962 in Problems of Communism: Special Edition (Washington: USIA, 1992), pp. 45–49.",
     work(authors=[], title="Problems of Communism: Special Edition", year="1992", date="1962-10-26")),
    # a document reproduced with another work or on a site: the document is the work
    ("Bundy to Johnson, January 27, 1965, Exhibit 4 in John Prados, “The Fork in the Road,” National Security Archive Electronic Briefing Book No. 120, May 2004, http://www.gwu.edu/~nsarchiv/EBB120/",
     work(authors=["Bundy"], year="1965", date=None)),
    ("Ball to Rusk, October 5, 1964, printed as “A Light That Failed,” Atlantic Monthly, July 1972, pp. 33–49.",
     work(authors=["Ball"], year="1964", date="1972-07", pages=[(33, 49)])),
    ("Richard Helms speech, April 14, 1971, Central Intelligence Agency website, https://www.cia.gov/speeches/helms.html",
     work(authors=["Helms"], year="1971", date=None)),
    ("CIA Directorate of Intelligence memorandum, May 1967, Central Intelligence Agency, FOIA Reading Room website, https://www.cia.gov/readingroom/docs/x.pdf",
     work(authors=[], year="1967", title="CIA Directorate of Intelligence memorandum")),
    # congressional publications: congress and session numbers are no part of a title
    ("U.S. Senate, Committee on Foreign Relations, Hearings on S. 2793, 89th Cong., 2nd sess. (Washington: Government Printing Office, 1966), 45–47.",
     work(authors=[], year="1966", title="U.S. Senate, Committee on Foreign Relations, Hearings on S. 2793", pages=[(45, 47)])),
    ("Congressional Record, 90th Cong., 1st sess., 1967, 113, pt. 4: 4721.",
     work(authors=[], year="1967", title="Congressional Record", pages=[(4721, 4721)])),
    ("House Report 93–1013, “Impeachment of Richard M. Nixon,” August 20, 1974, https://www.govinfo.gov/x.pdf",
     work(authors=[], year="1974", title="Impeachment of Richard M. Nixon")),
    ("National Security Action Memorandum 273, “South Vietnam,” November 26, 1963, https://www.jfklibrary.org/x.pdf",
     work(authors=[], year="1963", title="National Security Action Memorandum 273, “South Vietnam”")),
    # web pages and sites
    ("“Vietnam War Commemoration,” U.S. Department of Defense, https://www.vietnamwar50th.com/",
     work(authors=[], year=None, title="Vietnam War Commemoration")),
    ("minutes of May 1968 board meeting, Council on Foreign Relations, Records Project website, https://www.cfr.org/x.html",
     work(authors=[], year="1968", title="minutes of May 1968 board meeting")),
    ("Wilson Center, Digital Archive website, https://digitalarchive.wilsoncenter.org/",
     work(authors=[], title="Digital Archive website")),
    # written after the parser, scored before any fix (0.949 of the fields), then kept here
    ('Fredrik Logevall, Embers of War: The Fall of an Empire and the Making of America’s Vietnam (New York: Random House, 2012), 602–4.',
     work(authors=['Logevall'], year='2012', title=None, pages=[(602, 604)], date=None)),
    ('Mark Atwood Lawrence, The Vietnam War: A Concise International History (New York: Oxford University Press, 2008), 88.',
     work(authors=['Lawrence'], year='2008', title=None, pages=[(88, 88)], date=None)),
    ('Lien-Hang T. Nguyen, Hanoi’s War: An International History of the War for Peace in Vietnam (Chapel Hill: University of North Carolina Press, 2012), 45–47.',
     work(authors=['Nguyen'], year='2012', title=None, pages=[(45, 47)], date=None)),
    ('Robert S. McNamara with Brian VanDeMark, In Retrospect: The Tragedy and Lessons of Vietnam (New York: Times Books, 1995), 203.',
     work(authors=['McNamara', 'VanDeMark'], year='1995', title=None, pages=[(203, 203)], date=None)),
    ('William Burr and Jeffrey P. Kimball, “Nixon’s Nuclear Ploy: The Vietnam Negotiations and the Joint Chiefs of Staff Readiness Test, October 1969,” Cold War History 3, no. 2 (2003): 113–56.',
     work(authors=['Burr', 'Kimball'], year='2003', title=None, pages=[(113, 156)], date=None)),
    ('Hope M. Harrison, “Ulbricht and the Concrete ‘Rose’,” Cold War International History Project Working Paper No. 5 (May 1993), 23.',
     work(authors=['Harrison'], year='1993', title=None, pages=[(23, 23)], date=None)),
    ('Sergey Radchenko, Unwanted Visionaries: The Soviet Failure in Asia at the End of the Cold War (New York: Oxford University Press, 2014), 119.',
     work(authors=['Radchenko'], year='2014', title=None, pages=[(119, 119)], date=None)),
    ('Radchenko, Unwanted Visionaries, 140–42.',
     work(authors=['Radchenko'], year=None, title=None, pages=[(140, 142)], date=None)),
    ('Tom Wicker, “Kennedy Asks Calm,” New York Times, October 23, 1962, 1, 18.',
     work(authors=['Wicker'], year='1962', title=None, pages=[(1, 1), (18, 18)], date='1962-10-23')),
    ('“Soviet Note to U.S. on Berlin,” New York Times, November 28, 1958, 8.',
     work(authors=[], year='1958', title='New York Times', pages=[(8, 8)], date='1958-11-28')),
    ('Editorial, “The Lesson of Hungary,” Wall Street Journal, November 5, 1956, 12.',
     work(authors=[], year='1956', title='Wall Street Journal', pages=[(12, 12)], date='1956-11-05')),
    ('Foreign Relations of the United States, 1958–1960, vol. 8, Berlin Crisis, 1958–1959 (Washington: Government Printing Office, 1993), 172–77.',
     work(authors=[], year='1993', title='Foreign Relations of the United States, 1958–1960, vol. 8, Berlin Crisis, 1958–1959', pages=[(172, 177)], date=None)),
    ('Department of State Bulletin, December 15, 1958, 948–50.',
     work(authors=[], year='1958', title='Department of State Bulletin', pages=[(948, 950)], date='1958-12-15')),
    ('Khrushchev to Eisenhower, November 27, 1958, in Department of State Bulletin, January 19, 1959, 81–89.',
     work(authors=[], year='1959', title='Department of State Bulletin', pages=[(81, 89)], date='1958-11-27')),
    ('U.S. Congress, Senate, Committee on Foreign Relations, The Gulf of Tonkin, the 1964 Incidents: Hearing, 90th Cong., 2nd sess., February 20, 1968 (Washington: Government Printing Office, 1968), 14–16.',
     work(authors=[], year='1968', pages=[(14, 16)], date=None)),
    ('Lyndon B. Johnson, “Address at Johns Hopkins University: ‘Peace Without Conquest,’” April 7, 1965, Public Papers of the Presidents: Lyndon B. Johnson, 1965, vol. 1 (Washington: Government Printing Office, 1966), 394–99.',
     work(authors=['Johnson'], year='1965', title=None, pages=[(394, 399)])),
    ('Henry A. Kissinger, White House Years (Boston: Little, Brown, 1979), 298.',
     work(authors=['Kissinger'], year='1979', title=None, pages=[(298, 298)], date=None)),
    ('Kissinger, White House Years, 301–3.',
     work(authors=['Kissinger'], year=None, title=None, pages=[(301, 303)], date=None)),
    ('George C. Herring, ed., The Secret Diplomacy of the Vietnam War: The Negotiating Volumes of the Pentagon Papers (Austin: University of Texas Press, 1983), 211.',
     work(authors=['Herring'], year='1983', title=None, pages=[(211, 211)], date=None)),
    ('David Kaiser, “Men and Policies, 1961–1969,” in The Diplomacy of the Crucial Decade, ed. Diane B. Kunz (New York: Columbia University Press, 1994), 11–41.',
     work(authors=['Kaiser'], year='1994', title=None, pages=[(11, 41)], date=None)),
    ('Gareth Porter, ed., Vietnam: The Definitive Documentation of Human Decisions, vol. 2 (Stanfordville, NY: Earl M. Coleman, 1979), 356–58.',
     work(authors=['Porter'], year='1979', title=None, pages=[(356, 358)], date=None)),
    ('“Chronology of Events,” Wilson Center Digital Archive, https://digitalarchive.wilsoncenter.org/collection/123/chronology.',
     work(authors=[], year=None, title='Chronology of Events')),
    ('Transcript, Dean Rusk Oral History Interview I, July 28, 1969, by Paige Mulhollan, LBJ Library Oral Histories website, https://www.discoverlbj.org/item/oh-ruskd-19690728-1-74-245.',
     work(authors=[], year='1969')),
    ('Time, November 23, 1963, 27.',
     work(authors=[], year='1963', title='Time', pages=[(27, 27)], date='1963-11-23')),
    ('Pierre Asselin, A Bitter Peace: Washington, Hanoi, and the Making of the Paris Agreement (Chapel Hill: University of North Carolina Press, 2002), xi.',
     work(authors=['Asselin'], year='2002', title=None, pages=None, date=None)),
]  # fmt: skip

NOT_WORKS = [
    "He later wrote to his wife, Martha, on June 12, 1946, that the talks had failed.",
    "Rusk to Lodge, August 29, 1963.",
    "For a different view, see chapter 4.",
    "In 1947, a court ruling held the papers to be government property.",
    "Bailey, Leopold, and Perkins represented the association.",
    "January 1954",
    "This remained the case as of 2014.",
    "Notes of the Secretary’s Staff Meeting, October 30, 1957, p. 2",
    "The quote appeared in the Times of India.",
    "Kennedy met Khrushchev at Vienna on June 4, 1961, and left shaken.",
    "Johnson told Rusk on July 28, 1965, that he would not retreat.",
    "Ball to Johnson, June 18, 1965.",
    "See the discussion in chapter 3 above.",
    "On this point I am grateful to Fredrik Logevall.",
    "The figures, compiled in 1968, were never released.",
]


@pytest.mark.parametrize(("text", "expected"), WORKS, ids=[t[:45] for t, _ in WORKS])
def test_note_piece_reads_a_published_work(text: str, expected: dict[str, Any]) -> None:
    records = note_piece(text, 0, len(text), set())
    assert len(records) == 1, [r.text for r in records]
    got = records[0].model_dump()
    for field, value in expected.items():
        want = [tuple(p) for p in value] if field == "pages" and value else value
        have = [tuple(p) for p in got[field]] if field == "pages" and got[field] else got[field]
        assert have == want, f"{field}: {have!r} != {want!r}"
    assert text[records[0].start : records[0].end] == records[0].text


@pytest.mark.parametrize("text", NOT_WORKS)
def test_note_piece_near_misses_name_no_work(text: str) -> None:
    assert [r for r in note_piece(text, 0, len(text), set()) if r.kind == "bibliographic"] == []


def test_table_sizes() -> None:
    assert len(WORKS) >= 60 and len(NOT_WORKS) >= 15


NOTES = """The decision was taken in Washington.1

Notes

1. Memorandum for the Record, February 8, 1965, Lyndon Baines Johnson Library, National Security File (hereafter NSF), Country File, Vietnam, Box 12; Bundy to Johnson, February 7, 1965, LBJL, NSF, Memos to the President, McGeorge Bundy, Box 2.
2. Ibid.
3. Ibid., p. 4.
4. Gaddis, We Now Know, 51; see also Melvyn P. Leffler, For the Soul of Mankind (New York: Hill and Wang, 2007), 150–52.
5. Lodge to Rusk, August 29, 1963, NARA, RG 59, Central Files 1963, POL 15 S VIET; and Rusk to Lodge, August 29, 1963, ibid.
6. See Fredrik Logevall, Choosing War (Berkeley: University of California Press, 1999), 75–80; and Embers of War (New York: Random House, 2012), 12.
7. “Saigon Regime Faces New Crisis,” New York Times, November 2, 1963; Max Frankel, “U.S. Weighs Aid Cut,” New York Times, November 3, 1963, 4.
8. Foreign Relations of the United States, 1961–1963, vol. 3, Vietnam, January–August 1963, Document 281; vol. 4, Vietnam, August–December 1963, Document 12.
9. Quoted in Stanley Karnow, Vietnam: A History (New York: Viking, 1983), 326. Quote on p. 327.
10. George McT. Kahin, Intervention (New York: Knopf, 1986), pp. 12–14 and Paul Kattenburg to Hilsman, April 2, 1963 and Hilsman to Harriman, April 5, 1963 in John F. Kennedy Library, Roger Hilsman Papers (henceforth Hilsman Papers), Box 3, Vietnam; Hilsman Papers, Box 4, Laos.
11. The most controversial passage of the report (Report on the War in Vietnam (Washington: Government Printing Office, 1969), pp. 9–11) was rewritten. See the prefaces to Foreign Relations of the United States, 1964–1968, vol. II, Vietnam, January–June 1965 (https://history.state.gov/frus1964-68v02/preface); vol. III (https://history.state.gov/frus1964-68v03/preface).
"""


def _records(text: str) -> list[Any]:
    return resolve(text, find_citations(text))


def test_notes_give_one_record_per_work_and_unit() -> None:
    cites = _records(NOTES)
    got = [(c.kind, c.text) for c in cites]
    assert got == [
        ("archival", "Memorandum for the Record, February 8, 1965, Lyndon Baines Johnson Library, National Security File (hereafter NSF), Country File, Vietnam, Box 12"),
        ("archival", "Bundy to Johnson, February 7, 1965, LBJL, NSF, Memos to the President, McGeorge Bundy, Box 2"),
        ("ibid", "Ibid"),
        ("ibid", "Ibid., p. 4"),
        ("bibliographic", "Gaddis, We Now Know, 51"),
        ("bibliographic", "Melvyn P. Leffler, For the Soul of Mankind (New York: Hill and Wang, 2007), 150–52"),
        ("archival", "Lodge to Rusk, August 29, 1963, NARA, RG 59, Central Files 1963, POL 15 S VIET"),
        ("ibid", "Rusk to Lodge, August 29, 1963, ibid"),
        ("bibliographic", "Fredrik Logevall, Choosing War (Berkeley: University of California Press, 1999), 75–80"),
        ("bibliographic", "Embers of War (New York: Random House, 2012), 12"),
        ("bibliographic", "“Saigon Regime Faces New Crisis,” New York Times, November 2, 1963"),
        ("bibliographic", "Max Frankel, “U.S. Weighs Aid Cut,” New York Times, November 3, 1963, 4"),
        ("bibliographic", "Foreign Relations of the United States, 1961–1963, vol. 3, Vietnam, January–August 1963, Document 281"),
        ("bibliographic", "vol. 4, Vietnam, August–December 1963, Document 12"),
        ("bibliographic", "Stanley Karnow, Vietnam: A History (New York: Viking, 1983), 326"),
        ("ibid", "p. 327"),
        ("bibliographic", "George McT. Kahin, Intervention (New York: Knopf, 1986), pp. 12–14"),
        ("archival", "Hilsman to Harriman, April 5, 1963 in John F. Kennedy Library, Roger Hilsman Papers (henceforth Hilsman Papers), Box 3, Vietnam"),
        ("archival", "Hilsman Papers, Box 4, Laos"),
        ("bibliographic", "Report on the War in Vietnam (Washington: Government Printing Office, 1969), pp. 9–11"),
        ("bibliographic", "Foreign Relations of the United States, 1964–1968, vol. II, Vietnam, January–June 1965 (https://history.state.gov/frus1964-68v02/preface)"),
        ("bibliographic", "vol. III (https://history.state.gov/frus1964-68v03/preface)"),
    ]  # fmt: skip
    for c in cites:
        assert NOTES[c.start : c.end] == c.text


def test_notes_fields_in_context() -> None:
    cites = _records(NOTES)

    def by_text(prefix: str) -> Any:
        (found,) = [c for c in cites if c.text.startswith(prefix)]
        return found

    assert by_text("Ibid., p. 4").antecedent == 1  # the previous note's last citation
    assert by_text("Rusk to Lodge, August 29, 1963").antecedent == 6
    assert by_text("p. 327").antecedent == 14
    assert by_text("Embers of War (New York: Rando").authors == ["Logevall"]  # "A; and B": one author
    assert by_text("“Saigon Regime Faces New Crisi").title == "New York Times"
    assert by_text("vol. 4, Vietnam, August–Decemb").title == (
        "Foreign Relations of the United States, 1961–1963, vol. 4, Vietnam, August–December 1963"
    )
    assert (
        by_text("vol. III (https://history.stat").title
        == "Foreign Relations of the United States, 1964–1968, vol. III"
    )
    kahin = by_text("George McT. Kahin, Interventio")
    assert (kahin.authors, kahin.year, kahin.pages) == (["Kahin"], "1986", [(12, 14)])
    hilsman = by_text("Hilsman to Harriman, April 5, ")
    assert (hilsman.archive, hilsman.fund, hilsman.folder, hilsman.file) == (
        "JFKL",
        "Roger Hilsman Papers",
        "3",
        "Vietnam",
    )
    assert (hilsman.date, hilsman.title) == ("1963-04-05", "Hilsman to Harriman")
    later = by_text("Hilsman Papers, Box 4")
    assert (later.archive, later.archive_stated, later.fund, later.folder) == (
        "JFKL",
        False,
        "Roger Hilsman Papers",
        "4",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a collection shortened by its name's last words
        ("1. Reed College, G. Bernard Noble Papers (henceforth Noble Papers), Box 16, 6.\n2. Noble Papers, Box 20, 10.",
         ("G. Bernard Noble Papers", "Reed College", False)),
        # "Papers of X" shortened to "X Papers", the archive named by the later note itself
        ("1. Library of Congress, Papers of W. Averell Harriman (hereafter Harriman Papers), Box 520, Chronological File.\n2. LOC, Harriman Papers, Box 521, Chronological File.",
         ("Papers of W. Averell Harriman", "LOC", True)),
        # a series shortened to its initials
        ("1. Eisenhower Library, Ann Whitman File (henceforth AWF), Box 3, Dulles–Herter Series.\n2. Eisenhower Library, AWF, Box 4, Dulles–Herter Series.",
         (None, "DDEL", True)),
        # an archive the registry does not know, named by its abbreviation
        ("1. Report, 12 May 1946, State Archive of the Vinnytsia Oblast (hereafter DAVO), f. 3, op. 1, d. 418, l. 12.\n2. DAVO, f. 3, op. 1, d. 420, l. 5.",
         ("3", "State Archive of the Vinnytsia Oblast", True)),
    ],
)  # fmt: skip
def test_short_forms_resolve_in_later_notes(text: str, expected: tuple[str | None, str, bool]) -> None:
    text = "Body.1\n\n" + text + "\n"
    archival = [c for c in _records(text) if c.kind == "archival"]
    assert len(archival) == 2
    later = archival[1]
    fund, archive, stated = expected
    if fund is not None:
        assert later.fund == fund
    assert (later.archive, later.archive_stated) == (archive, stated)
    assert any(r.target == "short_form" and r.status == "resolved" for r in later.resolutions) or fund is None


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("1. NARA, RG 59, Entry A1–5066, Records of the Historian (henceforth WTC Lot File 83D222).\n2. NARA, RG 59, WTC Lot File 83D222, Box 5, 1947–1948.", "WTC Lot File 83D222"),
        ("1. Reed College, G. Bernard Noble Papers (henceforth Noble Papers), Box 16, 6.\n2. Yale University, Dean Acheson Papers, Box 3, 2.", "Noble Papers"),
    ],
)  # fmt: skip
def test_short_forms_do_not_rewrite_what_a_locator_writes(text: str, short: str) -> None:
    text = "Body.1\n\n" + text + "\n"
    later = [c for c in _records(text) if c.kind == "archival"][1]
    assert not any(r.target == "short_form" for r in later.resolutions)
    assert later.inventory == ("Lot File 83D222" if "Lot" in short else later.inventory)


@pytest.mark.parametrize(
    ("text", "codes", "names"),
    [
        ("See NARA, RG 59, WTC Lot File 83D222, Box 5, 1947–1948.", ["RG", "WTC", "Lot File", "Box"], ["NARA", "1947–1948"]),
        ("See NARA, RG 59, CFPF 1964–1966, POL 27 VIET S.", ["RG", "CFPF", "POL", "27"], ["NARA", "1964–1966"]),
        ("See NARA, RG 59, CDF 1955–1959, 023.1/3–2455.", ["CDF", "023.1/3–2455"], ["1955–1959"]),
        ("See Department of State, HO Research Projects Lot File 13D289, Box 7.", ["HO", "Lot File", "13D289"], ["Department of State"]),
        ("See NARA, RG 59, Entry A1–5066 (henceforth WTC Lot File 83D222).", ["WTC", "Lot File", "83D222"], ["NARA"]),
        ("See LCM, AHA Papers, Box 170, Committee on Historians 1950–1951.", ["Box", "170"], ["AHA", "Committee on Historians"]),
        ("See Eisenhower Library, Ann Whitman File, NSC Series, Box 6.", ["Box", "6"], ["Eisenhower Library", "Ann Whitman"]),
    ],
)  # fmt: skip
def test_series_codes_are_never_entities(text: str, codes: list[str], names: list[str]) -> None:
    text = f"Body.1\n\n1. {text}\n"  # in a note, where US locators stand
    cites = find_citations(text)
    assert cites
    found = [text[s:e] for s, e in locator_codes(text, cites)]
    for code in codes:
        assert any(code == f or code in f for f in found), (code, found)
    for name in names:
        assert not any(name in f for f in found), (name, found)


def test_an_acronym_the_text_defines_as_an_organisation_stays_an_entity() -> None:
    text = "The Historical Advisory Committee (HAC) met.1\n\n1. Department of State, HAC Lot File 96D292, Box 6, FRAC Nominations.\n"
    found = [text[s:e] for s, e in locator_codes(text, find_citations(text))]
    assert "Lot File" in found and "HAC" not in found


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Samuel Flagg Bemis review of The Diplomacy of the Revolution in the American Historical Review (July 1949), pp. 856–858.", ["Samuel Flagg Bemis"]),
        ("John Snell, ed., The Meaning of Yalta (Baton Rouge: Louisiana State University Press, 1956).", ["John Snell"]),
        ("Chen Jian, “China and the Vietnam Wars,” in The Vietnam War, ed. Peter Lowe (London: Macmillan, 1998), 156–58.", ["Chen Jian", "Peter Lowe"]),
        ("Miller, “Access to the Records,” in Theoharis, A Culture of Secrecy, pp. 186–210.", ["Miller", "Theoharis"]),
    ],
)  # fmt: skip
def test_authors_and_editors_of_note_citations_are_people(text: str, people: list[str]) -> None:
    note = "Body.1\n\n1. " + text + "\n"
    (cite,) = [c for c in find_citations(note) if c.kind == "bibliographic"]
    assert [note[s:e] for s, e in person_spans(cite, note)] == people


# Whole notes, archival and published works mixed. The twelve after the first two were written
# after the parser and scored before any fix (16 of 18 records, 50 of 54 fields).
WHOLE_NOTES = [
    # several documents, one unit: the record starts at the last ("both in" stays inside)
    ("Smith to Jones, May 1, 1950 and Jones to Smith, May 3, 1950, both in NARA, RG 59, CDF 1950–1954, 611.00/5–150.",
     [("archival", {"title": "Jones to Smith", "date": "1950-05-03", "fund": "59", "file": "611.00/5–150"})]),
    # "ibid." with another file of the same series, after a lead-in
    ("See Smith to Jones, May 1, 1950, NARA, RG 59, CDF 1950–1954, 611.00/5–150; and, for the reply, Jones to Smith, May 3, 1950, ibid., 611.00/5–350.",
     [("archival", {"title": "Smith to Jones", "file": "611.00/5–150"}),
      ("archival", {"title": "Jones to Smith", "date": "1950-05-03", "inventory": "CDF 1950–1954", "file": "611.00/5–350"})]),
    ('Acheson to Truman, June 25, 1950, Harry S. Truman Library (hereafter HSTL), Papers of Harry S. Truman, President’s Secretary’s Files, Box 220; and Acheson, Present at the Creation, 405.',
     [('archival', {'archive': 'HSTL', 'title': 'Acheson to Truman', 'date': '1950-06-25', 'folder': '220'}), ('bibliographic', {'authors': ['Acheson'], 'pages': [(405, 405)], 'year': None})]),
    ('Dean Acheson, Present at the Creation: My Years in the State Department (New York: Norton, 1969), 402–5.',
     [('bibliographic', {'authors': ['Acheson'], 'year': '1969', 'pages': [(402, 405)], 'title': None})]),
    ('Memorandum of conversation, May 3, 1961, John F. Kennedy Library (hereafter JFKL), National Security Files, Countries, Laos, Box 130.',
     [('archival', {'archive': 'JFKL', 'title': 'Memorandum of conversation', 'date': '1961-05-03', 'folder': '130'})]),
    ('Rostow to Kennedy, November 14, 1961, JFKL, National Security Files, Regional Security, Southeast Asia, Box 231; Taylor to Kennedy, November 1, 1961, ibid.',
     [('archival', {'archive': 'JFKL', 'title': 'Rostow to Kennedy', 'date': '1961-11-14', 'folder': '231'}), ('ibid', {})]),
    ('Nixon to Kissinger, February 1, 1969, NARA, Nixon Presidential Materials, NSC Files, Box 341; see also Jeffrey Kimball, Nixon’s Vietnam War (Lawrence: University Press of Kansas, 1998), 120.',
     [('archival', {'archive': 'NARA', 'fund': 'Nixon Presidential Materials', 'title': 'Nixon to Kissinger', 'date': '1969-02-01', 'folder': '341'}), ('bibliographic', {'authors': ['Kimball'], 'year': '1998', 'pages': [(120, 120)]})]),
    ('Ibid., 122.',
     [('ibid', {'pages': [(122, 122)]})]),
    ('“Kennedy Weighs Laos Action,” Washington Post, March 22, 1961, A1; and Jack Raymond, “Pentagon Plans for Laos,” New York Times, March 23, 1961, 1.',
     [('bibliographic', {'authors': [], 'title': 'Washington Post', 'date': '1961-03-22', 'year': '1961'}), ('bibliographic', {'authors': ['Raymond'], 'date': '1961-03-23', 'pages': [(1, 1)]})]),
    ('Foreign Relations of the United States, 1961–1963, vol. 24, Laos Crisis (Washington: Government Printing Office, 1994), 95–97; and vol. 1, Vietnam, 1961 (Washington: Government Printing Office, 1988), 12.',
     [('bibliographic', {'title': 'Foreign Relations of the United States, 1961–1963, vol. 24, Laos Crisis', 'year': '1994', 'pages': [(95, 97)]}), ('bibliographic', {'title': 'Foreign Relations of the United States, 1961–1963, vol. 1, Vietnam, 1961', 'year': '1988', 'pages': [(12, 12)]})]),
    ('Interview with William Colby, Washington, June 2, 1981.',
     [('interview', {'persons': ['William Colby'], 'place': 'Washington', 'date': '1981-06-02'})]),
    ('On the debate within the administration, see Francis M. Bator, “No Good Choices: LBJ and the Vietnam/Great Society Connection,” Diplomatic History 32, no. 3 (2008): 309–40.',
     [('bibliographic', {'authors': ['Bator'], 'year': '2008', 'pages': [(309, 340)], 'date': None})]),
    ('Minutes of the National Security Council meeting, July 27, 1965, Lyndon Baines Johnson Library, NSC Meetings File, Box 1; Bundy to Johnson, July 27, 1965, ibid., Box 2.',
     [('archival', {'archive': 'LBJL', 'title': 'Minutes of the National Security Council meeting', 'date': '1965-07-27', 'folder': '1'}), ('archival', {'archive': 'LBJL', 'title': 'Bundy to Johnson', 'date': '1965-07-27', 'fund': 'NSC Meetings File', 'folder': '2'})]),
    ('Hoover Institution Archives, Stefan T. Possony Papers, Box 12, Folder 3.',
     [('archival', {'fund': 'Stefan T. Possony Papers', 'folder': '12', 'file': '3'})]),
]  # fmt: skip


@pytest.mark.parametrize(("note", "expected"), WHOLE_NOTES, ids=[n[:45] for n, _ in WHOLE_NOTES])
def test_whole_notes_give_their_records(note: str, expected: list[tuple[str, dict[str, Any]]]) -> None:
    text = "Body.1\n\n1. " + note + "\n"
    got = _records(text)
    assert [c.kind for c in got] == [kind for kind, _ in expected]
    for c, (_, fields) in zip(got, expected, strict=True):
        record = c.model_dump()
        for field, value in fields.items():
            have = [tuple(p) for p in record[field]] if field == "pages" and record[field] else record[field]
            assert have == value, (field, have, value)


@pytest.mark.parametrize(
    ("text", "papers"),
    [
        ("“Official Papers,” Washington Post, March 7, 1953, p. 8.", ["Washington Post"]),
        ("Herman Kahn, “World War II and Its Background,” The American Archivist (April 1954), pp. 149–162.", ["American Archivist"]),
        ("Letter to the editor from a reader, March 2, 1961, Baltimore Sun, p. 14.", ["Baltimore Sun"]),
        ("Kimball, “Openness and the CIA,” Studies in Intelligence, Winter-Spring 2001, pp. 63–67.", ["Studies in Intelligence"]),
        # a book, a briefing-book series and a paper cited as its own title name no periodical
        ("Odd Arne Westad, The Global Cold War (Cambridge: Cambridge University Press, 2005), 3.", []),
        ("Matthew Aid, “Declassification in Reverse,” National Security Archive Electronic Briefing Book No. 179, February 21, 2006.", []),
        ("Hansard, House of Commons Debates, March 17, 1955, Vol. 538, 1449–1451.", []),
    ],
)  # fmt: skip
def test_the_periodical_of_a_note_citation_is_an_organisation(text: str, papers: list[str]) -> None:
    note = "Body.1\n\n1. " + text + "\n"
    (cite,) = [c for c in find_citations(note) if c.kind == "bibliographic"]
    assert [note[s:e] for s, e in periodical_names(cite, note)] == papers
