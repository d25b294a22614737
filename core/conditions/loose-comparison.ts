/**
 * JavaScript's loose comparison and conversion rules, written out.
 *
 * GrowthBook's evaluator relies on JavaScript's own coercions (`actual < expected`, `value * 1 === n`,
 * `value + "" === s`), and the conformance cases depend on them: `{"n": {"$gt": 5}}` matches `{"n": "8"}`, and
 * a missing attribute (null) compares like 0. TypeScript rightly refuses `<` on `unknown`, so the rules are
 * spelled out here instead of hidden behind casts.
 *
 * Reference: ECMA-262 §7.2.13 IsLessThan, §7.1.1 ToPrimitive, §7.1.4 ToNumber.
 */

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** -1, 0 or 1 as `a` sorts before, level with, or after `b`; null when incomparable (a NaN was involved). */
export type LooseOrder = -1 | 0 | 1 | null;

/** Both operands strings → code-unit order; otherwise both become numbers (null → 0, "8" → 8, "x" → NaN). */
export function looseOrder(a: unknown, b: unknown): LooseOrder {
  const pa = toPrimitive(a);
  const pb = toPrimitive(b);
  if (typeof pa === "string" && typeof pb === "string") {
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  }
  const na = primitiveToNumber(pa);
  const nb = primitiveToNumber(pb);
  if (Number.isNaN(na) || Number.isNaN(nb)) return null;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** What `value * 1` gives in JavaScript (for JSON values: `[5]` → 5, `true` → 1, `"x"` → NaN). */
export function looseToNumber(value: unknown): number {
  return primitiveToNumber(toPrimitive(value));
}

/** Objects and arrays compare through `valueOf`, then their string form (`[1,2]` → `"1,2"`). */
function toPrimitive(value: unknown): Primitive {
  if (isPrimitive(value)) return value;
  if ((typeof value === "object" && value !== null) || typeof value === "function") {
    const inner: unknown = value.valueOf();
    if (isPrimitive(inner)) return inner;
  }
  return String(value);
}

function isPrimitive(value: unknown): value is Primitive {
  return (typeof value !== "object" || value === null) && typeof value !== "function";
}

function primitiveToNumber(value: Primitive): number {
  // Number(symbol) throws where JavaScript's comparison would too; an incomparable value is the safer answer.
  return typeof value === "symbol" ? Number.NaN : Number(value);
}
