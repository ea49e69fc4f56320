import {
  AmbiguousAnnotatedSheetError,
  DamagedStateError,
  MissingAnnotatedSheetError,
  NewerStateVersionError,
} from "../../src/core/errors";
import { CellValue } from "../../src/core/grid";
import { StateRecord, locateSheets, stateFromRows, stateToRows } from "../../src/core/state";

const MAGIC = "selfeval-state";
const NOTE = "本工作表由绩效自评复核助手维护，用于撤销复核标注，请勿修改。";
const plain = JSON.stringify({
  fillColor: null,
  numberFormat: "General",
  bold: false,
  wrapText: false,
});
const read = (...rows: unknown[][]) => stateFromRows([[MAGIC, 2, NOTE], ...rows]);

/** What stateFromRows threw, to look at its class and sentences. */
function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("nothing was thrown");
}

describe("the bugs a reviewer reported", () => {
  test.each([null, "null"])(
    "a row whose style is %p is refused as damaged, not read to fail later",
    (style) => {
      const error = thrown(() => read(["highlight", "表", "E10", style, null]));
      expect(error).toBeInstanceOf(DamagedStateError);
      expect(error.message).toBe(
        "工作簿中记录复核标注的隐藏工作表已损坏（第 2 行原有格式无法读取），无法撤销以前的标注；未做任何修改。"
      );
      expect((error as DamagedStateError).english).toBe(
        "the workbook's hidden annotation record is damaged (row 2: unreadable original style); nothing was changed"
      );
    }
  );

  test("a version-1 record is read by version 1’s rules: one cell a row, one written value, a bare width", () => {
    const fill = JSON.stringify({
      fillColor: "FF00B0F0",
      rawFill: JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } }),
    });
    const records = stateFromRows([
      [MAGIC, 1, NOTE],
      ["highlight", "自评表", "E10", fill],
      ["output", "自评表", "H10", plain, "3.06"],
      ["output", "自评表", "I30", plain, JSON.stringify("等级：优")],
      ["output", "自评表", "I31", plain, "null"],
      // The first version-1 writers kept neither the written value nor the width's points.
      ["output", "自评表", "H8", plain],
      ["width", "自评表", 7, "12.5"],
      ["width", "自评表", 8, JSON.stringify({ width: null, points: 30 })],
      ["sheet", "复核汇总", null, null],
    ]);
    const style = JSON.parse(plain);
    expect(records).toEqual([
      { kind: "highlight", sheet: "自评表", row: 9, col: 4, style: JSON.parse(fill) },
      { kind: "output", sheet: "自评表", row: 9, col: 7, style, written: 3.06 },
      { kind: "output", sheet: "自评表", row: 29, col: 8, style, written: "等级：优" },
      { kind: "output", sheet: "自评表", row: 30, col: 8, style },
      { kind: "output", sheet: "自评表", row: 7, col: 7, style },
      { kind: "width", sheet: "自评表", col: 7, width: 12.5 },
      { kind: "width", sheet: "自评表", col: 8, width: null, points: 30 },
      { kind: "sheet", sheet: "复核汇总" },
    ]);
  });

  test("a version-1 record is not read by version 2’s rules: a run of cells or a list of values is damage there", () => {
    const v1 = (row: unknown[]) => () => stateFromRows([[MAGIC, 1, NOTE], row]);
    expect(v1(["output", "表", "H9:H10", plain, "[1,2]"])).toThrow(DamagedStateError);
    expect(v1(["output", "表", "H9", plain, "[1]"])).toThrow(DamagedStateError);
  });

  test("a record written by a newer version is refused with its own sentence", () => {
    const error = thrown(() =>
      stateFromRows([
        [MAGIC, 5, NOTE],
        ["sheet", "复核汇总", null, null],
      ])
    );
    expect(error).toBeInstanceOf(NewerStateVersionError);
    expect(error.message).toBe(
      "工作簿中的复核标注由更新版本的复核助手写入（记录版本 5），本版本无法撤销；请用新版本撤销或复核，未做任何修改。"
    );
  });
});

describe("every field of every row is checked", () => {
  const style = JSON.stringify({ fillColor: null });
  test("well-formed rows of each kind read back", () => {
    expect(
      read(
        ["output", "表", "H9:H10", style, '[1.5,"未完成"]'],
        ["highlight", "表", "E9", style, null],
        ["width", "表", 7, '{"width":null}'],
        ["width", "表", 8, '{"width":12,"points":68.4}', ""],
        ["sheet", "复核汇总", null, null, ""]
      )
    ).toEqual([
      { kind: "output", sheet: "表", row: 8, col: 7, style: { fillColor: null }, written: 1.5 },
      {
        kind: "output",
        sheet: "表",
        row: 9,
        col: 7,
        style: { fillColor: null },
        written: "未完成",
      },
      { kind: "highlight", sheet: "表", row: 8, col: 4, style: { fillColor: null } },
      { kind: "width", sheet: "表", col: 7, width: null },
      { kind: "width", sheet: "表", col: 8, width: 12, points: 68.4 },
      { kind: "sheet", sheet: "复核汇总" },
    ]);
  });

  test("what either host writes reads back the same, empty cells as null or as Excel’s empty text", () => {
    const records: StateRecord[] = [
      {
        kind: "highlight",
        sheet: "表",
        row: 9,
        col: 4,
        style: { fillColor: "FFFFC000", rawFill: '{"type":"pattern"}' },
      },
      {
        kind: "output",
        sheet: "表",
        row: 9,
        col: 7,
        style: { fillColor: null, raw: '{"numFmt":"0.00"}' },
        written: 3.06,
      },
      {
        kind: "output",
        sheet: "表",
        row: 10,
        col: 7,
        style: { fillColor: null, raw: '{"numFmt":"0.00"}' },
      },
      { kind: "width", sheet: "表", col: 7, width: 10, points: 57 },
      { kind: "sheet", sheet: "复核汇总" },
    ];
    const rows = stateToRows(records);
    const asExcel = rows.map((row) =>
      [...row, null, null, null, null, null].slice(0, 5).map((v) => (v === null ? "" : v))
    );
    expect(stateFromRows(rows)).toEqual(records);
    expect(stateFromRows(asExcel)).toEqual(records);
  });

  test("a sheet name Excel stored as a number reads as its text", () => {
    expect(read(["output", 2023, "H9", style, "[1]"])).toEqual([
      { kind: "output", sheet: "2023", row: 8, col: 7, style: { fillColor: null }, written: 1 },
    ]);
  });

  const cases: [string, unknown[], string][] = [
    ["an unknown kind", ["remark", "表", "H9", style, "[1]"], "类别无法识别"],
    ["no kind", [null, "表", "H9", style, "[1]"], "类别无法识别"],
    ["an empty row", [], "类别无法识别"],
    ["no sheet name", ["output", null, "H9", style, "[1]"], "工作表名称无法读取"],
    ["a blank sheet name", ["sheet", "  ", null, null], "工作表名称无法读取"],
    ["a sheet name that is not text", ["output", true, "H9", style, "[1]"], "工作表名称无法读取"],
    ["the record sheet itself", ["sheet", "_selfeval_state", null, null], "工作表名称无法读取"],
    ["no cell range", ["output", "表", null, style, "[1]"], "单元格地址无法读取"],
    ["a cell range that is a number", ["highlight", "表", 9, style, null], "单元格地址无法读取"],
    [
      "a cell range that is not an address",
      ["output", "表", "here", style, "[1]"],
      "单元格地址无法读取",
    ],
    [
      "a cell range over two columns",
      ["output", "表", "H9:I10", style, "[1,2]"],
      "单元格地址无法读取",
    ],
    ["a cell range upside down", ["output", "表", "H10:H9", style, "[1,2]"], "单元格地址无法读取"],
    ["a cell range with a sheet", ["output", "表", "表!H9", style, "[1]"], "单元格地址无法读取"],
    [
      "a cell past Excel’s last row",
      ["highlight", "表", "H1048577", style, null],
      "单元格地址无法读取",
    ],
    [
      "a cell past Excel’s last column",
      ["highlight", "表", "XFE1", style, null],
      "单元格地址无法读取",
    ],
    ["a style that is not JSON", ["highlight", "表", "E9", "{not json", null], "原有格式无法读取"],
    ["a style that is JSON null", ["output", "表", "H9", "null", "[1]"], "原有格式无法读取"],
    ["a style that is an array", ["highlight", "表", "E9", "[]", null], "原有格式无法读取"],
    ["a style that is a number", ["highlight", "表", "E9", 5, null], "原有格式无法读取"],
    ["a style without fillColor", ["highlight", "表", "E9", "{}", null], "原有格式无法读取"],
    [
      "a fillColor that is a number",
      ["highlight", "表", "E9", '{"fillColor":255}', null],
      "原有格式无法读取",
    ],
    [
      "a numberFormat that is null",
      ["output", "表", "H9", '{"fillColor":null,"numberFormat":null}', "[1]"],
      "原有格式无法读取",
    ],
    [
      "bold that is text",
      ["output", "表", "H9", '{"fillColor":null,"bold":"yes"}', "[1]"],
      "原有格式无法读取",
    ],
    [
      "wrapText that is a number",
      ["output", "表", "H9", '{"fillColor":null,"wrapText":1}', "[1]"],
      "原有格式无法读取",
    ],
    [
      "a raw style that is not JSON",
      ["output", "表", "H9", '{"fillColor":null,"raw":"{x"}', "[1]"],
      "原有格式无法读取",
    ],
    [
      "a rawFill that is not an object",
      ["highlight", "表", "E9", '{"fillColor":null,"rawFill":"[1]"}', null],
      "原有格式无法读取",
    ],
    [
      "written values that are not JSON",
      ["output", "表", "H9", style, "[1,"],
      "写入值与单元格不符",
    ],
    ["no written values", ["output", "表", "H9", style, null], "写入值与单元格不符"],
    [
      "written values that are not a list",
      ["output", "表", "H9", style, "1"],
      "写入值与单元格不符",
    ],
    [
      "fewer written values than cells",
      ["output", "表", "H9:H11", style, "[1,2]"],
      "写入值与单元格不符",
    ],
    [
      "more written values than cells",
      ["output", "表", "H9", style, "[1,2]"],
      "写入值与单元格不符",
    ],
    [
      "a written value that is an object",
      ["output", "表", "H9", style, '[{"v":1}]'],
      "写入值与单元格不符",
    ],
    ["a written value that is true", ["output", "表", "H9", style, "[true]"], "写入值与单元格不符"],
    [
      "written values on a highlight",
      ["highlight", "表", "E9", style, "[1]"],
      "写入值与单元格不符",
    ],
    ["a width’s column that is text", ["width", "表", "H", '{"width":null}'], "列号无法读取"],
    ["a width’s column below zero", ["width", "表", -1, '{"width":null}'], "列号无法读取"],
    ["a width’s column that is a fraction", ["width", "表", 7.5, '{"width":null}'], "列号无法读取"],
    ["a width that is not JSON", ["width", "表", 7, "wide"], "列宽无法读取"],
    [
      "a width record that is a bare number (version 1 only)",
      ["width", "表", 7, "12"],
      "列宽无法读取",
    ],
    ["a width that is text", ["width", "表", 7, '{"width":"12"}'], "列宽无法读取"],
    ["a width below zero", ["width", "表", 7, '{"width":-3}'], "列宽无法读取"],
    ["points that are null", ["width", "表", 7, '{"width":12,"points":null}'], "列宽无法读取"],
    ["a width record without a width", ["width", "表", 7, '{"points":30}'], "列宽无法读取"],
    ["something after a width", ["width", "表", 7, '{"width":null}', "[1]"], "有多余的内容"],
    ["something after an added sheet", ["sheet", "复核汇总", "A1", null], "有多余的内容"],
    ["a sixth column", ["output", "表", "H9", style, "[1]", "x"], "有多余的内容"],
  ];
  test.each(cases)("%s is damage, named with its row", (_, row, field) => {
    const error = thrown(() => read(["sheet", "复核汇总", null, null], row));
    expect(error).toBeInstanceOf(DamagedStateError);
    expect(error.message).toContain(`（第 3 行${field}）`);
  });

  test.each([
    ["no header", [["output", "表", "H9", style, "[1]"]]],
    ["another tool’s sheet", [["my-notes", 2]]],
    ["no version", [[MAGIC, null]]],
    ["version 0", [[MAGIC, 0]]],
    ["a version that is a fraction", [[MAGIC, 1.5]]],
    ["a version that is a word", [[MAGIC, "two"]]],
    ["nothing at all", []],
  ])("a header with %s is damage, named as row 1", (_, rows) => {
    const error = thrown(() => stateFromRows(rows as unknown[][]));
    expect(error).toBeInstanceOf(DamagedStateError);
    expect(error.message).toContain("（第 1 行");
  });

  test("a version stored as text still reads", () => {
    expect(
      stateFromRows([
        [MAGIC, "2", NOTE],
        ["sheet", "复核汇总", null, null],
      ])
    ).toEqual([{ kind: "sheet", sheet: "复核汇总" }]);
  });
});

describe("a recorded sheet renamed since is found by what the tool wrote in it", () => {
  const style = { fillColor: null };
  const records: StateRecord[] = [
    { kind: "highlight", sheet: "自评表", row: 9, col: 4, style },
    { kind: "output", sheet: "自评表", row: 7, col: 7, style, written: "复核得分" },
    { kind: "output", sheet: "自评表", row: 9, col: 7, style, written: 3.06 },
    { kind: "output", sheet: "自评表", row: 10, col: 7, style },
    { kind: "width", sheet: "自评表", col: 7, width: null },
    { kind: "sheet", sheet: "复核汇总" },
  ];
  /** Sheets as cell maps, `row,col` → value. */
  const workbook = (sheets: Record<string, Record<string, CellValue>>) => ({
    names: Object.keys(sheets),
    valueAt: (sheet: string, row: number, col: number) => sheets[sheet]?.[`${row},${col}`] ?? null,
  });
  const annotated = { "7,7": "复核得分", "9,7": 3.06 };

  test("a sheet still there by its name: the records stay as they are", () => {
    const { names, valueAt } = workbook({ 自评表: annotated, 复核汇总: {} });
    expect(locateSheets(records, names, valueAt)).toBe(records);
  });

  test("the one other sheet holding every written value takes the records; the added sheet keeps its own", () => {
    const { names, valueAt } = workbook({
      封面: { "0,0": "2023" },
      自评表改: annotated,
      复核汇总: {},
    });
    const located = locateSheets(records, names, valueAt);
    expect(located.map((r) => r.sheet)).toEqual([
      "自评表改",
      "自评表改",
      "自评表改",
      "自评表改",
      "自评表改",
      "复核汇总",
    ]);
    expect(located.map((r) => ({ ...r, sheet: "" }))).toEqual(
      records.map((r) => ({ ...r, sheet: "" }))
    );
  });

  test("no sheet holding them: an error naming the missing sheet", () => {
    const { names, valueAt } = workbook({
      自评表改: { "7,7": "复核得分", "9,7": "已核实" },
      复核汇总: {},
    });
    const error = thrown(() => locateSheets(records, names, valueAt));
    expect(error).toBeInstanceOf(MissingAnnotatedSheetError);
    expect(error.message).toBe(
      "复核标注所在的工作表 “自评表” 已不存在，也没有哪张工作表仍保留其中的复核结果，无法撤销这些标注；未做任何修改（若已改名，请改回原名；若已删除，可新建同名空白工作表后再试）。"
    );
  });

  test("records that kept no written value cannot identify a sheet", () => {
    const bare = records.map((r) => (r.kind === "output" ? { ...r, written: undefined } : r));
    const { names, valueAt } = workbook({ 自评表改: annotated, 复核汇总: {} });
    expect(() => locateSheets(bare, names, valueAt)).toThrow(MissingAnnotatedSheetError);
  });

  test("two sheets holding them: an error naming both, never a guess", () => {
    const { names, valueAt } = workbook({ 甲: annotated, 乙: annotated, 复核汇总: {} });
    const error = thrown(() => locateSheets(records, names, valueAt));
    expect(error).toBeInstanceOf(AmbiguousAnnotatedSheetError);
    expect(error.message).toContain("“甲”、“乙”");
  });

  test("a sheet the record names for itself is never taken for a renamed one", () => {
    const other = records.filter((r) => r.kind === "output").map((r) => ({ ...r, sheet: "表二" }));
    const { names, valueAt } = workbook({ 表二: annotated, 复核汇总: {} });
    expect(() => locateSheets([...records, ...other], names, valueAt)).toThrow(
      MissingAnnotatedSheetError
    );
  });

  test("two missing sheets that would both take the same sheet: an error", () => {
    const twin = records.filter((r) => r.kind === "output").map((r) => ({ ...r, sheet: "表二" }));
    const { names, valueAt } = workbook({ 改名: annotated, 复核汇总: {} });
    expect(() => locateSheets([...records, ...twin], names, valueAt)).toThrow(
      AmbiguousAnnotatedSheetError
    );
  });
});

describe("the reviewer’s marks in the record", () => {
  const v4 = (...rows: unknown[][]) => stateFromRows([[MAGIC, 4, NOTE], ...rows]);
  const marks: StateRecord[] = [
    {
      kind: "mark",
      sheet: "2023",
      row: 15,
      flag: "unfinished",
      status: "dismissed",
      reason: '=SUM(A1) "口径" 不同',
      at: "2024-03-01T08:00:00.000Z",
    },
    {
      kind: "mark",
      sheet: "自评表",
      row: 1,
      flag: "total-mismatch",
      status: "checked",
      reason: "",
    },
  ];

  test("one row each: kind, sheet, the row as a number, and the rest as JSON text (never read as a formula)", () => {
    const rows = stateToRows([{ kind: "sheet", sheet: "复核汇总" }, ...marks]);
    expect(rows[0].slice(0, 2)).toEqual([MAGIC, 4]);
    expect(rows.slice(2)).toEqual([
      [
        "mark",
        "2023",
        15,
        JSON.stringify({
          flag: "unfinished",
          status: "dismissed",
          reason: '=SUM(A1) "口径" 不同',
          at: "2024-03-01T08:00:00.000Z",
        }),
      ],
      ["mark", "自评表", 1, '{"flag":"total-mismatch","status":"checked","reason":""}'],
    ]);
    const asExcel = rows.map((row) =>
      [...row, null, null, null, null, null].slice(0, 5).map((v) => (v === null ? "" : v))
    );
    expect(stateFromRows(rows)).toEqual([{ kind: "sheet", sheet: "复核汇总" }, ...marks]);
    expect(stateFromRows(asExcel)).toEqual([{ kind: "sheet", sheet: "复核汇总" }, ...marks]);
  });

  test.each([1, 2, 3])(
    "a version-%p record never held marks: a mark row there is damage, named with its row",
    (version) => {
      const error = thrown(() =>
        stateFromRows([
          [MAGIC, version, NOTE],
          ["sheet", "复核汇总", null, null],
          ["mark", "表", 9, '{"flag":"unfinished","status":"checked","reason":""}'],
        ])
      );
      expect(error).toBeInstanceOf(DamagedStateError);
      expect(error.message).toContain("（第 3 行类别无法识别）");
    }
  );

  const data = (fields: Record<string, unknown>) =>
    JSON.stringify({ flag: "unfinished", status: "checked", reason: "", ...fields });
  const cases: [string, unknown[], string][] = [
    ["no row", ["mark", "表", null, data({})], "复核标记的行号无法读取"],
    ["a row as text", ["mark", "表", "9", data({})], "复核标记的行号无法读取"],
    ["row 0", ["mark", "表", 0, data({})], "复核标记的行号无法读取"],
    ["a fractional row", ["mark", "表", 9.5, data({})], "复核标记的行号无法读取"],
    ["a row past Excel’s last", ["mark", "表", 1048577, data({})], "复核标记的行号无法读取"],
    ["no sheet name", ["mark", "", 9, data({})], "工作表名称无法读取"],
    ["a mark that is not JSON", ["mark", "表", 9, "{not json"], "复核标记无法读取"],
    ["a mark that is an array", ["mark", "表", 9, "[]"], "复核标记无法读取"],
    ["an unknown flag", ["mark", "表", 9, data({ flag: "late" })], "复核标记无法读取"],
    ["an unknown status", ["mark", "表", 9, data({ status: "ok" })], "复核标记无法读取"],
    ["no reason", ["mark", "表", 9, data({ reason: undefined })], "复核标记无法读取"],
    [
      "a dismissal without a reason",
      ["mark", "表", 9, data({ status: "dismissed", reason: " " })],
      "复核标记无法读取",
    ],
    ["a date that is not text", ["mark", "表", 9, data({ at: 45000 })], "复核标记无法读取"],
    ["something after a mark", ["mark", "表", 9, data({}), "x"], "有多余的内容"],
  ];
  test.each(cases)("%s is damage, named with its row", (_, row, field) => {
    const error = thrown(() => v4(["sheet", "复核汇总", null, null], row));
    expect(error).toBeInstanceOf(DamagedStateError);
    expect(error.message).toContain(`（第 3 行${field}）`);
  });

  test("a mark follows its sheet renamed; a mark alone on a sheet gone is kept, not a lost annotation", () => {
    const style = { fillColor: null };
    const records: StateRecord[] = [
      { kind: "output", sheet: "自评表", row: 7, col: 7, style, written: "复核得分" },
      { kind: "mark", sheet: "自评表", row: 9, flag: "weak-target", status: "checked", reason: "" },
      { kind: "mark", sheet: "已删除", row: 9, flag: "unfinished", status: "checked", reason: "" },
    ];
    const cells: Record<string, CellValue> = { "7,7": "复核得分" };
    const located = locateSheets(records, ["自评表改"], (sheet, row, col) =>
      sheet === "自评表改" ? (cells[`${row},${col}`] ?? null) : null
    );
    expect(located.map((r) => r.sheet)).toEqual(["自评表改", "自评表改", "已删除"]);
  });
});
