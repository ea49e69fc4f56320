/**
 * Remembers the answers of a pure function of one string. Tables repeat the same words on
 * every row (header names, 满意, 有效提升), and detection asks about each row several times.
 * The memory is bounded: past `limit` answers it starts afresh.
 */
export function memoize<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  let known = new Map<string, T>();
  return (text: string): T => {
    const found = known.get(text);
    if (found !== undefined || known.has(text)) return found as T;
    const answer = fn(text);
    if (known.size >= limit) known = new Map();
    known.set(text, answer);
    return answer;
  };
}
