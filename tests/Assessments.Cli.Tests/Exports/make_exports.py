#!/usr/bin/env python3
"""Regenerate the survey-tool export fixtures in this folder.

Twelve invented respondents answer the 20 items of instruments/career-readiness.json.
The same answers (same respondent order) are written as:

  plain.csv                       numbers, one column per item id
  google-forms-fr.csv             Google Forms response sheet (French), one grid question
  google-forms-en-questions.csv   Google Forms CSV download (English), one question per item
  qualtrics.csv                   Qualtrics CSV export, choice text, three header rows
  limesurvey-codes.csv            LimeSurvey CSV export, question codes CR[CL01]..., answer codes
  limesurvey-codes-other.csv      same, with LimeSurvey's generated codes G01Q01[SQ001]...
  columns.csv                     column -> item mapping for limesurvey-codes-other.csv

See NOTE.md for where each shape comes from.  Everything is deterministic (fixed seed):
running this script again rewrites byte-identical files.

    python3 make_exports.py
"""

import json
import random
import string
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
INSTRUMENT = REPO / "instruments" / "career-readiness.json"

SEED = 20261120
N_RESPONDENTS = 12
N_MISSING = 12  # 12 of 240 cells = 5 %

inst = json.loads(INSTRUMENT.read_text(encoding="utf-8"))
ITEMS = inst["items"]
ITEM_IDS = [it["id"] for it in ITEMS]
LABELS = inst["responseFormats"]["agree5"]["labels"]  # index 0 = value 1
assert all(it["format"] == "agree5" for it in ITEMS)
assert len(ITEMS) == 20

# Reverse-keyed items, read from the instrument's scales ("-CO01").
REVERSED = {ref[1:] for sc in inst["scales"] for ref in sc["items"] if ref.startswith("-")}
SCALE_OF = {ref.lstrip("-"): sc["id"] for sc in inst["scales"] for ref in sc["items"]}

rng = random.Random(SEED)


# --------------------------------------------------------------------------- answers
def make_answers():
    rows = []
    for _ in range(N_RESPONDENTS):
        # Each respondent has a level per scale (1..5); items scatter around it.
        level = {sc["id"]: rng.uniform(1.6, 4.6) for sc in inst["scales"]}
        row = []
        for item_id in ITEM_IDS:
            v = level[SCALE_OF[item_id]] + rng.gauss(0, 0.8)
            v = min(5, max(1, int(round(v))))
            if item_id in REVERSED:
                v = 6 - v
            row.append(v)
        rows.append(row)

    cells = [(r, c) for r in range(N_RESPONDENTS) for c in range(len(ITEM_IDS))]
    missing = set(rng.sample(cells, N_MISSING))
    # At least one respondent with 2+ missing answers: respondent 7 (r07) skips
    # two support items and one exploration item, so every scale keeps >= 3 of 5.
    forced = {(6, ITEM_IDS.index("SU02")), (6, ITEM_IDS.index("SU04")), (6, ITEM_IDS.index("EX03"))}
    extra = [cell for cell in sorted(missing) if cell not in forced]
    missing = forced | set(extra[: N_MISSING - len(forced)])
    for r, c in missing:
        rows[r][c] = None

    # Sanity: every value 1..5 used, no scale of any respondent below 3 answered items.
    used = {v for row in rows for v in row if v is not None}
    assert used == {1, 2, 3, 4, 5}, used
    for row in rows:
        for sc in inst["scales"]:
            answered = sum(1 for ref in sc["items"] if row[ITEM_IDS.index(ref.lstrip("-"))] is not None)
            assert answered >= 3, (row, sc["id"])
    assert max(sum(v is None for v in row) for row in rows) >= 2
    assert sum(v is None for row in rows for v in row) == N_MISSING
    return rows


ANSWERS = make_answers()


# --------------------------------------------------------------------------- respondents
def make_sessions():
    """Start and end (submission) times, Paris local time, November 2026 (GMT+1)."""
    sessions = []
    # Three workshop days, four respondents each.  Rows of a response sheet (and
    # LimeSurvey ids) follow submission order, so each day's sessions are sorted
    # by submission time.
    for day in (datetime(2026, 11, 20), datetime(2026, 11, 23), datetime(2026, 11, 27)):
        day_sessions = []
        for _ in range(4):
            start = day.replace(hour=10) + timedelta(minutes=rng.randint(0, 420), seconds=rng.randint(0, 59))
            end = start + timedelta(seconds=rng.randint(190, 760))
            day_sessions.append((start, end))
        sessions.extend(sorted(day_sessions, key=lambda s: s[1]))
    return sessions


SESSIONS = make_sessions()
EMAILS = [f"personne{i + 1:02d}@exemple.fr" for i in range(N_RESPONDENTS)]
ALNUM = string.ascii_letters + string.digits
RESPONSE_IDS = ["R_" + "".join(rng.choice(ALNUM) for _ in range(15)) for _ in range(N_RESPONDENTS)]
IPS = [f"192.0.2.{rng.randint(10, 250)}" for _ in range(N_RESPONDENTS)]  # RFC 5737 documentation range
SEEDS = [str(rng.randint(10_000_000, 2_147_483_647)) for _ in range(N_RESPONDENTS)]
START_LANG = ["fr"] * N_RESPONDENTS
START_LANG[3] = START_LANG[9] = "en"


# --------------------------------------------------------------------------- CSV writing
def q_minimal(field):
    """RFC 4180: quote only fields holding a comma, a quote or a line break."""
    if any(ch in field for ch in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def q_always(field):
    """LimeSurvey CsvWriter::csvEscape: every field quoted, inner quotes doubled."""
    return '"' + field.replace('"', '""') + '"'


def write(name, rows, quote=q_minimal, eol="\n", bom=False, trailer=""):
    text = "".join(",".join(quote(f) for f in row) + eol for row in rows) + trailer
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    (HERE / name).write_bytes(data)


def label(value, lang):
    return "" if value is None else LABELS[lang][value - 1]


def fr_sheets_time(t):
    # Google Sheets, locale France: dd/MM/yyyy HH:mm:ss
    return t.strftime("%d/%m/%Y %H:%M:%S")


def en_forms_time(t):
    # Google Forms "Download responses (.csv)": yyyy/MM/dd h:mm:ss AM/PM GMT+1
    hour12 = t.hour % 12 or 12
    return f"{t:%Y/%m/%d} {hour12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} GMT+1"


def iso_local(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


# --------------------------------------------------------------------------- 1. plain.csv
def plain():
    rows = [["id"] + ITEM_IDS]
    for i, answers in enumerate(ANSWERS):
        rows.append([f"r{i + 1:02d}"] + ["" if v is None else str(v) for v in answers])
    write("plain.csv", rows)


# --------------------------------------------------------------------------- 2. Google Forms (fr), grid
GRID_TITLE_FR = "Indiquez dans quelle mesure vous êtes d'accord avec chaque affirmation"


def google_fr():
    header = ["Horodateur", "Adresse e-mail"] + [f"{GRID_TITLE_FR} [{it['text']['fr']}]" for it in ITEMS]
    rows = [header]
    for i, answers in enumerate(ANSWERS):
        rows.append([fr_sheets_time(SESSIONS[i][1]), EMAILS[i]] + [label(v, "fr") for v in answers])
    write("google-forms-fr.csv", rows, eol="\r\n")


# --------------------------------------------------------------------------- 3. Google Forms (en), one question per item
def google_en():
    header = ["Timestamp", "Email Address"] + [it["text"]["en"] for it in ITEMS]
    rows = [header]
    for i, answers in enumerate(ANSWERS):
        rows.append([en_forms_time(SESSIONS[i][1]), EMAILS[i]] + [label(v, "en") for v in answers])
    write("google-forms-en-questions.csv", rows, eol="\r\n")


# --------------------------------------------------------------------------- 4. Qualtrics
MATRIX_PROMPT_EN = "Thinking of your situation today, how much do you agree with each statement?"
TZ = "Europe/Paris"

QUALTRICS_META = [
    # (column name, row-2 label, row-3 ImportId JSON)
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"%s"}' % TZ),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"%s"}' % TZ),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"%s"}' % TZ),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("RecipientLastName", "Recipient Last Name", '{"ImportId":"recipientLastName"}'),
    ("RecipientFirstName", "Recipient First Name", '{"ImportId":"recipientFirstName"}'),
    ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
    ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
    ("LocationLatitude", "Location Latitude", '{"ImportId":"locationLatitude"}'),
    ("LocationLongitude", "Location Longitude", '{"ImportId":"locationLongitude"}'),
    ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
]


def qualtrics():
    names = [m[0] for m in QUALTRICS_META] + [f"Q1_{k + 1}" for k in range(len(ITEMS))]
    texts = [m[1] for m in QUALTRICS_META] + [f"{MATRIX_PROMPT_EN} - {it['text']['en']}" for it in ITEMS]
    imports = [m[2] for m in QUALTRICS_META] + ['{"ImportId":"QID1_%d"}' % (k + 1) for k in range(len(ITEMS))]
    rows = [names, texts, imports]
    for i, answers in enumerate(ANSWERS):
        start, end = SESSIONS[i]
        recorded = end + timedelta(seconds=1 if i % 3 else 0)
        meta = [
            iso_local(start), iso_local(end), "IP Address", IPS[i], "100",
            str(int((end - start).total_seconds())), "True", iso_local(recorded), RESPONSE_IDS[i],
            "", "", "", "", "", "", "anonymous", "EN",
        ]
        rows.append(meta + [label(v, "en") for v in answers])
    write("qualtrics.csv", rows, eol="\r\n")


# --------------------------------------------------------------------------- 5./6. LimeSurvey
def limesurvey(name, column_codes):
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed"] + column_codes
    rows = [header]
    for i, answers in enumerate(ANSWERS):
        fixed = [str(i + 1), iso_local(SESSIONS[i][1]), "1", START_LANG[i], SEEDS[i]]
        # Displayed but unanswered subquestions are stored as '' and exported as "".
        rows.append(fixed + ["" if v is None else f"A{v}" for v in answers])
    # CsvWriter: UTF-8 BOM, ',' (the export form's default separator), every field
    # quoted, CRLF after each record, and one more CRLF written by close().
    write(name, rows, quote=q_always, eol="\r\n", bom=True, trailer="\r\n")


def limesurvey_files():
    limesurvey("limesurvey-codes.csv", [f"CR[{item_id}]" for item_id in ITEM_IDS])
    other = [f"G01Q01[SQ{k + 1:03d}]" for k in range(len(ITEMS))]
    limesurvey("limesurvey-codes-other.csv", other)
    write("columns.csv", [["column", "item"]] + [[c, item_id] for c, item_id in zip(other, ITEM_IDS)])


if __name__ == "__main__":
    plain()
    google_fr()
    google_en()
    qualtrics()
    limesurvey_files()
    print("wrote exports to", HERE)
