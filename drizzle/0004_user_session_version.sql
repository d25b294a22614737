ALTER TABLE "experimentation"."users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
COMMENT ON COLUMN "experimentation"."users"."session_version" IS 'Raised by a password change or reset and by deactivation; sessions issued under an older version are refused.';
