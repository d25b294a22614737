/**
 * Keys for duplicated experiments: `<key>-copy`, then `<key>-copy-2`, `-copy-3`... Duplicating a copy
 * counts on from its base (`a-copy` gives `a-copy-2`, not `a-copy-copy`), and long keys are cut so the
 * result still fits the 100-character limit.
 */
import { EXPERIMENT_KEY_MAX_LENGTH } from "./key";

const COPY_SUFFIX = /-copy(?:-[0-9]+)?$/;

export function copyKeyBase(key: string): string {
  const base = key.replace(COPY_SUFFIX, "");
  return base === "" ? key : base;
}

/** The n-th candidate (n ≥ 1) for a copy of `key`. */
export function copyKeyCandidate(key: string, n: number): string {
  const suffix = n <= 1 ? "-copy" : `-copy-${n}`;
  const base = copyKeyBase(key).slice(0, EXPERIMENT_KEY_MAX_LENGTH - suffix.length).replace(/[-_]+$/, "");
  return `${base || "x"}${suffix}`;
}

/** The first candidate not in `taken`. */
export function firstFreeCopyKey(key: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = copyKeyCandidate(key, n);
    if (!taken.has(candidate)) return candidate;
  }
}
