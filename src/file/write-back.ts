import ExcelJS from 'exceljs';
import { TableResult, evaluateWorkbook } from '../core/evaluate';
import { OutputCell, PlanOptions, PlanProblem, TablePlan, WritePlan, linkAddress, planWriteBack } from '../core/plan';
import { ScoringPolicy } from '../core/policy';
import { OriginalStyle, POINTS_PER_CHARACTER, STATE_COLUMNS, STATE_SHEET, StateRecord, editedSince, locateSheets, stateFromRows, stateToRows } from '../core/state';
import { cellValue, loadWorkbook, worksheetToGrid } from './read-workbook';

export type RescoreResult = { data: Uint8Array; tables: TableResult[]; plans: TablePlan[]; problems: PlanProblem[] };

/** Takes out earlier annotations, scores every table, and writes the plan. Rescoring twice equals rescoring once. */
export async function rescoreXlsx(data: Uint8Array, policy: ScoringPolicy, options: PlanOptions = { highlight: true }): Promise<RescoreResult> {
  const workbook = await loadWorkbook(data);
  clearAnnotations(workbook);
  const grids = workbook.worksheets.map(worksheetToGrid);
  const tables = evaluateWorkbook(grids, { policy });
  const plan = planWriteBack(tables, grids, options);
  applyPlan(workbook, plan);
  return { data: await save(workbook), tables, plans: plan.tables, problems: plan.problems };
}

/** Gives back the workbook as it was before any rescore: values, styles, widths, sheets. */
export async function clearXlsx(data: Uint8Array): Promise<{ data: Uint8Array; cleared: boolean }> {
  const workbook = await loadWorkbook(data);
  const cleared = clearAnnotations(workbook);
  return { data: await save(workbook), cleared };
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function readState(workbook: ExcelJS.Workbook): StateRecord[] | null {
  const sheet = workbook.getWorksheet(STATE_SHEET);
  if (!sheet) return null;
  // The cells as exceljs holds them: anything but text and numbers is damage the record's check finds.
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: unknown[] = [];
    for (let c = 1; c <= STATE_COLUMNS; c++) values.push(row.getCell(c).value ?? null);
    rows[n - 1] = values;
  });
  return stateFromRows(Array.from(rows, (r) => r ?? []));
}

/**
 * Restores everything the state sheet records, newest first, then drops the state sheet. The
 * record is checked whole first, and a renamed sheet found by what the tool wrote in it:
 * when either fails, the workbook is left as it was.
 */
export function clearAnnotations(workbook: ExcelJS.Workbook): boolean {
  const recorded = readState(workbook);
  if (!recorded) return false;
  const records = locateSheets(
    recorded,
    workbook.worksheets.map((s) => s.name),
    (name, row, col) => {
      const cell = workbook.getWorksheet(name)?.findCell(row + 1, col + 1);
      return cell ? cellValue(cell) : null;
    },
  );
  for (const record of [...records].reverse()) {
    if (record.kind === 'sheet') {
      const sheet = workbook.getWorksheet(record.sheet);
      if (sheet) workbook.removeWorksheet(sheet.id);
      continue;
    }
    const sheet = workbook.getWorksheet(record.sheet);
    if (!sheet) continue;
    if (record.kind === 'width') {
      sheet.getColumn(record.col + 1).width = record.width ?? (record.points !== undefined ? record.points / POINTS_PER_CHARACTER : undefined);
      continue;
    }
    const cell = sheet.getCell(record.row + 1, record.col + 1);
    if (record.kind === 'output' && editedSince(record, cellValue(cell))) continue;
    if (record.kind === 'output') cell.value = null;
    cell.style = restoreStyle(cell.style ?? {}, record.style, record.kind);
  }
  const state = workbook.getWorksheet(STATE_SHEET);
  if (state) workbook.removeWorksheet(state.id);
  return true;
}

/**
 * Puts a cell's look back. A highlight only changed the fill, so only the fill goes back;
 * an output cell gets its whole style back: exactly where this host recorded it, else what
 * the other host noted.
 */
function restoreStyle(current: Partial<ExcelJS.Style>, style: OriginalStyle, kind: 'output' | 'highlight'): Partial<ExcelJS.Style> {
  if (kind === 'highlight') {
    const restored: Partial<ExcelJS.Style> = { ...current };
    const fill = style.rawFill ? (JSON.parse(style.rawFill) as ExcelJS.Fill) : style.fillColor ? solid(style.fillColor) : undefined;
    if (fill) restored.fill = fill;
    else delete restored.fill;
    return restored;
  }
  if (style.raw) return JSON.parse(style.raw) as Partial<ExcelJS.Style>;
  const plain = !style.fillColor && (style.numberFormat ?? 'General') === 'General' && !style.bold && !style.wrapText;
  if (plain) return {};
  const restored: Partial<ExcelJS.Style> = { ...current };
  if (style.fillColor) restored.fill = solid(style.fillColor);
  else delete restored.fill;
  if (style.numberFormat !== undefined) restored.numFmt = style.numberFormat;
  if (style.bold !== undefined) restored.font = { ...(restored.font ?? {}), bold: style.bold };
  if (style.wrapText !== undefined) restored.alignment = { ...(restored.alignment ?? {}), wrapText: style.wrapText };
  return restored;
}

/** What to keep of a cell's look: the neutral fields, and exceljs's own form only where it says more. */
function remember(cell: ExcelJS.Cell, kind: 'output' | 'highlight'): OriginalStyle {
  const style = cell.style ?? {};
  const fill = style.fill;
  const fillColor = fill && fill.type === 'pattern' && fill.pattern === 'solid' ? (fill.fgColor?.argb ?? null) : null;
  const neutral: OriginalStyle = {
    fillColor,
    numberFormat: style.numFmt ?? 'General',
    bold: Boolean(style.font?.bold),
    wrapText: Boolean(style.alignment?.wrapText),
  };
  if (kind === 'highlight') return fill ? { ...neutral, rawFill: JSON.stringify(fill) } : neutral;
  return Object.keys(style).length > 0 ? { ...neutral, raw: JSON.stringify(style) } : neutral;
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Applies a plan and records, for each change, what was there before. */
export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const records: StateRecord[] = [];
  const shared = styleCache();
  for (const table of plan.tables) {
    const sheet = workbook.getWorksheet(table.sheet);
    if (!sheet) continue;
    for (const h of table.highlights) {
      const cell = sheet.getCell(h.row + 1, h.col + 1);
      records.push({ kind: 'highlight', sheet: table.sheet, row: h.row, col: h.col, style: remember(cell, 'highlight') });
      // Never mutate: exceljs shares style objects between cells.
      cell.style = shared({ ...cell.style, fill: solid(h.fill) });
    }
    for (const output of table.outputs) {
      const cell = sheet.getCell(output.row + 1, output.col + 1);
      records.push({ kind: 'output', sheet: table.sheet, row: output.row, col: output.col, style: remember(cell, 'output'), written: output.value });
      writeOutput(cell, output, shared);
    }
  }
  for (const w of plan.widths) {
    const sheet = workbook.getWorksheet(w.sheet);
    if (!sheet) continue;
    const column = sheet.getColumn(w.col + 1);
    records.push({ kind: 'width', sheet: w.sheet, col: w.col, width: column.width ?? null });
    column.width = w.width;
  }
  const summaryName = freeName(workbook, plan.summary.name);
  const summary = workbook.addWorksheet(summaryName);
  records.push({ kind: 'sheet', sheet: summaryName });
  for (const output of plan.summary.cells) writeOutput(summary.getCell(output.row + 1, output.col + 1), output, shared);
  plan.summary.widths.forEach((width, k) => (summary.getColumn(k + 1).width = width));
  summary.views = [{ state: 'frozen', ySplit: 1 }];

  const state = workbook.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  stateToRows(records).forEach((row) => state.addRow(row));
}

type Shared = (style: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>;

/**
 * One style object per distinct look: exceljs renders a style's XML once per object when it
 * saves, so thousands of cells that look alike should share one.
 */
function styleCache(): Shared {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  return (style) => {
    const key = JSON.stringify(style);
    const known = styles.get(key);
    if (known) return known;
    styles.set(key, style);
    return style;
  };
}

function writeOutput(cell: ExcelJS.Cell, output: OutputCell, shared: Shared): void {
  // A HYPERLINK formula, not an exceljs hyperlink: exceljs writes internal links as external
  // relationships, which Excel would try to open as a file.
  cell.value = output.link
    ? { formula: `HYPERLINK("#${linkAddress(output.link).replace(/"/g, '""')}","${String(output.value).replace(/"/g, '""')}")`, result: String(output.value) }
    : output.value;
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (output.numberFormat) style.numFmt = output.numberFormat;
  if (output.bold || output.link) style.font = { ...(style.font ?? {}), bold: output.bold, ...(output.link ? { color: { argb: 'FF0563C1' }, underline: true } : {}) };
  if (output.fill) style.fill = solid(output.fill);
  if (output.wrap) style.alignment = { ...(style.alignment ?? {}), wrapText: true, vertical: 'top' };
  cell.style = shared(style);
}

/** `复核汇总`, or `复核汇总 (2)` when the user already has a sheet by that name. */
function freeName(workbook: ExcelJS.Workbook, name: string): string {
  let candidate = name;
  for (let k = 2; workbook.getWorksheet(candidate); k++) candidate = `${name} (${k})`;
  return candidate;
}
