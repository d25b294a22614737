/**
 * Attribute names offered while typing a rule. SDKs may send any attribute, so these are suggestions
 * (a <datalist>), not a closed list; `id` is always there because the user id is visible to conditions
 * as `id` (DESIGN §5).
 */
export const ATTRIBUTE_SUGGESTIONS = [
  "id",
  "email",
  "country",
  "plan",
  "browser",
  "version",
  "deviceType",
  "language",
  "company",
  "url",
  "path",
  "loggedIn",
  "employee",
  "beta",
  "age",
  "tags",
] as const;
