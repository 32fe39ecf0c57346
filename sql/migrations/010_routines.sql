-- Routines: a plan a person writes as text, one exercise per line (the grammar is in
-- src/domain/routine/parse.ts and the README). The text is stored as written, so
-- `workout routine export` gives back exactly what was saved; the CLI parses it before
-- every write, so a stored routine always reads.

CREATE TABLE routine (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app_user (id),
  name        text NOT NULL CONSTRAINT routine_name_clean CHECK (workout_clean_name(name)),
  -- As src/domain/routine/parse.ts limits it (and a byte-order mark).
  source      text NOT NULL CONSTRAINT routine_source_length CHECK (char_length(source) BETWEEN 1 AND 60001),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
-- One routine of a name per user; "push a" and "Push A" are one, like exercise names.
CREATE UNIQUE INDEX routine_user_name ON routine (user_id, lower(name));
-- The target of the sessions' composite key below.
CREATE UNIQUE INDEX routine_id_user ON routine (id, user_id);

-- A session started with `--routine` follows that routine. The composite key keeps a
-- session on its own user's routines (foreign-key checks bypass row-level security);
-- it is not checked while routine_id is null, as it is on every older row. Deleting a
-- routine unlinks its sessions first, in the same transaction.
ALTER TABLE workout_session ADD COLUMN routine_id bigint;
ALTER TABLE workout_session ADD CONSTRAINT workout_session_routine_fkey
  FOREIGN KEY (routine_id, user_id) REFERENCES routine (id, user_id);
-- "This routine's earlier sessions", newest first: the progression reads them.
CREATE INDEX workout_session_routine ON workout_session (routine_id, start_time) WHERE routine_id IS NOT NULL;

CREATE POLICY workout_own_routines ON routine
  USING (user_id = (SELECT workout_current_user_id()))
  WITH CHECK (user_id = (SELECT workout_current_user_id()));
