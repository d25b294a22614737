/**
 * A readable before/after of an audit row: one line per changed field, `status: DRAFT → ACTIVE`.
 * Nested objects are walked to dotted paths; arrays of plain values read as lists, other arrays as
 * JSON. What the database stamps on every row (`id`, `createdAt`, `updatedAt`) is left out as noise:
 * the log row names the entity already. Only top-level fields: a nested `owner.id` means something.
 */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const NOISE = new Set(["id", "createdAt", "updatedAt", "updated_at"]);
const MAX_TEXT = 120;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  if (typeof value === "string") text = value;
  else if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) text = value.length ? value.join(", ") : "(none)";
  else text = JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (!prefix && NOISE.has(key)) continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, into);
    }
    return;
  }
  into.set(prefix || "value", value);
}

export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, "", a);
  flatten(after, "", b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = show(a.get(field));
    const now = show(b.get(field));
    if (was !== now) changes.push({ field, before: was, after: now });
  }
  return changes;
}

/** One line per change: `status: DRAFT → ACTIVE`, `name: (none) → Checkout` for a created field. */
export function describeChange(change: FieldChange): string {
  return `${change.field}: ${change.before ?? "(none)"} → ${change.after ?? "(none)"}`;
}
