import { cellAddress, rangeAddress } from './address';
import { BudgetBlock, DetectedTable, IndicatorBlock, IndicatorRow, TableKind, detectTables } from './detect';
import { ReadCell, numberOf } from './read-cell';
import { COMMON_INDICATOR, DIMENSIONS } from './vocabulary/headers';
import { SheetGrid } from './grid';
import { zh } from './messages';
import { ParsedValue } from './parse';
import { Grade, Method, QualitativeTier, ScoringPolicy, gradeOf, policyFor } from './policy';
import { fromCents, roundHalfUp, sameToTheCent, toCents } from './rounding';
import {
  Outcome,
  asQuantity,
  deadlineMet,
  deadlineWords,
  isVagueTarget,
  methodOf,
  qualitativeTier,
  scorePositive,
  scoreRange,
  scoreReverse,
} from './score';
import { alignQuantities, alignRange } from './units';

export type IndicatorFlag =
  | 'unfinished'
  | 'weak-target'
  | 'vague-target'
  | 'score-mismatch'
  | 'qualitative-tier'
  | 'missing-reason'
  | 'unit-mismatch'
  | 'unreadable';

export type TableFlag =
  | 'total-mismatch'
  | 'weight-mismatch'
  | 'score-mismatch'
  | 'unreadable'
  | 'too-few-indicators'
  | 'missing-dimension'
  | 'unfilled';

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

export type EvaluateOptions = { policy?: ScoringPolicy };

/** Detects and scores every table of every sheet. */
export function evaluateWorkbook(sheets: SheetGrid[], options: EvaluateOptions = {}): TableResult[] {
  const policy = options.policy ?? policyFor('wuhan');
  return sheets.flatMap((sheet) => detectTables(sheet).map((table) => evaluateTable(table, policy)));
}

export function evaluateTable(table: DetectedTable, policy: ScoringPolicy): TableResult {
  const base = {
    sheet: table.sheet,
    range: rangeAddress(table),
    kind: table.kind,
    title: table.title,
    projectName: table.projectName,
    unitName: table.unitName,
    detected: table,
  };
  const reportedTotal = numberOf(table.total?.reported ?? null);
  if (table.blocks.every((b) => b.rows.length === 0)) {
    const error = zh.noIndicators(table.sheet, rangeAddress(table));
    return { ...base, budget: null, indicators: [], total: null, reportedTotal, grade: null, error, flags: [], notes: [error] };
  }
  const hasReasonPlace = table.narrativeReason !== null || table.blocks.some((b) => b.columns.reason !== undefined);
  const reasonGiven = (table.narrativeReason?.text ?? '').trim() !== '';
  const unfilled = isUnfilled(table);
  if (unfilled) {
    // Nothing to find fault with yet: the rows are listed, the form is reported as not filled in.
    const indicators = table.blocks.flatMap((block) =>
      block.rows.map((row) => ({ ...evaluateIndicator(row, block, policy, { hasReasonPlace, reasonGiven, table }), score: 0, ratio: null, flags: [], notes: [] })),
    );
    return { ...base, budget: null, indicators, total: null, reportedTotal, grade: null, error: null, flags: ['unfilled'], notes: [zh.unfilled] };
  }
  const indicators = table.blocks.flatMap((block) =>
    block.rows.map((row) => evaluateIndicator(row, block, policy, { hasReasonPlace, reasonGiven, table })),
  );
  const flags = new Set<TableFlag>();
  const notes: string[] = [];
  const weights = indicators.map((i) => i.weight).filter((w): w is number => w !== null);
  const indicatorWeightCents = weights.reduce((sum, w) => sum + toCents(w), 0);
  const budget = table.budget ? evaluateBudget(table.budget, indicatorWeightCents, policy, flags) : null;
  if (budget) notes.push(...budget.notes);

  const total = fromCents(indicators.reduce((sum, i) => sum + toCents(i.score), budget ? toCents(budget.score) : 0));
  if (reportedTotal !== null && table.total?.reported && !sameToTheCent(reportedTotal, total)) {
    flags.add('total-mismatch');
    notes.push(zh.totalMismatch(address(table.total.reported), reportedTotal, total));
  }
  checkWeights(table, indicators, budget, indicatorWeightCents, flags, notes);
  checkStructure(indicators, budget, flags, notes);

  return {
    ...base,
    budget,
    indicators,
    total,
    reportedTotal,
    grade: gradeOf(total, policy),
    error: null,
    flags: [...flags],
    notes,
  };
}

/** A table whose indicators have neither an actual nor a score: a form not filled in yet. */
function isUnfilled(table: DetectedTable): boolean {
  const rows = table.blocks.flatMap((b) => b.rows);
  const blank = (cell: ReadCell | null) => cell === null || cell.parsed.kind === 'empty';
  return rows.every((row) => blank(row.actual) && blank(row.reported)) && blank(table.total?.reported ?? null);
}

function evaluateBudget(
  block: BudgetBlock,
  indicatorWeightCents: number,
  policy: ScoringPolicy,
  flags: Set<TableFlag>,
): BudgetResult {
  const notes: string[] = [];
  let weight = block.weight;
  if (weight === null) {
    const rest = 10000 - indicatorWeightCents;
    weight = rest > 0 && rest < 10000 ? fromCents(rest) : policy.defaultBudgetWeight;
    notes.push(zh.budgetWeightInferred(weight));
  }
  const planned = numberOf(block.planned);
  const executed = numberOf(block.executed);
  const reportedScore = numberOf(block.reported);
  let score: number;
  let rate: number | null = null;
  if (planned === null || planned <= 0 || executed === null) {
    flags.add('unreadable');
    notes.push(zh.budgetUnreadable(block.planned ? address(block.planned) : cellAddress(block.row, 0)));
    score = reportedScore !== null && reportedScore >= 0 && reportedScore <= weight ? reportedScore : 0;
  } else {
    rate = executed / planned;
    score = roundHalfUp(weight * Math.min(1, Math.max(0, rate)));
    rate = roundHalfUp(rate, 4);
  }
  score = roundHalfUp(score);
  if (reportedScore !== null && block.reported && !sameToTheCent(reportedScore, score)) {
    flags.add('score-mismatch');
    notes.push(zh.budgetScoreMismatch(address(block.reported), reportedScore, score));
  }
  return { row: block.row + 1, weight, planned, executed, rate, score, reportedScore, notes };
}

type RowContext = { hasReasonPlace: boolean; reasonGiven: boolean; table: DetectedTable };

function evaluateIndicator(row: IndicatorRow, block: IndicatorBlock, policy: ScoringPolicy, ctx: RowContext): IndicatorResult {
  const flags = new Set<IndicatorFlag>();
  const notes: string[] = [];
  const reported = numberOf(row.reported);
  const target = row.target?.parsed ?? { kind: 'empty' };
  const actual = row.actual?.parsed ?? { kind: 'empty' };
  const method = methodOf(target);
  const weight = row.weight !== null && row.weight >= 0 ? row.weight : null;
  const keepReported = (note: string): number => {
    flags.add('unreadable');
    notes.push(note);
    return reported !== null && reported >= 0 && (weight === null || reported <= weight) ? reported : 0;
  };

  let score: number;
  let ratio: number | null = null;
  let tier: QualitativeTier | null = null;
  const nameCell = cellAddress(row.row, row.nameCol);
  if (weight === null) {
    score = row.weightCell
      ? keepReported(zh.unreadableWeight(cellAddress(row.weightCell.row, row.weightCell.col), row.weightCell.text))
      : keepReported(zh.missingWeight(block.columns.weight !== undefined ? cellAddress(row.row, block.columns.weight) : nameCell));
  } else if (method === null) {
    score = keepReported(
      row.target && target.kind !== 'empty' ? zh.unreadableTarget(address(row.target), row.target.text) : zh.emptyTarget(row.target ? address(row.target) : nameCell),
    );
  } else if (method === 'qualitative') {
    const targetText = target.kind === 'text' ? target.text : '';
    tier = qualitativeTier(targetText, actual);
    const band = tier ? policy.qualitativeTiers[tier] : null;
    if (reported !== null && reported >= 0 && reported <= weight) {
      // The evaluator chooses the score inside the tier; an entered score stands.
      score = reported;
      if (band && tier && (reported < roundHalfUp(band.min * weight) || reported > roundHalfUp(band.max * weight))) {
        flags.add('qualitative-tier');
        notes.push(zh.qualitativeTier(zh.tiers[tier], reported, band.min * weight, band.max * weight));
      }
    } else if (band) {
      score = weight * band.proposed;
    } else {
      score = keepReported(zh.unknownTier(row.actual ? address(row.actual) : nameCell));
    }
    if (isVagueTarget(targetText)) {
      flags.add('vague-target');
      notes.push(zh.vagueTarget(row.target?.text ?? targetText));
    }
    if (tier === 'partial' || tier === 'failed' || (tier === null && score < policy.qualitativeTiers.achieved.min * weight)) {
      flags.add('unfinished');
      notes.push(zh.unfinishedQualitative(row.actual?.text ?? '', row.target?.text ?? ''));
    }
  } else {
    const outcome = quantitativeOutcome(method, target, actual, policy);
    if (outcome === 'empty') {
      score = keepReported(zh.emptyActual(row.actual ? address(row.actual) : nameCell));
    } else if (outcome === null) {
      score = keepReported(zh.unreadableActual(row.actual ? address(row.actual) : nameCell, row.actual?.text ?? ''));
    } else {
      score = weight * outcome.share;
      ratio = outcome.ratio;
      if (outcome.share < 1) {
        flags.add('unfinished');
        const actualText = row.actual?.text ?? '';
        const targetText = row.target?.text ?? '';
        notes.push(method === 'deadline' ? zh.deadlineMissed(actualText, targetText) : zh.unfinished(actualText, targetText));
      }
      if (ratio !== null && ratio >= policy.weakRatio && (method === 'positive' || method === 'reverse')) {
        flags.add('weak-target');
        notes.push(method === 'reverse' ? zh.weakReverseTarget(ratio) : zh.weakTarget(ratio));
      }
    }
  }
  score = roundHalfUp(score);

  if (reported !== null && !flags.has('unreadable') && !sameToTheCent(reported, score)) {
    flags.add('score-mismatch');
    notes.push(zh.scoreMismatch(reported, score));
  }
  if (flags.has('unfinished') && ctx.hasReasonPlace) {
    const ownReason = row.reason?.text.trim() ?? '';
    if (row.reason ? ownReason === '' : !ctx.reasonGiven) {
      flags.add('missing-reason');
      const where = row.reason
        ? cellAddress(row.reason.row, row.reason.col)
        : cellAddress(ctx.table.narrativeReason?.row ?? row.row, ctx.table.left);
      notes.push(zh.missingReason(where));
    }
  }

  return {
    row: row.row + 1,
    goal: block.goal,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    weight,
    target: row.target?.text ?? '',
    actual: row.actual?.text ?? '',
    method,
    score,
    reportedScore: reported,
    ratio: ratio === null ? null : roundHalfUp(ratio, 2),
    flags: ORDER.filter((f) => flags.has(f)),
    notes,
    breakdown: row.breakdown.map((b) => ({ row: b.row + 1, name: b.name, target: b.target?.text ?? '', actual: b.actual?.text ?? '' })),
    cells: {
      name: { row: row.row, col: row.nameCol },
      target: row.target ? { row: row.target.row, col: row.target.col } : null,
      actual: row.actual ? { row: row.actual.row, col: row.actual.col } : null,
      score: block.columns.score !== undefined ? { row: row.row, col: block.columns.score } : null,
    },
  };
}

const ORDER: IndicatorFlag[] = [
  'unreadable',
  'unfinished',
  'weak-target',
  'vague-target',
  'score-mismatch',
  'qualitative-tier',
  'missing-reason',
];

/** The outcome of a measurable indicator; 'empty' when no actual was given, null when it cannot be read. */
function quantitativeOutcome(
  method: Exclude<Method, 'qualitative'>,
  target: ParsedValue,
  actual: ParsedValue,
  policy: ScoringPolicy,
): Outcome | 'empty' | null {
  if (actual.kind === 'empty') return 'empty';
  if (method === 'deadline') {
    if (target.kind !== 'date') return null;
    const met = actual.kind === 'date' ? deadlineMet(target, actual) : actual.kind === 'text' ? deadlineWords(actual.text) : null;
    if (met === null) return null;
    return { share: met ? 1 : policy.lateDeadlineShare, ratio: null };
  }
  const b = asQuantity(actual);
  if (b === null) return null;
  if (method === 'range') {
    if (target.kind !== 'range') return null;
    const aligned = alignRange(target, b);
    if (aligned.kind === 'mismatch') return null;
    return scoreRange(aligned.low, aligned.high, aligned.actual);
  }
  if (target.kind !== 'number') return null;
  const aligned = alignQuantities(target, b);
  if (aligned.kind === 'mismatch') return null;
  return method === 'reverse' ? scoreReverse(aligned.target, aligned.actual, policy) : scorePositive(aligned.target, aligned.actual);
}

function checkWeights(
  table: DetectedTable,
  indicators: IndicatorResult[],
  budget: BudgetResult | null,
  indicatorWeightCents: number,
  flags: Set<TableFlag>,
  notes: string[],
): void {
  const weightByRow = new Map(indicators.map((i) => [i.row - 1, i.weight]));
  const sumOf = (rows: number[]) => rows.reduce((s, r) => s + toCents(weightByRow.get(r) ?? 0), 0);
  if (indicators.length > 0 && indicators.every((i) => i.weight !== null)) {
    const all = indicatorWeightCents + (budget ? toCents(budget.weight) : 0);
    if (all !== 10000) {
      flags.add('weight-mismatch');
      notes.push(zh.weightsNot100(fromCents(all)));
    }
  }
  for (const block of table.blocks) {
    const stated = block.weight;
    const sum = sumOf(block.rows.map((r) => r.row));
    if (stated !== null && block.rows.length > 0 && toCents(stated) !== sum) {
      flags.add('weight-mismatch');
      notes.push(zh.groupWeightMismatch(block.goal ?? '年度绩效目标', stated, fromCents(sum)));
    }
    for (const group of block.groups) {
      const groupSum = sumOf(group.rows);
      if (toCents(group.weight) !== groupSum) {
        flags.add('weight-mismatch');
        notes.push(zh.groupWeightMismatch(group.label, group.weight, fromCents(groupSum)));
      }
    }
  }
}

const MIN_OWN_INDICATORS = 5;

/** The finance bureau's checklist: at least five 个性指标, and all four dimensions present. */
function checkStructure(indicators: IndicatorResult[], budget: BudgetResult | null, flags: Set<TableFlag>, notes: string[]): void {
  const own = indicators.filter((i) => !/满意/.test(i.level1) && !COMMON_INDICATOR.test(i.name)).length;
  if (own < MIN_OWN_INDICATORS) {
    flags.add('too-few-indicators');
    notes.push(zh.tooFewIndicators(own, MIN_OWN_INDICATORS));
  }
  const covered = (pattern: RegExp) => indicators.some((i) => pattern.test(i.level1) || pattern.test(i.level2));
  const missing = [...(budget ? [] : ['预算执行']), ...DIMENSIONS.filter((d) => !covered(d.pattern)).map((d) => d.name)];
  if (missing.length) {
    flags.add('missing-dimension');
    notes.push(zh.missingDimension(missing));
  }
}

function address(cell: ReadCell): string {
  return cellAddress(cell.row, cell.col);
}
