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
