-- Reverses 0006_bandit_settings (the constraints and comments go with the columns).
ALTER TABLE "experimentation"."experiments" DROP CONSTRAINT "experiments_bandit_burn_in_range";--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" DROP CONSTRAINT "experiments_bandit_floor_range";--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" DROP CONSTRAINT "experiments_bandit_interval_range";--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" DROP COLUMN "bandit_burn_in_users";--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" DROP COLUMN "bandit_floor_percent";--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" DROP COLUMN "bandit_interval_minutes";
