import { unzipSync } from "fflate";
import { UnsupportedPackageError } from "../../src/core/errors";
import { GridView } from "../../src/core/grid";
import { readGrids } from "../../src/file/read-workbook";
import { addTitle, removeTitle } from "../../src/package/app-properties";
import { OoxmlPackage } from "../../src/package/package";
import { StylesPart } from "../../src/package/styles";
import { WorkbookPart } from "../../src/package/workbook";
import { coverSpans, editSheetData, withColumnWidths } from "../../src/package/worksheet-edit";
import { readZip, writeZip } from "../../src/package/zip";
import { STYLES, makePackage, partsOf, sheetXml, workbookParts } from "../helpers/package";
import { worksheetOrderViolations } from "../helpers/schema-order";

const grids = (parts: Record<string, string>) => readGrids(makePackage(parts));
const oneSheet = (sheetData: string, extra: Parameters<typeof workbookParts>[1] = {}) =>
  workbookParts([{ name: "表", xml: sheetXml(sheetData) }], extra);

describe("reading cells as Office.js gives them", () => {
  test("shared, inline and rich strings, numbers, booleans, errors and cached formula results", async () => {
    const [grid] = await grids(
      oneSheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>行内</t></is></c>' +
          '<c r="D1"><v>12.5</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>' +
          '<c r="G1"><f>SUM(D1)</f><v>12.5</v></c><c r="H1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="I1"><f>NOW()</f></c></row>',
        {
          sharedStrings: [
            "普通 &amp; 文本",
            '<r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh>',
          ],
        }
      )
    );
    expect(grid.values).toEqual([
      ["普通 & 文本", "富文本", "行内", 12.5, true, "#DIV/0!", 12.5, "ab"],
    ]);
  });

  test("OOXML escapes (_x000D_) and character references are decoded", async () => {
    const [grid] = await grids(
      oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>一_x000D_&#10;二</t></is></c></row>')
    );
    expect(grid.values[0][0]).toBe("一\r\n二");
  });

  test("cells and rows without references follow the previous ones", async () => {
    const [grid] = await grids(
      oneSheet(
        '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>'
      )
    );
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.values).toEqual([
      [1, 2, null, null],
      [null, null, 3, 4],
    ]);
  });

  test("a date in a 1904 workbook reads as the same day in the 1900 system", async () => {
    const styles = STYLES.replace('<cellXfs count="2">', '<cellXfs count="3">').replace(
      "</cellXfs>",
      '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    );
    // 2023-06-30 is day 45107 in the 1900 system, 43645 in the 1904 system.
    const [grid] = await grids(
      oneSheet('<row r="1"><c r="A1" s="2"><v>43645</v></c><c r="B1"><v>43645</v></c></row>', {
        workbookPr: '<workbookPr date1904="1"/>',
        styles,
      })
    );
    expect(grid.values[0]).toEqual([45107, 43645]);
    expect(new GridView(grid).text(0, 0)).toBe("2023年6月30日");
  });

  test("cells merged away are empty; the merge is kept", async () => {
    const [grid] = await grids(
      workbookParts([
        {
          name: "表",
          xml: sheetXml(
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>',
            '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
          ),
        },
      ])
    );
    expect(grid.values).toEqual([[1]]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  test("elements with a namespace prefix (x:row, x:c) read alike", async () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    const [grid] = await grids(workbookParts([{ name: "表", xml }]));
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.values).toEqual([["前缀"]]);
  });

  test("a hidden sheet is marked hidden; chart sheets and the tool’s record are not grids", async () => {
    const parts = workbookParts([
      { name: "表", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { name: "隐藏", xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>'), state: "hidden" },
      { name: "_selfeval_state", xml: sheetXml(""), state: "veryHidden" },
    ]);
    expect((await grids(parts)).map((g) => [g.name, g.hidden])).toEqual([
      ["表", false],
      ["隐藏", true],
    ]);
  });

  test("a document type declaration is refused, naming the part", async () => {
    const parts = oneSheet("");
    parts["xl/worksheets/sheet1.xml"] =
      '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "y">]>' +
      parts["xl/worksheets/sheet1.xml"].replace(/^<\?xml[^>]*\?>/, "");
    const error = await grids(parts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedPackageError);
    expect((error as Error).message).toContain("xl/worksheets/sheet1.xml");
  });
});

describe("editing a sheet touches only what changes", () => {
  const cell = (address: string, text: string) => () =>
    `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const edits = (entries: [number, number, string][]) => {
    const cells = new Map<number, Map<number, ReturnType<typeof cell>>>();
    for (const [row, col, text] of entries) {
      if (!cells.has(row)) cells.set(row, new Map());
      cells.get(row)!.set(col, cell(`${String.fromCharCode(65 + col)}${row + 1}`, text));
    }
    return {
      cells,
      row: (row: number, current: string | null) => current ?? `<row r="${row + 1}">`,
    };
  };

  test("cells go into their rows in column order; missing rows are added in order", () => {
    const xml = sheetXml(
      '<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="5"/>'
    );
    const result = editSheetData(
      xml,
      "p",
      edits([
        [1, 1, "b"],
        [1, 3, "d"],
        [0, 0, "top"],
        [3, 0, "mid"],
        [4, 0, "in"],
        [9, 0, "end"],
      ])
    );
    expect(result.join("")).toBe(
      sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>top</t></is></c></row>' +
          '<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="C2"><v>3</v></c><c r="D2" t="inlineStr"><is><t>d</t></is></c></row>' +
          '<row r="4"><c r="A4" t="inlineStr"><is><t>mid</t></is></c></row>' +
          '<row r="5"><c r="A5" t="inlineStr"><is><t>in</t></is></c></row>' +
          '<row r="10"><c r="A10" t="inlineStr"><is><t>end</t></is></c></row>'
      )
    );
  });

  test("an empty sheetData gets its rows", () => {
    const xml = sheetXml("").replace("<sheetData></sheetData>", "<sheetData/>");
    expect(editSheetData(xml, "p", edits([[0, 0, "a"]])).join("")).toBe(
      sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>')
    );
  });

  test("a column range is split so that only the written column changes", () => {
    const cols =
      '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="5" max="10" width="9" style="3" customWidth="1"/></cols>';
    expect(withColumnWidths(cols, "p", "", new Map([[7, 42]]))).toBe(
      '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="5" max="7" width="9" style="3" customWidth="1"/>' +
        '<col min="8" max="8" width="42" style="3" customWidth="1"/><col min="9" max="10" width="9" style="3" customWidth="1"/></cols>'
    );
    expect(withColumnWidths(null, "p", "", new Map([[2, 10]]))).toBe(
      '<cols><col min="3" max="3" width="10" customWidth="1"/></cols>'
    );
  });

  test("a row’s spans hint is widened only when a new cell falls outside it", () => {
    expect(coverSpans('<row r="3" spans="1:7">', [0, 6])).toBe('<row r="3" spans="1:7">');
    expect(coverSpans('<row r="3" spans="1:7">', [8])).toBe('<row r="3" spans="1:9">');
    expect(coverSpans('<row r="3">', [8])).toBe('<row r="3">');
  });
});

describe("the package", () => {
  test("unchanged entries are copied compressed byte for byte; changed ones read back by another unzipper", () => {
    const data = makePackage(oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const pkg = new OoxmlPackage(data);
    pkg.write("xl/worksheets/sheet1.xml", sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>'));
    const out = pkg.toBytes();
    const before = new Map(readZip(data).map((e) => [e.name, e.raw]));
    for (const entry of readZip(out)) {
      if (entry.name !== "xl/worksheets/sheet1.xml")
        expect(Buffer.compare(Buffer.from(entry.raw), Buffer.from(before.get(entry.name)!))).toBe(
          0
        );
    }
    expect(partsOf(out)["xl/worksheets/sheet1.xml"]).toContain("<v>2</v>");
    expect(Object.keys(unzipSync(out))).toEqual(Object.keys(unzipSync(data)));
    expect(writeZip(readZip(out))).toEqual(out);
  });

  test("a sheet added and removed leaves workbook, relationships, content types and titles as they were", () => {
    const parts = workbookParts([{ name: "表", xml: sheetXml("") }], { app: true });
    const pkg = new OoxmlPackage(makePackage(parts));
    const workbook = new WorkbookPart(pkg);
    workbook.addSheet("复核汇总", sheetXml(""), "visible");
    workbook.addSheet("_selfeval_state", sheetXml(""), "veryHidden");
    const added = partsOf(pkg.toBytes());
    expect(added["xl/workbook.xml"]).toContain(
      '<sheet name="_selfeval_state" sheetId="3" state="veryHidden" r:id="rId4"/></sheets>'
    );
    expect(added["docProps/app.xml"]).toContain("<vt:i4>3</vt:i4>");
    expect(added["docProps/app.xml"]).toContain(
      "<vt:lpstr>表</vt:lpstr><vt:lpstr>复核汇总</vt:lpstr><vt:lpstr>_selfeval_state</vt:lpstr>"
    );
    workbook.removeSheet("复核汇总");
    workbook.removeSheet("_selfeval_state");
    expect(partsOf(pkg.toBytes())).toEqual(parts);
  });

  test("titles that do not list the worksheets as expected are left alone", () => {
    const parts = workbookParts([{ name: "表", xml: sheetXml("") }], { app: true });
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
      "<vt:lpstr>表</vt:lpstr></vt:vector></TitlesOfParts>",
      "<vt:lpstr>别的</vt:lpstr></vt:vector></TitlesOfParts>"
    );
    const pkg = new OoxmlPackage(makePackage(parts));
    addTitle(pkg, ["表"], "复核汇总");
    removeTitle(pkg, "不存在");
    expect(partsOf(pkg.toBytes())).toEqual(parts);
  });

  test("cell formats are appended, shared by alike cells, and taken out again exactly", () => {
    const parts = oneSheet("");
    const pkg = new OoxmlPackage(makePackage(parts));
    const workbook = new WorkbookPart(pkg);
    const styles = StylesPart.open(pkg, workbook);
    const filled = styles.derive(1, { fill: "FFF8CBAD" });
    expect(styles.derive(1, { fill: "FFF8CBAD" })).toBe(filled);
    expect(filled).toBe(2);
    expect(styles.numberFormat(filled)).toBe("0.00%");
    expect(styles.fillColor(filled)).toBe("FFF8CBAD");
    const bold = styles.derive(0, { bold: true, wrap: true, numberFormat: "0.000" });
    expect([styles.isBold(bold), styles.wraps(bold), styles.numberFormat(bold)]).toEqual([
      true,
      true,
      "0.000",
    ]);
    const record = styles.save()!;
    expect(partsOf(pkg.toBytes())["xl/styles.xml"]).toContain('<cellXfs count="4">');
    StylesPart.restore(pkg, workbook, record);
    expect(partsOf(pkg.toBytes())).toEqual(parts);
  });
});

test("the schema-order check used on every written sheet finds an element out of place", () => {
  expect(worksheetOrderViolations(sheetXml("", "<pageMargins/><mergeCells/>"))).toEqual([
    "pageMargins before mergeCells",
  ]);
  expect(worksheetOrderViolations(sheetXml("", "<mergeCells/><pageMargins/>", "<cols/>"))).toEqual(
    []
  );
});
