import { readFileSync } from "fs";
import { join } from "path";
import { TableSpec } from "./layouts";

export const FIXTURES = join(__dirname, "..", "fixtures");
export const REFERENCE = join(FIXTURES, "reference");

export type Expected = {
  file: string;
  sheet: string;
  table: string;
  total: number;
  budgetScore: number;
  indicators: number;
};

export function referenceTables(): TableSpec[] {
  return (
    JSON.parse(readFileSync(join(REFERENCE, "tables.json"), "utf8")) as { tables: TableSpec[] }
  ).tables;
}

export function referenceTable(id: string): TableSpec {
  const table = referenceTables().find((t) => t.id === id);
  if (!table) throw new Error(`no reference table ${id}`);
  return table;
}

export function expectedWorkbooks(): Expected[] {
  return JSON.parse(readFileSync(join(REFERENCE, "expected.json"), "utf8")) as Expected[];
}

export function referenceWorkbook(file: string): Buffer {
  return readFileSync(join(REFERENCE, file));
}
