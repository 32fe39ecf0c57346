-- SQL hygiene: function volatility as it really is, the NOT VALID checks of 003 checked
-- for the old rows too, and the row-level security policies' "current user's id" in one
-- function. Statements that scan come before those that lock a table exclusively: every
-- lock is held until this migration commits.

-- 1. Volatility. PostgreSQL trusts the label: an IMMUTABLE call on constants is folded
--    once at plan time and may sit in an index. Only index expressions (and generated
--    columns) demand IMMUTABLE; a CHECK accepts any function. None of ours is in an index.
--
--    workout_clean_name (the name CHECKs of 003) reads current_setting('server_encoding'),
--    classifies spaces with \s (the database's character classes) and asks IS NFC
--    NORMALIZED (the server's Unicode tables, which change between PostgreSQL releases):
--    its answer for the same name can change with the server, so it is STABLE. It stays
--    usable in its CHECKs.
--
--    Kept IMMUTABLE, truthfully: workout_to_kg and workout_e1rm (arithmetic),
--    workout_record_candidates (those two plus a comparison of set_type by equality, which
--    no collation or setting changes), workout_clean_notes (lengths and explicit code
--    point ranges, nothing locale- or Unicode-table-dependent).
ALTER FUNCTION workout_clean_name(text) STABLE;

-- 2. The checks 003 added NOT VALID on the tenant tables, now checked for the old rows.
--    VALIDATE takes a lock that lets writers go on while it scans. A row written by hand
--    that breaks a rule stops this migration with the constraint's name: fix that row
--    and migrate again.
ALTER TABLE workout_session VALIDATE CONSTRAINT workout_session_name_clean;
ALTER TABLE workout_session VALIDATE CONSTRAINT workout_session_notes_clean;
ALTER TABLE workout_log VALIDATE CONSTRAINT workout_log_notes_clean;

-- 3. The id of the workout user named like the connected role, written once for every
--    policy. STABLE: it reads a table and current_user. It is not inlined (its body has a
--    FROM), so the policies call it as (SELECT workout_current_user_id()): computed once
--    per statement, user_id lookups stay index scans. Under row-level security the
--    caller sees its own app_user row only, exactly as the subquery it replaces did.
CREATE FUNCTION workout_current_user_id() RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT id FROM app_user WHERE name = current_user $$;

--    A policy's own subquery named app_user once, when it was created; a function body
--    looks its tables up on every call, through the caller's search_path. A role under
--    row-level security must not be able to put its own app_user in front (a schema
--    named like the role is on the default path), so the function searches only the
--    schema the workout tables are in, then pg_temp last.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION workout_current_user_id() SET search_path = %I, pg_temp', current_schema());
END
$$;

ALTER POLICY workout_own_sessions ON workout_session
  USING (user_id = (SELECT workout_current_user_id()))
  WITH CHECK (user_id = (SELECT workout_current_user_id()));

ALTER POLICY workout_own_sets ON workout_log
  USING (user_id = (SELECT workout_current_user_id()))
  WITH CHECK (user_id = (SELECT workout_current_user_id()));

ALTER POLICY workout_own_records ON personal_record
  USING (user_id = (SELECT workout_current_user_id()))
  WITH CHECK (user_id = (SELECT workout_current_user_id()));
