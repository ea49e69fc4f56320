/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { CellValue } from "../../src/core/grid";
import { STRINGS } from "../../src/taskpane/i18n";
import { TableCard } from "../../src/taskpane/TableCard";

jest.setTimeout(30_000);

const HEADER: CellValue[] = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
];

function card(rows: CellValue[][]) {
  const [table] = evaluateWorkbook([
    { name: "自评表", origin: { row: 0, col: 0 }, values: [HEADER, ...rows], merges: [] },
  ]);
  render(
    <FluentProvider theme={webLightTheme}>
      <TableCard table={table} plan={null} strings={STRINGS.zh} />
    </FluentProvider>
  );
}

test("an unfilled table shows 未填报 where the grade goes, and its reason", () => {
  card([
    ["产出指标", "数量指标", "培训人数", "≥100人", null, 50, null],
    ["效益指标", "社会效益", "就业人数", "≥50人", null, 50, null],
  ]);
  expect(screen.getByLabelText("等级 未填报").textContent).toBe("未填报");
  expect(screen.getByText("表中指标既无完成值也无得分，尚未填报，未评分")).toBeTruthy();
});

test("a breakdown row is shown under its indicator as a part that is not scored", () => {
  card([
    ["产出指标", "数量指标", "培训人数", "≥100人", "80人", 50, 40],
    ["产出指标", "数量指标", "其中：女性学员", "≥40人", "45人", null, null],
  ]);
  expect(
    screen.getByText("第 3 行 其中：女性学员：目标 ≥40人，完成 45人（分项，不单独计分）")
  ).toBeTruthy();
});
