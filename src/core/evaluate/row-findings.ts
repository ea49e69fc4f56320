import { cellAddress } from "../address";
import { DetectedTable, IndicatorBlock, IndicatorRow } from "../detect";
import { zh } from "../messages";
import { ScoringPolicy } from "../policy";
import { ReadCell } from "../read-cell";
import { compact } from "../text";
import { PLACEHOLDER } from "../vocabulary/headers";
import { roundHalfUp, sameToTheCent } from "../rounding";
import { isVagueTarget } from "../score";
import { familyOf, writtenUnit } from "../units";
import { Finding, IndicatorFlag } from "./results";
import { RowProblem, RowScore } from "./row-score";

export type RowContext = { table: DetectedTable };

/** A reason is words: `/`, `—` or `无` in its place says there is none. */
function givesReason(text: string): boolean {
  const words = compact(text);
  return words !== "" && !PLACEHOLDER.test(words);
}

/** The order flags are listed in: what stops scoring first, then what a reviewer acts on. */
const ORDER: IndicatorFlag[] = [
  "unreadable",
  "unit-mismatch",
  "unfinished",
  "weak-target",
  "vague-target",
  "score-mismatch",
  "qualitative-tier",
  "missing-reason",
];

const address = (cell: ReadCell) => cellAddress(cell.row, cell.col);
const isOutOfRange = (cell: ReadCell) =>
  cell.parsed.kind === "invalid" && cell.parsed.outOfRange === true;

/** What a reviewer should know about a scored row: its flags and the reasons, in Chinese. */
export function rowFindings(
  row: IndicatorRow,
  block: IndicatorBlock,
  scored: RowScore,
  policy: ScoringPolicy,
  ctx: RowContext
): { flags: IndicatorFlag[]; notes: string[]; findings: Finding<IndicatorFlag>[] } {
  const flags = new Set<IndicatorFlag>();
  const notes: string[] = [];
  const findings: Finding<IndicatorFlag>[] = [];
  const add = (flag: IndicatorFlag, note: string) => {
    flags.add(flag);
    notes.push(note);
    findings.push({ flag, note });
  };
  const targetText = withUnit(row.target?.text ?? "", "target", scored);
  const actualText = withUnit(row.actual?.text ?? "", "actual", scored);
  const { method, weight, reported, score } = scored;

  if (scored.problem) {
    add(
      scored.problem.kind === "unit-mismatch" ? "unit-mismatch" : "unreadable",
      problemNote(scored.problem, row, block)
    );
  }
  // An absurd entered score is not taken for one; the reviewer is told which cell holds it.
  if (row.reported && isOutOfRange(row.reported))
    add("unreadable", zh.outOfRange("填报得分", address(row.reported), row.reported.text));
  // A bare number beside a 度量单位 column is plainly in that unit: only other readings are told.
  const plainlyInUnit = scored.unitReading?.reading === "target-unit" && row.unitColumn !== "";
  if (scored.unitReading && !plainlyInUnit) notes.push(readingNote(scored, row));
  if (method === "qualitative" && weight !== null) {
    const band = scored.tier ? policy.qualitativeTiers[scored.tier] : null;
    if (
      scored.basis === "entered" &&
      band &&
      scored.tier &&
      (score < roundHalfUp(band.min * weight) || score > roundHalfUp(band.max * weight))
    ) {
      add(
        "qualitative-tier",
        zh.qualitativeTier(zh.tiers[scored.tier], score, band.min * weight, band.max * weight)
      );
    }
    const target = row.target?.parsed;
    if (target?.kind === "text" && isVagueTarget(target.text))
      add("vague-target", zh.vagueTarget(targetText || target.text));
    const belowAchieved =
      scored.tier === null && score < policy.qualitativeTiers.achieved.min * weight;
    if (scored.tier === "partial" || scored.tier === "failed" || belowAchieved)
      add("unfinished", zh.unfinishedQualitative(actualText, targetText));
  }
  if (scored.basis === "rule" && scored.share !== null) {
    // Short of the target by less than a cent of score (100% → 99.99%) is not unfinished.
    if (scored.share < 1 && weight !== null && score < weight)
      add(
        "unfinished",
        method === "deadline"
          ? zh.deadlineMissed(actualText, targetText)
          : zh.unfinished(actualText, targetText)
      );
    const ratio = scored.ratio;
    if (
      ratio !== null &&
      ratio >= policy.weakRatio &&
      (method === "positive" || method === "reverse")
    ) {
      add("weak-target", method === "reverse" ? zh.weakReverseTarget(ratio) : zh.weakTarget(ratio));
    }
  }
  if (reported !== null && scored.basis !== "kept" && !sameToTheCent(reported, score))
    add("score-mismatch", zh.scoreMismatch(reported, score));
  // A place for the reason: the row's block has a reason column, or the table a narrative row.
  const narrative = ctx.table.narrativeReason;
  if (flags.has("unfinished") && (row.reason || narrative)) {
    const missing = row.reason
      ? !givesReason(row.reason.text)
      : !givesReason(narrative?.text ?? "");
    if (missing) {
      const where = row.reason
        ? cellAddress(row.reason.row, row.reason.col)
        : cellAddress(narrative?.row ?? row.row, narrative?.col ?? ctx.table.left);
      add("missing-reason", zh.missingReason(where));
    }
  }
  return { flags: ORDER.filter((f) => flags.has(f)), notes, findings };
}

function problemNote(problem: RowProblem, row: IndicatorRow, block: IndicatorBlock): string {
  const nameCell = cellAddress(row.row, row.nameCol);
  switch (problem.kind) {
    case "weight-unreadable":
      return zh.unreadableWeight(
        row.weightCell ? cellAddress(row.weightCell.row, row.weightCell.col) : nameCell,
        row.weightCell?.text ?? ""
      );
    case "weight-missing":
      return zh.missingWeight(
        block.columns.weight !== undefined ? cellAddress(row.row, block.columns.weight) : nameCell
      );
    case "target-empty":
      return zh.emptyTarget(row.target ? address(row.target) : nameCell);
    case "target-unreadable":
      if (row.target && isOutOfRange(row.target))
        return zh.outOfRange("目标值", address(row.target), row.target.text);
      return zh.unreadableTarget(
        row.target ? address(row.target) : nameCell,
        row.target?.text ?? ""
      );
    case "actual-empty":
      return zh.emptyActual(row.actual ? address(row.actual) : nameCell);
    case "actual-unreadable":
      if (row.actual && isOutOfRange(row.actual))
        return zh.outOfRange("完成值", address(row.actual), row.actual.text);
      return zh.unreadableActual(
        row.actual ? address(row.actual) : nameCell,
        row.actual?.text ?? ""
      );
    case "unknown-tier":
      return zh.unknownTier(row.actual ? address(row.actual) : nameCell);
    case "unit-mismatch":
      return zh.unitMismatch(
        row.target?.text ?? "",
        row.actual?.text ?? "",
        problem.targetUnit,
        problem.actualUnit
      );
  }
}

/** Which reading of a bare number was taken, so a reviewer can check it. */
function readingNote(scored: RowScore, row: IndicatorRow): string {
  const reading = scored.unitReading as NonNullable<RowScore["unitReading"]>;
  const cell = reading.bare === "actual" ? row.actual : row.target;
  const side = reading.bare === "actual" ? "完成值" : "目标值";
  const text = cell?.text ?? "";
  if (reading.reading === "target-unit")
    return zh.readInOtherUnit(side, text, writtenUnit(reading.other));
  return familyOf(reading.other.unit) === "percent"
    ? zh.readAsFraction(side, text)
    : zh.readInBaseUnit(side, text, writtenUnit(reading.other));
}

/**
 * A bare number as the note shows it, with the unit it was read in, so that "完成 0" reads
 * "完成 0 人": a bare side read in the other side's plain unit (not a percent, not a scaled
 * unit such as 万人, which a bare number may not be in).
 */
function withUnit(text: string, side: "target" | "actual", scored: RowScore): string {
  const bare = text.trim();
  if (!/^[+-]?\d[\d,]*(\.\d+)?$/.test(bare)) return text;
  const reading = scored.unitReading;
  const plain = reading?.other.scale === 1 && /^[^\d%‰]+$/.test(reading.other.unit);
  if (reading?.bare === side && reading.reading === "target-unit" && plain)
    return `${bare} ${reading.other.unit}`;
  return text;
}
