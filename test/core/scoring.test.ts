import { gradeOf, policyFor } from "../../src/core/policy";
import { roundHalfUp } from "../../src/core/rounding";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { layoutTable, toGrid } from "../helpers/layouts";
import { referenceTable } from "../helpers/reference";
import { scoreRow, scoreTable } from "../helpers/single-row";

const wuhan = policyFor("wuhan");
const national = policyFor("national");

describe("the example rows of DOMAIN.md", () => {
  test.each([
    ["≥50名", "49名", 2, 1.96, "positive"],
    ["45人", "41人", 2, 1.82, "positive"],
    ["9,000人", "3,564人", 2, 0.79, "positive"],
    ["12人", "0", 2, 0, "positive"],
    ["≤1‰", "0.02‰", 3, 3, "reverse"],
    ["10%以下", "0.3%", 2, 2, "reverse"],
    ["400-4,000元/人", "1,370.41元/人", 2, 2, "range"],
    ["2023年12月", "2023年12月31日", 2, 2, "deadline"],
  ])("%s → %s (%d分) = %d", (target, actual, weight, score, method) => {
    const row = scoreRow({ target, actual, weight });
    expect(row.method).toBe(method);
    expect(row.score).toBe(score);
  });

  test("有效推进 → 一定程度推进 (10分) entered 8 is kept", () => {
    const row = scoreRow({ target: "有效推进", actual: "一定程度推进", weight: 10, reported: 8 });
    expect(row).toMatchObject({ method: "qualitative", score: 8, reportedScore: 8 });
    expect(row.flags).toContain("unfinished");
    expect(row.flags).not.toContain("qualitative-tier");
    expect(row.flags).not.toContain("score-mismatch");
  });
});

describe("budget execution", () => {
  const withBudget = (A: number, B: number) => {
    const spec = referenceTable("jiguan");
    return evaluateWorkbook([
      toGrid(layoutTable({ ...spec, budget: { ...spec.budget, A, B } })),
    ])[0];
  };
  test("weight × B/A, rounded half up", () => {
    expect(withBudget(8146.59, 8082.53).budget).toMatchObject({ rate: 0.9921, score: 19.84 });
    expect(withBudget(84416.43, 84015.98).budget).toMatchObject({ rate: 0.9953, score: 19.91 });
  });
  test("never above the weight", () => {
    expect(withBudget(100, 120).budget).toMatchObject({ rate: 1.2, score: 20 });
  });
  test("the weight stated only in 得分（N分*执行率） counts", () => {
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    grid.values = grid.values.map((line) =>
      line.map((v) =>
        typeof v === "string" ? v.replace("（20分）", "").replace("20分*", "15分*") : v
      )
    );
    const [table] = evaluateWorkbook([grid]);
    expect(table.budget).toMatchObject({ weight: 15, score: 14.88 });
    expect(table.notes).not.toContain("表中未写明预算执行分值，按 100 减指标分值计为 20 分");
  });

  test("where the table does not state it, the weight is 100 minus the indicator weights", () => {
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    grid.values = grid.values.map((line) =>
      line.map((v) => (typeof v === "string" ? v.replace("（20分）", "").replace("20分*", "") : v))
    );
    const [table] = evaluateWorkbook([grid]);
    expect(table.budget).toMatchObject({ weight: 20, score: 19.84 });
    expect(table.notes).toContain("表中未写明预算执行分值，按 100 减指标分值计为 20 分");
  });
});

describe("positive indicators", () => {
  test("weight × B/A, capped at the weight", () => {
    expect(scoreRow({ target: "≥100", actual: "250", weight: 4 }).score).toBe(4);
    expect(scoreRow({ target: "100", actual: "75", weight: 4 }).score).toBe(3);
  });
  test("units scale: a target in 万人 against an actual in 人", () => {
    expect(scoreRow({ target: "≥2万人", actual: "15,000人", weight: 2 }).score).toBe(1.5);
    expect(scoreRow({ target: "≥1.5亿元", actual: "12000万元", weight: 10 }).score).toBe(8);
  });
  test("a percent target against a percent-formatted number and against bare percent points", () => {
    expect(
      scoreRow({ target: "≥98%", actual: 0.49, weight: 2, formats: { actual: "0%" } }).score
    ).toBe(1);
    expect(scoreRow({ target: "≥95%", actual: 96, weight: 2 }).score).toBe(2);
    expect(scoreRow({ target: "≥95%", actual: "47.5", weight: 2 }).score).toBe(1);
  });
  test("a word for zero counts as 0", () => {
    expect(scoreRow({ target: "3个", actual: "无", weight: 2 }).score).toBe(0);
  });
});

describe("reverse indicators", () => {
  test("weight × A/B, capped, an actual of 0 gets the full weight", () => {
    expect(scoreRow({ target: "≤5个工作日", actual: "10个工作日", weight: 4 })).toMatchObject({
      method: "reverse",
      score: 2,
    });
    expect(scoreRow({ target: "≤5个工作日", actual: "3个工作日", weight: 4 }).score).toBe(4);
    expect(scoreRow({ target: "不超过2%", actual: "0", weight: 4 }).score).toBe(4);
  });
  test("a bare target of 0 is reverse: met by 0, missed by anything above", () => {
    expect(scoreRow({ target: "0", actual: "0", weight: 5 })).toMatchObject({
      method: "reverse",
      score: 5,
      ratio: null,
      flags: [],
    });
    expect(scoreRow({ target: "0起", actual: "2起", weight: 5 })).toMatchObject({
      method: "reverse",
      score: 0,
    });
  });
  test("the provincial linear rule is a policy", () => {
    const linear = policyFor("wuhan", { reverseScoring: "linear" });
    expect(scoreRow({ target: "≤10天", actual: "15天", weight: 4 }, linear).score).toBe(2);
    expect(scoreRow({ target: "≤10天", actual: "20天", weight: 4 }, linear).score).toBe(0);
    expect(scoreRow({ target: "≤10天", actual: "8天", weight: 4 }, linear).score).toBe(4);
    expect(scoreRow({ target: "≤10天", actual: "15天", weight: 4 }, wuhan).score).toBe(2.67);
  });
});

describe("range targets", () => {
  test("inside is full; outside is proportional to the nearer bound", () => {
    expect(scoreRow({ target: "400-4,000元/人", actual: "400元/人", weight: 2 }).score).toBe(2);
    expect(scoreRow({ target: "400-4,000元/人", actual: "300元/人", weight: 2 }).score).toBe(1.5);
    expect(scoreRow({ target: "400-4,000元/人", actual: "5,000元/人", weight: 2 }).score).toBe(1.6);
  });
});

describe("deadlines", () => {
  test("a month target is met by any day of that month, missed after it", () => {
    expect(scoreRow({ target: "2023年12月", actual: "2023年12月31日", weight: 3 }).score).toBe(3);
    expect(scoreRow({ target: "2023年12月", actual: "2024年1月5日", weight: 3 })).toMatchObject({
      score: 0,
      flags: ["unfinished"],
    });
    expect(scoreRow({ target: "2023年6月30日前", actual: "2023年7月1日", weight: 3 }).score).toBe(
      0
    );
    expect(scoreRow({ target: "2023年6月30日", actual: "2023年6月30日", weight: 3 }).score).toBe(3);
  });
  test("an actual date cell and an actual in words", () => {
    expect(
      scoreRow({
        target: "2023年12月",
        actual: 45260,
        weight: 3,
        formats: { actual: "yyyy-mm-dd" },
      }).score
    ).toBe(3);
    expect(scoreRow({ target: "2023年12月", actual: "按时完成", weight: 3 }).score).toBe(3);
    expect(scoreRow({ target: "2023年12月", actual: "延期完成", weight: 3 }).score).toBe(0);
  });
});

describe("qualitative indicators", () => {
  test("an entered score inside [0, weight] is kept", () => {
    expect(
      scoreRow({ target: "显著提升", actual: "显著提升", weight: 10, reported: 9.5 }).score
    ).toBe(9.5);
  });
  test("an identical actual is achieved; with no entered score the achieved share is proposed", () => {
    for (const text of ["有效提升", "无", "合格"]) {
      expect(scoreRow({ target: text, actual: text, weight: 10 })).toMatchObject({
        score: 10,
        flags: text === "有效提升" ? ["vague-target"] : [],
      });
    }
  });
  test("partial and failed tiers propose the policy share and flag the row unfinished", () => {
    expect(scoreRow({ target: "有效推进", actual: "基本完成", weight: 10 })).toMatchObject({
      score: 6.5,
    });
    expect(scoreRow({ target: "有效推进", actual: "基本完成", weight: 10 }, national).score).toBe(
      7
    );
    expect(scoreRow({ target: "合格", actual: "不合格", weight: 10 })).toMatchObject({
      score: 2.5,
      flags: ["unfinished"],
    });
  });
  test("a score outside its tier is flagged but kept", () => {
    const row = scoreRow({ target: "显著提升", actual: "一定程度提升", weight: 10, reported: 9 });
    expect(row.score).toBe(9);
    expect(row.flags).toEqual(["unfinished", "vague-target", "qualitative-tier"]);
  });
  test("an entered score above the weight is not kept", () => {
    expect(scoreRow({ target: "合格", actual: "合格", weight: 5, reported: 7 })).toMatchObject({
      score: 5,
      flags: ["score-mismatch"],
    });
  });
});

describe("rounding", () => {
  test("half up to the cent, exact for the decimal a person sees", () => {
    expect(roundHalfUp(2.2375)).toBe(2.24);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(0.792)).toBe(0.79);
    expect(roundHalfUp(19.905)).toBe(19.91);
    expect(roundHalfUp(-1.005)).toBe(-1.01);
  });
  test("the total is the sum of the rounded rows", () => {
    // Three rows of 10 × 2/3 = 6.666… each round to 6.67; the total is 20.01, not 20.
    const table = scoreTable([0, 1, 2].map(() => ({ target: "3", actual: "2", weight: 10 })));
    expect(table.indicators.map((i) => i.score)).toEqual([6.67, 6.67, 6.67]);
    expect(table.total).toBe(20.01);
  });
});

describe("grades", () => {
  test.each([
    [59.99, "差"],
    [60, "中"],
    [79.99, "中"],
    [80, "良"],
    [89.99, "良"],
    [90, "优"],
    [100, "优"],
    [0, "差"],
  ])("%d is %s", (total, grade) => {
    expect(gradeOf(total, wuhan)).toBe(grade);
  });
});

describe("review flags", () => {
  test("weak target at the ratio, not below, and only when both values are non-zero", () => {
    expect(scoreRow({ target: "10,000人", actual: "16,801人", weight: 10 })).toMatchObject({
      ratio: 1.68,
      flags: ["weak-target"],
    });
    expect(scoreRow({ target: "100人", actual: "149人", weight: 10 }).flags).toEqual([]);
    expect(scoreRow({ target: "100人", actual: "150人", weight: 10 }).flags).toEqual([
      "weak-target",
    ]);
    expect(scoreRow({ target: "≤1‰", actual: "0.02‰", weight: 3 })).toMatchObject({
      ratio: 50,
      flags: ["weak-target"],
    });
    expect(scoreRow({ target: "≤1‰", actual: "0", weight: 3 })).toMatchObject({
      ratio: null,
      flags: [],
    });
    const strict = policyFor("wuhan", { weakRatio: 2 });
    expect(scoreRow({ target: "10,000人", actual: "16,801人", weight: 10 }, strict).flags).toEqual(
      []
    );
  });
  test("vague targets are flagged, clear yes/no facts are not", () => {
    for (const vague of [
      "正增长",
      "有效提升",
      "显著提升",
      "有效保障",
      "顺利推进",
      "逐步提高",
      "进一步加强",
      "明显改善",
    ]) {
      expect(scoreRow({ target: vague, actual: vague, weight: 2 }).flags).toContain("vague-target");
    }
    for (const clear of ["无", "0", "合格", "是", "按时完成", "2023年12月"]) {
      expect(scoreRow({ target: clear, actual: clear, weight: 2 }).flags).not.toContain(
        "vague-target"
      );
    }
  });
  test("a reported score that differs from the computed one", () => {
    expect(scoreRow({ target: "≥50名", actual: "49名", weight: 2, reported: 2 }).flags).toEqual([
      "unfinished",
      "score-mismatch",
    ]);
    expect(
      scoreRow({ target: "≥50名", actual: "49名", weight: 2, reported: "1.96分" }).flags
    ).toEqual(["unfinished"]);
  });
  test("an unfinished row needs a reason where the table has a place for one", () => {
    const rows = [
      { target: "12人", actual: "6人", weight: 2 },
      { target: "12人", actual: "6人", weight: 2, reason: "受疫情影响" },
    ];
    const table = scoreTable(rows, undefined, true);
    expect(table.indicators[0].flags).toEqual(["unfinished", "missing-reason"]);
    expect(table.indicators[0].notes).toContain("未完成但未填写偏差原因（F2）");
    expect(table.indicators[1].flags).toEqual(["unfinished"]);
    expect(scoreTable(rows).indicators[0].flags).toEqual(["unfinished"]);
  });
  test("weights that do not add up to 100 without a budget block", () => {
    const table = scoreTable([{ target: "1", actual: "1", weight: 30 }]);
    expect(table.flags).toContain("weight-mismatch");
    expect(table.notes).toContain("预算执行与各指标分值合计 30 分，不等于 100 分");
  });
});

describe("table checks", () => {
  const jiguan = () => toGrid(layoutTable(referenceTable("jiguan")));

  test("a reported total that differs from the computed one", () => {
    const grid = jiguan();
    grid.values = grid.values.map((line) => line.map((v) => (v === "98.9分" ? "99.5分" : v)));
    const [table] = evaluateWorkbook([grid]);
    expect(table.flags).toEqual(["total-mismatch"]);
    expect(table.notes[0]).toMatch(/^填报总分 99.5（G\d+）与复核总分 98.9 不符$/);
  });

  test("a 二级 subtotal that its rows do not add up to", () => {
    const grid = jiguan();
    grid.values = grid.values.map((line) =>
      line.map((v) => (v === "数量指标（28分）" ? "数量指标（30分）" : v))
    );
    const [table] = evaluateWorkbook([grid]);
    expect(table.flags).toEqual(["weight-mismatch"]);
    expect(table.notes).toEqual(["“数量指标”标明 30 分，其下指标分值合计 28 分"]);
    expect(table.total).toBe(98.9);
  });
});

describe("the finance bureau checklist", () => {
  const jiguan = referenceTable("jiguan");
  const withRows = (keep: (row: (typeof jiguan.blocks)[0]["rows"][0]) => boolean) =>
    evaluateWorkbook([
      toGrid(
        layoutTable({
          ...jiguan,
          blocks: [{ ...jiguan.blocks[0], rows: jiguan.blocks[0].rows.filter(keep) }],
        })
      ),
    ])[0];

  test("fewer than five 个性指标 beyond the common ones", () => {
    const rows = jiguan.blocks[0].rows;
    const table = withRows((r) => rows.indexOf(r) < 4 || /满意/.test(r.level1));
    expect(table.flags).toContain("too-few-indicators");
    expect(table.notes).toContain("个性指标只有 4 个，少于 5 个");
    expect(withRows((r) => rows.indexOf(r) < 5 || /满意/.test(r.level1)).flags).not.toContain(
      "too-few-indicators"
    );
  });

  test("a dimension missing among 预算执行, 产出, 效益, 满意度", () => {
    const table = withRows((r) => !/满意|效益/.test(r.level1));
    expect(table.flags).toContain("missing-dimension");
    expect(table.notes).toContain("缺少“效益”、“满意度”维度的指标");
    expect(scoreTable([{ target: "1", actual: "1", weight: 30 }]).notes).toContain(
      "缺少“预算执行”、“产出”、“效益”、“满意度”维度的指标"
    );
  });
});

describe("units in the notes and findings", () => {
  test("a bare actual read in the target’s unit says so in a note, and scores on that reading", () => {
    const row = scoreRow({ target: "≥22万人", actual: "23", weight: 10, reported: 10 });
    expect(row).toMatchObject({ score: 10, ratio: 1.05, flags: [] });
    expect(row.notes).toEqual(["完成值“23”未写单位，按“万人”读取"]);
  });

  test("a bare actual that is absurd in the target’s unit is read in the base unit, and the note says so", () => {
    const row = scoreRow({ target: "≥100万元", actual: 1000000, weight: 10, reported: 10 });
    expect(row).toMatchObject({ score: 10, ratio: 1, flags: [] });
    expect(row.notes[0]).toMatch(/按基本单位读取/);
  });

  test("units that cannot be compared are a unit-mismatch finding that keeps the entered score", () => {
    const row = scoreRow({ target: "≥90分", actual: "95%", weight: 10, reported: 8 });
    expect(row).toMatchObject({ score: 8, flags: ["unit-mismatch"], method: "positive" });
    expect(row.notes).toEqual(["目标值“≥90分”与完成值“95%”的单位（分、%）不可比，保留填报得分"]);
  });
});

describe("values out of any sane range", () => {
  test.each([
    ["a target of 1E+308", { target: 1e308, actual: "120人" }, "目标值“1e+308”（B2）"],
    ["an actual of 1E+308", { target: "≥100人", actual: 1e308 }, "完成值“1e+308”（C2）"],
    [
      "an actual that is not finite",
      { target: "≥100人", actual: Infinity },
      "完成值“Infinity”（C2）",
    ],
    [
      "an actual written with twenty digits",
      { target: "≥100人", actual: "99999999999999999999人" },
      "完成值“99999999999999999999人”（C2）",
    ],
    [
      "a target nearer 0 than any measurement",
      { target: 1e-300, actual: 1e15 },
      "目标值“1e-300”（B2）",
    ],
  ])("%s is unreadable, named in the note, and keeps the entered score", (_, values, named) => {
    const row = scoreRow({ ...values, weight: 10, reported: 7 });
    expect(row).toMatchObject({ flags: ["unreadable"], score: 7, ratio: null });
    expect(row.notes).toEqual([`${named}超出可信的数值范围，不能作为数据，保留填报得分`]);
  });

  test("the largest sane values still score, and their ratio is a finite number", () => {
    const row = scoreRow({ target: 1e-30, actual: 1e15, weight: 10 });
    expect(row.flags).toEqual(["weak-target"]);
    expect(Number.isFinite(row.ratio)).toBe(true);
  });

  test("an entered score of 1E+308 is not taken for one", () => {
    const row = scoreRow({ target: "≥100人", actual: "100人", weight: 10, reported: 1e308 });
    expect(row).toMatchObject({ score: 10, reportedScore: null, flags: ["unreadable"] });
    expect(row.notes).toEqual([
      "填报得分“1e+308”（E2）超出可信的数值范围，不能作为数据，保留填报得分",
    ]);
  });

  test("a budget executed amount of 1E+308 is unreadable and named", () => {
    const spec = referenceTable("jiguan");
    const [table] = evaluateWorkbook([
      toGrid(layoutTable({ ...spec, budget: { ...spec.budget, B: 1e308 } })),
    ]);
    expect(table.budget).toMatchObject({ executed: null, rate: null, score: 19.84 });
    expect(table.flags).toContain("unreadable");
    expect(table.notes.join("\n")).toMatch(/执行数“1e\+308”（[A-Z]+\d+）超出可信的数值范围/);
  });
});
