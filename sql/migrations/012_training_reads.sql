-- The training views (history, progress, stats) at any history size: issue 12 asks for
-- 20 ms (last, history) and 200 ms (progress, stats over ten years) with one user's
-- 300,000 sets among 10,000 users. Measured by test/bench/trainingReads.ts.

-- 1. One exercise's sets in time order, with every column the views read, so that they
--    are read from the index alone (an index-only scan): `progress` reads all of them,
--    `history` the newest sessions', `last` the newest. It leads with the columns of
--    workout_log_user_exercise (001), which it replaces for every query that used it.
--    On a large live server, build it first with `workout db migrate-indexes`
--    (CREATE INDEX CONCURRENTLY): then this finds it present and writers never wait.
CREATE INDEX IF NOT EXISTS workout_log_exercise_time ON workout_log (user_id, exercise_id, performed_at, id)
  INCLUDE (session_id, weight, reps, bodyweight, set_type);
DROP INDEX IF EXISTS workout_log_user_exercise;

-- 2. The heaviest working set of each rep count, found by walking one index backwards:
--    what `history` compares its newest sessions with ("the records every earlier set
--    held") without reading the years before them. Every record kind is a function of
--    (weight, reps) that grows with the weight, so the heaviest set per rep count before a
--    moment holds every record of that moment. Warm-ups never hold a record.
CREATE INDEX IF NOT EXISTS workout_log_exercise_reps ON workout_log (user_id, exercise_id, reps, weight)
  INCLUDE (performed_at, bodyweight) WHERE set_type <> 'warmup';

-- 3. Per session and exercise: the first set, and the working sets (not warm-ups), their
--    reps and volume (kilograms x reps; a bodyweight set counts its added load). `stats`
--    sums these (ten years of two sessions a day of 10 exercises: 75,000 rows, not 300,000 sets).
--    Kept exact in the transaction of every write of the CLI to workout_log: set add and
--    import add to it, the triggers below recompute what edits and deletes touch.
CREATE TABLE session_exercise_totals (
  session_id    bigint NOT NULL,
  exercise_id   bigint NOT NULL,
  user_id       bigint NOT NULL,
  first_at      timestamptz NOT NULL,
  working_sets  integer NOT NULL,
  reps          bigint NOT NULL,
  volume        numeric NOT NULL,
  PRIMARY KEY (session_id, exercise_id)
);
-- A user's sessions in time order, read from the index alone.
CREATE INDEX session_exercise_totals_user_time ON session_exercise_totals (user_id, first_at)
  INCLUDE (session_id, exercise_id, working_sets, reps, volume);

-- New sets add to their pairs' totals in the statement that inserts them (set add's one
-- statement, each import batch's): an upsert there costs set add no extra statement and
-- no trigger call (an insert trigger measured +45 % of set add's server time: each set add
-- is a new connection, which compiles and plans PL/pgSQL on its first call).
--
-- Changed or deleted sets (set edit, delete, undo, a session deleted with its sets): the
-- pairs they left and joined are recomputed from their sets (a few rows each, through
-- idx_session_exercise), and a pair without sets left is deleted. Once per statement, from
-- its transition tables. SECURITY DEFINER: the write follows sets the caller could change,
-- whatever its grants on the totals.
CREATE FUNCTION workout_refresh_session_exercise_totals() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  AS $$
  DECLARE
    sessions bigint[];
    exercises bigint[];
  BEGIN
    SELECT array_agg(session_id), array_agg(exercise_id) INTO sessions, exercises
    FROM (SELECT session_id, exercise_id FROM workout_old_sets) o;
    -- Only an UPDATE has new rows (a DELETE has no such transition table to read).
    IF TG_OP = 'UPDATE' THEN
      SELECT sessions || array_agg(session_id), exercises || array_agg(exercise_id) INTO sessions, exercises
      FROM workout_new_sets;
    END IF;
    -- Pairs with sets left are upserted, pairs without are deleted: distinct keys, one statement.
    WITH touched AS (
      SELECT DISTINCT session_id, exercise_id FROM unnest(sessions, exercises) AS p (session_id, exercise_id)
    ), fresh AS (
      SELECT l.session_id, l.exercise_id, min(l.user_id) AS user_id, min(l.performed_at) AS first_at,
             count(*) FILTER (WHERE l.set_type <> 'warmup') AS working_sets,
             coalesce(sum(l.reps) FILTER (WHERE l.set_type <> 'warmup'), 0) AS reps,
             coalesce(sum(l.weight * l.reps) FILTER (WHERE l.set_type <> 'warmup'), 0) AS volume
      FROM touched p
      JOIN workout_log l ON l.session_id = p.session_id AND l.exercise_id = p.exercise_id
      GROUP BY l.session_id, l.exercise_id
    ), upserted AS (
      INSERT INTO session_exercise_totals AS t (session_id, exercise_id, user_id, first_at, working_sets, reps, volume)
      SELECT * FROM fresh
      ON CONFLICT (session_id, exercise_id) DO UPDATE
        SET user_id = excluded.user_id, first_at = excluded.first_at, working_sets = excluded.working_sets,
            reps = excluded.reps, volume = excluded.volume
      RETURNING 1
    )
    DELETE FROM session_exercise_totals t USING touched p
    WHERE t.session_id = p.session_id AND t.exercise_id = p.exercise_id
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.session_id = p.session_id AND f.exercise_id = p.exercise_id);
    RETURN NULL;
  END
  $$;
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION workout_refresh_session_exercise_totals() SET search_path = %I, pg_temp', current_schema());
END
$$;

CREATE TRIGGER workout_log_totals_update AFTER UPDATE ON workout_log
  REFERENCING OLD TABLE AS workout_old_sets NEW TABLE AS workout_new_sets
  FOR EACH STATEMENT EXECUTE FUNCTION workout_refresh_session_exercise_totals();
CREATE TRIGGER workout_log_totals_delete AFTER DELETE ON workout_log
  REFERENCING OLD TABLE AS workout_old_sets
  FOR EACH STATEMENT EXECUTE FUNCTION workout_refresh_session_exercise_totals();

INSERT INTO session_exercise_totals (session_id, exercise_id, user_id, first_at, working_sets, reps, volume)
SELECT session_id, exercise_id, min(user_id), min(performed_at),
       count(*) FILTER (WHERE set_type <> 'warmup'),
       coalesce(sum(reps) FILTER (WHERE set_type <> 'warmup'), 0),
       coalesce(sum(weight * reps) FILTER (WHERE set_type <> 'warmup'), 0)
FROM workout_log
GROUP BY session_id, exercise_id;

-- Under row-level security a role reads and adds to only its own user's totals, like its sets.
CREATE POLICY workout_own_session_exercise_totals ON session_exercise_totals
  USING (user_id = (SELECT workout_current_user_id()))
  WITH CHECK (user_id = (SELECT workout_current_user_id()));

--    A database with row-level security on keeps it on for the new table, and the roles
--    that could read or write sets may read or write their totals, so they keep working
--    without an operator's step.
DO $$
DECLARE
  grantee text;
BEGIN
  IF (SELECT relrowsecurity FROM pg_class WHERE oid = 'workout_log'::regclass) THEN
    ALTER TABLE session_exercise_totals ENABLE ROW LEVEL SECURITY;
  END IF;
  FOR grantee IN
    SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
    WHERE g.table_schema = current_schema() AND g.table_name = 'workout_log' AND g.privilege_type = 'SELECT'
      AND g.grantee <> current_user
  LOOP
    EXECUTE format('GRANT SELECT ON session_exercise_totals TO %I', grantee);
  END LOOP;
  FOR grantee IN
    SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
    WHERE g.table_schema = current_schema() AND g.table_name = 'workout_log' AND g.privilege_type = 'INSERT'
      AND g.grantee <> current_user
  LOOP
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON session_exercise_totals TO %I', grantee);
  END LOOP;
END
$$;
