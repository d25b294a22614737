-- Reverses 0005_results_statistics.
DROP INDEX "experimentation"."events_xid_idx";--> statement-breakpoint
DROP INDEX "experimentation"."assignments_experiment_id_xid_idx";--> statement-breakpoint
ALTER TABLE "experimentation"."events" DROP COLUMN "xid";--> statement-breakpoint
ALTER TABLE "experimentation"."assignments" DROP COLUMN "xid";--> statement-breakpoint
DROP TABLE "experimentation"."metric_variant_statistics";--> statement-breakpoint
DROP TABLE "experimentation"."metric_user_values";--> statement-breakpoint
DROP TABLE "experimentation"."metric_refresh_state";--> statement-breakpoint
DROP TABLE "experimentation"."metric_daily_snapshots";--> statement-breakpoint
DROP TABLE "experimentation"."experiment_refresh_state";
