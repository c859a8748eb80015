#!/usr/bin/env python3
"""Offline checker for the shipped peiling catalog (editions/<year>/*.json).

Python 3, standard library only. Usage:

    python3 check_catalog.py [EDITIONS_DIR]

EDITIONS_DIR defaults to ../../main/resources/nl/peiling/catalog/editions relative to this file.
Prints every problem it finds (not just the first), a summary table per edition and the trend
comparison with the previous edition; exits 1 when there are problems, 0 otherwise.

This is an independent cross-check of the content against SPEC.md section 2 and the catalog brief;
it is not the Java validator and does not replace it.

Trend breaks, 2025 -> 2027 (base questionnaire `basis`):
  The following items were deliberately REWORDED in 2027. They keep their id, but the text differs
  from 2025, so their trend is broken and the Java validator should report them as `trend-break`
  warnings:
    - doc04  2025: "Docenten geven goede feedback."
             2027: "Docenten vertellen me wat ik kan verbeteren aan mijn werk."
    - inf04  2025: "Ik weet welke schoolkosten ik moet betalen."
             2027: "De school vertelt op tijd welke kosten ik voor mijn opleiding moet betalen."
  New in 2027 (new ids, no trend break): opl06 (eigen keuzes, keuzedelen), vz08 (software).
  Removed after 2025 (not in 2027, no trend break): les06 (lessen op afstand / online).
  Every other shared id has identical text (nl and en), type, options and scale definition.
"""

import json
import math
import os
import re
import sys

EXPECTED_REWORDED = {"2027": {"doc04", "inf04"}}

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
LANG_RE = re.compile(r"^[a-z]{2}$")
VERSION_RE = re.compile(r"^\d{4}\.\d+$")
MAX_ID = 40

SECONDS = {"scale": 7, "single": 8, "grade": 6, "number": 10, "multi": 12, "text": 30}

EDITION_KEYS = {"format", "edition", "previous", "base", "modules", "rules"}
EDITION_REQUIRED = {"format", "edition", "base", "modules", "rules"}
RULES_KEYS = {"chosenPerInstitution", "randomPerRespondent", "maxMinutes"}
MODULE_KEYS = {"format", "id", "version", "kind", "title", "scales", "questions", "clusters"}
SCALE_KEYS = {"id", "points", "negative", "neutral", "positive", "nonSubstantive"}
SCALE_REQUIRED = {"id", "points", "negative", "neutral", "positive"}
POINT_KEYS = {"code", "label"}
OPTION_KEYS = {"code", "label"}
CLUSTER_KEYS = {"id", "title", "items", "reverse", "minAnswered"}
CLUSTER_REQUIRED = {"id", "title", "items"}
QUESTION_COMMON = {"id", "type", "text", "seconds", "visibleIf"}
QUESTION_EXTRA = {
    "scale": {"scale"},
    "single": {"options"},
    "multi": {"options", "minSelected", "maxSelected"},
    "number": {"min", "max", "unit"},
    "grade": set(),
    "text": {"maxLength"},
}
QUESTION_REQUIRED_EXTRA = {
    "scale": {"scale"},
    "single": {"options"},
    "multi": {"options"},
    "number": {"min", "max", "unit"},
    "grade": set(),
    "text": {"maxLength"},
}

# Content limits from the catalog brief.
BASE_QUESTIONS = (60, 70)
BASE_CLUSTERS = (10, 12)
BASE_QUESTIONS_PREVIOUS = (55, 70)
MODULE_QUESTIONS = (8, 15)
MODULE_CLUSTERS = (2, 3)
MODULE_MINUTES = (1.2, 2.2)
BASE_MINUTES = (8.0, 9.0)
MIN_CLUSTER_ITEMS = 3
MAX_TEXT_QUESTIONS = 1

problems = []


def problem(where, message):
    problems.append("%s: %s" % (where, message))


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return (isinstance(v, (int, float))) and not isinstance(v, bool)


# ----------------------------------------------------------------------------- generic helpers
def check_keys(where, obj, allowed, required=()):
    if not isinstance(obj, dict):
        problem(where, "expected an object, got %s" % type(obj).__name__)
        return False
    for k in obj:
        if k not in allowed:
            problem(where, "unknown property '%s'" % k)
    for k in required:
        if k not in obj:
            problem(where, "missing field '%s'" % k)
    return True


def check_id(where, value):
    if not isinstance(value, str):
        problem(where, "id must be a string, got %r" % (value,))
        return
    if not ID_RE.match(value):
        problem(where, "invalid id '%s' (must match [a-z][a-z0-9_]*)" % value)
    if len(value) > MAX_ID:
        problem(where, "id '%s' longer than %d characters" % (value, MAX_ID))


def check_text(where, value):
    if not isinstance(value, dict):
        problem(where, "text must be a language map, got %r" % (value,))
        return
    for lang, s in value.items():
        if not LANG_RE.match(lang):
            problem(where, "invalid language key '%s'" % lang)
        if not isinstance(s, str) or not s.strip():
            problem(where, "empty or non-string text for language '%s'" % lang)
        elif s != s.strip() or "  " in s:
            problem(where, "stray whitespace in '%s' text: %r" % (lang, s))
    for lang in ("nl", "en"):
        if lang not in value:
            problem(where, "missing '%s' translation" % lang)


def load_json(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        problem(path, "cannot read: %s" % e)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problem(path, "not UTF-8: %s" % e)
        return None
    if text.startswith("\ufeff"):
        problem(path, "file starts with a byte order mark")
        text = text[1:]

    def no_dup_pairs(pairs):
        seen = {}
        for k, v in pairs:
            if k in seen:
                problem(path, "duplicate JSON key '%s'" % k)
            seen[k] = v
        return seen

    try:
        return json.loads(text, object_pairs_hook=no_dup_pairs)
    except json.JSONDecodeError as e:
        problem(path, "json-syntax at line %d column %d: %s" % (e.lineno, e.colno, e.msg))
        return None


# ----------------------------------------------------------------------------- visibleIf parser
TOKEN_RE = re.compile(r"""
    \s*(?:
      (?P<string>'[^']*')
    | (?P<number>-?\d+(?:\.\d+)?)
    | (?P<op><=|>=|!=|=|<|>)
    | (?P<lpar>\()
    | (?P<rpar>\))
    | (?P<comma>,)
    | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
    )""", re.VERBOSE)
KEYWORDS = {"and", "or", "not", "in", "answered"}


def tokenize(expr):
    tokens = []
    pos = 0
    expr = expr.rstrip()
    while pos < len(expr):
        m = TOKEN_RE.match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError("unexpected character at position %d: %r" % (pos, expr[pos:pos + 10]))
        pos = m.end()
        kind = m.lastgroup
        val = m.group(kind)
        if kind == "string":
            tokens.append(("string", val[1:-1]))
        elif kind == "number":
            tokens.append(("number", float(val) if "." in val else int(val)))
        elif kind == "ident":
            tokens.append(("kw", val) if val in KEYWORDS else ("ident", val))
        else:
            tokens.append((kind, val))
    return tokens


class Parser:
    """expr := and ('or' and)* ; and := unary ('and' unary)* ; unary := 'not' unary | primary ;
    primary := '(' expr ')' | 'answered' '(' id ')' | id op literal | id 'in' '(' lit (',' lit)* ')'

    Collects (qid, kind, operator, literals) tuples for the caller to check."""

    def __init__(self, tokens):
        self.t = tokens
        self.i = 0
        self.refs = []

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self, kind=None, value=None):
        tok = self.peek()
        if tok[0] is None or (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise ValueError("expected %s%s, found %r" % (kind or "token", " " + value if value else "", tok[1]))
        self.i += 1
        return tok

    def parse(self):
        self.expr()
        if self.i != len(self.t):
            raise ValueError("unexpected %r after the end of the expression" % (self.peek()[1],))
        return self.refs

    def expr(self):
        self.conj()
        while self.peek() == ("kw", "or"):
            self.take()
            self.conj()

    def conj(self):
        self.unary()
        while self.peek() == ("kw", "and"):
            self.take()
            self.unary()

    def unary(self):
        if self.peek() == ("kw", "not"):
            self.take()
            self.unary()
        else:
            self.primary()

    def literal(self):
        tok = self.peek()
        if tok[0] not in ("string", "number"):
            raise ValueError("expected a literal, found %r" % (tok[1],))
        self.i += 1
        return tok

    def primary(self):
        tok = self.peek()
        if tok[0] == "lpar":
            self.take()
            self.expr()
            self.take("rpar")
        elif tok == ("kw", "answered"):
            self.take()
            self.take("lpar")
            qid = self.take("ident")[1]
            self.take("rpar")
            self.refs.append((qid, "answered", None, []))
        elif tok[0] == "ident":
            qid = self.take()[1]
            nxt = self.peek()
            if nxt[0] == "op":
                op = self.take()[1]
                self.refs.append((qid, "compare", op, [self.literal()]))
            elif nxt == ("kw", "in"):
                self.take()
                self.take("lpar")
                lits = [self.literal()]
                while self.peek()[0] == "comma":
                    self.take()
                    lits.append(self.literal())
                self.take("rpar")
                self.refs.append((qid, "in", "in", lits))
            else:
                raise ValueError("expected a comparison or 'in' after '%s'" % qid)
        else:
            raise ValueError("unexpected %r" % (tok[1],))


def identifiers(expr):
    """Identifier extraction by regex (quoted strings and keywords removed); cross-checks the parser."""
    stripped = re.sub(r"'[^']*'", "''", expr)
    return {w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", stripped) if w not in KEYWORDS}


# ----------------------------------------------------------------------------- module checks
def scale_canonical(scale):
    return json.dumps(scale, sort_keys=True, ensure_ascii=False)


def question_seconds(q):
    if "seconds" in q and is_num(q["seconds"]):
        return q["seconds"]
    return SECONDS.get(q.get("type"), 0)


def check_scale(where, s):
    if not check_keys(where, s, SCALE_KEYS, SCALE_REQUIRED):
        return
    check_id(where + ".id", s.get("id"))
    points = s.get("points")
    codes = []
    if not isinstance(points, list) or len(points) < 2:
        problem(where, "points must be a list of at least 2 points")
        points = []
    for i, p in enumerate(points):
        pw = "%s.points[%d]" % (where, i)
        if not check_keys(pw, p, POINT_KEYS, POINT_KEYS):
            continue
        if not is_int(p.get("code")):
            problem(pw, "point code must be an integer, got %r" % (p.get("code"),))
        else:
            codes.append(p["code"])
        check_text(pw + ".label", p.get("label"))
    if len(codes) != len(set(codes)):
        problem(where, "duplicate point codes %s" % codes)
    if codes and codes != sorted(codes):
        problem(where, "point codes not in ascending order: %s" % codes)
    classified = []
    for cls in ("negative", "neutral", "positive"):
        v = s.get(cls, [])
        if not isinstance(v, list) or not all(is_int(c) for c in v):
            problem(where + "." + cls, "must be a list of integer codes")
            continue
        classified.extend(v)
    if sorted(classified) != sorted(codes):
        problem(where, "scale-classification: negative/neutral/positive %s do not partition points %s"
                % (sorted(classified), sorted(codes)))
    ns_codes = set()
    for i, ns in enumerate(s.get("nonSubstantive", []) or []):
        nw = "%s.nonSubstantive[%d]" % (where, i)
        if not check_keys(nw, ns, POINT_KEYS, POINT_KEYS):
            continue
        code = ns.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            problem(nw, "non-substantive code must be a lower-case string, got %r" % (code,))
        elif code in ns_codes:
            problem(nw, "duplicate non-substantive code '%s'" % code)
        else:
            ns_codes.add(code)
        check_text(nw + ".label", ns.get("label"))


def check_options(where, options):
    codes = []
    if not isinstance(options, list) or len(options) < 2:
        problem(where, "options must be a list of at least 2 options")
        return codes
    for i, o in enumerate(options):
        ow = "%s[%d]" % (where, i)
        if not check_keys(ow, o, OPTION_KEYS, OPTION_KEYS):
            continue
        code = o.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            problem(ow, "option code must be a lower-case string, got %r" % (code,))
        elif code in codes:
            problem(ow, "duplicate option code '%s'" % code)
        else:
            codes.append(code)
        check_text(ow + ".label", o.get("label"))
    return codes


def check_question(where, q, scales):
    if not isinstance(q, dict):
        problem(where, "question must be an object")
        return
    qtype = q.get("type")
    if qtype not in QUESTION_EXTRA:
        problem(where, "unknown question type %r" % (qtype,))
        check_keys(where, q, QUESTION_COMMON | set().union(*QUESTION_EXTRA.values()), {"id", "type", "text"})
        return
    check_keys(where, q, QUESTION_COMMON | QUESTION_EXTRA[qtype],
               {"id", "type", "text"} | QUESTION_REQUIRED_EXTRA[qtype])
    check_id(where + ".id", q.get("id"))
    check_text(where + ".text", q.get("text"))
    if "seconds" in q and (not is_num(q["seconds"]) or q["seconds"] <= 0):
        problem(where + ".seconds", "must be a positive number")
    if qtype == "scale":
        if q.get("scale") not in scales:
            problem(where + ".scale", "unknown-reference: scale '%s' is not defined in this module" % q.get("scale"))
    elif qtype in ("single", "multi"):
        codes = check_options(where + ".options", q.get("options"))
        if qtype == "multi":
            lo, hi = q.get("minSelected"), q.get("maxSelected")
            for name, v in (("minSelected", lo), ("maxSelected", hi)):
                if v is not None and (not is_int(v) or v < 0 or v > len(codes)):
                    problem(where + "." + name, "must be an integer between 0 and %d" % len(codes))
            if is_int(lo) and is_int(hi) and lo > hi:
                problem(where, "minSelected > maxSelected")
    elif qtype == "number":
        lo, hi = q.get("min"), q.get("max")
        if not is_num(lo) or not is_num(hi) or lo >= hi:
            problem(where, "number needs numeric min < max, got %r..%r" % (lo, hi))
        check_text(where + ".unit", q.get("unit"))
    elif qtype == "text":
        if not is_int(q.get("maxLength")) or q["maxLength"] <= 0:
            problem(where + ".maxLength", "must be a positive integer")


def check_module(where, m, expected_id, kind):
    """Structural checks of one module file. Returns (questions by id in order, clusters, scales)."""
    if not check_keys(where, m, MODULE_KEYS, MODULE_KEYS):
        return None
    if m.get("format") != "peiling.module/1":
        problem(where + ".format", "expected 'peiling.module/1', got %r" % (m.get("format"),))
    check_id(where + ".id", m.get("id"))
    if m.get("id") != expected_id:
        problem(where + ".id", "module id '%s' does not match file name '%s'" % (m.get("id"), expected_id))
    if not isinstance(m.get("version"), str) or not VERSION_RE.match(m["version"]):
        problem(where + ".version", "version must look like '2027.1', got %r" % (m.get("version"),))
    if m.get("kind") != kind:
        problem(where + ".kind", "expected kind '%s', got %r" % (kind, m.get("kind")))
    check_text(where + ".title", m.get("title"))

    scales = {}
    for i, s in enumerate(m.get("scales") or []):
        sw = "%s.scales[%s]" % (where, s.get("id", i) if isinstance(s, dict) else i)
        check_scale(sw, s)
        if isinstance(s, dict) and isinstance(s.get("id"), str):
            if s["id"] in scales:
                problem(sw, "duplicate-id: scale '%s' defined twice in the module" % s["id"])
            scales[s["id"]] = s

    questions = []
    for i, q in enumerate(m.get("questions") or []):
        qw = "%s.questions[%s]" % (where, q.get("id", i) if isinstance(q, dict) else i)
        check_question(qw, q, scales)
        if isinstance(q, dict):
            questions.append(q)

    used_scales = {q.get("scale") for q in questions if q.get("type") == "scale"}
    for sid in scales:
        if sid not in used_scales:
            problem("%s.scales[%s]" % (where, sid), "scale is defined but never used")

    qmap = {}
    for q in questions:
        if q.get("id") in qmap:
            problem(where, "duplicate-id: question '%s' twice in the module" % q.get("id"))
        qmap[q.get("id")] = q

    clusters = [c for c in (m.get("clusters") or []) if isinstance(c, dict)]
    in_cluster = {}
    for c in clusters:
        cw = "%s.clusters[%s]" % (where, c.get("id"))
        check_keys(cw, c, CLUSTER_KEYS, CLUSTER_REQUIRED)
        check_id(cw + ".id", c.get("id"))
        check_text(cw + ".title", c.get("title"))
        items = c.get("items") or []
        if not isinstance(items, list):
            problem(cw + ".items", "must be a list")
            continue
        if len(items) != len(set(items)):
            problem(cw + ".items", "an item is listed twice")
        if len(items) < MIN_CLUSTER_ITEMS:
            problem(cw + ".items", "cluster has %d items, needs at least %d" % (len(items), MIN_CLUSTER_ITEMS))
        cscales = set()
        for j, it in enumerate(items):
            iw = "%s.items[%d]" % (cw, j)
            q = qmap.get(it)
            if q is None:
                problem(iw, "cluster-split/unknown-reference: '%s' is not a question of this module" % it)
                continue
            if q.get("type") != "scale":
                problem(iw, "cluster-item-type: '%s' is a %s question, not scale" % (it, q.get("type")))
                continue
            cscales.add(q.get("scale"))
            if it in in_cluster:
                problem(iw, "'%s' is already in cluster '%s'" % (it, in_cluster[it]))
            in_cluster[it] = c.get("id")
        if len(cscales) > 1:
            problem(cw, "cluster-mixed-scales: %s" % sorted(cscales))
        rev = c.get("reverse", [])
        if not isinstance(rev, list):
            problem(cw + ".reverse", "must be a list")
        else:
            if len(rev) != len(set(rev)):
                problem(cw + ".reverse", "an item is listed twice")
            for r in rev:
                if r not in items:
                    problem(cw + ".reverse", "cluster-reverse-not-item: '%s'" % r)
            if items and len(rev) >= len(items):
                problem(cw + ".reverse", "all items reverse-keyed; reword the cluster instead")
        if "minAnswered" in c:
            ma = c["minAnswered"]
            if not is_int(ma) or ma < 1 or ma > len(items):
                problem(cw + ".minAnswered", "cluster-min-answered: %r not in 1..%d" % (ma, len(items)))

    n_text = sum(1 for q in questions if q.get("type") == "text")
    if n_text > MAX_TEXT_QUESTIONS:
        problem(where, "%d open text questions, at most %d allowed" % (n_text, MAX_TEXT_QUESTIONS))
    return questions, clusters, scales


def check_routing(where, questions, own_earlier_ok, base_questions, module_is_base):
    """visibleIf: refers only to earlier questions of the module or to base questions."""
    seen = {}
    for q in questions:
        qid = q.get("id")
        expr = q.get("visibleIf")
        qw = "%s.questions[%s].visibleIf" % (where, qid)
        if expr is not None:
            if not isinstance(expr, str) or not expr.strip():
                problem(qw, "routing-syntax: must be a non-empty string")
            else:
                try:
                    refs = Parser(tokenize(expr)).parse()
                except ValueError as e:
                    problem(qw, "routing-syntax: %s in %r" % (e, expr))
                    refs = []
                parsed_ids = {r[0] for r in refs}
                regex_ids = identifiers(expr)
                if refs and parsed_ids != regex_ids:
                    problem(qw, "identifier extraction mismatch: parser %s, regex %s" % (parsed_ids, regex_ids))
                for ref_id, kind, op, lits in refs:
                    if ref_id == qid:
                        problem(qw, "routing-forward-reference: refers to itself")
                        continue
                    target = seen.get(ref_id)
                    if target is None and not module_is_base:
                        target = base_questions.get(ref_id)
                    if target is None:
                        if ref_id in own_earlier_ok:
                            problem(qw, "routing-forward-reference: '%s' comes later in the module" % ref_id)
                        else:
                            problem(qw, "routing-cross-module/unknown-reference: '%s' is neither an earlier "
                                        "question of this module nor a base question" % ref_id)
                        continue
                    check_literals(qw, target, kind, op, lits)
        seen[qid] = q


def check_literals(where, target, kind, op, lits):
    ttype = target.get("type")
    tid = target.get("id")
    if kind == "answered":
        return
    for lit_kind, lit in lits:
        if ttype == "single":
            if lit_kind != "string":
                problem(where, "routing-type-mismatch: '%s' is single, compared with number %r" % (tid, lit))
            elif lit not in [o.get("code") for o in target.get("options", [])]:
                problem(where, "unknown-reference: '%s' is not an option code of '%s'" % (lit, tid))
            if op not in ("=", "!=", "in"):
                problem(where, "routing-type-mismatch: operator %s on single question '%s'" % (op, tid))
        elif ttype in ("number", "grade", "scale"):
            if lit_kind != "number":
                problem(where, "routing-type-mismatch: '%s' is %s, compared with string '%s'" % (tid, ttype, lit))
        else:
            problem(where, "routing-type-mismatch: cannot compare %s question '%s' with a literal" % (ttype, tid))


def minutes(questions):
    return sum(question_seconds(q) for q in questions) / 60.0


# ----------------------------------------------------------------------------- edition checks
def load_edition(editions_dir, name):
    folder = os.path.join(editions_dir, name)
    ew = "%s/edition.json" % name
    ed = load_json(os.path.join(folder, "edition.json"))
    if ed is None:
        return None
    check_keys(ew, ed, EDITION_KEYS, EDITION_REQUIRED)
    if ed.get("format") != "peiling.edition/1":
        problem(ew, "format must be 'peiling.edition/1'")
    if ed.get("edition") != name:
        problem(ew, "edition '%s' does not match folder '%s'" % (ed.get("edition"), name))
    rules = ed.get("rules") or {}
    if check_keys(ew + ".rules", rules, RULES_KEYS, RULES_KEYS):
        for k in RULES_KEYS:
            v = rules.get(k)
            if not is_int(v) or v < 0:
                problem(ew + ".rules." + k, "must be a non-negative integer, got %r" % (v,))
    mods = ed.get("modules") or []
    if len(mods) != len(set(mods)):
        problem(ew + ".modules", "a module is listed twice")
    check_id(ew + ".base", ed.get("base"))
    for mid in mods:
        check_id(ew + ".modules", mid)
    expected_files = {"edition.json", "%s.json" % ed.get("base")} | {"%s.json" % m for m in mods}
    for fn in sorted(os.listdir(folder)):
        if fn not in expected_files:
            problem("%s/%s" % (name, fn), "file is not part of the edition")

    result = {"edition": ed, "modules": {}}
    base_id = ed.get("base")
    bm = load_json(os.path.join(folder, "%s.json" % base_id))
    if bm is not None:
        parsed = check_module("modules[%s]" % base_id, bm, base_id, "base")
        if parsed:
            result["modules"][base_id] = (bm, parsed)
    for mid in mods:
        mm = load_json(os.path.join(folder, "%s.json" % mid))
        if mm is None:
            continue
        parsed = check_module("modules[%s]" % mid, mm, mid, "optional")
        if parsed:
            result["modules"][mid] = (mm, parsed)
    return result


def check_edition(name, data, is_previous_only):
    ed = data["edition"]
    base_id = ed.get("base")
    mods = data["modules"]
    rules = ed.get("rules") or {}

    # ids unique across the whole edition (question and cluster ids name data columns)
    owner = {}
    for mid, (_, (questions, clusters, _s)) in mods.items():
        for kind, objs in (("question", questions), ("cluster", clusters)):
            for o in objs:
                oid = o.get("id")
                if oid in owner:
                    problem("%s modules[%s]" % (name, mid), "duplicate-id: %s id '%s' is already used by %s"
                            % (kind, oid, owner[oid]))
                else:
                    owner[oid] = "a %s of module '%s'" % (kind, mid)

    # scales with the same id must be defined identically in every module
    scale_defs = {}
    for mid, (_, (_q, _c, scales)) in mods.items():
        for sid, s in scales.items():
            canon = scale_canonical(s)
            if sid in scale_defs and scale_defs[sid][1] != canon:
                problem("%s modules[%s].scales[%s]" % (name, mid, sid),
                        "defined differently from module '%s'" % scale_defs[sid][0])
            scale_defs.setdefault(sid, (mid, canon))

    # the same question text twice in an edition is almost certainly a copy-paste error
    texts = {}
    for mid, (_, (questions, _c, _s)) in mods.items():
        for q in questions:
            t = (q.get("text") or {}).get("nl")
            if t in texts:
                problem("%s modules[%s].questions[%s]" % (name, mid, q.get("id")),
                        "same Dutch text as %s" % texts[t])
            texts[t] = "%s.%s" % (mid, q.get("id"))

    # routing
    base_questions = {}
    if base_id in mods:
        bq = mods[base_id][1][0]
        base_questions = {q.get("id"): q for q in bq}
        check_routing("modules[%s]" % base_id, bq, set(base_questions), base_questions, True)
    for mid, (_, (questions, _c, _s)) in mods.items():
        if mid == base_id:
            continue
        check_routing("modules[%s]" % mid, questions, {q.get("id") for q in questions}, base_questions, False)

    # counts and lengths
    rows = []
    module_minutes = {}
    for mid, (_, (questions, clusters, _s)) in mods.items():
        nq, nc, mins = len(questions), len(clusters), minutes(questions)
        rows.append((mid, nq, nc, mins))
        mw = "%s modules[%s]" % (name, mid)
        if mid == base_id:
            qlim = BASE_QUESTIONS_PREVIOUS if is_previous_only else BASE_QUESTIONS
            if not qlim[0] <= nq <= qlim[1]:
                problem(mw, "%d questions, expected %d..%d" % (nq, qlim[0], qlim[1]))
            if not BASE_CLUSTERS[0] <= nc <= BASE_CLUSTERS[1]:
                problem(mw, "%d clusters, expected %d..%d" % (nc, BASE_CLUSTERS[0], BASE_CLUSTERS[1]))
            if not BASE_MINUTES[0] <= mins <= BASE_MINUTES[1]:
                problem(mw, "%.2f minutes, aim is %.1f..%.1f" % (mins, BASE_MINUTES[0], BASE_MINUTES[1]))
        else:
            module_minutes[mid] = mins
            if not MODULE_QUESTIONS[0] <= nq <= MODULE_QUESTIONS[1]:
                problem(mw, "%d questions, expected %d..%d" % (nq, MODULE_QUESTIONS[0], MODULE_QUESTIONS[1]))
            if not MODULE_CLUSTERS[0] <= nc <= MODULE_CLUSTERS[1]:
                problem(mw, "%d clusters, expected %d..%d" % (nc, MODULE_CLUSTERS[0], MODULE_CLUSTERS[1]))
            if not MODULE_MINUTES[0] <= mins <= MODULE_MINUTES[1]:
                problem(mw, "%.2f minutes, aim is %.1f..%.1f" % (mins, MODULE_MINUTES[0], MODULE_MINUTES[1]))

    per_respondent = (rules.get("chosenPerInstitution") or 0) + (rules.get("randomPerRespondent") or 0)
    if per_respondent > len(ed.get("modules") or []):
        problem(name + "/edition.json", "rules-infeasible: %d modules per respondent, only %d modules"
                % (per_respondent, len(ed.get("modules") or [])))
    longest = sorted(module_minutes.values(), reverse=True)[:per_respondent]
    base_min = minutes(mods[base_id][1][0]) if base_id in mods else 0.0
    worst = base_min + sum(longest)
    if worst > (rules.get("maxMinutes") or 0):
        problem(name + "/edition.json", "length-budget: worst case %.2f min > maxMinutes %s"
                % (worst, rules.get("maxMinutes")))

    order = [base_id] + list(ed.get("modules") or [])
    rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else 99)
    print()
    print("Edition %s" % name)
    print("  %-12s %9s %8s %8s" % ("module", "questions", "clusters", "minutes"))
    for mid, nq, nc, mins in rows:
        print("  %-12s %9d %8d %8.2f" % (mid, nq, nc, mins))
    if per_respondent:
        print("  worst case: base %.2f + %d longest modules %.2f = %.2f min (max %s)"
              % (base_min, per_respondent, sum(longest), worst, rules.get("maxMinutes")))
    else:
        print("  worst case: base only, %.2f min (max %s)" % (base_min, rules.get("maxMinutes")))


def comparable(q, scales):
    c = {"type": q.get("type"), "text": q.get("text")}
    for k in ("options", "min", "max", "unit"):
        if k in q:
            c[k] = q[k]
    if q.get("type") == "scale":
        c["scale"] = scales.get(q.get("scale"))
    return json.dumps(c, sort_keys=True, ensure_ascii=False)


def check_trend(name, data, prev_name, prev):
    def all_questions(d):
        out = {}
        for mid, (_, (questions, _c, scales)) in d["modules"].items():
            for q in questions:
                out[q.get("id")] = (mid, q, scales)
        return out

    cur_q, prev_q = all_questions(data), all_questions(prev)
    shared = sorted(set(cur_q) & set(prev_q))
    changed = []
    for qid in shared:
        _, q1, s1 = cur_q[qid]
        _, q0, s0 = prev_q[qid]
        if comparable(q1, s1) != comparable(q0, s0):
            changed.append(qid)
    print()
    print("Trend %s -> %s: %d shared question ids, %d new, %d removed"
          % (prev_name, name, len(shared), len(set(cur_q) - set(prev_q)), len(set(prev_q) - set(cur_q))))
    def by_module(ids, qs):
        groups = {}
        for qid in sorted(ids):
            groups.setdefault(qs[qid][0], []).append(qid)
        parts = []
        for mid, lst in groups.items():
            total = sum(1 for v in qs.values() if v[0] == mid)
            parts.append("%s: all %d (new module)" % (mid, total) if len(lst) == total
                         else "%s: %s" % (mid, ", ".join(lst)))
        return "; ".join(parts) or "none"
    print("  new:     %s" % by_module(set(cur_q) - set(prev_q), cur_q))
    print("  removed: %s" % by_module(set(prev_q) - set(cur_q), prev_q))
    print("  trend breaks (text, options or scale differ): %s" % (", ".join(changed) or "none"))
    for qid in changed:
        t0, t1 = prev_q[qid][1].get("text") or {}, cur_q[qid][1].get("text") or {}
        for lang in ("nl", "en"):
            if t0.get(lang) != t1.get(lang):
                print("    %-6s %s %s: %s" % (qid, lang, prev_name, t0.get(lang)))
                print("    %-6s %s %s: %s" % ("", lang, name, t1.get(lang)))
        if t0 == t1:
            print("    %-6s same text; type, options or scale differ" % qid)
    expected = EXPECTED_REWORDED.get(name, set())
    if set(changed) != expected:
        problem("trend %s->%s" % (prev_name, name), "trend breaks %s differ from the expected reworded items %s"
                % (sorted(changed), sorted(expected)))
    # clusters that exist in both editions should still be comparable
    def all_clusters(d):
        out = {}
        for mid, (_, (_q, clusters, _s)) in d["modules"].items():
            for c in clusters:
                out[c.get("id")] = c
        return out
    cur_c, prev_c = all_clusters(data), all_clusters(prev)
    for cid in sorted(set(cur_c) & set(prev_c)):
        if cur_c[cid].get("reverse", []) != prev_c[cid].get("reverse", []):
            problem("trend %s->%s clusters[%s]" % (prev_name, name, cid), "reverse keying changed")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "main", "resources", "nl", "peiling", "catalog",
                                            "editions"))
    editions_dir = sys.argv[1] if len(sys.argv) > 1 else default
    if not os.path.isdir(editions_dir):
        print("no editions folder at %s" % editions_dir)
        return 2
    names = sorted(d for d in os.listdir(editions_dir) if os.path.isdir(os.path.join(editions_dir, d)))
    loaded = {}
    for name in names:
        data = load_edition(editions_dir, name)
        if data is not None:
            loaded[name] = data
    previous_of = {n: d["edition"].get("previous") for n, d in loaded.items()}
    is_previous = {p for p in previous_of.values() if p}
    for name in names:
        if name in loaded:
            check_edition(name, loaded[name], name in is_previous and not previous_of.get(name))
    for name in names:
        prev = previous_of.get(name)
        if prev:
            if prev not in loaded:
                problem(name + "/edition.json", "previous edition '%s' not found" % prev)
            else:
                check_trend(name, loaded[name], prev, loaded[prev])
    print()
    if problems:
        print("%d problem(s):" % len(problems))
        for p in problems:
            print("  - " + p)
        return 1
    print("No problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
