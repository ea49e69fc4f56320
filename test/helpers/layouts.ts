/**
 * Lays out a published table (the shape of fixtures/reference/tables.json) the ways
 * budget units really write it, so detection is tested on more than the reference files.
 */
import ExcelJS from "exceljs";
import { CellRange } from "../../src/core/address";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { splitWeight, toHalfWidth } from "../../src/core/text";

export type SpecRow = {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  reportedScore: number;
};
export type TableSpec = {
  id: string;
  kind: "project" | "department";
  title: string;
  budget: { label: string; A: number; B: number; rate: string; weight: number; score: number };
  blocks: { title: string | null; weight: number; rows: SpecRow[] }[];
  reportedTotal: number;
  grade: string;
};

export type LayoutOptions = {
  layout?: "wuhan" | "national" | "sichuan";
  /** 0-based position of the table's top-left cell. */
  origin?: { row: number; col: number };
  /** An empty column is inserted after this logical column (0 = first column). */
  blankColumnAfter?: number;
  levels?: "merged" | "repeated" | "filldown";
  /** Percent values as numbers with a percent format instead of text. */
  percentNumbers?: boolean;
  fullWidth?: boolean;
  renamedHeaders?: boolean;
  contactBlock?: boolean;
  sheetName?: string;
};

type Cell = { v: CellValue; fmt?: string };
export type SheetSpec = { name: string; cells: (Cell | null)[][]; merges: CellRange[] };

const FULL_WIDTH: Record<string, string> = { "≥": "＞＝", "≤": "＜＝" };

function fullWidth(text: string): string {
  return [...text]
    .map((ch) => {
      if (FULL_WIDTH[ch]) return FULL_WIDTH[ch];
      const code = ch.charCodeAt(0);
      return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
    })
    .join("");
}

/** Builds the sheet of one table in the chosen layout. */
export function layoutTable(spec: TableSpec, options: LayoutOptions = {}): SheetSpec {
  const layout = options.layout ?? "wuhan";
  const rows: (Cell | null)[][] = [];
  const merges: CellRange[] = [];
  const width = layout === "wuhan" ? 7 : layout === "national" ? 9 : 10;
  const add = (cells: (CellValue | Cell)[]) => {
    rows.push(
      cells.map((c) => (c !== null && typeof c === "object" ? c : c === null ? null : { v: c }))
    );
    return rows.length - 1;
  };
  const mergeAcross = (row: number, left: number, right: number) =>
    merges.push({ top: row, left, bottom: row, right });
  const value = (text: string): Cell => {
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
    if (options.percentNumbers && percent)
      return { v: Number(percent[1]) / 100, fmt: percent[1].includes(".") ? "0.0%" : "0%" };
    return { v: options.fullWidth ? fullWidth(text) : text };
  };

  const title = add([spec.title]);
  mergeAcross(title, 0, width - 1);
  add(["单位名称：武汉市人力资源和社会保障局", null, null, null, "填报日期：2024 年 6 月 30 日"]);
  if (spec.kind === "project") {
    const name = add(["项目名称", spec.title.replace(/^\d+ 年度/, "").replace(/项目自评表$/, "")]);
    mergeAcross(name, 1, width - 1);
  }

  // Budget execution.
  const b = spec.budget;
  if (layout === "national") {
    add([
      "项目资金（万元）",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ]);
    add([
      null,
      "年度资金总额",
      b.A * 0.8,
      b.A,
      b.B,
      b.weight,
      { v: b.B / b.A, fmt: "0.00%" },
      b.score,
    ]);
    add([null, "其中：当年财政拨款", null, b.A, b.B, "—", null, "—"]);
    add([null, "上年结转资金", null, null, null, "—", null, "—"]);
  } else {
    const head = add([
      `预算执行情况（万元）（${b.weight}分）`,
      null,
      "预算数（A）",
      "执行数（B）",
      "执行率（B/A）",
      `得分（${b.weight}分*执行率）`,
    ]);
    add([
      null,
      spec.kind === "department" ? "部门整体支出总额" : "年度财政资金总额",
      { v: b.A, fmt: "#,##0.00" },
      { v: b.B, fmt: "#,##0.00" },
      b.rate,
      b.score,
    ]);
    merges.push({ top: head, left: 0, bottom: head + 1, right: 0 });
  }

  const headers = headerRow(layout, options.renamedHeaders ?? false, spec);
  let blockIndex = 0;
  for (const block of spec.blocks) {
    blockIndex++;
    if (block.title) {
      const goal = add([
        `年度目标 ${blockIndex}：（${block.weight}分）`,
        `第 ${blockIndex} 项年度目标的内容。`,
      ]);
      mergeAcross(goal, 1, width - 1);
    }
    const headerAt = add(headers);
    const first = headerAt + 1;
    let previous: SpecRow | null = null;
    for (const row of block.rows) {
      add(dataRow(layout, row, previous, options, value));
      previous = row;
    }
    merges.push({ top: headerAt, left: 0, bottom: headerAt + block.rows.length, right: 0 });
    if ((options.levels ?? "merged") === "merged") mergeRuns(block.rows, first, merges);
  }

  const totalCells: (CellValue | Cell)[] = ["总分"];
  while (totalCells.length < width) totalCells.push(null);
  if (layout === "national") {
    totalCells[6] = 100;
    totalCells[7] = spec.reportedTotal;
  } else if (layout === "sichuan") {
    totalCells[8] = 100;
    totalCells[9] = spec.reportedTotal;
  } else {
    totalCells[6] = `${spec.reportedTotal}分`;
  }
  add(totalCells);
  for (const label of ["偏差大或目标未完成原因分析", "改进措施及结果应用方案"]) {
    const at = add([label, "（略）"]);
    mergeAcross(at, 1, width - 1);
  }
  if (options.contactBlock) {
    add([]);
    add(["填表人：张三", null, "联系电话：027-12345678", null, "审核人：李四"]);
    add(["备注：本表金额单位为万元。"]);
  }
  return place({ name: options.sheetName ?? "自评表", cells: rows, merges }, options);
}

function headerRow(layout: string, renamed: boolean, spec: TableSpec): CellValue[] {
  const label = spec.kind === "department" ? "年度绩效指标" : "年度绩效目标（80分）";
  const name = renamed ? "指标名称" : "三级指标";
  if (layout === "national") {
    return [
      "绩效指标",
      "一级指标",
      "二级指标",
      name,
      renamed ? "全年目标值" : "年度指标值",
      renamed ? "全年实际值" : "实际完成值",
      renamed ? "指标权重" : "分值",
      renamed ? "自评得分" : "得分",
      "偏差原因分析及改进措施",
    ];
  }
  if (layout === "sichuan") {
    return [
      "绩效指标",
      "一级指标",
      "二级指标",
      name,
      "指标性质",
      "指标值",
      "度量单位",
      renamed ? "全年完成值" : "完成值",
      "分值",
      renamed ? "指标得分" : "得分",
    ];
  }
  return [
    label,
    "一级指标",
    "二级指标",
    name,
    renamed ? "年度目标值" : "年初目标值（A）",
    renamed ? "实际完成值" : "实际完成值（B）",
    renamed ? "自评得分" : "得分",
  ];
}

function dataRow(
  layout: string,
  row: SpecRow,
  previous: SpecRow | null,
  options: LayoutOptions,
  value: (text: string) => Cell
): (CellValue | Cell)[] {
  const levels = options.levels ?? "merged";
  const sameL1 = previous?.level1 === row.level1;
  const sameL2 = sameL1 && previous?.level2 === row.level2;
  // Merged areas hold their value in the top cell only; fill-down leaves later cells blank.
  const level1 = levels === "repeated" || !sameL1 ? row.level1 : null;
  const level2 = levels === "repeated" || !sameL2 ? row.level2 : null;
  if (layout === "national") {
    const { label, weight } = splitWeight(row.name);
    return [
      null,
      level1 && splitWeight(level1).label,
      level2 && splitWeight(level2).label,
      label,
      value(row.target),
      value(row.actual),
      weight,
      row.reportedScore,
      null,
    ];
  }
  if (layout === "sichuan") {
    const { label, weight } = splitWeight(row.name);
    const target = splitTarget(row.target);
    const actual = bareActual(row.actual, target.unit);
    return [
      null,
      level1 && splitWeight(level1).label,
      level2 && splitWeight(level2).label,
      label,
      target.direction,
      target.value,
      target.unit,
      actual,
      weight,
      row.reportedScore,
    ];
  }
  return [null, level1, level2, row.name, value(row.target), value(row.actual), row.reportedScore];
}

/** `≥22万人` → ≥ | 22 | 万人; `有效提升` → 定性 | 有效提升 | (none). */
export function splitTarget(target: string): { direction: string; value: string; unit: string } {
  const text = toHalfWidth(target);
  const match = /^(≥|≤)?([\d,.]+(?:-[\d,.]+)?)(.*?)(以上|以下)?$/.exec(text);
  if (!match) return { direction: "定性", value: target, unit: "" };
  const direction =
    match[4] === "以上"
      ? "≥"
      : match[4] === "以下"
        ? "≤"
        : (match[1] ?? (match[2].includes("-") ? "" : "="));
  return { direction, value: match[2], unit: match[3] };
}

function bareActual(actual: string, unit: string): string | number {
  const match = /^([\d,.]+)(.*)$/.exec(actual);
  if (!match || (match[2] !== "" && match[2] !== unit)) return actual;
  return match[1].includes(",") ? match[1] : Number(match[1]);
}

function mergeRuns(rows: SpecRow[], first: number, merges: CellRange[]): void {
  const runs = (key: (r: SpecRow) => string, col: number) => {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || key(rows[i]) !== key(rows[start])) {
        if (i - start > 1)
          merges.push({ top: first + start, left: col, bottom: first + i - 1, right: col });
        start = i;
      }
    }
  };
  runs((r) => r.level1, 1);
  runs((r) => `${r.level1}|${r.level2}`, 2);
}

/** Moves the sheet to its origin and inserts the blank column. */
function place(sheet: SheetSpec, options: LayoutOptions): SheetSpec {
  const { row: dr, col: dc } = options.origin ?? { row: 0, col: 0 };
  const blank = options.blankColumnAfter;
  const shiftCol = (c: number) => dc + (blank !== undefined && c > blank ? c + 1 : c);
  const cells: (Cell | null)[][] = [];
  sheet.cells.forEach((line, r) => {
    const out: (Cell | null)[] = [];
    line.forEach((cell, c) => (out[shiftCol(c)] = cell));
    cells[dr + r] = out;
  });
  const merges = sheet.merges.map((m) => ({
    top: m.top + dr,
    bottom: m.bottom + dr,
    left: shiftCol(m.left),
    right: shiftCol(m.right),
  }));
  return { name: sheet.name, cells, merges };
}

/** The same sheet as an engine grid, the way a host would read it. */
export function toGrid(sheet: SheetSpec): SheetGrid {
  const height = sheet.cells.length;
  let width = 0;
  for (let r = 0; r < height; r++) width = Math.max(width, sheet.cells[r]?.length ?? 0);
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(Array.from({ length: width }, (_, c) => sheet.cells[r]?.[c]?.v ?? null));
    numberFormats.push(
      Array.from({ length: width }, (_, c) => sheet.cells[r]?.[c]?.fmt ?? "General")
    );
  }
  return {
    name: sheet.name,
    origin: { row: 0, col: 0 },
    values,
    numberFormats,
    merges: sheet.merges,
  };
}

export function addSheet(workbook: ExcelJS.Workbook, sheet: SheetSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheet.name);
  sheet.cells.forEach((line, r) => {
    line?.forEach((cell, c) => {
      if (!cell || cell.v === null) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = cell.v;
      if (cell.fmt) target.numFmt = cell.fmt;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return ws;
}

export async function workbookBuffer(
  sheets: SheetSpec[],
  extra?: (wb: ExcelJS.Workbook) => void
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) addSheet(workbook, sheet);
  extra?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Appends one sheet's rows below another's, with a gap, to make a sheet holding two tables. */
export function stack(upper: SheetSpec, lower: SheetSpec, gap = 3): SheetSpec {
  const offset = upper.cells.length + gap;
  const cells = [...upper.cells];
  lower.cells.forEach((line, r) => (cells[offset + r] = line));
  const merges = [
    ...upper.merges,
    ...lower.merges.map((m) => ({ ...m, top: m.top + offset, bottom: m.bottom + offset })),
  ];
  return { name: upper.name, cells, merges };
}
