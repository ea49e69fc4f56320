import { mkdirSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { LayoutOptions, TableSpec, layoutTable, workbookBuffer } from "./layouts";
import { referenceTables } from "./reference";

const LAYOUTS: LayoutOptions[] = [
  {},
  { layout: "national" },
  { layout: "sichuan" },
  { levels: "repeated", origin: { row: 2, col: 1 } },
  { levels: "filldown", percentNumbers: true },
  { fullWidth: true, contactBlock: true },
];

/** A deterministic variant of a published table: one actual scaled, sometimes a wrong reported total. */
function variant(spec: TableSpec, k: number): TableSpec {
  const rows = spec.blocks.flatMap((b) => b.rows);
  const target = k % rows.length;
  const factor = [0.5, 0.9, 1, 3, 12][k % 5];
  let seen = 0;
  const blocks = spec.blocks.map((block) => ({
    ...block,
    rows: block.rows.map((row) => {
      const here = seen++ === target;
      if (!here || factor === 1) return row;
      const actual = row.actual.replace(/^([\d,.]+)/, (n) =>
        String(Math.round(Number(n.replace(/,/g, "")) * factor * 100) / 100)
      );
      return { ...row, actual };
    }),
  }));
  return {
    ...spec,
    blocks,
    reportedTotal: k % 7 === 0 ? spec.reportedTotal - 1 : spec.reportedTotal,
  };
}

export type CorpusFile = { path: string; broken: boolean };

/**
 * Writes `count` workbooks into nested folders: published tables in several layouts and
 * variants, one in every `brokenEvery` a broken file, plus a legacy .xls and an owner file.
 */
export async function writeCorpus(
  dir: string,
  count: number,
  brokenEvery = 25
): Promise<CorpusFile[]> {
  const specs = referenceTables();
  const files: CorpusFile[] = [];
  for (let k = 0; k < count; k++) {
    const path = join(dir, `单位${k % 9}`, `项目${String(k).padStart(3, "0")}.xlsx`);
    mkdirSync(dirname(path), { recursive: true });
    if (k % brokenEvery === brokenEvery - 1) {
      writeFileSync(path, k % 2 ? "这不是工作簿" : Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
      files.push({ path, broken: true });
      continue;
    }
    const spec = variant(specs[k % specs.length], k);
    const sheets = [layoutTable(spec, { ...LAYOUTS[k % LAYOUTS.length], sheetName: "自评表" })];
    if (k % 10 === 3)
      sheets.push(
        layoutTable(variant(specs[(k + 1) % specs.length], k + 1), { sheetName: "第二张表" })
      );
    writeFileSync(path, await workbookBuffer(sheets));
    files.push({ path, broken: false });
  }
  writeFileSync(join(dir, "单位0", "旧格式.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  writeFileSync(join(dir, "单位0", "~$项目000.xlsx"), "owner file");
  return files;
}
