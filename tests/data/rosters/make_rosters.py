"""Write the roster fixtures the way real exports come. Run once; the files are committed.

.venv/bin/python tests/data/rosters/make_rosters.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

# Nominees from many countries, each name in its own script.
PEOPLE = [
    ("김민준", "minjun.kim@mois.go.kr", "Republic of Korea", "Ministry of the Interior and Safety", "Deputy Director"),
    ("王芳", "wang.fang@ndrc.gov.cn", "China", "National Development and Reform Commission", "Division Chief"),
    ("佐藤健", "k-sato@soumu.go.jp", "Japan", "Ministry of Internal Affairs and Communications", "Section Chief"),
    (
        "สมชาย ใจดี",
        "somchai.j@opdc.go.th",
        "Thailand",
        "Office of the Public Sector Development Commission",
        "Policy Analyst",
    ),
    ("محمد أحمد", "m.ahmed@mof.gov.eg", "Egypt", "Ministry of Finance", "Senior Economist"),
    ("राहुल शर्मा", "rahul.sharma@nic.in", "India", "Department of Administrative Reforms", "Under Secretary"),
    ("রাহুল দাস", "rahul.das@cabinet.gov.bd", "Bangladesh", "Cabinet Division", "Assistant Secretary"),
    ("Иван Петров", "i.petrov@economy.gov.ru", "Russian Federation", "Ministry of Economic Development", "Adviser"),
    ("Nguyễn Thị Hương", "huong.nt@moha.gov.vn", "Viet Nam", "Ministry of Home Affairs", "Official"),
    ("Maria José Gonçalves", "mjose@gov.tl", "Timor-Leste", "Ministério da Administração Estatal", "Director"),
    ("Siosaia Fonua", "s.fonua@pmo.gov.to", "Tonga", "Prime Minister's Office", "ICT Officer"),
]
WESTERN = [  # cp1252 holds these, not the scripts above
    ("José Müller", "jose.muller@bund.de", "Germany", "Bundesministerium des Innern", "Referent"),
    ("François Lefèvre", "f.lefevre@finances.gouv.fr", "France", "Ministère de l'Économie", "Chargé de mission"),
    ("Søren Ødegård", "soren@digst.dk", "Denmark", "Agency for Digital Government", "Chief Consultant"),
    ("Ana Núñez", "ana.nunez@sfp.gob.mx", "Mexico", "Secretaría de la Función Pública", "Coordinadora"),
]
HEADERS = ["Full name", "E-mail", "Country", "Organization", "Position"]


def csv_text(headers, rows, delimiter) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([headers, *rows])
    return out.getvalue()


def main() -> None:
    (HERE / "utf8_comma.csv").write_bytes(csv_text(HEADERS, PEOPLE, ",").encode("utf-8"))
    (HERE / "utf8_bom_semicolon.csv").write_bytes(
        csv_text(["Name", "Email address", "Country", "Agency", "Title"], PEOPLE, ";").encode("utf-8-sig")
    )
    # Excel "Unicode text": UTF-16 LE with BOM, tab separated
    (HERE / "utf16_excel_unicode.txt").write_bytes(csv_text(HEADERS, PEOPLE, "\t").encode("utf-16"))
    (HERE / "cp1252_semicolon.csv").write_bytes(
        csv_text(["Nom", "Courriel", "Pays", "Organisation", "Poste"], WESTERN, ";").encode("cp1252")
    )
    # First/last name columns, a title line above the header, tab separated UTF-8
    split = [(n.split(" ", 1)[0], n.split(" ", 1)[-1], e, c) for n, e, c, *_ in WESTERN]
    (HERE / "first_last_tab.tsv").write_bytes(
        (
            "Nominees — Digital Government Workshop\r\n"
            + csv_text(["First name", "Last name", "Email Address", "Member country"], split, "\t")
        ).encode("utf-8")
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nominees"
    sheet.append(["No.", "Name of participant", "E-mail", "Country", "Ministry/Agency", "Designation"])
    for i, row in enumerate(PEOPLE + WESTERN, 1):
        sheet.append([i, *row])
    book.save(HERE / "nominees.xlsx")
    # Bad rows: missing name, bad e-mail, duplicate e-mail, over-long value, blank line
    bad = [
        ("Aigerim Bekova", "a.bekova@gov.kz", "Kazakhstan", "Astana Civil Service Hub", "Expert"),
        ("", "nobody@gov.mn", "Mongolia", "Cabinet Secretariat", "Officer"),
        ("Tenzin Wangchuk", "tenzin@", "Bhutan", "Royal Civil Service Commission", "HR Officer"),
        ("Aigerim B.", "A.Bekova@gov.kz", "Kazakhstan", "Astana Civil Service Hub", "Expert"),
        ("Long Org", "long.org@gov.np", "Nepal", "X" * 400, "Officer"),
        ("", "", "", "", ""),
        ("Dewi Lestari", "dewi.l@menpan.go.id", "Indonesia", "Ministry of Administrative Reform", "Analyst"),
    ]
    (HERE / "bad_rows.csv").write_bytes(csv_text(HEADERS, bad, ",").encode("utf-8"))
    (HERE / "one_column.csv").write_bytes("Name\r\n김민준\r\nIvan Petrov\r\nAna Núñez\r\n".encode())
    (HERE / "empty.csv").write_bytes(b"")
    (HERE / "garbage.bin").write_bytes(bytes(range(256)) * 8)


if __name__ == "__main__":
    main()
