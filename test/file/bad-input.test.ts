import ExcelJS from "exceljs";
import { evaluateWorkbook } from "../../src/core/evaluate";
import {
  CorruptWorkbookError,
  EmptyWorkbookError,
  EncryptedWorkbookError,
  LegacyXlsError,
  NotXlsxError,
  UnsupportedPackageError,
} from "../../src/core/errors";
import { readFileSync } from "fs";
import { join } from "path";
import { COLORS } from "../../src/core/plan";
import { policyFor } from "../../src/core/policy";
import { readGrids } from "../../src/file/read-workbook";
import { clearXlsx, rescoreXlsx } from "../../src/file/write-back";
import { readZip } from "../../src/package/zip";
import { makePackage, partsOf, sheetXml, workbookParts } from "../helpers/package";
import { layoutTable, workbookBuffer } from "../helpers/layouts";
import { FIXTURES, referenceTable, referenceWorkbook } from "../helpers/reference";

/** An OLE compound file header, as both legacy .xls and password-protected .xlsx files start. */
function oleFile(streamName: string): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([
    header,
    Buffer.alloc(504),
    Buffer.from(streamName, "utf16le"),
    Buffer.alloc(512),
  ]);
}

describe("files that are not readable workbooks get their own clear answer", () => {
  test("text that is not a workbook", async () => {
    await expect(
      readGrids(Buffer.from("项目名称,得分\n就业补助资金,95.79\n"))
    ).rejects.toBeInstanceOf(NotXlsxError);
  });
  test("a legacy .xls", async () => {
    await expect(readGrids(oleFile("Workbook"))).rejects.toBeInstanceOf(LegacyXlsError);
  });
  test("a password-protected workbook", async () => {
    const error = await readGrids(oleFile("EncryptionInfo")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncryptedWorkbookError);
    expect((error as Error).message).toContain("密码");
  });
  test("a truncated workbook", async () => {
    const whole = referenceWorkbook("wuhan-jiguan.xlsx");
    await expect(readGrids(whole.subarray(0, Math.floor(whole.length / 2)))).rejects.toBeInstanceOf(
      CorruptWorkbookError
    );
  });
  test("an empty workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1");
    await expect(readGrids(Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toBeInstanceOf(
      EmptyWorkbookError
    );
  });
});

describe("a package the editor cannot read safely is refused, naming the part", () => {
  test("a sheet whose XML is cut short", async () => {
    const parts = workbookParts([
      { name: "表", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
    ]);
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
      "</c></row></sheetData></worksheet>",
      ""
    );
    const error = await readGrids(makePackage(parts)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedPackageError);
    expect((error as Error).message).toContain("xl/worksheets/sheet1.xml");
  });

  test("a part stored with a compression method other than deflate", async () => {
    const data = makePackage(
      workbookParts([{ name: "表", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }])
    );
    const entry = readZip(data).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    // The method field of the entry's central directory record: 12 (bzip2).
    const view = new DataView(data.buffer, data.byteOffset);
    for (let at = data.length - 22; at > 0; at--) {
      if (
        view.getUint32(at, true) === 0x02014b50 &&
        view.getUint32(at + 20, true) === entry.compressedSize &&
        new TextDecoder().decode(data.subarray(at + 46, at + 46 + entry.name.length)) === entry.name
      ) {
        view.setUint16(at + 10, 12, true);
      }
    }
    const error = await readGrids(data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedPackageError);
    expect((error as Error).message).toContain("xl/worksheets/sheet1.xml");
  });

  test("a workbook without a styles part is annotated with one of the tool’s own, which clear takes away", async () => {
    const parts = workbookParts([{ name: "自评表", xml: sheetXml("") }], { styles: null });
    const table = readFileSync(join(FIXTURES, "lossless", "wps-like.xlsx"));
    const tableParts = partsOf(table);
    parts["xl/worksheets/sheet1.xml"] = tableParts["xl/worksheets/sheet1.xml"]
      .replace(/ s="\d+"/g, "")
      .replace(/ t="s"/g, ' t="PLACEHOLDER"');
    // The sheet's shared strings as inline strings: this package has no shared strings part either.
    const strings = [...tableParts["xl/sharedStrings.xml"].matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
      (m) => m[1]
    );
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
      /<c r="([A-Z]+\d+)" t="PLACEHOLDER"><v>(\d+)<\/v><\/c>/g,
      (_, r: string, k: string) => `<c r="${r}" t="inlineStr"><is>${strings[Number(k)]}</is></c>`
    );
    const input = makePackage(parts);
    const result = await rescoreXlsx(input, policyFor("wuhan"));
    expect(result.tables).toHaveLength(1);
    const annotated = partsOf(result.data);
    expect(annotated["xl/styles.xml"]).toContain(COLORS.unfinished);
    expect(annotated["xl/_rels/workbook.xml.rels"]).toContain("styles.xml");
    expect(partsOf((await clearXlsx(result.data)).data)).toEqual(parts);
  });
});

describe("rows that cannot be read are reported by cell and the rest is still scored", () => {
  async function withRow(
    index: number,
    change: (cells: {
      target: string;
      actual: string;
      name: string;
    }) => Partial<{ target: string; actual: string; name: string }>
  ) {
    const spec = referenceTable("jiguan");
    const rows = spec.blocks[0].rows.map((r, i) => (i === index ? { ...r, ...change(r) } : r));
    const sheet = layoutTable({ ...spec, blocks: [{ ...spec.blocks[0], rows }] });
    const [table] = evaluateWorkbook(await readGrids(await workbookBuffer([sheet])));
    return table;
  }

  test("a target that cannot be read", async () => {
    const table = await withRow(1, () => ({ target: "#N/A" }));
    const row = table.indicators[1];
    expect(row.flags).toEqual(["unreadable"]);
    expect(row.method).toBeNull();
    expect(row.notes[0]).toContain(`E${row.row}：“#N/A”`);
    expect(row.score).toBe(3.06);
    expect(table.indicators).toHaveLength(13);
    expect(table.total).toBe(98.9);
  });

  test("an actual that cannot be read", async () => {
    const table = await withRow(0, () => ({ actual: "见附件" }));
    expect(table.indicators[0].flags).toEqual(["unreadable"]);
    expect(table.indicators[0].notes[0]).toContain(`F${table.indicators[0].row}`);
  });

  test("a weight that is missing", async () => {
    const table = await withRow(2, (r) => ({ name: r.name.replace(/（4分）$/, "") }));
    expect(table.indicators[2]).toMatchObject({ weight: null, score: 4, flags: ["unreadable"] });
    expect(table.indicators[2].notes[0]).toContain(`D${table.indicators[2].row}`);
    expect(table.indicators.filter((i) => i.flags.length === 0).length).toBeGreaterThan(8);
  });

  test("a weight that is not a number", async () => {
    const spec = referenceTable("jiguan");
    const sheet = layoutTable(spec, { layout: "national" });
    const weightRow = sheet.cells.findIndex((line) => line?.[3]?.v === "公开招聘新进人员数");
    sheet.cells[weightRow]![6] = { v: "四分" };
    const [table] = evaluateWorkbook(await readGrids(await workbookBuffer([sheet])));
    const row = table.indicators.find((i) => i.name === "公开招聘新进人员数")!;
    expect(row).toMatchObject({ weight: null, flags: ["unreadable"] });
    expect(row.notes[0]).toContain(`G${weightRow + 1}`);
    expect(row.notes[0]).toContain("四分");
  });

  test("a sheet without a table next to one with a table", async () => {
    const notes = { name: "说明", cells: [[{ v: "本工作簿为 2023 年度自评材料。" }]], merges: [] };
    const tables = evaluateWorkbook(
      await readGrids(await workbookBuffer([notes, layoutTable(referenceTable("jiuye"))]))
    );
    expect(tables.map((t) => t.sheet)).toEqual(["自评表"]);
  });
});
