#!/usr/bin/env python3
"""Derive truth files for the published, fictitious-patient fixtures in this folder.

    python3 Tests/Fixtures/public/derive_truth.py [--check]

For every set folder (hl7v2/, fhir/, cda/, synthea/) this writes <set>.truth.jsonl (beside the set, so a scan of the set does not read it): one JSON object a
line, {"path": <path relative to the set folder>, "type": <type>, "value": <value>}, de-duplicated by
(path, type, value) and sorted. --check rewrites nothing and exits 1 when a truth file would change.
Python 3 standard library only.

Nothing in the truth is typed by hand. Every value is taken from a place that the format's own
standard defines as holding that kind of identifier, so the truth says what a structure-aware reader
must find, independent of what any detector (or any example) happens to do. The format of a file is
decided from its content, not from the set it lives in (synthea/ holds CSV and FHIR JSON/NDJSON).

Types: ssn, mrn, member_id, mbi, hicn, npi, dob, phone, email, name, address.

General rules (all formats)
  * Values are as written in the file, after the format's own unescaping (HL7 escape sequences, XML
    entities, JSON string escapes). Three kinds are built from parts, because the format stores them
    in parts: `name` (given parts, then family, joined with single spaces; prefixes/suffixes left
    out), `address` ("street, city, state zip": first street line, city, then state and postal code
    separated by one space; parts that are empty are dropped; only built when the street is present)
    and an HL7 XTN `phone` without a free-text number (area code + local number, concatenated).
  * `dob` keeps the date part only: HL7 TS / CDA TS values give their first 8 digits (YYYYMMDD); FHIR
    and CSV dates are kept as written (YYYY-MM-DD). Values that are not a whole, valid calendar date
    are left out (a bare year is not a birth date identifier; "196203520" is not a date).
  * Empty values and obvious placeholders are left out: HL7 '""' (delete), nullFlavor, values whose
    letters/digits are all one repeated character ("XXXXXXXXXX", "999999999", "(000)000-0000"), and
    template words ("UNKNOWN", "SSN", "DOB", ...).
  * ssn only when the value has the SSN shape (9 digits, optionally 3-2-4 with '-' or ' '), even when
    the field or type says SSN: a field labelled SSN that holds another country's number (HL7 type
    "SSN" on an Italian fiscal code) is not a US SSN.
  * Medicare numbers (HL7 IN2-6, v2 type MC, FHIR type MC, OIDs 2.16.840.1.113883.4.927 / .4.572) are
    classified by shape: CMS MBI pattern -> mbi; 9 digits + 1-2 character beneficiary code, or a
    Railroad Retirement Board prefix + 6/9 digits -> hicn; anything else -> member_id.
  * npi: an identifier *labelled* NPI (HL7 identifier type NPI or an assigning authority naming NPI or
    the NPI OID; FHIR system us-npi / urn:oid:2.16.840.1.113883.4.6; CDA root 2.16.840.1.113883.4.6)
    counts when it is 10 digits (the NPI shape; its Luhn check is not required, the label is the
    evidence). An *unlabelled* provider ID in an HL7 provider field counts only when it is 10 digits
    and passes the NPI Luhn check (prefix 80840). Labelled values that are not 10 digits ("FakeNPI",
    "9876543", "99999999") are left out.
  * Only patient-side people give names, phones, emails and addresses: the patient and the people the
    standards attach to the patient record (next of kin / contacts, guarantor, insured/subscriber,
    related persons). Provider and organisation names, phones and addresses are business contacts and
    are left out; providers give only NPIs.

HL7 v2 (HL7 v2.x chapter 2 encoding rules; field numbers per the v2.5.1 segment definitions)
  * Segments end at CR, LF or CRLF. MSH, FHS and BHS set the delimiters for what follows: field
    separator = the 4th character, then component, repetition, escape, subcomponent from field 2. In
    those header segments field n is split-index n-1 (MSH-1 is the separator itself). MLLP framing
    bytes (0x0B, 0x1C) are ignored. Escapes \\F\\ \\S\\ \\T\\ \\R\\ \\E\\ are resolved in values.
  * Patient identifier lists (CX): PID-2, PID-3, PID-4, MRG-1, MRG-4. Per repetition, CX.5 (identifier
    type code, HL7 table 0203): MR, MRN, PI, PN, PT -> mrn; SS -> ssn; MB, MA, SB -> member_id; MC ->
    mbi/hicn/member_id by shape. AN (account), VN (visit), DL, PPN, NI, JHN, XX and local codes (EPI,
    CM, "ID 1", "SSN", ...) are left out: the standard table gives them no PHI type here. A repetition
    with *no* type code counts as mrn, because these fields are by definition patient identifier
    lists.
  * PID-19, GT1-12, NK1-37, IN2-2 -> ssn.  PID-7, NK1-16, GT1-8, IN1-18 -> dob (birth dates of the
    patient, next of kin, guarantor and insured).
  * Names (XPN, every repetition): PID-5, NK1-2, GT1-3, IN1-16 -> "given middle family" from XPN.2,
    XPN.3 and the first subcomponent of XPN.1. PID-6 (mother's maiden name) is not a name finding.
  * Phones/emails (XTN, every repetition): PID-13, PID-14, NK1-5, NK1-6, GT1-6, GT1-7. Email = XTN.4 when
    XTN.2 is NET, XTN.3 is Internet/X.400, or XTN.4 holds '@' (or XTN.1 holds '@'). Phone = XTN.1 when
    it has at least 10 digits, else XTN.6 + XTN.7 when both are present (extension left out); fax
    equipment counts as phone (HIPAA lists fax numbers). Shorter numbers are left out.
  * Addresses (XAD, every repetition): PID-11, NK1-4, GT1-5, IN1-19 -> "XAD.1, XAD.3, XAD.4 XAD.5".
  * Insurance: IN1-36 (policy number), IN1-49 (insured's ID, CX.1), IN2-8 (Medicaid number) ->
    member_id; IN2-6 (Medicare number) -> by shape.
  * Provider NPIs (XCN: ID in .1, assigning authority .9, identifier type .13): PV1-7, PV1-8, PV1-9,
    PV1-17, PV1-52, PD1-4, ORC-10, ORC-11, ORC-12, ORC-19, OBR-16, OBR-28, OBX-16, OBX-25, TXA-5,
    TXA-9, TXA-10, TXA-22, ROL-4, AIP-3, FT1-20, FT1-21, DG1-16, PR1-8, PR1-11, PR1-12. Organisation
    NPIs (XON: ID in .10, or .3 in older versions; type .7; authority .6): ORC-21.

FHIR (JSON, NDJSON one resource a line, XML; every resource, including Bundle.entry.resource and
contained resources; DSTU2-era shapes such as family as an array are read too)
  * Identifier, by system first: http://hl7.org/fhir/sid/us-ssn, urn:oid:2.16.840.1.113883.4.1 -> ssn;
    http://hl7.org/fhir/sid/us-npi, urn:oid:2.16.840.1.113883.4.6 -> npi;
    http://hl7.org/fhir/sid/us-mbi, urn:oid:2.16.840.1.113883.4.927 -> mbi;
    http://hl7.org/fhir/sid/us-medicare, urn:oid:2.16.840.1.113883.4.572 -> by shape.
    Then by type.coding.code (v2 table 0203, same mapping as HL7 v2 above, plus NPI -> npi).
  * Patient identifiers with neither a known system nor a known type code count as mrn only when
    `use` is usual or official and the value contains a digit (a Patient's own business identifier is
    its record number; identifiers with use secondary/temp/old or without use are not asserted).
  * Coverage.identifier and Coverage.subscriberId -> member_id (the FHIR definition of
    Coverage.identifier: "often referred to as a Member Id, Certificate number, Personal Health Number
    or Case ID"), unless system/type says otherwise.
  * Identifiers are read from Patient, RelatedPerson, Person and Coverage; from every other resource
    only NPIs are taken.
  * Patient, RelatedPerson, Person, and Patient.contact: name (HumanName; `text` when it has no parts),
    telecom (system phone, fax, pager, sms -> phone; email -> email), address (line[0], city,
    state postalCode; `text` when there are no lines), birthDate -> dob (full dates only).

CDA / C-CDA / QRDA (HL7 CDA R2)
  * recordTarget/patientRole/id: root 2.16.840.1.113883.4.1 -> ssn; .4.6 -> npi; .4.927 -> mbi;
    .4.572 (Medicare HIC number) -> by shape; any other root with an extension -> mrn.
  * patientRole/addr -> address; patientRole/telecom "tel:"/"fax:" -> phone, "mailto:" -> email (the
    value after the scheme); patient/name -> given(s) + family; patient/birthTime/@value -> dob.
  * Any <id root="2.16.840.1.113883.4.6"> anywhere in the document -> npi.

Synthea CSV (the CSV exporter's data dictionary)
  * patients.csv: SSN -> ssn; BIRTHDATE -> dob; FIRST [MIDDLE] LAST -> name; ADDRESS, CITY, STATE ZIP
    -> address. Id (a UUID), DRIVERS and PASSPORT have no type here and are left out.
  * payer_transitions.csv: MEMBERID -> member_id; OWNERNAME (the policy owner) -> name.
"""

import csv
import datetime
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = ("hl7v2", "fhir", "cda", "synthea")

# ---------------------------------------------------------------------------------------------
# Shared helpers

PLACEHOLDER_WORDS = {
    "unknown", "unk", "none", "null", "n/a", "na", "ssn", "dob", "sex", "address", "address 1",
    "address 2", "city", "state", "zip", "first name", "last name", "middle", "phone", "marital",
    "ethnicity",
}


def is_placeholder(value):
    v = value.strip()
    if not v or v == '""':
        return True
    if v.lower() in PLACEHOLDER_WORDS:
        return True
    alnum = re.sub(r"[^0-9A-Za-z]", "", v)
    if len(alnum) >= 3 and len(set(alnum.upper())) == 1:
        return True
    return False


SSN_RE = re.compile(r"^\d{3}([- ]?)\d{2}\1\d{4}$")
MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d"
                    r"[AC-HJKMNP-RT-Y]{2}\d{2}$")
HICN_RE = re.compile(r"^\d{9}[A-Z][A-Z0-9]?$")
RRB_RE = re.compile(r"^[A-Z]{1,3}(\d{6}|\d{9})$")


def is_ssn(v):
    return bool(SSN_RE.match(v.strip()))


def medicare_type(v):
    s = re.sub(r"[\s-]", "", v).upper()
    if MBI_RE.match(s):
        return "mbi"
    if HICN_RE.match(s) or RRB_RE.match(s):
        return "hicn"
    return "member_id"


def npi_luhn_ok(v):
    if not re.fullmatch(r"\d{10}", v):
        return False
    digits = [int(c) for c in "80840" + v]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def is_npi_shape(v):
    return bool(re.fullmatch(r"\d{10}", v.strip()))


def valid_ymd(y, m, d):
    try:
        datetime.date(int(y), int(m), int(d))
    except ValueError:
        return False
    return 1800 <= int(y) <= 2100


def ts_date(value):
    """HL7 TS / CDA TS: the first 8 digits when they are a valid date (YYYYMMDD)."""
    m = re.match(r"^\s*(\d{4})(\d{2})(\d{2})", value)
    if m and valid_ymd(*m.groups()):
        return m.group(1) + m.group(2) + m.group(3)
    return None


def iso_date(value):
    """FHIR date / CSV date: kept as written when it is a full, valid YYYY-MM-DD date."""
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", v)
    if m and valid_ymd(*m.groups()):
        return v
    return None


def join_name(given_parts, family):
    parts = [p.strip() for p in list(given_parts) + [family] if p and p.strip()]
    return " ".join(parts)


def join_address(street, city, state, postal):
    street = (street or "").strip()
    if not street or street == '""':
        return None
    clean = lambda s: "" if (s or "").strip() in ("", '""') else s.strip()
    tail = " ".join(p for p in (clean(state), clean(postal)) if p)
    return ", ".join(p for p in (street, clean(city), tail) if p)


ID_TYPES = ("ssn", "mrn", "member_id", "mbi", "hicn", "npi")


class Truth:
    def __init__(self):
        self.rows = set()
        self.notes = []  # (path, message) for values left out on purpose

    def add(self, path, typ, value):
        if value is None:
            return
        value = str(value)
        if not value.strip() or value.strip() == '""':
            return
        if is_placeholder(value):
            self.notes.append((path, f"placeholder {typ} left out: {value!r}"))
            return
        if typ in ID_TYPES and len(re.sub(r"[^0-9A-Za-z]", "", value)) < 3:
            self.notes.append((path, f"{typ} too short to be an identifier left out: {value!r}"))
            return
        if typ == "ssn" and not is_ssn(value):
            self.notes.append((path, f"ssn-labelled value without SSN shape left out: {value!r}"))
            return
        self.rows.add((path, typ, value))

    def note(self, path, msg):
        self.notes.append((path, msg))


# ---------------------------------------------------------------------------------------------
# HL7 v2

V2_TYPE = {
    "MR": "mrn", "MRN": "mrn", "PI": "mrn", "PN": "mrn", "PT": "mrn",
    "SS": "ssn",
    "MB": "member_id", "MA": "member_id", "SB": "member_id",
    "MC": "medicare",
    "NPI": "npi",
}

CX_AUTHORITY_OIDS = {
    "2.16.840.1.113883.4.1": "ssn",          # Social Security Administration
    "2.16.840.1.113883.4.927": "mbi",        # CMS Medicare Beneficiary Identifier
    "2.16.840.1.113883.4.572": "medicare",   # CMS Medicare HIC number
}

XCN_FIELDS = {
    "PV1": (7, 8, 9, 17, 52), "PD1": (4,), "ORC": (10, 11, 12, 19), "OBR": (16, 28),
    "OBX": (16, 25), "TXA": (5, 9, 10, 22), "ROL": (4,), "AIP": (3,), "FT1": (20, 21),
    "DG1": (16,), "PR1": (8, 11, 12),
}
XON_FIELDS = {"ORC": (21,)}
CX_FIELDS = {"PID": (2, 3, 4), "MRG": (1, 4)}
XPN_FIELDS = {"PID": (5,), "NK1": (2,), "GT1": (3,), "IN1": (16,)}
XTN_FIELDS = {"PID": (13, 14), "NK1": (5, 6), "GT1": (6, 7)}
XAD_FIELDS = {"PID": (11,), "NK1": (4,), "GT1": (5,), "IN1": (19,)}
SSN_FIELDS = {"PID": (19,), "GT1": (12,), "NK1": (37,), "IN2": (2,)}
DOB_FIELDS = {"PID": (7,), "NK1": (16,), "GT1": (8,), "IN1": (18,)}
MEMBER_FIELDS = {"IN1": (36,), "IN2": (8,)}
MEMBER_CX_FIELDS = {"IN1": (49,)}
MEDICARE_FIELDS = {"IN2": (6,)}

SEG_ID = re.compile(r"^[A-Z][A-Z0-9]{2}$")


class Delims:
    def __init__(self, fs="|", enc="^~\\&"):
        self.fs = fs
        self.comp = enc[0] if len(enc) > 0 else "^"
        self.rep = enc[1] if len(enc) > 1 else "~"
        self.esc = enc[2] if len(enc) > 2 else "\\"
        self.sub = enc[3] if len(enc) > 3 else "&"

    def unescape(self, s):
        if not self.esc or self.esc not in s:
            return s
        table = {"F": self.fs, "S": self.comp, "T": self.sub, "R": self.rep, "E": self.esc}
        e = re.escape(self.esc)
        return re.sub(e + "([FSTRE])" + e, lambda m: table[m.group(1)], s)

    def reps(self, field):
        return field.split(self.rep) if field else []

    def comps(self, rep):
        return rep.split(self.comp)


def hl7_segments(text):
    """Yield (segment id, fields getter, delimiters) for every segment of every message."""
    d = Delims()
    for raw in re.split(r"\r\n|\r|\n", text):
        seg = raw.strip("\x0b\x1c")
        if len(seg) < 4:
            continue
        sid = seg[:3]
        if not SEG_ID.match(sid):
            continue
        if sid in ("MSH", "FHS", "BHS"):
            fs = seg[3]
            rest = seg[4:]
            enc = rest.split(fs, 1)[0] if fs in rest else rest
            d = Delims(fs, enc)
            parts = seg.split(fs)

            def get(n, parts=parts):
                i = n - 1
                return parts[i] if 2 <= n and i < len(parts) else ""
            yield sid, get, d
        else:
            if seg[3] != d.fs:
                continue
            parts = seg.split(d.fs)

            def get(n, parts=parts):
                return parts[n] if 1 <= n < len(parts) else ""
            yield sid, get, d


def comp(cs, i):
    return cs[i - 1] if len(cs) >= i else ""


def derive_hl7(path, text, t):
    for sid, get, d in hl7_segments(text):
        u = d.unescape
        first_sub = lambda c: u(c.split(d.sub)[0])

        for n in CX_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                cs = d.comps(rep)
                value = first_sub(comp(cs, 1))
                code = u(comp(cs, 5)).strip().upper()
                if not value.strip():
                    continue
                authority = u(comp(cs, 4))
                by_oid = next((k for oid, k in CX_AUTHORITY_OIDS.items()
                               if oid in authority.split(d.sub)), None)
                if by_oid and V2_TYPE.get(code) is None:
                    # CX.4 names the issuer by OID (SSA, CMS): that is the type when CX.5 is absent
                    # or not a table-0203 code (e.g. "ISO" slid into CX.5 by a misplaced separator).
                    if code:
                        t.note(path, f"{sid}-{n} type {code!r} overridden by CX.4 issuer OID: {value!r}")
                    t.add(path, medicare_type(value) if by_oid == "medicare" else by_oid, value)
                    continue
                if not code:
                    t.add(path, "mrn", value)
                    continue
                kind = V2_TYPE.get(code)
                if kind is None or kind == "npi":
                    t.note(path, f"{sid}-{n} identifier with type {code!r} not typed: {value!r}")
                elif kind == "medicare":
                    t.add(path, medicare_type(value), value)
                else:
                    t.add(path, kind, value)

        for n in SSN_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                t.add(path, "ssn", first_sub(comp(d.comps(rep), 1)))

        for n in DOB_FIELDS.get(sid, ()):
            raw = u(comp(d.comps(get(n)), 1)) if get(n) else ""
            if raw.strip() and raw.strip() != '""':
                date = ts_date(raw)
                if date:
                    t.add(path, "dob", date)
                else:
                    t.note(path, f"{sid}-{n} birth date that is not a valid date left out: {raw!r}")

        for n in XPN_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                cs = d.comps(rep)
                family = first_sub(comp(cs, 1))
                name = join_name([u(comp(cs, 2)), u(comp(cs, 3))], family)
                if name:
                    t.add(path, "name", name)

        for n in XTN_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                cs = [u(c) for c in d.comps(rep)]
                c1, use, equip, mail = comp(cs, 1), comp(cs, 2), comp(cs, 3), comp(cs, 4)
                if mail.strip() and (use.upper() == "NET" or equip.upper() in ("INTERNET", "X.400")
                                     or "@" in mail):
                    t.add(path, "email", mail.strip())
                if "@" in c1:
                    t.add(path, "email", c1.strip())
                    continue
                if len(re.sub(r"\D", "", c1)) >= 10:
                    t.add(path, "phone", c1.strip())
                elif comp(cs, 6).strip() and comp(cs, 7).strip():
                    built = comp(cs, 6).strip() + comp(cs, 7).strip()
                    if len(re.sub(r"\D", "", built)) >= 10:
                        t.add(path, "phone", built)
                    else:
                        t.note(path, f"{sid}-{n} area+number with fewer than 10 digits left out: "
                                     f"{built!r}")
                elif re.search(r"\d", c1):
                    t.note(path, f"{sid}-{n} number with fewer than 10 digits left out: {c1!r}")

        for n in XAD_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                cs = d.comps(rep)
                addr = join_address(first_sub(comp(cs, 1)), u(comp(cs, 3)), u(comp(cs, 4)),
                                    u(comp(cs, 5)))
                if addr:
                    t.add(path, "address", addr)

        for n in MEMBER_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                t.add(path, "member_id", first_sub(comp(d.comps(rep), 1)))
        for n in MEMBER_CX_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                t.add(path, "member_id", first_sub(comp(d.comps(rep), 1)))
        for n in MEDICARE_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                v = first_sub(comp(d.comps(rep), 1))
                if v.strip() and v.strip() != '""':
                    t.add(path, medicare_type(v), v)

        for n in XCN_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                cs = d.comps(rep)
                idv = first_sub(comp(cs, 1)).strip()
                auth = u(comp(cs, 9)).upper()
                typ = u(comp(cs, 13)).strip().upper()
                hl7_npi(path, t, sid, n, idv,
                        typ == "NPI" or "NPI" in auth.split(d.sub) or "2.16.840.1.113883.4.6" in auth)
        for n in XON_FIELDS.get(sid, ()):
            for rep in d.reps(get(n)):
                cs = d.comps(rep)
                idv = (first_sub(comp(cs, 10)) or first_sub(comp(cs, 3))).strip()
                typ = u(comp(cs, 7)).strip().upper()
                auth = u(comp(cs, 6)).upper()
                hl7_npi(path, t, sid, n, idv, typ == "NPI" or "2.16.840.1.113883.4.6" in auth)


def hl7_npi(path, t, sid, n, idv, labelled):
    if not idv:
        return
    if labelled:
        if is_npi_shape(idv):
            t.add(path, "npi", idv)
        else:
            t.note(path, f"{sid}-{n} labelled NPI without the 10-digit shape left out: {idv!r}")
    elif npi_luhn_ok(idv):
        t.add(path, "npi", idv)


# ---------------------------------------------------------------------------------------------
# FHIR

FHIR_NS = "{http://hl7.org/fhir}"
SYSTEM_TYPE = {
    "http://hl7.org/fhir/sid/us-ssn": "ssn",
    "urn:oid:2.16.840.1.113883.4.1": "ssn",
    "http://hl7.org/fhir/sid/us-npi": "npi",
    "urn:oid:2.16.840.1.113883.4.6": "npi",
    "http://hl7.org/fhir/sid/us-mbi": "mbi",
    "urn:oid:2.16.840.1.113883.4.927": "mbi",
    "http://hl7.org/fhir/sid/us-medicare": "medicare",
    "urn:oid:2.16.840.1.113883.4.572": "medicare",
}
PEOPLE = ("Patient", "RelatedPerson", "Person")
PHONE_SYSTEMS = ("phone", "fax", "pager", "sms")


def L(x):
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


def S(x):
    """A primitive as a string (first of a list); None when absent."""
    for v in L(x):
        if isinstance(v, (str, int, float)) and not isinstance(v, bool):
            return str(v)
        if isinstance(v, bool):
            return "true" if v else "false"
    return None


def xml_to_fhir(elem):
    """FHIR XML element -> the JSON-like shape (lists everywhere), keeping only data elements."""
    out = {}
    for child in elem:
        if not isinstance(child.tag, str) or not child.tag.startswith(FHIR_NS):
            continue  # xhtml narrative, comments
        name = child.tag[len(FHIR_NS):]
        if name in ("contained", "resource"):
            inner = [c for c in child if isinstance(c.tag, str) and c.tag.startswith(FHIR_NS)]
            for r in inner:
                res = xml_to_fhir(r)
                res["resourceType"] = r.tag[len(FHIR_NS):]
                out.setdefault(name, []).append(res)
            continue
        if "value" in child.attrib:
            out.setdefault(name, []).append(child.attrib["value"])
        else:
            out.setdefault(name, []).append(xml_to_fhir(child))
    return out


def codes(codeable):
    found = []
    for cc in L(codeable):
        if isinstance(cc, dict):
            for c in L(cc.get("coding")):
                if isinstance(c, dict) and S(c.get("code")):
                    found.append(S(c.get("code")).strip().upper())
    return found


def fhir_identifier_type(ident):
    system = (S(ident.get("system")) or "").strip()
    if system in SYSTEM_TYPE:
        return SYSTEM_TYPE[system]
    for code in codes(ident.get("type")):
        if code in V2_TYPE:
            return V2_TYPE[code]
    return None


def fhir_add_identifier(path, t, rt, ident, default=None):
    if not isinstance(ident, dict):
        return
    value = S(ident.get("value"))
    if value is None or not value.strip():
        return
    kind = fhir_identifier_type(ident)
    typed = bool(codes(ident.get("type")))
    if kind is None and typed and default is None:
        t.note(path, f"{rt} identifier typed {codes(ident.get('type'))} not asserted: {value!r}")
        return
    if kind is None:
        kind = default
    if kind == "medicare":
        kind = medicare_type(value)
    if kind == "npi":
        if is_npi_shape(value):
            t.add(path, "npi", value)
        else:
            t.note(path, f"{rt} identifier labelled NPI without the 10-digit shape left out: {value!r}")
        return
    if kind is None and rt == "Patient":
        use = (S(ident.get("use")) or "").lower()
        if use in ("usual", "official") and re.search(r"\d", value):
            kind = "mrn"
        else:
            t.note(path, f"Patient identifier not asserted (system {S(ident.get('system'))!r}, "
                         f"use {use!r}): {value!r}")
    if kind:
        t.add(path, kind, value)
    elif rt in ("RelatedPerson", "Person"):
        t.note(path, f"{rt} identifier with unknown system {S(ident.get('system'))!r} left out: "
                     f"{value!r}")


def fhir_name(hn):
    if isinstance(hn, str):
        return hn
    if not isinstance(hn, dict):
        return None
    given = [S(g) for g in L(hn.get("given")) if S(g)]
    family = " ".join(S(f) for f in L(hn.get("family")) if S(f))
    name = join_name(given, family)
    if not name:
        name = (S(hn.get("text")) or "").strip()
    return name or None


def fhir_address(a):
    if not isinstance(a, dict):
        return None
    lines = [S(x) for x in L(a.get("line")) if S(x)]
    if lines:
        return join_address(lines[0], S(a.get("city")), S(a.get("state")), S(a.get("postalCode")))
    return (S(a.get("text")) or "").strip() or None


def fhir_person_bits(path, t, node):
    for hn in L(node.get("name")):
        t.add(path, "name", fhir_name(hn))
    for cp in L(node.get("telecom")):
        if not isinstance(cp, dict):
            continue
        system = (S(cp.get("system")) or "").lower()
        value = S(cp.get("value"))
        if not value:
            continue
        if system in PHONE_SYSTEMS:
            t.add(path, "phone", value)
        elif system == "email":
            t.add(path, "email", value)
    for a in L(node.get("address")):
        t.add(path, "address", fhir_address(a))


def derive_fhir_resource(path, t, res):
    if not isinstance(res, dict):
        return
    rt = S(res.get("resourceType")) or ""
    for c in L(res.get("contained")):
        derive_fhir_resource(path, t, c)
    if rt == "Bundle":
        for e in L(res.get("entry")):
            if isinstance(e, dict):
                for r in L(e.get("resource")):
                    derive_fhir_resource(path, t, r)
    if rt in PEOPLE:
        for ident in L(res.get("identifier")):
            fhir_add_identifier(path, t, rt, ident)
        fhir_person_bits(path, t, res)
        bd = S(res.get("birthDate"))
        if bd:
            date = iso_date(bd)
            if date:
                t.add(path, "dob", date)
            else:
                t.note(path, f"{rt}.birthDate that is not a full date left out: {bd!r}")
        if rt == "Patient":
            for contact in L(res.get("contact")):
                if isinstance(contact, dict):
                    fhir_person_bits(path, t, {"name": contact.get("name"),
                                               "telecom": contact.get("telecom"),
                                               "address": contact.get("address")})
    elif rt == "Coverage":
        for ident in L(res.get("identifier")):
            fhir_add_identifier(path, t, rt, ident, default="member_id")
        for sid in L(res.get("subscriberId")):
            if isinstance(sid, dict):
                fhir_add_identifier(path, t, rt, sid, default="member_id")
            elif S(sid):
                t.add(path, "member_id", S(sid))
    else:
        for ident in L(res.get("identifier")):
            if isinstance(ident, dict) and fhir_identifier_type(ident) == "npi":
                fhir_add_identifier(path, t, rt, ident)


def derive_fhir_json(path, text, t):
    derive_fhir_resource(path, t, json.loads(text))


def derive_fhir_ndjson(path, text, t):
    for line in text.splitlines():
        if line.strip():
            derive_fhir_resource(path, t, json.loads(line))


def derive_fhir_xml(path, root, t):
    res = xml_to_fhir(root)
    res["resourceType"] = root.tag[len(FHIR_NS):]
    derive_fhir_resource(path, t, res)


# ---------------------------------------------------------------------------------------------
# CDA

V3 = "{urn:hl7-org:v3}"
CDA_ROOTS = {
    "2.16.840.1.113883.4.1": "ssn",
    "2.16.840.1.113883.4.6": "npi",
    "2.16.840.1.113883.4.927": "mbi",
    "2.16.840.1.113883.4.572": "medicare",
}


def text_of(e):
    return "".join(e.itertext()).strip() if e is not None else ""


def derive_cda(path, root, t):
    for role in root.iter(V3 + "patientRole"):
        for idel in role.findall(V3 + "id"):
            if "nullFlavor" in idel.attrib:
                continue
            rootoid = idel.get("root", "").strip()
            ext = idel.get("extension")
            if ext is None or not ext.strip():
                continue
            kind = CDA_ROOTS.get(rootoid, "mrn")
            if kind == "medicare":
                kind = medicare_type(ext)
            if kind == "npi":
                continue  # counted by the document-wide NPI pass below
            t.add(path, kind, ext)
        for addr in role.findall(V3 + "addr"):
            if "nullFlavor" in addr.attrib:
                continue
            lines = [text_of(x) for x in addr.findall(V3 + "streetAddressLine") if text_of(x)]
            built = join_address(lines[0] if lines else "", text_of(addr.find(V3 + "city")),
                                 text_of(addr.find(V3 + "state")),
                                 text_of(addr.find(V3 + "postalCode")))
            t.add(path, "address", built)
        for tel in role.findall(V3 + "telecom"):
            v = tel.get("value")
            if not v:
                continue
            low = v.lower()
            if low.startswith("tel:") or low.startswith("fax:"):
                t.add(path, "phone", v[4:].strip())
            elif low.startswith("mailto:"):
                t.add(path, "email", v[7:].strip())
        patient = role.find(V3 + "patient")
        if patient is None:
            continue
        for nm in patient.findall(V3 + "name"):
            given = [text_of(g) for g in nm.findall(V3 + "given")]
            family = " ".join(text_of(f) for f in nm.findall(V3 + "family") if text_of(f))
            name = join_name(given, family)
            if not name and len(nm) == 0:
                name = (nm.text or "").strip()
            if name:
                t.add(path, "name", name)
        bt = patient.find(V3 + "birthTime")
        if bt is not None and bt.get("value"):
            date = ts_date(bt.get("value"))
            if date:
                t.add(path, "dob", date)
            else:
                t.note(path, f"birthTime that is not a valid date left out: {bt.get('value')!r}")
    for idel in root.iter(V3 + "id"):
        if idel.get("root", "").strip() == "2.16.840.1.113883.4.6":
            ext = (idel.get("extension") or "").strip()
            if not ext:
                continue
            if is_npi_shape(ext):
                t.add(path, "npi", ext)
            else:
                t.note(path, f"NPI-rooted id without the 10-digit shape left out: {ext!r}")


# ---------------------------------------------------------------------------------------------
# Synthea CSV

def derive_csv(path, text, t):
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        return
    headers = set(rows[0].keys())
    if {"SSN", "BIRTHDATE", "FIRST", "LAST"} <= headers:
        for r in rows:
            t.add(path, "ssn", r.get("SSN"))
            bd = r.get("BIRTHDATE") or ""
            if bd.strip():
                if iso_date(bd):
                    t.add(path, "dob", iso_date(bd))
                else:
                    t.note(path, f"BIRTHDATE that is not a full date left out: {bd!r}")
            t.add(path, "name", join_name([r.get("FIRST") or "", r.get("MIDDLE") or ""],
                                          r.get("LAST") or ""))
            t.add(path, "address", join_address(r.get("ADDRESS"), r.get("CITY"), r.get("STATE"),
                                                r.get("ZIP")))
    if "MEMBERID" in headers:
        for r in rows:
            t.add(path, "member_id", r.get("MEMBERID"))
            if "OWNERNAME" in headers:
                t.add(path, "name", r.get("OWNERNAME"))


# ---------------------------------------------------------------------------------------------
# Dispatch

def derive_file(path, full, t):
    with open(full, "rb") as f:
        data = f.read()
    text = data.decode("utf-8-sig", errors="replace")
    ext = os.path.splitext(full)[1].lower()
    if ext == ".csv":
        return derive_csv(path, text, t)
    if ext == ".ndjson":
        return derive_fhir_ndjson(path, text, t)
    if ext == ".json":
        return derive_fhir_json(path, text, t)
    if ext == ".xml":
        root = ET.fromstring(data)
        if root.tag == V3 + "ClinicalDocument":
            return derive_cda(path, root, t)
        if root.tag.startswith(FHIR_NS):
            return derive_fhir_xml(path, root, t)
        return t.note(path, "XML that is neither CDA nor FHIR: not read")
    if re.search(r"(^|[\r\n\x0b])(MSH|FHS|BHS)[^\r\n]", text):
        return derive_hl7(path, text, t)
    t.note(path, "format not recognised: not read")


def derive_set(name):
    base = os.path.join(HERE, name)
    t = Truth()
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for fn in sorted(filenames):
            if fn == "truth.jsonl" or fn.startswith("."):
                continue
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, base).replace(os.sep, "/")
            derive_file(rel, full, t)
    lines = [json.dumps({"path": p, "type": ty, "value": v}, ensure_ascii=False)
             for p, ty, v in sorted(t.rows)]
    return "".join(l + "\n" for l in lines), t


def main(argv):
    check = "--check" in argv
    verbose = "--verbose" in argv
    changed = False
    grand = {}
    for name in SETS:
        body, t = derive_set(name)
        out = os.path.join(HERE, name + ".truth.jsonl")
        old = None
        if os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                old = f.read()
        if old != body:
            changed = True
            if not check:
                with open(out, "w", encoding="utf-8", newline="\n") as f:
                    f.write(body)
        counts = {}
        for _, ty, _ in t.rows:
            counts[ty] = counts.get(ty, 0) + 1
            grand[ty] = grand.get(ty, 0) + 1
        files = len({p for p, _, _ in t.rows})
        print(f"{name}: {len(t.rows)} truth rows in {files} files: "
              + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
        if verbose:
            for p, msg in t.notes:
                print(f"  note {name}/{p}: {msg}")
    print("all: " + ", ".join(f"{k} {grand[k]}" for k in sorted(grand)))
    if check and changed:
        print("truth files are out of date; run derive_truth.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
