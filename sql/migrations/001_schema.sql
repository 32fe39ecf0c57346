-- The workout schema. Weights are kilograms as exact numerics; the unit a set was
-- entered in is kept beside it so that 225 lb in shows 225 lb out.

CREATE TABLE app_user (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE
              CHECK (char_length(name) BETWEEN 1 AND 100 AND name !~ '[[:cntrl:]]'),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE exercise (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL
              CHECK (char_length(name) BETWEEN 1 AND 100 AND name !~ '[[:cntrl:]]' AND name = btrim(name)),
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- "bench press" and "Bench Press" are one exercise.
CREATE UNIQUE INDEX exercise_name_key ON exercise (lower(name));

CREATE TABLE workout_session (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app_user (id),
  name        text CHECK (char_length(name) BETWEEN 1 AND 100),
  start_time  timestamptz NOT NULL,
  end_time    timestamptz CHECK (end_time >= start_time),
  notes       text CHECK (char_length(notes) <= 1000),
  -- Identity of the source workout for imports (format + its key), so a re-import adds nothing.
  source_key  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- At most one active session per user.
CREATE UNIQUE INDEX workout_session_one_active ON workout_session (user_id) WHERE end_time IS NULL;
-- "The user's active or latest session": ORDER BY end_time DESC NULLS FIRST LIMIT 1.
CREATE INDEX idx_user_active_session ON workout_session (user_id, end_time);
CREATE UNIQUE INDEX workout_session_source_key ON workout_session (user_id, source_key);

CREATE TABLE workout_log (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id    bigint NOT NULL REFERENCES workout_session (id) ON DELETE CASCADE,
  user_id       bigint NOT NULL REFERENCES app_user (id),
  exercise_id   bigint NOT NULL REFERENCES exercise (id),
  set_number    integer NOT NULL CHECK (set_number >= 1),
  -- Kilograms; for bodyweight sets the load added to the body (0 for plain bodyweight).
  weight        numeric NOT NULL CHECK (weight >= 0 AND weight <= 1000),
  unit          text NOT NULL CHECK (unit IN ('kg', 'lb')),
  bodyweight    boolean NOT NULL DEFAULT false,
  reps          integer NOT NULL CHECK (reps BETWEEN 1 AND 1000),
  rpe           numeric(3, 1) CHECK (rpe BETWEEN 1 AND 10 AND rpe * 2 = trunc(rpe * 2)),
  set_type      text NOT NULL DEFAULT 'normal' CHECK (set_type IN ('normal', 'warmup', 'drop', 'failure')),
  performed_at  timestamptz NOT NULL,
  notes         text CHECK (char_length(notes) <= 1000)
);
-- Set numbers never repeat within (session, exercise); the "next set number" lookup
-- is a backward scan of this index.
CREATE UNIQUE INDEX idx_session_exercise ON workout_log (session_id, exercise_id, set_number);
-- Per-user history of one exercise: records, recomputation, exports.
CREATE INDEX workout_log_user_exercise ON workout_log (user_id, exercise_id, performed_at);

CREATE TABLE personal_record (
  user_id      bigint NOT NULL REFERENCES app_user (id),
  exercise_id  bigint NOT NULL REFERENCES exercise (id),
  kind         text NOT NULL CHECK (kind IN ('heaviest', 'e1rm', 'volume', 'rep_max', 'most_reps')),
  -- N for a rep record (heaviest weight for exactly N reps), 0 for the other kinds.
  reps         integer NOT NULL DEFAULT 0,
  value        numeric NOT NULL CHECK (value > 0),
  log_id       bigint NOT NULL REFERENCES workout_log (id) ON DELETE CASCADE,
  achieved_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, exercise_id, kind, reps)
);
CREATE INDEX personal_record_log ON personal_record (log_id);

-- Pounds to kilograms, exactly (1 lb = 0.45359237 kg by definition).
CREATE FUNCTION workout_to_kg(amount numeric, unit text) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE unit WHEN 'lb' THEN amount * 0.45359237 ELSE amount END $$;

-- Estimated one-rep max (Epley). Beyond 12 reps the estimate is too loose to count.
CREATE FUNCTION workout_e1rm(weight numeric, reps integer) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN reps = 1 THEN weight WHEN reps <= 12 THEN round(weight * (30 + reps) / 30, 4) END $$;

-- The records one set can hold. Warm-ups hold none; a plain bodyweight set (no added
-- load) holds only "most reps". The one definition used by `set add`, `set undo` and imports.
CREATE FUNCTION workout_record_candidates(set_weight numeric, set_reps integer, set_bodyweight boolean, set_type text)
  RETURNS TABLE (kind text, reps integer, value numeric)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT c.kind, c.reps, c.value
    FROM (VALUES
      ('heaviest', 0, set_weight),
      ('e1rm', 0, workout_e1rm(set_weight, set_reps)),
      ('volume', 0, set_weight * set_reps),
      ('rep_max', set_reps, set_weight),
      ('most_reps', 0, CASE WHEN set_bodyweight AND set_weight = 0 THEN set_reps::numeric END)
    ) AS c (kind, reps, value)
    WHERE set_type <> 'warmup' AND c.value > 0
  $$;
