-- A set's (session_id, user_id) key (003) already proves that the session exists, that it
-- is the user's, and (through workout_session.user_id) that the user exists; it deletes
-- sets with their session too. The two single-column keys from 001 checked the same
-- rows again: one index probe each per inserted set, about a third of a bulk import's
-- time. Validate the composite key for the old rows (a scan that does not block
-- writers), then drop the two it covers.

ALTER TABLE workout_log VALIDATE CONSTRAINT workout_log_session_user_fkey;
ALTER TABLE workout_log DROP CONSTRAINT workout_log_session_id_fkey;
ALTER TABLE workout_log DROP CONSTRAINT workout_log_user_id_fkey;
