import { roundHalfUp } from "./rounding";

/** Every sentence the engine says about a table, in one place. */

const fmt = (n: number) => String(Number(n.toFixed(2)));
/** Quoted cell text is kept short: a note is one sentence, not a copy of the cell. */
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
const times = (n: number) => roundHalfUp(n, 2).toFixed(2);

/** Chinese, the language of the tables and of the notes written into them. */
export const zh = {
  unfinished: (actual: string, target: string) =>
    `未完成：完成 ${clip(actual)}，目标 ${clip(target)}`,
  unfinishedQualitative: (actual: string, target: string) =>
    `未完全达成：完成情况“${clip(actual)}”，目标“${clip(target)}”`,
  deadlineMissed: (actual: string, target: string) =>
    `未按期完成：完成于 ${clip(actual)}，期限 ${clip(target)}`,
  weakTarget: (ratio: number) => `完成值为目标值的 ${times(ratio)} 倍，目标值设置偏低`,
  weakReverseTarget: (ratio: number) =>
    `目标值为完成值的 ${times(ratio)} 倍（反向指标），目标值设置偏松`,
  vagueTarget: (target: string) => `目标值“${clip(target)}”无可衡量的水平，指标不明确`,
  scoreMismatch: (reported: number, computed: number) =>
    `填报得分 ${fmt(reported)} 与复核得分 ${fmt(computed)} 不符`,
  budgetScoreMismatch: (cell: string, reported: number, computed: number) =>
    `预算执行得分 ${fmt(reported)}（${cell}）与复核得分 ${fmt(computed)} 不符`,
  totalMismatch: (cell: string, reported: number, computed: number) =>
    `填报总分 ${fmt(reported)}（${cell}）与复核总分 ${fmt(computed)} 不符`,
  qualitativeTier: (tier: string, reported: number, min: number, max: number) =>
    `完成情况属“${tier}”档（${fmt(min)}–${fmt(max)} 分），填报得分 ${fmt(reported)} 不在该档内`,
  missingReason: (cell: string) => `未完成但未填写偏差原因（${cell}）`,
  unreadableTarget: (cell: string, text: string) =>
    `目标值无法识别（${cell}：“${clip(text)}”），保留填报得分`,
  emptyTarget: (cell: string) => `目标值为空（${cell}），保留填报得分`,
  unreadableActual: (cell: string, text: string) =>
    `完成值无法识别（${cell}：“${clip(text)}”），保留填报得分`,
  emptyActual: (cell: string) => `完成值为空（${cell}），保留填报得分`,
  outOfRange: (what: string, cell: string, text: string) =>
    `${what}“${clip(text)}”（${cell}）超出可信的数值范围，不能作为数据，保留填报得分`,
  budgetOutOfRange: (what: string, cell: string, text: string) =>
    `${what}“${clip(text)}”（${cell}）超出可信的数值范围，不能作为数据，预算执行得分按填报值计`,
  unreadableWeight: (cell: string, text: string) =>
    `分值不是有效的数字（${cell}：“${clip(text)}”），保留填报得分`,
  missingWeight: (cell: string) => `缺少分值（${cell}），保留填报得分`,
  unknownTier: (cell: string) => `无法从完成情况判断达成程度（${cell}），且未填报得分`,
  budgetUnreadable: (cell: string) =>
    `预算数或执行数无法识别或预算数为零（${cell}），预算执行得分按填报值计`,
  budgetWeightInferred: (weight: number) =>
    `表中未写明预算执行分值，按 100 减指标分值计为 ${fmt(weight)} 分`,
  gradeMismatch: (written: string, computed: string) =>
    `总分行填写的等级“${written}”与复核等级“${computed}”不符`,
  totalOver100: (total: number) =>
    `复核总分 ${fmt(total)} 分超过 100 分：有指标缺少分值，其填报得分无从核对`,
  weightsNot100: (sum: number) => `预算执行与各指标分值合计 ${fmt(sum)} 分，不等于 100 分`,
  groupWeightMismatch: (label: string, stated: number, sum: number) =>
    `“${label}”标明 ${fmt(stated)} 分，其下指标分值合计 ${fmt(sum)} 分`,
  tooFewIndicators: (count: number, minimum: number) =>
    `个性指标只有 ${count} 个，少于 ${minimum} 个`,
  missingDimension: (dimensions: string[]) =>
    `缺少${dimensions.map((d) => `“${d}”`).join("、")}维度的指标`,
  emptyIndicatorBlock: (sheet: string, range: string) =>
    `“${sheet}”${range} 有指标表头，但其下没有指标行，未评分`,
  noIndicators: (sheet: string, range: string) =>
    `“${sheet}”${range} 像是一张绩效自评表，但未找到指标表头（需有目标值、完成值和指标名称列），未评分`,
  unfilled: "表中指标既无完成值也无得分，尚未填报，未评分",
  unitMismatch: (target: string, actual: string, targetUnit: string, actualUnit: string) =>
    `目标值“${clip(target)}”与完成值“${clip(actual)}”的单位（${targetUnit || "无"}、${actualUnit || "无"}）不可比，保留填报得分`,
  readInOtherUnit: (side: string, text: string, unit: string) =>
    `${side}“${clip(text)}”未写单位，按“${unit}”读取`,
  readAsFraction: (side: string, text: string) =>
    `${side}“${clip(text)}”未写单位，按小数读取（1 即 100%）`,
  readInBaseUnit: (side: string, text: string, unit: string) =>
    `${side}“${clip(text)}”未写单位；按“${unit}”读取数值相差过大，按基本单位读取`,
  tiers: { achieved: "达成预期", partial: "部分达成", failed: "未达成" },
} as const;
