#!/usr/bin/env python3
"""Check that every export in this folder decodes back to exactly the answers of plain.csv.

Independent of make_exports.py: it reads the files as a user's tool would, maps
columns to items from the headers (item texts, Qualtrics ImportIds, LimeSurvey
codes, columns.csv) and labels/codes to values from the instrument.

    python3 check_exports.py
"""

import csv
import io
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
inst = json.loads((HERE.parents[2] / "instruments" / "career-readiness.json").read_text(encoding="utf-8"))
ITEM_IDS = [it["id"] for it in inst["items"]]
LABELS = inst["responseFormats"]["agree5"]["labels"]
BY_TEXT = {lang: {it["text"][lang]: it["id"] for it in inst["items"]} for lang in ("en", "fr")}


def read(name, *, bom, eol, quoted_all=False, trailer_blank=False):
    raw = (HERE / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom, f"{name}: BOM expected={bom}"
    text = raw.decode("utf-8-sig")
    if eol == "\r\n":
        assert "\n" not in text.replace("\r\n", ""), f"{name}: bare LF"
    else:
        assert "\r" not in text, f"{name}: CR found"
    assert text.endswith(eol), f"{name}: no final line end"
    if trailer_blank:
        assert text.endswith(eol + eol), f"{name}: expected the trailing empty line"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if trailer_blank:
        assert rows[-1] == [], f"{name}: last record should be empty"
        rows = rows[:-1]
    if quoted_all:
        for line in text.split(eol):
            if line:
                assert re.fullmatch(r'"[^"]*"(,"[^"]*")*', line), f"{name}: unquoted field in {line[:60]}"
    widths = {len(r) for r in rows}
    assert len(widths) == 1, f"{name}: ragged rows {widths}"
    return rows


def values(cells, decode):
    return [None if c == "" else decode(c) for c in cells]


def plain():
    rows = read("plain.csv", bom=False, eol="\n")
    assert rows[0] == ["id"] + ITEM_IDS
    assert [r[0] for r in rows[1:]] == [f"r{i:02d}" for i in range(1, 13)]
    return [values(r[1:], int) for r in rows[1:]]


def by_columns(header, data, column_to_item, decode):
    """Answers in instrument item order, from a column -> item mapping."""
    index = {}
    for j, h in enumerate(header):
        item = column_to_item(h)
        if item is not None:
            assert item not in index, f"two columns for {item}"
            index[item] = j
    assert sorted(index) == sorted(ITEM_IDS), sorted(set(ITEM_IDS) - set(index))
    return [values([r[index[i]] for i in ITEM_IDS], decode) for r in data]


def label_decoder(lang):
    table = {lab: k + 1 for k, lab in enumerate(LABELS[lang])}
    return lambda s: table[s]


def google_fr():
    rows = read("google-forms-fr.csv", bom=False, eol="\r\n")
    assert rows[0][:2] == ["Horodateur", "Adresse e-mail"]
    for r in rows[1:]:
        assert re.fullmatch(r"\d\d/\d\d/2026 \d\d:\d\d:\d\d", r[0]), r[0]
        assert re.fullmatch(r"personne\d\d@exemple\.fr", r[1]), r[1]

    def col(h):
        m = re.fullmatch(r"(.+) \[(.+)\]", h)
        return BY_TEXT["fr"][m.group(2)] if m else None

    return by_columns(rows[0], rows[1:], col, label_decoder("fr"))


def google_en():
    rows = read("google-forms-en-questions.csv", bom=False, eol="\r\n")
    assert rows[0][:2] == ["Timestamp", "Email Address"]
    for r in rows[1:]:
        assert re.fullmatch(r"2026/\d\d/\d\d \d{1,2}:\d\d:\d\d [AP]M GMT\+1", r[0]), r[0]
    return by_columns(rows[0], rows[1:], BY_TEXT["en"].get, label_decoder("en"))


def qualtrics():
    rows = read("qualtrics.csv", bom=False, eol="\r\n")
    names, texts, imports, data = rows[0], rows[1], rows[2], rows[3:]
    assert names[:17] == [
        "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
        "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
        "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage",
    ]
    ids = [json.loads(s)["ImportId"] for s in imports]
    assert ids[8] == "_recordId"
    for r in data:
        assert re.fullmatch(r"R_[A-Za-z0-9]{15}", r[8]) and r[2] == "IP Address" and r[6] == "True", r[:9]
    # Route 1: ImportId QID1_k -> k-th row of the matrix = k-th item.
    via_import = by_columns(
        ids, data,
        lambda i: ITEM_IDS[int(i[5:]) - 1] if re.fullmatch(r"QID1_\d+", i) else None,
        label_decoder("en"))
    # Route 2: row-2 text "<prompt> - <statement>" -> statement text.
    via_text = by_columns(
        texts, data,
        lambda t: BY_TEXT["en"].get(t.split(" - ", 1)[1]) if " - " in t else None,
        label_decoder("en"))
    assert via_import == via_text
    return via_import


def code_decoder(s):
    m = re.fullmatch(r"A([1-5])", s)
    assert m, s
    return int(m.group(1))


def limesurvey():
    rows = read("limesurvey-codes.csv", bom=True, eol="\r\n", quoted_all=True, trailer_blank=True)
    assert rows[0][:5] == ["id", "submitdate", "lastpage", "startlanguage", "seed"]
    return by_columns(rows[0], rows[1:],
                      lambda h: (re.fullmatch(r"CR\[(\w+)\]", h) or [None, None])[1], code_decoder)


def limesurvey_other():
    rows = read("limesurvey-codes-other.csv", bom=True, eol="\r\n", quoted_all=True, trailer_blank=True)
    mapping_rows = read("columns.csv", bom=False, eol="\n")
    assert mapping_rows[0] == ["column", "item"]
    mapping = dict(mapping_rows[1:])
    assert len(mapping) == 20
    return by_columns(rows[0], rows[1:], mapping.get, code_decoder)


if __name__ == "__main__":
    expected = plain()
    assert len(expected) == 12
    missing = sum(v is None for row in expected for v in row)
    assert 10 <= missing <= 14, missing
    assert max(sum(v is None for v in row) for row in expected) >= 2
    for name, fn in [("google-forms-fr.csv", google_fr), ("google-forms-en-questions.csv", google_en),
                     ("qualtrics.csv", qualtrics), ("limesurvey-codes.csv", limesurvey),
                     ("limesurvey-codes-other.csv + columns.csv", limesurvey_other)]:
        got = fn()
        assert got == expected, f"{name} differs from plain.csv"
        print(f"ok  {name}: 12 respondents x 20 items equal plain.csv")
    print(f"plain.csv: {missing} missing answers of 240")
