import { GridView, SheetGrid } from './grid';
import {
  BudgetRole,
  IndicatorRole,
  budgetRole,
  indicatorRole,
  isBudgetLabel,
  isGoalLabel,
  isNarrativeLabel,
  isTotalLabel,
} from './headers';
import { ParsedValue, parseCell, parseText } from './parse';
import { compact, headerKey, splitWeight } from './text';

export type TableKind = 'project' | 'department';

/** A cell as read: where it is, what it shows, what it parses to. */
export type ReadCell = { row: number; col: number; text: string; parsed: ParsedValue };

export type IndicatorRow = {
  row: number;
  level1: string;
  level2: string;
  /** The 一级/二级 labels as written, with their `（N分）` subtotals. */
  level1Label: string;
  level2Label: string;
  name: string;
  weight: number | null;
  /** Where the weight came from, for messages. */
  weightCell: { row: number; col: number; text: string } | null;
  target: ReadCell | null;
  actual: ReadCell | null;
  reported: ReadCell | null;
  /** The row's deviation reason cell, where the table has a column for one. */
  reason: { row: number; col: number; text: string } | null;
  nameCol: number;
};

/** A 一级 or 二级 label with the subtotal it states (`产出指标（40分）`). */
export type LevelGroup = { level: 1 | 2; label: string; weight: number; rows: number[] };

export type IndicatorBlock = {
  /** The 年度目标 text of a department table's block, or null. */
  goal: string | null;
  /** The weight the block states: `年度目标 1：（23分）` or `年度绩效目标（80分）`. */
  weight: number | null;
  headerRow: number;
  columns: Partial<Record<IndicatorRole, number>>;
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
  firstRow: number;
  lastRow: number;
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
  total: { row: number; reported: ReadCell | null } | null;
  /** The narrative 偏差原因 row, where the table has one instead of a reason column. */
  narrativeReason: { row: number; text: string } | null;
};

type Header<R extends string> = { columns: Partial<Record<R, number>>; lastRow: number; labelWeight: number | null };

const GROUP_CAPTION = /^\s*(小计|合计)/;

/** Finds every self-evaluation table in a sheet, wherever it starts. */
export function detectTables(grid: SheetGrid): DetectedTable[] {
  return new SheetScanner(new GridView(grid)).scan();
}

class SheetScanner {
  private readonly tables: DetectedTable[] = [];
  private current: DetectedTable | null = null;
  private closed = false;
  private lastEnd: number;
  private pendingGoal: { text: string; weight: number | null } | null = null;

  constructor(private readonly view: GridView) {
    this.lastEnd = view.top - 1;
  }

  scan(): DetectedTable[] {
    const v = this.view;
    let r = v.top;
    while (r <= v.bottom) {
      if (v.rowIsEmpty(r)) {
        r++;
        continue;
      }
      const header = this.indicatorHeader(r);
      if (header) {
        if (!this.current || this.closed) this.open(r);
        const block = this.readBlock(r, header);
        this.table().blocks.push(block);
        this.table().bottom = Math.max(this.table().bottom, block.lastRow);
        r = block.lastRow + 1;
        continue;
      }
      const budgetHeader = this.budgetHeader(r);
      if (budgetHeader) {
        if (!this.current || this.closed || this.current.blocks.length > 0 || this.current.budget) this.open(r);
        const budget = this.readBudget(r, budgetHeader);
        this.table().budget = budget;
        this.table().bottom = Math.max(this.table().bottom, budget.lastRow);
        r = budget.lastRow + 1;
        continue;
      }
      const own = this.firstOwnText(r);
      if (own && isGoalLabel(own.text)) {
        if (this.closed) this.open(r);
        const { weight } = splitWeight(own.text);
        this.pendingGoal = { text: this.nextText(r, own.col) ?? own.text, weight };
        r++;
        continue;
      }
      if (this.current && !this.closed && this.current.blocks.length > 0 && own) {
        if (isTotalLabel(own.text)) {
          this.current.total = { row: r, reported: this.totalCell(r) };
          this.current.bottom = r;
          this.closed = true;
          r = this.readNarratives(r + 1);
          this.lastEnd = this.current.bottom;
          continue;
        }
        if (isNarrativeLabel(own.text)) {
          r = this.readNarratives(r);
          this.closed = true;
          this.lastEnd = this.current.bottom;
          continue;
        }
        // A table without a total row ends where the next table's title or name rows begin.
        this.closed = true;
        this.lastEnd = this.current.bottom;
      }
      r++;
    }
    return this.tables.map((t) => this.finish(t));
  }

  private table(): DetectedTable {
    if (!this.current) throw new Error('no open table');
    return this.current;
  }

  private open(row: number): void {
    if (this.current) this.lastEnd = Math.max(this.lastEnd, this.current.bottom);
    let top = this.lastEnd + 1;
    while (top < row && this.view.rowIsEmpty(top)) top++;
    this.current = {
      sheet: this.view.name,
      kind: 'project',
      title: null,
      projectName: null,
      unitName: null,
      top,
      left: this.view.left,
      bottom: row,
      right: this.view.right,
      budget: null,
      blocks: [],
      total: null,
      narrativeReason: null,
    };
    this.closed = false;
    this.tables.push(this.current);
  }

  /** First non-empty cell of a row that is not the continuation of a merge from a row above. */
  private firstOwnText(row: number): { col: number; text: string } | null {
    const v = this.view;
    for (let c = v.left; c <= v.right; c++) {
      const text = v.text(row, c);
      if (text === '') continue;
      if (v.isMergedAway(row, c) && row > v.top && v.text(row - 1, c) === text) continue;
      return { col: c, text };
    }
    return null;
  }

  /** The first non-empty text right of a column that differs from the label itself. */
  private nextText(row: number, col: number): string | null {
    const label = this.view.text(row, col);
    for (let c = col + 1; c <= this.view.right; c++) {
      const text = this.view.text(row, c);
      if (text !== '' && text !== label) return text;
    }
    return null;
  }

  private rolesOf<R extends string>(row: number, roleOf: (text: string) => R | null): Partial<Record<R, number>> {
    const v = this.view;
    const columns: Partial<Record<R, number>> = {};
    for (let c = v.left; c <= v.right; c++) {
      const role = roleOf(v.text(row, c));
      if (role !== null && columns[role] === undefined) columns[role] = c;
    }
    return columns;
  }

  private indicatorHeader(row: number): Header<IndicatorRole> | null {
    const columns = this.rolesOf(row, indicatorRole);
    const hasTarget = columns.target !== undefined || columns.adjustedTarget !== undefined;
    const hasLabel = columns.name !== undefined || columns.level1 !== undefined || columns.level2 !== undefined;
    if (!hasTarget || columns.actual === undefined || !hasLabel) return null;
    let lastRow = row;
    // Two-row headers: 年度指标值 over 指标性质 | 指标值 | 度量单位.
    const below = row + 1;
    if (below <= this.view.bottom && this.isHeaderContinuation(row, below)) {
      const lower = this.rolesOf(below, indicatorRole);
      for (const [role, col] of Object.entries(lower) as [IndicatorRole, number][]) {
        for (const [r, c] of Object.entries(columns) as [IndicatorRole, number][]) if (c === col) delete columns[r];
        columns[role] = col;
      }
      lastRow = below;
    }
    if (columns.name === undefined) columns.name = this.guessNameColumn(columns);
    return { columns, lastRow, labelWeight: this.blockLabelWeight(row, columns) };
  }

  /** A lower header row: every cell is empty, a header name, or the merged cell above. */
  private isHeaderContinuation(row: number, below: number): boolean {
    const v = this.view;
    let names = 0;
    for (let c = v.left; c <= v.right; c++) {
      const text = v.text(below, c);
      if (text === '') continue;
      if (indicatorRole(text) !== null && !(v.isMergedAway(below, c) && v.text(row, c) === text)) names++;
      else if (!(v.isMergedAway(below, c) && v.text(row, c) === text)) return false;
    }
    return names >= 2;
  }

  /** Without a 三级指标 header, the name is the column just left of the target. */
  private guessNameColumn(columns: Partial<Record<IndicatorRole, number>>): number {
    const used = new Set(Object.values(columns));
    const target = columns.direction ?? columns.target ?? columns.adjustedTarget ?? this.view.left;
    for (let c = target - 1; c >= this.view.left; c--) if (!used.has(c)) return c;
    return columns.level2 ?? columns.level1 ?? target;
  }

  /** `年度绩效目标（80分）` left of the header names states the block's weight. */
  private blockLabelWeight(row: number, columns: Partial<Record<string, number>>): number | null {
    const first = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined));
    for (let c = this.view.left; c < first; c++) {
      const weight = splitWeight(this.view.text(row, c)).weight;
      if (weight !== null) return weight;
    }
    return null;
  }

  private budgetHeader(row: number): Header<BudgetRole> | null {
    const columns = this.rolesOf(row, budgetRole);
    if (columns.executed === undefined || (columns.planned === undefined && columns.initialBudget === undefined)) {
      return null;
    }
    if (columns.planned === undefined) columns.planned = columns.initialBudget;
    return { columns, lastRow: row, labelWeight: null };
  }

  private readBudget(headerRow: number, header: Header<BudgetRole>): BudgetBlock {
    const v = this.view;
    const { columns } = header;
    const planned = columns.planned as number;
    type Candidate = { row: number; label: string; total: boolean };
    const candidates: Candidate[] = [];
    let lastRow = headerRow;
    for (let r = headerRow + 1; r <= Math.min(v.bottom, headerRow + 8); r++) {
      if (v.rowIsEmpty(r) || this.indicatorHeader(r)) break;
      const own = this.firstOwnText(r);
      if (own && (isGoalLabel(own.text) || isTotalLabel(own.text))) break;
      const label = this.labelLeftOf(r, planned);
      const hasNumbers = this.numberAt(r, planned) !== null || this.numberAt(r, columns.executed) !== null;
      const budgetRowLabel = /总额|合计|总计|其中|财政拨款|结转|其他资金|资金/.test(label);
      if (!hasNumbers && !budgetRowLabel) break;
      candidates.push({ row: r, label, total: /总额|合计|总计/.test(label) });
      lastRow = r;
    }
    const chosen =
      candidates.find((c) => c.total) ?? candidates.find((c) => this.numberAt(c.row, planned) !== null) ?? candidates[0];
    const row = chosen?.row ?? headerRow;
    const weightCell = columns.weight !== undefined ? this.numberAt(row, columns.weight) : null;
    return {
      row,
      columns: Object.values(columns).filter((c): c is number => c !== undefined),
      label: chosen?.label ?? '',
      weight: weightCell ?? this.statedBudgetWeight(headerRow, lastRow, columns.score),
      planned: chosen ? this.read(row, planned) : null,
      executed: chosen && columns.executed !== undefined ? this.read(row, columns.executed) : null,
      reported: chosen && columns.score !== undefined ? this.read(row, columns.score) : null,
      firstRow: headerRow,
      lastRow,
    };
  }

  /** The weight the block states: `预算执行情况（万元）（20分）`, else `得分（20分*执行率）`. */
  private statedBudgetWeight(first: number, last: number, scoreCol: number | undefined): number | null {
    for (let r = first; r <= last; r++) {
      for (let c = this.view.left; c <= this.view.right; c++) {
        const text = this.view.text(r, c);
        const weight = isBudgetLabel(text) ? splitWeight(text).weight : null;
        if (weight !== null) return weight;
      }
    }
    return scoreCol === undefined ? null : scoreHeaderWeight(this.view.text(first, scoreCol));
  }

  /** The rightmost text left of a column, skipping a block label merged down from above. */
  private labelLeftOf(row: number, col: number): string {
    for (let c = col - 1; c >= this.view.left; c--) {
      const text = this.view.text(row, c);
      if (text === '' || isBudgetLabel(text) || this.read(row, c).parsed.kind === 'number') continue;
      return text;
    }
    return '';
  }

  private read(row: number, col: number): ReadCell {
    const v = this.view;
    return { row, col, text: v.text(row, col), parsed: parseCell(v.value(row, col), v.numberFormat(row, col)) };
  }

  private numberAt(row: number, col: number | undefined): number | null {
    if (col === undefined) return null;
    return numberOf(this.read(row, col));
  }

  private readBlock(headerRow: number, header: Header<IndicatorRole>): IndicatorBlock {
    const v = this.view;
    const { columns } = header;
    const nameCol = columns.name as number;
    const goal = this.pendingGoal;
    this.pendingGoal = null;
    const rows: IndicatorRow[] = [];
    let lastRow = header.lastRow;
    let level1 = '';
    let level2 = '';
    const labelCols = new Set([columns.level1, columns.level2, nameCol].filter((c) => c !== undefined));
    for (let r = header.lastRow + 1; r <= v.bottom; r++) {
      if (v.rowIsEmpty(r)) continue;
      const own = this.firstOwnText(r);
      if (own && own.col < nameCol && (isTotalLabel(own.text) || isNarrativeLabel(own.text) || isGoalLabel(own.text))) {
        break;
      }
      if (this.indicatorHeader(r) || this.budgetHeader(r)) break;
      if (own && GROUP_CAPTION.test(own.text)) {
        lastRow = r;
        continue;
      }
      // 一级/二级 cells may be merged, repeated, or written once and left blank below.
      const l1 = columns.level1 !== undefined ? v.text(r, columns.level1) : '';
      const l2 = columns.level2 !== undefined ? v.text(r, columns.level2) : '';
      if (l1 !== '' && l1 !== level1) level2 = '';
      if (l1 !== '') level1 = l1;
      if (l2 !== '') level2 = l2;
      const valueCols = [columns.target, columns.adjustedTarget, columns.actual, columns.weight, columns.score];
      const hasValues = valueCols.some((c) => c !== undefined && !v.isEmpty(r, c));
      const name = v.text(r, nameCol);
      if (!hasValues && splitWeight(name).weight === null) {
        // A row with labels only (a 一级 caption on its own row) keeps the block going;
        // text anywhere else (a contact block, a note) ends it.
        if (this.onlyIn(r, labelCols)) {
          lastRow = r;
          continue;
        }
        break;
      }
      rows.push(this.readIndicator(r, columns, nameCol, level1, level2));
      lastRow = r;
    }
    return {
      goal: goal?.text ?? null,
      weight: goal?.weight ?? header.labelWeight,
      headerRow,
      columns,
      rows,
      groups: levelGroups(rows),
      lastRow,
    };
  }

  private onlyIn(row: number, cols: Set<number | undefined>): boolean {
    const v = this.view;
    for (let c = v.left; c <= v.right; c++) {
      if (cols.has(c) || v.isEmpty(row, c)) continue;
      if (v.isMergedAway(row, c) && row > v.top && v.text(row - 1, c) === v.text(row, c)) continue;
      return false;
    }
    return true;
  }

  private readIndicator(
    r: number,
    columns: Partial<Record<IndicatorRole, number>>,
    nameCol: number,
    level1: string,
    level2: string,
  ): IndicatorRow {
    const v = this.view;
    const rawName = v.text(r, nameCol);
    const { label: name, weight: labelWeight } = splitWeight(rawName);
    let weight: number | null = null;
    let weightCell: IndicatorRow['weightCell'] = null;
    if (columns.weight !== undefined && !v.isEmpty(r, columns.weight)) {
      const cell = this.read(r, columns.weight);
      weight = numberOf(cell);
      weightCell = { row: r, col: columns.weight, text: cell.text };
    } else if (labelWeight !== null) {
      weight = labelWeight;
      weightCell = { row: r, col: nameCol, text: rawName };
    }
    const adjusted = columns.adjustedTarget !== undefined && !v.isEmpty(r, columns.adjustedTarget);
    const targetCol = adjusted ? columns.adjustedTarget : columns.target ?? columns.adjustedTarget;
    const unit = columns.unit !== undefined ? v.text(r, columns.unit) : '';
    const direction = columns.direction !== undefined ? v.text(r, columns.direction) : '';
    return {
      row: r,
      level1: splitWeight(level1).label,
      level2: splitWeight(level2).label,
      level1Label: level1,
      level2Label: level2,
      name,
      weight,
      weightCell,
      target: targetCol !== undefined ? this.readTarget(r, targetCol, direction, unit) : null,
      actual: columns.actual !== undefined ? this.readActual(r, columns.actual, unit) : null,
      reported: columns.score !== undefined ? this.read(r, columns.score) : null,
      reason: columns.reason !== undefined ? { row: r, col: columns.reason, text: v.text(r, columns.reason) } : null,
      nameCol,
    };
  }

  /** The target, joined from 指标性质 | 指标值 | 度量单位 where the table splits it. */
  private readTarget(r: number, col: number, direction: string, unit: string): ReadCell {
    const cell = this.read(r, col);
    if (direction === '' && unit === '') return cell;
    const sign = directionSign(direction);
    if (sign === null) return { ...cell, parsed: { kind: 'text', text: compact(cell.text) } };
    const text = `${sign}${cell.text}${unitSuffix(cell.text, unit)}`;
    return { ...cell, text, parsed: parseText(text) };
  }

  /** The actual; a bare number is in the 度量单位 of the row. */
  private readActual(r: number, col: number, unit: string): ReadCell {
    const cell = this.read(r, col);
    if (unit === '' || cell.parsed.kind !== 'number' || cell.parsed.unit !== '') return cell;
    const text = `${cell.text}${unit}`;
    return { ...cell, text, parsed: parseText(text) };
  }

  private totalCell(row: number): ReadCell | null {
    const table = this.table();
    const lastBlock = table.blocks[table.blocks.length - 1];
    const scoreCol = lastBlock?.columns.score;
    if (scoreCol !== undefined) {
      const cell = this.read(row, scoreCol);
      if (numberOf(cell) !== null) return cell;
    }
    for (let c = this.view.right; c >= this.view.left; c--) {
      const cell = this.read(row, c);
      if (numberOf(cell) !== null && c !== lastBlock?.columns.weight) return cell;
    }
    return null;
  }

  private readNarratives(from: number): number {
    const table = this.table();
    let r = from;
    while (r <= this.view.bottom) {
      const own = this.firstOwnText(r);
      if (!own || !isNarrativeLabel(own.text)) break;
      if (/原因/.test(own.text) && !table.narrativeReason) {
        const text = this.nextText(r, own.col) ?? '';
        table.narrativeReason = { row: r, text };
      }
      table.bottom = r;
      r++;
    }
    return r;
  }

  private finish(table: DetectedTable): DetectedTable {
    const v = this.view;
    const firstStructure = Math.min(
      table.budget?.firstRow ?? Infinity,
      ...table.blocks.map((b) => b.headerRow),
    );
    for (let r = table.top; r < firstStructure; r++) {
      for (let c = v.left; c <= v.right; c++) {
        const text = v.text(r, c);
        if (text === '') continue;
        const key = headerKey(text);
        if (table.title === null && /自评表|绩效自评|评价表/.test(text)) table.title = text;
        if (table.projectName === null && /^项目名称/.test(key)) table.projectName = valueOf(text) ?? this.nextText(r, c);
        if (table.unitName === null && /^(单位名称|预算单位|部门名称|填报单位|主管部门)/.test(key)) {
          table.unitName = valueOf(text) ?? this.nextText(r, c);
        }
        break;
      }
    }
    const goals = table.blocks.some((b) => b.goal !== null);
    const departmentWords = /部门整体|整体支出/;
    if (goals || departmentWords.test(table.title ?? '') || departmentWords.test(table.budget?.label ?? '')) {
      table.kind = 'department';
    }
    // The right edge is the last column the table's headers name, so that a remark column
    // someone added beside it (or the tool's own output) does not widen the table.
    const roleColumns = [
      ...table.blocks.flatMap((b) => Object.values(b.columns)),
      ...(table.budget ? table.budget.columns : []),
    ].filter((c): c is number => c !== undefined);
    const right = Math.max(...roleColumns);
    let left = Math.min(...roleColumns);
    for (let r = table.top; r <= table.bottom; r++) {
      for (let c = v.left; c < left; c++) {
        if (!v.isEmpty(r, c)) left = c;
      }
    }
    return { ...table, left, right };
  }
}

/** `单位名称：武汉市…` holds its value after the colon. */
function valueOf(text: string): string | null {
  const match = /[:：]\s*(.+)$/.exec(text);
  return match ? match[1].trim() : null;
}

/** `得分（20分*执行率）` states the budget weight. */
function scoreHeaderWeight(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*分/.exec(compact(text));
  return match ? Number(match[1]) : null;
}

function directionSign(direction: string): string | null {
  const d = compact(direction);
  if (d === '' || d === '=' || d === '正向' || d === '≥' || d === '>') return d === '正向' ? '≥' : d;
  if (d === '≤' || d === '<' || d === '反向') return d === '反向' ? '≤' : d;
  return null;
}

/** Appends the 度量单位 unless the value already ends with it. */
function unitSuffix(value: string, unit: string): string {
  return unit === '' || compact(value).endsWith(compact(unit)) ? '' : unit;
}

/** A number from a cell: a numeric value, or text such as `95.79分` or `8,146.59`. */
export function numberOf(cell: ReadCell | null): number | null {
  if (!cell) return null;
  if (cell.parsed.kind === 'number') return cell.parsed.unit === '%' || cell.parsed.unit === '‰' ? null : cell.parsed.value;
  return null;
}

function levelGroups(rows: IndicatorRow[]): LevelGroup[] {
  const groups: LevelGroup[] = [];
  const byKey = new Map<string, LevelGroup>();
  for (const row of rows) {
    for (const level of [1, 2] as const) {
      const { label, weight } = splitWeight(level === 1 ? row.level1Label : row.level2Label);
      if (weight === null) continue;
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
