/** The routine grammar as `workout routine --help` shows it (the README says the same at more length). */
export const ROUTINE_GRAMMAR_HELP = `A routine is plain text, one exercise per line:

  # Push A                     (a comment; # also ends a line early)
  rest 3m                      (rest between sets, for every exercise)
  Bench Press: 3x5 @ 100kg, +2.5kg when all reps done, deload 10% after 3 misses
  Overhead Press: warmup 2x5 @ 50%, 3x8-12 @ 40kg, double progression +2.5kg
  Dip: 3x10 bw, rest 90s
  Pull Up: 4x6-10 @ bw+10kg

EXERCISE: ITEM, ITEM, ...   where ITEM is one of
  SETSxREPS [@ LOAD]     working sets: 3x5, or a rep range 3x8-12 (required, once)
                         LOAD: 100kg, 225lb, 100 (the step's unit, else kg), bw, bw+10kg
  warmup SETSxREPS [@ LOAD | @ PERCENT%]   warm-up sets, before the working sets; 50% is
                         a share of the working weight (any number of warmup items)
  +STEP [when all reps done]   linear: add STEP (e.g. +2.5kg) after a session in which
                         every working set reached its reps (the bottom of a range)
  double progression +STEP     stay at the weight while reps climb through the range;
                         once every set reaches the top, add STEP
  no progression         the default
  deload P% after N misses     N missed sessions in a row (a set short of its reps, or
                         too few sets) take the weight down by P%
  rest DURATION          90, 90s, 3m or 2m30s (at most 60m)

The plan's weight starts the first session; after that each session's heaviest working
set is the base, so what you really lifted carries on. Computed weights (unit changes,
deloads, % warm-ups) fall on the step, else on 2.5 kg / 5 lb.`;
