CREATE SCHEMA "experimentation";
--> statement-breakpoint
CREATE TYPE "experimentation"."api_key_type" AS ENUM('client', 'server', 'admin');--> statement-breakpoint
CREATE TYPE "experimentation"."experiment_status" AS ENUM('DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED');--> statement-breakpoint
CREATE TYPE "experimentation"."experiment_type" AS ENUM('A_B', 'MULTIVARIATE', 'SPLIT_URL', 'BANDIT');--> statement-breakpoint
CREATE TYPE "experimentation"."flag_status" AS ENUM('ACTIVE', 'INACTIVE');--> statement-breakpoint
CREATE TYPE "experimentation"."metric_type" AS ENUM('CONVERSION', 'REVENUE', 'COUNT', 'DURATION', 'CUSTOM');--> statement-breakpoint
CREATE TABLE "experimentation"."permissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"resource" text NOT NULL,
	"action" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permissions_action_valid" CHECK ("experimentation"."permissions"."action" in ('create', 'read', 'update', 'delete'))
);
--> statement-breakpoint
CREATE TABLE "experimentation"."role_permissions" (
	"role_id" uuid NOT NULL,
	"permission_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_permissions_role_id_permission_id_pk" PRIMARY KEY("role_id","permission_id")
);
--> statement-breakpoint
CREATE TABLE "experimentation"."roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experimentation"."sign_in_throttle" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_throttle_failures_nonnegative" CHECK ("experimentation"."sign_in_throttle"."failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "experimentation"."user_roles" (
	"user_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_user_id_role_id_pk" PRIMARY KEY("user_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "experimentation"."users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"email" text NOT NULL,
	"hashed_password" text NOT NULL,
	"full_name" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_superuser" boolean DEFAULT false NOT NULL,
	"last_login" timestamp with time zone,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_not_blank" CHECK (length(trim("experimentation"."users"."username")) > 0),
	CONSTRAINT "users_email_shape" CHECK (position('@' in "experimentation"."users"."email") > 1)
);
--> statement-breakpoint
CREATE TABLE "experimentation"."assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experimentation"."bandit_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"metric_id" uuid,
	"allocations" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bandit_allocations_trigger_valid" CHECK ("experimentation"."bandit_allocations"."trigger" in ('schedule', 'manual', 'start'))
);
--> statement-breakpoint
CREATE TABLE "experimentation"."experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"hypothesis" text,
	"status" "experimentation"."experiment_status" DEFAULT 'DRAFT' NOT NULL,
	"experiment_type" "experimentation"."experiment_type" DEFAULT 'A_B' NOT NULL,
	"owner_id" uuid,
	"start_date" timestamp with time zone,
	"end_date" timestamp with time zone,
	"targeting_rules" jsonb,
	"metrics" jsonb,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiments_key_slug" CHECK ("experimentation"."experiments"."key" ~ '^[a-z0-9][a-z0-9_-]*$'),
	CONSTRAINT "experiments_dates_ordered" CHECK ("experimentation"."experiments"."end_date" is null or "experimentation"."experiments"."start_date" is null or "experimentation"."experiments"."end_date" >= "experimentation"."experiments"."start_date"),
	CONSTRAINT "experiments_tags_array" CHECK (jsonb_typeof("experimentation"."experiments"."tags") = 'array')
);
--> statement-breakpoint
CREATE TABLE "experimentation"."metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"event_name" text NOT NULL,
	"metric_type" "experimentation"."metric_type" NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"aggregation_method" text,
	"minimum_sample_size" integer,
	"expected_effect" double precision,
	"event_value_path" text,
	"lower_is_better" boolean DEFAULT false NOT NULL,
	"experiment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metrics_aggregation_method_valid" CHECK ("experimentation"."metrics"."aggregation_method" is null or "experimentation"."metrics"."aggregation_method" in ('sum', 'average', 'count', 'min', 'max')),
	CONSTRAINT "metrics_minimum_sample_size_nonnegative" CHECK ("experimentation"."metrics"."minimum_sample_size" is null or "experimentation"."metrics"."minimum_sample_size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "experimentation"."variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_control" boolean DEFAULT false NOT NULL,
	"traffic_allocation" double precision DEFAULT 0 NOT NULL,
	"configuration" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "variants_traffic_allocation_range" CHECK ("experimentation"."variants"."traffic_allocation" >= 0 and "experimentation"."variants"."traffic_allocation" <= 100)
);
--> statement-breakpoint
CREATE TABLE "experimentation"."feature_flag_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feature_flag_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"reason" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experimentation"."feature_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" "experimentation"."flag_status" DEFAULT 'INACTIVE' NOT NULL,
	"owner_id" uuid,
	"targeting_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rollout_percentage" double precision DEFAULT 0 NOT NULL,
	"variants" jsonb,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feature_flags_key_format" CHECK ("experimentation"."feature_flags"."key" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
	CONSTRAINT "feature_flags_rollout_percentage_range" CHECK ("experimentation"."feature_flags"."rollout_percentage" >= 0 and "experimentation"."feature_flags"."rollout_percentage" <= 100),
	CONSTRAINT "feature_flags_targeting_rules_array" CHECK (jsonb_typeof("experimentation"."feature_flags"."targeting_rules") = 'array'),
	CONSTRAINT "feature_flags_variants_array" CHECK ("experimentation"."feature_flags"."variants" is null or jsonb_typeof("experimentation"."feature_flags"."variants") = 'array'),
	CONSTRAINT "feature_flags_tags_array" CHECK (jsonb_typeof("experimentation"."feature_flags"."tags") = 'array')
);
--> statement-breakpoint
CREATE TABLE "experimentation"."events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_type" text NOT NULL,
	"user_id" text NOT NULL,
	"experiment_id" uuid,
	"feature_flag_id" uuid,
	"variant_id" uuid,
	"value" double precision,
	"event_metadata" jsonb,
	"source" text NOT NULL,
	"client_event_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experimentation"."api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" "experimentation"."api_key_type" NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"owner_id" uuid,
	"role_id" uuid,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_admin_has_role" CHECK ("experimentation"."api_keys"."type" <> 'admin' or "experimentation"."api_keys"."role_id" is not null),
	CONSTRAINT "api_keys_name_not_blank" CHECK (length(trim("experimentation"."api_keys"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "experimentation"."audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experimentation"."role_permissions" ADD CONSTRAINT "role_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "experimentation"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."role_permissions" ADD CONSTRAINT "role_permissions_permission_id_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "experimentation"."permissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "experimentation"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."user_roles" ADD CONSTRAINT "user_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "experimentation"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."assignments" ADD CONSTRAINT "assignments_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "experimentation"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."assignments" ADD CONSTRAINT "assignments_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "experimentation"."variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."bandit_allocations" ADD CONSTRAINT "bandit_allocations_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "experimentation"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."bandit_allocations" ADD CONSTRAINT "bandit_allocations_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "experimentation"."metrics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" ADD CONSTRAINT "experiments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "experimentation"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metrics" ADD CONSTRAINT "metrics_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "experimentation"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."variants" ADD CONSTRAINT "variants_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "experimentation"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."feature_flag_overrides" ADD CONSTRAINT "feature_flag_overrides_feature_flag_id_feature_flags_id_fk" FOREIGN KEY ("feature_flag_id") REFERENCES "experimentation"."feature_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."feature_flags" ADD CONSTRAINT "feature_flags_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "experimentation"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."events" ADD CONSTRAINT "events_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "experimentation"."experiments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."events" ADD CONSTRAINT "events_feature_flag_id_feature_flags_id_fk" FOREIGN KEY ("feature_flag_id") REFERENCES "experimentation"."feature_flags"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."events" ADD CONSTRAINT "events_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "experimentation"."variants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."api_keys" ADD CONSTRAINT "api_keys_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "experimentation"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."api_keys" ADD CONSTRAINT "api_keys_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "experimentation"."roles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "experimentation"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."audit_log" ADD CONSTRAINT "audit_log_actor_api_key_id_api_keys_id_fk" FOREIGN KEY ("actor_api_key_id") REFERENCES "experimentation"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "permissions_name_key" ON "experimentation"."permissions" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "permissions_resource_action_key" ON "experimentation"."permissions" USING btree ("resource","action");--> statement-breakpoint
CREATE INDEX "role_permissions_permission_id_idx" ON "experimentation"."role_permissions" USING btree ("permission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_name_key" ON "experimentation"."roles" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_throttle_key_key" ON "experimentation"."sign_in_throttle" USING btree ("key");--> statement-breakpoint
CREATE INDEX "user_roles_role_id_idx" ON "experimentation"."user_roles" USING btree ("role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "experimentation"."users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "experimentation"."users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_key" ON "experimentation"."users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "experimentation"."users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_is_active_idx" ON "experimentation"."users" USING btree ("is_active");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_experiment_id_user_id_key" ON "experimentation"."assignments" USING btree ("experiment_id","user_id");--> statement-breakpoint
CREATE INDEX "assignments_variant_id_idx" ON "experimentation"."assignments" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "assignments_user_id_idx" ON "experimentation"."assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "bandit_allocations_experiment_id_created_at_idx" ON "experimentation"."bandit_allocations" USING btree ("experiment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_key_key" ON "experimentation"."experiments" USING btree ("key");--> statement-breakpoint
CREATE INDEX "experiments_status_idx" ON "experimentation"."experiments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "experiments_experiment_type_idx" ON "experimentation"."experiments" USING btree ("experiment_type");--> statement-breakpoint
CREATE INDEX "experiments_owner_id_idx" ON "experimentation"."experiments" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "experiments_start_date_idx" ON "experimentation"."experiments" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "experiments_end_date_idx" ON "experimentation"."experiments" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "experiments_updated_at_idx" ON "experimentation"."experiments" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "experiments_name_idx" ON "experimentation"."experiments" USING btree ("name");--> statement-breakpoint
CREATE INDEX "experiments_tags_idx" ON "experimentation"."experiments" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "metrics_experiment_id_name_key" ON "experimentation"."metrics" USING btree ("experiment_id","name");--> statement-breakpoint
CREATE INDEX "metrics_event_name_idx" ON "experimentation"."metrics" USING btree ("event_name");--> statement-breakpoint
CREATE UNIQUE INDEX "variants_experiment_id_name_key" ON "experimentation"."variants" USING btree ("experiment_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "variants_one_control_per_experiment" ON "experimentation"."variants" USING btree ("experiment_id") WHERE "experimentation"."variants"."is_control";--> statement-breakpoint
CREATE UNIQUE INDEX "feature_flag_overrides_feature_flag_id_user_id_key" ON "experimentation"."feature_flag_overrides" USING btree ("feature_flag_id","user_id");--> statement-breakpoint
CREATE INDEX "feature_flag_overrides_expires_at_idx" ON "experimentation"."feature_flag_overrides" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "feature_flag_overrides_user_id_idx" ON "experimentation"."feature_flag_overrides" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feature_flags_key_key" ON "experimentation"."feature_flags" USING btree ("key");--> statement-breakpoint
CREATE INDEX "feature_flags_status_idx" ON "experimentation"."feature_flags" USING btree ("status");--> statement-breakpoint
CREATE INDEX "feature_flags_owner_id_idx" ON "experimentation"."feature_flags" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "feature_flags_updated_at_idx" ON "experimentation"."feature_flags" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "feature_flags_name_idx" ON "experimentation"."feature_flags" USING btree ("name");--> statement-breakpoint
CREATE INDEX "feature_flags_tags_idx" ON "experimentation"."feature_flags" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "events_source_client_event_id_key" ON "experimentation"."events" USING btree ("source","client_event_id") WHERE "experimentation"."events"."client_event_id" is not null;--> statement-breakpoint
CREATE INDEX "events_experiment_id_event_type_user_id_idx" ON "experimentation"."events" USING btree ("experiment_id","event_type","user_id");--> statement-breakpoint
CREATE INDEX "events_feature_flag_id_idx" ON "experimentation"."events" USING btree ("feature_flag_id");--> statement-breakpoint
CREATE INDEX "events_variant_id_idx" ON "experimentation"."events" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "events_user_id_idx" ON "experimentation"."events" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "events_event_type_created_at_idx" ON "experimentation"."events" USING btree ("event_type","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "experimentation"."api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_owner_id_idx" ON "experimentation"."api_keys" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "api_keys_role_id_idx" ON "experimentation"."api_keys" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "api_keys_created_at_idx" ON "experimentation"."api_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "experimentation"."audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "experimentation"."audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_user_id_idx" ON "experimentation"."audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_api_key_id_idx" ON "experimentation"."audit_log" USING btree ("actor_api_key_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "experimentation"."audit_log" USING btree ("action");