/**
 * Loaded into the built page before its own scripts: the in-memory Excel double, holding the
 * workbook the test passed in `window.__grids`, so the page runs as it does inside Excel.
 */
import { FakeExcel, fakeFromGrids } from "../helpers/fake-excel";

type PageGlobals = { __grids: Parameters<typeof fakeFromGrids>[1]; __fake: FakeExcel };

const page = window as unknown as PageGlobals;
const fake = new FakeExcel();
fakeFromGrids(fake, page.__grids);
fake.install();
page.__fake = fake;
