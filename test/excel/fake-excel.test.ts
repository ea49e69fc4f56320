/**
 * The Excel test double is the add-in's whole world in tests: each rule of real Excel it
 * copies is checked here, with its source, so that the double is never
 * more lenient than Excel.
 */
import { FakeExcel } from "../helpers/fake-excel";

// Some tests below loop over host versions, each pass its own Excel.run on a fresh double.
/* eslint-disable office-addins/no-context-sync-in-loop */

afterEach(() => FakeExcel.uninstall());

function installed(): FakeExcel {
  const fake = new FakeExcel();
  fake.workbook.add("表");
  fake.install();
  return fake;
}

test("deleting a very hidden sheet fails with InvalidOperation; a merely hidden one can go (types: Worksheet.delete; office-js#365)", async () => {
  const fake = installed();
  fake.workbook.add("记录").visibility = "VeryHidden";
  const refused = Excel.run(async (context) => {
    context.workbook.worksheets.getItem("记录").delete();
    await context.sync();
  });
  await expect(refused).rejects.toMatchObject({ code: "InvalidOperation" });
  expect(fake.workbook.has("记录")).toBe(true);
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("记录");
    sheet.visibility = Excel.SheetVisibility.hidden;
    sheet.delete();
    await context.sync();
  });
  expect(fake.workbook.has("记录")).toBe(false);
});

test("a string written through Range.values is parsed as if typed, unless the cell is text or the string starts with an apostrophe (types: Range.values; docs: excel-add-ins-blank-null-values)", async () => {
  const fake = installed();
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("表");
    sheet.getRange("A1:G1").values = [
      ["2023", "50%", "=SUM(1)", "-备注", "E10", "'2023", "1,234.5"],
    ];
    sheet.getRange("A2").numberFormat = [["@"]];
    sheet.getRange("A2").values = [["2023"]];
    sheet.getRange("B2").values = [["2023-06-30"]];
    await context.sync();
  });
  const cell = (row: number, col: number) => fake.workbook.sheet("表").cell(row, col);
  expect([0, 1, 2, 3, 4, 5, 6].map((c) => cell(0, c).value)).toEqual([
    2023,
    0.5,
    "#NAME?",
    "#NAME?",
    "E10",
    "2023",
    1234.5,
  ]);
  expect(cell(0, 1).numberFormat).toBe("0%");
  expect(cell(1, 0).value).toBe("2023");
  expect(cell(1, 1).value).toBe(45107);
});

test('"" empties a cell; null leaves it as it is (docs: excel-add-ins-blank-null-values)', async () => {
  const fake = installed();
  fake.workbook.sheet("表").put(0, 0, [["甲", "乙"]]);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("表").getRange("A1:B1").values = [
      ["", null],
    ] as unknown as string[][];
    await context.sync();
  });
  expect([
    fake.workbook.sheet("表").cell(0, 0).value,
    fake.workbook.sheet("表").cell(0, 1).value,
  ]).toEqual([null, "乙"]);
});

test("a hidden sheet cannot be activated (types: Worksheet.activate)", async () => {
  const fake = installed();
  fake.workbook.sheet("表").visibility = "Hidden";
  const refused = Excel.run(async (context) => {
    context.workbook.worksheets.getItem("表").activate();
    await context.sync();
  });
  await expect(refused).rejects.toMatchObject({ code: "InvalidOperation" });
});

test("sheet names are compared without case: a second 复核汇总 or SHEET is refused (Excel)", async () => {
  const fake = installed();
  fake.workbook.add("Sheet");
  expect(() => fake.workbook.add("SHEET")).toThrow(
    expect.objectContaining({ code: "ItemAlreadyExists" })
  );
});

test("workbook structure protection refuses adding, deleting and hiding sheets, and is readable (types: WorkbookProtection)", async () => {
  const fake = installed();
  fake.workbook.structureProtected = true;
  const attempts = [
    (c: Excel.RequestContext) => c.workbook.worksheets.add("新表"),
    (c: Excel.RequestContext) => c.workbook.worksheets.getItem("表").delete(),
    (c: Excel.RequestContext) =>
      (c.workbook.worksheets.getItem("表").visibility = Excel.SheetVisibility.hidden),
  ];
  for (const attempt of attempts) {
    const refused = Excel.run(async (context) => {
      attempt(context);
      await context.sync();
    });
    await expect(refused).rejects.toMatchObject({ code: "AccessDenied" });
  }
  const seen = await Excel.run(async (context) => {
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    return protection.protected;
  });
  expect(seen).toBe(true);
  expect(fake.workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([["表", "Visible"]]);
});

test("in cell-edit mode a batch fails, unless run with delayForCellEdit from ExcelApi 1.11, which waits (docs: excel-add-ins-delay-in-cell-edit)", async () => {
  for (const [apiVersion, delayed, waits] of [
    [13, false, false],
    [13, true, true],
    [10, true, false],
  ] as const) {
    const fake = new FakeExcel({ editMode: true, apiVersion });
    fake.workbook.add("表");
    fake.install();
    const batch = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("表").getRange("A1").values = [[1]];
      await context.sync();
    };
    const done = delayed ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
    if (waits) await expect(done).resolves.toBeUndefined();
    else await expect(done).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(fake.workbook.sheet("表").cell(0, 0).value).toBe(waits ? 1 : null);
    FakeExcel.uninstall();
  }
});

test("merged areas: only those whose top-left cell is in the range are listed, and more than 512 fail (office-js#3611; Range.getMergedAreasOrNullObject)", async () => {
  const fake = installed();
  const sheet = fake.workbook.sheet("表");
  sheet.merges.push({ top: 0, left: 0, bottom: 1, right: 1 });
  for (let r = 10; r < 523; r++) sheet.merges.push({ top: r, left: 0, bottom: r, right: 1 });
  const listed = (address: string) =>
    Excel.run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem("表")
        .getRange(address)
        .getMergedAreasOrNullObject();
      areas.load("address");
      await context.sync();
      return areas.isNullObject ? null : areas.address;
    });
  expect(await listed("A1:C3")).toBe("'表'!A1:B2");
  expect(await listed("B2:C3")).toBeNull();
  await expect(listed("A11:B522")).resolves.toContain("A522:B522");
  await expect(listed("A1:B523")).rejects.toMatchObject({ code: "GeneralException" });
});

test("onChanged fires for the add-in’s own writes too, after the sync, marked ThisLocalAddin from ExcelApi 1.14 (docs: excel-add-ins-events)", async () => {
  for (const [apiVersion, trigger] of [
    [14, "ThisLocalAddin"],
    [13, undefined],
  ] as const) {
    const fake = new FakeExcel({ apiVersion });
    fake.workbook.add("表");
    fake.install();
    const events: { source: string; triggerSource?: string }[] = [];
    fake.workbook.changeHandlers.push(
      async (event) =>
        void events.push({ source: event.source, triggerSource: event.triggerSource })
    );
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("A1").values = [["甲"]];
      await context.sync();
      expect(events).toEqual([]);
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual([{ source: "Local", triggerSource: trigger }]);
    FakeExcel.uninstall();
  }
});

test("sheet names: 1 to 31 characters, none of : \\ / ? * [ ] (Excel)", () => {
  const fake = new FakeExcel();
  for (const name of ["a".repeat(32), "复核/汇总", "表[1]", "", "'引号'"]) {
    expect(() => fake.workbook.add(name)).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
  }
  expect(fake.workbook.add("复核汇总 (2)").name).toBe("复核汇总 (2)");
  expect(fake.workbook.add("_selfeval_state").name).toBe("_selfeval_state");
});

test("values cannot be written into part of a merged area; the top-left cell or the whole area can (docs: excel-add-ins-ranges)", async () => {
  const fake = installed();
  fake.workbook.sheet("表").merges.push({ top: 0, left: 0, bottom: 1, right: 1 });
  const write = (address: string, values: unknown[][]) =>
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("表").getRange(address).values = values as string[][];
      await context.sync();
    });
  await expect(write("B1", [["x"]])).rejects.toMatchObject({ code: "InvalidOperation" });
  await expect(write("A1:A2", [["x"], [""]])).rejects.toMatchObject({ code: "InvalidOperation" });
  await expect(write("A1", [["左上"]])).resolves.toBeUndefined();
  await expect(
    write("A1:C2", [
      ["整", null, null],
      [null, null, null],
    ])
  ).resolves.toBeUndefined();
});

test("each request is the real Office.js client's, serialised by its own request builder: one over 5 MB is refused before anything runs (docs: excel-add-ins-resource-limits)", async () => {
  const fake = installed();
  const text = "预算绩效".repeat(500_000); // 6 MB of UTF-8
  const refused = Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("表");
    sheet.getRange("A1").values = [["先写的"]];
    sheet.getRange("A2").values = [[text]];
    await context.sync();
  });
  await expect(refused).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(fake.refused[0].request).toBeGreaterThan(6_000_000);
  expect(fake.workbook.sheet("表").peek(0, 0)).toBeUndefined();
  // A write of a few bytes costs hundreds in the request: its object paths and actions.
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("表").getRange("A1").values = [[1]];
    await context.sync();
  });
  expect(fake.syncs[0].request).toBeGreaterThan(300);
});

test("a range proxy is good for the request that made it: used after a sync it fails, as the client refuses it (office-js: InvalidObjectPath)", async () => {
  installed();
  const reused = Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("表").getRange("A1");
    range.load("values");
    await context.sync();
    range.values = [[1]];
    await context.sync();
  });
  await expect(reused).rejects.toMatchObject({ code: "InvalidObjectPath" });
});

test("a 2-D array must have the range's shape; null leaves a cell's number format as it is (docs: excel-add-ins-blank-null-values)", async () => {
  const fake = installed();
  const sheet = fake.workbook.sheet("表");
  sheet.put(0, 0, [["a"], ["b"]], [["0.00"], ["@"]]);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("表").getRange("A1:A2").numberFormat = [[null], ["0%"]];
    await context.sync();
  });
  expect([sheet.cell(0, 0).numberFormat, sheet.cell(1, 0).numberFormat]).toEqual(["0.00", "0%"]);
  const wrongShape = Excel.run(async (context) => {
    context.workbook.worksheets.getItem("表").getRange("A1:A2").values = [["x"]];
    await context.sync();
  });
  await expect(wrongShape).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("cell properties: each cell's own, set where given and left where not; no fill reads white with tintAndShade null (types: Range.setCellProperties, getCellProperties; office-js#4900)", async () => {
  const fake = installed();
  const sheet = fake.workbook.sheet("表");
  sheet.cell(0, 0).fill = "#FFFFFF";
  sheet.cell(1, 0).bold = true;
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("表").getRange("A1:A3");
    const before = range.getCellProperties({
      format: { fill: { color: true, tintAndShade: true } },
    });
    await context.sync();
    expect(before.value.map((row) => row[0].format!.fill)).toEqual([
      { color: "#FFFFFF", tintAndShade: 0 },
      { color: "#FFFFFF", tintAndShade: null },
      { color: "#FFFFFF", tintAndShade: null },
    ]);
    context.workbook.worksheets
      .getItem("表")
      .getRange("A1:A3")
      .setCellProperties([
        [{}],
        [{ format: { fill: { color: "#ffc7ce" } } }],
        [{ format: { wrapText: true } }],
      ]);
    await context.sync();
  });
  expect([sheet.cell(0, 0).fill, sheet.cell(1, 0).fill, sheet.cell(2, 0).fill]).toEqual([
    "#FFFFFF",
    "#FFC7CE",
    null,
  ]);
  expect([sheet.cell(1, 0).bold, sheet.cell(2, 0).wrap]).toEqual([true, true]);
});

test("a format property of a range whose cells differ reads null (docs: excel-add-ins-blank-null-values)", async () => {
  const fake = installed();
  const sheet = fake.workbook.sheet("表");
  sheet.cell(0, 0).fill = "#FFC7CE";
  sheet.cell(0, 0).bold = true;
  await Excel.run(async (context) => {
    const mixed = context.workbook.worksheets.getItem("表").getRange("A1:A2");
    mixed.load("format/fill/color,format/font/bold,format/wrapText");
    const alike = context.workbook.worksheets.getItem("表").getRange("A2:A3");
    alike.load("format/fill/color,format/font/bold");
    await context.sync();
    expect([mixed.format.fill.color, mixed.format.font.bold, mixed.format.wrapText]).toEqual([
      null,
      null,
      false,
    ]);
    expect([alike.format.fill.color, alike.format.font.bold]).toEqual(["#FFFFFF", false]);
  });
});
