-- Reverses 0000_initial_schema: drops every table (children before parents), then the enums, then the
-- schema itself. No CASCADE: if something outside this migration was added to the schema, the rollback
-- stops with an error instead of silently dropping it.
DROP TABLE "experimentation"."audit_log";
--> statement-breakpoint
DROP TABLE "experimentation"."events";
--> statement-breakpoint
DROP TABLE "experimentation"."feature_flag_overrides";
--> statement-breakpoint
DROP TABLE "experimentation"."feature_flags";
--> statement-breakpoint
DROP TABLE "experimentation"."bandit_allocations";
--> statement-breakpoint
DROP TABLE "experimentation"."assignments";
--> statement-breakpoint
DROP TABLE "experimentation"."metrics";
--> statement-breakpoint
DROP TABLE "experimentation"."variants";
--> statement-breakpoint
DROP TABLE "experimentation"."experiments";
--> statement-breakpoint
DROP TABLE "experimentation"."api_keys";
--> statement-breakpoint
DROP TABLE "experimentation"."sign_in_throttle";
--> statement-breakpoint
DROP TABLE "experimentation"."role_permissions";
--> statement-breakpoint
DROP TABLE "experimentation"."user_roles";
--> statement-breakpoint
DROP TABLE "experimentation"."permissions";
--> statement-breakpoint
DROP TABLE "experimentation"."roles";
--> statement-breakpoint
DROP TABLE "experimentation"."users";
--> statement-breakpoint
DROP TYPE "experimentation"."api_key_type";
--> statement-breakpoint
DROP TYPE "experimentation"."experiment_status";
--> statement-breakpoint
DROP TYPE "experimentation"."experiment_type";
--> statement-breakpoint
DROP TYPE "experimentation"."flag_status";
--> statement-breakpoint
DROP TYPE "experimentation"."metric_type";
--> statement-breakpoint
DROP SCHEMA "experimentation";
