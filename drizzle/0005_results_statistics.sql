CREATE TABLE "experimentation"."experiment_refresh_state" (
	"experiment_id" uuid PRIMARY KEY NOT NULL,
	"processed_below" "xid8" NOT NULL,
	"assigned_users" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experimentation"."metric_daily_snapshots" (
	"metric_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"users" bigint DEFAULT 0 NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"sum_squares" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_daily_snapshots_metric_id_variant_id_day_pk" PRIMARY KEY("metric_id","variant_id","day")
);
--> statement-breakpoint
CREATE TABLE "experimentation"."metric_refresh_state" (
	"metric_id" uuid PRIMARY KEY NOT NULL,
	"experiment_id" uuid NOT NULL,
	"definition" text NOT NULL,
	"processed_below" "xid8" NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experimentation"."metric_user_values" (
	"metric_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"variant_id" uuid NOT NULL,
	"event_count" bigint DEFAULT 0 NOT NULL,
	"value_count" bigint DEFAULT 0 NOT NULL,
	"value_sum" double precision DEFAULT 0 NOT NULL,
	"value_min" double precision,
	"value_max" double precision,
	"pre_event_count" bigint DEFAULT 0 NOT NULL,
	"pre_value_count" bigint DEFAULT 0 NOT NULL,
	"pre_value_sum" double precision DEFAULT 0 NOT NULL,
	"pre_value_min" double precision,
	"pre_value_max" double precision,
	"value" double precision,
	"pre_value" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_user_values_metric_id_user_id_pk" PRIMARY KEY("metric_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "experimentation"."metric_variant_statistics" (
	"metric_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"users" bigint DEFAULT 0 NOT NULL,
	"sum" double precision DEFAULT 0 NOT NULL,
	"sum_squares" double precision DEFAULT 0 NOT NULL,
	"pre_sum" double precision DEFAULT 0 NOT NULL,
	"pre_sum_squares" double precision DEFAULT 0 NOT NULL,
	"sum_product" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_variant_statistics_metric_id_variant_id_pk" PRIMARY KEY("metric_id","variant_id")
);
--> statement-breakpoint
ALTER TABLE "experimentation"."assignments" ADD COLUMN "xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "experimentation"."events" ADD COLUMN "xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "experimentation"."experiment_refresh_state" ADD CONSTRAINT "experiment_refresh_state_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "experimentation"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_daily_snapshots" ADD CONSTRAINT "metric_daily_snapshots_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "experimentation"."metrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_daily_snapshots" ADD CONSTRAINT "metric_daily_snapshots_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "experimentation"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_refresh_state" ADD CONSTRAINT "metric_refresh_state_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "experimentation"."metrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_refresh_state" ADD CONSTRAINT "metric_refresh_state_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "experimentation"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_user_values" ADD CONSTRAINT "metric_user_values_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "experimentation"."metrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_user_values" ADD CONSTRAINT "metric_user_values_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "experimentation"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_variant_statistics" ADD CONSTRAINT "metric_variant_statistics_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "experimentation"."metrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experimentation"."metric_variant_statistics" ADD CONSTRAINT "metric_variant_statistics_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "experimentation"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_daily_snapshots_variant_id_idx" ON "experimentation"."metric_daily_snapshots" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "metric_refresh_state_experiment_id_idx" ON "experimentation"."metric_refresh_state" USING btree ("experiment_id");--> statement-breakpoint
CREATE INDEX "metric_user_values_variant_id_idx" ON "experimentation"."metric_user_values" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "metric_variant_statistics_variant_id_idx" ON "experimentation"."metric_variant_statistics" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "assignments_experiment_id_xid_idx" ON "experimentation"."assignments" USING btree ("experiment_id","xid");--> statement-breakpoint
CREATE INDEX "events_xid_idx" ON "experimentation"."events" USING btree ("xid");--> statement-breakpoint
COMMENT ON TABLE "experimentation"."experiment_refresh_state" IS 'Per experiment: how far the results refresh has read assignments, and the users assigned so far per variant.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiment_refresh_state"."experiment_id" IS 'The experiment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiment_refresh_state"."processed_below" IS 'Every assignment written by a transaction below this id has been counted in assigned_users.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiment_refresh_state"."assigned_users" IS 'Users assigned per variant id below the watermark: the observed counts of the sample-ratio check.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiment_refresh_state"."refreshed_at" IS 'When the experiment results were last brought up to date.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."metric_daily_snapshots" IS 'Cumulative per-variant statistics of a metric as of the last refresh of each UTC day, for the history charts.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_daily_snapshots"."metric_id" IS 'The metric.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_daily_snapshots"."variant_id" IS 'The variant.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_daily_snapshots"."day" IS 'The UTC day.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_daily_snapshots"."users" IS 'Users with a value at the end of that day (cumulative).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_daily_snapshots"."sum" IS 'Sum of the metric values of those users.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_daily_snapshots"."sum_squares" IS 'Sum of the squares of the metric values of those users.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."metric_refresh_state" IS 'Per metric: the watermark of the incremental computation and the definition it was computed for.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_refresh_state"."metric_id" IS 'The metric.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_refresh_state"."experiment_id" IS 'The metric''s experiment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_refresh_state"."definition" IS 'The metric fields and CUPED window the stored values were computed with; a change triggers a full recompute.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_refresh_state"."processed_below" IS 'Every event and assignment written by a transaction below this id is reflected in the stored values.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_refresh_state"."refreshed_at" IS 'When this metric was last brought up to date.';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."metric_user_values" IS 'Per metric and enrolled user: running aggregates of the events of the user after (and in the CUPED window before) assignment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."metric_id" IS 'The metric.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."user_id" IS 'The enrolled user.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."variant_id" IS 'The user''s variant.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."event_count" IS 'Events of the metric''s event name at or after assignment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."value_count" IS 'Of those, events carrying a number (value, or the number at event_value_path).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."value_sum" IS 'Sum of those numbers.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."value_min" IS 'Smallest of those numbers.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."value_max" IS 'Largest of those numbers.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."pre_event_count" IS 'Events in the CUPED window before assignment.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."pre_value_count" IS 'Of those, events carrying a number.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."pre_value_sum" IS 'Sum of those numbers.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."pre_value_min" IS 'Smallest of those numbers.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."pre_value_max" IS 'Largest of those numbers.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."value" IS 'The user''s metric value (DESIGN 6); null when missing (a DURATION metric without values).';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_user_values"."pre_value" IS 'The same metric over the pre-assignment window, 0 when there is none (the CUPED covariate).';--> statement-breakpoint
COMMENT ON TABLE "experimentation"."metric_variant_statistics" IS 'Per metric and variant: the sufficient statistics of the users'' values, moved by each changed user value.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."metric_id" IS 'The metric.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."variant_id" IS 'The variant.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."users" IS 'Users with a value.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."sum" IS 'Sum of the values.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."sum_squares" IS 'Sum of the squared values.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."pre_sum" IS 'Sum of the pre-period values.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."pre_sum_squares" IS 'Sum of the squared pre-period values.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."metric_variant_statistics"."sum_product" IS 'Sum of value times pre-period value.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."events"."xid" IS 'The transaction that wrote the event: the results refresh reads events committed since its watermark.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."assignments"."xid" IS 'The transaction that wrote the assignment: the results refresh reads assignments committed since its watermark.';
