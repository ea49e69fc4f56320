/**
 * Failures a user can meet, one class each, each with one sentence in Chinese and one in
 * English. Hosts show `message` (Chinese) and may add `english`.
 */
export abstract class SelfEvalError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly english: string
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotXlsxError extends SelfEvalError {
  readonly code = "not-xlsx";
  constructor() {
    super(
      "不是 .xlsx 工作簿，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再试。",
      "not an .xlsx workbook; save it as .xlsx and try again"
    );
  }
}

export class LegacyXlsError extends SelfEvalError {
  readonly code = "legacy-xls";
  constructor() {
    super(
      "这是旧版 .xls 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后再试。",
      "this is a legacy .xls workbook; convert it to .xlsx"
    );
  }
}

export class EncryptedWorkbookError extends SelfEvalError {
  readonly code = "encrypted";
  constructor() {
    super(
      "工作簿设有打开密码，无法读取；请取消密码后另存一份再试。",
      "the workbook is password-protected; remove the password and try again"
    );
  }
}

export class CorruptWorkbookError extends SelfEvalError {
  readonly code = "corrupt";
  constructor(detail: string) {
    super(
      `工作簿已损坏或不完整，无法读取（${detail}）。`,
      `the workbook is damaged or truncated (${detail})`
    );
  }
}

export class EmptyWorkbookError extends SelfEvalError {
  readonly code = "empty";
  constructor() {
    super("工作簿是空的，没有可读的内容。", "the workbook is empty");
  }
}

export class NoTableError extends SelfEvalError {
  readonly code = "no-table";
  constructor(sheets: string[]) {
    super(
      `在工作表 ${sheets.map((s) => `“${s}”`).join("、")} 中未找到绩效自评表（需有含“目标值”“完成值”的指标表头）。`,
      "no self-evaluation table found (an indicator header with target and actual columns is needed)"
    );
  }
}

export class FileTooLargeError extends SelfEvalError {
  readonly code = "too-large";
  constructor(sizeMb: number, limitMb: number) {
    super(
      `文件大小 ${sizeMb} MB，超过 ${limitMb} MB 的上限，未读取。`,
      `the file is ${sizeMb} MB, over the ${limitMb} MB limit`
    );
  }
}

export class FileNotFoundError extends SelfEvalError {
  readonly code = "not-found";
  constructor() {
    super("文件不存在或无法打开。", "the file does not exist or cannot be opened");
  }
}

export class DamagedStateError extends SelfEvalError {
  readonly code = "damaged-state";
  /** `at`: the record's row (1-based, as the sheet shows it) and what is wrong with it. */
  constructor(at?: { row: number; zh: string; en: string }) {
    super(
      `工作簿中记录复核标注的隐藏工作表已损坏${at ? `（第 ${at.row} 行${at.zh}）` : ""}，无法撤销以前的标注；未做任何修改。`,
      `the workbook's hidden annotation record is damaged${at ? ` (row ${at.row}: ${at.en})` : ""}; nothing was changed`
    );
  }
}

export class NewerStateVersionError extends SelfEvalError {
  readonly code = "newer-state";
  constructor(version: number) {
    super(
      `工作簿中的复核标注由更新版本的复核助手写入（记录版本 ${version}），本版本无法撤销；请用新版本撤销或复核，未做任何修改。`,
      `the annotations were written by a newer version of this tool (record version ${version}); use that version — nothing was changed`
    );
  }
}

const quoted = (names: string[]) => names.map((s) => `“${s}”`).join("、");

export class MissingAnnotatedSheetError extends SelfEvalError {
  readonly code = "missing-annotated-sheet";
  constructor(readonly sheets: string[]) {
    super(
      `复核标注所在的工作表 ${quoted(sheets)} 已不存在，也没有哪张工作表仍保留其中的复核结果，无法撤销这些标注；未做任何修改（若已改名，请改回原名；若已删除，可新建同名空白工作表后再试）。`,
      `the annotated sheet ${sheets.join(", ")} no longer exists and no sheet still holds its results; nothing was changed (rename it back, or add an empty sheet by that name if it was deleted)`
    );
  }
}

export class AmbiguousAnnotatedSheetError extends SelfEvalError {
  readonly code = "ambiguous-annotated-sheet";
  constructor(
    readonly sheets: string[],
    readonly matches: string[]
  ) {
    super(
      `复核标注所在的工作表 ${quoted(sheets)} 已不存在，而工作表 ${quoted(matches)} 都与其中的复核结果相符，无法确定是哪一张；未做任何修改（请把改名的那张改回原名后再试）。`,
      `the annotated sheet ${sheets.join(", ")} no longer exists and ${matches.join(", ")} all hold its results; nothing was changed (rename the right one back)`
    );
  }
}

export class OutputFolderError extends SelfEvalError {
  readonly code = "output-folder";
  constructor(folder: string, reason: "cannot-create" | "not-writable" | "not-a-folder") {
    const zh = {
      "cannot-create": "无法创建",
      "not-writable": "不可写入",
      "not-a-folder": "不是文件夹",
    }[reason];
    const en = {
      "cannot-create": "cannot be created",
      "not-writable": "is not writable",
      "not-a-folder": "is not a folder",
    }[reason];
    super(
      `输出文件夹 ${folder} ${zh}，未写入任何文件。`,
      `the output folder ${folder} ${en}; nothing was written`
    );
  }
}

export class WouldOverwriteInputError extends SelfEvalError {
  readonly code = "would-overwrite";
  constructor() {
    super(
      "输出文件会覆盖原文件；请用 --out 指定另一个文件夹。",
      "the output would overwrite the input; choose another --out folder"
    );
  }
}

export class ProtectedSheetError extends SelfEvalError {
  readonly code = "protected";
  constructor(sheets: string[]) {
    const names = sheets.map((s) => `“${s}”`).join("、");
    super(
      `工作表 ${names} 受保护，未做任何修改；请先撤销工作表保护再复核。`,
      `sheet ${sheets.join(", ")} is protected; nothing was changed`
    );
  }
}

export class CellEditModeError extends SelfEvalError {
  readonly code = "cell-edit";
  constructor() {
    super(
      "Excel 正在编辑单元格，未做任何修改；请按 Enter 或 Esc 结束编辑后再试。",
      "Excel is editing a cell; press Enter or Esc and try again"
    );
  }
}

export class OutputWriteError extends SelfEvalError {
  readonly code = "output-write";
  constructor(path: string) {
    super(
      `无法写入 ${path}（文件可能正被其他程序打开，或没有写入权限）；原文件未受影响。`,
      `cannot write ${path} (open in another program, or no permission)`
    );
  }
}

export class ZipTooLargeError extends SelfEvalError {
  readonly code = "zip-too-large";
  constructor(limitBytes: number) {
    const mb = Math.round(limitBytes / 1048576);
    super(
      `工作簿解压后将超过 ${mb} MB 的上限，未读取（可能是异常或恶意文件）。`,
      `the workbook would unzip to more than ${mb} MB; not read`
    );
  }
}

/** A part of the package this tool cannot read or edit safely: the workbook is refused, not rewritten. */
export class UnsupportedPackageError extends SelfEvalError {
  readonly code = "unsupported-package";
  constructor(
    readonly part: string,
    detail: string
  ) {
    super(
      `工作簿中的部件 ${part} 无法识别（${detail}），为免损坏文件未做处理；请在 Excel 或 WPS 中另存为 .xlsx 后再试。`,
      `cannot understand the part ${part} (${detail}); the workbook was not changed — save it again as .xlsx and retry`
    );
  }
}

export class HiddenSheetError extends SelfEvalError {
  readonly code = "hidden-sheet";
  constructor(sheet: string) {
    super(
      `工作表“${sheet}”已隐藏，无法选中其中的单元格；请先取消隐藏该工作表。`,
      `sheet ${sheet} is hidden; unhide it to select its cells`
    );
  }
}

export class WorkbookStructureProtectedError extends SelfEvalError {
  readonly code = "workbook-protected";
  constructor() {
    super(
      "工作簿结构受保护，复核助手无法添加或删除它的工作表；未做任何修改，请先撤销工作簿保护（审阅 → 保护工作簿）再试。",
      "the workbook structure is protected, so the tool cannot add or remove its sheets; nothing was changed"
    );
  }
}

export class NoRoomForRemarkError extends SelfEvalError {
  readonly code = "no-room-for-remark";
  constructor(sheet: string, from: string) {
    super(
      `工作表“${sheet}”从 ${from} 起向右的单元格都已有内容，审核意见没有写入，以免覆盖已有内容；请在右侧留出空白列后重试。`,
      `every cell right of ${from} on sheet ${sheet} holds something; the remark was not written, so as not to overwrite it`
    );
  }
}

export class MergedAreasUnavailableError extends SelfEvalError {
  readonly code = "merged-areas-unavailable";
  constructor() {
    super(
      "此版本的 Excel 无法列出合并单元格（需要 ExcelApi 1.13），复核结果可能写进合并区域而损坏表格，因此未做任何修改；请更新 Office，或在浏览器中打开复核页面处理此工作簿。",
      "this Excel cannot list merged cells (ExcelApi 1.13 is needed), so results could land inside a merged area; nothing was changed — update Office or use the browser page"
    );
  }
}

export class DismissReasonRequiredError extends SelfEvalError {
  readonly code = "dismiss-reason-required";
  constructor() {
    super(
      "忽略一条复核发现须写明理由；未做任何修改。",
      "a reason is needed to dismiss a finding; nothing was changed"
    );
  }
}

export class FindingNotFoundError extends SelfEvalError {
  readonly code = "finding-not-found";
  constructor(sheet: string, row: number) {
    super(
      `工作表“${sheet}”第 ${row} 行已没有这条复核发现（可能在重新复核后已消失），未做标记。`,
      `sheet ${sheet} row ${row} no longer has this finding (it may have gone on rescoring); nothing was marked`
    );
  }
}
