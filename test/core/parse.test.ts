import { parseCell, parseSplitTarget, parseText } from "../../src/core/parse";
import { policyFor } from "../../src/core/policy";
import { scoreRow } from "../helpers/single-row";

describe("parseText reads every way a target or actual is written", () => {
  test.each([
    ["≥22万人", 220000, "人", "atLeast"],
    ["≥8,000人", 8000, "人", "atLeast"],
    ["500人以上", 500, "人", "atLeast"],
    ["80分以上", 80, "分", "atLeast"],
    ["1项以上", 1, "项", "atLeast"],
    ["10%以下", 0.1, "%", "atMost"],
    ["≤1‰", 0.001, "‰", "atMost"],
    ["≤5个工作日", 5, "个工作日", "atMost"],
    ["≤923.72元/月", 923.72, "元/月", "atMost"],
    ["100%", 1, "%", "none"],
    ["0", 0, "", "none"],
    ["30万个", 300000, "个", "none"],
    ["2,479件/套", 2479, "件/套", "none"],
    ["1.5亿元", 150000000, "元", "none"],
    ["≥２２万人", 220000, "人", "atLeast"],
    ["＞＝９８％", 0.98, "%", "atLeast"],
    [" ≥ 98 %\n", 0.98, "%", "atLeast"],
    ["不超过5%", 0.05, "%", "atMost"],
    ["不低于95%", 0.95, "%", "atLeast"],
    ["4,800人次以上", 4800, "人次", "atLeast"],
    ["37.43万人次", 374300, "人次", "none"],
    ["5个工作日内", 5, "个工作日", "atMost"],
    ["-3.5%", -0.035, "%", "none"],
  ])("%s", (text, value, unit, comparison) => {
    const parsed = parseText(text);
    expect(parsed.kind).toBe("number");
    if (parsed.kind !== "number") return;
    expect(parsed.value).toBeCloseTo(value, 10);
    expect(parsed.unit).toBe(unit);
    expect(parsed.comparison).toBe(comparison);
  });

  test("a range, with the unit and scale shared by a bare lower bound", () => {
    expect(parseText("400-4,000元/人")).toEqual({
      kind: "range",
      low: 400,
      high: 4000,
      unit: "元/人",
      scale: 1,
    });
    expect(parseText("1～2万人")).toEqual({
      kind: "range",
      low: 10000,
      high: 20000,
      unit: "人",
      scale: 1e4,
    });
    expect(parseText("90%-95%")).toMatchObject({ kind: "range", low: 0.9, high: 0.95 });
  });

  test.each([
    ["2023年12月", { year: 2023, month: 12, day: null }],
    ["2023年12月31日", { year: 2023, month: 12, day: 31 }],
    ["2023年12月底前", { year: 2023, month: 12, day: null }],
    ["2023-06-30", { year: 2023, month: 6, day: 30 }],
    ["2023年底", { year: 2023, month: null, day: null }],
    ["6月30日前", { year: null, month: 6, day: 30 }],
  ])("the date %s", (text, period) => {
    expect(parseText(text)).toEqual({ kind: "date", ...period });
  });

  test.each([
    "无",
    "合格",
    "有效提升",
    "显著提升",
    "一定程度推进",
    "顺利推进",
    "正增长",
    "按时完成",
  ])("the text %s", (text) => {
    expect(parseText(text)).toEqual({ kind: "text", text });
  });

  test("empty and whitespace-only cells are empty", () => {
    expect(parseText("  \n")).toEqual({ kind: "empty" });
    expect(parseCell(null)).toEqual({ kind: "empty" });
  });

  test("a number with a percent format is a fraction shown as a percent", () => {
    expect(parseCell(0.994, "0.0%")).toEqual({
      kind: "number",
      value: 0.994,
      unit: "%",
      scale: 0.01,
      comparison: "none",
    });
    expect(parseCell(0.994, "General")).toEqual({
      kind: "number",
      value: 0.994,
      unit: "",
      scale: 1,
      comparison: "none",
    });
  });

  test("a number with a date format is a day", () => {
    expect(parseCell(45291, 'yyyy"年"m"月"d"日"')).toEqual({
      kind: "date",
      year: 2023,
      month: 12,
      day: 31,
    });
  });

  test("a cell holding a whole sentence with a number is still text where the parser is unsure", () => {
    expect(parseText("2023年完成3项")).toEqual({ kind: "text", text: "2023年完成3项" });
  });
});

/** The reports from Sichuan, Yunnan, Anhui, Shanghai, Hebei and Shanxi tables (DOMAIN.md, "Beyond Wuhan"). */
describe("values as other provinces write them", () => {
  test.each([
    // Look-alike equals signs: box-drawing ═ (U+2550) and small-form ﹦ (U+FE66).
    ["═100%", { value: 1, unit: "%", scale: 0.01, comparison: "exactly" }],
    ["﹦72890元", { value: 72890, unit: "元", scale: 1, comparison: "exactly" }],
    ["＝100%", { value: 1, unit: "%", comparison: "exactly" }],
    ["≧90%", { value: 0.9, unit: "%", comparison: "atLeast" }],
    ["≦5天", { value: 5 * 86400, unit: "天", comparison: "atMost" }],
    [">=85%", { value: 0.85, comparison: "atLeast" }],
    ["<=3%", { value: 0.03, comparison: "atMost" }],
    [">80%", { value: 0.8, comparison: "atLeast" }],
    ["<1起", { value: 1, unit: "起", comparison: "atMost" }],
    // A name before the number or the sign stays out of the unit.
    ["完成率100%", { value: 1, unit: "%", comparison: "none", label: "完成率" }],
    ["完成率80%", { value: 0.8, unit: "%", comparison: "none", label: "完成率" }],
    ["覆盖率≥95%", { value: 0.95, unit: "%", comparison: "atLeast", label: "覆盖率" }],
    ["覆盖率90%", { value: 0.9, unit: "%", comparison: "none", label: "覆盖率" }],
    ["节电率≥15%", { value: 0.15, unit: "%", comparison: "atLeast", label: "节电率" }],
    ["完成率达到95%以上", { value: 0.95, unit: "%", comparison: "atLeast", label: "完成率" }],
    [
      "成本控制在100万元以内",
      { value: 1e6, unit: "元", scale: 1e4, comparison: "atMost", label: "成本" },
    ],
    ["不合格率≤2%", { value: 0.02, unit: "%", comparison: "atMost", label: "不合格率" }],
    // Words before or after the number.
    ["不低于95%", { value: 0.95, comparison: "atLeast" }],
    ["不少于500人", { value: 500, unit: "人", comparison: "atLeast" }],
    ["达到98%", { value: 0.98, comparison: "atLeast" }],
    ["1项以上", { value: 1, unit: "项", comparison: "atLeast" }],
    ["不高于10%", { value: 0.1, comparison: "atMost" }],
    ["不超过1小时", { value: 3600, unit: "小时", scale: 3600, comparison: "atMost" }],
    ["控制在5%以内", { value: 0.05, comparison: "atMost" }],
    ["0.9‰以下", { value: 0.0009, unit: "‰", scale: 0.001, comparison: "atMost" }],
    // A change to reach is measurable: at least that much.
    ["提高10%", { value: 0.1, unit: "%", comparison: "atLeast", label: "提高" }],
    ["提高12%", { value: 0.12, unit: "%", comparison: "atLeast", label: "提高" }],
    ["同比增长5%", { value: 0.05, comparison: "atLeast", label: "同比增长" }],
    // A quantity of working days, done within them.
    ["3个工作日内完成", { value: 3, unit: "个工作日", scale: 1, comparison: "atMost" }],
    // A name that holds a negating character and negates nothing.
    ["无人机5架", { value: 5, unit: "架", label: "无人机" }],
    ["无害化处理率≥95%", { value: 0.95, comparison: "atLeast", label: "无害化处理率" }],
  ])("%s", (text, expected) => {
    expect(parseText(text)).toMatchObject({ kind: "number", ...expected });
  });

  test("控制在3%-5% is a range of percentages", () => {
    expect(parseText("控制在3%-5%")).toEqual({
      kind: "range",
      low: 0.03,
      high: 0.05,
      unit: "%",
      scale: 0.01,
    });
    expect(parseText("年龄18-60岁")).toEqual({
      kind: "range",
      low: 18,
      high: 60,
      unit: "岁",
      scale: 1,
      label: "年龄",
    });
  });

  test.each([
    ["5千元", "5000元"],
    ["22万人", "220000人"],
    ["1.5亿元", "150000000元"],
    ["3千万元", "30000000元"],
    ["2百万元", "2000000元"],
    ["0.07万元", "700元"],
    ["≥95%", "≥0.95"],
    ["≥95百分比", "≥0.95"],
    ["5‰", "0.005"],
    ["2小时", "120分钟"],
    ["1周", "7天"],
    ["2天", "48小时"],
    ["1年", "12个月"],
  ])("%s is the same value as %s", (scaled, plain) => {
    const a = parseText(scaled);
    const b = parseText(plain);
    expect(a.kind).toBe("number");
    expect(b.kind).toBe("number");
    if (a.kind === "number" && b.kind === "number") expect(a.value).toBe(b.value);
  });

  test("the scale and the unit are kept apart", () => {
    expect(parseText("22万人")).toMatchObject({ value: 220000, unit: "人", scale: 1e4 });
    expect(parseText("5千元")).toMatchObject({ value: 5000, unit: "元", scale: 1e3 });
    expect(parseText("≥95%")).toMatchObject({ value: 0.95, unit: "%", scale: 0.01 });
    expect(parseText("≤10‰")).toMatchObject({ value: 0.01, unit: "‰", scale: 0.001 });
    expect(parseText("≥95百分比")).toMatchObject({ unit: "%", scale: 0.01 });
    expect(parseText("≤2小时")).toMatchObject({ value: 7200, unit: "小时", scale: 3600 });
    expect(parseText("≥22万")).toMatchObject({ value: 220000, unit: "", scale: 1e4 });
    expect(parseText("≤5个工作日")).toMatchObject({ value: 5, unit: "个工作日", scale: 1 });
  });

  test.each([
    ["无", "text"],
    ["有效提升", "text"],
    ["合格", "text"],
    ["一定程度推进", "text"],
    ["2023年12月", "date"],
    ["2023年完成3项", "text"],
    ["未完成3项", "text"],
    ["3项未完成", "text"],
    ["扣2分", "text"],
    ["第3季度", "date"],
    ["前3名", "text"],
    ["年度目标1：", "text"],
    ["产出指标（40分）", "text"],
    ["得分（20分*执行率）", "text"],
    ["提前2天完成", "text"],
    ["发生1起安全事故", "text"],
    ["完成3项工作任务", "text"],
    ["≥约", "invalid"],
    ["覆盖率≥", "text"],
  ])("%s stays %s", (text, kind) => {
    expect(parseText(text).kind).toBe(kind);
  });
});

/** `（含）` says the bound includes the number: the bound words decide, wherever the marker stands. */
describe("an inclusive marker (含) keeps the bound", () => {
  test.each([
    ["5%以下（含）", { value: 0.05, unit: "%", scale: 0.01, comparison: "atMost" }],
    ["5%以下(含)", { value: 0.05, unit: "%", scale: 0.01, comparison: "atMost" }],
    ["5个工作日以内（含）", { value: 5, unit: "个工作日", scale: 1, comparison: "atMost" }],
    ["90%（含）以上", { value: 0.9, unit: "%", scale: 0.01, comparison: "atLeast" }],
    ["5%（含）以下", { value: 0.05, unit: "%", scale: 0.01, comparison: "atMost" }],
    ["≥90%（含本数）", { value: 0.9, unit: "%", scale: 0.01, comparison: "atLeast" }],
    ["500人（含本数）以上", { value: 500, unit: "人", scale: 1, comparison: "atLeast" }],
    ["（含）3天以内", { value: 3 * 86400, unit: "天", scale: 86400, comparison: "atMost" }],
  ])("%s", (text, expected) => {
    expect(parseText(text)).toEqual({ kind: "number", ...expected });
  });

  test("a range keeps its bounds", () => {
    expect(parseText("3%-5%（含）")).toEqual({
      kind: "range",
      low: 0.03,
      high: 0.05,
      unit: "%",
      scale: 0.01,
    });
  });

  test("a marker alone, or a bracket that says more than 含, is text", () => {
    expect(parseText("（含）")).toEqual({ kind: "text", text: "(含)" });
    expect(parseText("毕业生就业率（含升学）")).toEqual({
      kind: "text",
      text: "毕业生就业率(含升学)",
    });
  });

  test("5%以下（含） against 3% is met in full (reverse), 6% is not", () => {
    expect(
      scoreRow({ target: "5%以下（含）", actual: "3%", weight: 10 }, policyFor("national"))
    ).toMatchObject({ method: "reverse", score: 10 });
    expect(
      scoreRow(
        { target: "5个工作日以内（含）", actual: "4个工作日", weight: 10 },
        policyFor("national")
      )
    ).toMatchObject({ method: "reverse", score: 10 });
    expect(
      scoreRow({ target: "5%以下（含）", actual: "6%", weight: 10 }, policyFor("national")).score
    ).toBeLessThan(10);
  });
});

test("a deadline of the year without a number (年底前完成, 本年度内完成) is the end of December", () => {
  expect(parseText("年底前完成")).toEqual({ kind: "date", year: null, month: 12, day: null });
  expect(parseText("本年度内完成")).toEqual({ kind: "date", year: null, month: 12, day: null });
  expect(parseText("年")).toEqual({ kind: "text", text: "年" });
});

test("a target split over 指标性质 | 指标值 | 度量单位 reads as one value", () => {
  expect(parseSplitTarget("22", "≥", "万人")).toEqual({
    text: "≥22万人",
    parsed: parseText("≥22万人"),
  });
  expect(parseSplitTarget("6", "反向", "月")?.parsed).toMatchObject({
    kind: "number",
    unit: "个月",
    comparison: "atMost",
  });
  expect(parseSplitTarget("达标", "定性", "")).toEqual({
    text: "达标",
    parsed: { kind: "text", text: "达标" },
  });
  expect(parseSplitTarget("95%", "", "")).toBeNull();
});
