import { evaluateWorkbook, TableResult } from "../../src/core/evaluate";
import { readGrids } from "../../src/file/read-workbook";
import {
  LayoutOptions,
  SheetSpec,
  TableSpec,
  layoutTable,
  stack,
  workbookBuffer,
} from "../helpers/layouts";
import { referenceTables } from "../helpers/reference";

/** The same published tables laid out the other ways units write them must score just as exactly. */
const VARIANTS: [string, LayoutOptions][] = [
  ["national layout (分值 column, 全年预算数)", { layout: "national" }],
  ["target split across 指标性质 | 指标值 | 度量单位", { layout: "sichuan" }],
  [
    "hand-made copy starting at C4 with a blank column",
    { origin: { row: 3, col: 2 }, blankColumnAfter: 2, levels: "repeated" },
  ],
  ["一级/二级 repeated on every row", { levels: "repeated" }],
  ["一级/二级 written once and left blank below", { levels: "filldown" }],
  ["percent values stored as percent-formatted numbers", { percentNumbers: true }],
  ["full-width digits and signs", { fullWidth: true }],
  ["renamed headers", { renamedHeaders: true }],
  ["a contact block below", { contactBlock: true }],
  [
    "national, renamed, fill-down, at B3",
    { layout: "national", renamedHeaders: true, levels: "filldown", origin: { row: 2, col: 1 } },
  ],
  [
    "split target, percent numbers, contact block",
    { layout: "sichuan", percentNumbers: true, contactBlock: true },
  ],
];

function expectPublished(table: TableResult, spec: TableSpec): void {
  const rows = spec.blocks.flatMap((b) => b.rows);
  expect(table.indicators.map((i) => i.score)).toEqual(rows.map((r) => r.reportedScore));
  expect(table.budget?.score).toBe(spec.budget.score);
  expect(table.total).toBe(spec.reportedTotal);
  expect(table.reportedTotal).toBe(spec.reportedTotal);
  expect(table.grade).toBe(spec.grade);
  expect(table.kind).toBe(spec.kind);
  expect(table.flags).toEqual([]);
}

async function scoreSheets(sheets: SheetSpec[]): Promise<TableResult[]> {
  return evaluateWorkbook(await readGrids(await workbookBuffer(sheets)));
}

describe.each(VARIANTS)("%s", (_label, options) => {
  test.each(referenceTables().map((t) => [t.id, t] as const))("%s", async (_id, spec) => {
    const tables = await scoreSheets([layoutTable(spec, options)]);
    expect(tables).toHaveLength(1);
    expectPublished(tables[0], spec);
  });
});

describe("workbooks with more than one table", () => {
  const specs = referenceTables();

  test("many project sheets and a cover sheet", async () => {
    const cover: SheetSpec = {
      name: "封面",
      cells: [
        [{ v: "2023 年度项目支出绩效自评报告" }],
        [],
        [{ v: "填报单位：武汉市人力资源和社会保障局" }],
      ],
      merges: [],
    };
    const sheets = [
      cover,
      ...specs.map((spec, i) =>
        layoutTable(spec, { sheetName: `项目${i + 1}`, levels: i % 2 ? "repeated" : "merged" })
      ),
    ];
    const tables = await scoreSheets(sheets);
    expect(tables.map((t) => t.sheet)).toEqual(specs.map((_, i) => `项目${i + 1}`));
    tables.forEach((table, i) => expectPublished(table, specs[i]));
  });

  test("two tables stacked in one sheet", async () => {
    const [dept, jiguan] = [
      specs.find((s) => s.id === "dept")!,
      specs.find((s) => s.id === "jiguan")!,
    ];
    const sheet = stack(layoutTable(jiguan, { contactBlock: true }), layoutTable(dept));
    const tables = await scoreSheets([sheet]);
    expect(tables).toHaveLength(2);
    expectPublished(tables[0], jiguan);
    expectPublished(tables[1], dept);
    expect(tables[0].projectName).toBe("机关业务工作经费");
    const [, bottom0] = tables[0].range.split(":");
    const [top1] = tables[1].range.split(":");
    expect(Number(top1.replace(/\D/g, ""))).toBeGreaterThan(Number(bottom0.replace(/\D/g, "")));
  });
});
