import { CommandReport, RESCORE_COMMAND, registerCommands } from "../../src/commands/commands";
import { CellEditModeError } from "../../src/core/errors";
import { defaultSettings } from "../../src/core/settings";
import { SUMMARY_SHEET } from "../../src/core/plan";
import { readGrids } from "../../src/file/read-workbook";
import { FakeExcel, FakeOptions, fakeFromGrids } from "../helpers/fake-excel";
import { referenceWorkbook } from "../helpers/reference";

afterEach(() => FakeExcel.uninstall());

async function setUp(options: FakeOptions = {}) {
  const fake = new FakeExcel(options);
  fakeFromGrids(fake, await readGrids(referenceWorkbook("wuhan-dept.xlsx")));
  fake.install();
  const reports: CommandReport[] = [];
  const store = {
    load: jest.fn(async () => ({ ...defaultSettings(), weakRatio: 3 })),
    save: jest.fn(),
  };
  registerCommands(store, (r) => reports.push(r));
  const run = async () => {
    let completed = 0;
    await fake.commands.get(RESCORE_COMMAND)!({ completed: () => void completed++ });
    return completed;
  };
  return { fake, reports, run };
}

test("一键复核 rescores the whole workbook with the saved settings, without the pane", async () => {
  const { fake, reports, run } = await setUp();
  expect(await run()).toBe(1);
  expect(fake.workbook.has(SUMMARY_SHEET)).toBe(true);
  const [report] = reports;
  expect("outcome" in report && report.outcome.tables[0].total).toBe(99.69);
  const weak =
    "outcome" in report
      ? report.outcome.tables[0].indicators.filter((i) => i.flags.includes("weak-target"))
      : [];
  expect(weak.map((i) => i.ratio)).toEqual([50]);
  expect(fake.paneShown).toBe(0);
});

test("an error is reported to the pane, which opens; Office is still told the command ended", async () => {
  const { fake, reports, run } = await setUp({ editMode: true, apiVersion: 10 });
  expect(await run()).toBe(1);
  expect(reports).toHaveLength(1);
  expect("error" in reports[0] && reports[0].error).toBeInstanceOf(CellEditModeError);
  expect(fake.paneShown).toBe(1);
});
