import { defaultSettings } from "../../src/core/settings";
import { workbookSettingsStore } from "../../src/excel/excel-gateway";
import { FakeExcel } from "../helpers/fake-excel";

afterEach(() => FakeExcel.uninstall());

test("settings are kept in workbook.settings (ExcelApi 1.4), and read back from there", async () => {
  const fake = new FakeExcel();
  fake.install();
  const store = workbookSettingsStore();
  await store.save({ ...defaultSettings(), weakRatio: 2.5, live: true });
  expect(JSON.parse(fake.workbookSettings.get("selfeval.settings")!)).toMatchObject({
    weakRatio: 2.5,
    live: true,
  });
  expect(fake.settings.size).toBe(0);
  expect(await store.load()).toMatchObject({ weakRatio: 2.5, live: true });
});

test("settings an earlier version saved in the document settings are still read", async () => {
  const fake = new FakeExcel();
  fake.settings.set("selfeval.settings", { ...defaultSettings(), weakRatio: 3 });
  fake.install();
  expect((await workbookSettingsStore().load()).weakRatio).toBe(3);
});
