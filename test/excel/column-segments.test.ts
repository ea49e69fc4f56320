import { columnSegments, rowRuns, segmentColumn } from "../../src/excel/column-segments";

const cell = (row: number, col = 7, sheet = "表") => ({ sheet, row, col });

test("cells of one column go in one stretch, the rows between left unchanged", () => {
  const [segment, ...rest] = columnSegments([cell(4), cell(6), cell(5)], () => []);
  expect(rest).toEqual([]);
  expect([segment.top, segment.bottom]).toEqual([4, 6]);
  expect(segmentColumn(segment, (c) => c.row, null)).toEqual([[4], [5], [6]]);
});

test("a stretch never crosses a merged area of its column; a cell on a merged row goes alone", () => {
  // Rows 10–11 merged across columns A:H (the output column is H, index 7).
  const merges = [{ top: 10, bottom: 11, left: 0, right: 7 }];
  const segments = columnSegments([cell(8), cell(9), cell(10), cell(12), cell(13)], () => merges);
  expect(segments.map((s) => [s.top, s.bottom])).toEqual([
    [8, 9],
    [10, 10],
    [12, 13],
  ]);
  // A merge in other columns does not cut this one.
  const elsewhere = [{ top: 10, bottom: 11, left: 0, right: 3 }];
  expect(columnSegments([cell(8), cell(13)], () => elsewhere)).toHaveLength(1);
});

test("sheets, columns and long gaps make separate stretches", () => {
  const segments = columnSegments([cell(1), cell(2, 8), cell(3, 7, "另一表"), cell(200)], () => []);
  expect(segments).toHaveLength(4);
});

test("runs of chosen rows inside a stretch", () => {
  const [segment] = columnSegments([cell(1), cell(2), cell(3), cell(5), cell(6)], () => []);
  const runs = rowRuns(segment, (c) => c.row !== 3);
  expect(runs.map((run) => run.map((c) => c.row))).toEqual([
    [1, 2],
    [5, 6],
  ]);
});
