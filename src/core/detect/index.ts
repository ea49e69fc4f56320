import { GridView, SheetGrid } from "../grid";
import { segmentTables } from "./segment";
import { SheetRows } from "./sheet-rows";
import { withTableFacts } from "./table-facts";
import { DetectedTable } from "./types";

export * from "./types";

/** Finds every self-evaluation table in a sheet, wherever it starts. */
export function detectTables(grid: SheetGrid): DetectedTable[] {
  const rows = new SheetRows(new GridView(grid));
  return segmentTables(rows).map((table) => withTableFacts(rows, table));
}
