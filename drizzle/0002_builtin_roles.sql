-- Seeds the permission catalogue (resources x create/read/update/delete) and the built-in roles of
-- DESIGN §8. Roles and permissions are data: admins may add roles later; built-in ones are marked so
-- the app refuses to delete them. Down: drizzle/down/0002_builtin_roles.sql.
INSERT INTO "experimentation"."permissions" ("name", "description", "resource", "action")
SELECT r.resource || ':' || a.action,
       initcap(a.action) || ' ' || r.label,
       r.resource,
       a.action
FROM (VALUES
        ('experiment', 'experiments, their variants, metrics and assignments'),
        ('feature_flag', 'feature flags and their overrides'),
        ('event', 'tracked events'),
        ('user', 'users'),
        ('role', 'roles and their permissions'),
        ('api_key', 'API keys'),
        ('audit_log', 'the audit log')
     ) AS r(resource, label)
CROSS JOIN (VALUES ('create'), ('read'), ('update'), ('delete')) AS a(action);
--> statement-breakpoint
INSERT INTO "experimentation"."roles" ("name", "description", "is_builtin") VALUES
  ('admin', 'Full access: users, roles, API keys, the audit log, and every experiment and flag.', true),
  ('experimenter', 'Creates and runs experiments and feature flags; reads users.', true),
  ('viewer', 'Reads experiments, feature flags, events and users; changes nothing.', true);
--> statement-breakpoint
INSERT INTO "experimentation"."role_permissions" ("role_id", "permission_id")
SELECT ro.id, p.id
FROM "experimentation"."roles" ro
JOIN "experimentation"."permissions" p ON
     ro.name = 'admin'
  OR (ro.name = 'experimenter' AND (p.resource IN ('experiment', 'feature_flag')
                                    OR p.name IN ('event:create', 'event:read', 'user:read')))
  OR (ro.name = 'viewer' AND p.name IN ('experiment:read', 'feature_flag:read', 'event:read', 'user:read'));
