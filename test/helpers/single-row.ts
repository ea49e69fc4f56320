import { IndicatorResult, TableResult, evaluateWorkbook } from "../../src/core/evaluate";
import { CellValue } from "../../src/core/grid";
import { ScoringPolicy } from "../../src/core/policy";

export type RowInput = {
  target: CellValue;
  actual: CellValue;
  weight?: CellValue;
  reported?: CellValue;
  reason?: CellValue;
  formats?: { target?: string; actual?: string };
};

/** A minimal national-layout table around the given rows, scored by the engine. */
export function scoreTable(
  rows: RowInput[],
  policy?: ScoringPolicy,
  withReason = false
): TableResult {
  const header = [
    "三级指标",
    "目标值",
    "完成值",
    "分值",
    "得分",
    ...(withReason ? ["偏差原因"] : []),
  ];
  const values: CellValue[][] = [header];
  const numberFormats: string[][] = [header.map(() => "General")];
  rows.forEach((row, i) => {
    values.push([
      `指标${i + 1}`,
      row.target,
      row.actual,
      row.weight ?? 10,
      row.reported ?? null,
      ...(withReason ? [row.reason ?? null] : []),
    ]);
    numberFormats.push([
      "General",
      row.formats?.target ?? "General",
      row.formats?.actual ?? "General",
      "General",
      "General",
      "General",
    ]);
  });
  const tables = evaluateWorkbook(
    [{ name: "S", origin: { row: 0, col: 0 }, values, numberFormats, merges: [] }],
    { policy }
  );
  if (tables.length !== 1) throw new Error(`expected one table, found ${tables.length}`);
  return tables[0];
}

export function scoreRow(row: RowInput, policy?: ScoringPolicy): IndicatorResult {
  return scoreTable([row], policy).indicators[0];
}
