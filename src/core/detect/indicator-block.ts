import { parseSplitTarget } from "../parse";
import { ReadCell, pointsOf } from "../read-cell";
import { compact, headerKey, splitWeight } from "../text";
import {
  BREAKDOWN_NAME,
  GOAL_LABEL,
  GROUP_CAPTION,
  LEVEL1_CAPTION,
  LEVEL_CAPTION,
  NARRATIVE_LABEL,
  PLACEHOLDER,
  ORDINAL_PREFIX,
  TITLE_WORDS,
  TOTAL_LABELS,
} from "../vocabulary/headers";
import { IndicatorHeader, budgetHeaderAt, indicatorHeaderAt } from "./headers";
import { SheetRows } from "./sheet-rows";
import { nextNonEmpty } from "./total-row";
import {
  BreakdownRow,
  Goal,
  IndicatorBlock,
  IndicatorColumns,
  IndicatorRow,
  LevelGroup,
  TextCell,
} from "./types";

/** A label's words without its ordinal or the spaces printed forms put between characters (`一、产 出 指 标`). */
function levelName(label: string): string {
  return splitWeight(label).label.replace(/\s+/g, "").replace(ORDINAL_PREFIX, "");
}

/**
 * A row holding only a 一级/二级 label: which level it names, or null. In the name column it
 * must look like a caption (an ordinal, or merged across the values), so that an indicator
 * left without values (`群众满意度（5分）`) is still an indicator.
 */
function captionLevel(
  rows: SheetRows,
  row: number,
  columns: IndicatorColumns,
  nameCol: number
): 1 | 2 | null {
  const own = rows.ownTexts(row);
  if (own.length !== 1) return null;
  const { col, text } = own[0];
  const name = levelName(text);
  if (!LEVEL_CAPTION.test(name)) return null;
  const valueCol = columns.target ?? columns.adjustedTarget ?? columns.actual;
  const across = valueCol !== undefined && valueCol !== col && rows.text(row, valueCol) === text;
  const looksLikeCaption = across || ORDINAL_PREFIX.test(compact(text)) || name.endsWith("指标");
  if (col >= nameCol && !looksLikeCaption) return null;
  return LEVEL1_CAPTION.test(name) ? 1 : 2;
}

/** Whether a row ends the indicator block: a total, a narrative, goal or title label, or the next header. */
function endsBlock(
  rows: SheetRows,
  row: number,
  nameCol: number,
  valueCols: (number | undefined)[]
): boolean {
  if (rows.hasLabel(row, TOTAL_LABELS.strong)) return true;
  if (rows.hasLabel(row, TOTAL_LABELS.weak)) {
    // A 合计 between groups of the block (more indicator rows follow) is a group subtotal.
    const next = nextNonEmpty(rows, row);
    return (
      next === null ||
      endsBlock(rows, next, nameCol, valueCols) ||
      !hasValues(rows, next, valueCols)
    );
  }
  if (rows.hasLabel(row, TITLE_WORDS, nameCol)) return true;
  if (rows.hasLabel(row, NARRATIVE_LABEL, nameCol)) return true;
  // A goal label on a row of its own starts the next block; beside values it labels the rows (a 年度目标 column).
  if (rows.hasLabel(row, GOAL_LABEL, nameCol) && !hasOwnValues(rows, row, valueCols)) return true;
  return indicatorHeaderAt(rows, row) !== null || budgetHeaderAt(rows, row) !== null;
}

/** Reads the indicator rows under a header, up to the block's end. */
export function readIndicatorBlock(
  rows: SheetRows,
  headerRow: number,
  header: IndicatorHeader,
  goal: Goal | null
): IndicatorBlock {
  const { columns } = header;
  const nameCol = columns.name as number;
  const indicators: IndicatorRow[] = [];
  let lastRow = header.lastRow;
  let level1 = "";
  let level2 = "";
  // Goals written in a 年度目标 column beside the rows, with the weights they state.
  let rowGoal: Goal | null = null;
  const goalGroups = new Map<string, LevelGroup>();
  const labelCols = new Set(
    [columns.level1, columns.level2, nameCol].filter((c) => c !== undefined)
  );
  const valueCols = [
    columns.target,
    columns.adjustedTarget,
    columns.actual,
    columns.weight,
    columns.score,
  ];
  for (let r = header.lastRow + 1; r <= rows.bottom; r++) {
    if (rows.rowIsEmpty(r)) continue;
    if (endsBlock(rows, r, nameCol, valueCols)) break;
    const own = rows.firstOwnText(r);
    if (
      own &&
      (GROUP_CAPTION.test(headerKey(own.text)) || TOTAL_LABELS.weak.test(headerKey(own.text)))
    ) {
      lastRow = r;
      continue;
    }
    const goalCell = rows
      .ownTexts(r)
      .find((own) => own.col < nameCol && GOAL_LABEL.test(headerKey(own.text)));
    if (goalCell) {
      const found = goalOf(goalCell.text);
      rowGoal = { text: found.text ?? splitWeight(goalCell.text).label, weight: found.weight };
    }
    const caption = captionLevel(rows, r, columns, nameCol);
    if (caption !== null) {
      const label = rows.ownTexts(r)[0].text;
      if (caption === 1) [level1, level2] = [label, ""];
      else level2 = label;
      lastRow = r;
      continue;
    }
    // 一级/二级 cells may be merged, repeated, or written once and left blank below.
    const l1 = columns.level1 !== undefined ? rows.text(r, columns.level1) : "";
    const l2 = columns.level2 !== undefined ? rows.text(r, columns.level2) : "";
    if (l1 !== "" && l1 !== level1) level2 = "";
    if (l1 !== "") level1 = l1;
    if (l2 !== "") level2 = l2;
    const name = rows.text(r, nameCol);
    // A name of its own makes an indicator even with every value left empty (it is then unreadable).
    const ownName = name !== "" && !rows.isMergedFromAbove(r, nameCol);
    if (!hasValues(rows, r, valueCols) && splitWeight(name).weight === null && !ownName) {
      // A row with labels only (a 一级 caption on its own row) keeps the block going;
      // text anywhere else (a contact block, a note) ends it.
      if (rows.onlyIn(r, labelCols)) {
        lastRow = r;
        continue;
      }
      break;
    }
    if (isPlaceholderRow(rows, r, columns, nameCol)) {
      lastRow = r;
      continue;
    }
    const previous = indicators[indicators.length - 1];
    const sameGroup =
      previous && levelName(level1) === previous.level1 && levelName(level2) === previous.level2;
    if (previous && sameGroup && isBreakdown(rows, r, columns, nameCol, previous)) {
      previous.breakdown.push(readBreakdown(rows, r, columns, nameCol));
    } else {
      indicators.push({
        ...readIndicator(rows, r, columns, nameCol, level1, level2),
        goal: rowGoal?.text ?? null,
      });
      if (rowGoal?.weight != null)
        goalGroups.set(rowGoal.text, {
          level: 1,
          label: rowGoal.text,
          weight: rowGoal.weight,
          rows: [...(goalGroups.get(rowGoal.text)?.rows ?? []), r],
        });
    }
    lastRow = r;
  }
  return {
    goal: goal?.text ?? null,
    weight: goal?.weight ?? header.labelWeight,
    headerRow,
    columns,
    rows: indicators,
    groups: [...goalGroups.values(), ...levelGroups(indicators)],
    lastRow,
  };
}

/** A cell with something in it other than a placeholder (`/`, `—`, `无` for "not adjusted"). */
function hasContent(rows: SheetRows, row: number, col: number): boolean {
  const text = compact(rows.text(row, col));
  return text !== "" && !PLACEHOLDER.test(text);
}

/** An empty category filled with placeholders (`无 | 无 | 无`, `/ | / | /`): no indicator, no finding. */
function isPlaceholderRow(
  rows: SheetRows,
  row: number,
  columns: IndicatorColumns,
  nameCol: number
): boolean {
  const name = compact(splitWeight(rows.text(row, nameCol)).label);
  if (name !== "" && !PLACEHOLDER.test(name)) return false;
  // Without even a placeholder name, the row must hold no points either.
  const cols =
    name === ""
      ? [columns.target, columns.adjustedTarget, columns.actual, columns.weight, columns.score]
      : [columns.target, columns.adjustedTarget, columns.actual];
  return cols.every((c) => c === undefined || !hasContent(rows, row, c));
}

/** Values in cells of their own: a goal's text merged across the row is not a value. */
function hasOwnValues(rows: SheetRows, row: number, valueCols: (number | undefined)[]): boolean {
  return valueCols.some(
    (c) => c !== undefined && !rows.isEmpty(row, c) && !rows.view.isMergedAway(row, c)
  );
}

function hasValues(rows: SheetRows, row: number, valueCols: (number | undefined)[]): boolean {
  return valueCols.some((c) => c !== undefined && !rows.isEmpty(row, c));
}

/** `目标1：完成某项任务（20分）`: the goal's words after the colon (null without them) and its weight. */
export function goalOf(label: string): { text: string | null; weight: number | null } {
  const { label: text, weight } = splitWeight(label);
  const match = /[:：]\s*(.+)$/.exec(text);
  return { text: match ? match[1].trim() : null, weight };
}

/**
 * A row that breaks the indicator above it down: `其中：…`, or a row whose 分值 is `/`, or
 * empty with no score, under a weighted row. It has no points of its own.
 */
function isBreakdown(
  rows: SheetRows,
  r: number,
  columns: IndicatorColumns,
  nameCol: number,
  previous: IndicatorRow
): boolean {
  const { label, weight: labelWeight } = splitWeight(rows.text(r, nameCol));
  if (BREAKDOWN_NAME.test(compact(label))) return true;
  if (columns.weight === undefined || labelWeight !== null) return false;
  const weightText = compact(rows.text(r, columns.weight));
  if (PLACEHOLDER.test(weightText)) return true;
  const scoreText = columns.score !== undefined ? compact(rows.text(r, columns.score)) : "";
  return (
    weightText === "" &&
    (scoreText === "" || PLACEHOLDER.test(scoreText)) &&
    previous.weight !== null
  );
}

function readBreakdown(
  rows: SheetRows,
  r: number,
  columns: IndicatorColumns,
  nameCol: number
): BreakdownRow {
  const targetCol =
    columns.adjustedTarget !== undefined && hasContent(rows, r, columns.adjustedTarget)
      ? columns.adjustedTarget
      : columns.target;
  return {
    row: r,
    name: splitWeight(rows.text(r, nameCol)).label,
    target: targetCol !== undefined ? rows.read(r, targetCol) : null,
    actual: columns.actual !== undefined ? rows.read(r, columns.actual) : null,
  };
}

function readIndicator(
  rows: SheetRows,
  r: number,
  columns: IndicatorColumns,
  nameCol: number,
  level1: string,
  level2: string
): IndicatorRow {
  const rawName = rows.text(r, nameCol);
  const { label: name, weight: labelWeight } = splitWeight(rawName);
  let weight: number | null = null;
  let weightCell: TextCell | null = null;
  if (columns.weight !== undefined && !rows.isEmpty(r, columns.weight)) {
    const cell = rows.read(r, columns.weight);
    weight = pointsOf(cell);
    weightCell = { row: r, col: columns.weight, text: cell.text };
  } else if (labelWeight !== null) {
    weight = labelWeight;
    weightCell = { row: r, col: nameCol, text: rawName };
  }
  const adjusted =
    columns.adjustedTarget !== undefined && hasContent(rows, r, columns.adjustedTarget);
  const targetCol = adjusted ? columns.adjustedTarget : (columns.target ?? columns.adjustedTarget);
  const unit = columns.unit !== undefined ? rows.text(r, columns.unit) : "";
  const direction = columns.direction !== undefined ? rows.text(r, columns.direction) : "";
  return {
    row: r,
    level1: levelName(level1),
    level2: levelName(level2),
    level1Label: level1,
    level2Label: level2,
    name,
    weight,
    weightCell,
    target: targetCol !== undefined ? readTarget(rows.read(r, targetCol), direction, unit) : null,
    // A bare actual stays bare: it is read in the target's unit (from 度量单位) when scored.
    actual: columns.actual !== undefined ? rows.read(r, columns.actual) : null,
    reported: columns.score !== undefined ? rows.read(r, columns.score) : null,
    reason:
      columns.reason !== undefined
        ? { row: r, col: columns.reason, text: rows.text(r, columns.reason) }
        : null,
    nameCol,
    unitColumn: unit,
    breakdown: [],
  };
}

/** The target; where the table splits it over 指标性质 | 指标值 | 度量单位, joined again. */
function readTarget(cell: ReadCell, direction: string, unit: string): ReadCell {
  const joined = parseSplitTarget(cell.text, direction, unit);
  return joined ? { ...cell, ...joined } : cell;
}

function levelGroups(rows: IndicatorRow[]): LevelGroup[] {
  const groups: LevelGroup[] = [];
  const byKey = new Map<string, LevelGroup>();
  for (const row of rows) {
    for (const level of [1, 2] as const) {
      const { weight } = splitWeight(level === 1 ? row.level1Label : row.level2Label);
      if (weight === null) continue;
      const label = level === 1 ? row.level1 : row.level2;
      const key = level === 1 ? `1|${label}|${weight}` : `2|${row.level1}|${label}|${weight}`;
      let group = byKey.get(key);
      if (!group) {
        group = { level, label, weight, rows: [] };
        byKey.set(key, group);
        groups.push(group);
      }
      group.rows.push(row.row);
    }
  }
  return groups;
}
