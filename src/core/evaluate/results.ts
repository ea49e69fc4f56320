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

/** A flag and the note that gives its reason: a flag may have several notes, and some notes are no finding. */
export type Finding<F extends Flag = Flag> = { flag: F; note: string };

/** A reviewer's decision on a finding, as the result it belongs to carries it. */
export type FindingMark = {
  flag: Flag;
  status: "checked" | "dismissed";
  reason: string;
  /** When it was set, as an ISO date. */
  at?: string;
};

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
  /** Which of the notes gives which flag's reason. */
  findings: Finding<IndicatorFlag>[];
  /** The reviewer's marks on this row's findings, where there are any. */
  marks?: FindingMark[];
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
  /** Which of the notes (the budget row's among them) gives which flag's reason. */
  findings: Finding<TableFlag>[];
  /** The reviewer's marks on the table's own findings (kept on its first row), where there are any. */
  marks?: FindingMark[];
  detected: DetectedTable;
};
