import { TableResult, evaluateWorkbook } from "../../src/core/evaluate";
import { CellValue, SheetGrid } from "../../src/core/grid";
import { policyFor } from "../../src/core/policy";

/** One sheet from rows of cells; short rows are padded. */
function sheet(rows: CellValue[][], merges: SheetGrid["merges"] = []): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
  return { name: "自评表", origin: { row: 0, col: 0 }, values, merges };
}

function score(rows: CellValue[][], merges: SheetGrid["merges"] = []): TableResult[] {
  return evaluateWorkbook([sheet(rows, merges)], { policy: policyFor("national") });
}

const BUDGET: CellValue[][] = [
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 100, 100, 100, 10, 1, 10],
];
const HEADER: CellValue[] = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
];
/** Nine indicators of 10 points each, all met, across the four dimensions. */
const ROWS: CellValue[][] = [
  ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 10, 10],
  ["产出指标", "数量指标", "场次", "≥10场", "10场", 10, 10],
  ["产出指标", "质量指标", "合格率", "≥95%", "96%", 10, 10],
  ["产出指标", "时效指标", "完成时间", "2023年12月", "2023年11月", 10, 10],
  ["产出指标", "成本指标", "人均成本", "≤500元", "480元", 10, 10],
  ["效益指标", "社会效益", "就业人数", "≥50人", "60人", 10, 10],
  ["效益指标", "社会效益", "示范基地", "达标", "达标", 10, 10],
  ["效益指标", "可持续影响", "长效机制", "建立", "建立", 10, 10],
  ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", "95%", 10, 10],
];

function table(rows: CellValue[][], header = HEADER, budget = BUDGET): TableResult {
  const tables = score([
    ["2023年度项目支出绩效自评表"],
    ...budget,
    header,
    ...rows,
    ["总分", null, null, null, null, 100, 100],
  ]);
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe("header spellings are matched on the words that carry the meaning", () => {
  test.each([
    ["年度实际完成值", "年度指标值"],
    ["实际完成指标值", "年度指标值"],
    ["实际完成值", "指标目标值"],
    ["实际完成值", "绩效目标值"],
    ["完成值（B）", "年初目标值（A）"],
    ["全年实际值", "2023年度指标值"],
  ])("actual %s, target %s", (actual, target) => {
    const t = table(ROWS, ["一级指标", "二级指标", "三级指标", target, actual, "分值", "得分"]);
    expect(t.indicators).toHaveLength(9);
    expect(t.total).toBe(100);
    expect(t.flags).toEqual([]);
  });

  test("年度预算数 and 预算执行数 head the budget block", () => {
    const budget = [
      ["预算执行情况", null, "年度预算数", "预算执行数", "预算执行率", "分值", "得分"],
      [null, "年度资金总额", 200, 150, 0.75, 10, 7.5],
    ];
    const t = table(ROWS, HEADER, budget);
    expect(t.budget).toMatchObject({ planned: 200, executed: 150, weight: 10, score: 7.5 });
  });

  test("调整后预算数 is what the budget is scored against where the form has it", () => {
    const budget = [
      [
        "项目资金（万元）",
        null,
        "年初预算数",
        "调整后预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
      ],
      [null, "年度资金总额", 80, 100, 100, 10, 1, 10],
    ];
    expect(table(ROWS, HEADER, budget).budget).toMatchObject({ planned: 100, score: 10 });
  });

  test("a spaced 一级 label (产 出 指 标 (50分)) is the 产出 dimension and states its subtotal", () => {
    const rows = ROWS.map((r, i) => (i < 5 ? ["产 出 指 标 (50分)", ...r.slice(1)] : r));
    const t = table(rows);
    expect(t.flags).toEqual([]);
    expect(t.indicators[0].level1).toBe("产出指标");
  });

  test("a table whose indicator header is not found is an error for that table, not a grade", () => {
    const tables = score([
      ...BUDGET,
      ["一级", "二级", "名目", "甲", "乙"],
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人"],
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].grade).toBeNull();
    expect(tables[0].total).toBeNull();
    expect(tables[0].error).toMatch(/未找到指标表头/);
  });
});

describe("headers over two rows", () => {
  test("指标值 over 年度目标值 | 实际完成值, the other names merged down", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "指标值", null, "分值", "得分"],
      [null, null, null, "年度目标值", "实际完成值"],
      ...ROWS,
    ];
    const merges = [0, 1, 2, 5, 6].map((c) => ({ top: 0, left: c, bottom: 1, right: c }));
    const [t] = score(rows, [...merges, { top: 0, left: 3, bottom: 0, right: 4 }]);
    expect(t.indicators).toHaveLength(9);
    expect(t.detected.blocks).toHaveLength(1);
  });

  test("a header merged down whole over two rows is one header", () => {
    const rows = [HEADER, HEADER.map(() => null), ...ROWS];
    const [t] = score(
      rows,
      HEADER.map((_, c) => ({ top: 0, left: c, bottom: 1, right: c }))
    );
    expect(t.detected.blocks.map((b) => b.rows.length)).toEqual([9]);
  });
});

describe("totals", () => {
  test("a 合计 row of the indicators before 自评总分 is a subtotal, not the table total", () => {
    const tables = score([
      ...BUDGET,
      HEADER,
      ...ROWS,
      ["合计", null, null, null, null, 90, 90],
      ["自评总分", null, null, null, null, 100, 100],
    ]);
    expect(tables[0].total).toBe(100);
    expect(tables[0].reportedTotal).toBe(100);
    expect(tables[0].detected.subtotal?.label).toBe("合计");
    expect(tables[0].flags).toEqual([]);
  });

  test("a lone 合计 holding the indicators’ 分值 is not taken as the table total", () => {
    const [t] = score([...BUDGET, HEADER, ...ROWS, ["合计", null, null, null, null, 90, 90]]);
    expect(t.reportedTotal).toBeNull();
    expect(t.flags).not.toContain("total-mismatch");
  });

  test("a total label that is not in the first column (其他需要说明事项 | 无 | 总分 | 100 | 96 | 优)", () => {
    const [t] = score([
      ...BUDGET,
      HEADER,
      ...ROWS,
      ["其他需要说明事项", "无", "总分", null, null, 100, 96, "优"],
    ]);
    expect(t.detected.total).toMatchObject({ row: 12, reportedGrade: "优" });
    expect(t.reportedTotal).toBe(96);
    expect(t.flags).toEqual(["total-mismatch"]);
  });

  test.each(["总分值", "合计得分", "得分合计", "自评总分"])(
    "%s is the total, never an indicator",
    (label) => {
      const [t] = score([...BUDGET, HEADER, ...ROWS, [label, null, null, null, null, 100, 100]]);
      expect(t.indicators).toHaveLength(9);
      expect(t.total).toBe(100);
      expect(t.reportedTotal).toBe(100);
      expect(t.flags).toEqual([]);
    }
  );

  test("no total exceeds 100: the 分值 beside the total is not taken for it", () => {
    const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分", "分值"];
    const rows = ROWS.map((r) => [...r.slice(0, 5), r[6], r[5]]);
    const [t] = score([...BUDGET, header, ...rows, ["总分", null, null, null, null, null, 100]]);
    expect(t.reportedTotal).toBeNull();
  });
});

describe("breakdown rows belong to the row above", () => {
  test("其中 rows and rows whose 分值 is / are shown, not scored, not findings", () => {
    const rows = [
      ROWS[0],
      ["产出指标", "数量指标", "其中：女性学员", "≥40人", "45人", null, null],
      ["产出指标", "数量指标", "青年学员", "≥30人", "20人", "/", "/"],
      ...ROWS.slice(1),
    ];
    const t = table(rows);
    expect(t.indicators).toHaveLength(9);
    expect(t.indicators[0].breakdown).toEqual([
      { row: 6, name: "其中：女性学员", target: "≥40人", actual: "45人" },
      { row: 7, name: "青年学员", target: "≥30人", actual: "20人" },
    ]);
    expect(t.total).toBe(100);
    expect(t.flags).toEqual([]);
    expect(t.indicators.flatMap((i) => i.flags)).toEqual([]);
  });
});

describe("weights", () => {
  test("weights written as percentages of a 100-point table are points", () => {
    const rows = ROWS.map((r) => [...r.slice(0, 5), "10%", r[6]]);
    const t = table(rows, [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "权重",
      "得分",
    ]);
    expect(t.indicators.map((i) => i.weight)).toEqual(Array(9).fill(10));
    expect(t.total).toBe(100);
    expect(t.flags).toEqual([]);
  });

  test("a weight held as 0.1 with a percent format is 10 points", () => {
    const rows = [
      ...BUDGET,
      HEADER,
      ...ROWS.map((r) => [...r.slice(0, 5), 0.1, r[6]]),
      ["总分", null, null, null, null, 1, 100],
    ];
    const grid = sheet(rows);
    grid.numberFormats = rows.map((r, i) =>
      r.map((_, j) => (j === 5 && i > 2 && i < 12 ? "0%" : "General"))
    );
    const [t] = evaluateWorkbook([grid], { policy: policyFor("national") });
    expect(t.indicators.map((i) => i.weight)).toEqual(Array(9).fill(10));
    expect(t.flags).toEqual([]);
  });
});

describe("budget blocks", () => {
  test("a 年度资金总额 row left at 0 takes the money of its 其中 rows", () => {
    const budget = [
      [
        "项目资金（万元）",
        null,
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
      ],
      [null, "年度资金总额", 0, 0, 0, 10, null, 9],
      [null, "其中：本年财政拨款", 100, 100, 90, null, null, null],
      [null, "上年结转资金", null, null, null, null, null, null],
    ];
    expect(table(ROWS, HEADER, budget).budget).toMatchObject({
      planned: 100,
      executed: 90,
      score: 9,
      reportedScore: 9,
    });
  });
});

describe("unfilled tables", () => {
  test("targets without actuals or scores are reported as not filled in, with no grade", () => {
    const rows = ROWS.map((r) => [...r.slice(0, 4), null, r[5], null]);
    const [t] = score([...BUDGET, HEADER, ...rows, ["总分", null, null, null, null, 100, null]]);
    expect(t.flags).toEqual(["unfilled"]);
    expect(t.grade).toBeNull();
    expect(t.total).toBeNull();
    expect(t.indicators.flatMap((i) => i.flags)).toEqual([]);
  });
});

describe("segmentation", () => {
  test("a goal label after a closed table opens nothing by itself", () => {
    const rows = [
      HEADER,
      ...ROWS,
      ["总分", null, null, null, null, 90, 90],
      ["目标1"],
      ["年度目标2："],
    ];
    const tables = score(rows);
    expect(tables).toHaveLength(1);
    expect(tables[0].indicators).toHaveLength(9);
  });

  test("two tables stacked without total rows are two tables", () => {
    const rows = [["甲项目绩效自评表"], HEADER, ...ROWS, [], ["乙项目绩效自评表"], HEADER, ...ROWS];
    const tables = score(rows);
    expect(tables.map((t) => [t.title, t.indicators.length])).toEqual([
      ["甲项目绩效自评表", 9],
      ["乙项目绩效自评表", 9],
    ]);
  });
});

describe("forms from the second corpus", () => {
  test("一级/二级 written as caption rows across the table are labels, not indicators", () => {
    const header = ["三级指标", "年度指标值", "实际完成值", "分值", "得分"];
    const caption = (text: string): CellValue[] => [text, text, text, text, text];
    const rows = [
      header,
      caption("一、产出指标（50分）"),
      ...ROWS.slice(0, 5).map((r) => r.slice(2)),
      caption("二、效益指标（30分）"),
      ...ROWS.slice(5, 8).map((r) => r.slice(2)),
      caption("三、满意度指标（10分）"),
      ROWS[8].slice(2),
    ];
    const merges = [1, 7, 11].map((top) => ({ top, left: 0, bottom: top, right: 4 }));
    const [t] = score(
      [...BUDGET, ...rows.map((r) => r), ["总分", null, null, 100, 100]],
      merges.map((m) => ({ ...m, top: m.top + 2, bottom: m.bottom + 2 }))
    );
    expect(t.indicators).toHaveLength(9);
    expect(t.indicators.map((i) => i.level1)).toEqual([
      ...Array(5).fill("产出指标"),
      ...Array(3).fill("效益指标"),
      "满意度指标",
    ]);
    expect(t.flags).toEqual([]);
  });

  test("a 预算数 | 执行数 task list between the budget block and the indicators is not the budget", () => {
    const tasks = [
      ["任务名称", "主要内容", "预算数（万元）", "执行数（万元）"],
      ["宣传培训", "开展培训", 30, 25],
    ];
    const [t, ...rest] = score([
      ...BUDGET,
      ...tasks,
      HEADER,
      ...ROWS,
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(rest).toEqual([]);
    expect(t.budget).toMatchObject({ planned: 100, executed: 100, score: 10 });
    expect(t.indicators).toHaveLength(9);
  });

  test("an earlier year’s column (上年实际完成值) is never the actual", () => {
    const header = [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "上年实际完成值",
      "实际完成值",
      "分值",
      "得分",
    ];
    const rows = ROWS.map((r) => [...r.slice(0, 4), "1人", ...r.slice(4)]);
    const t = table(rows, header);
    expect(t.indicators[0].actual).toBe("120人");
    expect(t.flags).toEqual([]);
  });

  test("a deadline typed as 2023年6月 (a date cell showing the month) is met by any day of June", () => {
    const rows = [
      ...BUDGET,
      HEADER,
      ...ROWS.slice(0, 3),
      ["产出指标", "时效指标", "完成时间", 45078, 45097, 10, 10],
      ...ROWS.slice(4),
      ["总分", null, null, null, null, 100, 100],
    ];
    const grid = sheet(rows);
    grid.numberFormats = rows.map((r, i) =>
      r.map((_, j) =>
        i === 6 && j === 3 ? 'yyyy"年"m"月"' : i === 6 && j === 4 ? "yyyy-mm-dd" : "General"
      )
    );
    const [t] = evaluateWorkbook([grid], { policy: policyFor("national") });
    expect(t.indicators[3]).toMatchObject({
      target: "2023年6月",
      method: "deadline",
      score: 10,
      flags: [],
    });
  });
});

describe("rows and columns that only look like other parts", () => {
  const SCORED = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "评分标准",
    "得分",
  ];

  test("a 评分标准 column is not the score column", () => {
    const t = table(
      ROWS.map((r) => [...r.slice(0, 6), "按完成比例计分", r[6]]),
      SCORED
    );
    expect(t.indicators.every((i) => i.reportedScore === 10)).toBe(true);
    expect(t.flags).toEqual([]);
  });

  test("a 合计 between groups of a block is a group subtotal, and the rows after it stay in the table", () => {
    const rows = [...ROWS.slice(0, 5), ["合计", null, null, null, null, 50, 50], ...ROWS.slice(5)];
    const t = table(rows);
    expect(t.indicators).toHaveLength(9);
    expect(t.total).toBe(100);
    expect(t.flags).toEqual([]);
  });

  test("indicator names that begin with 合计 or 小计 are indicators", () => {
    const rows = [
      ["产出指标", "数量指标", "合计培训人数", "≥100人", "120人", 10, 10],
      ...ROWS.slice(1),
    ];
    expect(table(rows).indicators[0].name).toBe("合计培训人数");
  });

  test("a department table whose 年度目标 blocks each end with 合计 stays one table", () => {
    const goal = (n: number, rows: CellValue[][]) => [
      [`年度目标${n}：（${rows.length * 10}分）`, `第${n}项目标`],
      HEADER,
      ...rows,
      ["合计", null, null, null, null, rows.length * 10, rows.length * 10],
    ];
    const tables = score([
      ["部门整体支出绩效自评表"],
      ...BUDGET,
      ...goal(1, ROWS.slice(0, 5)),
      ...goal(2, ROWS.slice(5)),
      ["自评总分", null, null, null, null, 100, 100],
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      kind: "department",
      total: 100,
      reportedTotal: 100,
      flags: [],
    });
    expect(tables[0].indicators.map((i) => i.goal)).toEqual([
      ...Array(5).fill("第1项目标"),
      ...Array(4).fill("第2项目标"),
    ]);
  });

  test("a goal with its text and weight in one cell (年度目标1：完成某项任务（50分）)", () => {
    const tables = score([
      ...BUDGET,
      ["年度目标1：完成培训任务（90分）"],
      HEADER,
      ...ROWS,
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(tables[0].detected.blocks[0]).toMatchObject({ goal: "完成培训任务", weight: 90 });
  });

  test("a goal label after a closed table is not carried into the next table", () => {
    const one = [
      ["甲项目绩效自评表"],
      ["项目名称：甲项目"],
      ...BUDGET,
      HEADER,
      ...ROWS,
      ["总分", null, null, null, null, 100, 100],
    ];
    const two = [
      ["乙项目绩效自评表"],
      ["项目名称：乙项目"],
      ...BUDGET,
      HEADER,
      ...ROWS,
      ["总分", null, null, null, null, 100, 100],
    ];
    const tables = score([...one, ["目标1", "（备注）"], [], ...two]);
    expect(tables.map((t) => [t.range, t.projectName, t.kind])).toEqual([
      ["A1:H15", "甲项目", "project"],
      ["A16:H32", "乙项目", "project"],
    ]);
    expect(tables[1].indicators[0].goal).toBeNull();
  });

  test("a subtotal weight written as a percentage (合计 | 90%) is still the indicators’ subtotal", () => {
    const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分"];
    const rows = ROWS.map((r) => [...r.slice(0, 5), "10%", r[6]]);
    const [t] = score([...BUDGET, header, ...rows, ["合计", null, null, null, null, "90%", 90]]);
    expect(t.reportedTotal).toBeNull();
    expect(t.flags).not.toContain("total-mismatch");
  });

  test("a row with an empty weight under another 二级 is an indicator missing its weight, not a breakdown", () => {
    const rows = [
      ROWS[0],
      ["产出指标", "质量指标", "合格率", "≥95%", "90%", null, null],
      ...ROWS.slice(1),
    ];
    const t = table(rows);
    expect(t.indicators[1]).toMatchObject({ name: "合格率", flags: ["unreadable"] });
    expect(t.indicators[0].breakdown).toEqual([]);
  });

  test("an indicator with every value left empty is listed (unreadable), not dropped", () => {
    const rows = [
      ...ROWS.slice(0, 8),
      ["满意度指标", "服务对象满意度", "学员满意度", null, null, null, null],
    ];
    const t = table(rows);
    expect(t.indicators).toHaveLength(9);
    expect(t.indicators[8].flags).toContain("unreadable");
    expect(t.flags).not.toContain("missing-dimension");
  });

  test("调整后预算数 left blank falls back to 全年预算数 on that row", () => {
    const budget = [
      [
        "项目资金（万元）",
        null,
        "年初预算数",
        "全年预算数",
        "调整后预算数",
        "全年执行数",
        "分值",
        "得分",
      ],
      [null, "年度资金总额", 80, 100, null, 100, 10, 10],
    ];
    expect(table(ROWS, HEADER, budget).budget).toMatchObject({ planned: 100, score: 10 });
  });

  test("Sichuan split target: a bare actual is read against the 度量单位 like any bare number", () => {
    const header = [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
      "实际完成值",
      "分值",
      "得分",
    ];
    const rows = [
      ["产出指标", "数量指标", "补助资金", "正向", 100, "万元", 1000000, 10, 10],
      ["产出指标", "质量指标", "合格率", "≥", 90, "%", 0.95, 10, 10],
      ...ROWS.slice(2).map((r) => [...r.slice(0, 3), "定性", "达标", null, "达标", 10, 10]),
    ];
    const t = table(rows, header);
    expect(t.indicators.slice(0, 2).map((i) => [i.score, i.flags])).toEqual([
      [10, []],
      [10, []],
    ]);
    expect(t.indicators[0].notes[0]).toMatch(/按基本单位读取/);
  });
});

describe("labels and placeholders printed forms use", () => {
  test("a block label holding 完成情况 (绩效指标完成情况) is not the actual column", () => {
    const header = ["绩效指标完成情况", ...HEADER];
    const rows = ROWS.map((r) => [null, ...r]);
    rows[0] = [null, "产出指标", "数量指标", "培训人数", "≥100人", "80人", 10, 10];
    const [t] = score(
      [...BUDGET, header, ...rows, ["总分", null, null, null, null, null, 100, 100]],
      [{ top: 2, left: 0, bottom: 11, right: 0 }]
    );
    expect(t.indicators[0]).toMatchObject({
      actual: "80人",
      score: 8,
      flags: ["unfinished", "score-mismatch"],
    });
    expect(t.flags).toContain("total-mismatch");
  });

  test("a budget block label 预算资金（万元） is not the planned column", () => {
    const budget = [
      [
        "预算资金（万元）",
        null,
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
      ],
      [null, "年度资金总额", 5000, 5200, 4000, 10, 0.7692, 10],
    ];
    const [t] = score(
      [...budget, HEADER, ...ROWS, ["总分", null, null, null, null, 100, 100]],
      [{ top: 0, left: 0, bottom: 1, right: 0 }]
    );
    expect(t.budget).toMatchObject({ planned: 5200, executed: 4000, score: 7.69 });
    expect(t.flags).toEqual(expect.arrayContaining(["score-mismatch", "total-mismatch"]));
  });

  test("调整后指标值 holding / or — means not adjusted: the original target stands", () => {
    const header = [
      "一级指标",
      "二级指标",
      "三级指标",
      "年初指标值",
      "调整后指标值",
      "实际完成值",
      "分值",
      "得分",
    ];
    const rows = ROWS.map((r, i) => [
      ...r.slice(0, 4),
      i === 0 ? "/" : i === 1 ? "—" : null,
      ...r.slice(4),
    ]);
    const t = table(rows, header);
    expect(t.indicators.slice(0, 2).map((i) => [i.target, i.method])).toEqual([
      ["≥100人", "positive"],
      ["≥10场", "positive"],
    ]);
    expect(t.flags).toEqual([]);
  });

  test("an empty category filled with 无 or / is neither an indicator nor a finding", () => {
    const rows = [
      ...ROWS.slice(0, 7),
      ["效益指标", "生态效益", "无", "无", "无", null, null],
      ["效益指标", "可持续影响", "/", "/", "/", "/", "/"],
      ...ROWS.slice(7),
    ];
    const t = table(rows);
    expect(t.indicators).toHaveLength(9);
    expect(t.flags).toEqual([]);
  });

  test("a total row shifted by a column (score under 分值) is read, a lone 100 under 分值 is not", () => {
    const [t] = score([
      ...BUDGET,
      HEADER,
      ...ROWS,
      ["其他需要说明事项", "无", null, "总分", 100, 99.8, "优"],
    ]);
    expect(t.reportedTotal).toBe(99.8);
  });

  test("a 度量单位 of 月 with a number is months, not June", () => {
    const header = [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
      "实际完成值",
      "分值",
      "得分",
    ];
    const rows = [
      ["产出指标", "时效指标", "办理周期", "≤", 6, "月", 5, 10, 10],
      ...ROWS.slice(1).map((r) => [...r.slice(0, 3), "定性", "达标", null, "达标", 10, 10]),
    ];
    expect(table(rows, header).indicators[0]).toMatchObject({
      method: "reverse",
      score: 10,
      flags: [],
    });
  });

  test("scores kept for rows without a weight cannot carry the total past 100 unnoticed", () => {
    const rows = [...ROWS, ["满意度指标", "服务对象满意度", "家长满意度", "≥90%", "95%", null, 10]];
    const t = table(rows);
    expect(t.total).toBeGreaterThan(100);
    expect(t.flags).toContain("weight-mismatch");
  });
});

describe("findings as a reviewer reads them", () => {
  test("100% → 99.99% rounds to full marks and is not unfinished", () => {
    const rows = [["产出指标", "质量指标", "合格率", "100%", "99.99%", 10, 10], ...ROWS.slice(1)];
    expect(table(rows).indicators[0]).toMatchObject({ score: 10, flags: [] });
  });

  test("a reason is asked for only where the row’s block has a place for it", () => {
    const withReason = [...HEADER, "偏差原因"];
    const goal = (n: number, header: CellValue[], rows: CellValue[][]) => [
      [`年度目标${n}：（${rows.length * 10}分）`, `第${n}项目标`],
      header,
      ...rows,
    ];
    const missed = ["产出指标", "数量指标", "培训人数", "≥100人", "80人", 10, 8];
    const tables = score([
      ["部门整体支出绩效自评表"],
      ...BUDGET,
      ...goal(1, withReason, [missed, ...ROWS.slice(1, 5)]),
      ...goal(2, HEADER, [missed, ...ROWS.slice(6)]),
      ["自评总分", null, null, null, null, 100, 96],
    ]);
    const misses = tables[0].indicators.filter((i) => i.name === "培训人数");
    expect(misses.map((i) => i.flags)).toEqual([["unfinished", "missing-reason"], ["unfinished"]]);
  });

  test("a placeholder (无, /) in the narrative reason row is no reason, and the note names its cell", () => {
    const rows = [["产出指标", "数量指标", "培训人数", "≥100人", "80人", 10, 8], ...ROWS.slice(1)];
    const [t] = score([
      ...BUDGET,
      HEADER,
      ...rows,
      ["总分", null, null, null, null, 100, 98],
      ["偏差大或目标未完成原因分析", "无"],
    ]);
    expect(t.indicators[0].flags).toContain("missing-reason");
    expect(t.indicators[0].notes).toContain("未完成但未填写偏差原因（B14）");
  });

  test("a grade written in the total row that differs from the computed one is a finding", () => {
    const [t] = score([
      ...BUDGET,
      HEADER,
      ...ROWS,
      ["其他需要说明事项", "无", "总分", null, null, 100, 100, "良"],
    ]);
    expect(t.flags).toEqual(["total-mismatch"]);
    expect(t.notes).toContain("总分行填写的等级“良”与复核等级“优”不符");
  });

  test("a weight in 【】 brackets (培训人数【10分】) is read", () => {
    const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"];
    const rows = ROWS.map((r) => [r[0], r[1], `${r[2]}【10分】`, r[3], r[4], r[6]]);
    expect(table(rows, header).indicators.map((i) => i.weight)).toEqual(Array(9).fill(10));
  });

  test("a quarter (2023年第四季度) is a deadline at the end of December", () => {
    const rows = [
      ...ROWS.slice(0, 3),
      ["产出指标", "时效指标", "完成时间", "2023年第四季度", "2023年11月", 10, 10],
      ...ROWS.slice(4),
    ];
    expect(table(rows).indicators[3]).toMatchObject({ method: "deadline", score: 10, flags: [] });
  });
});

test("goals written in a 年度目标 column beside their rows label the rows, and their weights are checked", () => {
  const header = ["年度目标", ...HEADER];
  const rows = [
    ["目标1：培训任务（50分）", ...ROWS[0]],
    ...ROWS.slice(1, 5).map((r) => [null, ...r]),
    ["目标2：就业服务（30分）", ...ROWS[5]],
    ...ROWS.slice(6).map((r) => [null, ...r]),
  ];
  const merges = [
    { top: 3, left: 0, bottom: 7, right: 0 },
    { top: 8, left: 0, bottom: 11, right: 0 },
  ];
  const [t] = score(
    [...BUDGET, header, ...rows, ["总分", null, null, null, null, null, 100, 100]],
    merges
  );
  expect(t.kind).toBe("department");
  expect(t.indicators.map((i) => i.goal)).toEqual([
    ...Array(5).fill("培训任务"),
    ...Array(4).fill("就业服务"),
  ]);
  expect(t.flags).toEqual(["weight-mismatch"]);
  // Goal 1 states 50 and holds 50; goal 2 states 30 but holds 40.
  expect(t.notes).toEqual(["“就业服务”标明 30 分，其下指标分值合计 40 分"]);
});

describe("a bare number in a note carries the unit it was read in", () => {
  test("an actual of 0 beside a target in 人 reads 完成 0 人", () => {
    const rows = [["产出指标", "数量指标", "培训人数", "≥100人", 0, 10, 0], ...ROWS.slice(1)];
    const note = table(rows).indicators[0].notes.find((n) => n.startsWith("未完成"));
    expect(note).toBe("未完成：完成 0 人，目标 ≥100人");
  });

  test("beside a 度量单位 column both read in its unit; a percent is never added to a bare number", () => {
    const header = [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
      "度量单位",
      "实际完成值",
      "分值",
      "得分",
    ];
    const rows = [
      ["产出指标", "数量指标", "培训人数", 100, "人", 60, 10, 6],
      ["产出指标", "质量指标", "合格率", 95, "%", 0.9, 10, 9.47],
      ...ROWS.slice(2).map((r) => [...r.slice(0, 3), r[3], null, ...r.slice(4)]),
    ];
    const [people, share] = table(rows, header).indicators;
    expect(people.notes).toContain("未完成：完成 60 人，目标 100人");
    expect(share.notes.find((n) => n.startsWith("未完成"))).not.toMatch(/0\.9 %/);
  });
});
