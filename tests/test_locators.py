"""Archival locators of every tradition: tables of strings and the records they must give.

Rows are written from each tradition's conventions (archival guides, published document
collections), none from the seed; near misses must give no archival record.
"""

from __future__ import annotations

from typing import Any

import pytest

from nerpipe import parse_citation
from nerpipe.citations import find_citations, locator_codes, resolve


def unit(fund: str | None, inventory: str | None, file: str | None, **kw: Any) -> dict[str, Any]:
    """Expected fields of the first record; fields not named are not checked."""
    return {"fund": fund, "inventory": inventory, "file": file, **kw}


P = lambda *pairs: list(pairs)  # noqa: E731

RUSSIAN = [
    ("RGASPI, f. 17, op. 3, d. 1040, l. 12", unit("17", "3", "1040", archive="RGASPI", pages=P((12, 12)))),
    ("RGASPI, F.17, Op.3, D.112, L.48", unit("17", "3", "112", pages=P((48, 48)))),
    ("RGASPI, f.558, op.11, d.65, ll.1-3", unit("558", "11", "65", pages=P((1, 3)))),
    ("RGASPI, Fond 17, Opis 3, Delo 112, Listy 12–14", unit("17", "3", "112", pages=P((12, 14)))),
    ("RGASPI, FOND 17, OPIS 3, DELO 112, LIST 5", unit("17", "3", "112", pages=P((5, 5)))),
    ("RGASPI, fond 495, opis' 74, delo 3, list 8", unit("495", "74", "3", pages=P((8, 8)))),
    ("RGASPI, Collection 17, Inventory 3, File 112, Sheet 5", unit("17", "3", "112", pages=P((5, 5)))),
    ("RGASPI, Collection 17, Inventory 162, File 39, Sheets 1–3", unit("17", "162", "39", pages=P((1, 3)))),
    ("GARF, Fond R-9401, Opis 2, Delo 65, Listy 10–12", unit("R-9401", "2", "65", archive="GARF", pages=P((10, 12)))),
    ("GARF, f. R-9401, op. 2, d. 65, l. 10ob.", unit("R-9401", "2", "65", pages=P((10, 10)))),
    ("GARF, f. R9401, op. 2, d. 65", unit("R9401", "2", "65")),
    ("GARF, f. P-9401, op. 2, d. 65, l. 3", unit("P-9401", "2", "65", pages=P((3, 3)))),
    ("ГАРФ. Ф. Р-9401. Оп. 2. Д. 65. Л. 10–12", unit("Р-9401", "2", "65", archive="GARF", pages=P((10, 12)))),
    ("ГАРФ. Ф. Р9401. Оп. 2. Д. 65. Л. 3 об.", unit("Р9401", "2", "65", pages=P((3, 3)))),
    ("РГАСПИ. Ф. 17. Оп. 3. Д. 1040. Л. 12–13об.", unit("17", "3", "1040", archive="RGASPI", pages=P((12, 13)))),
    ("РГАСПИ. Ф. 17. Оп. 162. Д. 39. Лл. 1–3", unit("17", "162", "39", pages=P((1, 3)))),
    ("РГАНИ. Ф. 5. On. 30. Д. 95. Л. 4", unit("5", "30", "95", archive="RGANI", pages=P((4, 4)))),
    ("РГАСПИ. Ф. 71. Оп. 25. Ед. хр. 101. Л. 3", unit("71", "25", "101", pages=P((3, 3)))),
    ("РГАЛИ. Ф. 631. Оп. 15. Ед.хр. 12. Л. 5", unit("631", "15", "12", archive="RGALI")),
    ("RGALI, f. 631, op. 15, ed. khr. 12, l. 5", unit("631", "15", "12", archive="RGALI", pages=P((5, 5)))),
    ("AVPRF, f. 0100, op. 46, pap. 362, d. 12, l. 5", unit("0100", "46", "12", folder="362", archive="AVPRF")),
    ("AVPRF, f. 0100, op. 46, pa. 362, d. 12", unit("0100", "46", "12", folder="362")),
    ("AVPRF, f. 06, op. 10, p. 34, d. 474, ll. 2–5", unit("06", "10", "474", folder="34", pages=P((2, 5)))),
    ("AVPRF, Fond 06, Opis 10, Papka 34, Delo 474, List 2", unit("06", "10", "474", folder="34", pages=P((2, 2)))),
    ("AVPRF, Fond 06, Opis 10, Folder 34, Delo 474", unit("06", "10", "474", folder="34")),
    ("AVP RF, f. 022, op. 15, p. 158, d. 41, l. 3", unit("022", "15", "41", folder="158")),
    ("АВП РФ. Ф. 06. Оп. 10. П. 34. Д. 474. Л. 2", unit("06", "10", "474", folder="34", archive="AVPRF")),
    ("AVP SSSR, f. 07, op. 23a, p. 18, d. 235, l. 1", unit("07", "23a", "235", archive="AVPRF", folder="18")),
    ("APRF, f. 45, op. 1, d. 331, ll. 59–61", unit("45", "1", "331", archive="APRF", pages=P((59, 61)))),
    ("APRF, f. 3, op. 65, d. 515, l. 3", unit("3", "65", "515", pages=P((3, 3)))),
    ("АП РФ. Ф. 3. Оп. 65. Д. 515. Л. 3", unit("3", "65", "515", archive="APRF")),
    ("RGANI, f. 89, per. 45, dok. 12", unit("89", "45", "12", archive="RGANI")),
    ("RGANI, fond 89, perechen' 45, dokument 12", unit("89", "45", "12")),
    ("TsKhSD, f. 5, op. 30, d. 95, ll. 12–14", unit("5", "30", "95", archive="RGANI", pages=P((12, 14)))),
    ("TsKhSD, f. 4, op. 16, d. 1000", unit("4", "16", "1000", archive="RGANI")),
    ("RTsKhIDNI, f. 17, op. 128, d. 1019, l. 22", unit("17", "128", "1019", archive="RGASPI")),
    ("TsPA, f. 17, op. 2, d. 7, l. 3", unit("17", "2", "7", archive="RGASPI")),
    ("TsGAOR, f. 5446, op. 1, d. 270, l. 3", unit("5446", "1", "270", archive="GARF")),
    ("TsGANKh, f. 4372, op. 4, d. 77, l. 2", unit("4372", "4", "77", archive="RGAE")),
    ("TsGASA, f. 33987, op. 3, d. 400, l. 6", unit("33987", "3", "400", archive="RGVA")),
    ("RGVA, f. 33987, op. 3, d. 400, l. 6", unit("33987", "3", "400", archive="RGVA")),
    ("TsAMO, f. 500, op. 12462, d. 39, l. 5", unit("500", "12462", "39", archive="TsAMO")),
    ("ЦАМО РФ. Ф. 500. Оп. 12462. Д. 39. Л. 5", unit("500", "12462", "39", archive="TsAMO")),
    ("RGIA, f. 1276, op. 17, d. 95, l. 4", unit("1276", "17", "95", archive="RGIA")),
    ("RGVIA, f. 2000, op. 1, d. 100, l. 1", unit("2000", "1", "100", archive="RGVIA")),
    ("RGAE, f. 4372, op. 66, d. 2, ll. 5-7ob.", unit("4372", "66", "2", pages=P((5, 7)))),
    ("RGASPI, f. 17, op. 162, dd. 1-5", unit("17", "162", "1-5")),
    ("RGASPI, f. 82, op. 2, d. 1, ll. 211-9", unit("82", "2", "1", pages=P((211, 219)))),
    ("RGASPI, f. 82, op. 2, d. 1, ll. 1456-58", unit("82", "2", "1", pages=P((1456, 1458)))),
    ("RGASPI, f. 82, op. 2, d. 1, ll. 12ff.", unit("82", "2", "1", pages=P((12, 12)))),
    ("RGASPI, f. 17, op. 3, d. 1040, ll. 3, 5–7", unit("17", "3", "1040", pages=P((3, 3), (5, 7)))),
    ("RGASPI, 558/11/65", unit("558", "11", "65", archive="RGASPI")),
    ("RGASPI 17/162/39", unit("17", "162", "39")),
    ("RGASPI, 17/3/1040/12", unit("17", "3", "1040", pages=P((12, 12)))),
    ("GARF R9401 2 65", unit("R9401", "2", "65", archive="GARF")),
    ("GARF 5446 1 270", unit("5446", "1", "270")),
    ("RGANI 5/30/95", unit("5", "30", "95", archive="RGANI")),
    ("Russian State Archive of Socio-Political History (RGASPI), f. 17, op. 3, d. 1040", unit("17", "3", "1040", archive="RGASPI", archive_stated=True)),
    ("Russian State Archive of Socio-Political History (hereafter RGASPI), f. 17, op. 3, d. 1040", unit("17", "3", "1040", archive="RGASPI")),
    ("State Archive of the Russian Federation (GARF), f. R-5446, op. 1, d. 12", unit("R-5446", "1", "12", archive="GARF")),
    ("Rossiiskii gosudarstvennyi arkhiv sotsial'no-politicheskoi istorii, f. 17, op. 3, d. 1040", unit("17", "3", "1040", archive="RGASPI")),
    ("Российский государственный архив социально-политической истории. Ф. 17. Оп. 3. Д. 1040", unit("17", "3", "1040", archive="RGASPI")),
    ("Archive of Foreign Policy of the Russian Federation (AVPRF), f. 0100, op. 46, p. 362, d. 12", unit("0100", "46", "12", archive="AVPRF", folder="362")),
    ("Archive of the President of the Russian Federation, f. 3, op. 65, d. 515", unit("3", "65", "515", archive="APRF")),
    ("RGANI, f. 5, op. 30, roll 4521, no. 12", unit("5", "30", "12", reel="4521")),
    ("RGANI, f. 89, op. 13, rolik 1.1003, d. 10", unit("89", "13", "10", reel="1.1003")),
    ("RGANI, fond 89, opis 13, reel 1.1003, file 10", unit("89", "13", "10", reel="1.1003")),
    ("RGASPI, f. 17, op. 3, d. 1040, l. 12; d. 1041, l. 3", unit("17", "3", "1040", pages=P((12, 12)))),
    ("Record of conversation with Mao Zedong, 31 July 1958, APRF, f. 45, op. 1, d. 331, ll. 59–61", unit("45", "1", "331", date="1958-07-31", title="Record of conversation with Mao Zedong")),
    ("APRF, f. 45, op. 1, d. 331, ll. 59–61. Record of conversation with Mao Zedong, 31 July 1958", unit("45", "1", "331", date="1958-07-31", pages=P((59, 61)))),
    ("Letter of Khrushchev to Mao, 2 October 1959, RGANI, f. 52, op. 1, d. 498, l. 3", unit("52", "1", "498", date="1959-10-02")),
    ("RGANI, f. 3, op. 14, d. 1, l. 2. Protokol No. 12, 10 January 1957", unit("3", "14", "1", date="1957-01-10")),
    ("TsDAHO, f. 1, op. 23, spr. 45, ark. 12", unit("1", "23", "45", archive="TsDAHO", pages=P((12, 12)))),
    ("TsDAHO, f. 1, op. 24, spr. 4263, ark. 1–5", unit("1", "24", "4263", pages=P((1, 5)))),
    ("ЦДАГО України. Ф. 1. Оп. 23. Спр. 45. Арк. 12", unit("1", "23", "45", archive="TsDAHO", pages=P((12, 12)))),
    ("TsDAVO, f. 4620, op. 3, sprava 8, ark. 3", unit("4620", "3", "8", archive="TsDAVO")),
    ("HDA SBU, f. 16, op. 1, spr. 1234, ark. 5", unit("16", "1", "1234", archive="HDA SBU", pages=P((5, 5)))),
    ("ГДА СБУ. Ф. 16. Оп. 1. Спр. 1234. Арк. 5", unit("16", "1", "1234", archive="HDA SBU")),
    ("RGASPI, f. 17, op. 3, d. 1040, ll. 12–14, passim", unit("17", "3", "1040")),
    ("f. 5, op. 30, d. 95, l. 4", unit("5", "30", "95", archive=None, pages=P((4, 4)))),
    ("Fond 5, Opis 30, Delo 95, List 4", unit("5", "30", "95", pages=P((4, 4)))),
    ("Ф. 5. Оп. 30. Д. 95. Л. 4", unit("5", "30", "95", pages=P((4, 4)))),
    ("ф. 5, оп. 30, д. 95, л. 4", unit("5", "30", "95", pages=P((4, 4)))),
    ("RGASPI, f. 17, op. 3, d. 1040. Vypiska iz protokola Politbiuro, 5 March 1953, l. 7", unit("17", "3", "1040", date="1953-03-05", pages=P((7, 7)))),
    ("RGANI, f. 5, op. 30, d. 95, l. 4 ob.", unit("5", "30", "95", pages=P((4, 4)))),
    ("RGANI, f.5, op.30, d.95, l.4", unit("5", "30", "95", pages=P((4, 4)))),
    ("RGANI, f. 5. op. 30. d. 95. l. 4", unit("5", "30", "95", pages=P((4, 4)))),
    ("RGANI, f. 5 op. 30 d. 95 l. 4", unit("5", "30", "95", pages=P((4, 4)))),
    ("RGASPI, f. 558, op. 11, d. 65, l. 3, 5", unit("558", "11", "65", pages=P((3, 3), (5, 5)))),
    ("RGASPI, f. 17, op. 166, d. 1001, pp. 12-15", unit("17", "166", "1001", pages=P((12, 15)))),
    ("RGASPI, f. 17, op. 166, d. 1001, p. 12", unit("17", "166", "1001", pages=P((12, 12)))),
    ("RGAE, fond 4372, opis 66, delo 2, listy 5–7", unit("4372", "66", "2", pages=P((5, 7)))),
    ("GARF, fond 5446, opis 1, delo 270, list 3", unit("5446", "1", "270", pages=P((3, 3)))),
    ("GARF, f. 9401, op. 2, d. 65, ll. 1–3; d. 66, l. 4", unit("9401", "2", "65", pages=P((1, 3)))),
    ("AVPRF, f. 0100, op. 46, papka 362, delo 12, list 5", unit("0100", "46", "12", folder="362", pages=P((5, 5)))),
    ("AVPRF, Fond 0100, Opis 46, Papka 362, Delo 12", unit("0100", "46", "12", folder="362")),
    ("RGASPI, f. 495, op. 74, d. 3, l. 8", unit("495", "74", "3")),
    ("RGASPI, f. 514, op. 1, d. 1043, l. 1", unit("514", "1", "1043")),
    ("RGANI, f. 2, op. 1, d. 249, ll. 1-42", unit("2", "1", "249", pages=P((1, 42)))),
    ("RGANI, f. 4, op. 18, d. 1113, l. 12", unit("4", "18", "1113")),
]  # fmt: skip

OTHER = [
    # NARA
    ("NARA, RG 59, CDF 1950–1954, 611.61/1-1555", unit("59", "CDF 1950–1954", "611.61/1-1555", archive="NARA")),
    ("NARA, RG 59, Central Files 1967–69, POL 27 VIET S", unit("59", "Central Files 1967–69", "POL 27 VIET S")),
    ("NARA, RG 59, CFPF 1970–73, POL 7 US-USSR", unit("59", "CFPF 1970–73", "POL 7 US-USSR")),
    ("NARA, RG 59, Subject-Numeric Files 1970–73, DEF 12-5 GER W", unit("59", "Subject-Numeric Files 1970–73", "DEF 12-5 GER W")),
    ("NARA, RG 59, Entry 5403, Box 12", unit("59", "5403", None, folder="12")),
    ("NARA, RG 59, Entry A1–5066, Box 3, Yalta 1955", unit("59", "A1–5066", "Yalta 1955", folder="3")),
    ("NARA, RG 59, Lot 66 D 193, Box 3, Vietnam 1963", unit("59", "Lot 66 D 193", "Vietnam 1963", folder="3")),
    ("NARA, RG 59, FE Files, Lot 61 D 6, Box 2", unit("59", "Lot 61 D 6", None, folder="2")),
    ("National Archives, Record Group 84, Box 211, Saigon Embassy Files 1964", unit("84", None, "Saigon Embassy Files 1964", archive="NARA", folder="211")),
    ("RG 59, Box 2511, Vietnam Cables 1966", unit("59", None, "Vietnam Cables 1966", folder="2511")),
    ("NARA, RG 218, Records of the JCS, Chairman's Files, Box 5", unit("218", "Chairman's Files", None, folder="5")),
    ("NARA, RG 59, Box 5, Folder 3", unit("59", None, "3", folder="5")),
    ("NARA, RG 59, Box 5, folder 3", unit("59", None, "3", folder="5")),
    ("Kennan to Acheson, March 3, 1950, NARA, RG 59, CDF 1950–1954, 611.61/3-350", unit("59", "CDF 1950–1954", "611.61/3-350", date="1950-03-03", title="Kennan to Acheson")),
    ("NARA, RG 59, M1444, roll 5", unit("59", None, None, reel="5")),
    # presidential libraries, LOC, DOS
    ("LBJL, NSF, Country File, Vietnam, Box 12, Memos to the President", unit("NSF", "Country File, Vietnam", "Memos to the President", archive="LBJL", folder="12")),
    ("JFKL, Papers of President Kennedy, National Security Files, Countries, Box 128, Laos General", unit("Papers of President Kennedy", "National Security Files, Countries", "Laos General", archive="JFKL", folder="128")),
    ("Eisenhower Library, Dulles Papers, Subject Series, Box 8, Yalta Papers 1955", unit("Dulles Papers", "Subject Series", "Yalta Papers 1955", archive="DDEL", folder="8")),
    ("Truman Library, Acheson Papers, Box 65, Memoranda of Conversations", unit("Acheson Papers", None, "Memoranda of Conversations", archive="HSTL", folder="65")),
    ("Nixon Library, NSC Files, Box 1036, China Trip", unit("NSC Files", None, "China Trip", archive="RMNL", folder="1036")),
    ("Ford Library, National Security Adviser, Box 2, Memcons", unit("National Security Adviser", None, "Memcons", archive="GRFL", folder="2")),
    ("Carter Library, Brzezinski Collection, Box 23, China", unit("Brzezinski Collection", None, "China", archive="JCL", folder="23")),
    ("Kennan to Acheson, March 3, 1950, LCM, Harriman Papers, Box 12, Chronological File", unit("Harriman Papers", None, "Chronological File", archive="LOC", folder="12", date="1950-03-03", title="Kennan to Acheson")),
    ("Library of Congress, Manuscript Division, Harriman Papers, Box 12, Chronological File", unit("Harriman Papers", None, "Chronological File", archive="LOC")),
    ("Library of Congress, Papers of W. Averell Harriman, Box 12, Chronological File", unit("Papers of W. Averell Harriman", None, "Chronological File", archive="LOC")),
    ("Department of State, S/P Files, Lot 67 D 548, Box 5, Vietnam", unit(None, "Lot 67 D 548", "Vietnam", archive="DOS", folder="5")),
    ("Department of State, INR Files, Lot 58 D 776, Box 3", unit(None, "Lot 58 D 776", None, archive="DOS", folder="3")),
    # UK
    ("TNA, FO 371/123456", unit("FO", "371", "123456", archive="TNA")),
    ("TNA: PRO, FO 371/135652, F 1041/5", unit("FO", "371", "135652", subfile="F 1041/5", archive="TNA")),
    ("PRO, PREM 11/1234", unit("PREM", "11", "1234", archive="TNA")),
    ("PRO, CAB 128/29, CM (55) 12", unit("CAB", "128", "29", subfile="CM (55) 12")),
    ("FO 371/84080, FZ 1015/2", unit("FO", "371", "84080", subfile="FZ 1015/2", archive="TNA", archive_stated=False)),
    ("The National Archives, Kew, DEFE 4/90", unit("DEFE", "4", "90", archive="TNA")),
    ("Public Record Office, CO 1030/123", unit("CO", "1030", "123", archive="TNA")),
    ("TNA, WO 208/1234", unit("WO", "208", "1234")),
    ("TNA, T 236/456", unit("T", "236", "456")),
    # Germany
    ("SAPMO-BArch, DY 30/IV 2/2.035/56", unit("DY 30", None, "IV 2/2.035/56", archive="BArch")),
    ("SAPMO-BArch, DY 30/J IV 2/2/123, Bl. 5-7", unit("DY 30", None, "J IV 2/2/123", pages=P((5, 7)))),
    ("BArch, B 136/1234", unit("B 136", None, "1234", archive="BArch")),
    ("SAPMO-BArch, NY 4090/123, Bl. 12", unit("NY 4090", None, "123", pages=P((12, 12)))),
    ("Bundesarchiv, DC 20/I/3/123", unit("DC 20", None, "I/3/123", archive="BArch")),
    ("PA AA, B 150, Bd. 12", unit("B 150", None, "12", archive="PAAA", folder=None)),
    ("PAAA, MfAA, A 17392, Bl. 12", unit("MfAA", None, "A 17392", archive="PAAA", pages=P((12, 12)))),
    # France
    ("AMAE, Asie-Océanie 1944–1955, Indochine, vol. 123", unit("Asie-Océanie 1944–1955", "Indochine", None, archive="AMAE", folder="123")),
    ("ANOM, HCI, carton 123, dossier 456", unit("HCI", None, "456", archive="ANOM", folder="123")),
    ("CAOM, HCI, carton 12, dossier 34", unit("HCI", None, "34", archive="ANOM", folder="12")),
    ("SHD, 10 H 159, dossier 2", unit("10 H", None, "159", subfile="2", archive="SHD")),
    # China, Hungary, Poland, Czechia, Vietnam
    ("PRC FMA 105-00650-02", unit(None, None, "105-00650-02", archive="PRC-FMA")),
    ("Chinese Foreign Ministry Archives, 204-00007-15, pp. 3–5", unit(None, None, "204-00007-15", archive="PRC-FMA", pages=P((3, 5)))),
    ("CFMA, 106-00010-01", unit(None, None, "106-00010-01", archive="PRC-FMA")),
    ("MNL OL, M-KS 288. f. 5. cs. 12. ő. e.", unit("M-KS 288", "5", "12", archive="MNL")),
    ("MOL, M-KS 288. f. 4. cs. 45. ő. e.", unit("M-KS 288", "4", "45", archive="MNL")),
    ("MNL OL, XIX-J-1-j, 45. doboz", unit("XIX-J-1-j", None, None, archive="MNL", folder="45")),
    ("AAN, KC PZPR, XI A/123, k. 5", unit("KC PZPR", None, "XI A/123", archive="AAN", pages=P((5, 5)))),
    ("AAN, KC PZPR, sygn. 1234, k. 45–47", unit("KC PZPR", None, "1234", pages=P((45, 47)))),
    ("AMSZ, z. 23, w. 12, t. 345", unit("23", None, "345", archive="AMSZ", folder="12")),
    ("NA, KSČ-ÚV-02/1, sv. 12, a.j. 34", unit("KSČ-ÚV-02/1", None, "34", archive="NA", folder="12")),
    ("VNA-3, Phủ Thủ tướng, hồ sơ 1234", unit("Phủ Thủ tướng", None, "1234", archive="VNA")),
    ("VNA 3, Prime Minister's Office, file 1234", unit("Prime Minister's Office", None, "1234", archive="VNA")),
]  # fmt: skip

NEAR_MISSES = [
    "the records of RG 59 at the National Archives",
    "Fund 5",
    "the file was kept in box 5 of the cellar",
    "pp. 12–14",
    "ll. 3-5",
    "Foreign Relations of the United States, 1949, vol. IX, The Far East; China, pp. 1365–1409",
    "S. Doc. 212, 71st Cong., 3rd Sess.",
    "Box 12",
    "the Eisenhower Library holds his papers",
    "NARA",
    "the fund of 5 million dollars",
    "d. 5, l. 3",
    "op. 3, d. 5",
    "He filed 12 reports in 1950",
    "a list of 54 names",
    "Dulles Papers",
    "National Security Archive Electronic Briefing Book No. 179, February 21, 2006",
    "Department of State, Office of the Historian website, https://history.state.gov/about/hac/june-1996",
    "see the Harriman Papers",
    "Inventory of the Harriman Papers",
    "Journal of Cold War Studies 3, no. 2 (2001): 47-52",
    "vol. 2, pt. 1, Document 138",
    "the 1955 Yalta Papers",
    "Folder 3",
    "10 percent of the files",
    "Record Group 59",
    "Box 5, 1947–1948",
    "Entry",
    "FO",
    "file 1062",
    "page 5 of the memoir",
    "RGASPI",
    "the Eisenhower Library's Ann Whitman File",
    "Public Record Office, London",
    "fond 17 of the party archive",
    "he kept the files in box 3",
    "FRUS, 1961–1963, vol. I, doc. 12",
    "Box 3, Folder 2",
    "Robert Hill to Department of State, August 15, 1957",
    "Inside the State Department: A Candid Appraisal of the Bureaucracy (New York: Comet Press, 1956), pp. 37–57",
    "Foreign Relations of the United States: Diplomatic Papers, The Soviet Union, 1933–1939, pp. III–IV",
    "Department of State OIG Report, May 2009, Department of State, ISP-I-09-43, http://oig.state.gov/documents/124568.pdf",
]


# Variants written for the second round (issue 11), none in tests/data/locators.jsonl: other
# numbers, archives, orders and languages of the same conventions, to check that the grammar
# generalises beyond its table. Each row lists every record with all its non-null fields.
VARIANTS = [
    ('RGASPI, f. 558, op. 11, d. 1234, ll. 45–47ob.', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '558', 'inventory': '11', 'file': '1234', 'pages': [[45, 47]]}]),
    ('РГАНИ, ф. 89, пер. 37, док. 12, л. 3', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '89', 'inventory': '37', 'file': '12', 'pages': [[3, 3]]}]),
    ('TsKhSD, fond 4, opis 18, delo 1024, listy 12-14', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '4', 'inventory': '18', 'file': '1024', 'pages': [[12, 14]]}]),
    ('Russian State Archive of Contemporary History (RGANI), f. 5, op. 49, d. 235, ll. 11-14', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '49', 'file': '235', 'pages': [[11, 14]]}]),
    ('AVP RF, f. 0100, op. 48, p. 395, d. 12, l. 45', [{'archive': 'AVPRF', 'archive_stated': True, 'fund': '0100', 'inventory': '48', 'folder': '395', 'file': '12', 'pages': [[45, 45]]}]),
    ('GARF, f. R-7523, op. 65, d. 303, l. 19; d. 304, l. 2', [{'archive': 'GARF', 'archive_stated': True, 'fund': 'R-7523', 'inventory': '65', 'file': '303', 'pages': [[19, 19]]}, {'archive': 'GARF', 'archive_stated': True, 'fund': 'R-7523', 'inventory': '65', 'file': '304', 'pages': [[2, 2]]}]),
    ('APRF, f. 3, op. 66, d. 870, ll. 33-35', [{'archive': 'APRF', 'archive_stated': True, 'fund': '3', 'inventory': '66', 'file': '870', 'pages': [[33, 35]]}]),
    ('RGANI, f. 3, op. 16, d. 947, l. 26 ob.', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '3', 'inventory': '16', 'file': '947', 'pages': [[26, 26]]}]),
    ('Report of the Soviet embassy in Hanoi, 12 June 1965, RGANI, f. 5, op. 50, d. 722, ll. 100–115', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '50', 'file': '722', 'pages': [[100, 115]], 'date': '1965-06-12', 'title': 'Report of the Soviet embassy in Hanoi'}]),
    ('ЦДАГО України, ф. 1, оп. 24, спр. 4263, арк. 1–5', [{'archive': 'TsDAHO', 'archive_stated': True, 'fund': '1', 'inventory': '24', 'file': '4263', 'pages': [[1, 5]]}]),
    ('RGASPI 17/162/25', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '162', 'file': '25'}]),
    ('GARF 9401/2/199', [{'archive': 'GARF', 'archive_stated': True, 'fund': '9401', 'inventory': '2', 'file': '199'}]),
    ('Archive of Foreign Policy of the Russian Federation (hereafter AVPRF), f. 022, op. 12, p. 141, d. 10, ll. 5–9', [{'archive': 'AVPRF', 'archive_stated': True, 'fund': '022', 'inventory': '12', 'folder': '141', 'file': '10', 'pages': [[5, 9]]}]),
    ('RGASPI, f. 17, op. 3, dd. 1060-1062', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1060-1062'}]),
    ('НАРБ, ф. 4п, оп. 29, д. 155, л. 7', [{'archive': 'NARB', 'archive_stated': True, 'fund': '4п', 'inventory': '29', 'file': '155', 'pages': [[7, 7]]}]),
    ('TsAMO RF, f. 3, op. 11556, d. 11, l. 215', [{'archive': 'TsAMO', 'archive_stated': True, 'fund': '3', 'inventory': '11556', 'file': '11', 'pages': [[215, 215]]}]),
    ('RGANI, f. 5, op. 30, d. 95, ll. 4–10 passim', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '30', 'file': '95', 'pages': [[4, 10]]}]),
    ("Zapis' besedy s poslom, 3 iiunia 1966 g., AVPRF, f. 079, op. 21, p. 45, d. 3, ll. 12–15", [{'archive': 'AVPRF', 'archive_stated': True, 'fund': '079', 'inventory': '21', 'folder': '45', 'file': '3', 'pages': [[12, 15]], 'date': '1966-06-03', 'title': "Zapis' besedy s poslom"}]),
    ('NARA, RG 59, Central Decimal File 1960–63, 751K.00/5-1262', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'Central Decimal File 1960–63', 'file': '751K.00/5-1262'}]),
    ('RG 59, CFPF 1967–69, POL 27-14 VIET, Box 2739, National Archives', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'CFPF 1967–69', 'folder': '2739', 'file': 'POL 27-14 VIET'}]),
    ('National Archives, RG 84, Foreign Service Posts of the Department of State, Saigon Embassy, Classified General Records, 1953–1955, Box 7, 350 Indochina', [{'archive': 'NARA', 'archive_stated': True, 'fund': '84', 'inventory': 'Saigon Embassy, Classified General Records, 1953–1955', 'folder': '7', 'file': '350 Indochina'}]),
    ("NARA, RG 218, Chairman's File, General Radford, 1953–1957, Box 14", [{'archive': 'NARA', 'archive_stated': True, 'fund': '218', 'inventory': "Chairman's File, General Radford, 1953–1957", 'folder': '14'}]),
    ('NARA, RG 59, Lot 70 D 48, Box 12, Vietnam 1968', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'Lot 70 D 48', 'folder': '12', 'file': 'Vietnam 1968'}]),
    ('NARA, RG 59, Entry A1 5536, Box 5', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'A1 5536', 'folder': '5'}]),
    ('JFKL, NSF, Countries, Box 196, Laos: General, 1/61–3/61', [{'archive': 'JFKL', 'archive_stated': True, 'fund': 'NSF', 'inventory': 'Countries', 'folder': '196', 'file': 'Laos: General, 1/61–3/61'}]),
    ('DDEL, Ann Whitman File, NSC Series, Box 6, 214th Meeting', [{'archive': 'DDEL', 'archive_stated': True, 'fund': 'Ann Whitman File', 'inventory': 'NSC Series', 'folder': '6', 'file': '214th Meeting'}]),
    ('Nixon Library, NSC Files, Country Files—Far East, Box 535, Cambodia Vol. II', [{'archive': 'RMNL', 'archive_stated': True, 'fund': 'NSC Files', 'inventory': 'Country Files—Far East', 'folder': '535', 'file': 'Cambodia Vol. II'}]),
    ('Ford Library, National Security Adviser, Memoranda of Conversations, Box 9', [{'archive': 'GRFL', 'archive_stated': True, 'fund': 'National Security Adviser', 'inventory': 'Memoranda of Conversations', 'folder': '9'}]),
    ('Truman Library, Acheson Papers, Box 67, Memoranda of Conversations, January 1951', [{'archive': 'HSTL', 'archive_stated': True, 'fund': 'Acheson Papers', 'folder': '67', 'file': 'Memoranda of Conversations, January 1951'}]),
    ('LOC, Manuscript Division, Averell Harriman Papers, Box 520', [{'archive': 'LOC', 'archive_stated': True, 'fund': 'Averell Harriman Papers', 'folder': '520'}]),
    ('Library of Congress, Papers of Curtis LeMay, Box B-61, Folder 3', [{'archive': 'LOC', 'archive_stated': True, 'fund': 'Papers of Curtis LeMay', 'folder': 'B-61', 'file': '3'}]),
    ('Department of State, Central Files, POL 27 VIET S', [{'archive': 'DOS', 'archive_stated': True, 'inventory': 'Central Files', 'file': 'POL 27 VIET S'}]),
    ('Department of State, S/P Files: Lot 69 D 121, Box 212', [{'archive': 'DOS', 'archive_stated': True, 'inventory': 'Lot 69 D 121', 'folder': '212'}]),
    ('Kennedy to Khrushchev, October 22, 1962, JFKL, POF, Countries, Box 127', [{'archive': 'JFKL', 'archive_stated': True, 'fund': 'POF', 'inventory': 'Countries', 'folder': '127', 'date': '1962-10-22', 'title': 'Kennedy to Khrushchev'}]),
    ('Memo, Bundy to the President, 3/4/65, "Vietnam" folder, Box 3, Bundy Files, NSF, LBJL.', [{'archive': 'LBJL', 'archive_stated': True, 'fund': 'NSF', 'inventory': 'Bundy Files', 'folder': '3', 'file': 'Vietnam', 'date': '1965-03-04', 'title': 'Memo, Bundy to the President'}]),
    ('TNA, FO 371/166789', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'FO', 'inventory': '371', 'file': '166789'}]),
    ('The National Archives (TNA), PREM 11/3785', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'PREM', 'inventory': '11', 'file': '3785'}]),
    ('PRO, CAB 128/30, CM (56) 54', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'CAB', 'inventory': '128', 'file': '30', 'subfile': 'CM (56) 54'}]),
    ('FO 371/123456, FZ 1071/12', [{'archive': 'TNA', 'archive_stated': False, 'fund': 'FO', 'inventory': '371', 'file': '123456', 'subfile': 'FZ 1071/12'}]),
    ('TNA, DEFE 5/65, f. 34', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'DEFE', 'inventory': '5', 'file': '65', 'pages': [[34, 34]]}]),
    ('SAPMO-BArch, DY 30/IV 2/2.035/34, Bl. 88–93', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'DY 30', 'file': 'IV 2/2.035/34', 'pages': [[88, 93]]}]),
    ('BArch, B 136/3847', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'B 136', 'file': '3847'}]),
    ('PA AA, B 150, Bd. 43', [{'archive': 'PAAA', 'archive_stated': True, 'fund': 'B 150', 'file': '43'}]),
    ('Bundesarchiv, NY 4036/670, Bl. 12', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'NY 4036', 'file': '670', 'pages': [[12, 12]]}]),
    ('MAE, Asie-Océanie 1944–1955, Vietnam, vol. 67', [{'archive': 'AMAE', 'archive_stated': True, 'fund': 'Asie-Océanie 1944–1955', 'inventory': 'Vietnam', 'folder': '67'}]),
    ('ANOM, GGI, carton 124, dossier 2', [{'archive': 'ANOM', 'archive_stated': True, 'fund': 'GGI', 'folder': '124', 'file': '2'}]),
    ('SHD, GR 10 H 2458', [{'archive': 'SHD', 'archive_stated': True, 'fund': 'GR 10 H', 'file': '2458'}]),
    ('AN, 5 AG 1/271', [{'archive': 'AN', 'archive_stated': True, 'fund': '5 AG 1', 'file': '271'}]),
    ('PRC FMA 204-00642-03', [{'archive': 'PRC-FMA', 'archive_stated': True, 'file': '204-00642-03'}]),
    ('CFMA, 106-00658-01, pp. 4-7', [{'archive': 'PRC-FMA', 'archive_stated': True, 'file': '106-00658-01', 'pages': [[4, 7]]}]),
    ('VNA III, Phông Phủ Thủ tướng, hồ sơ 1214', [{'archive': 'VNA', 'archive_stated': True, 'fund': 'Phủ Thủ tướng', 'file': '1214'}]),
    ('MNL OL, XIX-J-1-j, Vietnam, 1967, 155. doboz, 162-1, 002145/1967', [{'archive': 'MNL', 'archive_stated': True, 'fund': 'XIX-J-1-j', 'inventory': 'Vietnam, 1967', 'folder': '155', 'file': '162-1', 'subfile': '002145/1967'}]),
    ('MOL, M-KS 288. f. 5/428. ő.e.', [{'archive': 'MNL', 'archive_stated': True, 'fund': 'M-KS 288', 'inventory': '5', 'file': '428'}]),
    ('AAN, KC PZPR, sygn. 237/XXII-1446, k. 15', [{'archive': 'AAN', 'archive_stated': True, 'fund': 'KC PZPR', 'file': '237/XXII-1446', 'pages': [[15, 15]]}]),
    ('AMSZ, z. 23, w. 40, t. 536, k. 4', [{'archive': 'AMSZ', 'archive_stated': True, 'fund': '23', 'folder': '40', 'file': '536', 'pages': [[4, 4]]}]),
    ('NA, f. KSČ-ÚV-02/1, sv. 130, a.j. 136, bod 5', [{'archive': 'NA', 'archive_stated': True, 'fund': 'KSČ-ÚV-02/1', 'folder': '130', 'file': '136', 'subfile': '5'}]),
    ('AMZV, TO-T 1970–1974, Vietnam, krabice 2, obal 7', [{'archive': 'AMZV', 'archive_stated': True, 'fund': 'TO-T 1970–1974', 'inventory': 'Vietnam', 'folder': '2', 'file': '7'}]),
    ('ANIC, fond CC al PCR – Secţia Relaţii Externe, dosar 35/1969, f. 4', [{'archive': 'ANIC', 'archive_stated': True, 'fund': 'CC al PCR', 'inventory': 'Secţia Relaţii Externe', 'file': '35/1969', 'pages': [[4, 4]]}]),
    ('TsDA, f. 1B, op. 64, a.e. 389, l. 3', [{'archive': 'TsDA', 'archive_stated': True, 'fund': '1B', 'inventory': '64', 'file': '389', 'pages': [[3, 3]]}]),
    ('Memorandum of conversation, Rusk and Gromyko, October 18, 1962, NARA, RG 59, CFPF 1961–63, POL US-USSR, Box 3919', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'CFPF 1961–63', 'folder': '3919', 'file': 'POL US-USSR', 'date': '1962-10-18', 'title': 'Memorandum of conversation, Rusk and Gromyko'}]),
    ('Record of conversation between Khrushchev and Mao, 2 October 1959, APRF, f. 52, op. 1, d. 499, ll. 1–33; see also RGANI, f. 3, op. 12, d. 1010, l. 5.', [{'archive': 'APRF', 'archive_stated': True, 'fund': '52', 'inventory': '1', 'file': '499', 'pages': [[1, 33]], 'date': '1959-10-02', 'title': 'Record of conversation between Khrushchev and Mao'}, {'archive': 'RGANI', 'archive_stated': True, 'fund': '3', 'inventory': '12', 'file': '1010', 'pages': [[5, 5]]}]),
    ('Brezhnev to Le Duan, 11 March 1968, RGANI, f. 2, op. 3, d. 112, l. 7.', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '2', 'inventory': '3', 'file': '112', 'pages': [[7, 7]], 'date': '1968-03-11', 'title': 'Brezhnev to Le Duan'}]),
    ('Hoover Institution Archives, Stefan T. Possony Papers, Box 12, Folder 4', [{'archive': 'HIA', 'archive_stated': True, 'fund': 'Stefan T. Possony Papers', 'folder': '12', 'file': '4'}]),
    ('Bericht der Botschaft Peking, 5. März 1965, PA AA, MfAA, C 1223/72, Bl. 14', [{'archive': 'PAAA', 'archive_stated': True, 'fund': 'MfAA', 'file': 'C 1223/72', 'pages': [[14, 14]], 'date': '1965-03-05', 'title': 'Bericht der Botschaft Peking'}]),
    ("Lettre de l'ambassadeur, 3 avril 1956, AMAE, Asie-Océanie 1956–1967, Cambodge, vol. 12", [{'archive': 'AMAE', 'archive_stated': True, 'fund': 'Asie-Océanie 1956–1967', 'inventory': 'Cambodge', 'folder': '12', 'date': '1956-04-03', 'title': "Lettre de l'ambassadeur"}]),
    ('RGASPI f. 17, op. 3, d. 1040', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1040'}]),
    ('RGASPI (Moscow), f. 17, op. 3, d. 1040, l. 5', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1040', 'pages': [[5, 5]]}]),
    ('RGANI F. 5 Op. 30 D. 95 L. 4', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '30', 'file': '95', 'pages': [[4, 4]]}]),
    ('GARF f. R-9401, op. 2, d. 64, l. 3-5', [{'archive': 'GARF', 'archive_stated': True, 'fund': 'R-9401', 'inventory': '2', 'file': '64', 'pages': [[3, 5]]}]),
    ('RGASPI, f. 17, op. 162, d. 39, ll. 1, 3–5, 7ob.', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '162', 'file': '39', 'pages': [[1, 1], [3, 5], [7, 7]]}]),
    ('TsKhSD f. 89, per. 46, dok. 23', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '89', 'inventory': '46', 'file': '23'}]),
    ('Arkhiv vneshnei politiki Rossiiskoi Federatsii (AVP RF), f. 07, op. 23a, p. 18, d. 235, l. 1', [{'archive': 'AVPRF', 'archive_stated': True, 'fund': '07', 'inventory': '23a', 'folder': '18', 'file': '235', 'pages': [[1, 1]]}]),
    ('TsDAHO, f. 1, op. 24, spr. 4255, ark. 12zv.', [{'archive': 'TsDAHO', 'archive_stated': True, 'fund': '1', 'inventory': '24', 'file': '4255', 'pages': [[12, 12]]}]),
    ('ЦДАГО, ф. 1, оп. 23, спр. 45, арк. 12–13 зв.', [{'archive': 'TsDAHO', 'archive_stated': True, 'fund': '1', 'inventory': '23', 'file': '45', 'pages': [[12, 13]]}]),
    ('RGANI, f. 3, op. 14, d. 1, ll. 2-3; op. 16, d. 5, l. 1', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '3', 'inventory': '14', 'file': '1', 'pages': [[2, 3]]}, {'archive': 'RGANI', 'archive_stated': True, 'fund': '3', 'inventory': '16', 'file': '5', 'pages': [[1, 1]]}]),
    ('RGANI, f. 89, op. 46, d. 12, l. 3 (Hoover Institution microfilm, reel 1.993)', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '89', 'inventory': '46', 'file': '12', 'reel': '1.993', 'pages': [[3, 3]]}]),
    ('Information from the CC CPSU, 5 March 1965, RGANI, f. 5, op. 50, d. 722, ll. 100–115.', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '50', 'file': '722', 'pages': [[100, 115]], 'date': '1965-03-05', 'title': 'Information from the CC CPSU'}]),
    ('RGASPI, f. 17, op. 3, d. 1040, l. 12, 14, 16', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1040', 'pages': [[12, 12], [14, 14], [16, 16]]}]),
    ('GARF, f. 5446, op. 1, dd. 12, 14', [{'archive': 'GARF', 'archive_stated': True, 'fund': '5446', 'inventory': '1', 'file': '12'}, {'archive': 'GARF', 'archive_stated': True, 'fund': '5446', 'inventory': '1', 'file': '14'}]),
    ('NARA, RG 59, Records of the Policy Planning Staff, 1947–53, Lot 64 D 563, Box 12', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'Lot 64 D 563', 'folder': '12'}]),
    ('RG 59, Central Files, 1964–66, POL 27 VIET S, Box 2950, NARA', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'Central Files, 1964–66', 'folder': '2950', 'file': 'POL 27 VIET S'}]),
    ('LBJ Library, NSF, Vietnam Country File, Box 12', [{'archive': 'LBJL', 'archive_stated': True, 'fund': 'NSF', 'inventory': 'Vietnam Country File', 'folder': '12'}]),
    ('Eisenhower Library, Dulles Papers, Telephone Conversations Series, Box 10, Memoranda of Telephone Conversations—White House, March 7, 1955–August 29, 1955 (3)', [{'archive': 'DDEL', 'archive_stated': True, 'fund': 'Dulles Papers', 'inventory': 'Telephone Conversations Series', 'folder': '10', 'file': 'Memoranda of Telephone Conversations—White House, March 7, 1955–August 29, 1955 (3)'}]),
    ("Kennedy Library, President's Office Files, Countries, Box 128, Vietnam General", [{'archive': 'JFKL', 'archive_stated': True, 'fund': "President's Office Files", 'inventory': 'Countries', 'folder': '128', 'file': 'Vietnam General'}]),
    ('Reagan Library, NSC Executive Secretariat, Country File, Box 20', [{'archive': 'RRL', 'archive_stated': True, 'fund': 'NSC Executive Secretariat', 'inventory': 'Country File', 'folder': '20'}]),
    ('Library of Congress, Manuscript Division, Papers of Averell Harriman, Box 520, Folder 3', [{'archive': 'LOC', 'archive_stated': True, 'fund': 'Papers of Averell Harriman', 'folder': '520', 'file': '3'}]),
    ('Harry S. Truman Library, Papers of Dean Acheson, Box 64', [{'archive': 'HSTL', 'archive_stated': True, 'fund': 'Papers of Dean Acheson', 'folder': '64'}]),
    ('Telegram 1234 from Saigon, June 3, 1965, NARA, RG 59, CFPF 1964–66, POL 27 VIET S', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'CFPF 1964–66', 'file': 'POL 27 VIET S', 'date': '1965-06-03', 'title': 'Telegram 1234 from Saigon'}]),
    ('NARA, RG 84, Saigon Embassy Files, 1953–1955, Box 7', [{'archive': 'NARA', 'archive_stated': True, 'fund': '84', 'inventory': 'Saigon Embassy Files, 1953–1955', 'folder': '7'}]),
    ('National Archives, Record Group 59, Box 2511, Vietnam Cables 1966', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'folder': '2511', 'file': 'Vietnam Cables 1966'}]),
    ('TNA, FO 371/106540, FS 1015/12', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'FO', 'inventory': '371', 'file': '106540', 'subfile': 'FS 1015/12'}]),
    ('PRO, FO 800/780, ff. 12-15', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'FO', 'inventory': '800', 'file': '780', 'pages': [[12, 15]]}]),
    ('BArch, DY 30/IV 2/2.035/56, Bl. 12-14R', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'DY 30', 'file': 'IV 2/2.035/56', 'pages': [[12, 14]]}]),
    ('SAPMO-BArch, DY 30/3386', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'DY 30', 'file': '3386'}]),
    ('BA-MA, BW 2/1234', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'BW 2', 'file': '1234'}]),
    ('AMAE, série Asie-Océanie, sous-série Chine, vol. 115', [{'archive': 'AMAE', 'archive_stated': True, 'fund': 'Asie-Océanie', 'inventory': 'Chine', 'folder': '115'}]),
    ('CAOM, Indochine, Nouveau Fonds, carton 123', [{'archive': 'ANOM', 'archive_stated': True, 'fund': 'Indochine, Nouveau Fonds', 'folder': '123'}]),
    ('SHAT, 10 H 172', [{'archive': 'SHD', 'archive_stated': True, 'fund': '10 H', 'file': '172'}]),
    ('MOL, XIX-J-1-j, Kína, 1965, 3. doboz', [{'archive': 'MNL', 'archive_stated': True, 'fund': 'XIX-J-1-j', 'inventory': 'Kína, 1965', 'folder': '3'}]),
    ('AAN, KC PZPR, XI A/12', [{'archive': 'AAN', 'archive_stated': True, 'fund': 'KC PZPR', 'file': 'XI A/12'}]),
    ('NA, fond 1261/0/44, sv. 5, a.j. 12', [{'archive': 'NA', 'archive_stated': True, 'fund': '1261/0/44', 'folder': '5', 'file': '12'}]),
    ('PRC Foreign Ministry Archives, 106-00120-01', [{'archive': 'PRC-FMA', 'archive_stated': True, 'file': '106-00120-01'}]),
    ('Shanghai Municipal Archives, B103-4-456', [{'archive': 'SMA', 'archive_stated': True, 'fund': 'B103', 'inventory': '4', 'file': '456'}]),
    ('VNA-2, Phông Phủ Tổng thống Đệ nhất Cộng hòa, hồ sơ 123', [{'archive': 'VNA', 'archive_stated': True, 'fund': 'Phủ Tổng thống Đệ nhất Cộng hòa', 'file': '123'}]),
    ('Memo of conversation, Kissinger and Zhou, July 9, 1971, Nixon Library, NSC Files, Box 1032', [{'archive': 'RMNL', 'archive_stated': True, 'fund': 'NSC Files', 'folder': '1032', 'date': '1971-07-09', 'title': 'Memo of conversation, Kissinger and Zhou'}]),
    ('Ambassador Lodge to Secretary Rusk, tel. 2010, 4 May 1964, NARA, RG 59, CFPF 1964–66, POL 27 VIET S', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'CFPF 1964–66', 'file': 'POL 27 VIET S', 'date': '1964-05-04', 'title': 'Ambassador Lodge to Secretary Rusk, tel. 2010'}]),
    ('See GARF, f. R-9401, op. 2, d. 199, ll. 1–10.', [{'archive': 'GARF', 'archive_stated': True, 'fund': 'R-9401', 'inventory': '2', 'file': '199', 'pages': [[1, 10]]}]),
    ('Cf. TsKhSD, f. 5, op. 30, d. 95.', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '30', 'file': '95'}]),
    ('RGASPI 17/3/1040, l. 12', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1040', 'pages': [[12, 12]]}]),
    ('BA-MA, BW 2/1234', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'BW 2', 'file': '1234'}]),
    ('Fond 89, Perechen 45, Dokument 12', [{'archive_stated': False, 'fund': '89', 'inventory': '45', 'file': '12'}]),
    ('RGANI, f. 89, per. 18, dok. 42, l. 1-2', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '89', 'inventory': '18', 'file': '42', 'pages': [[1, 2]]}]),
    ('NARA, RG 59, CDF 1955–1959, 023.1/4–957; 023.1/8–1557', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'CDF 1955–1959', 'file': '023.1/4–957'}, {'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'CDF 1955–1959', 'file': '023.1/8–1557'}]),
    ('(Ф. 5. Оп. 30. Д. 95. Л. 4)', [{'archive_stated': False, 'fund': '5', 'inventory': '30', 'file': '95', 'pages': [[4, 4]]}]),
    ('Protokol zasedaniia, 12 iiulia 1953 g., RGASPI, f. 17, op. 163, d. 1620, ll. 3–5', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '163', 'file': '1620', 'pages': [[3, 5]], 'date': '1953-07-12', 'title': 'Protokol zasedaniia'}]),
    ('Zpráva, 12. května 1968, NA, f. 02/1, sv. 55, a.j. 70', [{'archive': 'NA', 'archive_stated': True, 'fund': '02/1', 'folder': '55', 'file': '70', 'date': '1968-05-12', 'title': 'Zpráva'}]),
    ('Notatka, 5 marca 1966, AAN, KC PZPR, sygn. 237/XXII-1446, k. 3', [{'archive': 'AAN', 'archive_stated': True, 'fund': 'KC PZPR', 'file': '237/XXII-1446', 'pages': [[3, 3]], 'date': '1966-03-05', 'title': 'Notatka'}]),
    ('Jelentés, 1966. május 4., MNL OL, XIX-J-1-j, Vietnam, 1966, 140. doboz, 5-1', [{'archive': 'MNL', 'archive_stated': True, 'fund': 'XIX-J-1-j', 'inventory': 'Vietnam, 1966', 'folder': '140', 'file': '5-1', 'date': '1966-05-04', 'title': 'Jelentés'}]),
    ('NARA, RG 59, Entry 1548, Box 2, Folder: Vietnam 1965', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': '1548', 'folder': '2', 'file': 'Vietnam 1965'}]),
    ('NARA, RG 59, Entry 1548, Box 2, folder "Vietnam 1965"', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': '1548', 'folder': '2', 'file': 'Vietnam 1965'}]),
    ('LBJL, NSF, Country File, Vietnam, Box 12, folder “Vietnam Memos (A), Vol. 32”', [{'archive': 'LBJL', 'archive_stated': True, 'fund': 'NSF', 'inventory': 'Country File, Vietnam', 'folder': '12', 'file': 'Vietnam Memos (A), Vol. 32'}]),
    ('NARA, RG 59, Entry A1 1613, Box 24, POL 1 Gen. Policy', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'A1 1613', 'folder': '24', 'file': 'POL 1 Gen. Policy'}]),
    ('Department of State, Lot 74 D 164, Box 5, Vietnam Negotiations', [{'archive': 'DOS', 'archive_stated': True, 'inventory': 'Lot 74 D 164', 'folder': '5', 'file': 'Vietnam Negotiations'}]),
    ('RG 59, S/P Files: Lot 70 D 199, Box 321, Vietnam', [{'archive': 'NARA', 'archive_stated': False, 'fund': '59', 'inventory': 'Lot 70 D 199', 'folder': '321', 'file': 'Vietnam'}]),
    ('Dulles to Eisenhower, May 1, 1954, DDEL, Dulles Papers, White House Memoranda Series, Box 1', [{'archive': 'DDEL', 'archive_stated': True, 'fund': 'Dulles Papers', 'inventory': 'White House Memoranda Series', 'folder': '1', 'date': '1954-05-01', 'title': 'Dulles to Eisenhower'}]),
    ('Letter from Khrushchev to Kennedy, 26 October 1962, JFKL, NSF, Box 183', [{'archive': 'JFKL', 'archive_stated': True, 'fund': 'NSF', 'folder': '183', 'date': '1962-10-26', 'title': 'Letter from Khrushchev to Kennedy'}]),
    ('RGANI, f. 5, op. 30, d. 1, l. 5; f. 89, op. 45, d. 12, l. 1', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '30', 'file': '1', 'pages': [[5, 5]]}, {'archive': 'RGANI', 'archive_stated': True, 'fund': '89', 'inventory': '45', 'file': '12', 'pages': [[1, 1]]}]),
    ('RGANI, f. 89, op. 55, d. 3, l. 1; RGASPI, f. 17, op. 3, d. 1040, l. 2', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '89', 'inventory': '55', 'file': '3', 'pages': [[1, 1]]}, {'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1040', 'pages': [[2, 2]]}]),
    ('РГАНИ. Ф. 3. Оп. 14. Д. 1. Л. 2–3; Ф. 4. Оп. 16. Д. 9. Л. 8', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '3', 'inventory': '14', 'file': '1', 'pages': [[2, 3]]}, {'archive': 'RGANI', 'archive_stated': True, 'fund': '4', 'inventory': '16', 'file': '9', 'pages': [[8, 8]]}]),
    ('АВП РФ, ф. 079, оп. 21, п. 32, д. 5, л. 4–6', [{'archive': 'AVPRF', 'archive_stated': True, 'fund': '079', 'inventory': '21', 'folder': '32', 'file': '5', 'pages': [[4, 6]]}]),
    ('GARF, fond R-9401, opis 2, delo 235, listy 205-210', [{'archive': 'GARF', 'archive_stated': True, 'fund': 'R-9401', 'inventory': '2', 'file': '235', 'pages': [[205, 210]]}]),
    ('TsGAOR, f. 5446, op. 1, d. 270, ll. 3, 5', [{'archive': 'GARF', 'archive_stated': True, 'fund': '5446', 'inventory': '1', 'file': '270', 'pages': [[3, 3], [5, 5]]}]),
    ('RGASPI, f. 17, op. 3, d. 1040, l. 12, and d. 1041, l. 3', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1040', 'pages': [[12, 12]]}, {'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1041', 'pages': [[3, 3]]}]),
    ('PA AA, MfAA, A 17392, Bl. 12-14', [{'archive': 'PAAA', 'archive_stated': True, 'fund': 'MfAA', 'file': 'A 17392', 'pages': [[12, 14]]}]),
    ('SAPMO-BArch, NY 4182/1204, Bl. 3', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'NY 4182', 'file': '1204', 'pages': [[3, 3]]}]),
    ('TNA, FO 371/135802, D 1015/5', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'FO', 'inventory': '371', 'file': '135802', 'subfile': 'D 1015/5'}]),
    ('TNA, CAB 128/29, CM (55) 12th conclusions', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'CAB', 'inventory': '128', 'file': '29', 'subfile': 'CM (55) 12th conclusions'}]),
    ('MAE, Asie-Océanie 1944–1955, Indochine, vol. 45, f. 12-15', [{'archive': 'AMAE', 'archive_stated': True, 'fund': 'Asie-Océanie 1944–1955', 'inventory': 'Indochine', 'folder': '45', 'pages': [[12, 15]]}]),
    ('ANOM, HCI, carton 123, dossier 456', [{'archive': 'ANOM', 'archive_stated': True, 'fund': 'HCI', 'folder': '123', 'file': '456'}]),
    ('AMZV, TO-T 1965–1969, Vietnam, krabice 3', [{'archive': 'AMZV', 'archive_stated': True, 'fund': 'TO-T 1965–1969', 'inventory': 'Vietnam', 'folder': '3'}]),
    ('AMSZ, z. 6, w. 45, t. 678', [{'archive': 'AMSZ', 'archive_stated': True, 'fund': '6', 'folder': '45', 'file': '678'}]),
    ('MNL OL, M-KS 288. f. 5. cs. 412. ő.e.', [{'archive': 'MNL', 'archive_stated': True, 'fund': 'M-KS 288', 'inventory': '5', 'file': '412'}]),
    ('AIPN, BU 0296/45, t. 2, k. 12', [{'archive': 'AIPN', 'archive_stated': True, 'fund': 'BU 0296', 'file': '45', 'subfile': '2', 'pages': [[12, 12]]}]),
    ('TsDA, f. 1B, op. 6, a.e. 5372', [{'archive': 'TsDA', 'archive_stated': True, 'fund': '1B', 'inventory': '6', 'file': '5372'}]),
    ('Memorandum of Conversation, 12 May 1965, in RGANI, f. 5, op. 50, d. 722, ll. 1–3, and Telegram from Hanoi, 14 May 1965, in AVPRF, f. 079, op. 20, p. 10, d. 5, l. 4.', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '50', 'file': '722', 'pages': [[1, 3]], 'date': '1965-05-12', 'title': 'Memorandum of Conversation'}, {'archive': 'AVPRF', 'archive_stated': True, 'fund': '079', 'inventory': '20', 'folder': '10', 'file': '5', 'pages': [[4, 4]], 'date': '1965-05-14', 'title': 'Telegram from Hanoi'}]),
    ('See the reports in GARF, f. R-5446, op. 1, d. 314, ll. 40–47 and d. 315, ll. 1–2.', [{'archive': 'GARF', 'archive_stated': True, 'fund': 'R-5446', 'inventory': '1', 'file': '314', 'pages': [[40, 47]]}, {'archive': 'GARF', 'archive_stated': True, 'fund': 'R-5446', 'inventory': '1', 'file': '315', 'pages': [[1, 2]]}]),
    ('Quoted in Zubok, A Failed Empire, p. 123; original in APRF, f. 3, op. 65, d. 776, ll. 1–5.', [{'archive': 'APRF', 'archive_stated': True, 'fund': '3', 'inventory': '65', 'file': '776', 'pages': [[1, 5]]}]),
    ('Report by the International Department, 3 March 1960, RGANI, f. 5, op. 30, d. 335, ll. 8–17; also in RGASPI, f. 17, op. 3, d. 1040.', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '5', 'inventory': '30', 'file': '335', 'pages': [[8, 17]], 'date': '1960-03-03', 'title': 'Report by the International Department'}, {'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '1040'}]),
    ('Ponomarev to the CC, 14 December 1961, RGANI, f. 4, op. 16, d. 1050, l. 14; Suslov to the CC, 2 January 1962, ibid., d. 1051, l. 3.', [{'archive': 'RGANI', 'archive_stated': True, 'fund': '4', 'inventory': '16', 'file': '1050', 'pages': [[14, 14]], 'date': '1961-12-14', 'title': 'Ponomarev to the CC'}]),
    ('Telegram, Moscow to FO, 12 May 1965, TNA, FO 371/182871; minute by Stewart, 13 May 1965, ibid.', [{'archive': 'TNA', 'archive_stated': True, 'fund': 'FO', 'inventory': '371', 'file': '182871', 'date': '1965-05-12', 'title': 'Telegram, Moscow to FO'}]),
    ('Lodge to Rusk, telegram 2010, May 4, 1964, NARA, RG 59, CFPF 1964–66, POL 27 VIET S, Box 2950 and Rusk to Lodge, telegram 1798, May 5, 1964, ibid.', [{'archive': 'NARA', 'archive_stated': True, 'fund': '59', 'inventory': 'CFPF 1964–66', 'folder': '2950', 'file': 'POL 27 VIET S', 'date': '1964-05-04', 'title': 'Lodge to Rusk, telegram 2010'}]),
    ('Bericht, 5.3.1965, SAPMO-BArch, DY 30/IV A 2/20/456, Bl. 12–15, und Vermerk, 8.3.1965, PA AA, MfAA, C 1223/72, Bl. 3.', [{'archive': 'BArch', 'archive_stated': True, 'fund': 'DY 30', 'file': 'IV A 2/20/456', 'pages': [[12, 15]], 'date': '1965-03-05', 'title': 'Bericht'}, {'archive': 'PAAA', 'archive_stated': True, 'fund': 'MfAA', 'file': 'C 1223/72', 'pages': [[3, 3]], 'date': '1965-03-08', 'title': 'Vermerk'}]),
    ('Note du 12 mai 1965, MAE, Asie-Océanie 1956–1967, Vietnam-Sud, vol. 101, et télégramme du 14 mai, ibid., vol. 102.', [{'archive': 'AMAE', 'archive_stated': True, 'fund': 'Asie-Océanie 1956–1967', 'inventory': 'Vietnam-Sud', 'folder': '101', 'date': '1965-05-12', 'title': 'Note'}]),
    ("Центральний державний архів громадських об'єднань України (далі – ЦДАГО України), ф. 1, оп. 24, спр. 4263, арк. 1–5", [{'archive': 'TsDAHO', 'archive_stated': True, 'fund': '1', 'inventory': '24', 'file': '4263', 'pages': [[1, 5]]}]),
    ('Archiwum Akt Nowych (dalej: AAN), KC PZPR, sygn. 2632, k. 3', [{'archive': 'AAN', 'archive_stated': True, 'fund': 'KC PZPR', 'file': '2632', 'pages': [[3, 3]]}]),
    ('Archives nationales d’outre-mer (ci-après ANOM), HCI, carton 12', [{'archive': 'ANOM', 'archive_stated': True, 'fund': 'HCI', 'folder': '12'}]),
    ('Rossiiskii gosudarstvennyi arkhiv sotsial’no-politicheskoi istorii, f. 17, op. 3, d. 5', [{'archive': 'RGASPI', 'archive_stated': True, 'fund': '17', 'inventory': '3', 'file': '5'}]),
    ('Lyndon Baines Johnson Presidential Library, NSF, Country File, Vietnam, Box 12', [{'archive': 'LBJL', 'archive_stated': True, 'fund': 'NSF', 'inventory': 'Country File, Vietnam', 'folder': '12'}]),
]  # fmt: skip

FIELDS = (
    "archive",
    "archive_stated",
    "fund",
    "inventory",
    "folder",
    "file",
    "subfile",
    "reel",
    "pages",
    "date",
    "title",
)


@pytest.mark.parametrize(("text", "expected"), VARIANTS, ids=[t[:50] for t, _ in VARIANTS])
def test_locator_variants_give_exactly_their_records(text: str, expected: list[dict[str, Any]]) -> None:
    records = [r for r in parse_citation(text) if r.kind == "archival"]
    got = [
        {
            f: ([list(p) for p in v] if f == "pages" else v)
            for f in FIELDS
            if (v := getattr(r, f)) not in (None,)
        }
        for r in records
    ]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), RUSSIAN, ids=[t[:50] for t, _ in RUSSIAN])
def test_russian_locators(text: str, expected: dict[str, Any]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), OTHER, ids=[t[:50] for t, _ in OTHER])
def test_other_traditions(text: str, expected: dict[str, Any]) -> None:
    _check(text, expected)


def _check(text: str, expected: dict[str, Any]) -> None:
    records = [r for r in parse_citation(text) if r.kind == "archival"]
    assert records, f"no archival record in {text!r}"
    got = records[0].model_dump()
    for field, value in expected.items():
        assert got[field] == value, f"{field}: {got[field]!r} != {value!r}"


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_give_no_archival_record(text: str) -> None:
    assert [r for r in parse_citation(text) if r.kind == "archival"] == []


def test_table_sizes() -> None:
    assert len(RUSSIAN) >= 100 and len(OTHER) >= 50 and len(NEAR_MISSES) >= 30


@pytest.mark.parametrize(
    ("text", "files"),
    [
        ("NARA, RG 59, WTC Lot File 83D222, Box 5, 1947–1948; 1949–1950; and 1951–1952", ["1947–1948", "1949–1950", "1951–1952"]),
        ("Reed College, Noble Papers, Box 16, 20 and Box 20, 10", ["20", "10"]),
        ("NARA, RG 59, Lot 66 D 193, Box 5, November–December 1953 and January 1954", ["November–December 1953", "January 1954"]),
        ("RGASPI, f. 17, op. 3, d. 1040, l. 12; d. 1041, l. 3", ["1040", "1041"]),
        ("RGASPI, f. 17, op. 3, dd. 12, 14", ["12", "14"]),
    ],
)  # fmt: skip
def test_several_units_share_the_levels_stated_once(text: str, files: list[str]) -> None:
    records = parse_citation(text)
    assert [r.file for r in records] == files
    assert len({(r.fund, r.inventory) for r in records}) == 1
    assert all(text[r.start : r.end] == r.text for r in records)


NOTES = """Body text.1

1. Spaulding to Long, March 15, 1940, NARA, RG 59, CDF 1940–1944, 026 Foreign Relations/1456 and Long to Spaulding, March 16, 1940, NARA, RG 59, CDF 1940–1944, 026 Foreign Relations/1458.
2. Perkins to Noble, March 23, 1951; and Noble to Reinhardt (unsent), March 29, 1951 in NARA, RG 59, CDF 1950–1954, 023.1/3–2351.
3. Nayan Chanda, Brother Enemy (San Diego: Harcourt, 1986), p. 59. See passim, NARA, RG 59, WTC Lot File 83D222, Box 5, 1947–1948; 1949–1950.
4. Ibid.
"""


def test_us_notes_give_one_record_per_unit() -> None:
    cites = resolve(NOTES, find_citations(NOTES))
    archival = [c for c in cites if c.kind == "archival"]
    assert [(c.title, c.date, c.file) for c in archival] == [
        ("Spaulding to Long", "1940-03-15", "026 Foreign Relations/1456"),
        ("Long to Spaulding", "1940-03-16", "026 Foreign Relations/1458"),
        ("Noble to Reinhardt (unsent)", "1951-03-29", "023.1/3–2351"),
        (None, None, "1947–1948"),
        (None, None, "1949–1950"),
    ]
    assert any(c.kind == "bibliographic" and c.authors == ["Chanda"] for c in cites)
    assert cites[-1].kind == "ibid"
    for c in cites:
        assert NOTES[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "codes", "names"),
    [
        (
            "See NARA, RG 59, CDF 1950–1954, 811.00/5–1645.",
            ["RG", "59", "CDF", "811.00/5–1645"],
            ["NARA", "1950–1954"],
        ),
        ("See TNA, FO 371/123456.", ["FO 371/123456"], ["TNA"]),
    ],
)
def test_locator_codes_cover_level_words_and_codes_not_names(
    text: str, codes: list[str], names: list[str]
) -> None:
    found = [text[s:e] for s, e in locator_codes(text, parse_citation(text))]
    for code in codes:
        assert any(code in f for f in found), (code, found)
    for name in names:
        assert not any(name in f for f in found), (name, found)
