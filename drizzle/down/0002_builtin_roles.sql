-- Reverses 0002_builtin_roles: removes the built-in roles and the seeded permission catalogue.
-- Role and permission links cascade. Custom roles made later are kept.
DELETE FROM "experimentation"."roles" WHERE "is_builtin";
--> statement-breakpoint
DELETE FROM "experimentation"."permissions"
WHERE "resource" IN ('experiment', 'feature_flag', 'event', 'user', 'role', 'api_key', 'audit_log')
  AND "action" IN ('create', 'read', 'update', 'delete');
