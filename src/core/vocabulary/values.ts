/**
 * The words of value reading (src/core/parse.ts, src/core/units.ts) and of qualitative
 * judgement (src/core/score.ts), as data. Texts are matched after `compact` (text.ts):
 * half-width, no spaces, relation signs in one spelling (see SIGN_SPELLINGS). Where a list
 * is searched for the longest match, its order does not matter; elsewhere it is stated.
 */

// ---------------------------------------------------------------------------------------
// Relation signs and comparison words
// ---------------------------------------------------------------------------------------

/**
 * Every spelling of a relation sign, and the one sign it stands for. Full-width forms are
 * made half-width first (`＞＝` is `>=` by then). Box-drawing and small-form look-alikes
 * (`═` U+2550, `﹦` U+FE66, `﹥`, `﹤`) are what copy-paste from Word and WPS leaves behind.
 * `≮` (not less than) and `≯` (not more than) are bounds too. Longer spellings first.
 */
export const SIGN_SPELLINGS: [spelling: string, sign: string][] = [
  [">=", "≥"],
  ["=>", "≥"],
  ["≧", "≥"],
  ["⩾", "≥"],
  ["≮", "≥"],
  ["<=", "≤"],
  ["=<", "≤"],
  ["≦", "≤"],
  ["⩽", "≤"],
  ["≯", "≤"],
  ["﹥", ">"],
  ["﹤", "<"],
  ["═", "="],
  ["﹦", "="],
  ["⩵", "="],
  ["==", "="],
  ["﹪", "%"],
  ["٪", "%"],
];

/** The relation signs as they stand after SIGN_SPELLINGS. */
export const SIGNS = ["≥", "≤", ">", "<", "="];

/**
 * Words (or a sign) written before a number and the bound they set. A name may stand before
 * them (`覆盖率≥95%`, `完成率达到100%`, `成本控制在100万元以内`): the name is the label.
 * `提高到`/`降至` set the level to reach; `提高 10%` (a change) is in CHANGE_WORDS.
 */
export const BEFORE_WORDS: Record<"atLeast" | "atMost" | "exactly", string[]> = {
  atLeast: [
    "≥",
    ">",
    "不低于",
    "不少于",
    "不小于",
    "大于等于",
    "大于或等于",
    "大于",
    "高于",
    "多于",
    "至少",
    "达到",
    "达",
    "超过",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增长到",
    "增长至",
    "增加到",
    "增加至",
    "增至",
  ],
  atMost: [
    "≤",
    "<",
    "不高于",
    "不超过",
    "不多于",
    "不大于",
    "小于等于",
    "小于或等于",
    "小于",
    "低于",
    "少于",
    "控制在",
    "控制到",
    "最多",
    "至多",
    "降低到",
    "降低至",
    "降到",
    "降至",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
    "压缩到",
    "压缩至",
  ],
  exactly: ["=", "等于", "为", "约"],
};

/** Words written after a number and the bound they set (`500人以上`, `5个工作日内完成`). */
export const AFTER_WORDS: Record<"atLeast" | "atMost" | "neutral", string[]> = {
  atLeast: ["及以上", "以上", "之上", "或以上"],
  atMost: [
    "及以下",
    "以下",
    "以内",
    "之内",
    "或以下",
    "内",
    "以内完成",
    "内完成",
    "内办结",
    "以内办结",
  ],
  neutral: ["左右", "上下", "之间"],
};

/**
 * Markers that the bound includes the number itself (`5%以下（含）`, `90%（含）以上`,
 * `≥90%（含本数）`): the bound words already say so, and the marker is removed wherever it
 * stands before the words are matched. Spelled as after `compact` (half-width brackets).
 */
export const INCLUSIVE_MARKERS = ["(含本数)", "(含)"];

/**
 * A change to reach (`提高10%`, `同比增长5%`, `成本降低3%`): measurable, at least that much
 * change. The word stays in the label, so that a reader still sees which way it goes.
 */
export const CHANGE_WORDS: Record<"up" | "down", string[]> = {
  up: ["提高", "提升", "增长", "增加", "上升", "增幅"],
  down: ["降低", "下降", "减少", "压减", "缩减", "降幅", "节约", "节省"],
};

/** Characters that separate the bounds of a range (`400-4,000元/人`, `1～2万人`, `3至5天`). */
export const RANGE_SEPARATORS = ["-", "~", "～", "—", "–", "至", "到"];

/** Years a date may name: `2023.6` is June 2023, `8300.5` is a number. */
export const PLAUSIBLE_YEARS = { from: 1900, to: 2100 };

// ---------------------------------------------------------------------------------------
// Labels: a name written before the number
// ---------------------------------------------------------------------------------------

/** A label has at least this many characters: single characters (`第3季度`, `前3名`, `共3项`) are not names. */
export const LABEL_MIN_LENGTH = 2;
export const LABEL_MAX_LENGTH = 16;

/**
 * A label or a unit holding one of these says the number did not happen (`未完成3项`,
 * `3项未完成`, `扣2分`): such a text is not a quantity.
 */
export const NEGATING_IN_LABEL = ["未", "没", "无", "不", "非", "否", "扣"];

/** Names that hold a negating character and negate nothing: `无人机5架`, `未成年人500人`. */
export const LABEL_COMPOUNDS = [
  "无害化",
  "无人机",
  "无障碍",
  "无线",
  "无公害",
  "无偿",
  "不动产",
  "非遗",
  "非物质",
  "非税",
  "非公",
  "非营利",
  "未成年",
  "未就业",
  "不良",
];

/**
 * A label ending in one of these names a measure (`不合格率`, `无害化处理率`, `差错率`,
 * `未就业人数`): it holds a negating character as part of the name, and stays a label.
 */
export const MEASURE_NAME_ENDINGS = [
  "率",
  "度",
  "数",
  "量",
  "比",
  "比例",
  "额",
  "值",
  "面积",
  "时间",
  "时长",
  "费用",
  "成本",
  "指数",
  "周期",
  "次数",
  "人数",
  "户数",
  "件数",
  "偏差",
  "误差",
  "差距",
];

// ---------------------------------------------------------------------------------------
// Scales and units
// ---------------------------------------------------------------------------------------

/** Scale words written between the number and the unit (`22万人`, `1.5亿元`, `5千元`). Longest match wins. */
export const SCALE_WORDS: Record<string, number> = {
  万亿: 1e12,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
};

/**
 * Unit families. Units of one family convert (`factor` is the size in the family's base);
 * units of two different known families cannot be compared (a unit mismatch).
 * - percent: base 1 (95% is 0.95); `‰` is in it too.
 * - time: base 1 second, so that every factor is a whole number; 工作日 and months are
 *   their own families (a working day is not 24 hours, a month is not a fixed count of days).
 * - count: every counting word (人, 项, 个, 次 …) has factor 1 and compares with every other:
 *   `≥50名` against `49人` is what tables write.
 */
export type UnitFamily =
  | "percent"
  | "money"
  | "count"
  | "score"
  | "age"
  | "time"
  | "workday"
  | "months"
  | "length"
  | "area"
  | "mass"
  | "volume";

/** A unit word: its family, its size in the family's base, and the spelling it is stored as. */
export type UnitWord = { family: UnitFamily; factor: number; as?: string };

const count = (words: string[]): Record<string, UnitWord> =>
  Object.fromEntries(words.map((w) => [w, { family: "count", factor: 1 } as UnitWord]));

/**
 * Known unit words. A unit is looked up by its head (the part before `/`: `元/人` is money),
 * exactly, else by the longest known word it starts with (`人（次）` is 人). A unit not
 * found is unknown: it compares with any unit but a percentage.
 */
export const UNIT_WORDS: Record<string, UnitWord> = {
  "%": { family: "percent", factor: 0.01 },
  百分比: { family: "percent", factor: 0.01, as: "%" },
  百分点: { family: "percent", factor: 0.01, as: "%" },
  个百分点: { family: "percent", factor: 0.01, as: "%" },
  "‰": { family: "percent", factor: 0.001 },
  千分比: { family: "percent", factor: 0.001, as: "‰" },
  千分点: { family: "percent", factor: 0.001, as: "‰" },
  元: { family: "money", factor: 1 },
  分: { family: "score", factor: 1 },
  岁: { family: "age", factor: 1 },
  周岁: { family: "age", factor: 1 },
  秒: { family: "time", factor: 1 },
  秒钟: { family: "time", factor: 1 },
  分钟: { family: "time", factor: 60 },
  小时: { family: "time", factor: 3600 },
  个小时: { family: "time", factor: 3600 },
  天: { family: "time", factor: 86400 },
  日: { family: "time", factor: 86400 },
  周: { family: "time", factor: 604800 },
  星期: { family: "time", factor: 604800 },
  个星期: { family: "time", factor: 604800 },
  工作日: { family: "workday", factor: 1 },
  个工作日: { family: "workday", factor: 1 },
  个月: { family: "months", factor: 1 },
  季度: { family: "months", factor: 3 },
  个季度: { family: "months", factor: 3 },
  年: { family: "months", factor: 12 },
  米: { family: "length", factor: 1 },
  公里: { family: "length", factor: 1000 },
  厘米: { family: "length", factor: 0.01 },
  毫米: { family: "length", factor: 0.001 },
  平方米: { family: "area", factor: 1 },
  平米: { family: "area", factor: 1 },
  平方公里: { family: "area", factor: 1e6 },
  公顷: { family: "area", factor: 1e4 },
  亩: { family: "area", factor: 10000 / 15 },
  克: { family: "mass", factor: 1 },
  公斤: { family: "mass", factor: 1000 },
  斤: { family: "mass", factor: 500 },
  吨: { family: "mass", factor: 1e6 },
  立方米: { family: "volume", factor: 1 },
  升: { family: "volume", factor: 0.001 },
  ...count([
    "人",
    "人次",
    "名",
    "位",
    "个",
    "项",
    "件",
    "次",
    "户",
    "户次",
    "家",
    "家次",
    "所",
    "座",
    "台",
    "台次",
    "套",
    "辆",
    "本",
    "册",
    "场",
    "场次",
    "期",
    "批",
    "批次",
    "篇",
    "份",
    "张",
    "株",
    "棵",
    "头",
    "只",
    "条",
    "处",
    "间",
    "栋",
    "门",
    "班",
    "届",
    "部",
    "支",
    "起",
    "例",
    "宗",
    "单",
    "笔",
    "块",
    "片",
    "盏",
    "根",
    "枚",
    "架次",
    "车次",
    "个次",
    "次数",
    "类",
    "种",
    "组",
    "队",
    "村",
    "镇",
    "床",
    "课",
    "节",
    "幅",
    "首",
    "集",
    "卷",
    "箱",
    "袋",
    "瓶",
    "对",
    "双",
    "副",
    "款",
    "个数",
    "岗位",
    "个岗位",
    "人月",
    "架",
  ]),
};

// ---------------------------------------------------------------------------------------
// Reading a bare number against a unit: the absurdity rule
// ---------------------------------------------------------------------------------------

/**
 * A bare number against a value with a unit (`≥22万人` → `23`) is read in that unit
 * (23万人), unless that reading is absurd and the base-unit reading is nearer the other
 * side (`100万元` → `1000000` is 1,000,000 yuan; `≤5千元` → `5000` is 5000 yuan). A reading
 * is absurd when it is ABSURD_FACTOR times the other side's value or more, either way
 * round. A scale slip is a thousandfold (千, ‰) or more, so a table within 10× of its target
 * is read right whichever way it is written; a table may well beat a reverse target
 * fiftyfold (`≤1‰` → `0.02` is 0.02‰, not 2%), hardly a hundredfold.
 */
export const ABSURD_FACTOR = 100;

/**
 * Against a percent (`%`), a bare number of at most FRACTION_MAX is a fraction (0.96 is
 * 96%: a number cell without the percent format), unless reading it as percent points is
 * nearer the other side (`≤3%` → `1` is 1%, an error rate, not 100%). Nearness is the
 * ratio of the two values, either way round. Against `‰` the absurdity rule alone decides.
 */
export const FRACTION_MAX = 1;

// ---------------------------------------------------------------------------------------
// Qualitative judgement
// ---------------------------------------------------------------------------------------

/**
 * A target of absence: nothing of a kind happens (`无安全事故`, `零投诉`, `杜绝…`,
 * `确保不发生…`). A lead word may come first. `无` and `零` alone are absence too.
 */
export const ABSENCE_TARGET_LEADS = ["确保", "保证", "实现", "做到", "力争", "保持"];
export const ABSENCE_TARGET_WORDS = [
  "无",
  "零",
  "没有",
  "杜绝",
  "不发生",
  "未发生",
  "不出现",
  "未出现",
  "避免",
];

/** An actual stating absence: `未发生安全事故`, `未出现…`, `无…`, `零…`; the number 0 counts too. */
export const ABSENCE_ACTUAL_WORDS = [
  "未发生",
  "未出现",
  "未发现",
  "未有",
  "没有发生",
  "没有出现",
  "没有",
  "不存在",
  "杜绝了",
  "杜绝",
  "无",
  "零",
];

/**
 * Against a target of absence of a thing (`无拖欠`: the thing is 拖欠), an actual that is
 * one of these negators, then at most one of these verbs, then the thing or nothing, is
 * achieved: `未拖欠`, `未违规`, `未收到投诉`, `没发生`, `没有发生`. `无` → `未完成` is not:
 * 完成 is neither a verb here nor the thing.
 */
export const ABSENCE_NEGATORS = ["未", "没", "没有", "无"];
export const ABSENCE_VERBS = ["发生", "出现", "收到", "接到", "发现", "有"];

/** 无 or 没有 that begins a word of inability or invalidity, not an absence: `无法完成`, `无效`. */
export const NOT_ABSENCE = ["无法", "无效", "无从", "无力", "没有完成", "没有达到", "没有实现"];

/** An actual stating that something happened (`发生1起安全事故`, `出现质量问题`): against absence, a failure. */
export const PRESENCE_WORDS = ["发生", "出现", "存在", "发现"];
/** `有` states presence only before a count: `有1起`, `有两起`. */
export const PRESENCE_BEFORE_COUNT = ["有"];
export const CHINESE_COUNT_DIGITS = [
  "一",
  "二",
  "两",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "几",
  "多",
];

/**
 * Things whose absence is the good outcome: an actual `未发生安全事故`, `无投诉`, `准确无误`
 * is achieved whatever the target's words.
 */
export const ADVERSE_THINGS = [
  "事故",
  "问题",
  "投诉",
  "违规",
  "违纪",
  "违法",
  "纠纷",
  "事件",
  "差错",
  "错误",
  "误",
  "失误",
  "隐患",
  "风险",
  "损失",
  "浪费",
  "舆情",
  "上访",
  "信访",
  "案件",
  "故障",
  "污染",
  "死亡",
  "伤亡",
  "火灾",
  "疫情",
  "延误",
  "闲置",
  "挪用",
  "截留",
  "超支",
  "偏差",
  "拖欠",
  "欠薪",
  "索赔",
  "处罚",
  "通报",
  "不良",
  "异常",
  "缺陷",
  "漏洞",
  "瑕疵",
];

/** Characters that negate what follows (`不满意`, `未提升`, `运行不正常`, `无明显改善`). */
export const NEGATORS = ["尚未", "未能", "没有", "未", "不", "没", "无", "非"];
/** How many characters may stand between a negator and the word it negates (`未按时完成`, `无明显改善`). */
export const NEGATION_REACH = 2;

/** Compounds that hold a negator and negate nothing: `不断提升`, `不低于…`. Removed before judging. */
export const NOT_NEGATION = [
  "不断",
  "不低于",
  "不少于",
  "不小于",
  "不高于",
  "不超过",
  "不大于",
  "不多于",
  "毫不",
  "无一例外",
  "不间断",
  "不松懈",
  "不懈",
  "无缝",
  "无偿",
  "非常",
  "未来",
  "不仅",
  "不但",
  "无论",
  "不同",
  "无障碍",
  "无害化",
];

/** An actual that is a failure in itself (not achieved and worse than partial). */
export const FAILED_WORDS = [
  "未完成",
  "未达",
  "未实现",
  "未开展",
  "未能",
  "未按",
  "尚未",
  "无法",
  "较差",
  "很差",
  "不合格",
  "不达标",
  "不到位",
  "不满意",
  "不正常",
  "滞后",
  "延期",
  "延迟",
  "逾期",
  "推迟",
  "拖延",
  "停滞",
  "停运",
  "中断",
  "失败",
  "落后",
];
/** A failure only as the whole text: `否`, `未`, `没有`. */
export const FAILED_WHOLE = ["否", "未", "没有", "差"];

/** An actual achieved in part: `基本满意`, `一定程度提升`, `部分完成`. Checked after the failed words. */
export const PARTIAL_WORDS = [
  "一定程度",
  "部分",
  "基本",
  "初步",
  "有所",
  "较为",
  "略有",
  "稍有",
  "逐步",
  "正在",
  "推进中",
  "进行中",
  "大部分",
  "大体",
  "尚可",
  "一般",
];

/** An actual that states achievement: `按时完成`, `合格`, `正常运行`, `满意`. Checked last. */
export const ACHIEVED_WORDS = [
  "完成",
  "达到",
  "达成",
  "实现",
  "合格",
  "达标",
  "有效",
  "显著",
  "明显",
  "全面",
  "顺利",
  "按时",
  "按期",
  "如期",
  "提前",
  "提升",
  "提高",
  "加强",
  "改善",
  "保障",
  "保证",
  "稳定",
  "良好",
  "满意",
  "正常",
  "通过",
  "到位",
  "优秀",
  "符合",
  "增强",
  "增长",
  "落实",
  "建立",
  "建成",
  "健全",
  "完善",
  "开展",
];
/** Achieved only as the whole text. */
export const ACHIEVED_WHOLE = ["是", "已", "好", "优", "良"];

/** A deadline actual in words that meets the deadline (`按时完成`); a failed word (`延期完成`) misses it. */
export const DEADLINE_MET_WORDS = ["按时", "按期", "如期", "提前", "已完成", "完成", "准时"];

/**
 * A vague target: a direction or an adverb instead of a level (`正增长`, `有效提升`,
 * `显著提升`, `顺利推进`). Checked only on targets that are text: a number (`提高10%`) or a
 * date is measurable, and CLEAR_TARGETS and targets of absence are yes/no facts.
 */
export const VAGUE_WORDS = [
  "正增长",
  "有效",
  "显著",
  "明显",
  "逐步",
  "进一步",
  "持续",
  "不断",
  "稳步",
  "大幅",
  "较大",
  "一定程度",
  "提升",
  "提高",
  "改善",
  "加强",
  "推进",
  "增强",
  "优化",
  "促进",
  "保障",
  "保证",
  "良好",
  "较好",
];
/** A clear yes/no target, as the whole text. */
export const CLEAR_TARGETS = [
  "无",
  "零",
  "0",
  "是",
  "否",
  "合格",
  "达标",
  "按时完成",
  "按期完成",
  "全部完成",
  "完成",
  "通过",
  "已完成",
  "100%",
  "正常运行",
  "满意",
  // Levels on a scale, like 合格: a reviewer can tell whether they were reached.
  "良好",
  "较好",
  "优良",
  "优秀",
];

/** Words around a date that make it a deadline: `截至2023年12月底前完成` is 2023年12月. */
export const DATE_WORDS =
  /^(≤|截至|截止|于|在)?(.*?)(底|末)?(前|以前|之前|内|止)?(完成|前完成|已完成)?$/;
/** The year itself, in a deadline without a number: `年底前完成`, `本年度内完成`. */
export const YEAR_WORDS = ["年", "当年", "本年", "年度", "本年度", "全年"];

/** 指标性质 words that are not signs, and the sign each stands for. */
export const DIRECTION_WORDS: Record<string, string> = {
  正向: "≥",
  正向指标: "≥",
  反向: "≤",
  反向指标: "≤",
};
/** 指标性质 of a qualitative indicator: its target is text whatever it looks like. */
export const QUALITATIVE_DIRECTION = /^定性/;

/** A 度量单位 that means something else once joined to a number: `6` + `月` is six months, not June. */
export const UNIT_COLUMN_WORDS: Record<string, string> = { 月: "个月" };

/** How quarters are numbered in `第四季度`, `第4季度`. */
export const QUARTER_NUMBERS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

/** The grade scale, best first: a step down from the target's word is partial, two are failure. */
export const LEVEL_SCALE: string[][] = [
  ["优", "优秀"],
  ["良", "良好", "较好"],
  ["中", "合格", "一般"],
  ["差"],
];

/** `较及时` against `及时`: the target's own word, softened, is a partial achievement. */
export const SOFTENING_PREFIXES = ["比较", "相对", "较"];

/** Spellings that mean the same after a negation (`不超过预算` and `未超预算`). */
export const SAME_AFTER_NEGATION: [string, string][] = [
  ["超过", "超"],
  ["超出", "超"],
];
