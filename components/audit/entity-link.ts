/** Where the audit log links an entity to, when it can be shown; null for a deleted or unlinkable one. */
export function entityHref(entityType: string, name: string | null, parentKey: string | null): string | null {
  if (!name) return null;
  const path = encodeURIComponent(name);
  switch (entityType) {
    case "experiment":
      return `/experiments/${path}`;
    case "variant":
    case "metric":
      return parentKey ? `/experiments/${encodeURIComponent(parentKey)}` : null;
    case "feature_flag":
      return `/flags/${path}`;
    case "user":
      return `/users?search=${path}`;
    case "role":
      return `/roles/${path}`;
    case "api_key":
      return "/api-keys";
    default:
      return null;
  }
}
