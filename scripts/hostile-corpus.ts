/**
 * Writes a corpus of hostile workbooks: everything a submitted file can do to a scoring tool.
 * `npm run corpus -- DIR` writes it to DIR; the tests and benchmarks call writeHostileCorpus.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { deflateRawSync } from "zlib";

export type HostileCase = {
  file: string;
  /** What a clear answer is: tables scored, or an error of this code. */
  expect: { tables: number } | { error: string };
  about: string;
};

type Row = (ExcelJS.CellValue | null)[];

const HEADER: Row = [
  "绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
];
const BUDGET: Row[] = [
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 90, 100, 98, 10, 0.98, 9.8],
];

/** A small national-layout table: 9 indicators of 10 points each, budget 10. */
function tableRows(change: (row: Row, k: number) => Row = (r) => r): Row[] {
  const rows: Row[] = [["项目支出绩效自评表"], ["项目名称", "测试项目"], ...BUDGET, HEADER];
  const levels = [
    "产出指标",
    "产出指标",
    "产出指标",
    "产出指标",
    "产出指标",
    "效益指标",
    "效益指标",
    "满意度指标",
    "满意度指标",
  ];
  for (let k = 0; k < 9; k++)
    rows.push(
      change(
        [
          null,
          levels[k],
          "数量指标",
          `指标${k + 1}`,
          "≥100人",
          `${90 + k}人`,
          10,
          Math.min(10, (90 + k) / 10),
        ],
        k
      )
    );
  rows.push(["总分", null, null, null, null, null, 100, null]);
  return rows;
}

function addRows(sheet: ExcelJS.Worksheet, rows: Row[]): void {
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
    })
  );
}

async function save(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function single(
  path: string,
  rows: Row[],
  extra?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("自评表");
  addRows(sheet, rows);
  extra?.(sheet, workbook);
  await save(workbook, path);
}

/** A minimal zip with one deflated entry: here, half a gigabyte of spaces in a few hundred kilobytes. */
function zipBomb(name: string, bytes: number): Buffer {
  const raw = Buffer.alloc(bytes, 0x20);
  const deflated = deflateRawSync(raw, { level: 9 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(bytes, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(bytes, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + deflated.length, 16);
  return Buffer.concat([local, nameBytes, deflated, central, nameBytes, end]);
}

/** A sheet with 100,000 indicator rows, written with exceljs's streaming writer. */
export async function writeHugeSheet(path: string, rows = 100_000): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = writer.addWorksheet("自评表");
  for (const row of [["项目支出绩效自评表"], ["项目名称", "十万行"], ...BUDGET, HEADER])
    sheet.addRow(row).commit();
  const weight = 90 / rows;
  for (let k = 0; k < rows; k++) {
    const level = k % 3 === 0 ? "效益指标" : k % 3 === 1 ? "满意度指标" : "产出指标";
    sheet
      .addRow([
        null,
        level,
        "数量指标",
        `指标${k + 1}`,
        `≥${100 + (k % 50)}人`,
        `${95 + (k % 60)}人`,
        weight,
        null,
      ])
      .commit();
  }
  sheet.addRow(["总分", null, null, null, null, null, 100, null]).commit();
  sheet.commit();
  await writer.commit();
}

export async function writeHostileCorpus(
  dir: string,
  options: { huge?: boolean } = {}
): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const add = (file: string, expect: HostileCase["expect"], about: string) =>
    cases.push({ file: join(dir, file), expect, about });

  // Headers merged across rows: 指标值 over 年度目标值 | 实际完成值, the rest merged down.
  await single(join(dir, "merged-header.xlsx"), [], (sheet) => {
    addRows(sheet, [
      ["项目支出绩效自评表"],
      ["一级指标", "二级指标", "三级指标", "指标值", null, "分值", "得分"],
      [null, null, null, "年度目标值", "实际完成值"],
    ]);
    for (const col of ["A", "B", "C", "F", "G"]) sheet.mergeCells(`${col}2:${col}3`);
    sheet.mergeCells("D2:E2");
    const levels = ["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"];
    levels.forEach((level, k) =>
      sheet.addRow([level, "数量指标", `指标${k + 1}`, "≥10个", `${8 + k}个`, 15, null])
    );
    sheet.addRow(["总分", null, null, null, null, 90, null]);
  });
  add("merged-header.xlsx", { tables: 1 }, "headers merged across rows");

  await single(
    join(dir, "weights-as-text.xlsx"),
    tableRows((row, k) =>
      k === 1
        ? [...row.slice(0, 6), "十分", row[7]]
        : k === 2
          ? [...row.slice(0, 6), null, row[7]]
          : k === 3
            ? [...row.slice(0, 6), "10分", row[7]]
            : row
    )
  );
  add("weights-as-text.xlsx", { tables: 1 }, "weights written as text or missing");

  await single(
    join(dir, "extreme-numbers.xlsx"),
    tableRows((row, k) =>
      k === 0
        ? [...row.slice(0, 5), "-5人", ...row.slice(6)]
        : k === 1
          ? [...row.slice(0, 4), 1e308, "9".repeat(400), ...row.slice(6)]
          : k === 2
            ? [...row.slice(0, 6), -10, -3]
            : k === 3
              ? [...row.slice(0, 4), "≥1e400人", "NaN", ...row.slice(6)]
              : row
    )
  );
  add("extreme-numbers.xlsx", { tables: 1 }, "negative and huge numbers");

  await single(
    join(dir, "error-cells.xlsx"),
    tableRows((row, k) =>
      k === 0
        ? [...row.slice(0, 4), { error: "#DIV/0!" }, ...row.slice(5)]
        : k === 1
          ? [...row.slice(0, 5), { error: "#N/A" }, ...row.slice(6)]
          : k === 2
            ? [...row.slice(0, 7), { error: "#VALUE!" }]
            : row
    ) as Row[]
  );
  add("error-cells.xlsx", { tables: 1 }, "error cells (#DIV/0!, #N/A)");

  await single(join(dir, "formulas.xlsx"), tableRows(), (sheet) => {
    // Indicator rows are 6–14, the budget score is H4 and the total row is 15.
    for (let r = 6; r <= 14; r++)
      sheet.getCell(r, 8).value = {
        formula: `MIN(G${r},G${r}*VALUE(SUBSTITUTE(F${r},"人",""))/100)`,
        result: sheet.getCell(r, 8).value as number,
      };
    sheet.getCell(15, 8).value = { formula: "SUM(H6:H14)+H4", result: 94.2 };
  });
  add("formulas.xlsx", { tables: 1 }, "formulas with cached values");

  await single(join(dir, "hidden.xlsx"), tableRows(), (sheet, workbook) => {
    sheet.getRow(9).hidden = true;
    const hidden = workbook.addWorksheet("隐藏的表", { state: "hidden" });
    addRows(hidden, tableRows());
  });
  add("hidden.xlsx", { tables: 2 }, "hidden rows and a hidden sheet");

  {
    const workbook = new ExcelJS.Workbook();
    for (let s = 0; s < 500; s++) addRows(workbook.addWorksheet(`项目${s + 1}`), tableRows());
    await save(workbook, join(dir, "five-hundred-sheets.xlsx"));
  }
  add("five-hundred-sheets.xlsx", { tables: 500 }, "500 sheets");

  await single(join(dir, "merged-everywhere.xlsx"), tableRows(), (sheet) => {
    for (let r = 30; r < 630; r += 2)
      for (let c = 1; c < 40; c += 2) {
        sheet.getCell(r, c).value = "合并";
        sheet.mergeCells(r, c, r + 1, c + 1);
      }
  });
  add("merged-everywhere.xlsx", { tables: 1 }, "a sheet full of merged cells");

  if (options.huge !== false) {
    await writeHugeSheet(join(dir, "hundred-thousand-rows.xlsx"));
    add("hundred-thousand-rows.xlsx", { tables: 1 }, "a 100,000-row sheet");
  }

  writeFileSync(join(dir, "zip-bomb.xlsx"), zipBomb("xl/worksheets/sheet1.xml", 520 * 1024 * 1024));
  add("zip-bomb.xlsx", { error: "zip-too-large" }, "a zip that expands past the size limit");

  const ole = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from("EncryptionInfo", "utf16le"),
    Buffer.alloc(512),
  ]);
  writeFileSync(join(dir, "encrypted.xlsx"), ole);
  add("encrypted.xlsx", { error: "encrypted" }, "an encrypted workbook");

  const whole = new ExcelJS.Workbook();
  addRows(whole.addWorksheet("自评表"), tableRows());
  const bytes = Buffer.from(await whole.xlsx.writeBuffer());
  writeFileSync(join(dir, "truncated.xlsx"), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  add("truncated.xlsx", { error: "corrupt" }, "a truncated file");

  return cases;
}

if (require.main === module) {
  const dir = process.argv[2] ?? "out/hostile";
  writeHostileCorpus(dir).then((cases) => {
    for (const c of cases) process.stdout.write(`${c.file}\t${c.about}\n`);
  });
}
