/**
 * Workbooks written by other programs (xlsxwriter, LibreOffice, hand-added parts Excel and
 * WPS write: see test/fixtures/lossless/README.md) go through rescore and clear, and every
 * part the tool has no reason to change comes out as it went in.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { COLORS } from "../../src/core/plan";
import { policyFor } from "../../src/core/policy";
import { clearXlsx, markXlsx, rescoreXlsx } from "../../src/file/write-back";
import { partsOf } from "../helpers/package";
import { FIXTURES } from "../helpers/reference";
import { worksheetOrderViolations } from "../helpers/schema-order";

type Entry = { file: string; producer: string; parts: string[]; tableSheet: string };
const DIR = join(FIXTURES, "lossless");
const corpus = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as Entry[];
const wuhan = policyFor("wuhan");

/** The parts rescore may change: the sheet it annotates, styles, and what wires the two sheets it adds. */
function mayChange(name: string, tableSheetPart: string): boolean {
  return (
    name === tableSheetPart ||
    [
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "docProps/app.xml",
    ].includes(name)
  );
}

/** The part of the sheet named `sheet`, from workbook.xml and its relationships. */
function sheetPart(parts: Record<string, string>, sheet: string): string {
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(
    parts["xl/workbook.xml"]
  )![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    parts["xl/_rels/workbook.xml.rels"]
  )!;
  const path = target[1] ?? target[2];
  return path.startsWith("/") ? path.slice(1) : `xl/${path}`;
}

const definedNames = (workbook: string) =>
  /<definedNames>[\s\S]*<\/definedNames>|<definedNames\/>/.exec(workbook)?.[0] ?? null;

describe.each(corpus)("$file ($producer)", ({ file, parts: listed, tableSheet }) => {
  const input = readFileSync(join(DIR, file));
  const original = partsOf(input);
  let annotated: Uint8Array;
  let annotatedParts: Record<string, string>;

  beforeAll(async () => {
    const result = await rescoreXlsx(input, wuhan);
    expect(result.tables.map((t) => t.sheet)).toContain(tableSheet);
    expect(result.plans.length).toBeGreaterThan(0);
    annotated = result.data;
    annotatedParts = partsOf(annotated);
  });

  test("the manifest lists the parts the file holds", () => {
    expect(Object.keys(original).sort()).toEqual([...listed].sort());
  });

  test("rescore: no part lost, untouched parts byte-identical, defined names as they were", () => {
    const tablePart = sheetPart(original, tableSheet);
    for (const name of Object.keys(original)) {
      expect(annotatedParts[name]).toBeDefined();
      if (!mayChange(name, tablePart))
        expect([name, annotatedParts[name]]).toEqual([name, original[name]]);
    }
    expect(definedNames(annotatedParts["xl/workbook.xml"])).toEqual(
      definedNames(original["xl/workbook.xml"])
    );
    expect(annotatedParts[tablePart]).not.toEqual(original[tablePart]);
  });

  test("rescore: every sheet part is in CT_Worksheet order, and highlights use new formats", () => {
    for (const [name, xml] of Object.entries(annotatedParts)) {
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(name))
        expect([name, worksheetOrderViolations(xml)]).toEqual([name, []]);
    }
    expect(annotatedParts["xl/styles.xml"]).toContain(COLORS.unfinished);
  });

  test("clear gives back every part as it was", async () => {
    const cleared = await clearXlsx(annotated);
    expect(cleared.cleared).toBe(true);
    expect(partsOf(cleared.data)).toEqual(original);
  });

  test("a finding marked 忽略 stays dismissed through two rescores; clear gives back every part", async () => {
    const { tables } = await rescoreXlsx(annotated, wuhan);
    const table = tables.find((t) => t.sheet === tableSheet)!;
    const { row, flags } = table.indicators.find((i) => i.flags.length > 0)!;
    const reason = "已电话核实";
    const mark = { sheet: tableSheet, row, flag: flags[0], status: "dismissed" as const, reason };
    const marked = await markXlsx(annotated, mark, wuhan);
    const once = await rescoreXlsx(marked.data, wuhan);
    const twice = await rescoreXlsx(once.data, wuhan);
    const marksOf = (result: typeof twice) =>
      result.tables.find((t) => t.sheet === tableSheet)!.indicators.find((i) => i.row === row)!
        .marks;
    expect(marksOf(twice)).toEqual([{ flag: flags[0], status: "dismissed", reason }]);
    expect(Buffer.from(twice.data).equals(Buffer.from(marked.data))).toBe(true);
    const cleared = await clearXlsx(twice.data);
    expect(partsOf(cleared.data)).toEqual(original);
  });

  test("rescoring twice gives the same bytes as rescoring once", async () => {
    expect(
      Buffer.from((await rescoreXlsx(annotated, wuhan)).data).equals(Buffer.from(annotated))
    ).toBe(true);
  });
});
