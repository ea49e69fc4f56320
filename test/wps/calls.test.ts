/**
 * Every WPS call crosses a process boundary (about 0.2 ms): what a rescore costs is counted on
 * the double, which counts each property read or write and each method call.
 */
import { wpsRescoreCalls } from "../helpers/wps-calls";

test("calls per rescore grow linearly with the number of sheets, by the same amount per sheet", () => {
  const counts = [1, 10, 100, 200].map((sheets) => {
    const { calls, tables } = wpsRescoreCalls(sheets);
    expect(tables).toBe(sheets);
    return calls;
  });
  const perSheet = (counts[1] - counts[0]) / 9;
  expect(perSheet).toBeGreaterThan(0);
  expect(counts[2] - counts[1]).toBe(90 * perSheet);
  expect(counts[3] - counts[2]).toBe(100 * perSheet);
  // What a sheet costs is bounded by what the first one costs, workbook-level calls included.
  expect(perSheet).toBeLessThanOrEqual(counts[0]);
});

test("calls per rescore do not grow with the number of rows: 20 and 2,000 indicator rows cost the same", () => {
  const short = wpsRescoreCalls(1, 20);
  const long = wpsRescoreCalls(1, 2000);
  expect(long.calls).toBe(short.calls);
  // The Value2 object shape is read item by item: its cost grows with the cells, which the array shape avoids.
  expect(wpsRescoreCalls(1, 200, { value2: "object" }).calls).toBeGreaterThan(
    wpsRescoreCalls(1, 20, { value2: "object" }).calls
  );
});
