#!/usr/bin/python3
"""Writes the provinces corpus: self-evaluation tables in the habits of Sichuan, Yunnan, Anhui,
Shanghai, Hebei and Shanxi, made by real producers (openpyxl, xlsxwriter, LibreOffice), and
test/fixtures/provinces/expected.json with every expected number computed here by hand from
/work/shared/DOMAIN.md's rules (national preset) — never by the project's engine.

Run with Debian's Python (python3-openpyxl, python3-xlsxwriter; libreoffice-calc-nogui for the
soffice conversions):

    /usr/bin/python3 scripts/provinces/make_corpus.py        (or scripts/provinces/make_corpus.sh)
    /usr/bin/python3 scripts/provinces/make_corpus.py dept-national-single-block.xlsx ...   (only these)
    /usr/bin/python3 scripts/provinces/make_corpus.py --check      (render none; rewrite expected.json, README.md)

Named workbooks are rendered again; the others are read back and checked against their model as they
stand, so a new workbook does not rewrite the committed bytes of the old ones.

How a value is READ is written beside each row by hand (P('22', '23') says: positive, target
22 and actual 23 in the same unit, here 万人); the helpers below only do the arithmetic of
DOMAIN.md on those readings. Nothing parses the cell text, so a reader's mistake in the
engine cannot leak into the expectations.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction
from typing import List, Optional

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'provinces')

# ---------------------------------------------------------------------------------------------
# Cell values


@dataclass
class Num:
    """A number shown with a number format (0.95 shown as 95%)."""
    value: float
    fmt: str


@dataclass
class Formula:
    """A formula; `value` is its result (cached by xlsxwriter, computed by LibreOffice)."""
    text: str
    value: float
    fmt: Optional[str] = None


@dataclass
class Date:
    """A real date cell (a serial number) shown with a date number format."""
    value: datetime.datetime
    fmt: str


@dataclass
class Said:
    """A text cell (`9.5分`, `10` typed as text) and the number I read in it by hand."""
    text: str
    value: float


def plain(v):
    """The value as read (a number for Num, Formula, Said; a datetime for Date)."""
    if isinstance(v, (Num, Formula, Date, Said)):
        return v.value
    return v


def written(v):
    """What the cell holds: the text of a Said, else its value."""
    return v.text if isinstance(v, Said) else plain(v)


# ---------------------------------------------------------------------------------------------
# The sheet model both producers render


class Sheet:
    def __init__(self, name: str):
        self.name = name
        self.cells = {}       # (row, col) 1-based -> value
        self.bold = set()
        self.merges = []      # (r1, c1, r2, c2)
        self.widths = {}
        self.covered = set()  # cells hidden under a merge
        self.hidden_cols = set()

    def put(self, r, c, v, bold=False):
        if v is None or v == '':
            return
        assert (r, c) not in self.covered, f'{self.name}: write into a merged-away cell {r},{c}'
        assert (r, c) not in self.cells, f'{self.name}: cell {r},{c} written twice'
        self.cells[(r, c)] = v
        if bold:
            self.bold.add((r, c))

    def merge(self, r1, c1, r2, c2, v, bold=False):
        if (r1, c1) == (r2, c2):
            self.put(r1, c1, v, bold)
            return
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                assert (r, c) not in self.covered and ((r, c) == (r1, c1) or (r, c) not in self.cells), \
                    f'{self.name}: overlapping merge at {r},{c}'
                if (r, c) != (r1, c1):
                    self.covered.add((r, c))
        self.merges.append((r1, c1, r2, c2))
        self.put(r1, c1, v, bold)


# ---------------------------------------------------------------------------------------------
# DOMAIN.md's rules, implemented independently of the engine

HALF = Fraction(1, 2)


def F(x) -> Fraction:
    return Fraction(str(x))


def half_up(x: Fraction) -> Decimal:
    """2-decimal half-up rounding of an exact value (DOMAIN.md: each row to 2 decimals, half up)."""
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return d.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)


WEAK_RATIO = Fraction(3, 2)  # README: weak-target at actual/target ≥ 1.5 (target/actual for reverse)

# National preset: qualitative tiers 100–80 %, 80–60 %, 60–0 % of the weight.
TIERS = {'achieved': (Fraction(80, 100), Fraction(1)), 'partial': (Fraction(60, 100), Fraction(80, 100)),
         'failed': (Fraction(0), Fraction(60, 100))}
TIER_PROPOSED = {'achieved': Fraction(1), 'partial': Fraction(70, 100), 'failed': Fraction(30, 100)}


def expect_score(weight, A, B, rule):
    """Score of one quantitative row: (rounded score, share of the weight, ratio or None).

    positive: weight × B/A capped at the weight (a target ≤ 0 is met by any B ≥ A).
    reverse:  weight × A/B capped; an actual of 0 is full; the ratio is A/B.
    range:    A = (low, high); inside is full, outside proportional to the nearer bound.
    deadline: B is True when the actual is on or before the deadline; a missed deadline gets 0.
    """
    w = F(weight)
    ratio = None
    if rule == 'positive':
        A, B = F(A), F(B)
        if A <= 0:
            share = Fraction(1) if B >= A else Fraction(0)
        else:
            share = min(Fraction(1), max(Fraction(0), B / A))
            ratio = B / A if B != 0 else None
    elif rule == 'reverse':
        A, B = F(A), F(B)
        ratio = A / B if A > 0 and B > 0 else None
        if B <= 0:
            share = Fraction(1)
        elif A <= 0:
            share = Fraction(0)
        else:
            share = min(Fraction(1), A / B)
    elif rule == 'range':
        low, high = F(A[0]), F(A[1])
        B = F(B)
        if low <= B <= high:
            share = Fraction(1)
        elif B < low:
            share = B / low if low > 0 else Fraction(0)
        else:
            share = high / B
    elif rule == 'deadline':
        share = Fraction(1) if B else Fraction(0)
    else:
        raise ValueError(rule)
    return half_up(w * share), share, ratio


def budget_score(weight, A, B) -> Decimal:
    """Budget execution: weight × B/A, never above the weight (A is 全年预算数 / 调整后预算数)."""
    return half_up(F(weight) * min(Fraction(1), F(B) / F(A)))


def grade_of(total: Decimal) -> str:
    if total >= 90:
        return '优'
    if total >= 80:
        return '良'
    if total >= 60:
        return '中'
    return '差'


# Hand readings of a row. Numbers are strings in the unit I read both sides in.

@dataclass
class P:
    """Positive: ≥X, X以上, 不低于, 达到, a bare number."""
    a: str
    b: str
    method = 'positive'


@dataclass
class R:
    """Reverse: ≤X, X以下, 不超过, 控制在…以内, a bare 0."""
    a: str
    b: str
    method = 'reverse'


@dataclass
class RG:
    """Range: low-high."""
    low: str
    high: str
    b: str
    method = 'range'


@dataclass
class DL:
    """Deadline, met or not."""
    met: bool
    method = 'deadline'


@dataclass
class Q:
    """Qualitative: the tier the actual falls in and the entered score (kept in [0, weight])."""
    tier: str
    vague: bool = False
    method = 'qualitative'


@dataclass
class UM:
    """Units that cannot be compared (分 against %): the entered score is kept, flag unit-mismatch."""
    method = 'positive'


# ---------------------------------------------------------------------------------------------
# Table specification


@dataclass
class Sub:
    """A breakdown row (其中…, or 分值 `/` or empty): shown, never scored, never a finding."""
    name: str
    target: object
    actual: object
    weight: object = '/'
    score: object = '/'
    sign: str = ''
    unit: str = ''


@dataclass
class Ind:
    l1: str
    l2: str
    name: str
    target: object
    actual: object
    w: object                 # the weight as I read it, in points
    rep: object               # the entered score (None: empty)
    rule: object
    reason: str = ''
    wcell: object = None      # the weight cell as written, when not the plain number
    sign: str = ''            # Sichuan: 指标性质
    unit: str = ''            # Sichuan: 度量单位
    subs: List[Sub] = field(default_factory=list)
    extra: dict = field(default_factory=dict)   # values of further columns by key (write_form only)


@dataclass
class Budget:
    headers: List[str]
    rows: List[list]          # [row label, value per header]
    A: object                 # 全年预算数 / 调整后预算数 as read (None: unfilled)
    B: object                 # 执行数 as read (None: unfilled)
    weight: int
    reported: object          # entered budget score, or None
    label: str = '项目资金（万元）'


@dataclass
class Table:
    sheet: str
    title: str
    year: str
    project: str
    dept: str
    unit: str
    budget: Budget
    columns: List[tuple]      # (header, key): key in l1 l2 name sign target unit actual weight score reason
    inds: List[Ind]
    totals: List[list]        # each a list of (c1, c2, value); c may be a column key
    reported_total: object
    block_label: Optional[str] = '绩效指标'
    l1_labels: dict = field(default_factory=dict)      # display label per 一级指标
    l1_weights: dict = field(default_factory=dict)     # stated subtotal per 一级指标
    levels: str = 'merge'     # merge | repeat | blank
    goals: tuple = ('（略）', '（略）')
    narrative: List[tuple] = field(default_factory=list)
    subtotal_in_block: bool = False  # the block label's merge runs down over a 合计 row
    unfilled: bool = False
    widths: dict = field(default_factory=dict)


def num(x):
    """A written number: int where integral."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def write_table(sh: Sheet, top: int, t: Table):
    """Lays a national-form project table out from row `top`; returns (expected, next free row)."""
    first_col = 2 if t.block_label else 1
    col = {key: first_col + i for i, (_, key) in enumerate(t.columns)}
    width = first_col + len(t.columns) - 1

    def c_of(c):
        if c == 'label_end':  # a total's label runs up to the first number column
            return min(col['weight'], col['score']) - 1
        return col[c] if isinstance(c, str) else c

    before = set(sh.cells)
    r = top
    sh.merge(r, 1, r, width, t.title, bold=True)
    r += 1
    sh.merge(r, 1, r, width, t.year)
    r += 1
    sh.put(r, 1, '项目名称')
    sh.merge(r, 2, r, width, t.project)
    r += 1
    mid = 2 + (width - 2) // 2
    sh.put(r, 1, '主管部门')
    sh.merge(r, 2, r, mid - 1, t.dept)
    sh.put(r, mid, '实施单位')
    sh.merge(r, mid + 1, r, width, t.unit)
    r += 1

    # Budget block: label merged down at A, row labels at B, values from C.
    b = t.budget
    assert 2 + len(b.headers) <= width
    refs = budget_refs(b.headers, r + 1)
    sh.merge(r, 1, r + len(b.rows), 1, b.label)
    for i, h in enumerate(b.headers):
        sh.put(r, 3 + i, h)
    for j, row in enumerate(b.rows):
        sh.put(r + 1 + j, 2, row[0])
        for i, v in enumerate(row[1:]):
            sh.put(r + 1 + j, 3 + i, v)
    r += 1 + len(b.rows)

    # 年度总体目标
    sh.merge(r, 1, r + 1, 1, '年度总体目标')
    sh.merge(r, 2, r, mid, '预期目标')
    sh.merge(r, mid + 1, r, width, '实际完成情况')
    sh.merge(r + 1, 2, r + 1, mid, t.goals[0])
    sh.merge(r + 1, mid + 1, r + 1, width, t.goals[1])
    r += 2

    # Indicator block
    header_row = r
    for h, key in t.columns:
        sh.put(r, col[key], h, bold=True)
    r += 1
    lines = []  # (row, Ind or Sub, parent Ind)
    for ind in t.inds:
        lines.append((r, ind, ind))
        r += 1
        for s in ind.subs:
            lines.append((r, s, ind))
            r += 1
    last = r - 1

    def write_level(key, label_of, group_of):
        i = 0
        while i < len(lines):
            j = i
            while j + 1 < len(lines) and group_of(lines[j + 1][2]) == group_of(lines[i][2]):
                j += 1
            label = label_of(lines[i][2])
            if t.levels == 'merge':
                sh.merge(lines[i][0], col[key], lines[j][0], col[key], label)
            elif t.levels == 'blank':
                sh.put(lines[i][0], col[key], label)
            else:
                for k in range(i, j + 1):
                    sh.put(lines[k][0], col[key], label)
            i = j + 1

    write_level('l1', lambda ind: t.l1_labels.get(ind.l1, ind.l1), lambda ind: ind.l1)
    write_level('l2', lambda ind: ind.l2, lambda ind: (ind.l1, ind.l2))

    for row, item, _ in lines:
        sh.put(row, col['name'], item.name)
        if 'sign' in col:
            sh.put(row, col['sign'], item.sign)
            sh.put(row, col['unit'], item.unit)
        sh.put(row, col['target'], item.target)
        sh.put(row, col['actual'], item.actual)
        if isinstance(item, Ind):
            sh.put(row, col['weight'], item.wcell if item.wcell is not None else num(item.w))
            sh.put(row, col['score'], item.rep)
            if 'reason' in col:
                sh.put(row, col['reason'], item.reason)
        else:
            sh.put(row, col['weight'], item.weight)
            sh.put(row, col['score'], item.score)

    # Totals
    block_end = last
    for k, segments in enumerate(t.totals):
        for c1, c2, v in segments:
            sh.merge(r, c_of(c1), r, c_of(c2), v)
        if k == 0 and t.subtotal_in_block:
            block_end = r
        r += 1
    if t.block_label:
        sh.merge(header_row, 1, block_end, 1, t.block_label)
    for label, text in t.narrative:
        sh.merge(r, 1, r, 3, label)
        sh.merge(r, 4, r, width, text)
        r += 1
    for c, w in t.widths.items():
        sh.widths[c] = w
    # Formulas name their cells through placeholders: {A} {B} {W} {RATE} {BS} in the budget's first
    # row, {S} the 得分 column over the indicator rows.
    refs['S'] = f"{addr(lines[0][0], col['score'])}:{addr(lines[-1][0], col['score'])}"
    for key in set(sh.cells) - before:
        v = sh.cells[key]
        if isinstance(v, Formula):
            sh.cells[key] = Formula(v.text.format(**refs), v.value, v.fmt)
    return expect_table(t, lines), r


def addr(r, c):
    return f'{get_column_letter(c)}{r}'


def budget_refs(headers, row, first=3):
    """Cells of the budget's first data row, by role; values start in column `first` (C)."""
    def find(*names):
        for name in names:
            for i, h in enumerate(headers):
                if name in h:
                    return addr(row, first + i)
        return None
    return {'A': find('调整后预算数', '全年预算数', '年度预算数', '预算数'), 'B': find('执行数'), 'W': find('分值', '权重'),
            'RATE': find('执行率'), 'BS': find('得分')}


def expect_table(t: Table, lines):
    """Everything the engine should report for table `t`, computed by hand from DOMAIN.md."""
    keys = [c[1] for c in t.columns]
    has_reason_place = 'reason' in keys or any('原因' in label for label, _ in t.narrative)
    narrative_reason = ''.join(text for label, text in t.narrative if '原因' in label).strip()
    indicators = []
    total = Decimal(0)
    weights = Fraction(0)
    by_l1 = {}
    for row, item, _ in lines:
        if not isinstance(item, Ind):
            continue  # breakdown rows are not indicators
        ind = item
        w = F(ind.w)
        weights += w
        by_l1[ind.l1] = by_l1.get(ind.l1, Fraction(0)) + w
        rule = ind.rule
        flags = set()
        entry = {'row': row, 'name': ind.name}
        if getattr(t, 'check_levels', False):
            entry['level1'] = ind.l1
        if t.unfilled:
            entry.update({'method': rule.method, 'flags': []})
            indicators.append(entry)
            continue
        rep = None if ind.rep is None else F(plain(ind.rep))
        if isinstance(rule, Q):
            # The evaluator's score stands inside [0, weight]; otherwise the tier's share is proposed.
            score = half_up(rep) if rep is not None and 0 <= rep <= w else half_up(w * TIER_PROPOSED[rule.tier])
            lo, hi = TIERS[rule.tier]
            if rep is not None and 0 <= rep <= w and (rep < half_up(lo * w) or rep > half_up(hi * w)):
                flags.add('qualitative-tier')
            if rule.tier != 'achieved':
                flags.add('unfinished')
            if rule.vague:
                flags.add('vague-target')
        elif isinstance(rule, UM):
            assert rep is not None
            score = half_up(rep)
            flags.add('unit-mismatch')
        else:
            if isinstance(rule, P):
                score, share, ratio = expect_score(w, rule.a, rule.b, 'positive')
            elif isinstance(rule, R):
                score, share, ratio = expect_score(w, rule.a, rule.b, 'reverse')
            elif isinstance(rule, RG):
                score, share, ratio = expect_score(w, (rule.low, rule.high), rule.b, 'range')
            else:
                score, share, ratio = expect_score(w, None, rule.met, 'deadline')
            if share < 1:
                flags.add('unfinished')
            if ratio is not None and ratio >= WEAK_RATIO:
                flags.add('weak-target')
        if rep is not None and half_up(rep) != score and 'unit-mismatch' not in flags:
            flags.add('score-mismatch')
        if 'unfinished' in flags and has_reason_place:
            own = ind.reason.strip() if 'reason' in keys else narrative_reason
            if own == '':
                flags.add('missing-reason')
        total += score
        entry.update({'score': dec(score), 'method': rule.method, 'flags': sorted(flags)})
        indicators.append(entry)

    b = t.budget
    table_flags = set()
    if t.unfilled:
        table_flags.add('unfilled')
        bscore = None
        total_out = None
        grade = None
    else:
        bscore = budget_score(b.weight, b.A, b.B)
        if b.reported is not None and F(plain(b.reported)) != bscore:
            table_flags.add('score-mismatch')
        total += bscore
        total_out = dec(total)
        grade = grade_of(total)
        if t.reported_total is not None and half_up(F(t.reported_total)) != total:
            table_flags.add('total-mismatch')
    if weights + b.weight != 100 or any(by_l1.get(k, 0) != F(v) for k, v in t.l1_weights.items()):
        table_flags.add('weight-mismatch')
    for block in getattr(t, 'blocks', []):  # a goal's stated （N分） against its indicators
        if block.weight is not None and sum(F(i.w) for i in block.inds) != F(block.weight):
            table_flags.add('weight-mismatch')
    own = [i for i in t.inds if '满意' not in i.l1 and '预算执行' not in i.name and '执行率' not in i.name]
    if len(own) < 5:
        table_flags.add('too-few-indicators')
    def has(*words):
        return any(w in i.l1 or w in i.l2 for i in t.inds for w in words)
    if not (has('产出', '成本') and has('效益') and has('满意')):  # the budget dimension is in every table
        table_flags.add('missing-dimension')
    out = {
        'sheet': t.sheet,
        'kind': getattr(t, 'kind', 'project'),
        'total': total_out,
        'grade': grade,
        'reportedTotal': t.reported_total,
        'budgetScore': None if bscore is None else dec(bscore),
        'flags': sorted(table_flags),
        'indicators': indicators,
    }
    if t.unfilled:
        out['scored'] = False
    return out


def dec(d: Decimal):
    f = float(d)
    return int(f) if f.is_integer() else f


# ---------------------------------------------------------------------------------------------
# Producers

THIN = Side(style='thin')


def render_openpyxl(sheets: List[Sheet], path: str):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s.name)
        for (r, c), v in s.cells.items():
            cell = ws.cell(row=r, column=c)
            if isinstance(v, Formula):
                cell.value = v.text
                if v.fmt:
                    cell.number_format = v.fmt
            elif isinstance(v, (Num, Date)):
                cell.value = v.value
                cell.number_format = v.fmt
            else:
                cell.value = written(v)
            cell.alignment = Alignment(wrap_text=True, vertical='center', horizontal='center')
            cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
            if (r, c) in s.bold:
                cell.font = Font(bold=True)
        for r1, c1, r2, c2 in s.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in s.widths.items():
            ws.column_dimensions[get_column_letter(c)].width = w
        for c in s.hidden_cols:
            ws.column_dimensions[get_column_letter(c)].hidden = True
    wb.save(path)


def render_xlsxwriter(sheets: List[Sheet], path: str):
    wb = xlsxwriter.Workbook(path)
    formats = {}

    def fmt(num_format=None, bold=False):
        key = (num_format, bold)
        if key not in formats:
            props = {'border': 1, 'text_wrap': True, 'valign': 'vcenter', 'align': 'center', 'bold': bold}
            if num_format:
                props['num_format'] = num_format
            formats[key] = wb.add_format(props)
        return formats[key]

    for s in sheets:
        ws = wb.add_worksheet(s.name)
        merged_top_left = {}
        for r1, c1, r2, c2 in s.merges:
            merged_top_left[(r1, c1)] = (r2, c2)
        for (r, c), v in s.cells.items():
            bold = (r, c) in s.bold
            nf = v.fmt if isinstance(v, (Num, Formula, Date)) else None
            f = fmt(nf, bold)
            if (r, c) in merged_top_left:
                r2, c2 = merged_top_left[(r, c)]
                ws.merge_range(r - 1, c - 1, r2 - 1, c2 - 1, '', f)
            if isinstance(v, Formula):
                ws.write_formula(r - 1, c - 1, v.text, f, v.value)
            elif isinstance(v, Num):
                ws.write_number(r - 1, c - 1, v.value, f)
            elif isinstance(v, Date):
                ws.write_datetime(r - 1, c - 1, v.value, f)
            elif isinstance(v, (str, Said)):
                ws.write_string(r - 1, c - 1, written(v), f)
            else:
                ws.write_number(r - 1, c - 1, v, f)
        for c in sorted(set(s.widths) | s.hidden_cols):
            ws.set_column(c - 1, c - 1, s.widths.get(c), None, {'hidden': c in s.hidden_cols})
    wb.close()


LO_PROFILE = 'file://' + os.path.join(tempfile.gettempdir(), 'selfeval-provinces-lo-profile')


def libreoffice_convert(src: str, outdir: str):
    """soffice --headless --convert-to xlsx: the saved file is LibreOffice's own writing."""
    subprocess.run(['soffice', f'-env:UserInstallation={LO_PROFILE}', '--headless', '--convert-to', 'xlsx',
                    '--outdir', outdir, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180)


def verify(path: str, sheets: List[Sheet], cached=True):
    """An independent reader (openpyxl) reads the file back: every cell and merge we wrote is there.
    With cached=False (openpyxl's own output, which stores no formula results) a formula is checked
    by its text; otherwise by the result the file holds."""
    wb = openpyxl.load_workbook(path, data_only=True)
    texts = openpyxl.load_workbook(path, data_only=False)
    assert wb.sheetnames == [s.name for s in sheets], (path, wb.sheetnames)
    for s in sheets:
        ws = wb[s.name]
        for (r, c), v in s.cells.items():
            got = ws.cell(row=r, column=c).value
            want = written(v)
            where = f'{os.path.basename(path)}!{s.name}!{get_column_letter(c)}{r}'
            if isinstance(v, Formula):
                text = texts[s.name].cell(row=r, column=c).value
                assert text == v.text, f'{where}: formula {v.text!r}, read {text!r}'
                if not cached:
                    continue
            if isinstance(want, str):
                assert got == want, f'{where}: wrote {want!r}, read {got!r}'
            elif isinstance(v, Date):
                assert got == want, f'{where}: wrote the date {want!r}, read {got!r}'
            else:
                assert isinstance(got, (int, float)) and abs(got - want) < 1e-9, f'{where}: wrote {want!r}, read {got!r}'
            if isinstance(v, Num):
                assert '%' in ws.cell(row=r, column=c).number_format or v.fmt == ws.cell(row=r, column=c).number_format, \
                    f'{where}: number format {ws.cell(row=r, column=c).number_format!r}'
        for row in texts[s.name].iter_rows():
            for cell in row:
                if cell.value is not None and (cell.row, cell.column) not in s.cells:
                    raise AssertionError(f'{path}!{s.name}!{cell.coordinate}: unexpected {cell.value!r}')
        dims = texts[s.name].column_dimensions.values()
        for c in s.hidden_cols:
            assert any(d.hidden and d.min <= c <= d.max for d in dims), f'{path}!{s.name}: column {c} not hidden'
        got_merges = {str(m) for m in ws.merged_cells.ranges}
        for r1, c1, r2, c2 in s.merges:
            ref = f'{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}'
            assert ref in got_merges, f'{path}!{s.name}: merge {ref} missing'


# ---------------------------------------------------------------------------------------------
# Column sets

NATIONAL_COLS = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('年度指标值', 'target'),
                 ('实际完成值', 'actual'), ('分值', 'weight'), ('得分', 'score'), ('偏差原因分析及改进措施', 'reason')]
NATIONAL_BUDGET = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']


def national_budget(start, full, done, weight, rate, score, other=None):
    """The national 项目资金 block: only 年度资金总额 is scored."""
    other = other or [[start, full, done], [0, 0, 0], [0, 0, 0]]
    return [['年度资金总额', start, full, done, weight, rate, score],
            ['其中：当年财政拨款', other[0][0], other[0][1], other[0][2], '—', '', '—'],
            ['上年结转资金', other[1][0], other[1][1], other[1][2], '—', '', '—'],
            ['其他资金', other[2][0], other[2][1], other[2][2], '—', '', '—']]


def pct(x):
    return Num(x, '0.00%')


def total_row(label, weight, score, label_to='label_end'):
    return [(1, label_to, label), ('weight', 'weight', weight), ('score', 'score', score)]


# ---------------------------------------------------------------------------------------------
# The workbooks

CORPUS = []  # (file, producer, via LibreOffice, province habit, sheets builder)


def workbook(file, producer, province, classes, lo=False):
    def register(build):
        CORPUS.append({'file': file, 'producer': producer, 'lo': lo, 'province': province,
                       'classes': classes, 'build': build})
        return build
    return register


@workbook('sichuan-road-maintenance.xlsx', 'openpyxl', 'Sichuan: 指标性质 | 指标值 | 度量单位, bare actuals, 调整后预算数',
          'signs ≥ = ＞ ≤ < 定性 in their own column; 百分比; 调整后预算数 (A ≠ 年初预算数); 全年执行数; breakdown rows with 分值 `/`; '
          'qualitative partial tier; 总分')
def sichuan_roads():
    sh = Sheet('项目支出绩效自评表')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('指标性质', 'sign'), ('指标值', 'target'),
            ('度量单位', 'unit'), ('完成值', 'actual'), ('分值', 'weight'), ('得分', 'score'), ('偏差原因分析及改进措施', 'reason')]
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2022年度）',
        project='2022年农村公路养护工程专项资金', dept='XX县交通运输局', unit='XX县农村公路养护中心',
        budget=Budget(['年初预算数', '调整后预算数', '全年执行数', '分值', '执行率', '得分'],
                      [['年度资金总额', 860, 920, 874, 10, pct(0.95), 9.5],
                       ['其中：当年财政拨款', 800, 860, 820, '—', '', '—'],
                       ['上年结转资金', 60, 60, 54, '—', '', '—'],
                       ['其他资金', 0, 0, 0, '—', '', '—']],
                      A='920', B='874', weight=10, reported=9.5),  # Sichuan scores against 调整后预算数
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '农村公路养护里程', 1200, 1260, 10, 10, P('1200', '1260'), sign='≥', unit='公里',
                subs=[Sub('县道养护里程', 400, 380, sign='≥', unit='公里'),
                      Sub('乡道养护里程', 800, 880, sign='≥', unit='公里')]),
            Ind('产出指标', '数量指标', '危桥改造数量', 6, 6, 8, 8, P('6', '6'), sign='=', unit='座'),
            Ind('产出指标', '质量指标', '养护工程验收合格率', 95, 98, 8, 8, P('95', '98'), sign='≥', unit='百分比'),
            Ind('产出指标', '质量指标', '路面技术状况指数（PQI）优良路率', 80, 85.6, 8, 8, P('80', '85.6'), sign='＞', unit='%'),
            Ind('产出指标', '时效指标', '日常养护问题处置时限', 48, 36, 8, 8, R('48', '36'), sign='≤', unit='小时'),
            Ind('产出指标', '成本指标', '每公里年均养护成本', 0.6, 0.58, 8, 8, R('0.6', '0.58'), sign='≤', unit='万元'),
            Ind('效益指标', '社会效益指标', '沿线群众平均出行时间缩短', 10, 12, 10, 10, P('10', '12'), sign='≥', unit='分钟'),
            Ind('效益指标', '社会效益指标', '农村公路交通事故发生率', 3, 2.1, 10, 10, R('3', '2.1'), sign='<', unit='‰'),
            Ind('效益指标', '可持续影响指标', '农村公路养护长效机制', '健全', '基本健全', 10, 7, Q('partial'), sign='定性',
                reason='乡镇养护站人员尚未配齐，已纳入2023年县级编制调整计划'),
            Ind('满意度指标', '服务对象满意度指标', '沿线群众满意度', 90, 92, 10, 10, P('90', '92'), sign='≥', unit='%'),
        ],
        totals=[total_row('总分', 100, 96.5)],
        reported_total=96.5,
        widths={4: 28, 11: 30},
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('sichuan-student-meals.xlsx', 'openpyxl → LibreOffice', 'Sichuan: split target, 权重 column, 调整后预算数 below 年初',
          'signs >= ≧ <= ═ ﹦ ≦ in their own column; 百分比; bare target 0 (reverse, actual 0 full); `有效提升`→`有效提升` (vague, achieved); '
          '调整后预算数 (A < 年初预算数); total as a formula LibreOffice computed; 总分', lo=True)
def sichuan_meals():
    sh = Sheet('自评表')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('指标性质', 'sign'), ('指标值', 'target'),
            ('计量单位', 'unit'), ('权重', 'weight'), ('完成值', 'actual'), ('得分', 'score'), ('偏差原因', 'reason')]
    t = Table(
        sheet=sh.name, title='2022年度项目支出绩效自评表', year='（2022年度）',
        project='农村义务教育学生营养改善计划', dept='XX区教育局', unit='XX区学生资助管理中心',
        budget=Budget(['年初预算数', '调整后预算数', '全年执行数', '分值', '执行率', '得分'],
                      [['年度资金总额', 1500, 1380, 1366.2, 10, Formula('={B}/{A}', 0.99, '0.00%'), 9.9],
                       ['其中：当年财政拨款', 1500, 1380, 1366.2, '—', '', '—'],
                       ['上年结转资金', 0, 0, 0, '—', '', '—'],
                       ['其他资金', 0, 0, 0, '—', '', '—']],
                      A='1380', B='1366.2', weight=10, reported=9.9),
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '受益学生人数', 2.3, 2.41, 10, 10, P('2.3', '2.41'), sign='>=', unit='万人'),
            Ind('产出指标', '数量指标', '供餐学校数量', 86, 86, 8, 8, P('86', '86'), sign='≧', unit='所'),
            Ind('产出指标', '质量指标', '食品安全事故发生次数', 0, 0, 8, 8, R('0', '0'), sign='<=', unit='次'),
            Ind('产出指标', '质量指标', '营养膳食达标率', 100, 96, 8, 7.68, P('100', '96'), sign='═', unit='百分比',
                reason='两所村小食堂改造期间采用简餐，已于秋季学期恢复标准膳食'),
            Ind('产出指标', '时效指标', '学年供餐天数', 170, 172, 8, 8, P('170', '172'), sign='≥', unit='天'),
            Ind('产出指标', '成本指标', '学生每日营养膳食补助标准', 5, 5, 8, 8, P('5', '5'), sign='﹦', unit='元/人·天'),
            Ind('效益指标', '社会效益指标', '学生营养不良发生率', 8, 6, 10, 10, R('8', '6'), sign='≦', unit='‰'),
            Ind('效益指标', '社会效益指标', '学生平均身高年增长', 3, 3.2, 10, 10, P('3', '3.2'), sign='≥', unit='厘米'),
            Ind('效益指标', '可持续影响指标', '学生营养健康意识', '有效提升', '有效提升', 10, 10, Q('achieved', vague=True), sign='定性'),
            Ind('满意度指标', '服务对象满意度指标', '学生及家长满意度', 90, 93.5, 10, 10, P('90', '93.5'), sign='>=', unit='%'),
        ],
        totals=[],
        reported_total=99.58,
        widths={4: 26},
    )
    # The total is a formula over the budget score and the 得分 column (text such as `/` is skipped by SUM).
    t.totals = [[(1, 'label_end', '总分'), ('weight', 'weight', 100),
                 ('score', 'score', Formula('=ROUND({BS}+SUM({S}),2)', 99.58))]]
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('yunnan-coffee.xlsx', 'xlsxwriter', 'Yunnan: words for relations, total row 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优',
          '不低于 不少于 以上 达到 不高于 不超过 控制在…以内; `提高10%`→`提高12%`; `无重大质量问题`→`未出现重大质量问题`; deadline month; '
          'national budget block with formulas (cached values); Yunnan total row, grade in the row')
def yunnan_coffee():
    sh = Sheet('项目支出绩效自评表')
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2023年度）',
        project='高原特色农业咖啡产业提质增效项目', dept='XX州农业农村局', unit='XX州热带作物科学研究所',
        budget=Budget(NATIONAL_BUDGET,
                      national_budget(500, 520, 416, 10, Formula('={B}/{A}', 0.8, '0.00%'), Formula('=ROUND({W}*{RATE},2)', 8),
                                      other=[[500, 520, 416], [0, 0, 0], [0, 0, 0]]),
                      A='520', B='416', weight=10, reported=8),
        columns=NATIONAL_COLS,
        inds=[
            Ind('产出指标', '数量指标', '咖啡低产园改造面积', '不低于2万亩', '2.1万亩', 10, 10, P('2', '2.1')),
            Ind('产出指标', '数量指标', '新建咖啡初加工厂数量', '不少于5个', '5个', 6, 6, P('5', '5')),
            Ind('产出指标', '数量指标', '种植技术培训人次', '3000人次以上', '3260人次', 6, 6, P('3000', '3260')),
            Ind('产出指标', '质量指标', '精品咖啡豆占比', '达到15%', '12%', 6, 4.8, P('15', '12'),
                reason='当年花期遇低温，精品率下降；已推广遮荫栽培'),
            Ind('产出指标', '质量指标', '加工产品质量抽检', '无重大质量问题', '未出现重大质量问题', 6, 6, Q('achieved')),
            Ind('产出指标', '时效指标', '项目完工时间', '2023年11月', '2023年11月28日', 6, 6, DL(True)),
            Ind('产出指标', '成本指标', '低产园改造亩均补助', '不高于800元', '800元', 5, 5, R('800', '800')),
            Ind('产出指标', '成本指标', '项目管理费占比', '不超过3%', '2.5%', 5, 5, R('3', '2.5')),
            Ind('效益指标', '经济效益指标', '项目区农户户均收入', '提高10%', '提高12%', 10, 10, P('10', '12')),
            Ind('效益指标', '社会效益指标', '带动脱贫户就业人数', '500人以上', '460人', 10, 9.2, P('500', '460'),
                reason='部分脱贫劳动力外出务工，本地用工减少'),
            Ind('效益指标', '生态效益指标', '土壤有机质含量下降率', '控制在2%以内', '1.6%', 10, 10, R('2', '1.6')),
            Ind('满意度指标', '服务对象满意度指标', '项目区农户满意度', '≥90%', '95%', 10, 10, P('90', '95')),
        ],
        totals=[[(1, 1, '其他需要说明事项'), (2, 5, '无'), ('actual', 'actual', '总分'), ('weight', 'weight', 100),
                 ('score', 'score', 96), ('reason', 'reason', '优')]],
        reported_total=96,
        widths={4: 26, 9: 30},
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('anhui-home-care.xlsx', 'xlsxwriter', 'Anhui: 权重 as percentages of a 100-point table, 指标目标值 / 实际完成指标值',
          'weights `10%` as text; 年度预算数 | 预算执行数 | 预算执行率; `≥22万人`→`23`; `≤90万元`→`90`; `完成率100%`→`完成率80%`; '
          '`控制在3%-5%` range; ＞＝ ≧; `无安全事故`→`未发生安全事故`; 合计得分')
def anhui_home_care():
    sh = Sheet('Sheet1')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('指标目标值', 'target'),
            ('实际完成指标值', 'actual'), ('权重', 'weight'), ('得分', 'score'), ('偏差原因分析及改进措施', 'reason')]
    t = Table(
        sheet=sh.name, title='2023年度项目支出绩效自评表', year='（2023年度）',
        project='城市社区居家养老服务补助资金', dept='XX市民政局', unit='XX市养老服务指导中心',
        budget=Budget(['年度预算数', '预算执行数', '预算执行率', '权重', '得分'],
                      [['年度资金总额', 1200, 1140, '95.00%', '10%', 9.5],
                       ['其中：当年财政拨款', 1200, 1140, '', '—', '—'],
                       ['上年结转资金', 0, 0, '', '—', '—'],
                       ['其他资金', 0, 0, '', '—', '—']],
                      A='1200', B='1140', weight=10, reported=9.5),
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '居家养老服务覆盖老年人数', '≥22万人', '23', 10, 10, P('22', '23'), wcell='10%'),
            Ind('产出指标', '数量指标', '新建社区养老服务站', '＞＝30个', '32个', 10, 10, P('30', '32'), wcell='10%'),
            Ind('产出指标', '质量指标', '特殊困难老人家庭适老化改造', '完成率100%', '完成率80%', 10, 8, P('100', '80'), wcell='10%',
                reason='部分老人家庭临时拒绝入户施工，剩余任务转入2024年'),
            Ind('产出指标', '质量指标', '养老护理员持证上岗率', '≧98%', '99%', 10, 10, P('98', '99'), wcell='10%'),
            Ind('产出指标', '成本指标', '信息服务平台运维费用', '≤90万元', '90', 10, 10, R('90', '90'), wcell='10%'),
            Ind('效益指标', '社会效益指标', '助餐服务价格年度调整幅度', '控制在3%-5%', '4.2%', 10, 10, RG('3', '5', '4.2'), wcell='10%'),
            Ind('效益指标', '社会效益指标', '服务安全事故发生情况', '无安全事故', '未发生安全事故', 10, 10, Q('achieved'), wcell='10%'),
            Ind('效益指标', '可持续影响指标', '社区养老服务运营机制', '建立长效运营机制', '已建立长效运营机制', 10, 10, Q('achieved'),
                wcell='10%'),
            Ind('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '93%', 10, 10, P('90', '93'), wcell='10%'),
        ],
        totals=[[(1, 'label_end', '合计得分'), ('weight', 'weight', '100%'), ('score', 'score', Formula('=ROUND({BS}+SUM({S}),2)', 97.5))]],
        reported_total=97.5,
        widths={4: 28},
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('shanghai-waste-sorting.xlsx', 'openpyxl', 'Shanghai: 年度绩效指标 block label, spaced 一级 labels, 合计 then 自评总分',
          '`产 出 指 标 (50分)`, `效 益 指 标`; 绩效目标值 | 年度实际完成值; 预算数（万元） | 执行数（万元）; `≤2小时`→`90分钟`; '
          '`≤5天`→`1周`; percent-formatted actual (0.96 shown 96%); 合计 90 | 88 then 自评总分 100 | 97.5; 未完成原因分析')
def shanghai_waste():
    sh = Sheet('绩效自评表')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('绩效目标值', 'target'),
            ('年度实际完成值', 'actual'), ('分值', 'weight'), ('得分', 'score'), ('未完成原因分析', 'reason')]
    t = Table(
        sheet=sh.name, title='2023年度区级财政项目绩效自评表', year='（2023年度）',
        project='生活垃圾分类减量及设施运维', dept='XX区绿化和市容管理局', unit='XX区环境卫生管理所',
        budget=Budget(['预算数（万元）', '执行数（万元）', '执行率', '分值', '得分'],
                      [['年度资金总额', 2000, 1900, pct(0.95), 10, 9.5]],
                      A='2000', B='1900', weight=10, reported=9.5, label='预算执行情况'),
        columns=cols,
        block_label='年度绩效指标',
        l1_labels={'产出指标': '产 出 指 标 (50分)', '效益指标': '效 益 指 标', '满意度指标': '满意度指标'},
        l1_weights={'产出指标': 50},
        inds=[
            Ind('产出指标', '数量指标', '湿垃圾分出量', '≥1,100吨/日', '1,160吨/日', 10, 10, P('1100', '1160')),
            Ind('产出指标', '数量指标', '新建改建两网融合服务点', '≥120个', '126个', 8, 8, P('120', '126')),
            Ind('产出指标', '质量指标', '居住区垃圾分类达标率', '≧95%', Num(0.96, '0%'), 10, 10, P('95', '96')),
            Ind('产出指标', '质量指标', '可回收物回收利用率', '≥45%', '46.2%', 10, 10, P('45', '46.2')),
            Ind('产出指标', '时效指标', '分类投诉处置时限', '≤2小时', '90分钟', 5, 5, R('120', '90')),   # minutes
            Ind('产出指标', '时效指标', '分类设施报修处置时限', '≤5天', '1周', 7, 5, R('5', '7'),       # days
                reason='第三季度设施集中更新，维修力量不足'),
            Ind('效益指标', '社会效益指标', '居民垃圾分类知晓率', '＞＝90%', '97%', 10, 10, P('90', '97')),
            Ind('效益指标', '生态效益指标', '干垃圾焚烧处理能力', '≥1.9万吨/日', '1.95万吨/日', 10, 10, P('1.9', '1.95')),
            Ind('效益指标', '可持续影响指标', '是否形成可复制推广的分类经验', '是', '是', 10, 10, Q('achieved')),
            Ind('满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '92%', 10, 10, P('90', '92')),
        ],
        totals=[[(2, 'label_end', '合计'), ('weight', 'weight', 90), ('score', 'score', 88)],
                [(1, 'label_end', '自评总分'), ('weight', 'weight', 100), ('score', 'score', 97.5)]],
        subtotal_in_block=True,
        reported_total=97.5,
        widths={4: 28, 9: 30},
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('hebei-two-tables.xlsx', 'xlsxwriter', 'Hebei: two project tables on one sheet, narrative reason rows',
          'two tables on one sheet; 年度资金总额 0 with the money in `其中：本年财政拨款`; 年度执行数; ═; `5千元`→`5000元`; '
          'unit mismatch `≥90分` vs `95%`; deadline met and missed; `无重大质量问题`→`无`; partial qualitative; 总分, 自评总分')
def hebei_two():
    sh = Sheet('项目自评')
    t1 = Table(
        sheet=sh.name, title='项目支出绩效自评表（一）', year='（2023年度）',
        project='高标准农田建设项目', dept='XX县农业农村局', unit='XX县农田建设服务中心',
        budget=Budget(NATIONAL_BUDGET,
                      [['年度资金总额', 0, 0, 0, 10, '', 9.8],
                       ['其中：本年财政拨款', 3000, 3000, 2940, '—', pct(0.98), '—'],
                       ['上年结转资金', 0, 0, 0, '—', '', '—'],
                       ['其他资金', 0, 0, 0, '—', '', '—']],
                      A='3000', B='2940', weight=10, reported=9.8),
        columns=NATIONAL_COLS[:-1],
        inds=[
            Ind('产出指标', '数量指标', '新建高标准农田面积', '≥2.5万亩', '2.5万亩', 10, 10, P('2.5', '2.5')),
            Ind('产出指标', '数量指标', '新增高效节水灌溉面积', '≥0.8万亩', '0.86万亩', 10, 10, P('0.8', '0.86')),
            Ind('产出指标', '质量指标', '工程验收合格率', '═100%', '100%', 10, 10, P('100', '100')),
            Ind('产出指标', '时效指标', '项目完工时间', '2023年12月', '2023年12月31日', 10, 10, DL(True)),
            Ind('产出指标', '成本指标', '亩均财政投资', '≤1500元', '1480元', 10, 10, R('1500', '1480')),
            Ind('效益指标', '经济效益指标', '亩均粮食产能提高', '≥50公斤', '55公斤', 10, 10, P('50', '55')),
            Ind('效益指标', '社会效益指标', '项目区户均年增收', '5千元', '5000元', 10, 10, P('5000', '5000')),
            Ind('效益指标', '可持续影响指标', '项目绩效考核评价结果', '≥90分', '95%', 10, 10, UM()),
            Ind('满意度指标', '服务对象满意度指标', '受益农户满意度', '≥90%', '95%', 10, 10, P('90', '95')),
        ],
        totals=[total_row('总分', 100, 99.8)],
        reported_total=99.8,
        narrative=[('偏差大或目标未完成原因分析', '无'), ('改进措施及结果应用方案', '加强项目后续管护')],
        widths={4: 26},
    )
    exp1, r = write_table(sh, 1, t1)
    t2 = Table(
        sheet=sh.name, title='项目支出绩效自评表（二）', year='（2023年度）',
        project='农村饮水安全巩固提升工程', dept='XX县水利局', unit='XX县农村供水管理站',
        budget=Budget(['年初预算数', '全年预算数', '年度执行数', '分值', '执行率', '得分'],
                      national_budget(800, 760, 722, 10, pct(0.95), 9.5),
                      A='760', B='722', weight=10, reported=9.5),
        columns=NATIONAL_COLS[:-1],
        inds=[
            Ind('产出指标', '数量指标', '农村供水工程维修养护处数', '>=120处', '126处', 10, 10, P('120', '126')),
            Ind('产出指标', '数量指标', '巩固提升受益人口', '8.6万人', '8.1万人', 10, 9.42, P('8.6', '8.1')),
            Ind('产出指标', '质量指标', '农村集中供水工程水质达标率', '≥90%', '92%', 10, 10, P('90', '92')),
            Ind('产出指标', '质量指标', '维修养护工程质量', '无重大质量问题', '无', 10, 10, Q('achieved')),
            Ind('产出指标', '时效指标', '维修养护完成时间', '2023年9月30日', '2023年11月15日', 5, 0, DL(False)),
            Ind('产出指标', '成本指标', '单处维修养护成本', '≤6万元', '5.8万元', 5, 5, R('6', '5.8')),
            Ind('效益指标', '社会效益指标', '农村自来水普及率', '≥85%', '88%', 15, 15, P('85', '88')),
            Ind('效益指标', '可持续影响指标', '工程长效管护机制', '健全', '基本健全', 15, 11, Q('partial')),
            Ind('满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', 10, 10, P('90', '93')),
        ],
        totals=[total_row('自评总分', 100, 89.92)],
        reported_total=89.92,
        narrative=[('偏差大或目标未完成原因分析', '部分村庄人口外流，受益人口少于预期；汛期停工致维修养护延期；村级管水员队伍尚未健全'),
                   ('改进措施及结果应用方案', '下年度按实际常住人口设定目标，提前安排汛前施工')],
    )
    exp2, _ = write_table(sh, r + 2, t2)
    return [sh], [exp1, exp2]


@workbook('shanxi-county-projects.xlsx', 'openpyxl → LibreOffice', 'Shanxi: a cover sheet, one project per sheet, one sheet left unfilled',
          'cover sheet; tables on three sheets; `其中：` breakdown rows with 分值 `/`; a breakdown row with 分值 empty; '
          '`无安全事故`→`未发生安全事故`; `明显改善` (vague); an unfilled table (unfilled, not graded); totals as formulas', lo=True)
def shanxi_projects():
    cover = Sheet('封面')
    cover.merge(3, 1, 3, 6, 'XX县2022年度项目支出绩效自评报告', bold=True)
    cover.merge(6, 1, 6, 2, '填报单位（盖章）')
    cover.merge(6, 3, 6, 6, 'XX县财政局')
    cover.merge(7, 1, 7, 2, '填报日期')
    cover.merge(7, 3, 7, 6, '2023年3月20日')
    cover.merge(9, 1, 9, 6, '目录：1.乡村振兴衔接资金  2.义务教育薄弱环节改善  3.基层医疗机构运行补助')
    cols = NATIONAL_COLS[:-1]

    s1 = Sheet('乡村振兴衔接资金')
    t1 = Table(
        sheet=s1.name, title='项目支出绩效自评表', year='（2022年度）',
        project='中央财政衔接推进乡村振兴补助资金', dept='XX县乡村振兴局', unit='XX县乡村振兴局',
        budget=Budget(NATIONAL_BUDGET, national_budget(1800, 1950, 1930.5, 10, Formula('={B}/{A}', 0.99, '0.00%'), 9.9),
                      A='1950', B='1930.5', weight=10, reported=9.9),
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '实施产业发展项目', '≥25个', '27个', 10, 10, P('25', '27'),
                subs=[Sub('其中：种植业项目', '≥15个', '14个'), Sub('其中：养殖业项目', '≥10个', '13个')]),
            Ind('产出指标', '数量指标', '改善人居环境行政村数', '≥40个', '40个', 10, 10, P('40', '40')),
            Ind('产出指标', '质量指标', '项目验收合格率', '100%', '100%', 10, 10, P('100', '100')),
            Ind('产出指标', '时效指标', '项目开工及时率', '≥95%', '96%', 10, 10, P('95', '96')),
            Ind('产出指标', '成本指标', '村均补助标准', '≤50万元', '48万元', 10, 10, R('50', '48')),
            Ind('效益指标', '经济效益指标', '脱贫人口人均纯收入增幅', '≥8%', '9.6%', 10, 10, P('8', '9.6'),
                subs=[Sub('监测户人均纯收入增幅', '≥10%', '9%', weight=None, score=None)]),
            Ind('效益指标', '社会效益指标', '带动脱贫人口就业', '≥1200人', '1,560人', 10, 10, P('1200', '1560')),
            Ind('效益指标', '可持续影响指标', '项目资产确权移交率', '100%', '100%', 10, 10, P('100', '100')),
            Ind('满意度指标', '服务对象满意度指标', '脱贫群众满意度', '≥90%', '96%', 10, 10, P('90', '96')),
        ],
        totals=[[(1, 'label_end', '总分'), ('weight', 'weight', 100), ('score', 'score', Formula('=ROUND({BS}+SUM({S}),2)', 99.9))]],
        reported_total=99.9,
        narrative=[('偏差大或目标未完成原因分析', '无'), ('改进措施及结果应用方案', '加强项目资产后续管护')],
    )
    e1, _ = write_table(s1, 1, t1)

    s2 = Sheet('义务教育薄弱环节改善')
    t2 = Table(
        sheet=s2.name, title='项目支出绩效自评表', year='（2022年度）',
        project='义务教育薄弱环节改善与能力提升', dept='XX县教育科技局', unit='XX县教育科技局',
        budget=Budget(NATIONAL_BUDGET, national_budget(600, 600, 540, 10, pct(0.9), 9),
                      A='600', B='540', weight=10, reported=9),
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '改造校舍面积', '≥1.2万平方米', '1.26万平方米', 10, 10, P('1.2', '1.26')),
            Ind('产出指标', '数量指标', '购置教学仪器设备', '≥3,000台(套)', '2,850台(套)', 10, 9.5, P('3000', '2850'),
                subs=[Sub('其中：计算机', '≥1,200台', '1,200台')]),
            Ind('产出指标', '质量指标', '施工安全', '无安全事故', '未发生安全事故', 10, 10, Q('achieved')),
            Ind('产出指标', '时效指标', '项目完工时间', '2022年8月', '2022年8月25日', 10, 10, DL(True)),
            Ind('产出指标', '成本指标', '生均改造成本', '≤2,000元', '1,950元', 10, 10, R('2000', '1950')),
            Ind('效益指标', '社会效益指标', '受益学生人数', '≥1.5万人', '1.52万人', 15, 15, P('1.5', '1.52')),
            Ind('效益指标', '可持续影响指标', '农村学校办学条件', '明显改善', '明显改善', 15, 15, Q('achieved', vague=True)),
            Ind('满意度指标', '服务对象满意度指标', '师生满意度', '≥90%', '94%', 10, 10, P('90', '94')),
        ],
        totals=[[(1, 'label_end', '总分'), ('weight', 'weight', 100), ('score', 'score', Formula('=ROUND({BS}+SUM({S}),2)', 98.5))]],
        reported_total=98.5,
        narrative=[('偏差大或目标未完成原因分析', '设备招标流标一次，部分设备延至次年交付'), ('改进措施及结果应用方案', '提前启动采购程序')],
    )
    e2, _ = write_table(s2, 1, t2)

    s3 = Sheet('基层医疗机构运行补助')
    t3 = Table(
        sheet=s3.name, title='项目支出绩效自评表', year='（2022年度）',
        project='基层医疗卫生机构运行补助', dept='XX县卫生健康局', unit='XX县卫生健康局',
        budget=Budget(NATIONAL_BUDGET, [['年度资金总额', 450, 450, '', 10, '', ''],
                                        ['其中：当年财政拨款', 450, 450, '', '—', '', '—'],
                                        ['上年结转资金', '', '', '', '—', '', '—'],
                                        ['其他资金', '', '', '', '—', '', '—']],
                      A='450', B=None, weight=10, reported=None),
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '补助乡镇卫生院数量', '≥18个', None, 10, None, P('18', '0')),
            Ind('产出指标', '数量指标', '村卫生室覆盖率', '100%', None, 10, None, P('100', '0')),
            Ind('产出指标', '质量指标', '基本公共卫生服务规范管理率', '≥70%', None, 10, None, P('70', '0')),
            Ind('产出指标', '时效指标', '补助发放完成时间', '2022年12月', None, 10, None, DL(False)),
            Ind('产出指标', '成本指标', '乡村医生人均补助', '≤2万元/年', None, 10, None, R('2', '0')),
            Ind('效益指标', '社会效益指标', '群众就近就医比例', '≥65%', None, 15, None, P('65', '0')),
            Ind('效益指标', '可持续影响指标', '基层医疗机构运行保障机制', '健全', None, 15, None, Q('achieved')),
            Ind('满意度指标', '服务对象满意度指标', '就诊群众满意度', '≥85%', None, 10, None, P('85', '0')),
        ],
        totals=[total_row('总分', 100, None)],
        reported_total=None,
        narrative=[('偏差大或目标未完成原因分析', ''), ('改进措施及结果应用方案', '')],
        unfilled=True,
    )
    e3, _ = write_table(s3, 1, t3)
    return [cover, s1, s2, s3], [e1, e2, e3]


@workbook('anhui-sewage-publisher-habits.xlsx', 'openpyxl', "Anhui: publishers' scoring habits",
          'score-mismatch: an unmet row given full marks (no reason: missing-reason), a row rounded to whole points, '
          'a met row with a deduction; total-mismatch; `覆盖率≥95%`→`覆盖率90%`; `≥20万元`→`18`; `≤10‰`→`5` (weak target); '
          '`100万元`→`1000000` (yuan); `满意`→`不满意` (failed tier); `无重大水污染事件`→`未发生…`')
def anhui_sewage():
    sh = Sheet('项目支出绩效自评表')
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2023年度）',
        project='农村生活污水治理项目', dept='XX县生态环境分局', unit='XX县农村环境综合整治中心',
        budget=Budget(NATIONAL_BUDGET, national_budget(2400, 2500, 2350, 10, pct(0.94), 9.4),
                      A='2500', B='2350', weight=10, reported=9.4),
        columns=NATIONAL_COLS,
        inds=[
            Ind('产出指标', '数量指标', '完成污水治理行政村', '≥60个', '57个', 10, 10, P('60', '57')),
            Ind('产出指标', '数量指标', '新建污水收集管网', '≥150公里', '131公里', 10, 9, P('150', '131'),
                reason='山区段地质条件复杂，部分管网改为分散式处理'),
            Ind('产出指标', '质量指标', '污水收集处理设施', '覆盖率≥95%', '覆盖率90%', 8, 7.58, P('95', '90'),
                reason='3个自然村整体搬迁，未建设施'),
            Ind('产出指标', '质量指标', '出水水质达标率', '≥90%', '96%', 8, 7, P('90', '96')),
            Ind('产出指标', '时效指标', '设施故障响应时间', '≤24小时', '20小时', 7, 7, R('24', '20')),
            Ind('产出指标', '成本指标', '村级设施运维经费投入', '≥20万元', '18', 7, 6.3, P('20', '18'),
                reason='部分设施仍在质保期，运维费用减少'),
            Ind('效益指标', '社会效益指标', '群众污水问题投诉发生率', '≤10‰', '5', 10, 10, R('10', '5')),
            Ind('效益指标', '经济效益指标', '撬动社会资本投入', '100万元', '1000000', 10, 10, P('1000000', '1000000')),  # yuan
            Ind('效益指标', '生态效益指标', '农村水环境安全', '无重大水污染事件', '未发生重大水污染事件', 10, 10, Q('achieved')),
            Ind('满意度指标', '服务对象满意度指标', '村民满意度', '≥90%', '92%', 5, 5, P('90', '92')),
            Ind('满意度指标', '服务对象满意度指标', '村民对设施运维服务的评价', '满意', '不满意', 5, 2, Q('failed'),
                reason='运维单位响应慢，已约谈并调整考核办法'),
        ],
        totals=[total_row('总分', 100, 93.28)],
        reported_total=93.28,
        widths={4: 26, 9: 30},
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('yunnan-forest-fire.xlsx', 'xlsxwriter', 'Yunnan: 云南 total row with grade 良, words for relations',
          '不少于 以上 以下 不超过 控制在…以内 达到; `0.9‰以下`→`0.3‰` (weak target); `不超过1小时`→`45分钟`; '
          '`无重大森林火灾`→`0`; `显著提升`→`一定程度提升` entered 9 of 10 (qualitative-tier, vague); low budget execution; grade 良')
def yunnan_fire():
    sh = Sheet('自评表')
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2021年度）',
        project='森林草原防灭火专项经费', dept='XX县林业和草原局', unit='XX县森林草原防火指挥部办公室',
        budget=Budget(NATIONAL_BUDGET, national_budget(300, 300, 180, 10, pct(0.6), 6),
                      A='300', B='180', weight=10, reported=6),
        columns=NATIONAL_COLS,
        inds=[
            Ind('产出指标', '数量指标', '专业扑火队伍人数', '不少于120人', '96人', 10, 8, P('120', '96'),
                reason='乡镇队伍整合，部分队员转为半专业'),
            Ind('产出指标', '数量指标', '防火宣传培训场次', '40场次以上', '30场次', 10, 7.5, P('40', '30'),
                reason='疫情防控期间减少集中培训'),
            Ind('产出指标', '质量指标', '森林火灾受害率', '0.9‰以下', '0.3‰', 10, 10, R('0.9', '0.3')),
            Ind('产出指标', '质量指标', '重大森林火灾', '无重大森林火灾', '0', 10, 10, Q('achieved')),
            Ind('产出指标', '时效指标', '火情报告时间', '不超过1小时', '45分钟', 5, 5, R('60', '45')),  # minutes
            Ind('产出指标', '成本指标', '扑火装备购置单价', '控制在2万元以内', '1.8万元', 5, 5, R('2', '1.8')),
            Ind('效益指标', '社会效益指标', '森林覆盖率', '达到65%', '62%', 10, 9.54, P('65', '62'),
                reason='新造林尚未纳入年度森林资源监测'),
            Ind('效益指标', '生态效益指标', '火灾造成的林地损失面积', '100亩以下', '120亩', 10, 8.33, R('100', '120'),
                reason='春季极端干旱，发生一般森林火灾2起'),
            Ind('效益指标', '可持续影响指标', '群防群治能力', '显著提升', '一定程度提升', 10, 9, Q('partial', vague=True),
                reason='村级义务扑火队建设仍在推进'),
            Ind('满意度指标', '服务对象满意度指标', '林区群众满意度', '≥85%', '88%', 10, 10, P('85', '88')),
        ],
        totals=[[(1, 1, '其他需要说明事项'), (2, 5, '无'), ('actual', 'actual', '总分'), ('weight', 'weight', 100),
                 ('score', 'score', 88.37), ('reason', 'reason', '良')]],
        reported_total=88.37,
        widths={4: 24, 9: 30},
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


# ---- Small workbooks that concentrate header and total spellings -----------------------------

@workbook('odd-zongfenzhi.xlsx', 'openpyxl', 'Shanxi: hand-made copy, 一级/二级 repeated on every row',
          'total `总分值`; headers 指标名称 | 年度目标值 | 全年完成值 | 指标权重 | 自评得分 | 偏差原因; budget 年度预算数 | 全年执行数; '
          'weights as numbers in a percent format (0.15 shown 15%); `有效保障` (vague)')
def odd_zongfenzhi():
    sh = Sheet('高龄津贴')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('指标名称', 'name'), ('年度目标值', 'target'),
            ('全年完成值', 'actual'), ('指标权重', 'weight'), ('自评得分', 'score'), ('偏差原因', 'reason')]
    p = lambda x: Num(x, '0%')
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2022年度）',
        project='高龄老人津贴', dept='XX县民政局', unit='XX县民政局',
        budget=Budget(['年度预算数', '全年执行数', '权重', '执行率', '得分'],
                      [['年度资金总额', 320, 320, p(0.1), pct(1), 10]],
                      A='320', B='320', weight=10, reported=10),
        columns=cols, levels='repeat',
        inds=[
            Ind('产出指标', '数量指标', '高龄津贴发放人数', '≥1.2万人', '1.14万人', 15, 14.25, P('1.2', '1.14'), wcell=p(0.15),
                reason='年内死亡及迁出老人较多'),
            Ind('产出指标', '数量指标', '津贴发放月数', '12个月', '12个月', 10, 10, P('12', '12'), wcell=p(0.1)),
            Ind('产出指标', '质量指标', '津贴发放准确率', '100%', '100%', 10, 10, P('100', '100'), wcell=p(0.1)),
            Ind('产出指标', '时效指标', '按月发放及时率', '≥98%', '100%', 10, 10, P('98', '100'), wcell=p(0.1)),
            Ind('产出指标', '成本指标', '人均月津贴标准', '≥100元/月', '100元/月', 5, 5, P('100', '100'), wcell=p(0.05)),
            Ind('效益指标', '社会效益指标', '高龄老人基本生活', '有效保障', '有效保障', 15, 15, Q('achieved', vague=True), wcell=p(0.15)),
            Ind('效益指标', '可持续影响指标', '政策知晓率', '≥90%', '95%', 15, 15, P('90', '95'), wcell=p(0.15)),
            Ind('满意度指标', '服务对象满意度指标', '高龄老人满意度', '≥90%', '98%', 10, 10, P('90', '98'), wcell=p(0.1)),
        ],
        totals=[[(1, 'label_end', '总分值'), ('weight', 'weight', p(1)), ('score', 'score', 99.25)]],
        reported_total=99.25,
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('odd-defenheji.xlsx', 'xlsxwriter', 'Hebei: 权重 as text percentages, 一级/二级 written once and left blank below',
          'total `得分合计`; headers 绩效目标值 | 实际完成指标值 | 权重; budget 年度预算数 | 预算执行数 | 预算执行率; '
          'bare target 0 (reverse); `≤2小时`→`90分钟`; ≧; `进一步加强` (vague)')
def odd_defenheji():
    sh = Sheet('公交补贴')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('绩效目标值', 'target'),
            ('实际完成指标值', 'actual'), ('权重', 'weight'), ('得分', 'score'), ('偏差原因分析及改进措施', 'reason')]
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2023年度）',
        project='城市公共交通运营补贴', dept='XX市交通运输局', unit='XX市公共交通集团有限公司',
        budget=Budget(['年度预算数', '预算执行数', '预算执行率', '权重', '得分'],
                      [['年度资金总额', 5000, 4900, '98%', '10%', 9.8]],
                      A='5000', B='4900', weight=10, reported=9.8),
        columns=cols, levels='blank',
        inds=[
            Ind('产出指标', '数量指标', '公交运营线路', '≥80条', '82条', 10, 10, P('80', '82'), wcell='10%'),
            Ind('产出指标', '数量指标', '年客运量', '≥9,000万人次', '8,550万人次', 10, 9.5, P('9000', '8550'), wcell='10%',
                reason='轨道交通新线开通分流部分客流'),
            Ind('产出指标', '质量指标', '公交准点率', '≧92%', '93.4%', 10, 10, P('92', '93.4'), wcell='10%'),
            Ind('产出指标', '质量指标', '行车责任事故', '0', '0', 10, 10, R('0', '0'), wcell='10%'),
            Ind('产出指标', '时效指标', '车辆故障修复时间', '≤2小时', '90分钟', 5, 5, R('120', '90'), wcell='5%'),
            Ind('产出指标', '成本指标', '单位里程运营成本', '≤8元/公里', '7.6元/公里', 5, 5, R('8', '7.6'), wcell='5%'),
            Ind('效益指标', '社会效益指标', '新能源公交车辆占比', '≥90%', '95%', 20, 20, P('90', '95'), wcell='20%'),
            Ind('效益指标', '可持续影响指标', '公交优先发展', '进一步加强', '进一步加强', 10, 10, Q('achieved', vague=True), wcell='10%'),
            Ind('满意度指标', '服务对象满意度指标', '乘客满意度', '≥90%', '91.2%', 10, 10, P('90', '91.2'), wcell='10%'),
        ],
        totals=[[(1, 'label_end', '得分合计'), ('weight', 'weight', '100%'), ('score', 'score', 99.3)]],
        reported_total=99.3,
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('odd-hejidefen.xlsx', 'xlsxwriter → LibreOffice', 'Anhui: no reason column, narrative reason rows',
          'total `合计得分`; headers 年初指标值 | 年度实际完成值 | 指标得分; 年度资金总额 0 with the money in `其中：本年财政拨款`; '
          'half-up 3 × 7/8 = 2.625 → 2.63; `≤15天`→`2周`; `提高10%`→`提高12%`; `有效提升` (vague); identical qualitative', lo=True)
def odd_hejidefen():
    sh = Sheet('图书馆免费开放')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('年初指标值', 'target'),
            ('年度实际完成值', 'actual'), ('分值', 'weight'), ('指标得分', 'score')]
    t = Table(
        sheet=sh.name, title='2023年度项目支出绩效自评表', year='（2023年度）',
        project='公共图书馆免费开放补助', dept='XX区文化旅游体育局', unit='XX区图书馆',
        budget=Budget(NATIONAL_BUDGET,
                      [['年度资金总额', 0, 0, 0, 10, '', 9.6],
                       ['其中：本年财政拨款', 150, 150, 144, '—', pct(0.96), '—'],
                       ['上年结转资金', 0, 0, 0, '—', '', '—'],
                       ['其他资金', 0, 0, 0, '—', '', '—']],
                      A='150', B='144', weight=10, reported=9.6),
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '年接待读者人次', '≥30万人次', '32.5万人次', 10, 10, P('30', '32.5')),
            Ind('产出指标', '数量指标', '举办阅读推广活动', '≥120场', '105场', 10, 8.75, P('120', '105')),
            Ind('产出指标', '数量指标', '新增城市书房分馆', '≥8个', '7个', 3, 2.63, P('8', '7')),
            Ind('产出指标', '质量指标', '图书馆评估定级', '一级馆', '一级馆', 10, 10, Q('achieved')),
            Ind('产出指标', '时效指标', '新书上架周期', '≤15天', '2周', 10, 10, R('15', '14')),  # days
            Ind('产出指标', '成本指标', '单场活动平均成本', '≤0.5万元', '0.45万元', 7, 7, R('0.5', '0.45')),
            Ind('效益指标', '社会效益指标', '居民综合阅读率', '提高10%', '提高12%', 15, 15, P('10', '12')),
            Ind('效益指标', '可持续影响指标', '免费开放服务效能', '有效提升', '有效提升', 15, 15, Q('achieved', vague=True)),
            Ind('满意度指标', '服务对象满意度指标', '读者满意度', '≥95%', '97%', 10, 10, P('95', '97')),
        ],
        totals=[[(1, 'label_end', '合计得分'), ('weight', 'weight', 100), ('score', 'score', Formula('=ROUND({BS}+SUM({S}),2)', 97.98))]],
        reported_total=97.98,
        narrative=[('偏差大或目标未完成原因分析', '馆舍维修停馆两个月，活动场次和分馆建设未达目标'),
                   ('改进措施及结果应用方案', '合理安排维修时间，增加线上活动')],
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('odd-spaced-labels.xlsx', 'openpyxl', 'Shanxi: spaced 一级 labels with their weights, no place for a reason',
          '`产 出 指 标 (50分)`, `效 益 指 标 (30分)`, `满 意 度 指 标 (10分)`; headers 指标值 | 实际值; budget 全年预算数 | 全年执行数 | '
          '预算执行率; `≤24小时`→`2天`; `节电率≥15%`→`节电率18%`; total `自评总分`; no block label')
def odd_spaced():
    sh = Sheet('路灯维护')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('指标值', 'target'),
            ('实际值', 'actual'), ('分值', 'weight'), ('得分', 'score')]
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2023年度）',
        project='城市道路照明设施维护', dept='XX市城市管理局', unit='XX市路灯管理所',
        budget=Budget(['全年预算数', '全年执行数', '预算执行率', '分值', '得分'],
                      [['年度资金总额', 860, 842.8, pct(0.98), 10, 9.8]],
                      A='860', B='842.8', weight=10, reported=9.8),
        columns=cols, block_label=None,
        l1_labels={'产出指标': '产 出 指 标 (50分)', '效益指标': '效 益 指 标 (30分)', '满意度指标': '满 意 度 指 标 (10分)'},
        l1_weights={'产出指标': 50, '效益指标': 30, '满意度指标': 10},
        inds=[
            Ind('产出指标', '数量指标', '维护路灯数量', '≥3.2万盏', '3.26万盏', 10, 10, P('3.2', '3.26')),
            Ind('产出指标', '数量指标', '更换LED节能灯具', '≥5000套', '5,400套', 10, 10, P('5000', '5400')),
            Ind('产出指标', '质量指标', '主次干道亮灯率', '≥98%', '98.6%', 10, 10, P('98', '98.6')),
            Ind('产出指标', '时效指标', '故障修复时限', '≤24小时', '2天', 10, 5, R('24', '48')),  # hours
            Ind('产出指标', '成本指标', '单盏年维护成本', '≤150元', '142元', 10, 10, R('150', '142')),
            Ind('效益指标', '经济效益指标', '节能改造效益', '节电率≥15%', '节电率18%', 15, 15, P('15', '18')),
            Ind('效益指标', '生态效益指标', '年减少碳排放量', '≥800吨', '960吨', 15, 15, P('800', '960')),
            Ind('满意度指标', '服务对象满意度指标', '市民满意度', '≥90%', '93%', 10, 10, P('90', '93')),
        ],
        totals=[[(1, 'label_end', '自评总分'), ('weight', 'weight', 100), ('score', 'score', 94.8)]],
        reported_total=94.8,
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


@workbook('odd-relation-signs.xlsx', 'xlsxwriter → LibreOffice', 'Hebei: every relation sign written in the value',
          '>= > ＝ ﹦ < <= ≦ ═ ≧ ＞＝ in the target; headers 目标值 | 完成值; `建立`→`已建立`; `明显改善` (vague); 总分', lo=True)
def odd_signs():
    sh = Sheet('一事一议')
    cols = [('一级指标', 'l1'), ('二级指标', 'l2'), ('三级指标', 'name'), ('目标值', 'target'),
            ('完成值', 'actual'), ('分值', 'weight'), ('得分', 'score'), ('偏差原因', 'reason')]
    t = Table(
        sheet=sh.name, title='项目支出绩效自评表', year='（2023年度）',
        project='村级公益事业建设一事一议财政奖补', dept='XX县财政局', unit='XX县农村综合改革服务中心',
        budget=Budget(NATIONAL_BUDGET, national_budget(400, 420, 420, 10, pct(1), 10),
                      A='420', B='420', weight=10, reported=10),
        columns=cols,
        inds=[
            Ind('产出指标', '数量指标', '村内道路硬化里程', '>=35公里', '36.2公里', 10, 10, P('35', '36.2')),
            Ind('产出指标', '数量指标', '安装太阳能路灯', '>1000盏', '1,050盏', 10, 10, P('1000', '1050')),
            Ind('产出指标', '数量指标', '建设村级文化广场', '＝12个', '12个', 5, 5, P('12', '12')),
            Ind('产出指标', '质量指标', '工程验收合格率', '﹦100%', '100%', 5, 5, P('100', '100')),
            Ind('产出指标', '质量指标', '工程质量安全事故', '<1起', '0起', 5, 5, R('1', '0')),
            Ind('产出指标', '时效指标', '项目建设周期', '<=10个月', '9个月', 5, 5, R('10', '9')),
            Ind('产出指标', '成本指标', '每公里道路硬化成本', '≦45万元', '44.5万元', 5, 5, R('45', '44.5')),
            Ind('产出指标', '成本指标', '太阳能路灯单价', '═2800元', '2800元', 5, 5, P('2800', '2800')),
            Ind('效益指标', '社会效益指标', '受益人口', '≧2.6万人', '2.71万人', 10, 10, P('2.6', '2.71')),
            Ind('效益指标', '社会效益指标', '群众出行条件', '明显改善', '明显改善', 10, 10, Q('achieved', vague=True)),
            Ind('效益指标', '可持续影响指标', '设施管护制度', '建立', '已建立', 10, 10, Q('achieved')),
            Ind('满意度指标', '服务对象满意度指标', '群众满意度', '＞＝90%', '96%', 10, 10, P('90', '96')),
        ],
        totals=[total_row('总分', 100, 100)],
        reported_total=100,
    )
    exp, _ = write_table(sh, 1, t)
    return [sh], [exp]


# ---------------------------------------------------------------------------------------------
# Forms the project layout above cannot draw: department tables with goal blocks, tables that do
# not start at A1, blank and hidden columns, names merged over two columns, 一级/二级 as caption
# rows or absent. The layout is free; the expectations go through the same expect_table.


@dataclass
class Block:
    """One indicator block: a project's 绩效指标, or a department's 年度目标 N with its own header."""
    inds: List[Ind]
    goal: Optional[str] = None        # the goal label as written (`年度目标 1：（30分）`), None for none
    goal_text: str = ''
    weight: Optional[int] = None      # the weight the goal label states, read by hand (None: none stated)
    label: str = '年度绩效指标'        # written down the 'block' column where the form has one


@dataclass
class Form:
    sheet: str
    kind: str                         # project | department
    title: str
    head: List[list]                  # rows under the title: (c1, c2, value) segments, columns counted from `left`
    budget: Budget
    budget_style: str                 # side: label merged down its own column | inline: label above the row labels
    columns: List[tuple]              # (header, key, span); key None is a blank column, 'block' the block label's
    blocks: List[Block]
    totals: List[list]                # (c1, c2, value): c a column key, 'label_end' or a column counted from `left`
    reported_total: object
    levels: str = 'merge'             # merge | repeat | blank (l1/l2 columns) | caption | none
    captions: dict = field(default_factory=dict)   # caption mode: l1 -> row text, (l1, l2) -> row text
    l1_labels: dict = field(default_factory=dict)
    l1_weights: dict = field(default_factory=dict)
    goals: Optional[tuple] = None     # 年度总体目标: (预期目标, 实际完成情况)
    between: List[list] = field(default_factory=list)  # rows after the budget (年度主要任务), segments as in head
    between_label: Optional[str] = None                # merged down column 1 over `between`
    narrative: List[tuple] = field(default_factory=list)
    left: int = 1
    top: int = 1
    hidden: tuple = ()                # column keys hidden in the sheet
    widths: dict = field(default_factory=dict)         # column key -> width
    check_levels: bool = False        # compare each row's level1 too
    unfilled: bool = False

    @property
    def inds(self):
        return [i for b in self.blocks for i in b.inds]


def write_form(sh: Sheet, f: Form):
    """Lays form `f` out on `sh`; returns (expected, next free row)."""
    L = f.left
    col, pos = {}, L
    for header, key, span in f.columns:
        if key is not None:
            col[key] = (pos, pos + span - 1)
        pos += span
    W = pos - 1
    width = W - L + 1

    def rel(c):
        return L + c - 1

    def c_of(c, end=False):
        if c == 'label_end':
            return min(col['weight'][0], col['score'][0]) - 1
        if isinstance(c, str):
            return col[c][1 if end else 0]
        return rel(c)

    def segments(r, segs):
        for c1, c2, v in segs:
            sh.merge(r, c_of(c1), r, c_of(c2, end=True), v)

    before = set(sh.cells)
    r = f.top
    sh.merge(r, L, r, W, f.title, bold=True)
    r += 1
    for segs in f.head:
        segments(r, segs)
        r += 1

    # Budget block
    b = f.budget
    first = L + 2 if f.budget_style == 'side' else L + 1
    assert first + len(b.headers) - 1 <= W, f'{f.sheet}: budget wider than the table'
    refs = budget_refs(b.headers, r + 1, first)
    if f.budget_style == 'side':
        sh.merge(r, L, r + len(b.rows), L, b.label)
        for j, row in enumerate(b.rows):
            sh.put(r + 1 + j, L + 1, row[0])
    else:
        sh.put(r, L, b.label)
        for j, row in enumerate(b.rows):
            sh.put(r + 1 + j, L, row[0])
    for i, h in enumerate(b.headers):
        sh.put(r, first + i, h)
    for j, row in enumerate(b.rows):
        for i, v in enumerate(row[1:]):
            sh.put(r + 1 + j, first + i, v)
    r += 1 + len(b.rows)

    if f.between:
        top = r
        for segs in f.between:
            segments(r, segs)
            r += 1
        if f.between_label:
            sh.merge(top, L, r - 1, L, f.between_label)

    mid = L + 1 + (width - 2) // 2
    if f.goals:
        sh.merge(r, L, r + 1, L, '年度总体目标')
        sh.merge(r, L + 1, r, mid, '预期目标')
        sh.merge(r, mid + 1, r, W, '实际完成情况')
        sh.merge(r + 1, L + 1, r + 1, mid, f.goals[0])
        sh.merge(r + 1, mid + 1, r + 1, W, f.goals[1])
        r += 2

    lines, score_ranges = [], []
    data_left = min(c1 for k, (c1, _) in col.items() if k != 'block')
    for block in f.blocks:
        if block.goal is not None:
            sh.put(r, L, block.goal)
            sh.merge(r, L + 1, r, W, block.goal_text)
            r += 1
        header_row = r
        for header, key, span in f.columns:
            if key is not None and key != 'block':
                sh.merge(r, col[key][0], r, col[key][1], header, bold=True)
        r += 1
        block_lines = []
        seen = set()
        for ind in block.inds:
            assert not ind.subs, 'write_form draws no breakdown rows'
            if f.levels == 'caption':
                for k in (ind.l1, (ind.l1, ind.l2)):
                    if k in f.captions and k not in seen:
                        seen.add(k)
                        sh.merge(r, data_left, r, W, f.captions[k])
                        r += 1
            block_lines.append((r, ind, ind))
            r += 1
        if 'l1' in col:
            for key, label_of, group_of in (('l1', lambda i: f.l1_labels.get(i.l1, i.l1), lambda i: i.l1),
                                            ('l2', lambda i: i.l2, lambda i: (i.l1, i.l2))):
                i = 0
                while i < len(block_lines):
                    j = i
                    while j + 1 < len(block_lines) and group_of(block_lines[j + 1][1]) == group_of(block_lines[i][1]):
                        j += 1
                    label = label_of(block_lines[i][1])
                    c = col[key][0]
                    if f.levels == 'merge':
                        sh.merge(block_lines[i][0], c, block_lines[j][0], c, label)
                    elif f.levels == 'blank':
                        sh.put(block_lines[i][0], c, label)
                    else:
                        for k in range(i, j + 1):
                            sh.put(block_lines[k][0], c, label)
                    i = j + 1
        for row, ind, _ in block_lines:
            sh.merge(row, col['name'][0], row, col['name'][1], ind.name)
            sh.put(row, col['target'][0], ind.target)
            sh.put(row, col['actual'][0], ind.actual)
            sh.put(row, col['weight'][0], ind.wcell if ind.wcell is not None else num(ind.w))
            sh.put(row, col['score'][0], ind.rep)
            if 'reason' in col:
                sh.put(row, col['reason'][0], ind.reason)
            for key, v in ind.extra.items():
                sh.put(row, col[key][0], v)
        if 'block' in col:
            sh.merge(header_row, col['block'][0], r - 1, col['block'][0], block.label)
        score_ranges.append(f"{addr(block_lines[0][0], col['score'][0])}:{addr(block_lines[-1][0], col['score'][0])}")
        lines += block_lines

    for segs in f.totals:
        segments(r, segs)
        r += 1
    k = 3 if width >= 8 else 2
    for label, text in f.narrative:
        sh.merge(r, L, r, L + k - 1, label)
        sh.merge(r, L + k, r, W, text)
        r += 1
    for key, w in f.widths.items():
        sh.widths[col[key][0] if isinstance(key, str) else key] = w
    for key in f.hidden:
        sh.hidden_cols.add(col[key][0])
    refs['S'] = ','.join(score_ranges)
    for key in set(sh.cells) - before:
        v = sh.cells[key]
        if isinstance(v, Formula):
            sh.cells[key] = Formula(v.text.format(**refs), v.value, v.fmt)
    return expect_table(f, lines), r



# ---- Forms not tried before: department tables, free layouts, dates, ranges, text scores -----

NATIONAL_FORM = [('绩效指标', 'block', 1), ('一级指标', 'l1', 1), ('二级指标', 'l2', 1), ('三级指标', 'name', 1),
                 ('年度指标值', 'target', 1), ('实际完成值', 'actual', 1), ('分值', 'weight', 1), ('得分', 'score', 1),
                 ('偏差原因分析及改进措施', 'reason', 1)]


def project_head(year, project, dept, unit, width):
    mid = 2 + (width - 2) // 2
    return [[(1, width, year)],
            [(1, 1, '项目名称'), (2, width, project)],
            [(1, 1, '主管部门'), (2, mid - 1, dept), (mid, mid, '实施单位'), (mid + 1, width, unit)]]


YMD = 'yyyy"年"m"月"d"日"'


def day(y, m, d, fmt=YMD):
    return Date(datetime.datetime(y, m, d), fmt)


@workbook('dept-national-single-block.xlsx', 'xlsxwriter',
          'National 部门整体支出绩效自评表: one 年度绩效指标 block, 年度主要任务 with its own amounts',
          'kind department; budget 年度部门整体支出预算 with 年度资金总额 | 其中：基本支出 | 项目支出 (national columns); '
          'a 年度主要任务 table whose 预算数（万元） | 执行数（万元） sum to 项目支出 (not the budget); 年度总体目标; '
          '`2023年10月底前`→`2023年10月25日`; `无重大动物疫情`→`未发生重大动物疫情`; `顺利推进` (vague); 总分')
def dept_national():
    sh = Sheet('部门整体支出绩效自评表')
    f = Form(
        sheet=sh.name, kind='department', title='部门整体支出绩效自评表',
        head=[[(1, 9, '（2023年度）')], [(1, 1, '部门名称'), (2, 9, 'XX县农业农村局')]],
        budget=Budget(NATIONAL_BUDGET,
                      [['年度资金总额', 3260, 3480, 3410.4, 10, pct(0.98), 9.8],
                       ['其中：基本支出', 1860, 1880, 1870, '—', '', '—'],
                       ['项目支出', 1400, 1600, 1540.4, '—', '', '—']],
                      A='3480', B='3410.4', weight=10, reported=9.8, label='年度部门整体支出预算（万元）'),
        budget_style='side',
        between_label='年度主要任务',
        between=[[(2, 2, '任务名称'), (3, 6, '主要内容'), (7, 7, '预算数（万元）'), (8, 9, '执行数（万元）')],
                 [(2, 2, '农业产业发展'), (3, 6, '支持特色产业基地建设、农产品加工和品牌培育'), (7, 7, 620), (8, 9, 602.5)],
                 [(2, 2, '高标准农田建设'), (3, 6, '新建高标准农田3万亩，配套灌排设施'), (7, 7, 780), (8, 9, 760)],
                 [(2, 2, '动物防疫与农产品质量安全'), (3, 6, '重大动物疫病强制免疫、农产品质量安全例行监测'), (7, 7, 200), (8, 9, 177.9)]],
        goals=('保障粮食安全和重要农产品供给，推进乡村产业发展，守住不发生规模性返贫底线。',
               '粮食播种面积稳定，新建高标准农田3.2万亩，未发生重大动物疫情。'),
        columns=[('年度绩效指标', 'block', 1)] + NATIONAL_FORM[1:],
        blocks=[Block(inds=[
            Ind('产出指标', '数量指标', '新建高标准农田面积', '≥3万亩', '3.2万亩', 8, 8, P('3', '3.2')),
            Ind('产出指标', '数量指标', '农业实用技术培训人次', '≥5000人次', '4,600人次', 8, 7.36, P('5000', '4600'),
                reason='部分培训改为线上开展，线下人次减少'),
            Ind('产出指标', '数量指标', '动物疫病强制免疫密度', '≥90%', '96%', 7, 7, P('90', '96')),
            Ind('产出指标', '质量指标', '农产品质量安全例行监测合格率', '≥98%', '98.9%', 7, 7, P('98', '98.9')),
            Ind('产出指标', '质量指标', '重大动物疫情', '无重大动物疫情', '未发生重大动物疫情', 6, 6, Q('achieved')),
            Ind('产出指标', '时效指标', '惠农补贴资金兑付时间', '2023年10月底前', '2023年10月25日', 7, 7, DL(True)),
            Ind('产出指标', '成本指标', '“三公”经费支出', '≤45万元', '41.3万元', 7, 7, R('45', '41.3')),
            Ind('效益指标', '经济效益指标', '农村居民人均可支配收入增长', '≥6%', '7.2%', 10, 10, P('6', '7.2')),
            Ind('效益指标', '社会效益指标', '粮食播种面积', '≥52万亩', '52.6万亩', 10, 10, P('52', '52.6')),
            Ind('效益指标', '可持续影响指标', '农业农村改革', '顺利推进', '顺利推进', 10, 10, Q('achieved', vague=True)),
            Ind('满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '94%', 10, 10, P('90', '94')),
        ])],
        totals=[[(1, 'label_end', '总分'), ('weight', 'weight', 100), ('score', 'score', 99.16)]],
        reported_total=99.16,
        widths={'name': 26, 'reason': 30},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('dept-provincial-goals.xlsx', 'openpyxl',
          'Provincial 部门整体支出绩效自评表: 预算执行情况（万元）（20分）, three 年度目标 N：（N分） blocks',
          'kind department; budget rows 部门整体支出总额 | 基本支出 | 项目支出 (no 其中, each with a rate); 预算数（A） | '
          '执行数（B） | 执行率（B/A） | 得分（20分*执行率）; stated budget weight 20 under the national preset; '
          'goal weights 30 + 25 + 25; a header row per block; `0起`→`0起`; `有效提升` (vague); 总分')
def dept_provincial():
    sh = Sheet('部门整体自评表')
    cols = [('年度绩效指标', 'block', 1), ('一级指标', 'l1', 1), ('二级指标', 'l2', 1), ('三级指标', 'name', 1),
            ('年初目标值（A）', 'target', 1), ('实际完成值（B）', 'actual', 1), ('分值', 'weight', 1), ('得分', 'score', 1),
            ('偏差原因分析及改进措施', 'reason', 1)]
    f = Form(
        sheet=sh.name, kind='department', title='XX县教育局2023年度部门整体支出绩效自评表',
        head=[[(1, 4, '单位名称：XX县教育局'), (5, 9, '填报日期：2024 年 3 月 20 日')],
              [(1, 1, '单位名称'), (2, 9, 'XX县教育局')]],
        budget=Budget(['预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
                      [['部门整体支出总额', 12500, 12150, '97.2%', 19.44],
                       ['基本支出', 9800, 9780, '99.8%', ''],
                       ['项目支出', 2700, 2370, '87.78%', '']],
                      A='12500', B='12150', weight=20, reported=19.44, label='预算执行情况（万元）（20分）'),
        budget_style='side',
        columns=cols,
        blocks=[
            Block(goal='年度目标 1：（30分）', goal_text='巩固义务教育优质均衡发展成果，保障适龄儿童少年入学。', weight=30, inds=[
                Ind('产出指标', '数量指标', '义务教育阶段学校数', '≥46所', '46所', 6, 6, P('46', '46')),
                Ind('产出指标', '数量指标', '新增义务教育学位数', '≥1,800个', '1,620个', 6, 5.4, P('1800', '1620'),
                    reason='城东新建学校延期至2024年秋季开学'),
                Ind('产出指标', '质量指标', '九年义务教育巩固率', '≥99%', '99.6%', 6, 6, P('99', '99.6')),
                Ind('产出指标', '时效指标', '教材发放及时率', '≥98%', '100%', 4, 4, P('98', '100')),
                Ind('效益指标', '社会效益指标', '适龄儿童入学率', '100%', '100%', 8, 8, P('100', '100')),
            ]),
            Block(goal='年度目标 2：（25分）', goal_text='加强教师队伍建设，提升教育教学质量。', weight=25, inds=[
                Ind('产出指标', '数量指标', '教师培训人次', '≥3000人次', '3,450人次', 5, 5, P('3000', '3450')),
                Ind('产出指标', '质量指标', '教师资格持证上岗率', '100%', '100%', 5, 5, P('100', '100')),
                Ind('产出指标', '成本指标', '生均公用经费', '≥800元', '800元', 5, 5, P('800', '800')),
                Ind('效益指标', '社会效益指标', '学生体质健康达标率', '≥92%', '90.5%', 5, 4.92, P('92', '90.5'),
                    reason='部分农村学校体育课时落实不到位'),
                Ind('效益指标', '可持续影响指标', '教育信息化水平', '有效提升', '有效提升', 5, 5, Q('achieved', vague=True)),
            ]),
            Block(goal='年度目标 3：（25分）', goal_text='落实学生资助政策，守牢校园安全底线。', weight=25, inds=[
                Ind('产出指标', '数量指标', '学生资助人次', '≥5,200人次', '5,380人次', 5, 5, P('5200', '5380')),
                Ind('产出指标', '质量指标', '资助资金发放准确率', '100%', '100%', 5, 5, P('100', '100')),
                Ind('产出指标', '时效指标', '校舍安全隐患整改时限', '≤30天', '25天', 5, 5, R('30', '25')),
                Ind('效益指标', '社会效益指标', '校园安全责任事故', '0起', '0起', 5, 5, R('0', '0')),
                Ind('满意度指标', '服务对象满意度指标', '学生家长满意度', '≥90%', '95%', 5, 5, P('90', '95')),
            ]),
        ],
        totals=[[(1, 'label_end', '总分'), ('weight', 'weight', 100), ('score', 'score', 98.76)]],
        reported_total=98.76,
        narrative=[('偏差大或目标未完成原因分析', '新建学校延期开学，学位供给未达目标；农村学校体育课时落实不到位'),
                   ('改进措施及结果应用方案', '加快新建学校建设进度，将体育课时纳入督导考核')],
        widths={'name': 26, 'reason': 30},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('dept-goals-unweighted.xlsx', 'xlsxwriter → LibreOffice',
          'Provincial 部门整体支出绩效自评表: 年度目标N without weights, no 分值 in the budget block',
          'kind department; goals `年度目标1` … without `（N分）`; budget 预算数 | 执行数 | 执行率 | 得分 with no stated weight '
          '(100 − 80 = 20, not the preset 10); 部门整体支出总额 | 其中：基本支出 | 项目支出; no block label; `同比增长5%`; '
          '`显著提升`→`一定程度提升` entered 4.2 of 6 (partial, vague); total `自评总分` as a formula LibreOffice computed over '
          'three blocks; narrative reason rows', lo=True)
def dept_unweighted():
    sh = Sheet('Sheet1')
    cols = [('一级指标', 'l1', 1), ('二级指标', 'l2', 1), ('三级指标', 'name', 1), ('指标值', 'target', 1),
            ('完成值', 'actual', 1), ('分值', 'weight', 1), ('得分', 'score', 1)]
    f = Form(
        sheet=sh.name, kind='department', title='2023年度部门整体支出绩效自评表',
        head=[[(1, 2, '部门（单位）名称'), (3, 7, 'XX县文化和旅游局')]],
        budget=Budget(['预算数', '执行数', '执行率', '得分'],
                      [['部门整体支出总额', 5600, 5320, '95%', 19],
                       ['其中：基本支出', 3600, 3580, '99.44%', ''],
                       ['项目支出', 2000, 1740, '87%', '']],
                      A='5600', B='5320', weight=20, reported=19,  # not stated: 100 − 80 (indicators) = 20
                      label='预算执行情况（万元）'),
        budget_style='inline',
        columns=cols,
        blocks=[
            Block(goal='年度目标1', goal_text='丰富公共文化服务供给，推动文化惠民。', inds=[
                Ind('产出指标', '数量指标', '公共文化活动场次', '≥200场', '236场', 8, 8, P('200', '236')),
                Ind('产出指标', '数量指标', '送戏下乡场次', '≥120场', '96场', 8, 6.4, P('120', '96')),
                Ind('产出指标', '质量指标', '文物安全事故', 0, 0, 8, 8, R('0', '0')),
                Ind('效益指标', '社会效益指标', '公共文化设施免费开放率', '100%', '100%', 8, 8, P('100', '100')),
            ]),
            Block(goal='年度目标2', goal_text='促进文旅融合，扩大旅游消费。', inds=[
                Ind('产出指标', '数量指标', '旅游宣传推介活动', '≥10次', '12次', 6, 6, P('10', '12')),
                Ind('产出指标', '时效指标', '旅游投诉处理时限', '≤5个工作日', '4个工作日', 6, 6, R('5', '4')),
                Ind('效益指标', '经济效益指标', '接待游客人次', '同比增长5%', '同比增长6.5%', 6, 6, P('5', '6.5')),
                Ind('效益指标', '可持续影响指标', '文旅融合发展水平', '显著提升', '一定程度提升', 6, 4.2, Q('partial', vague=True)),
            ]),
            Block(goal='年度目标3', goal_text='推进全民阅读和群众文化活动。', inds=[
                Ind('产出指标', '数量指标', '文化惠民演出观众人次', '≥15万人次', '16.2万人次', 8, 8, P('15', '16.2')),
                Ind('效益指标', '社会效益指标', '全民阅读参与率', '≥60%', '62%', 8, 8, P('60', '62')),
                Ind('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '92.5%', 8, 8, P('90', '92.5')),
            ]),
        ],
        totals=[[(1, 'label_end', '自评总分'), ('weight', 'weight', 100),
                 ('score', 'score', Formula('=ROUND({BS}+SUM({S}),2)', 95.6))]],
        reported_total=95.6,
        narrative=[('偏差大或目标未完成原因分析', '县剧团排期冲突，送戏下乡场次减少；文旅融合项目仍在推进中'),
                   ('改进措施及结果应用方案', '提前编排送戏下乡计划，引入社会演出团体')],
        widths={'name': 24},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('no-level-columns.xlsx', 'openpyxl', 'Township form: 指标名称 | 目标值 | 完成值 | 分值 | 得分 only, no 一级/二级',
          'no level columns and no block label (missing-dimension); budget with no stated weight (100 − 90); '
          '`≥1 200人`→`1,260 人`; full-width `１２００人`→`１１４０人`; `≥1,800\\n元/月` (a line break); scores as text `14.25分`, '
          '`10分`; total `总分` merged over three columns, `98.75分` as text; no place for a reason')
def no_levels():
    sh = Sheet('自评表')
    cols = [('指标名称', 'name', 1), ('目标值', 'target', 1), ('完成值', 'actual', 1), ('分值', 'weight', 1), ('得分', 'score', 1)]
    f = Form(
        sheet=sh.name, kind='project', title='2023年度项目支出绩效自评表',
        head=[[(1, 1, '项目名称'), (2, 5, '农村公益性岗位补贴')], [(1, 1, '实施单位'), (2, 5, 'XX镇人民政府')]],
        budget=Budget(['全年预算数', '全年执行数', '执行率', '得分'],
                      [['年度资金总额', 86, 81.7, '95%', 9.5]],
                      A='86', B='81.7', weight=10, reported=9.5,  # not stated: 100 − 90 = 10
                      label='资金情况（万元）'),
        budget_style='inline',
        columns=cols, levels='none',
        blocks=[Block(inds=[
            Ind('', '', '公益性岗位安置人数', '≥1 200人', '1,260 人', 15, 15, P('1200', '1260')),
            Ind('', '', '岗位补贴发放人数', '１２００人', '１１４０人', 15, Said('14.25分', 14.25), P('1200', '1140')),
            Ind('', '', '补贴发放准确率', '100%', '100%', 10, Said('10分', 10), P('100', '100')),
            Ind('', '', '补贴按月发放及时率', '≥95%', '98%', 10, 10, P('95', '98')),
            Ind('', '', '人均月补贴标准', '≥1,800\n元/月', '1,800元/月', 10, 10, P('1800', '1800')),
            Ind('', '', '脱贫劳动力人均增收', '≥2万元', '2.16万元', 10, Said('10分', 10), P('2', '2.16')),
            Ind('', '', '农村环境卫生状况', '明显改善', '明显改善', 10, Said('10分', 10), Q('achieved', vague=True)),
            Ind('', '', '受益群众满意度', '≥90%', '93%', 10, 10, P('90', '93')),
        ])],
        totals=[[(1, 3, '总分'), ('weight', 'weight', 100), ('score', 'score', Said('98.75分', 98.75))]],
        reported_total=98.75,
        widths={'name': 24, 'target': 14, 'actual': 14},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('caption-rows.xlsx', 'xlsxwriter', 'Caption form: 三级指标 columns only, 一级/二级 as caption rows across the table',
          '`一、产出指标（50分）` and `（一）数量指标（20分）` on rows of their own, merged across; level1 read from them; '
          'subtotals that add up; budget 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 beside its label; '
          '`2023年10月`→`2023年10月20日`; `≤15个工作日`; `持续完善` (vague: a direction, not in the word list)')
def caption_rows():
    sh = Sheet('项目绩效自评')
    cols = [('三级指标', 'name', 1), ('指标值', 'target', 1), ('实际完成值', 'actual', 1), ('分值', 'weight', 1),
            ('得分', 'score', 1), ('偏差原因', 'reason', 1)]
    f = Form(
        sheet=sh.name, kind='project', title='项目支出绩效自评表',
        head=project_head('（2023年度）', '农村饮用水水质监测', 'XX县卫生健康局', 'XX县疾病预防控制中心', 6),
        budget=Budget(['全年预算数', '全年执行数', '执行率', '分值', '得分'],
                      [['年度资金总额', 120, 117.6, pct(0.98), 10, 9.8]],
                      A='120', B='117.6', weight=10, reported=9.8, label='预算执行情况（万元）'),
        budget_style='inline',
        columns=cols, levels='caption', check_levels=True,
        captions={'产出指标': '一、产出指标（50分）',
                  ('产出指标', '数量指标'): '（一）数量指标（20分）',
                  ('产出指标', '质量指标'): '（二）质量指标（15分）',
                  ('产出指标', '时效指标'): '（三）时效指标（15分）',
                  '效益指标': '二、效益指标（30分）',
                  ('效益指标', '社会效益指标'): '（一）社会效益指标（20分）',
                  ('效益指标', '可持续影响指标'): '（二）可持续影响指标（10分）',
                  '满意度指标': '三、满意度指标（10分）',
                  ('满意度指标', '服务对象满意度指标'): '（一）服务对象满意度指标（10分）'},
        l1_weights={'产出指标': 50, '效益指标': 30, '满意度指标': 10},
        blocks=[Block(inds=[
            Ind('产出指标', '数量指标', '水质监测采样点位', '≥320个', '320个', 10, 10, P('320', '320')),
            Ind('产出指标', '数量指标', '水样检测指标项数', '≥43项', '43项', 10, 10, P('43', '43')),
            Ind('产出指标', '质量指标', '检测结果报送准确率', '100%', '100%', 8, 8, P('100', '100')),
            Ind('产出指标', '质量指标', '实验室能力验证合格率', '≥95%', '100%', 7, 7, P('95', '100')),
            Ind('产出指标', '时效指标', '丰水期、枯水期监测完成时间', '2023年10月', '2023年10月20日', 8, 8, DL(True)),
            Ind('产出指标', '时效指标', '检测报告出具时限', '≤15个工作日', '12个工作日', 7, 7, R('15', '12')),
            Ind('效益指标', '社会效益指标', '农村集中式供水水质达标率', '≥85%', '83%', 10, 9.76, P('85', '83'),
                reason='2处水源受暴雨影响浊度超标，已完成整改'),
            Ind('效益指标', '社会效益指标', '水质异常情况通报处置率', '100%', '100%', 10, 10, P('100', '100')),
            Ind('效益指标', '可持续影响指标', '农村饮用水水质监测网络', '持续完善', '持续完善', 10, 10, Q('achieved', vague=True)),
            Ind('满意度指标', '服务对象满意度指标', '供水单位满意度', '≥90%', '96%', 10, 10, P('90', '96')),
        ])],
        totals=[[(1, 'label_end', '总分'), ('weight', 'weight', 100), ('score', 'score', 99.56)]],
        reported_total=99.56,
        widths={'name': 28, 'reason': 28},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('deadlines-dates.xlsx', 'xlsxwriter', 'Deadlines as Excel date cells and as the words counties write',
          'date cells (yyyy"年"m"月"d"日", yyyy-mm-dd) met and missed; a month typed in Excel (2023-06-01 shown `2023年6月`) '
          'met on 2023-06-20; `2023年12月底前`→`2023年11月`; `12月31日前`→`按时完成`; `年底前完成`→`延期至2024年1月` (missed); '
          'grade 良')
def deadlines():
    sh = Sheet('项目支出绩效自评表')
    f = Form(
        sheet=sh.name, kind='project', title='项目支出绩效自评表',
        head=project_head('（2023年度）', '农村低收入群体等重点对象住房安全保障', 'XX县住房和城乡建设局', 'XX县村镇建设服务中心', 9),
        budget=Budget(NATIONAL_BUDGET, national_budget(1225, 1225, 1188.25, 10, pct(0.97), 9.7),
                      A='1225', B='1188.25', weight=10, reported=9.7),
        budget_style='side',
        goals=('完成农村危房改造350户，保障低收入群体住房安全。', '完成改造352户，2户主体工程延期完工。'),
        columns=NATIONAL_FORM,
        blocks=[Block(label='绩效指标', inds=[
            Ind('产出指标', '数量指标', '完成农村危房改造户数', '≥350户', '352户', 6, 6, P('350', '352')),
            Ind('产出指标', '数量指标', '农房抗震改造户数', '≥120户', '120户', 4, 4, P('120', '120')),
            Ind('产出指标', '质量指标', '竣工验收合格率', '100%', '100%', 5, 5, P('100', '100')),
            Ind('产出指标', '时效指标', '项目开工时间', day(2023, 3, 31), day(2023, 3, 20), 5, 5, DL(True)),
            Ind('产出指标', '时效指标', '主体工程完工时间', day(2023, 10, 31, 'yyyy-mm-dd'), day(2023, 11, 15, 'yyyy-mm-dd'), 5, 0,
                DL(False), reason='雨季施工受阻，11月中旬完工'),
            Ind('产出指标', '时效指标', '竣工验收时间', '2023年12月底前', '2023年11月', 5, 5, DL(True)),
            Ind('产出指标', '时效指标', '补助资金拨付时间', '12月31日前', '按时完成', 5, 5, DL(True)),
            Ind('产出指标', '时效指标', '改造信息系统录入时间', day(2023, 6, 1, 'yyyy"年"m"月"'), day(2023, 6, 20), 5, 5, DL(True)),
            Ind('产出指标', '时效指标', '档案资料归档时间', '年底前完成', '延期至2024年1月', 5, 0, DL(False),
                reason='档案整理人员不足，已于2024年1月归档'),
            Ind('产出指标', '成本指标', '户均补助标准', '≤3.5万元', '3.4万元', 5, 5, R('3.5', '3.4')),
            Ind('效益指标', '社会效益指标', '农村低收入群体住房安全保障率', '100%', '100%', 15, 15, P('100', '100')),
            Ind('效益指标', '可持续影响指标', '农房安全动态监测机制', '建立', '已建立', 15, 15, Q('achieved')),
            Ind('满意度指标', '服务对象满意度指标', '改造户满意度', '≥95%', '98%', 10, 10, P('95', '98')),
        ])],
        totals=[total_row('总分', 100, 89.7)],
        reported_total=89.7,
        widths={'name': 24, 'target': 16, 'actual': 16, 'reason': 28},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('values-percent-reverse.xlsx', 'xlsxwriter', 'Percentages as numbers, reverse rates, zero targets',
          'actuals as numbers in percent formats (0.932 shown 93.2%, 1 shown 100%); a target 0.9 shown 90%; `≥95%`→`100` '
          '(a bare number); `≤5%`→`3.2%` (reverse, ratio 1.5625: weak); `≤1‰`→`0`; `0起`→`0`; `无`→`无`; a name with `0-6岁`')
def values_percent():
    sh = Sheet('基本公卫')
    f = Form(
        sheet=sh.name, kind='project', title='项目支出绩效自评表',
        head=project_head('（2023年度）', '基本公共卫生服务补助资金', 'XX区卫生健康局', 'XX区各社区卫生服务中心', 9),
        budget=Budget(NATIONAL_BUDGET, national_budget(2300, 2380, 2284.8, 10, pct(0.96), 9.6),
                      A='2380', B='2284.8', weight=10, reported=9.6),
        budget_style='side',
        goals=('（略）', '（略）'),
        columns=NATIONAL_FORM,
        blocks=[Block(label='绩效指标', inds=[
            Ind('产出指标', '数量指标', '65岁及以上老年人健康管理人数', '≥2.4万人', '2.52万人', 6, 6, P('2.4', '2.52')),
            Ind('产出指标', '数量指标', '0-6岁儿童健康管理率', Num(0.9, '0%'), Num(0.932, '0.0%'), 6, 6, P('90', '93.2')),
            Ind('产出指标', '质量指标', '高血压患者规范管理率', '≥65%', Num(0.6, '0%'), 6, 5.54, P('65', '60'),
                reason='部分患者外出务工，随访次数未达规范要求'),
            Ind('产出指标', '质量指标', '居民电子健康档案建档率', '≥95%', 100, 6, 6, P('95', '100')),
            Ind('产出指标', '质量指标', '严重精神障碍患者规范管理率', '≥80%', Num(1, '0%'), 6, 6, P('80', '100')),
            Ind('产出指标', '质量指标', '预防接种差错率', '≤1‰', 0, 5, 5, R('1', '0')),
            Ind('产出指标', '质量指标', '医疗安全责任事故', '0起', 0, 5, 5, R('0', '0')),
            Ind('产出指标', '成本指标', '项目管理费占比', '≤5%', '3.2%', 5, 5, R('5', '3.2')),
            Ind('产出指标', '成本指标', '人均基本公共卫生服务经费补助标准', '≥89元', '89元', 5, 5, P('89', '89')),
            Ind('效益指标', '社会效益指标', '居民健康素养水平', '≥25%', Num(0.268, '0.00%'), 10, 10, P('25', '26.8')),
            Ind('效益指标', '社会效益指标', '甲类传染病暴发流行', '无', '无', 10, 10, Q('achieved')),
            Ind('效益指标', '可持续影响指标', '重点人群家庭医生签约率', '≥75%', '78.6%', 10, 10, P('75', '78.6')),
            Ind('满意度指标', '服务对象满意度指标', '居民满意度', '≥85%', Num(0.91, '0%'), 10, 10, P('85', '91')),
        ])],
        totals=[total_row('总分', 100, 99.14)],
        reported_total=99.14,
        widths={'name': 28, 'reason': 28},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('values-ranges.xlsx', 'openpyxl → LibreOffice', 'Ranges as targets, met and missed on both sides',
          '`1-2万人`→`1.5万人`; `80%-90%`→`85%`; `1,000-1,500元/人`; `0.8～1万人`→`6,500人` (below: 8.125 → 8.13); '
          '`3-5个工作日`→`7个工作日` (above: 5/7); `60%-80%`→`50%` (below); total as a formula LibreOffice computed', lo=True)
def values_ranges():
    sh = Sheet('职业技能提升')
    f = Form(
        sheet=sh.name, kind='project', title='项目支出绩效自评表',
        head=project_head('（2023年度）', '职业技能提升行动补贴', 'XX市人力资源和社会保障局', 'XX市职业技能鉴定指导中心', 9),
        budget=Budget(NATIONAL_BUDGET, national_budget(600, 600, 588, 10, pct(0.98), 9.8),
                      A='600', B='588', weight=10, reported=9.8),
        budget_style='side',
        goals=('（略）', '（略）'),
        columns=NATIONAL_FORM,
        blocks=[Block(label='绩效指标', inds=[
            Ind('产出指标', '数量指标', '补贴性职业技能培训人数', '1-2万人', '1.5万人', 10, 10, RG('1', '2', '1.5')),
            Ind('产出指标', '数量指标', '以工代训补贴人数', '0.8～1万人', '6,500人', 10, 8.13, RG('8000', '10000', '6500'),
                reason='部分企业以工代训政策到期后未续报'),
            Ind('产出指标', '质量指标', '培训合格率', '80%-90%', '85%', 10, 10, RG('80', '90', '85')),
            Ind('产出指标', '时效指标', '补贴审核办结时间', '3-5个工作日', '7个工作日', 10, 7.14, RG('3', '5', '7'),
                reason='年末申报集中，审核力量不足'),
            Ind('产出指标', '成本指标', '人均培训补贴', '1,000-1,500元/人', '1,280元/人', 10, 10, RG('1000', '1500', '1280')),
            Ind('效益指标', '社会效益指标', '培训后就业率', '60%-80%', '50%', 15, 12.5, RG('60', '80', '50'),
                reason='经济下行，企业用工需求减少'),
            Ind('效益指标', '可持续影响指标', '技能人才占就业人员比例', '≥30%', '31.2%', 15, 15, P('30', '31.2')),
            Ind('满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%', '95%', 10, 10, P('90', '95')),
        ])],
        totals=[[(1, 'label_end', '总分'), ('weight', 'weight', 100),
                 ('score', 'score', Formula('=ROUND({BS}+SUM({S}),2)', 92.57))]],
        reported_total=92.57,
        widths={'name': 24, 'reason': 28},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('layout-offset.xlsx', 'openpyxl', 'A table from C5, a blank column, a name over two columns, a hidden column',
          'table starts at column C row 5; 三级指标 merged over two columns; a blank narrow column between 实际完成值 and 分值; '
          'a hidden column 上年实际完成值 between 年度指标值 and 实际完成值 (last year\'s values, never the actual; it also hides '
          'the budget\'s 执行率)')
def layout_offset():
    sh = Sheet('老旧小区改造')
    cols = [('绩效指标', 'block', 1), ('一级指标', 'l1', 1), ('二级指标', 'l2', 1), ('三级指标', 'name', 2),
            ('年度指标值', 'target', 1), ('上年实际完成值', 'prev', 1), ('实际完成值', 'actual', 1), ('', None, 1),
            ('分值', 'weight', 1), ('得分', 'score', 1), ('偏差原因分析及改进措施', 'reason', 1)]
    prev = lambda v: {'prev': v}
    f = Form(
        sheet=sh.name, kind='project', title='项目支出绩效自评表', left=3, top=5,
        head=[[(1, 12, '（2023年度）')], [(1, 1, '项目名称'), (2, 12, '城镇老旧小区改造')],
              [(1, 1, '主管部门'), (2, 7, 'XX市住房和城乡建设局'), (8, 8, '实施单位'), (9, 12, 'XX市城市更新中心')]],
        budget=Budget(NATIONAL_BUDGET, national_budget(2000, 2200, 2134, 10, pct(0.97), 9.7),
                      A='2200', B='2134', weight=10, reported=9.7),
        budget_style='side',
        goals=('（略）', '（略）'),
        columns=cols, hidden=('prev',),
        blocks=[Block(label='绩效指标', inds=[
            Ind('产出指标', '数量指标', '改造老旧小区个数', '≥45个', '47个', 10, 10, P('45', '47'), extra=prev('38个')),
            Ind('产出指标', '数量指标', '惠及居民户数', '≥1.2万户', '1.26万户', 10, 10, P('1.2', '1.26'), extra=prev('0.9万户')),
            Ind('产出指标', '质量指标', '竣工验收合格率', '100%', '100%', 10, 10, P('100', '100'), extra=prev('100%')),
            Ind('产出指标', '时效指标', '年度开工率', '100%', '96%', 10, 9.6, P('100', '96'), extra=prev('95%'),
                reason='2个小区居民意见未统一，延后开工'),
            Ind('产出指标', '成本指标', '户均改造成本', '≤2.5万元', '2.38万元', 10, 10, R('2.5', '2.38'), extra=prev('2.6万元')),
            Ind('效益指标', '社会效益指标', '加装电梯数量', '≥60部', '58部', 15, 14.5, P('60', '58'), extra=prev('35部'),
                reason='2部电梯因低层住户反对暂缓'),
            Ind('效益指标', '可持续影响指标', '长效管理机制建立率', '≥90%', '92%', 15, 15, P('90', '92'), extra=prev('70%')),
            Ind('满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '94%', 10, 10, P('90', '94'), extra=prev('88%')),
        ])],
        totals=[[(1, 'label_end', '总分'), ('weight', 'weight', 100), ('score', 'score', 98.8)]],
        reported_total=98.8,
        widths={'name': 14, 11: 2, 'reason': 28},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


@workbook('findings-text-scores.xlsx', 'xlsxwriter → LibreOffice', 'Scores typed as text, findings that must be raised',
          'scores `10分`, `9.52分`, `10` as text, the budget score `9.5分`; total `98.52分` as text, its label `总分` merged over '
          'the 分值 column; weak target `≥5次`→`15次` (3×); `正增长`→`增长8%` (vague, achieved); `有效提升` entered 9.5 (vague); '
          '`≤8万元`→`8.4万元`', lo=True)
def findings_text():
    sh = Sheet('品牌推广')
    s = lambda x: Said(f'{x}分', x)
    f = Form(
        sheet=sh.name, kind='project', title='项目支出绩效自评表',
        head=project_head('（2023年度）', '农产品区域公用品牌宣传推广', 'XX市农业农村局', 'XX市农产品品牌促进中心', 9),
        budget=Budget(NATIONAL_BUDGET, national_budget(150, 150, 142.5, 10, pct(0.95), s(9.5)),
                      A='150', B='142.5', weight=10, reported=9.5),
        budget_style='side',
        goals=('（略）', '（略）'),
        columns=NATIONAL_FORM,
        blocks=[Block(label='绩效指标', inds=[
            Ind('产出指标', '数量指标', '组织参加展销会次数', '≥5次', '15次', 10, s(10), P('5', '15')),
            Ind('产出指标', '数量指标', '品牌授权使用企业', '≥20家', '26家', 10, s(10), P('20', '26')),
            Ind('产出指标', '质量指标', '品牌产品抽检合格率', '≥98%', '99.2%', 10, s(10), P('98', '99.2')),
            Ind('产出指标', '时效指标', '宣传活动完成时间', '2023年11月', '2023年10月', 10, Said('10', 10), DL(True)),
            Ind('产出指标', '成本指标', '单场推介会成本', '≤8万元', '8.4万元', 10, s(9.52), R('8', '8.4'),
                reason='展位费上涨'),
            Ind('效益指标', '经济效益指标', '品牌农产品销售额', '正增长', '增长8%', 10, s(10), Q('achieved', vague=True)),
            Ind('效益指标', '社会效益指标', '品牌知名度', '有效提升', '有效提升', 10, s(9.5), Q('achieved', vague=True)),
            Ind('效益指标', '可持续影响指标', '品牌溢价率', '≥10%', '12%', 10, s(10), P('10', '12')),
            Ind('满意度指标', '服务对象满意度指标', '经营主体满意度', '≥90%', '92%', 10, s(10), P('90', '92')),
        ])],
        totals=[[(1, 'weight', '总分'), ('score', 'score', s(98.52))]],
        reported_total=98.52,
        widths={'name': 24, 'reason': 24},
    )
    exp, _ = write_form(sh, f)
    return [sh], [exp]


# ---------------------------------------------------------------------------------------------


def main():
    """Renders every workbook, or only those named on the command line (the others are read back and
    checked against the model as they stand); expected.json and README.md are always written whole."""
    names = {item['file'] for item in CORPUS}
    args = sys.argv[1:]
    check = '--check' in args  # render nothing: check every workbook as it stands, rewrite the expectations
    only = set(a for a in args if a != '--check')
    unknown = only - names
    if unknown:
        sys.exit(f'unknown workbook(s): {", ".join(sorted(unknown))}')
    os.makedirs(OUT, exist_ok=True)
    expected = []
    with tempfile.TemporaryDirectory() as tmp:
        for item in CORPUS:
            sheets, tables = item['build']()
            target = os.path.join(OUT, item['file'])
            openpyxl_made = item['producer'].startswith('openpyxl')
            if check or (only and item['file'] not in only):
                verify(target, sheets, cached=item['lo'] or not openpyxl_made)
            else:
                first = os.path.join(tmp, item['file']) if item['lo'] else target
                if openpyxl_made:
                    assert not any(isinstance(v, Formula) for s in sheets for v in s.cells.values()) or item['lo'], \
                        f"{item['file']}: openpyxl stores no formula results; pass it through LibreOffice"
                    render_openpyxl(sheets, first)
                else:
                    render_xlsxwriter(sheets, first)
                verify(first, sheets, cached=not openpyxl_made)
                if item['lo']:
                    libreoffice_convert(first, OUT)
                    verify(target, sheets)
                print(f"{item['file']}: {item['producer']}, {len(tables)} table(s)")
            expected.append({'file': item['file'], 'producer': item['producer'], 'province': item['province'],
                             'tables': tables})
    with open(os.path.join(OUT, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump({'policy': 'national', 'workbooks': expected}, f, ensure_ascii=False, indent=1)
        f.write('\n')
    write_readme()


def write_readme():
    lines = ['# Provinces corpus', '',
             'Project and whole-department self-evaluation tables in the national form with the local habits of other',
             'provinces (DOMAIN.md, "Beyond Wuhan"), written by real producers. Regenerate with',
             '`scripts/provinces/make_corpus.sh` (Debian python3-openpyxl, python3-xlsxwriter, libreoffice-calc-nogui);',
             '`make_corpus.sh FILE.xlsx…` renders only the named workbooks and checks the others as they stand;',
             '`make_corpus.sh --check` renders none.',
             '`expected.json` is computed by hand in `scripts/provinces/make_corpus.py` from DOMAIN.md\'s rules',
             '(national preset), never by the engine; `test/core/provinces.test.ts` compares the engine with it.', '',
             '| workbook | producer | habit modelled | classes covered |', '|---|---|---|---|']
    cell = lambda text: text.replace('|', '\\|')  # a pipe inside a cell would split the Markdown row
    for item in CORPUS:
        lines.append(f"| `{item['file']}` | {item['producer']} | {cell(item['province'])} | {cell(item['classes'])} |")
    lines += ['', 'Readings taken where DOMAIN.md leaves room (the expectations follow them):', '',
              '- `≥90分` against `95%`: flag `unit-mismatch` only; the entered score (here the full weight) is kept, method',
              '  `positive`, no `unfinished` and no `score-mismatch` (as for an unreadable row).',
              '- An unfilled table: `total`, `grade`, `reportedTotal` and `budgetScore` null, table flags exactly `["unfilled"]`',
              '  (the missing 执行数 is not also `unreadable`); its rows are listed with their method and no flags, scores not compared.',
              '- `满意` → `不满意` is the failed tier (entered 2 of 5 is inside it); `健全` → `基本健全` and `显著提升` → `一定程度提升`',
              '  are partial; `建立` → `已建立`, `建立长效运营机制` → `已建立长效运营机制` are achieved.',
              '- `提高10%` → `提高12%` is positive with A = 10, B = 12, and not vague; `=`, `＝`, `═`, `﹦` and a bare number are',
              '  positive; `<1起` → `0起` is reverse; `以上` / `以下` include the bound.',
              '- A 年度资金总额 row of zeros with the money in `其中：本年财政拨款`: A and B come from that row; the entered score',
              '  stands on the 年度资金总额 row. 调整后预算数 is A where present, never 年初预算数.',
              '- Weak target follows the README literally: `≤10‰` → `5` (ratio 2) and `0.9‰以下` → `0.3‰` (ratio 3) are weak.',
              '- Breakdown rows (`其中：…`, 分值 `/` or empty) are not in the indicator list at all.',
              '- Every table carries `kind`: `department` for a 部门整体支出绩效自评表. Its budget is the 部门整体支出总额 /',
              '  年度资金总额 row; 基本支出 and 项目支出 (with or without `其中：`) are its parts, and a 年度主要任务 table\'s',
              '  预算数 / 执行数 are tasks, not the budget.',
              '- A goal label\'s `（N分）` must equal its block\'s indicator weights (else `weight-mismatch`); a goal without one',
              '  states nothing. A budget block with no stated weight weighs 100 minus the indicators (20 beside 80 points,',
              '  whatever the preset says).',
              '- A table with no 一级/二级 anywhere shows none of 产出/效益/满意度: `missing-dimension` (a reviewer asks for the',
              '  classification; names are not guessed at). Without a reason column or row an unfinished row is not `missing-reason`.',
              '- Caption rows (`一、产出指标（50分）`, `（一）数量指标（20分）`) are the 一级/二级 of the rows below them: `level1` is',
              '  `产出指标` (numbering and weight dropped), and their subtotals are checked like merged labels.',
              '- Deadlines: a date cell is a date; one shown as a month (`2023年6月`, stored as the 1st) is a month deadline;',
              '  `12月31日前` and `年底前` take the table\'s year; `按时完成` meets a deadline; `延期至2024年1月` misses `年底前` (0).',
              '- Percent-formatted numbers are percentages (0.932 is 93.2%); a bare `100` against `≥95%` is 100%.',
              '  `≤5%` → `3.2%` has ratio 1.5625 and is weak (README literal, as above).',
              '- Ranges outside are proportional to the nearer bound (`0.8～1万人` → `6,500人`: 10 × 0.65/0.8 = 8.125 → 8.13;',
              '  `3-5个工作日` → `7个工作日`: 10 × 5/7 → 7.14); no range row here is a weak target.',
              '- A column headed 上年实际完成值 (last year\'s values, here also hidden) is not the actual.',
              '- Scores and totals typed as text (`9.5分`, `10`, `98.52分`) are those numbers. `1 200人`, `1,200 人`, `１２００人`',
              '  and `≥1,800\\n元/月` are 1200 and 1800.',
              '- `正增长` → `增长8%` is a qualitative row, achieved, with a vague target; `持续完善` is vague (a direction) though',
              '  DOMAIN.md\'s list does not name it.']
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    sys.exit(main())
