import { DetectedTable, TableKind } from "../detect";
import { Grade, Method } from "../policy";

/** What the engine tells about each table and row: the shapes every host and report reads. */

export type IndicatorFlag =
  | "unfinished"
  | "weak-target"
  | "vague-target"
  | "score-mismatch"
  | "qualitative-tier"
  | "missing-reason"
  | "unit-mismatch"
  | "unreadable";

export type TableFlag =
  | "total-mismatch"
  | "weight-mismatch"
  | "score-mismatch"
  | "unreadable"
  | "too-few-indicators"
  | "missing-dimension"
  | "unfilled";

export type Flag = IndicatorFlag | TableFlag;

export type CellRef = { row: number; col: number };

export type IndicatorResult = {
  /** 1-based Excel row. */
  row: number;
  goal: string | null;
  level1: string;
  level2: string;
  name: string;
  weight: number | null;
  target: string;
  actual: string;
  method: Method | null;
  score: number;
  reportedScore: number | null;
  ratio: number | null;
  flags: IndicatorFlag[];
  notes: string[];
  /** Rows that break this indicator down (`其中…`): shown, not scored. */
  breakdown: { row: number; name: string; target: string; actual: string }[];
  /** 0-based cells of the row, for hosts that write or highlight. */
  cells: { name: CellRef; target: CellRef | null; actual: CellRef | null; score: CellRef | null };
};

export type BudgetResult = {
  row: number;
  weight: number;
  planned: number | null;
  executed: number | null;
  rate: number | null;
  score: number;
  reportedScore: number | null;
  /** The notes about the budget row; they are also among the table's notes. */
  notes: string[];
};

export type TableResult = {
  sheet: string;
  range: string;
  kind: TableKind;
  title: string | null;
  projectName: string | null;
  unitName: string | null;
  budget: BudgetResult | null;
  indicators: IndicatorResult[];
  /** Null when the table could not be scored: not filled in, or no indicators found. */
  total: number | null;
  reportedTotal: number | null;
  grade: Grade | null;
  /** Why a table found in the sheet could not be scored at all, in one sentence. */
  error: string | null;
  flags: TableFlag[];
  notes: string[];
  detected: DetectedTable;
};
