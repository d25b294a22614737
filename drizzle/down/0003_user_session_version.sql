-- Reverses 0003_user_session_version.
ALTER TABLE "experimentation"."users" DROP COLUMN "session_version";
