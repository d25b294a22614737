/**
 * Split-URL experiments send each variant's users to that variant's page (DESIGN §5), held as
 * `configuration.url`. The redirect endpoint hands the URL to a browser, so only absolute http(s) URLs are
 * accepted: a relative path or a `javascript:` URL would be an open door, not a page.
 */

/**
 * Why a variant configuration has no usable split URL, worded to follow "its configuration" ("needs a
 * "url": an absolute http(s) address..."), or null when it has one.
 */
export function splitUrlProblem(configuration: Readonly<Record<string, unknown>>): string | null {
  const url = configuration.url;
  if (url === undefined || url === null || url === "") return `needs a "url": ${ADDRESS}`;
  if (typeof url !== "string") return `has a "url" that is not text; it needs ${ADDRESS}`;
  return isAbsoluteHttpUrl(url) ? null : `has a "url" that is not ${ADDRESS}`;
}

const ADDRESS = "an absolute http(s) address, such as https://example.com/page";

/** The variant's split URL, or null when its configuration holds none that is valid. */
export function variantUrl(configuration: Readonly<Record<string, unknown>>): string | null {
  const url = configuration.url;
  return typeof url === "string" && isAbsoluteHttpUrl(url) ? url : null;
}

function isAbsoluteHttpUrl(value: string): boolean {
  if (value.trim() !== value) return false;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return false;
  }
  return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
}
