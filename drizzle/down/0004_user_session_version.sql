-- Reverses 0004_user_session_version.
ALTER TABLE "experimentation"."users" DROP COLUMN "session_version";
