import { memoize } from "../../src/core/memo";

test("a remembered function answers as the function does, once per text, null answers included", () => {
  const calls: string[] = [];
  const lengthOrNull = memoize((text: string) => {
    calls.push(text);
    return text === "" ? null : text.length;
  });
  expect([lengthOrNull("满意"), lengthOrNull("满意"), lengthOrNull(""), lengthOrNull("")]).toEqual([
    2,
    2,
    null,
    null,
  ]);
  expect(calls).toEqual(["满意", ""]);
});

test("past its limit it starts afresh instead of growing", () => {
  const calls: string[] = [];
  const same = memoize((text: string) => (calls.push(text), text), 2);
  ["a", "b", "c", "a"].forEach(same);
  expect(calls).toEqual(["a", "b", "c", "a"]);
});
