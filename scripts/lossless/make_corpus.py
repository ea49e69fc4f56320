#!/usr/bin/python3
"""Writes test/fixtures/lossless: workbooks full of parts the tool must carry through a rewrite untouched,
each with a project self-evaluation table (项目支出绩效自评表) on a sheet named 自评表, written by real,
independent producers, plus manifest.json (features, every part, defined names) and README.md.

    /usr/bin/python3 scripts/lossless/make_corpus.py         (or scripts/lossless/make_corpus.sh)

Producers: Debian's python3-xlsxwriter and python3-openpyxl, LibreOffice (soffice --headless,
libreoffice-calc-nogui), and parts added by hand with zipfile following ECMA-376 / MS-XLSX / MS-ODRAWXML
where no library writes them. Output is deterministic: fixed document dates, and every zip entry's
timestamp set to 1980-01-01 (the part bytes are left exactly as the producer wrote them; LibreOffice's
own parts are not touched, only the zip container's entry dates).

Every file is checked here: openpyxl loads it (both data_only modes) and reads the table's cells back
as written, and LibreOffice converts it to CSV with the table in it. The engine is never run here.
"""

import base64
import datetime
import hashlib
import io
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import warnings
import zipfile
import zlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import List, Optional
from xml.sax.saxutils import escape

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dump_cells  # noqa: E402  (the corpus's own independent reader, same directory)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'lossless')
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CREATED = datetime.datetime(2024, 1, 15, 9, 30, 0)
TABLE_SHEET = '自评表'

NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# ---------------------------------------------------------------------------------------------
# Small PNGs, made here (RGBA, zlib level 9: the same bytes every run)


def png(w: int, h: int, pixel) -> bytes:
    raw = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(w)) for y in range(h))

    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)

    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def stamp_png(color=(220, 30, 30)) -> bytes:
    """A red ring with a star-ish centre: a seal (公章)."""
    n = 48

    def px(x, y):
        dx, dy = x - n / 2 + 0.5, y - n / 2 + 0.5
        d = (dx * dx + dy * dy) ** 0.5
        on = 19 <= d <= 23 or d <= 5 or (abs(dx) < 1.5 and abs(dy) < 12) or (abs(dy) < 1.5 and abs(dx) < 12)
        return (*color, 255) if on else (255, 255, 255, 0)
    return png(n, n, px)


def logo_png() -> bytes:
    """A blue square with a white bar: a header logo."""
    def px(x, y):
        return (255, 255, 255, 255) if 10 <= y <= 13 and 4 <= x <= 27 else (30, 80, 160, 255)
    return png(32, 24, px)


def photo_png() -> bytes:
    """A green and yellow gradient: a 'photo' of the site."""
    def px(x, y):
        return (40 + x * 3, 120 + y * 2, 60, 255)
    return png(40, 30, px)


def signature_png() -> bytes:
    """Black strokes on white: a signature placed in a cell."""
    def px(x, y):
        on = abs((y - 12) - round(6 * ((x % 16) / 8 - 1))) <= 1 and 4 <= x <= 60
        return (0, 0, 0, 255) if on else (255, 255, 255, 255)
    return png(64, 24, px)


# ---------------------------------------------------------------------------------------------
# The table every workbook carries (the Yunnan/national project layout of
# scripts/provinces/make_corpus.py): title, 项目名称, a budget block, 年度总体目标, the indicator
# block with its header, and a 总分 row. Columns A..I; J and K stay empty in the table's rows.


@dataclass
class Pct:
    value: float


@dataclass
class Formula:
    text: str
    value: object
    fmt: Optional[str] = None  # 'pct' or None


@dataclass
class Rich:
    parts: list  # [(text, bold)]

    @property
    def text(self):
        return ''.join(t for t, _ in self.parts)


@dataclass
class Date:
    value: datetime.datetime
    fmt: str


class Grid:
    def __init__(self):
        self.cells = {}
        self.merges = []
        self.bold = set()
        self.covered = set()
        self.widths = {1: 10, 2: 10, 3: 14, 4: 28, 5: 16, 6: 16, 7: 8, 8: 8, 9: 32}

    def put(self, r, c, v, bold=False):
        if v is None or v == '':
            return
        assert (r, c) not in self.cells and (r, c) not in self.covered, (r, c)
        self.cells[(r, c)] = v
        if bold:
            self.bold.add((r, c))

    def merge(self, r1, c1, r2, c2, v, bold=False):
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    assert (r, c) not in self.cells
                    self.covered.add((r, c))
        self.merges.append((r1, c1, r2, c2))
        self.put(r1, c1, v, bold)

    def merged_at(self):
        return {(r1, c1): (r2, c2) for r1, c1, r2, c2 in self.merges}


PROJECT = '2023年城乡困难群众医疗救助项目'
# (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施)
INDICATORS = [
    ('产出指标', '数量指标', '医疗救助人次', '≥5000人次', '5230人次', 10, 10, ''),
    ('产出指标', '数量指标', '覆盖乡镇数量', '≥12个', '12个', 10, 10, ''),
    ('产出指标', '质量指标', '救助对象识别准确率', '≥95%', '80%', 10, 8.42,
     '部分乡镇低收入人口数据未及时更新，已建立与医保部门的月度比对机制'),
    ('产出指标', '时效指标', '救助资金发放时限', '≤15个工作日', '12个工作日', 10, 10, ''),
    ('产出指标', '成本指标', '人均救助支出', '≤2000元', '1950元', 10, 10, ''),
    ('效益指标', '社会效益指标', '困难群众医疗费用负担减轻率', '≥10%', '25%', 20, 20, ''),
    ('效益指标', '可持续影响指标', '医疗救助长效机制', '健全', '健全', 10, 10, ''),
    ('满意度指标', '服务对象满意度指标', '救助对象满意度', '≥90%', '96%', 10, 10, ''),
]
BUDGET_SCORE = 9.6
TOTAL = 98.02  # 9.6 + 10 + 10 + 8.42 + 10 + 10 + 20 + 10 + 10
FIRST_IND_ROW = 13
TOTAL_ROW = FIRST_IND_ROW + len(INDICATORS)  # 21
RATE_CELLS = ('$E$6', '$D$6')  # 全年执行数 / 全年预算数 of 年度资金总额


def self_eval_grid(rate=None, start=500, rich=False, time_row=None) -> Grid:
    """The table, rows 1..21, columns A..I. `rate` is the 执行率 cell (G6), `start` the 年初预算数 (C6),
    `rich` writes a 三级指标 name and a reason as rich text, `time_row` replaces the 时效指标 row."""
    g = Grid()
    g.merge(1, 1, 1, 9, '项目支出绩效自评表', bold=True)
    g.merge(2, 1, 2, 9, '（2023年度）')
    g.put(3, 1, '项目名称')
    g.merge(3, 2, 3, 9, PROJECT)
    g.put(4, 1, '主管部门')
    g.merge(4, 2, 4, 4, 'XX县民政局')
    g.put(4, 5, '实施单位')
    g.merge(4, 6, 4, 9, 'XX县社会救助服务中心')
    g.merge(5, 1, 9, 1, '项目资金（万元）')
    for i, h in enumerate(['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']):
        g.put(5, 3 + i, h)
    g.put(6, 2, '年度资金总额')
    g.put(6, 3, start)
    g.put(6, 4, 520)
    g.put(6, 5, 499.2)
    g.put(6, 6, 10)
    g.put(6, 7, rate if rate is not None else Formula('=E6/D6', 0.96, 'pct'))
    g.put(6, 8, Formula('=ROUND(F6*G6,2)', BUDGET_SCORE))
    for r, (label, a, b, c) in enumerate([('其中：当年财政拨款', 480, 500, 480), ('上年结转资金', 20, 20, 19.2),
                                          ('其他资金', 0, 0, 0)], start=7):
        g.put(r, 2, label)
        g.put(r, 3, a)
        g.put(r, 4, b)
        g.put(r, 5, c)
        g.put(r, 6, '—')
        g.put(r, 8, '—')
    g.merge(10, 1, 11, 1, '年度总体目标')
    g.merge(10, 2, 10, 5, '预期目标')
    g.merge(10, 6, 10, 9, '实际完成情况')
    g.merge(11, 2, 11, 5, '对全县城乡低保、特困等困难群众实施医疗救助，减轻医疗费用负担')
    g.merge(11, 6, 11, 9, '全年救助5230人次，覆盖12个乡镇，困难群众医疗费用负担明显减轻')
    g.merge(12, 1, TOTAL_ROW - 1, 1, '绩效指标')
    for i, h in enumerate(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分',
                           '偏差原因分析及改进措施']):
        g.put(12, 2 + i, h, bold=True)
    rows = list(INDICATORS)
    if time_row is not None:
        rows[3] = time_row
    for col, key in ((2, lambda x: x[0]), (3, lambda x: (x[0], x[1]))):
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and key(rows[j + 1]) == key(rows[i]):
                j += 1
            label = rows[i][col - 2]
            if j > i:
                g.merge(FIRST_IND_ROW + i, col, FIRST_IND_ROW + j, col, label)
            else:
                g.put(FIRST_IND_ROW + i, col, label)
            i = j + 1
    for i, (l1, l2, name, target, actual, w, s, reason) in enumerate(rows):
        r = FIRST_IND_ROW + i
        if rich and i == 2:
            name = Rich([('救助对象', False), ('识别', True), ('准确率', False)])
            reason = Rich([('部分乡镇低收入人口数据未及时更新，', False), ('已建立与医保部门的月度比对机制', True)])
        g.put(r, 4, name)
        g.put(r, 5, target)
        g.put(r, 6, actual)
        g.put(r, 7, w)
        g.put(r, 8, s)
        g.put(r, 9, reason)
    g.merge(TOTAL_ROW, 1, TOTAL_ROW, 6, '总分')
    g.put(TOTAL_ROW, 7, 100)
    g.put(TOTAL_ROW, 8, Formula(f'=ROUND(H6+SUM(H{FIRST_IND_ROW}:H{TOTAL_ROW - 1}),2)', TOTAL))
    return g


def shown(v):
    """What a cell holds when read back (a formula: its stored result)."""
    if isinstance(v, (Pct, Formula, Date)):
        return v.value
    if isinstance(v, Rich):
        return v.text
    return v


# ---------------------------------------------------------------------------------------------
# Renderers of the grid


def xlsxwriter_formats(wb):
    cache = {}

    def fmt(kind=None, bold=False, date_fmt=None):
        key = (kind, bold, date_fmt)
        if key not in cache:
            props = {'border': 1, 'text_wrap': True, 'valign': 'vcenter', 'align': 'center', 'bold': bold}
            if kind == 'pct':
                props['num_format'] = '0.00%'
            if date_fmt:
                props['num_format'] = date_fmt
            cache[key] = wb.add_format(props)
        return cache[key]
    fmt.bold_run = wb.add_format({'bold': True, 'color': '#C00000'})
    return fmt


def render_xlsxwriter(wb, ws, g: Grid, fmt):
    tops = g.merged_at()
    for (r, c), v in sorted(g.cells.items()):
        f = fmt('pct' if isinstance(v, Pct) or (isinstance(v, Formula) and v.fmt == 'pct') else None,
                (r, c) in g.bold, v.fmt if isinstance(v, Date) else None)
        if (r, c) in tops:
            r2, c2 = tops[(r, c)]
            ws.merge_range(r - 1, c - 1, r2 - 1, c2 - 1, '', f)
        if isinstance(v, Formula):
            ws.write_formula(r - 1, c - 1, v.text, f, v.value)
        elif isinstance(v, Pct):
            ws.write_number(r - 1, c - 1, v.value, f)
        elif isinstance(v, Date):
            ws.write_datetime(r - 1, c - 1, v.value, f)
        elif isinstance(v, Rich):
            args = []
            for text, bold in v.parts:
                if bold:
                    args.append(fmt.bold_run)
                args.append(text)
            ws.write_rich_string(r - 1, c - 1, *args, f)
        elif isinstance(v, str):
            ws.write_string(r - 1, c - 1, v, f)
        else:
            ws.write_number(r - 1, c - 1, v, f)
    for c, w in g.widths.items():
        ws.set_column(c - 1, c - 1, w)


THIN = Side(style='thin')


def render_openpyxl(ws, g: Grid, font='宋体'):
    for (r, c), v in sorted(g.cells.items()):
        cell = ws.cell(row=r, column=c)
        if isinstance(v, Formula):
            cell.value = v.text
            if v.fmt == 'pct':
                cell.number_format = '0.00%'
        elif isinstance(v, Pct):
            cell.value = v.value
            cell.number_format = '0.00%'
        elif isinstance(v, Date):
            cell.number_format = v.fmt  # first: a date value on a General cell would add openpyxl's own format
            cell.value = v.value
        elif isinstance(v, Rich):
            cell.value = v.text
        else:
            cell.value = v
        cell.font = Font(name=font, size=11, bold=(r, c) in g.bold)
        cell.alignment = Alignment(wrap_text=True, vertical='center', horizontal='center')
    for r in range(1, TOTAL_ROW + 1):
        for c in range(1, 10):
            ws.cell(row=r, column=c).border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    for r1, c1, r2, c2 in g.merges:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    for c, w in g.widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w


def of_formula(text: str) -> str:
    """An A1 formula of this corpus in OpenFormula (`=E6/D6` -> `of:=[.E6]/[.D6]`)."""
    ref = r'\$?[A-Z]{1,3}\$?\d+'
    out = re.sub(rf'({ref}):({ref})', r'[.\1:.\2]', text)
    out = re.sub(rf'(?<![.\w])({ref})(?![\w:\]])', r'[.\1]', out)
    return 'of:' + out.replace(',', ';')


# ---------------------------------------------------------------------------------------------
# Zip packages edited by hand


class Package:
    """The parts of an OPC package in their zip order; add or change parts, then save with fixed
    entry dates. Parts not touched keep their bytes."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.order = z.namelist()
            self.parts = {n: z.read(n) for n in self.order}

    def text(self, name):
        return self.parts[name].decode('utf-8')

    def set(self, name, data):
        if isinstance(data, str):
            data = data.encode('utf-8')
        if name not in self.parts:
            self.order.append(name)
        self.parts[name] = data

    def sub(self, name, pattern, repl, count=1):
        text = self.text(name)
        new, n = re.subn(pattern, repl, text, count=count)
        assert n == count, f'{name}: {pattern!r} matched {n} times'
        self.set(name, new)

    def override(self, part, ctype):
        ct = self.text('[Content_Types].xml')
        assert f'PartName="/{part}"' not in ct, part
        self.set('[Content_Types].xml', ct.replace('</Types>', f'<Override PartName="/{part}" ContentType="{ctype}"/></Types>'))

    def default(self, ext, ctype):
        ct = self.text('[Content_Types].xml')
        if f'Extension="{ext}"' not in ct:
            self.set('[Content_Types].xml', ct.replace('<Default ', f'<Default Extension="{ext}" ContentType="{ctype}"/><Default ', 1))

    @staticmethod
    def rels_of(part):
        d, f = os.path.split(part)
        return f'{d}/_rels/{f}.rels' if d else f'_rels/{f}.rels'

    def rel(self, source, rtype, target, external=False, rid=None):
        """Adds a relationship from `source` (a part name, '' for the package) and returns its id."""
        name = self.rels_of(source) if source else '_rels/.rels'
        if name not in self.parts:
            self.set(name, DECL + f'<Relationships xmlns="{NS_PKG_REL}"></Relationships>')
        text = self.text(name)
        if rid is None:
            used = [int(n) for n in re.findall(r'Id="rId(\d+)"', text)]
            rid = f'rId{max(used, default=0) + 1}'
        mode = ' TargetMode="External"' if external else ''
        self.set(name, text.replace('</Relationships>',
                                    f'<Relationship Id="{rid}" Type="{rtype}" Target="{escape(target)}"{mode}/></Relationships>'))
        return rid

    def save(self, path):
        tmp = path + '.tmp'
        with zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as z:
            for name in self.order:
                info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, self.parts[name], compresslevel=6)
        os.replace(tmp, path)


def sheet_part(pkg: Package, sheet_name: str) -> str:
    """The worksheet part of a sheet, found through workbook.xml and its rels."""
    wb = pkg.text('xl/workbook.xml')
    m = re.search(rf'<sheet [^>]*name="{re.escape(escape(sheet_name))}"[^>]*r:id="(rId\d+)"', wb)
    assert m, sheet_name
    rels = pkg.text('xl/_rels/workbook.xml.rels')
    t = re.search(rf'<Relationship [^>]*Id="{m.group(1)}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{m.group(1)}"', rels)
    target = t.group(1)
    return target.lstrip('/') if target.startswith('/') else 'xl/' + target


def sha512_protection(password: str, salt: bytes, spin: int = 100000):
    """ECMA-376 Part 1 §18.2.29 with the agile algorithm: H0 = SHA-512(salt + UTF-16LE password),
    Hn = SHA-512(Hn-1 + n as 4-byte little-endian), spin times; both base64."""
    h = hashlib.sha512(salt + password.encode('utf-16-le')).digest()
    for i in range(spin):
        h = hashlib.sha512(h + struct.pack('<I', i)).digest()
    return base64.b64encode(h).decode(), base64.b64encode(salt).decode()


# ---------------------------------------------------------------------------------------------
# 1. xlsxwriter-features.xlsx


def build_xlsxwriter_features(path, tmp):
    logo = os.path.join(tmp, 'logo.png')
    stamp = os.path.join(tmp, 'stamp.png')
    with open(logo, 'wb') as f:
        f.write(logo_png())
    with open(stamp, 'wb') as f:
        f.write(stamp_png())

    wb = xlsxwriter.Workbook(path, {'strings_to_numbers': False,
                                    'default_format_properties': {'font_name': '宋体', 'font_size': 11}})
    wb.set_properties({'title': '2023年度项目支出绩效自评表', 'subject': PROJECT, 'author': '绩效管理科',
                       'company': 'XX县民政局', 'keywords': '绩效自评', 'created': CREATED})
    wb.set_custom_property('填报单位', 'XX县社会救助服务中心')
    wb.set_custom_property('自评年度', 2023)
    wb.set_custom_property('自评得分', TOTAL)
    wb.set_custom_property('已审核', True)
    wb.set_custom_property('填报日期', datetime.datetime(2024, 1, 15))
    fmt = xlsxwriter_formats(wb)

    ws = wb.add_worksheet(TABLE_SHEET)
    det = wb.add_worksheet('明细')
    other = wb.add_worksheet('其他')
    chart_sheet = wb.add_chartsheet('得分图')

    # 自评表: the table; G6 uses the global name 执行率; rich text in row 15.
    g = self_eval_grid(rate=Formula('=执行率', 0.96, 'pct'), rich=True)
    render_xlsxwriter(wb, ws, g, fmt)
    ws.set_row(0, 28)
    link = wb.add_format({'font_color': 'blue', 'underline': 1})
    ws.write_url(TOTAL_ROW + 1, 0, "internal:'其他'!A1", link, '附：其他情况')
    ws.write_url(TOTAL_ROW + 1, 3, 'https://www.mof.gov.cn/', link, '财政部预算绩效管理')
    ws.write_comment('F15', '数据来源：县民政局救助系统年底抽查（抽查200户，识别准确160户）',
                     {'author': '审核员', 'x_scale': 2, 'y_scale': 1.5})
    ws.write_comment('H18', '实际完成值为目标值的2.5倍，目标设定偏低', {'author': '审核员'})
    ws.data_validation(f'H{FIRST_IND_ROW}:H{TOTAL_ROW - 1}',
                       {'validate': 'decimal', 'criteria': 'between', 'minimum': 0, 'maximum': 20,
                        'input_title': '得分', 'input_message': '不超过该指标分值',
                        'error_title': '得分有误', 'error_message': '得分应在0至分值之间'})
    ws.data_validation(f'B{FIRST_IND_ROW}:B{TOTAL_ROW - 1}',
                       {'validate': 'list', 'source': ['产出指标', '效益指标', '满意度指标']})
    red = wb.add_format({'bg_color': '#FFC7CE', 'font_color': '#9C0006'})
    ws.conditional_format(f'H{FIRST_IND_ROW}:H{TOTAL_ROW - 1}',
                          {'type': 'cell', 'criteria': '<', 'value': f'$G{FIRST_IND_ROW}', 'format': red})
    ws.conditional_format(f'G{FIRST_IND_ROW}:G{TOTAL_ROW - 1}', {'type': 'data_bar', 'bar_color': '#63BE7B'})
    ws.conditional_format(f'D{FIRST_IND_ROW}:D{TOTAL_ROW - 1}',
                          {'type': 'formula', 'criteria': f'=$H{FIRST_IND_ROW}<$G{FIRST_IND_ROW}',
                           'format': wb.add_format({'italic': True})})
    ws.print_area(f'A1:I{TOTAL_ROW}')
    ws.repeat_rows(11)
    ws.set_h_pagebreaks([11])
    ws.set_landscape()
    ws.set_paper(9)
    ws.set_header('&L&G&C&"宋体,加粗"项目支出绩效自评表', {'image_left': logo})
    ws.set_footer('&C第 &P 页，共 &N 页')
    chart = wb.add_chart({'type': 'column'})
    chart.add_series({'name': '分值', 'categories': f'={TABLE_SHEET}!$D${FIRST_IND_ROW}:$D${TOTAL_ROW - 1}',
                      'values': f'={TABLE_SHEET}!$G${FIRST_IND_ROW}:$G${TOTAL_ROW - 1}'})
    chart.add_series({'name': '得分', 'categories': f'={TABLE_SHEET}!$D${FIRST_IND_ROW}:$D${TOTAL_ROW - 1}',
                      'values': f'={TABLE_SHEET}!$H${FIRST_IND_ROW}:$H${TOTAL_ROW - 1}'})
    chart.set_title({'name': '指标分值与得分'})
    ws.insert_chart('M2', chart, {'x_scale': 1.2})
    ws.insert_image('M19', stamp, {'x_scale': 2, 'y_scale': 2, 'description': '单位公章'})
    ws.insert_textbox('M25', '本表数据经单位财务负责人审核。', {'width': 300, 'height': 50,
                                                             'font': {'name': '宋体', 'size': 11}})
    ws.activate()

    # 明细: an Excel table with a calculated column and a totals row, sparklines, frozen header.
    pct = fmt('pct')  # one Format per number format: xlsxwriter 3.0.2 writes a <numFmt> per Format object
    data = [[name, w, s] for _, _, name, _, _, w, s, _ in INDICATORS]
    last = len(data) + 1
    det.add_table(0, 0, last, 3, {
        'name': '指标得分表', 'style': 'Table Style Medium 2', 'total_row': True, 'data': data,
        'columns': [{'header': '三级指标', 'total_string': '合计'},
                    {'header': '分值', 'total_function': 'sum'},
                    {'header': '得分', 'total_function': 'sum'},
                    {'header': '得分率', 'formula': '=[@得分]/[@分值]', 'format': pct}]})
    for i, (_, w, s) in enumerate(data, start=1):  # the column formula again, with its result cached
        det.write_formula(i, 3, '=[[#This Row],得分]/[[#This Row],分值]', pct, round(s / w, 4))
    det.write_formula(last, 1, '=SUBTOTAL(109,[分值])', None, 90)
    det.write_formula(last, 2, '=SUBTOTAL(109,[得分])', None, TOTAL - BUDGET_SCORE)
    det.write_string(0, 5, '分值/得分')
    for i in range(1, len(data) + 1):
        det.add_sparkline(i, 5, {'range': f'明细!B{i + 1}:C{i + 1}', 'type': 'column'})
    det.add_sparkline(last, 5, {'range': f'明细!C2:C{last}', 'markers': True})
    det.set_column(0, 0, 28)
    det.freeze_panes(1, 0)

    # 其他: formulas on the defined names; the sheet is protected with a password.
    other.write_string('A1', '其他说明')
    other.write_string('B1', '本项目无其他需要说明的事项。')
    rows = [('执行率', '=执行率', 0.96), ('达标线', '=达标线', 0.9),
            ('是否达标', '=IF(执行率>=达标线,"达标","未达标")', '达标'),
            ('指标个数', '=ROWS(指标名称区)', len(INDICATORS)),
            ('本表总分', f"='{TABLE_SHEET}'!本地名", TOTAL)]
    for r, (label, formula, value) in enumerate(rows, start=1):
        other.write_string(r, 0, label)
        other.write_formula(r, 1, formula, None, value)
    other.set_column(0, 1, 16)
    other.protect('selfeval2023', {'format_cells': True, 'select_locked_cells': True, 'select_unlocked_cells': True})

    # 得分图: a chart sheet over the 明细 table.
    bar = wb.add_chart({'type': 'bar'})
    bar.add_series({'name': '得分率', 'categories': f'=明细!$A$2:$A${last}', 'values': f'=明细!$D$2:$D${last}'})
    bar.set_title({'name': '各指标得分率'})
    chart_sheet.set_chart(bar)

    a, b = RATE_CELLS
    wb.define_name('执行率', f'={TABLE_SHEET}!{a}/{TABLE_SHEET}!{b}')
    wb.define_name(f"'{TABLE_SHEET}'!本地名", f'={TABLE_SHEET}!$H${TOTAL_ROW}')
    wb.define_name('达标线', '=0.9')
    wb.define_name('指标名称区', f'=OFFSET({TABLE_SHEET}!$D${FIRST_IND_ROW},0,0,'
                                 f'COUNTA({TABLE_SHEET}!$D${FIRST_IND_ROW}:$D${TOTAL_ROW - 1}),1)')
    wb.close()
    return g, {TABLE_SHEET: {(TOTAL_ROW + 2, 1): '附：其他情况', (TOTAL_ROW + 2, 4): '财政部预算绩效管理'},
               '其他': {(2, 2): 0.96, (4, 2): '达标', (6, 2): TOTAL}}


# ---------------------------------------------------------------------------------------------
# 2. libreoffice-table-filter.xlsx (a flat ODS written here, saved as .xlsx by LibreOffice)

FODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
           'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')


def fods_cell(v, style, span=None, annotation=None):
    attrs = [f'table:style-name="{style}"']
    if span:
        rows, cols = span
        if cols > 1:
            attrs.append(f'table:number-columns-spanned="{cols}"')
        if rows > 1:
            attrs.append(f'table:number-rows-spanned="{rows}"')
    note = ''
    if annotation:
        author, date, text = annotation
        note = (f'<office:annotation><dc:creator>{escape(author)}</dc:creator><dc:date>{date}</dc:date>'
                f'<text:p>{escape(text)}</text:p></office:annotation>')
    if isinstance(v, Formula):
        vt = 'percentage' if v.fmt == 'pct' else 'float'
        attrs.append(f'table:formula="{escape(of_formula(v.text))}" office:value-type="{vt}" office:value="{v.value}"')
        shown_text = f'{v.value * 100:.2f}%' if v.fmt == 'pct' else f'{v.value}'
    elif isinstance(v, Pct):
        attrs.append(f'office:value-type="percentage" office:value="{v.value}"')
        shown_text = f'{v.value * 100:.2f}%'
    elif isinstance(v, str):
        attrs.append('office:value-type="string"')
        shown_text = v
    else:
        attrs.append(f'office:value-type="float" office:value="{v}"')
        shown_text = f'{v}'
    return f'<table:table-cell {" ".join(attrs)}>{note}<text:p>{escape(shown_text)}</text:p></table:table-cell>'


def fods_table(name, g: Grid, ncols, widths_style, hidden_rows=(), annotations=None, extra='', attrs=''):
    annotations = annotations or {}
    tops = g.merged_at()
    nrows = max(r for r, _ in list(g.cells) + list(g.covered)) if g.cells else 0
    out = [f'<table:table table:name="{escape(name)}"{attrs}>']
    for c in range(1, ncols + 1):
        out.append(f'<table:table-column table:style-name="{widths_style(c)}" table:default-cell-style-name="Default"/>')
    for r in range(1, nrows + 1):
        vis = ' table:visibility="filter"' if r in hidden_rows else ''
        out.append(f'<table:table-row table:style-name="ro1"{vis}>')
        for c in range(1, ncols + 1):
            if (r, c) in g.covered:
                out.append('<table:covered-table-cell table:style-name="ce1"/>')
            elif (r, c) in g.cells:
                v = g.cells[(r, c)]
                style = 'ce2' if (r, c) in g.bold else ('ce3' if isinstance(v, Pct) or (isinstance(v, Formula) and v.fmt == 'pct') else 'ce1')
                span = None
                if (r, c) in tops:
                    r2, c2 = tops[(r, c)]
                    span = (r2 - r + 1, c2 - c + 1)
                out.append(fods_cell(v, style, span, annotations.get((r, c))))
            else:
                out.append('<table:table-cell/>')
        out.append('</table:table-row>')
    out.append(extra)
    out.append('</table:table>')
    return '\n'.join(out)


def list_grid(rows, bold_first=True) -> Grid:
    g = Grid()
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            g.put(r, c, v, bold=bold_first and r == 1)
    return g


def build_libreoffice(path, tmp):
    g = self_eval_grid()
    # 指标明细: a named database range (an Excel table when saved as .xlsx) filtered to 产出指标.
    detail = [['一级指标', '二级指标', '三级指标', '分值', '得分']] + \
        [[l1, l2, name, w, s] for l1, l2, name, _, _, w, s, _ in INDICATORS]
    hidden_detail = {i + 2 for i, row in enumerate(INDICATORS) if row[0] != '产出指标'}
    # 资金明细: the sheet's own (anonymous) database range: an autofilter hiding 其他资金.
    funds = [['资金来源', '批复数', '到位数', '支出数'],
             ['当年财政拨款', 480, 500, 480], ['上年结转资金', 20, 20, 19.2], ['其他资金', 0, 0, 0]]
    last_d = len(detail)
    styles = f'''<office:automatic-styles>
<number:percentage-style style:name="N10"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="0.8in"/></style:style>
<style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="1.1in"/></style:style>
<style:style style:name="co3" style:family="table-column"><style:table-column-properties style:column-width="2.2in"/></style:style>
<style:style style:name="co4" style:family="table-column"><style:table-column-properties style:column-width="0.7in"/></style:style>
<style:style style:name="co5" style:family="table-column"><style:table-column-properties style:column-width="2.6in"/></style:style>
<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:border="0.74pt solid #000000" fo:wrap-option="wrap" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name-asian="宋体" fo:font-size="11pt"/></style:style>
<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:border="0.74pt solid #000000" fo:wrap-option="wrap" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-name-asian="宋体" fo:font-size="11pt"/></style:style>
<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N10"><style:table-cell-properties fo:border="0.74pt solid #000000" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/></style:style>
</office:automatic-styles>'''
    widths = {1: 'co2', 2: 'co2', 3: 'co2', 4: 'co3', 5: 'co2', 6: 'co2', 7: 'co4', 8: 'co4', 9: 'co5'}
    local_names = (f'<table:named-expressions><table:named-range table:name="本表总分" '
                   f'table:base-cell-address="${TABLE_SHEET}.$H${TOTAL_ROW}" '
                   f'table:cell-range-address="${TABLE_SHEET}.$H${TOTAL_ROW}"/></table:named-expressions>')
    body = '\n'.join([
        fods_table(TABLE_SHEET, g, 9, lambda c: widths[c], extra=local_names,
                   annotations={(15, 6): ('审核员', '2024-01-16T10:12:00', '抽查200户，识别准确160户')},
                   attrs=f' table:print-ranges="${TABLE_SHEET}.$A$1:.$I${TOTAL_ROW}"'),
        fods_table('指标明细', list_grid(detail), 5, lambda c: 'co3' if c == 3 else 'co2', hidden_rows=hidden_detail),
        fods_table('资金明细', list_grid(funds), 4, lambda c: 'co2', hidden_rows={4}),
    ])
    a, b = RATE_CELLS
    fods = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {FODS_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><meta:creation-date>2024-01-15T09:30:00</meta:creation-date><dc:date>2024-01-15T09:30:00</dc:date><dc:title>2023年度项目支出绩效自评表</dc:title><meta:initial-creator>绩效管理科</meta:initial-creator><dc:creator>绩效管理科</dc:creator></office:meta>
<office:styles><style:style style:name="Default" style:family="table-cell"><style:text-properties style:font-name-asian="宋体"/></style:style></office:styles>
{styles}
<office:body><office:spreadsheet>
{body}
<table:named-expressions>
<table:named-range table:name="预算执行数" table:base-cell-address="${TABLE_SHEET}.{a}" table:cell-range-address="${TABLE_SHEET}.{a}"/>
<table:named-expression table:name="执行率" table:base-cell-address="${TABLE_SHEET}.$A$1" table:expression="of:=[${TABLE_SHEET}.{a}]/[${TABLE_SHEET}.{b}]"/>
<table:named-expression table:name="达标线" table:base-cell-address="${TABLE_SHEET}.$A$1" table:expression="of:=0.9"/>
</table:named-expressions>
<table:database-ranges>
<table:database-range table:name="指标明细表" table:target-range-address="指标明细.A1:指标明细.E{last_d}" table:display-filter-buttons="true" table:contains-header="true"><table:filter><table:filter-condition table:field-number="0" table:value="产出指标" table:operator="="/></table:filter></table:database-range>
<table:database-range table:name="__Anonymous_Sheet_DB__2" table:target-range-address="资金明细.A1:资金明细.D{len(funds)}" table:display-filter-buttons="true"><table:filter><table:filter-condition table:field-number="0" table:value="其他资金" table:operator="!="/></table:filter></table:database-range>
</table:database-ranges>
</office:spreadsheet></office:body></office:document>
'''
    src = os.path.join(tmp, 'libreoffice-table-filter.fods')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(fods)
    outdir = os.path.join(tmp, 'lo-out')
    os.makedirs(outdir, exist_ok=True)
    soffice(['--convert-to', 'xlsx', '--outdir', outdir, src])
    Package(os.path.join(outdir, 'libreoffice-table-filter.xlsx')).save(path)  # entry dates only
    return g, {'指标明细': {(r, c): v for (r, c), v in list_grid(detail).cells.items()},
               '资金明细': {(r, c): v for (r, c), v in list_grid(funds).cells.items()}}


LO_PROFILE = 'file://' + os.path.join(tempfile.gettempdir(), 'selfeval-lossless-lo-profile')


def soffice(args, cwd=None):
    subprocess.run(['soffice', f'-env:UserInstallation={LO_PROFILE}', '--headless', *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240, cwd=cwd)


# ---------------------------------------------------------------------------------------------
# 3. hand-edited-parts.xlsx (xlsxwriter, then parts added with zipfile)

PERSON_1 = '{3F2A1B4C-5D6E-4F70-8192-A3B4C5D6E7F8}'
PERSON_2 = '{9E8D7C6B-5A49-4382-9170-6F5E4D3C2B1A}'
THREAD_1 = '{0B6D3E2F-1A4C-4D5E-8F90-A1B2C3D4E5F6}'
THREAD_2 = '{7C8D9E0F-2B3A-4C5D-9E6F-B1C2D3E4F5A6}'
LEGACY_THREAD_TEXT = ('[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, '
                      'any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: '
                      'https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    识别准确率未达标，请补充整改台账。\n'
                      'Reply:\n    已补充，见附件二。')
WPS_ID_HAND = 'ID_ABC'
PIVOT_ORDER = ['产出指标', '满意度指标', '效益指标']  # the row items sorted as Excel sorts them (by pinyin)


def pivot_sums():
    sums = {}
    for l1, _, _, _, _, w, s, _ in INDICATORS:
        a, b = sums.get(l1, (0, 0))
        sums[l1] = (a + w, round(b + s, 2))
    return sums


def build_hand_edited(path, tmp):
    base = os.path.join(tmp, 'hand-base.xlsx')
    wb = xlsxwriter.Workbook(base, {'strings_to_numbers': False})
    wb.set_properties({'title': '2023年度项目支出绩效自评表', 'author': '绩效管理科', 'created': CREATED})
    fmt = xlsxwriter_formats(wb)
    ws = wb.add_worksheet(TABLE_SHEET)
    src = wb.add_worksheet('指标数据')
    piv = wb.add_worksheet('透视表')

    # C6 (年初预算数) comes from another workbook through an external link, its value cached.
    g = self_eval_grid(start=Formula('=[1]Sheet1!$A$1', 500))
    render_xlsxwriter(wb, ws, g, fmt)
    r = TOTAL_ROW + 2  # row 23: the seal (WPS DISPIMG) and the signature (Excel picture in cell)
    ws.write_string(r - 1, 0, '填报单位（盖章）：')
    ws.write_formula(r - 1, 2, f'=_xlfn.DISPIMG("{WPS_ID_HAND}",1)', None, f'=DISPIMG("{WPS_ID_HAND}",1)')
    ws.write_string(r - 1, 4, '单位负责人：')
    ws.write_blank(r - 1, 5, None, fmt())
    ws.set_row(r - 1, 40)
    ws.write_comment('F15', LEGACY_THREAD_TEXT, {'author': f'tc={THREAD_1}'})

    src.write_row(0, 0, ['一级指标', '三级指标', '分值', '得分'])
    for i, (l1, _, name, _, _, w, s, _) in enumerate(INDICATORS, start=1):
        src.write_row(i, 0, [l1, name, w, s])
    src.set_column(0, 1, 24)

    sums = pivot_sums()
    piv.write_string('A1', '数据透视表：各一级指标分值与得分')
    piv.write_row('A3', ['一级指标', '求和项:分值', '求和项:得分'])
    for i, l1 in enumerate(PIVOT_ORDER, start=4):
        piv.write_string(i - 1, 0, l1)
        piv.write_number(i - 1, 1, sums[l1][0])
        piv.write_number(i - 1, 2, sums[l1][1])
    piv.write_row(len(PIVOT_ORDER) + 3, 0, ['总计', 90, round(TOTAL - BUDGET_SCORE, 2)])
    piv.set_column(0, 2, 14)
    wb.define_name('外部预算', '=[1]Sheet1!$A$1')
    wb.define_name('执行率', f'={TABLE_SHEET}!{RATE_CELLS[0]}/{TABLE_SHEET}!{RATE_CELLS[1]}')
    wb.close()

    pkg = Package(base)
    table_part = sheet_part(pkg, TABLE_SHEET)
    pivot_part = sheet_part(pkg, '透视表')

    # Workbook structure protection, SHA-512, between workbookPr and bookViews (CT_Workbook order).
    hash_b64, salt_b64 = sha512_protection('selfeval', hashlib.sha256(b'selfeval-lossless').digest()[:16])
    pkg.sub('xl/workbook.xml', r'(<workbookPr[^>]*/>)',
            r'\1' + f'<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="{hash_b64}" '
                    f'workbookSaltValue="{salt_b64}" workbookSpinCount="100000" lockStructure="1"/>')

    # External link: xl/externalLinks/externalLink1.xml, its rels (TargetMode="External"),
    # <externalReferences> after <sheets> and before <definedNames>.
    ext_xml = (DECL + f'<externalLink xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><externalBook r:id="rId1">'
               '<sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0">'
               '<row r="1"><cell r="A1"><v>500</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>')
    pkg.set('xl/externalLinks/externalLink1.xml', ext_xml)
    pkg.rel('xl/externalLinks/externalLink1.xml', REL + 'externalLinkPath', '预算批复/2023年部门预算批复.xlsx',
            external=True)
    pkg.override('xl/externalLinks/externalLink1.xml', CT + 'externalLink+xml')
    ext_rid = pkg.rel('xl/workbook.xml', REL + 'externalLink', 'externalLinks/externalLink1.xml')
    pkg.sub('xl/workbook.xml', r'(</sheets>)', r'\1' + f'<externalReferences><externalReference r:id="{ext_rid}"/></externalReferences>')

    # Pivot table over 指标数据!A1:D9 rendered at 透视表!A3:C7.
    n = len(INDICATORS)
    l1s = []
    for row in INDICATORS:
        if row[0] not in l1s:
            l1s.append(row[0])
    scores = [row[6] for row in INDICATORS]
    cache_def = (DECL + f'<pivotCacheDefinition xmlns="{NS_MAIN}" xmlns:r="{NS_R}" r:id="rId1" refreshedBy="绩效管理科" '
                 f'refreshedDate="45306.395833333336" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" '
                 f'recordCount="{n}"><cacheSource type="worksheet"><worksheetSource ref="A1:D{n + 1}" sheet="指标数据"/>'
                 f'</cacheSource><cacheFields count="4">'
                 f'<cacheField name="一级指标" numFmtId="0"><sharedItems count="{len(l1s)}">'
                 + ''.join(f'<s v="{x}"/>' for x in l1s) + '</sharedItems></cacheField>'
                 '<cacheField name="三级指标" numFmtId="0"><sharedItems/></cacheField>'
                 '<cacheField name="分值" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" '
                 f'containsNumber="1" containsInteger="1" minValue="10" maxValue="20"/></cacheField>'
                 '<cacheField name="得分" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" '
                 f'containsNumber="1" minValue="{min(scores)}" maxValue="{max(scores)}"/></cacheField>'
                 '</cacheFields></pivotCacheDefinition>')
    records = (DECL + f'<pivotCacheRecords xmlns="{NS_MAIN}" xmlns:r="{NS_R}" count="{n}">'
               + ''.join(f'<r><x v="{l1s.index(l1)}"/><s v="{escape(name)}"/><n v="{w}"/><n v="{s}"/></r>'
                         for l1, _, name, _, _, w, s, _ in INDICATORS) + '</pivotCacheRecords>')
    items = ''.join(f'<item x="{l1s.index(x)}"/>' for x in PIVOT_ORDER)
    nrows = len(PIVOT_ORDER) + 1
    pivot = (DECL + f'<pivotTableDefinition xmlns="{NS_MAIN}" name="数据透视表1" cacheId="5" applyNumberFormats="0" '
             'applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" '
             'applyWidthHeightFormats="1" dataCaption="值" updatedVersion="8" minRefreshableVersion="3" '
             'useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" '
             'multipleFieldFilters="0" rowHeaderCaption="一级指标">'
             f'<location ref="A3:C{3 + nrows}" firstHeaderRow="0" firstDataRow="1" firstDataCol="1"/>'
             f'<pivotFields count="4"><pivotField axis="axisRow" showAll="0"><items count="{len(l1s) + 1}">{items}'
             '<item t="default"/></items></pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/>'
             '<pivotField dataField="1" showAll="0"/></pivotFields>'
             '<rowFields count="1"><field x="0"/></rowFields>'
             f'<rowItems count="{nrows}"><i><x/></i>' + ''.join(f'<i><x v="{i}"/></i>' for i in range(1, len(l1s)))
             + '<i t="grand"><x/></i></rowItems>'
             '<colFields count="1"><field x="-2"/></colFields><colItems count="2"><i><x/></i><i i="1"><x v="1"/></i></colItems>'
             '<dataFields count="2"><dataField name="求和项:分值" fld="2" baseField="0" baseItem="0"/>'
             '<dataField name="求和项:得分" fld="3" baseField="0" baseItem="0"/></dataFields>'
             '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" '
             'showColStripes="0" showLastColumn="1"/></pivotTableDefinition>')
    pkg.set('xl/pivotCache/pivotCacheDefinition1.xml', cache_def)
    pkg.set('xl/pivotCache/pivotCacheRecords1.xml', records)
    pkg.set('xl/pivotTables/pivotTable1.xml', pivot)
    pkg.rel('xl/pivotCache/pivotCacheDefinition1.xml', REL + 'pivotCacheRecords', 'pivotCacheRecords1.xml')
    pkg.rel('xl/pivotTables/pivotTable1.xml', REL + 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml')
    pkg.rel(pivot_part, REL + 'pivotTable', '../pivotTables/pivotTable1.xml')
    pkg.override('xl/pivotCache/pivotCacheDefinition1.xml', CT + 'pivotCacheDefinition+xml')
    pkg.override('xl/pivotCache/pivotCacheRecords1.xml', CT + 'pivotCacheRecords+xml')
    pkg.override('xl/pivotTables/pivotTable1.xml', CT + 'pivotTable+xml')
    cache_rid = pkg.rel('xl/workbook.xml', REL + 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml')
    pkg.sub('xl/workbook.xml', r'(<calcPr[^>]*/>)', r'\1' + f'<pivotCaches><pivotCache cacheId="5" r:id="{cache_rid}"/></pivotCaches>')

    # Threaded comment on F15 (a thread of two), the persons, and xr:uid on the legacy comment Excel keeps.
    tc_ns = 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments'
    threads = (DECL + f'<ThreadedComments xmlns="{tc_ns}" xmlns:x="{NS_MAIN}">'
               f'<threadedComment ref="F15" dT="2024-01-16T10:12:00.00" personId="{PERSON_1}" id="{THREAD_1}">'
               '<text>识别准确率未达标，请补充整改台账。</text></threadedComment>'
               f'<threadedComment ref="F15" dT="2024-01-16T11:02:00.00" personId="{PERSON_2}" id="{THREAD_2}" '
               f'parentId="{THREAD_1}"><text>已补充，见附件二。</text></threadedComment></ThreadedComments>')
    persons = (DECL + f'<personList xmlns="{tc_ns}" xmlns:x="{NS_MAIN}">'
               f'<person displayName="县财政局绩效科" id="{PERSON_1}" userId="县财政局绩效科" providerId="None"/>'
               f'<person displayName="社会救助服务中心" id="{PERSON_2}" userId="社会救助服务中心" providerId="None"/>'
               '</personList>')
    pkg.set('xl/threadedComments/threadedComment1.xml', threads)
    pkg.set('xl/persons/person.xml', persons)
    pkg.override('xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml')
    pkg.override('xl/persons/person.xml', 'application/vnd.ms-excel.person+xml')
    pkg.rel(table_part, 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
            '../threadedComments/threadedComment1.xml')
    pkg.rel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml')
    comments = [p for p in pkg.order if re.match(r'xl/comments\d+\.xml$', p)]
    assert len(comments) == 1, comments
    pkg.sub(comments[0], r'<comments xmlns="([^"]+)">',
            r'<comments xmlns="\1" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            r'mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">')
    pkg.sub(comments[0], r'<comment ref="F15" authorId="(\d+)"', r'<comment ref="F15" authorId="\1" shapeId="0" xr:uid="' + THREAD_1 + '"')

    # Excel picture in cell F23: rich value -> richValueRel -> image; the cell is an error with vm="1".
    rd = 'http://schemas.microsoft.com/office/spreadsheetml/2017/richdata'
    pkg.set('xl/metadata.xml', DECL + f'<metadata xmlns="{NS_MAIN}" xmlns:xlrd="{rd}"><metadataTypes count="1">'
            '<metadataType name="XLRICHVALUE" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" '
            'merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1"/>'
            '</metadataTypes><futureMetadata name="XLRICHVALUE" count="1"><bk><extLst>'
            '<ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata>'
            '<valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>')
    pkg.set('xl/richData/rdrichvalue.xml', DECL + f'<rvData xmlns="{rd}" count="1"><rv s="0"><v>0</v><v>5</v>'
            '<v>单位负责人签名</v></rv></rvData>')
    pkg.set('xl/richData/rdrichvaluestructure.xml', DECL + f'<rvStructures xmlns="{rd}" count="1"><s t="_localImage">'
            '<k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/><k n="Text" t="s"/></s></rvStructures>')
    flags = [('_Self', ['ExcludeFromFile', 'ExcludeFromCalcComparison'])] + \
        [(k, ['ExcludeFromCalcComparison']) for k in ('_DisplayString', '_Flags', '_Format', '_SubLabel',
                                                      '_Attribution', '_Icon', '_Display', '_CanonicalPropertyNames',
                                                      '_ClassificationId')]
    pkg.set('xl/richData/rdRichValueTypes.xml', DECL + '<rvTypesInfo xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata2" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" '
            f'xmlns:x="{NS_MAIN}"><global><keyFlags>'
            + ''.join(f'<key name="{k}">' + ''.join(f'<flag name="{f}" value="1"/>' for f in fl) + '</key>' for k, fl in flags)
            + '</keyFlags></global></rvTypesInfo>')
    pkg.set('xl/richData/richValueRel.xml', DECL + '<richValueRels xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel" '
            f'xmlns:r="{NS_R}"><rel r:id="rId1"/></richValueRels>')
    pkg.set('xl/media/image1.png', signature_png())
    pkg.rel('xl/richData/richValueRel.xml', REL + 'image', '../media/image1.png')
    pkg.default('png', 'image/png')
    pkg.override('xl/metadata.xml', CT + 'sheetMetadata+xml')
    pkg.override('xl/richData/rdrichvalue.xml', 'application/vnd.ms-excel.rdrichvalue+xml')
    pkg.override('xl/richData/rdrichvaluestructure.xml', 'application/vnd.ms-excel.rdrichvaluestructure+xml')
    pkg.override('xl/richData/rdRichValueTypes.xml', 'application/vnd.ms-excel.rdrichvaluetypes+xml')
    pkg.override('xl/richData/richValueRel.xml', 'application/vnd.ms-excel.richvaluerel+xml')
    pkg.rel('xl/workbook.xml', REL + 'sheetMetadata', 'metadata.xml')
    pkg.rel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue', 'richData/rdrichvalue.xml')
    pkg.rel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure',
            'richData/rdrichvaluestructure.xml')
    pkg.rel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueTypes',
            'richData/rdRichValueTypes.xml')
    pkg.rel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2022/10/relationships/richValueRel',
            'richData/richValueRel.xml')
    pkg.sub(table_part, rf'<c r="F{r}" s="(\d+)"/>', rf'<c r="F{r}" s="\1" t="e" vm="1"><v>#VALUE!</v></c>')

    # WPS picture in cell C23: xl/cellimages.xml names the picture, =DISPIMG(name,1) shows it.
    pkg.set('xl/media/image2.png', stamp_png())
    pkg.set('xl/cellimages.xml', wps_cellimages(WPS_ID_HAND, '单位公章', 609600, 609600))
    pkg.rel('xl/cellimages.xml', REL + 'image', 'media/image2.png')
    pkg.override('xl/cellimages.xml', 'application/vnd.wps-officedocument.cellimage+xml')
    pkg.rel('xl/workbook.xml', 'http://www.wps.cn/officeDocument/2020/cellImage', 'cellimages.xml')
    pkg.save(path)
    extra = {TABLE_SHEET: {(r, 1): '填报单位（盖章）：', (r, 3): f'=DISPIMG("{WPS_ID_HAND}",1)', (r, 5): '单位负责人：',
                           (r, 6): '#VALUE!'},
             '透视表': {(4, 1): '产出指标', (7, 1): '总计', (7, 3): round(TOTAL - BUDGET_SCORE, 2)}}
    return g, extra


def wps_cellimages(name, descr, cx, cy):
    return (DECL + '<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
            f'xmlns:r="{NS_R}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage><xdr:pic><xdr:nvPicPr>'
            f'<xdr:cNvPr id="2" name="{name}" descr="{escape(descr)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/>'
            '</xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch>'
            f'</xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>')


# ---------------------------------------------------------------------------------------------
# 4. wps-like.xlsx (openpyxl, then rewritten by hand the way WPS 表格 writes a workbook)

WPS_ID = 'ID_5B2E9C7A41D34F0B8E6A1C2D3F4E5A6B'
WPS_DATE = 'yyyy"年"m"月"d"日"'
WPS_DATE2 = 'yyyy"年"m"月"d"日";@'


def build_wps_like(path, tmp):
    base = os.path.join(tmp, 'wps-base.xlsx')
    time_row = ('产出指标', '时效指标', '救助资金拨付完成时间', '2023年12月31日前',
                Date(datetime.datetime(2023, 11, 20), WPS_DATE), 10, 10, '')
    g = self_eval_grid(time_row=time_row)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = TABLE_SHEET
    render_openpyxl(ws, g)
    r = TOTAL_ROW + 2
    ws.cell(row=r, column=1, value='填报单位（盖章）：').font = Font(name='宋体', size=11)
    ws.cell(row=r, column=3, value=f'=_xlfn.DISPIMG("{WPS_ID}",1)')
    ws.cell(row=r, column=5, value='填报日期：').font = Font(name='宋体', size=11)
    d = ws.cell(row=r, column=6)
    d.number_format = WPS_DATE2
    d.value = datetime.datetime(2024, 1, 15)
    d.font = Font(name='宋体', size=11)
    ws.row_dimensions[r].height = 48
    ws.print_area = f'A1:I{TOTAL_ROW}'
    wb.properties.created = CREATED
    wb.properties.modified = CREATED
    wb.properties.creator = 'Administrator'
    wb.properties.lastModifiedBy = 'WPS_1705282200'
    wb.save(base)

    pkg = Package(base)
    part = sheet_part(pkg, TABLE_SHEET)
    sheet = pkg.text(part)

    # Shared strings, as WPS writes them (openpyxl 3.0 writes inline strings).
    strings = []

    def to_shared(m):
        attrs, text = m.group(1), m.group(2)
        if text not in strings:
            strings.append(text)
        return f'<c {attrs.strip()} t="s"><v>{strings.index(text)}</v></c>'
    sheet = re.sub(r'<c ([^>]*?)t="inlineStr"[^>]*><is><t[^>]*>(.*?)</t></is></c>', to_shared, sheet)
    # Formula results, as WPS stores them: numbers, and the DISPIMG text as a string result.
    cached = {addr: v.value for addr, v in ((f'{get_column_letter(c)}{rr}', v) for (rr, c), v in g.cells.items())
              if isinstance(v, Formula)}
    cached[f'C{r}'] = f'=DISPIMG("{WPS_ID}",1)'
    for addr, value in cached.items():
        if isinstance(value, str):
            sheet, k = re.subn(rf'<c r="{addr}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                               lambda m: f'<c r="{addr}"{m.group(1)} t="str"><f>{m.group(2)}</f><v>{escape(value)}</v></c>', sheet)
        else:
            sheet, k = re.subn(rf'<c r="{addr}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                               lambda m: f'<c r="{addr}"{m.group(1)}><f>{m.group(2)}</f><v>{value}</v></c>', sheet)
        assert k == 1, (addr, k)
    # The root WPS writes, with x14ac row attributes made ignorable.
    sheet = re.sub(r'<worksheet xmlns="[^"]+"[^>]*>',
                   f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}" '
                   'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
                   'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
                   'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                   'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" '
                   'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">', sheet, count=1)
    sheet = re.sub(r'<sheetPr>.*?</sheetPr>', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', sheet, count=1)
    sheet = re.sub(r'<sheetView [^>]*>', '<sheetView tabSelected="1" workbookViewId="0">', sheet, count=1)
    sheet = re.sub(r'<sheetFormatPr [^>]*/>', '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" '
                                               'x14ac:dyDescent="0.15"/>', sheet, count=1)

    def row_attrs(m):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        out = f'<row r="{attrs["r"]}" spans="1:9"'
        if 'ht' in attrs:
            out += f' ht="{attrs["ht"]}" customHeight="1"'
        return out + ' x14ac:dyDescent="0.15">'
    sheet = re.sub(r'<row ([^>]*)>', row_attrs, sheet)
    # A styled empty cell is <c r=".." s=".."/>, a number has no t="n" (openpyxl writes both).
    sheet = re.sub(r'<c ([^>]*?) t="n"></c>', r'<c \1/>', sheet)
    sheet = sheet.replace(' t="n">', '>')
    sheet = sheet.replace('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>',
                          '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
                          '<pageSetup paperSize="9" orientation="landscape"/><headerFooter/>')
    pkg.set(part, DECL + sheet if not sheet.startswith('<?xml') else sheet)
    pkg.set('xl/sharedStrings.xml', DECL + f'<sst xmlns="{NS_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + ''.join(f'<si><t>{t}</t></si>' for t in strings) + '</sst>')
    pkg.override('xl/sharedStrings.xml', CT + 'sharedStrings+xml')
    pkg.rel('xl/workbook.xml', REL + 'sharedStrings', 'sharedStrings.xml')

    # Styles: 宋体 (charset 134) as the default font, custom formats renumbered from 176 as WPS does,
    # WPS's built-in number formats 41-44 (￥) and Chinese cell style names.
    styles = pkg.text('xl/styles.xml')
    ids = sorted({int(x) for x in re.findall(r'numFmtId="(\d+)"', styles) if int(x) >= 164})
    for old in reversed(ids):
        styles = styles.replace(f'numFmtId="{old}"', f'numFmtId="{old + 12}"')
    styles = styles.replace('<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font>',
                            '<font><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><scheme val="minor"/></font>', 1)
    styles = re.sub(r'<name val="宋体"/>(?!<charset)', '<name val="宋体"/><charset val="134"/>', styles)
    wps_fmts = ('<numFmt numFmtId="41" formatCode="_ * #,##0_ ;_ * \\-#,##0_ ;_ * &quot;-&quot;_ ;_ @_ "/>'
                '<numFmt numFmtId="42" formatCode="_ &quot;￥&quot;* #,##0_ ;_ &quot;￥&quot;* \\-#,##0_ ;_ &quot;￥&quot;* &quot;-&quot;_ ;_ @_ "/>'
                '<numFmt numFmtId="43" formatCode="_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * &quot;-&quot;??_ ;_ @_ "/>'
                '<numFmt numFmtId="44" formatCode="_ &quot;￥&quot;* #,##0.00_ ;_ &quot;￥&quot;* \\-#,##0.00_ ;_ &quot;￥&quot;* &quot;-&quot;??_ ;_ @_ "/>')
    m = re.search(r'<numFmts count="(\d+)">', styles)
    styles = styles.replace(m.group(0), f'<numFmts count="{int(m.group(1)) + 4}">{wps_fmts}', 1)
    styles = styles.replace('<cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/>',
                            '<cellStyle name="常规" xfId="0" builtinId="0"/>')
    styles = re.sub(r'<styleSheet xmlns="[^"]+">',
                    f'<styleSheet xmlns="{NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">', styles, count=1)
    pkg.set('xl/styles.xml', DECL + styles if not styles.startswith('<?xml') else styles)

    # workbook.xml as WPS writes it.
    wbx = pkg.text('xl/workbook.xml')
    sheet_rid = re.search(r'r:id="(rId\d+)"', wbx).group(1)
    pkg.set('xl/workbook.xml', DECL + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><workbookPr/>'
            '<bookViews><workbookView windowWidth="28125" windowHeight="12540"/></bookViews>'
            f'<sheets><sheet name="{TABLE_SHEET}" sheetId="1" r:id="{sheet_rid}"/></sheets>'
            f'<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">{TABLE_SHEET}!$A$1:$I${TOTAL_ROW}'
            '</definedName></definedNames><calcPr calcId="144525"/></workbook>')

    # The seal picture of C23.
    pkg.set('xl/media/image1.png', stamp_png())
    pkg.set('xl/cellimages.xml', wps_cellimages(WPS_ID, '公章', 914400, 914400))
    pkg.rel('xl/cellimages.xml', REL + 'image', 'media/image1.png')
    pkg.default('png', 'image/png')
    pkg.override('xl/cellimages.xml', 'application/vnd.wps-officedocument.cellimage+xml')
    pkg.rel('xl/workbook.xml', 'http://www.wps.cn/officeDocument/2020/cellImage', 'cellimages.xml')

    # Document properties: WPS's app.xml, and custom.xml with KSOProductBuildVer and ICV.
    pkg.set('docProps/app.xml', DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>WPS 表格</Application>'
            '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant>'
            '<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts>'
            f'<vt:vector size="1" baseType="lpstr"><vt:lpstr>{TABLE_SHEET}</vt:lpstr></vt:vector></TitlesOfParts></Properties>')
    pkg.set('docProps/custom.xml', DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV"><vt:lpwstr>'
            '8A3C5E7F9B1D4C2E6A0F3B5D7E9C1A2B_12</vt:lpwstr></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>'
            '2052-12.1.0.16120</vt:lpwstr></property></Properties>')
    pkg.override('docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml')
    pkg.rel('', REL + 'custom-properties', 'docProps/custom.xml')
    pkg.save(path)
    extra = {TABLE_SHEET: {(r, 1): '填报单位（盖章）：', (r, 3): f'=DISPIMG("{WPS_ID}",1)', (r, 5): '填报日期：',
                           (r, 6): datetime.datetime(2024, 1, 15)}}
    return g, extra


# ---------------------------------------------------------------------------------------------
# Checks


def check(path, g: Grid, extra, tmp):
    """openpyxl reads every cell of the table (and the extra cells) back as written, in both modes;
    LibreOffice converts the file to CSV with the table in it."""
    name = os.path.basename(path)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        values = openpyxl.load_workbook(path, data_only=True)
        texts = openpyxl.load_workbook(path, data_only=False)
    assert values.sheetnames[0] == TABLE_SHEET, (name, values.sheetnames)
    ws, wt = values[TABLE_SHEET], texts[TABLE_SHEET]
    for (r, c), v in g.cells.items():
        got = ws.cell(row=r, column=c).value
        want = shown(v)
        where = f'{name}!{get_column_letter(c)}{r}'
        if isinstance(want, (int, float)) and not isinstance(want, bool):
            assert isinstance(got, (int, float)) and abs(got - want) < 1e-9, f'{where}: {want!r} read {got!r}'
        else:
            assert got == want, f'{where}: {want!r} read {got!r}'
        if isinstance(v, Formula):
            assert wt.cell(row=r, column=c).value == v.text, f'{where}: formula {wt.cell(row=r, column=c).value!r}'
    for sheet, cells in extra.items():
        for (r, c), want in cells.items():
            got = values[sheet].cell(row=r, column=c).value
            assert got == want, f'{name}!{sheet}!{get_column_letter(c)}{r}: {want!r} read {got!r}'
    merges = {str(m) for m in ws.merged_cells.ranges}
    for r1, c1, r2, c2 in g.merges:
        assert f'{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}' in merges, (name, r1, c1)
    for r in range(1, TOTAL_ROW + 1):  # the two columns right of the table stay empty
        for c in (10, 11):
            assert wt.cell(row=r, column=c).value is None, f'{name}: {get_column_letter(c)}{r} not empty'
    outdir = os.path.join(tmp, 'csv-' + name)
    os.makedirs(outdir, exist_ok=True)
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outdir, path])
    csv_path = os.path.join(outdir, name[:-5] + '.csv')
    with open(csv_path, encoding='utf-8') as f:
        csv = f.read()
    for text in ('项目名称', PROJECT, '年度资金总额', '偏差原因分析及改进措施', '救助对象满意度', '总分'):
        assert text in csv, f'{name}: LibreOffice CSV lacks {text!r}'
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, name
        for part in z.namelist():  # every XML part is well-formed
            if part.endswith(('.xml', '.rels')):
                ET.fromstring(z.read(part))


# ---------------------------------------------------------------------------------------------
# Manifest and README

CORPUS = [
    {'file': 'xlsxwriter-features.xlsx', 'build': build_xlsxwriter_features,
     'producer': f'xlsxwriter {xlsxwriter.__version__} (Debian python3-xlsxwriter)',
     'features': ['chart', 'chartsheet', 'image', 'header-image', 'comments', 'data-validation',
                  'conditional-formatting', 'data-bar-x14', 'excel-table', 'table-calculated-column', 'table-totals-row',
                  'defined-name-global', 'defined-name-local', 'defined-name-constant', 'defined-name-offset',
                  'print-area', 'print-titles', 'page-breaks', 'rich-text', 'hyperlink-internal', 'hyperlink-external',
                  'sparklines', 'textbox', 'sheet-protection', 'custom-properties', 'default-font-songti',
                  'formula-on-defined-name', 'formula-cached-values', 'merged-cells', 'freeze-panes', 'header-footer'],
     'notes': [
         'G6 (执行率 of the table) is `=执行率`, the global name `执行率` = `自评表!$E$6/自评表!$D$6`;',
         '其他!B2:B6 use the names (`=执行率`, `=达标线`, `=IF(执行率>=达标线,…)`, `=ROWS(指标名称区)`, `=\'自评表\'!本地名`).',
         'D15 (三级指标) and I15 (reason) are rich text with a bold red run; F15 and H18 carry notes by 审核员.',
         'Row 23 below the table (labels chosen so the engine does not read it as a narrative row): an internal hyperlink to `\'其他\'!A1` and an external URL.',
         'Chart, picture (a seal) and text box are anchored from column M; J and K stay empty.',
         '明细 holds the Excel table `指标得分表` (A1:D10, totals row, calculated column `得分率`), sparklines in F2:F10.',
         '其他 is protected with a password (legacy 16-bit hash); 得分图 is a chart sheet over 明细.',
         'Default font 宋体 11 through xlsxwriter\'s `default_format_properties` (present in 3.0.2).']},
    {'file': 'libreoffice-table-filter.xlsx', 'build': build_libreoffice,
     'producer': 'LibreOffice (soffice --headless --convert-to xlsx) from a hand-written flat ODS (.fods)',
     'features': ['excel-table', 'table-autofilter-with-criteria', 'sheet-autofilter', 'filtered-hidden-rows',
                  'filter-database-name', 'defined-name-global', 'defined-name-local', 'defined-name-constant',
                  'defined-name-expression', 'print-area', 'comments', 'merged-cells', 'formula-cached-values',
                  'empty-drawing-part', 'libreoffice-extlst'],
     'notes': [
         'The named database range `指标明细表` (指标明细!A1:E9) is written by LibreOffice as xl/tables/table1.xml with an '
         '`<autoFilter>` holding `<filterColumn colId="0"><filters><filter val="产出指标"/></filters>`; rows 7-9 '
         '(效益/满意度) are hidden rows, but the sheet gets no `filterMode` and no `_xlnm._FilterDatabase`.',
         'The anonymous sheet range on 资金明细 becomes the sheet\'s own `<autoFilter>` with '
         '`<customFilters and="true"><customFilter operator="notEqual" val="其他资金"/>`, `<sheetPr filterMode="true">`, '
         'row 4 hidden, the hidden local name `_xlnm._FilterDatabase`, and an empty drawing part (xl/drawings/drawing1.xml).',
         'Names: `执行率` (an expression), `达标线` (=0.9), `预算执行数` (a cell), local `本表总分` on 自评表, '
         '`_xlnm.Print_Area` on 自评表.',
         'F15 has a LibreOffice annotation (comments1.xml + vmlDrawing1.vml).',
         'Only the zip entry dates are normalised after LibreOffice; every part is byte for byte LibreOffice\'s.']},
    {'file': 'hand-edited-parts.xlsx', 'build': build_hand_edited,
     'producer': f'xlsxwriter {xlsxwriter.__version__}, then parts added by hand with Python zipfile (ECMA-376, MS-XLSX)',
     'features': ['pivot-table', 'pivot-cache', 'external-link', 'external-link-formula', 'defined-name-external',
                  'threaded-comments', 'persons', 'legacy-comment', 'excel-picture-in-cell', 'rich-data', 'cell-metadata',
                  'wps-cellimages', 'wps-dispimg', 'workbook-structure-protection', 'merged-cells', 'formula-cached-values'],
     'notes': [
         'C6 (年初预算数) is `=[1]Sheet1!$A$1` with cached 500 through xl/externalLinks/externalLink1.xml '
         '(target `预算批复/2023年部门预算批复.xlsx`, TargetMode="External"); the name `外部预算` points there too.',
         '透视表!A3:C7 is the rendered pivot table `数据透视表1` (cacheId 5) over 指标数据!A1:D9.',
         'F15 carries a threaded comment with a reply (persons in xl/persons/person.xml) and the legacy note '
         'Excel keeps beside it (author `tc={id}`, `xr:uid`).',
         'F23 is an Excel picture in cell: `<c r="F23" t="e" vm="1"><v>#VALUE!</v></c>` -> xl/metadata.xml -> '
         'xl/richData/* -> xl/media/image1.png.',
         f'C23 is a WPS picture in cell: `_xlfn.DISPIMG("{WPS_ID_HAND}",1)` cached as the string '
         f'`=DISPIMG("{WPS_ID_HAND}",1)`, the picture in xl/cellimages.xml -> xl/media/image2.png.',
         'workbook.xml: `<workbookProtection workbookAlgorithmName="SHA-512" … lockStructure="1"/>` after workbookPr, '
         '`<externalReferences>` after sheets, `<pivotCaches>` after calcPr (CT_Workbook order); password `selfeval`.']},
    {'file': 'wps-like.xlsx', 'build': build_wps_like,
     'producer': f'openpyxl {openpyxl.__version__}, then rewritten by hand to mimic WPS 表格 (not WPS\'s own output)',
     'features': ['wps-cellimages', 'wps-dispimg', 'custom-properties', 'kso-product-build-ver', 'default-font-songti',
                  'numfmt-176-chinese-dates', 'date-cells', 'x14ac-row-attributes', 'mc-ignorable', 'shared-strings',
                  'print-area', 'merged-cells', 'formula-cached-values'],
     'notes': [
         'The 时效指标 row is `救助资金拨付完成时间` with target `2023年12月31日前` and actual a date cell 2023-11-20 '
         f'shown with numFmt 176 `{WPS_DATE}`; F23 (填报日期) uses numFmt 177 `{WPS_DATE2}`.',
         f'C23 is `_xlfn.DISPIMG("{WPS_ID}",1)` with the cached string `=DISPIMG("{WPS_ID}",1)` (t="str").',
         'Rows carry `spans` and `x14ac:dyDescent` under `mc:Ignorable="x14ac"`; the default font is 宋体 with charset 134; '
         'number formats 41-44 (￥) as WPS declares them; cell style `常规`; `<calcPr calcId="144525"/>`.',
         'docProps/custom.xml holds ICV and KSOProductBuildVer `2052-12.1.0.16120`; app.xml names `WPS 表格`.']},
]


def manifest_entry(item, path):
    with zipfile.ZipFile(path) as z:
        parts = z.namelist()
    return {'file': item['file'], 'producer': item['producer'], 'features': item['features'],
            'tableSheet': TABLE_SHEET, 'parts': parts, 'definedNames': dump_cells.defined_names(path),
            'bytes': os.path.getsize(path), 'notes': item['notes']}


README_HEAD = '''# Lossless corpus

Workbooks full of parts a rewrite must carry through untouched, each with a project self-evaluation table
(项目支出绩效自评表, the national/Yunnan layout of `scripts/provinces/make_corpus.py`) on the sheet `自评表`,
written by real, independent producers. Regenerate with `scripts/lossless/make_corpus.sh` (Debian
python3-xlsxwriter, python3-openpyxl, libreoffice-calc-nogui); it checks every file as it writes it
(openpyxl reads the table back in both modes; LibreOffice converts it to CSV). Output is deterministic:
fixed document dates and zip entry dates of 1980-01-01 (part bytes are the producers').

`manifest.json` lists, per file, its producer, features, every part (`unzip -Z1` order) and the defined names
of workbook.xml. `scripts/lossless/dump_cells.py FILE…` is the independent cell reader for the tests: sheets,
defined names, and every non-empty cell's value (formula text) and cached value, as openpyxl reads them.

The table (A1:I21) is the same in every file (but for G6 `=执行率` in xlsxwriter-features, C6 an external-link
formula in hand-edited-parts, and the 时效指标 row with a date cell in wps-like): budget 520 / executed 499.2
(执行率 96%, score 9.6), eight indicators, total 98.02 (优). `救助对象识别准确率` `≥95%` → `80%` is unfinished (8.42 of 10, with a reason);
`困难群众医疗费用负担减轻率` `≥10%` → `25%` is a weak target (2.5×). Columns J and K are empty in rows 1-21
(the tool writes there); anything else is below the table or from column M, or on other sheets.
'''

README_TAIL = '''
## What a producer could not write

- xlsxwriter 3.0.2 (Debian) has no pivot tables, external links, threaded comments, pictures in cells
  (`embed_image` came in 3.1.x), WPS cell images or workbook structure protection with a hash; those are the
  hand-added parts of `hand-edited-parts.xlsx`. Its sheet protection uses the legacy 16-bit password hash only.
  xlsxwriter writes a calculated column's cells with result 0; the corpus writes them again with their results.
  Its `[@得分]` becomes `[[#This Row],得分]` (no table name, no brackets round the column) in the cells and in
  `calculatedColumnFormula`. Two Format objects with the same number format make it write two `<numFmt>` with
  one id (and `count="1"`), so the corpus shares one Format per number format. In a rich string, a plain run
  after a formatted one is written with `rFont` Calibri even with the default font set to 宋体.
- openpyxl 3.0.9 writes strings inline (`t="inlineStr"`), a custom number format from id 164, no formula
  results (`<v></v>`), `t="n"` on empty styled cells, and an empty `<workbookProtection/>`; `wps-like.xlsx`
  turns these into shared strings, ids from 176, cached results, plain empty cells and a workbook.xml in WPS's form. It is a mimic built from public descriptions of WPS
  files (cellimages.xml, DISPIMG, KSOProductBuildVer), not a file WPS saved.
- LibreOffice 7.4 writes an Excel table only for a *named* database range; the sheet's anonymous range becomes
  the sheet autofilter. A numeric filter condition (`table:data-type="number"`) is exported as
  `<filters blank="1">` — the criterion is lost — so the corpus filters on text. LibreOffice also writes an empty
  `<workbookProtection/>`, `function="false" vbProcedure="false"` on every defined name, `<f aca="false">`, and
  an empty drawing part for a sheet with an autofilter. Saved again by LibreOffice, `hand-edited-parts.xlsx`
  keeps its pivot table and external link but loses the threaded comment, persons, rich data (picture in cell),
  cellimages.xml and the structure protection (written back as `<workbookProtection/>`).
- The LibreOffice file is reproducible only with the same LibreOffice build (its version is in docProps/app.xml).

## Files
'''


def write_readme(entries):
    lines = [README_HEAD, README_TAIL]
    for item, entry in zip(CORPUS, entries):
        lines.append(f"### `{item['file']}` ({entry['bytes'] // 1024} KB)\n")
        lines.append(f"Producer: {item['producer']}.\n")
        lines.append('Features: ' + ', '.join(f'`{f}`' for f in item['features']) + '.\n')
        for note in item['notes']:
            lines.append(f'- {note}')
        lines.append('')
        lines.append('Defined names: ' + '; '.join(
            f"`{d['name']}`{'' if d['localSheetId'] is None else ' (sheet ' + str(d['localSheetId']) + ')'} = `{d['value']}`"
            for d in entry['definedNames']) + '.\n' if entry['definedNames'] else 'Defined names: none.\n')
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines).rstrip() + '\n')


def main():
    os.makedirs(OUT, exist_ok=True)
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        for item in CORPUS:
            path = os.path.join(OUT, item['file'])
            g, extra = item['build'](path, tmp)
            if not item['file'].startswith('libreoffice'):
                Package(path).save(path)  # fixed zip entry dates (xlsxwriter's follow `created`; openpyxl's are now)
            check(path, g, extra, tmp)
            entry = manifest_entry(item, path)
            assert entry['bytes'] < 200 * 1024, (item['file'], entry['bytes'])
            entries.append(entry)
            print(f"{item['file']}: {entry['bytes']} bytes, {len(entry['parts'])} parts")
    with open(os.path.join(OUT, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(entries, f, ensure_ascii=False, indent=1)
        f.write('\n')
    write_readme(entries)


if __name__ == '__main__':
    sys.exit(main())
