import { headerKey } from './text';

/** What a column of an indicator block holds. */
export type IndicatorRole =
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'adjustedTarget'
  | 'actual'
  | 'weight'
  | 'score'
  | 'direction'
  | 'unit'
  | 'reason';

/** What a column of a budget execution block holds. */
export type BudgetRole = 'planned' | 'initialBudget' | 'executed' | 'rate' | 'weight' | 'score';

type Rule<R> = [R, RegExp];

/** Checked in order; the first match wins, so the more specific names come first. */
const INDICATOR_RULES: Rule<IndicatorRole>[] = [
  ['reason', /原因|改进措施|偏差/],
  ['adjustedTarget', /^调整(后)?(的)?(指标值|目标值)$/],
  ['actual', /^(实际完成值|实际完成|实际值|完成值|全年实际值|全年完成值|全年实际完成值|实际完成数|年度完成值|完成情况)$/],
  ['target', /^(年初目标值|年度指标值|年度目标值|目标值|指标值|预期值|全年目标值|年初指标值|预期目标值|年度指标目标值|全年指标值)$/],
  ['weight', /^(分值|权重|指标权重|权重分|标准分值|指标分值)$/],
  ['score', /^(得分|自评得分|指标得分|评分|自评分)$/],
  ['direction', /^(指标性质|指标方向|性质)$/],
  ['unit', /^(度量单位|计量单位)$/],
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['name', /^(三级指标|指标名称|三级指标名称|绩效指标名称|指标内容)$/],
];

const BUDGET_RULES: Rule<BudgetRole>[] = [
  ['initialBudget', /^年初预算(数|金额)?$/],
  ['planned', /^(预算数|全年预算数|全年预算|预算金额|调整后预算数|预算资金)$/],
  ['executed', /^(执行数|全年执行数|实际执行数|执行金额|实际支出数|支出数)$/],
  ['rate', /^(执行率|预算执行率)$/],
  ['weight', /^(分值|权重)$/],
  ['score', /^(得分|自评得分)$/],
];

/** Every header name holds one of these characters; data cells mostly hold none, and skip the rules. */
const HEADER_CHARS = /[指目值分得权性单原偏改完实调预执率数]/;

/** Detection asks about the same texts again and again (every row is checked for a header). */
const CACHE_LIMIT = 50_000;
const caches = new Map<Rule<unknown>[], Map<string, unknown>>();

function match<R>(rules: Rule<R>[], text: string): R | null {
  if (text === '' || text.length > 40 || !HEADER_CHARS.test(text)) return null;
  let cache = caches.get(rules) as Map<string, R | null> | undefined;
  if (!cache) caches.set(rules, (cache = new Map()));
  const known = cache.get(text);
  if (known !== undefined) return known;
  const key = headerKey(text);
  let found: R | null = null;
  if (key !== '' && key.length <= 14) found = rules.find(([, pattern]) => pattern.test(key))?.[0] ?? null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, found);
  return found;
}

export function indicatorRole(text: string): IndicatorRole | null {
  return match(INDICATOR_RULES, text);
}

export function budgetRole(text: string): BudgetRole | null {
  return match(BUDGET_RULES, text);
}

/** Labels of the row that closes a table with its total. */
export function isTotalLabel(text: string): boolean {
  return /^(总分|合计|总计|自评总分|综合得分|总得分|得分合计|自评得分合计|评价总分|自评总得分)$/.test(headerKey(text));
}

/** Narrative rows after the total: text, not indicators. */
export function isNarrativeLabel(text: string): boolean {
  return /原因|改进措施|结果应用|整改|存在的问题|说明/.test(headerKey(text));
}

/** A 年度目标 N block title in a whole-department table. */
export function isGoalLabel(text: string): boolean {
  return /^(年度目标|目标)[0-9一二三四五六七八九十]+$/.test(headerKey(text));
}

/** The budget execution block's label (预算执行情况（万元）（20分）, 项目资金（万元）). */
export function isBudgetLabel(text: string): boolean {
  return /^(预算执行情况|项目资金|资金情况|预算执行|部门预算执行情况|项目资金情况)/.test(headerKey(text));
}
