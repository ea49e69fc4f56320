import { IndicatorRole } from "../vocabulary/headers";
import { ReadCell } from "../read-cell";

export type TableKind = "project" | "department";

export type TextCell = { row: number; col: number; text: string };

/** A 年度目标: its words and the weight it states. */
export type Goal = { text: string; weight: number | null };

/** A row under an indicator that breaks it down (`其中：…`, 分值 `/`): shown, never scored. */
export type BreakdownRow = {
  row: number;
  name: string;
  target: ReadCell | null;
  actual: ReadCell | null;
};

export type IndicatorRow = {
  row: number;
  /** The goal a 年度目标 column beside the row names, where the table has one. */
  goal?: string | null;
  level1: string;
  level2: string;
  /** The 一级/二级 labels as written, with their `（N分）` subtotals. */
  level1Label: string;
  level2Label: string;
  name: string;
  weight: number | null;
  /** Where the weight came from, for messages. */
  weightCell: TextCell | null;
  target: ReadCell | null;
  actual: ReadCell | null;
  reported: ReadCell | null;
  /** The row's deviation reason cell, where the table has a column for one. */
  reason: TextCell | null;
  nameCol: number;
  /** The row's 度量单位, where the table has that column (then a bare number is plainly in it). */
  unitColumn: string;
  breakdown: BreakdownRow[];
};

/** A 一级 or 二级 label with the subtotal it states (`产出指标（40分）`). */
export type LevelGroup = { level: 1 | 2; label: string; weight: number; rows: number[] };

export type IndicatorColumns = Partial<Record<IndicatorRole, number>>;

export type IndicatorBlock = {
  /** The 年度目标 text of a department table's block, or null. */
  goal: string | null;
  /** The weight the block states: `年度目标 1：（23分）` or `年度绩效目标（80分）`. */
  weight: number | null;
  headerRow: number;
  columns: IndicatorColumns;
  rows: IndicatorRow[];
  groups: LevelGroup[];
  lastRow: number;
};

export type BudgetBlock = {
  row: number;
  /** The header's named columns. */
  columns: number[];
  label: string;
  weight: number | null;
  planned: ReadCell | null;
  executed: ReadCell | null;
  reported: ReadCell | null;
  /** Set when the total row was empty and the amounts are the sum of its `其中` rows. */
  summedRows: number[] | null;
  firstRow: number;
  lastRow: number;
};

/** The row holding the table's total, and a `合计` row above it that only sums the indicators. */
export type TotalRow = {
  row: number;
  label: string;
  reported: ReadCell | null;
  /** The grade written in the row (`优`), where the form has a place for one. */
  reportedGrade: string | null;
};

export type DetectedTable = {
  sheet: string;
  kind: TableKind;
  title: string | null;
  projectName: string | null;
  unitName: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
  budget: BudgetBlock | null;
  blocks: IndicatorBlock[];
  total: TotalRow | null;
  /** A `合计` row holding the indicators' subtotal, not the table's total. */
  subtotal: TotalRow | null;
  /** The narrative 偏差原因 row, where the table has one instead of a reason column. */
  narrativeReason: { row: number; col: number; text: string } | null;
};
