import { parseText } from "../../src/core/parse";
import { policyFor } from "../../src/core/policy";
import { asQuantity, deadlineWords, isVagueTarget, qualitativeTier } from "../../src/core/score";
import { scoreRow } from "../helpers/single-row";

const national = policyFor("national");

/** Target → actual → tier: each pair as reviewers judge it (DOMAIN.md, "Qualitative words"). */
describe("qualitative tiers judged on meaning", () => {
  test.each([
    // Absence targets are met by a statement of absence, by 无, 0 or 零.
    ["无安全事故", "未发生安全事故", "achieved"],
    ["无重大质量问题", "未出现重大质量问题", "achieved"],
    ["无重大质量问题", "无", "achieved"],
    ["无重大水污染事件", "未发生重大水污染事件", "achieved"],
    ["无重大森林火灾", "0", "achieved"],
    ["无安全事故", "零", "achieved"],
    ["无安全事故", "全年未发生安全事故。", "achieved"],
    ["零投诉", "无投诉", "achieved"],
    ["确保不发生重大事故", "未发生重大事故", "achieved"],
    ["无", "无", "achieved"],
    ["无", "0", "achieved"],
    ["0", "0", "achieved"],
    // ...and by a negator, a verb or none, then the thing or nothing (未拖欠, 未收到投诉, 没发生).
    ["无拖欠", "未拖欠", "achieved"],
    ["无违规", "未违规", "achieved"],
    ["无投诉", "未收到投诉", "achieved"],
    ["无安全事故", "没发生", "achieved"],
    ["无安全事故", "没有发生", "achieved"],
    ["无安全事故", "未发生", "achieved"],
    ["无投诉", "未接到投诉", "achieved"],
    ["零投诉", "未收到投诉", "achieved"],
    ["确保不发生拖欠", "未拖欠。", "achieved"],
    // ...not by a negation of something else.
    ["无投诉", "未处理投诉", "failed"],
    ["无", "未完成", "failed"],
    // ...and failed by a statement of presence.
    ["无安全事故", "发生1起安全事故", "failed"],
    ["无安全事故", "发生安全事故", "failed"],
    ["无安全事故", "安全事故2起", "failed"],
    ["无安全事故", "有1起", "failed"],
    ["无", "1", "failed"],
    // A negation is not the thing negated.
    ["满意", "满意", "achieved"],
    ["满意", "不满意", "failed"],
    ["满意", "基本满意", "partial"],
    ["满意", "非常满意", "achieved"],
    ["合格", "合格", "achieved"],
    ["合格", "不合格", "failed"],
    ["有效提升", "有效提升", "achieved"],
    ["有效提升", "一定程度提升", "partial"],
    ["显著提升", "未提升", "failed"],
    ["显著提升", "无明显改善", "failed"],
    ["按时完成", "按时完成", "achieved"],
    ["按时完成", "延期完成", "failed"],
    ["按时完成", "未按时完成", "failed"],
    ["达标", "达标", "achieved"],
    ["达标", "未达标", "failed"],
    ["正常运行", "正常运行", "achieved"],
    ["正常运行", "运行不正常", "failed"],
    ["正常运行", "运行正常，无故障", "achieved"],
    ["稳定运行", "运行不稳定", "failed"],
    ["健全", "基本健全", "partial"],
    ["建立", "已建立", "achieved"],
    // The same negation, the grade scale, a softened word.
    ["不超预算", "未超预算", "achieved"],
    ["不超过预算", "未超预算", "achieved"],
    ["不超支", "未超支", "achieved"],
    ["优秀", "良好", "partial"],
    ["优", "中", "failed"],
    ["良好", "优秀", "achieved"],
    ["合格", "不合格", "failed"],
    ["及时", "较及时", "partial"],
    ["规范", "比较规范", "partial"],
    ["有效推进", "不断推进，效果明显", "achieved"],
    ["安全生产", "未发生安全事故", "achieved"],
    ["安全生产", "未发生安全事故，但整改延期", "failed"],
    ["数据准确", "准确无误", "achieved"],
    ["有效提升", "无法统计", "failed"],
  ])("%s → %s is %s", (target, actual, tier) => {
    expect(qualitativeTier(target, parseText(actual))).toBe(tier);
  });

  test("an empty actual or words that say nothing give no tier", () => {
    expect(qualitativeTier("有效提升", parseText(""))).toBeNull();
    expect(qualitativeTier("有效提升", parseText("见附件"))).toBeNull();
  });
});

describe("the same pairs scored end to end (national preset, no score entered)", () => {
  test.each([
    ["无安全事故", "未发生安全事故", 10, []],
    ["无重大质量问题", "未出现重大质量问题", 10, []],
    ["满意", "不满意", 3, ["unfinished"]],
    ["满意", "基本满意", 7, ["unfinished"]],
    ["无安全事故", "发生1起安全事故", 3, ["unfinished"]],
  ])("%s → %s scores %d", (target, actual, score, flags) => {
    expect(scoreRow({ target, actual, weight: 10 }, national)).toMatchObject({
      method: "qualitative",
      score,
      flags,
    });
  });

  test("a numeric 0 target is met by a statement of absence", () => {
    expect(scoreRow({ target: "0", actual: "未发生安全事故", weight: 10 }, national)).toMatchObject(
      { method: "reverse", score: 10 }
    );
    expect(scoreRow({ target: "0起", actual: "无", weight: 10 }, national)).toMatchObject({
      method: "reverse",
      score: 10,
    });
  });
});

describe("words for zero", () => {
  test.each(["无", "零", "没有", "未发生", "未发生安全事故", "全年无安全事故"])(
    "%s is 0",
    (text) => {
      expect(asQuantity(parseText(text))).toMatchObject({ kind: "number", value: 0 });
    }
  );
  test.each(["无法统计", "未提升", "有效提升", "未发生变化"])("%s is not a number", (text) => {
    expect(asQuantity(parseText(text))).toBeNull();
  });
});

describe("vague targets", () => {
  test.each([
    "正增长",
    "有效提升",
    "显著提升",
    "有效保障",
    "顺利推进",
    "逐步提高",
    "进一步加强",
    "明显改善",
  ])("%s is vague", (target) => {
    expect(isVagueTarget(target)).toBe(true);
  });
  test.each([
    "提高10%",
    "同比增长5%",
    "完成率100%",
    "无",
    "0",
    "合格",
    "是",
    "按时完成",
    "2023年12月",
    "无安全事故",
    "零投诉",
    "无重大质量问题",
  ])("%s is clear", (target) => {
    expect(isVagueTarget(target)).toBe(false);
  });
  test("提高10% is measured, not judged in words, and not flagged vague", () => {
    const row = scoreRow({ target: "提高10%", actual: "提高12%", weight: 10 }, national);
    expect(row).toMatchObject({ method: "positive", score: 10, ratio: 1.2 });
    expect(row.flags).not.toContain("vague-target");
  });
});

describe("deadlines in words", () => {
  test.each([
    ["按时完成", true],
    ["提前完成", true],
    ["提前2天完成", true],
    ["如期完成", true],
    ["延期完成", false],
    ["未按时完成", false],
    ["逾期", false],
    ["见说明", null],
  ])("%s", (actual, met) => {
    expect(deadlineWords(actual)).toBe(met);
  });
});

test.each(["良好", "较好", "优良"])(
  "a level on a scale (%s) is a clear target, not a vague one",
  (target) => {
    expect(isVagueTarget(target)).toBe(false);
  }
);
