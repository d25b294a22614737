/**
 * GrowthBook's `paddedVersionString`: turns a version into a string whose ordinary string order is version
 * order, so `$vgt` and friends are plain string comparisons.
 *
 * - a leading `v` and `+build` metadata are dropped (`v1.2.3+abc` equals `1.2.3`);
 * - core numbers and pre-release identifiers are split on `.` and `-`;
 * - a version without pre-release (exactly three parts) gets a `~` part, the highest printable ASCII
 *   character, so `1.0.0` sorts after `1.0.0-beta`;
 * - numeric parts are left-padded with spaces to 5 characters, so `" 9" < "10"`.
 *
 * Non-versions are compared by the same rule rather than rejected (anything not a string or number counts as
 * `"0"`), which is what the SDK conformance cases expect.
 *
 * Reference: GrowthBook SDK `packages/sdk-js/src/util.ts` (`paddedVersionString`).
 */
export function paddedVersionString(input: unknown): string {
  const text = typeof input === "number" ? String(input) : typeof input === "string" && input !== "" ? input : "0";
  const parts = text.replace(/(^v|\+.*$)/g, "").split(/[-.]/);
  if (parts.length === 3) parts.push("~");
  return parts.map((part) => (/^[0-9]+$/.test(part) ? part.padStart(5, " ") : part)).join("-");
}
