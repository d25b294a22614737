ALTER TABLE "experimentation"."experiments" ADD COLUMN "traffic_narrowed_at" timestamp with time zone;--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."experiments"."traffic_narrowed_at" IS 'When an allocation change first narrowed the enrolled part of the hash space after the experiment left draft; null if never, so no user outside the traffic can hold an assignment.';
