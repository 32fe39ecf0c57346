-- A Strong workout is known by its start alone: `strong:2024-06-10 18:20:00`. Strong 6
-- exports number their workouts (`Workout #`) and imports before this migration added the
-- number (`strong:2024-06-10 18:20:00#41`), which the legacy and 5.x exports of the same
-- history cannot say: importing one account's exports in two dialects made every workout
-- twice. Such keys lose their number, so that a later import in any dialect finds them.
-- Where the user has two workouts started the same second, the lowest number takes the
-- plain key (as an import does: the first in the file, and Strong writes them in number
-- order); the others keep theirs. A plain key already taken leaves the numbered one alone.
UPDATE workout_session s
SET source_key = renamed.plain_key
FROM (
  SELECT DISTINCT ON (user_id, plain_key) id, plain_key
  FROM (
    SELECT id, user_id,
      substring(source_key FROM '^(strong:[^#]+)#\d+$') AS plain_key,
      substring(source_key FROM '#(\d+)$')::bigint AS workout_number
    FROM workout_session
    WHERE source_key ~ '^strong:[^#]+#\d+$'
  ) numbered
  ORDER BY user_id, plain_key, workout_number
) renamed
WHERE s.id = renamed.id
  AND NOT EXISTS (
    SELECT 1 FROM workout_session taken WHERE taken.user_id = s.user_id AND taken.source_key = renamed.plain_key);
