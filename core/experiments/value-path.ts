/**
 * The path of the number a CUSTOM metric reads from an event's metadata (DESIGN §6), in the JSONPath subset
 * people write by hand: `$.order.total`, `$.items[0].price`, `$["odd key"]`, or the same without the
 * leading `$` (`order.total`). Parsing to segments, instead of passing the text on, lets the analysis
 * build a PostgreSQL `#>` path from it without string concatenation.
 */
export type ValuePathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
const INDEX = /^\[(0|[1-9][0-9]*)\]/;
const QUOTED = /^\[(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\]/;

/** The segments of a value path, or null when it is not one. */
export function parseEventValuePath(path: string): ValuePathSegment[] | null {
  let rest = path;
  const segments: ValuePathSegment[] = [];
  if (rest.startsWith("$")) {
    rest = rest.slice(1);
  } else {
    // Without `$`, the path starts with a bare name: `order.total`.
    const first = IDENTIFIER.exec(rest);
    if (first === null) return null;
    segments.push(first[0]);
    rest = rest.slice(first[0].length);
  }
  while (rest !== "") {
    const step = nextSegment(rest);
    if (step === null) return null;
    segments.push(step.segment);
    rest = rest.slice(step.length);
  }
  return segments.length > 0 ? segments : null;
}

function nextSegment(rest: string): { segment: ValuePathSegment; length: number } | null {
  if (rest.startsWith(".")) {
    const name = IDENTIFIER.exec(rest.slice(1));
    return name === null ? null : { segment: name[0], length: name[0].length + 1 };
  }
  const index = INDEX.exec(rest);
  if (index?.[1] !== undefined) return { segment: Number(index[1]), length: index[0].length };
  const quoted = QUOTED.exec(rest);
  if (quoted !== null) {
    const raw = quoted[1] ?? quoted[2] ?? "";
    const key = raw.replace(/\\(.)/g, "$1");
    return key === "" ? null : { segment: key, length: quoted[0].length };
  }
  return null;
}
