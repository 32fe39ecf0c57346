-- 1. Input limits, the same as src/domain/limits.ts, for rows written by hand or by
--    other programs: every name trimmed (as JavaScript's trim() understands spaces),
--    NFC-normalized, 1–100 characters, no control characters; notes without control
--    characters other than tab and line breaks. 001 checked lengths, weights, reps and
--    RPE already.

CREATE FUNCTION workout_clean_name(name text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT char_length(name) BETWEEN 1 AND 100
      AND name !~ '[\u0001-\u001f\u007f-\u009f]'
      AND name !~ '^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$'
      -- Unicode normalization needs a UTF8 database; the encoding of a database never changes.
      AND CASE WHEN current_setting('server_encoding') = 'UTF8' THEN name IS NFC NORMALIZED ELSE true END
  $$;

CREATE FUNCTION workout_clean_notes(notes text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT char_length(notes) <= 1000 AND notes !~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]' $$;

-- Small tables: checked now. Tenant tables can be large: NOT VALID checks every new or
-- changed row without scanning (and locking) the old ones, which the CLI wrote clean.
ALTER TABLE app_user ADD CONSTRAINT app_user_name_clean CHECK (workout_clean_name(name));
ALTER TABLE exercise ADD CONSTRAINT exercise_name_clean CHECK (workout_clean_name(name));
ALTER TABLE workout_session ADD CONSTRAINT workout_session_name_clean CHECK (workout_clean_name(name)) NOT VALID;
ALTER TABLE workout_session ADD CONSTRAINT workout_session_notes_clean CHECK (workout_clean_notes(notes)) NOT VALID;
ALTER TABLE workout_log ADD CONSTRAINT workout_log_notes_clean CHECK (workout_clean_notes(notes)) NOT VALID;

-- 2. A set belongs to its session's user. 001 checked only that the session exists; the
--    composite key also stops a writer from putting a set into another user's session
--    (which would take that user's next set number). Foreign-key checks bypass row-level
--    security, so this is what holds tenants apart there. NOT VALID: checked for every
--    new or changed set, without scanning the old ones.

CREATE UNIQUE INDEX workout_session_id_user ON workout_session (id, user_id);
ALTER TABLE workout_log ADD CONSTRAINT workout_log_session_user_fkey
  FOREIGN KEY (session_id, user_id) REFERENCES workout_session (id, user_id) ON DELETE CASCADE NOT VALID;

-- 3. Row-level security for shared servers, OFF until an operator runs
--    `workout db migrate --enable-rls` (ALTER TABLE … ENABLE ROW LEVEL SECURITY on the
--    tables below; `--disable-rls` turns it off). With it on, a PostgreSQL role reads and
--    writes only the rows of the workout user whose name is the role's name
--    (`workout --user <role>`). Exercise names are shared: every role reads them and may
--    add one; none may rename or delete one. Table owners and superusers are not
--    restricted (the single-role setup, migrations, `db migrate-indexes`).
--    A record may point at another user's set only by id (foreign keys bypass RLS); it
--    stays the writer's own row, invisible and harmless to that user.

CREATE POLICY workout_own_user ON app_user
  USING (name = current_user)
  WITH CHECK (name = current_user);

CREATE POLICY workout_read_exercises ON exercise FOR SELECT USING (true);
CREATE POLICY workout_add_exercises ON exercise FOR INSERT WITH CHECK (true);

-- (SELECT id …) is computed once per statement: user_id lookups stay index scans.
CREATE POLICY workout_own_sessions ON workout_session
  USING (user_id = (SELECT id FROM app_user WHERE name = current_user))
  WITH CHECK (user_id = (SELECT id FROM app_user WHERE name = current_user));

CREATE POLICY workout_own_sets ON workout_log
  USING (user_id = (SELECT id FROM app_user WHERE name = current_user))
  WITH CHECK (user_id = (SELECT id FROM app_user WHERE name = current_user));

CREATE POLICY workout_own_records ON personal_record
  USING (user_id = (SELECT id FROM app_user WHERE name = current_user))
  WITH CHECK (user_id = (SELECT id FROM app_user WHERE name = current_user));
