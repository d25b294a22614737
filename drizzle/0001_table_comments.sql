-- Describes every table and column of the schema (seed guideline: descriptive comments on models and fields).
-- drizzle-kit does not model comments, so they live in this reviewed migration; the db test suite checks that
-- every table and column of schema experimentation has one, so a later migration that adds a column must add its comment.

COMMENT ON TABLE "experimentation"."users" IS 'People who sign in to the platform (seed User).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."username" IS 'Unique sign-in name; unique regardless of case.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."email" IS 'Unique email address, stored lower-case; also accepted at sign-in.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."hashed_password" IS 'argon2id hash of the password; the password itself is never stored.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."full_name" IS 'The person''s full name, for display.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."is_active" IS 'Inactive users cannot sign in or call the API with their session.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."is_superuser" IS 'Superusers pass every permission check.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."last_login" IS 'When the user last signed in successfully.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."preferences" IS 'User preferences (JSON object).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."roles" IS 'Named groups of permissions assigned to users (seed Role).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."roles"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."roles"."name" IS 'Unique role name.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."roles"."description" IS 'What the role is for.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."roles"."is_builtin" IS 'True for the roles seeded by migration (admin, experimenter, viewer), which cannot be deleted.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."roles"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."roles"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."permissions" IS 'One action on one resource type (seed Permission), e.g. experiment:update.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."permissions"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."permissions"."name" IS 'Unique permission name, "<resource>:<action>".';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."permissions"."description" IS 'What the permission allows.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."permissions"."resource" IS 'Resource type the permission applies to (experiment, feature_flag, event, user, role, api_key, audit_log).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."permissions"."action" IS 'Action allowed: create, read, update or delete.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."permissions"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."permissions"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."user_roles" IS 'Seed user-role association: which roles each user holds.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."user_roles"."user_id" IS 'The user holding the role.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."user_roles"."role_id" IS 'The role held.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."user_roles"."created_at" IS 'When the role was granted.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."role_permissions" IS 'Seed role-permission association: which permissions each role grants.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."role_permissions"."role_id" IS 'The role granting the permission.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."role_permissions"."permission_id" IS 'The permission granted.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."role_permissions"."created_at" IS 'When the permission was granted.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."sign_in_throttle" IS 'Failed sign-in counters per account and address, shared by all app instances.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."sign_in_throttle"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."sign_in_throttle"."key" IS 'Throttle key: "account:<identifier>|ip:<address>" or "ip:<address>".';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."sign_in_throttle"."failures" IS 'Failed attempts in the current window.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."sign_in_throttle"."window_started_at" IS 'Start of the current counting window.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."sign_in_throttle"."blocked_until" IS 'Sign-ins for this key are refused until this time.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."sign_in_throttle"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."sign_in_throttle"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."experiments" IS 'A/B, multivariate, split-URL and bandit experiments (seed Experiment).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."key" IS 'Unique slug used by SDKs and URLs; immutable once the experiment has been active.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."name" IS 'Human-readable experiment name.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."description" IS 'What the experiment changes.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."hypothesis" IS 'The expected outcome and why.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."status" IS 'Lifecycle: DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."experiment_type" IS 'A_B, MULTIVARIATE, SPLIT_URL or BANDIT.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."owner_id" IS 'The user responsible for the experiment; cleared if that user is deleted.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."start_date" IS 'When the experiment started, or is scheduled to start.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."end_date" IS 'When the experiment ended, or is scheduled to end.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."targeting_rules" IS 'GrowthBook-syntax condition (JSON) a user''s context must match to be enrolled; null enrolls everyone.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."metrics" IS 'Metrics configuration (JSON): analysis settings shared by the experiment''s metric definitions.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."tags" IS 'Tags for categorization (JSON array of strings).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."variants" IS 'The variations of an experiment (seed Variant).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."experiment_id" IS 'The experiment the variant belongs to.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."name" IS 'Variant name, unique within the experiment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."description" IS 'What this variant shows.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."is_control" IS 'True for the baseline variant; at most one per experiment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."traffic_allocation" IS 'Percentage (0-100) of all eligible users assigned to this variant.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."configuration" IS 'Variant-specific settings (JSON); split-URL variants hold their "url" here.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."variants"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."metrics" IS 'Measurements defined for an experiment (seed Metric).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."name" IS 'Metric name, unique within the experiment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."description" IS 'What the metric measures.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."event_name" IS 'The event type whose events feed the metric.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."metric_type" IS 'CONVERSION, REVENUE, COUNT, DURATION or CUSTOM.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."is_primary" IS 'True for the metric that decides the experiment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."aggregation_method" IS 'For CUSTOM metrics: sum, average, count, min or max over event values.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."minimum_sample_size" IS 'Users per variant needed before a verdict is shown.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."expected_effect" IS 'Expected relative effect, for power and minimum detectable effect.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."event_value_path" IS 'JSON path into event metadata that holds the value of a CUSTOM metric.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."lower_is_better" IS 'True when a decrease is an improvement (e.g. load time).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."experiment_id" IS 'The experiment the metric belongs to.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metrics"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."assignments" IS 'Which variant each user was assigned in each experiment (seed Assignment); sticky.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."experiment_id" IS 'The experiment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."variant_id" IS 'The variant the user sees.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."user_id" IS 'External user identifier from the SDK.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."context" IS 'User attributes used for targeting at assignment time (JSON).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."created_at" IS 'When the user was assigned.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."bandit_allocations" IS 'History of bandit re-weightings of an experiment''s variant allocations.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."bandit_allocations"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."bandit_allocations"."experiment_id" IS 'The bandit experiment re-weighted.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."bandit_allocations"."metric_id" IS 'The metric the weights were computed from.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."bandit_allocations"."allocations" IS 'Weights set and the evidence behind them (JSON array of {variantId, weight, users, mean}).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."bandit_allocations"."trigger" IS 'What caused the re-weighting: schedule, manual or start.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."bandit_allocations"."created_at" IS 'When the weights were set.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."bandit_allocations"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."feature_flags" IS 'Feature toggles with targeting, gradual rollout and variants (seed FeatureFlag).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."key" IS 'Unique identifier used by SDKs.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."name" IS 'Human-readable flag name.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."description" IS 'What the flag controls.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."status" IS 'ACTIVE flags are evaluated; INACTIVE flags are off for everyone.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."owner_id" IS 'The user responsible for the flag; cleared if that user is deleted.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."targeting_rules" IS 'Ordered rules (JSON array of {id, description, condition, serve, rolloutPercentage}).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."rollout_percentage" IS 'Percentage (0-100) of users who get the flag when no rule matches.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."variants" IS 'Null for a boolean flag; JSON array of {key, value, weight} for a multivariate flag.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."tags" IS 'Tags for categorization (JSON array of strings).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flags"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."feature_flag_overrides" IS 'Per-user flag values that win over rules, optionally expiring (seed FeatureFlagOverride).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."feature_flag_id" IS 'The flag overridden.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."user_id" IS 'External user identifier the override applies to.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."value" IS 'The value served to this user (any JSON).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."reason" IS 'Why the override exists.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."expires_at" IS 'The override stops applying at this time; null means never.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."feature_flag_overrides"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."events" IS 'User interactions and metric data (seed Event).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."event_type" IS 'Event type identifier, matched by metrics'' event_name.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."user_id" IS 'External user identifier.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."experiment_id" IS 'The experiment the event is attributed to, if any.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."feature_flag_id" IS 'The feature flag the event is attributed to, if any.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."variant_id" IS 'The variant the user saw, if any.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."value" IS 'Numeric value (revenue, duration...), if applicable.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."event_metadata" IS 'Additional event data (JSON).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."source" IS 'Who sent the event: the API key id, or "ui"; scopes client_event_id.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."client_event_id" IS 'The sender''s own event id; a retry with the same id is not stored twice.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."created_at" IS 'When the event happened (the API''s timestamp, default the time of receipt).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."api_keys" IS 'API keys for SDKs and automation; only a hash of each key is stored.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."name" IS 'Name given to the key.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."type" IS 'client (evaluate, assign, track), server (client rights plus configuration download) or admin.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."prefix" IS 'First characters of the key, shown so keys can be told apart.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."key_hash" IS 'SHA-256 of the key (hex).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."owner_id" IS 'The user who created the key, if any.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."role_id" IS 'For admin keys: the role whose permissions the key has.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."last_used_at" IS 'When the key was last used.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."expires_at" IS 'The key stops working at this time; null means never.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."revoked_at" IS 'When the key was revoked; a revoked key never works again.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."created_at" IS 'When the row was created.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."api_keys"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."audit_log" IS 'One row per change made through the platform, written in the same transaction as the change.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."id" IS 'Primary key (UUID).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."actor_user_id" IS 'The user who made the change, if a user did.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."actor_api_key_id" IS 'The API key that made the change, if a key did.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."actor_label" IS 'Who made the change as shown at the time (username, key name, or "system").';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."action" IS 'What was done, "<entity>.<verb>", e.g. experiment.create.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."entity_type" IS 'Type of the changed entity.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."entity_id" IS 'Id of the changed entity.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."before" IS 'The entity before the change (JSON), null for creations.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."after" IS 'The entity after the change (JSON), null for deletions.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."created_at" IS 'When the change was made.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."audit_log"."updated_at" IS 'When the row was last changed.';--> statement-breakpoint
COMMENT ON TYPE "experimentation"."experiment_status" IS 'Experiment lifecycle: DRAFT -> ACTIVE -> PAUSED <-> ACTIVE -> COMPLETED -> ARCHIVED.';--> statement-breakpoint
COMMENT ON TYPE "experimentation"."experiment_type" IS 'Kinds of experiment: A_B, MULTIVARIATE, SPLIT_URL, BANDIT.';--> statement-breakpoint
COMMENT ON TYPE "experimentation"."metric_type" IS 'How events become one number per user: CONVERSION, REVENUE, COUNT, DURATION, CUSTOM.';--> statement-breakpoint
COMMENT ON TYPE "experimentation"."flag_status" IS 'ACTIVE flags are evaluated; INACTIVE flags are off.';--> statement-breakpoint
COMMENT ON TYPE "experimentation"."api_key_type" IS 'API key types: client, server, admin.';
