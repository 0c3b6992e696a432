"""Measure given-name packages: coverage, size on disk, load time (README.md has the figures).

    python patterns/_src/measure_given_names.py     # needs gender-guesser; names-dataset if installed

Coverage is measured on the given names of well-known historical figures of many regions,
listed here from general knowledge (given names only), and on those of the seed's and the dev
set's gold (`corpus/gold`). It measures packages; nothing here is compiled into the patterns.
"""

from __future__ import annotations

import json
import re
import sys
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REGIONS = {
    "19th-century Europe": "Otto Klemens Camillo Giuseppe Napoleon Louis Adolphe Henry William Benjamin Charles Robert Arthur Leopold Wilhelm Friedrich Alexander Francis Franz Joseph",
    "world wars": "Woodrow Georges David Vittorio Erich Paul Winston Franklin Joseph Benito Hideki Neville Edouard Aristide Gustav Heinrich Hermann Joachim Rudolf Philippe Maxime Dwight George Bernard Harold",
    "eastern Europe": "Tomáš Edvard Józef Władysław Imre János Josip Nicolae Todor Walter Lech Václav Klement Antonín Gustáv Wojciech Edward Mátyás Miklós Gyula Gheorghe Enver Slobodan Franjo Alija Milovan Georgi Vasil Erich Alexander Mehmet",
    "Russia and the USSR": "Nikita Leonid Yuri Konstantin Mikhail Boris Vyacheslav Andrei Anastas Lavrentiy Georgy Kliment Semyon Alexei Eduard Dmitri Gennady Vladimir Lev Grigory Nikolai Sergei",
    "Middle East": "Kemal Mustafa İsmet Suleiman Mehmed Talaat Enver Cemal Ibrahim Mohammed Muhammad Ali Hosni Anwar Gamal Muammar Ahmad Hamid Kamal Nuri Abdel Abdul Salah Tariq Bashar Hafez Rafik Camille Bachir Amin Pierre Fouad Rashid Zayed Khalid Fahd Saud Faisal Abdullah Hussein Saddam Yasser Ruhollah Mohammad Reza Mahmoud Akbar Mehdi Abolhassan Fazlollah Golda Levi Yigal Shimon Abba Moshe Menachem Yitzhak Ehud Ariel Chaim Ezer",
    "Africa": "Kwame Jomo Patrice Julius Léopold Ahmed Habib Sékou Modibo Obafemi Nnamdi Abubakar Yakubu Haile Kenneth Nelson Robert Idi Milton Samora Agostinho Jonas Amílcar Félix Houari Kofi Desmond Thabo Oliver Steve Seretse Hastings Sam Eduardo Holden Mengistu Meles Siad Gaafar Apolo Yoweri Oginga Tom Chinua Wole Cheikh Amadou Ahmadou Blaise Thomas Jerry",
    "Latin America": "Fidel Ernesto Salvador Augusto Juan Eva Getúlio Lázaro Jacobo Anastasio Rafael Omar Daniel Fulgencio Emilio Venustiano Francisco Emiliano Porfirio Plutarco Adolfo Luis Carlos Raúl Camilo Hugo Simón Bernardo José Antonio Manuel Jorge Juscelino João Tancredo Fernando Hipólito Arturo Domingo Efraín Rigoberto Oscar Violeta Gerardo Rómulo Marcos Alberto Alan",
    "South Asia": "Jawaharlal Indira Rajiv Lal Morarji Vallabhbhai Subhas Rabindranath Bhimrao Mohandas Zulfikar Benazir Ayub Yahya Liaquat Mujibur Ziaur Muhammad Sirimavo Solomon",
    "South-East Asia": "Mohammad Sutan Adam Tunku Abdul Mahathir Ferdinand Corazon Ramon Elpidio Diosdado Sergio Manuel Pridi Plaek Sarit Thanom Aung",
    "Japan and Korea": "Shigeru Nobusuke Hayato Eisaku Kakuei Takeo Yasuhiro Fumimaro Hideki Yōsuke Ichirō Kiichi Morihiro Syngman Isoroku Hirobumi Aritomo Tomoyuki Osachi",
    "United States": "Jimmy Ronald Gerald Lyndon Dwight Harry Calvin Warren Herbert Grover Ulysses Rutherford Chester Theodore Abraham Millard Zachary Hamilton Elihu Philander Cordell Sumner Dean Cyrus Henry Alexander Condoleezza Madeleine Zbigniew Averell Adlai Everett Harold Ellis",
}  # fmt: skip
NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def gold_given_names() -> list[str]:
    """First words of the gold's multi-word Western-order PERSON spans ("Dean" of "Dean Acheson")."""
    lexicon = json.loads((HERE.parent / "lexicon.json").read_text(encoding="utf-8"))
    family_first = {w for k in ("surnames_vietnamese", "surnames_chinese", "surnames_korean", "names_khmer",
                                "names_lao") for w in lexicon[k]}  # fmt: skip
    names = set()
    for path in [
        ROOT / "corpus/gold/mosyakov-khmer-rouge.jsonl",
        *sorted((ROOT / "corpus/gold/dev").glob("*.jsonl")),
    ]:
        for line in path.read_text(encoding="utf-8").splitlines():
            for span in json.loads(line)["spans"]:
                words = span["text"].replace(",", " ").split()
                if span["label"] == "PERSON" and len(words) > 1 and "," not in span["text"]:
                    if (
                        words[0] not in family_first
                        and NAME.fullmatch(words[0])
                        and not words[0].endswith(".")
                    ):
                        names.add(words[0])
    return sorted(names)


def measure(label: str, names: set[str], seconds: float, size: int) -> None:
    found, total = 0, 0
    parts = []
    for region, listed in REGIONS.items():
        words = sorted(set(listed.split()))
        hits = sum(w in names for w in words)
        found, total = found + hits, total + len(words)
        parts.append(f"{region} {hits}/{len(words)}")
    gold = gold_given_names()
    print(f"{label}: {len(names):,} names, {size / 1e6:.1f} MB on disk, loaded in {seconds:.2f} s; "
          f"coverage {found}/{total} = {found / total:.3f}; gold {sum(w in names for w in gold)}/{len(gold)}")  # fmt: skip
    print("   " + "; ".join(parts))


def main() -> None:
    path = Path(str(resources.files("gender_guesser") / "data" / "nam_dict.txt"))
    t = time.perf_counter()
    gg = {line.split()[1].replace("+", "") for line in path.read_text(encoding="utf-8").splitlines()
          if line and line[0] not in "#="}  # fmt: skip
    measure("gender-guesser nam_dict.txt", gg, time.perf_counter() - t, path.stat().st_size)
    compiled = HERE.parent / "lexicon-given-names.json"
    t = time.perf_counter()
    data = json.loads(compiled.read_text(encoding="utf-8"))
    ours = set(data["given_names"]) | set(data["given_names_ambiguous"])
    measure("compiled lexicon-given-names.json", ours, time.perf_counter() - t, compiled.stat().st_size)
    try:
        import gzip
        import pickle

        nd_path = Path(str(resources.files("names_dataset") / "v3" / "first_names.pkl.gz"))
    except ImportError:
        print("names-dataset not installed: not measured", file=sys.stderr)
        return
    t = time.perf_counter()
    with gzip.open(nd_path, "rb") as fh:
        nd = pickle.load(fh)  # the package's own data file
    seconds = time.perf_counter() - t
    for top in (500, 1000, 3000):
        subset = {n for n, info in nd.items() if info.get("rank") and min(info["rank"].values()) <= top}
        measure(f"names-dataset, rank <= {top} in some country", subset, seconds, nd_path.stat().st_size)


if __name__ == "__main__":
    main()
