import { Flag } from "../core/evaluate";
import { FLAG_TITLES, GradeText } from "../core/plan";

/**
 * The language of the command line's own sentences (`--lang`), one language a line. The
 * engine's notes and a table's error stay Chinese: they are the language of the tables and
 * are written into them.
 */
export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];

const FLAG_NAMES = Object.fromEntries(FLAG_TITLES) as Record<Flag, string>;
const UNGRADED_EN: Record<Exclude<GradeText, "优" | "良" | "中" | "差">, string> = {
  未填报: "not filled in",
  未评分: "not scored",
};

const zh = {
  error: (text: string) => `错误：${text}`,
  unexpected: (detail: string) => `读取或评分时出错：${detail}`,
  timeLimit: (seconds: number) => `处理时间超过 ${seconds} 秒，已停止（文件可能异常）`,
  rules: (text: string) => `评分规则：${text}`,
  flags: (flags: Flag[]) => flags.map((f) => FLAG_NAMES[f]).join("、"),
  kind: { project: "项目支出", department: "部门整体" } as Record<string, string>,
  table: (kind: string, name: string) => `${kind}「${name}」`,
  ungraded: (grade: GradeText) => `未评分（${grade}）`,
  graded: (total: number, reported: number | null, grade: string) =>
    `复核总分 ${total} 分（填报 ${reported === null ? "未填" : `${reported} 分`}），等级 ${grade}`,
  indicatorCount: (n: number) => `指标 ${n} 个`,
  separator: "；",
  budget: (row: number, rate: string, score: number, weight: number) =>
    `预算执行 第 ${row} 行：执行率 ${rate}，得分 ${score} 分（分值 ${weight} 分）`,
  indicator: (row: number, name: string, score: number, weight: number | null) =>
    `第 ${row} 行 ${name}：得分 ${score} 分（${weight === null ? "缺少分值" : `分值 ${weight} 分`}）`,
  batchLine: (project: string, total: number | null, grade: GradeText) =>
    `${project}：${total === null ? grade : `复核总分 ${total} 分，等级 ${grade}`}`,
  done: (files: number, tables: number, out: string) =>
    `复核 ${files} 个工作簿，${tables} 张自评表 → ${out}`,
  summary: (path: string) => `汇总：${path}`,
  report: (path: string) => `报告：${path}`,
  failed: (n: number) => `未能处理 ${n} 个文件：`,
  unscoredFiles: (n: number) => `${n} 个工作簿中有未能评分的自评表（见上方说明）`,
  stopping: "正在停止：等正在处理的工作簿写完，其余不再处理",
  interrupted: (done: number, total: number) =>
    `已停止，完成 ${done}/${total} 个工作簿；未写汇总和报告`,
  progress: (done: number, total: number, failed: number, left: string) =>
    `${done}/${total} 个工作簿${failed ? `，失败 ${failed}` : ""}，剩余约 ${left}`,
  cleared: "已撤销全部复核标注",
  nothingToClear: "没有复核标注",
  macroWorkbook: "含宏的工作簿（.xlsm）未处理：宏不能保留，请另存为 .xlsx 后再复核",
  notXlsx: (ext: string) =>
    `不是 .xlsx 工作簿（${ext || "无扩展名"}），请在 Excel 或 WPS 中另存为 .xlsx 后再复核`,
  outputInsideInput: (input: string) => `输出文件夹在输入文件夹 ${input} 之内，已跳过其中的文件`,
  sameName: (input: string, output: string) => `${input} 与另一输入同名，副本另存为 ${output}`,
};

export type Words = typeof zh;

const en: Words = {
  error: (text) => `error: ${text}`,
  unexpected: (detail) => `unexpected error while reading or scoring: ${detail}`,
  timeLimit: (seconds) => `stopped after ${seconds} s (the file may be malformed)`,
  rules: (text) => `Scoring rules: ${text}`,
  flags: (flags) => flags.join(", "),
  kind: { project: "project", department: "department" },
  table: (kind, name) => `${kind} table "${name}"`,
  ungraded: (grade) => UNGRADED_EN[grade as keyof typeof UNGRADED_EN],
  graded: (total, reported, grade) =>
    `computed total ${total} (reported ${reported === null ? "none" : reported}), grade ${grade}`,
  indicatorCount: (n) => `${n} indicators`,
  separator: "; ",
  budget: (row, rate, score, weight) =>
    `budget execution, row ${row}: rate ${rate}, score ${score} of ${weight} points`,
  indicator: (row, name, score, weight) =>
    `row ${row} ${name}: score ${score}${weight === null ? " (no weight)" : ` of ${weight} points`}`,
  batchLine: (project, total, grade) =>
    `${project}: ${total === null ? en.ungraded(grade) : `computed total ${total}, grade ${grade}`}`,
  done: (files, tables, out) =>
    `rescored ${files} workbooks, ${tables} self-evaluation tables → ${out}`,
  summary: (path) => `summary: ${path}`,
  report: (path) => `report: ${path}`,
  failed: (n) => `${n} files not processed:`,
  unscoredFiles: (n) => `${n} workbooks hold tables that could not be scored (see above)`,
  stopping: "stopping: the workbooks in progress are finished, no others are started",
  interrupted: (done, total) =>
    `stopped after ${done}/${total} workbooks; no summary or report written`,
  progress: (done, total, failed, left) =>
    `${done}/${total} workbooks${failed ? `, ${failed} failed` : ""}, about ${left} left`,
  cleared: "every annotation removed",
  nothingToClear: "no annotations found",
  macroWorkbook:
    "a macro-enabled workbook (.xlsm) is not processed: macros cannot be kept; save it as .xlsx and rescore",
  notXlsx: (ext) =>
    `not an .xlsx workbook (${ext || "no extension"}); save it as .xlsx in Excel or WPS and rescore`,
  outputInsideInput: (input) =>
    `the output folder is inside the input folder ${input}; its files are not read`,
  sameName: (input, output) => `${input} has the same name as another input; its copy is ${output}`,
};

export const WORDS: Record<Lang, Words> = { zh, en };
