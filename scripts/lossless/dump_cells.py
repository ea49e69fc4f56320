#!/usr/bin/python3
"""An independent reader of .xlsx files, for checking that a rewrite left every cell as it was.

    /usr/bin/python3 scripts/lossless/dump_cells.py FILE.xlsx...

prints one JSON object to stdout:

    { "FILE": { "sheets": [{"name", "state", "type"}],
                "definedNames": [{"name", "localSheetId", "value"}],
                "cells": { "SHEET": { "A1": {"value": ..., "cached": ...} } } } }

- `sheets`: every sheet in workbook order as openpyxl lists it (`type` is `worksheet` or `chartsheet`).
- `definedNames`: read from the workbook part's <definedNames> directly (openpyxl 3.0 moves print areas
  and print titles onto the sheets and drops some names), in document order; `localSheetId` is an
  integer or null; `value` is the element's text as written (no leading `=`).
- `cells`: for every worksheet (not chart sheets), every cell that holds something, in row-major order.
  `value` is what openpyxl reads with data_only=False (a formula's text with its leading `=`, else the
  value), `cached` what it reads with data_only=True (the stored result of a formula, else the value).
  Dates and times are ISO strings; an error cell is its error text (`#VALUE!`); an array formula is its
  text. A cell is listed when either reading is not None.

Only openpyxl and the standard library are used (Debian python3-openpyxl); its warnings are silenced.
"""

import datetime
import json
import posixpath
import sys
import warnings
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
OFFICE_DOCUMENT = ('http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
                   'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument')


def plain(v):
    """A JSON-ready form of one value as openpyxl gives it."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if v == v and v not in (float('inf'), float('-inf')) else str(v)
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, datetime.timedelta):
        return str(v)
    text = getattr(v, 'text', None)  # openpyxl ArrayFormula
    if isinstance(text, str):
        return text
    return str(v)


def workbook_part(z: zipfile.ZipFile) -> str:
    rels = ET.fromstring(z.read('_rels/.rels'))
    for rel in rels.findall(f'{{{NS_PKG_REL}}}Relationship'):
        if rel.get('Type') in OFFICE_DOCUMENT:
            return posixpath.normpath(rel.get('Target').lstrip('/'))
    return 'xl/workbook.xml'


def defined_names(path: str):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read(workbook_part(z)))
    out = []
    names = root.find(f'{{{NS_MAIN}}}definedNames')
    if names is None:
        return out
    for dn in names.findall(f'{{{NS_MAIN}}}definedName'):
        local = dn.get('localSheetId')
        out.append({'name': dn.get('name'), 'localSheetId': int(local) if local is not None else None,
                    'value': dn.text or ''})
    return out


def dump(path: str):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        texts = openpyxl.load_workbook(path, data_only=False)
        cached = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    cells = {}
    for name in texts.sheetnames:
        ws = texts[name]
        kind = 'chartsheet' if ws.__class__.__name__ == 'Chartsheet' else 'worksheet'
        sheets.append({'name': name, 'state': ws.sheet_state, 'type': kind})
        if kind != 'worksheet':
            continue
        wc = cached[name]
        out = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.__class__.__name__ == 'MergedCell':
                    continue
                v = cell.value
                c = wc[cell.coordinate].value
                if v is None and c is None:
                    continue
                out[cell.coordinate] = {'value': plain(v), 'cached': plain(c)}
        cells[name] = out
    return {'sheets': sheets, 'definedNames': defined_names(path), 'cells': cells}


def main(argv):
    if not argv:
        sys.exit('usage: dump_cells.py FILE.xlsx...')
    result = {path: dump(path) for path in argv}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
