/**
 * The words that name a table's parts: column headers, block labels, totals, narrative and
 * goal rows. Detection matches them on header keys (src/core/text.ts `headerKey`: half-width,
 * no spaces, no bracketed parts), so `实际完成值（B）`, `实 际 完 成 值` and `实际完成值(B)`
 * are one key. Rules are checked in order and the first match wins: specific words first.
 */

/** What a column of an indicator block holds. */
export type IndicatorRole =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "adjustedTarget"
  | "actual"
  | "weight"
  | "score"
  | "direction"
  | "unit"
  | "reason";

/** What a column of a budget execution block holds. */
export type BudgetRole =
  "adjustedBudget" | "planned" | "initialBudget" | "executed" | "rate" | "weight" | "score";

export type RoleRule<R> = { role: R; pattern: RegExp; unless?: RegExp };

/** A column of an earlier year (`上年实际完成值`, `去年同期`) is never this year's value. */
const EARLIER_YEAR = /上年|去年|前年|往年|同期|历史/;

export const INDICATOR_HEADER_RULES: RoleRule<IndicatorRole>[] = [
  { role: "reason", pattern: /原因|改进措施|偏差|情况说明/ },
  { role: "adjustedTarget", pattern: /^调整后?的?(指标|目标)/, unless: EARLIER_YEAR },
  // 实际完成指标值 names the actual even though it holds 指标值.
  {
    role: "actual",
    pattern: /实际|完成值|完成数|完成情况|完成指标/,
    unless: new RegExp(`率$|${EARLIER_YEAR.source}`),
  },
  {
    role: "target",
    pattern: /目标值|指标值|预期值|期望值|目标数|计划值|预期目标/,
    unless: EARLIER_YEAR,
  },
  { role: "weight", pattern: /分值|权重|满分|标准分/ },
  // Anchored: a 评分标准 or 评分方法 column is not the score.
  { role: "score", pattern: /(得分|评分|自评分)$/ },
  { role: "direction", pattern: /^(指标)?(性质|方向)$/ },
  { role: "unit", pattern: /^(度量|计量|计算)?单位$/ },
  { role: "level1", pattern: /^一级(指标)?$/ },
  { role: "level2", pattern: /^二级(指标)?$/ },
  { role: "name", pattern: /^三级(指标)?|指标名称$|^指标内容$|^绩效指标名称$/ },
];

export const BUDGET_HEADER_RULES: RoleRule<BudgetRole>[] = [
  { role: "rate", pattern: /执行率|完成率/ },
  { role: "initialBudget", pattern: /^年初预算/ },
  // Sichuan scores against the adjusted budget where the form has one.
  { role: "adjustedBudget", pattern: /^调整后?预算/ },
  {
    role: "executed",
    pattern: /执行数|执行金额|执行额|支出数|决算数|实际支出|^执行$|全年执行|年度执行/,
    unless: EARLIER_YEAR,
  },
  {
    role: "planned",
    pattern: /预算数|预算金额|^全年预算$|^年度预算$|^预算$/,
    unless: EARLIER_YEAR,
  },
  { role: "weight", pattern: /^(分值|权重)$/ },
  { role: "score", pattern: /得分/ },
];

/** A header cell is a short phrase without digits; longer text is data or a note. */
export const HEADER_MAX_LENGTH = 14;

/**
 * Labels of a row that closes a table with its total. `strong` totals include the budget
 * score; `合计` and its kin can also be the indicators' subtotal.
 */
export const TOTAL_LABELS = {
  strong:
    /^(总分|总分值|自评总分|自评总得分|总得分|综合得分|合计得分|得分合计|自评得分合计|评价总分|综合评分|自评得分总计)$/,
  weak: /^(合计|总计|合\s*计)$/,
};

/**
 * A 一级 or 二级 label written as a caption row across the table (`一、产出指标（50分）`,
 * `（一）数量指标`): an ordinal, then words ending like a dimension. `LEVEL1_CAPTION` tells
 * the 一级 ones; the others are 二级.
 */
export const ORDINAL_PREFIX =
  /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])/;
export const LEVEL_CAPTION = /(指标|效益|影响|满意度)$/;
export const LEVEL1_CAPTION = /^(产出|效益|效果|满意度|成本|影响)指标$/;

/** A subtotal row inside an indicator block (`小计`, `产出指标小计`); `合计培训人数` is an indicator. */
export const GROUP_CAPTION = /^.{0,8}小计$/;

/** Narrative rows after the total: text, not indicators. */
export const NARRATIVE_LABEL = /原因|改进措施|结果应用|整改|存在的问题|说明|主要经验|做法|备注/;

/**
 * A 年度目标 N block title in a whole-department table (`年度目标 1：（23分）`, `目标2`), the
 * goal's text in the next cell or after the colon (`年度目标1：完成某项任务（45分）`).
 */
export const GOAL_LABEL = /^(年度)?(绩效)?目标[0-9一二三四五六七八九十]+/;

/** The budget execution block's label (预算执行情况（万元）（20分）, 项目资金（万元）). */
export const BUDGET_BLOCK_LABEL =
  /^(预算执行情况|项目资金|资金情况|预算执行|部门预算执行情况|项目资金情况|资金投入|(年度|部门|项目)?预算资金)/;

/** Row labels inside a budget block: the total row, and its parts (`其中：当年财政拨款`). */
export const BUDGET_ROW_LABELS = {
  total: /总额|合计|总计|年度资金|资金总/,
  part: /其中|财政拨款|结转|其他资金|资金|自筹|专项/,
};

/** A breakdown row under an indicator: `其中：…`, `含…`. */
export const BREAKDOWN_NAME = /^(其中|含)[:：]?/;

/** The narrative row where a table without a reason column gives its deviation reasons. */
export const NARRATIVE_REASON = /原因/;

/** A cell that says "nothing here" (`/`, `—`, `无`): no points of its own, no adjusted target, an empty category. */
export const PLACEHOLDER = /^[/／\\—–\-－_]+$|^无$/;

/** Title rows and the labels of the facts above a table. */
export const TITLE_WORDS = /自评表|绩效自评|评价表/;
export const PROJECT_NAME_LABEL = /^项目名称/;
export const UNIT_NAME_LABEL = /^(单位名称|预算单位|部门名称|填报单位|主管部门)/;
export const DEPARTMENT_WORDS = /部门整体|整体支出/;

/** Satisfaction indicators: a dimension of their own, and common to every table. */
export const SATISFACTION = /满意/;

/**
 * The four dimensions a table must cover, by the 一级 or 二级 labels that name them;
 * 数量/质量/时效/成本 指标 are 产出, 经济/社会/生态效益 and 可持续影响 are 效益.
 */
export const DIMENSIONS: { name: string; pattern: RegExp }[] = [
  { name: "产出", pattern: /产出|成本|数量指标|质量指标|时效指标/ },
  { name: "效益", pattern: /效益|可持续影响|效果/ },
  { name: "满意度", pattern: SATISFACTION },
];

/** 共性指标: satisfaction and budget-execution indicators every project shares. */
export const COMMON_INDICATOR = /预算执行|执行率|资金(到位|使用|下达|拨付|支付)/;

/** A grade written in a total row, and the grade it names where it names one of the four. */
export const GRADE_WORDS = /^(优|良|中|差|优秀|良好|合格|不合格)$/;
export const GRADE_OF_WORD: Record<string, "优" | "良" | "中" | "差"> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  差: "差",
};
