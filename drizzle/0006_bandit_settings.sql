ALTER TABLE "experimentation"."experiments" ADD COLUMN "bandit_interval_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" ADD COLUMN "bandit_floor_percent" double precision DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" ADD COLUMN "bandit_burn_in_users" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" ADD CONSTRAINT "experiments_bandit_interval_range" CHECK ("experimentation"."experiments"."bandit_interval_minutes" between 1 and 10080);--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" ADD CONSTRAINT "experiments_bandit_floor_range" CHECK ("experimentation"."experiments"."bandit_floor_percent" >= 0 and "experimentation"."experiments"."bandit_floor_percent" <= 50);--> statement-breakpoint
ALTER TABLE "experimentation"."experiments" ADD CONSTRAINT "experiments_bandit_burn_in_range" CHECK ("experimentation"."experiments"."bandit_burn_in_users" between 0 and 1000000);--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."bandit_interval_minutes" IS 'Bandit experiments: minutes between scheduled re-weightings of the variants'' traffic allocations.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."bandit_floor_percent" IS 'Bandit experiments: the least share of the experiment''s traffic each variant keeps, in percent.';--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."bandit_burn_in_users" IS 'Bandit experiments: users every variant needs before the first re-weighting.';
