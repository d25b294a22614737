/**
 * Role-based access control, pure (DESIGN §8): permissions are `resource:action` pairs held through
 * roles; superusers pass every check. Roles and their permissions are data (seeded by a migration),
 * so this module only decides, it never looks anything up.
 */
export const RESOURCES = ["experiment", "feature_flag", "event", "user", "role", "api_key", "audit_log"] as const;
export const ACTIONS = ["create", "read", "update", "delete"] as const;

export type Resource = (typeof RESOURCES)[number];
export type Action = (typeof ACTIONS)[number];
export type Permission = `${Resource}:${Action}`;

/** Every permission there is, resource by resource (the seed's catalogue, as the migration creates it). */
export const PERMISSION_NAMES = RESOURCES.flatMap((resource) => ACTIONS.map((action): Permission => `${resource}:${action}`));

export interface Actor {
  kind: "user" | "api_key" | "system";
  /** The user's or API key's id; null for the system (migrations, first-run setup, scheduled jobs). */
  id: string | null;
  /** How the audit log names the actor: a username, an API key's name, or "system". */
  label: string;
  isSuperuser: boolean;
  permissions: ReadonlySet<Permission>;
}

export function permissionName(resource: Resource, action: Action): Permission {
  return `${resource}:${action}`;
}

export function isPermission(value: string): value is Permission {
  const [resource, action, extra] = value.split(":");
  return (
    extra === undefined &&
    (RESOURCES as readonly string[]).includes(resource ?? "") &&
    (ACTIONS as readonly string[]).includes(action ?? "")
  );
}

export function can(actor: Actor, resource: Resource, action: Action): boolean {
  return actor.isSuperuser || actor.permissions.has(permissionName(resource, action));
}

/** The actor for work nobody in particular asked for: first-run setup, schedulers, the admin CLI. */
export function systemActor(label = "system"): Actor {
  return { kind: "system", id: null, label, isSuperuser: true, permissions: new Set() };
}
