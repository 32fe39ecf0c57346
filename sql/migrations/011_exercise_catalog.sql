-- The exercise catalog: a few hundred common exercises, each with its equipment, primary
-- and secondary muscles and aliases, shared by every user; the exercises and aliases a
-- user adds are that user's own. Names resolve case-insensitively: the user's names,
-- then the user's aliases, then the shared names, then the shared aliases (one index
-- lookup each, see src/db/queries/resolveExercise.ts).

-- 1. Who an exercise belongs to (NULL: shared, as the catalog) and what it works. The
--    lists are src/domain/catalog/muscles.ts.
ALTER TABLE exercise
  ADD COLUMN user_id bigint REFERENCES app_user (id),
  ADD COLUMN equipment text CONSTRAINT exercise_equipment_known CHECK (equipment IN (
    'barbell', 'dumbbell', 'machine', 'cable', 'bodyweight', 'kettlebell', 'smith-machine', 'ez-bar', 'band',
    'trap-bar', 'other')),
  ADD COLUMN primary_muscles text[] NOT NULL DEFAULT '{}',
  ADD COLUMN secondary_muscles text[] NOT NULL DEFAULT '{}',
  ADD CONSTRAINT exercise_muscles_known CHECK (
    primary_muscles || secondary_muscles <@ ARRAY[
      'chest', 'shoulders', 'triceps', 'biceps', 'forearms', 'lats', 'upper-back', 'traps', 'lower-back', 'abs',
      'obliques', 'glutes', 'quads', 'hamstrings', 'adductors', 'abductors', 'calves', 'neck']
    AND NOT primary_muscles && secondary_muscles);

-- 2. The catalog's rows, for this migration only.
CREATE TEMPORARY TABLE catalog_entry (
  position           integer PRIMARY KEY,
  name               text NOT NULL,
  equipment          text NOT NULL,
  primary_muscles    text[] NOT NULL,
  secondary_muscles  text[] NOT NULL,
  aliases            text[] NOT NULL
) ON COMMIT DROP;

-- BEGIN catalog rows (generated from src/domain/catalog/exercises.ts by test/helpers/catalogSql.ts)
INSERT INTO catalog_entry (position, name, equipment, primary_muscles, secondary_muscles, aliases) VALUES
  (1, 'Bench Press (Barbell)', 'barbell', ARRAY['chest'], ARRAY['triceps', 'shoulders'], ARRAY['bench', 'bb bench', 'flat bench', 'barbell bench press', 'bp']),
  (2, 'Bench Press (Dumbbell)', 'dumbbell', ARRAY['chest'], ARRAY['triceps', 'shoulders'], ARRAY['db bench', 'dumbbell bench press', 'db bench press']),
  (3, 'Bench Press (Smith Machine)', 'smith-machine', ARRAY['chest'], ARRAY['triceps', 'shoulders'], ARRAY['smith bench']),
  (4, 'Bench Press (Cable)', 'cable', ARRAY['chest'], ARRAY['triceps', 'shoulders'], '{}'::text[]),
  (5, 'Bench Press - Close Grip (Barbell)', 'barbell', ARRAY['triceps', 'chest'], ARRAY['shoulders'], ARRAY['cgbp', 'close grip bench']),
  (6, 'Bench Press - Close Grip (Smith Machine)', 'smith-machine', ARRAY['triceps', 'chest'], ARRAY['shoulders'], '{}'::text[]),
  (7, 'Bench Press - Wide Grip (Barbell)', 'barbell', ARRAY['chest'], ARRAY['triceps', 'shoulders'], ARRAY['wide grip bench']),
  (8, 'Incline Bench Press (Barbell)', 'barbell', ARRAY['chest'], ARRAY['shoulders', 'triceps'], ARRAY['incline bb bench']),
  (9, 'Incline Bench Press (Dumbbell)', 'dumbbell', ARRAY['chest'], ARRAY['shoulders', 'triceps'], ARRAY['incline db bench', 'incline db press']),
  (10, 'Incline Bench Press (Smith Machine)', 'smith-machine', ARRAY['chest'], ARRAY['shoulders', 'triceps'], ARRAY['smith incline']),
  (11, 'Decline Bench Press (Barbell)', 'barbell', ARRAY['chest'], ARRAY['triceps', 'shoulders'], ARRAY['decline bench']),
  (12, 'Decline Bench Press (Dumbbell)', 'dumbbell', ARRAY['chest'], ARRAY['triceps', 'shoulders'], ARRAY['decline db bench']),
  (13, 'Decline Bench Press (Smith Machine)', 'smith-machine', ARRAY['chest'], ARRAY['triceps', 'shoulders'], '{}'::text[]),
  (14, 'Floor Press (Barbell)', 'barbell', ARRAY['chest', 'triceps'], ARRAY['shoulders'], '{}'::text[]),
  (15, 'Floor Press (Dumbbell)', 'dumbbell', ARRAY['chest', 'triceps'], ARRAY['shoulders'], '{}'::text[]),
  (16, 'Chest Press (Machine)', 'machine', ARRAY['chest'], ARRAY['triceps', 'shoulders'], ARRAY['chest press machine']),
  (17, 'Chest Press (Band)', 'band', ARRAY['chest'], ARRAY['triceps', 'shoulders'], '{}'::text[]),
  (18, 'Incline Chest Press (Machine)', 'machine', ARRAY['chest'], ARRAY['shoulders', 'triceps'], '{}'::text[]),
  (19, 'Chest Fly (Dumbbell)', 'dumbbell', ARRAY['chest'], ARRAY['shoulders'], ARRAY['db fly', 'dumbbell fly']),
  (20, 'Chest Fly (Machine)', 'machine', ARRAY['chest'], ARRAY['shoulders'], '{}'::text[]),
  (21, 'Chest Fly (Band)', 'band', ARRAY['chest'], ARRAY['shoulders'], '{}'::text[]),
  (22, 'Incline Chest Fly (Dumbbell)', 'dumbbell', ARRAY['chest'], ARRAY['shoulders'], ARRAY['incline db fly']),
  (23, 'Cable Crossover', 'cable', ARRAY['chest'], ARRAY['shoulders'], ARRAY['cable fly', 'cable crossovers']),
  (24, 'Low Cable Fly', 'cable', ARRAY['chest'], ARRAY['shoulders'], ARRAY['low to high cable fly']),
  (25, 'Butterfly (Pec Deck)', 'machine', ARRAY['chest'], ARRAY['shoulders'], ARRAY['pec deck', 'pec deck (machine)', 'pec fly machine']),
  (26, 'Push Up', 'bodyweight', ARRAY['chest'], ARRAY['triceps', 'shoulders', 'abs'], ARRAY['pushup', 'push-up', 'pushups']),
  (27, 'Push Up (Knees)', 'bodyweight', ARRAY['chest'], ARRAY['triceps', 'shoulders', 'abs'], ARRAY['knee push up']),
  (28, 'Incline Push Up', 'bodyweight', ARRAY['chest'], ARRAY['triceps', 'shoulders'], '{}'::text[]),
  (29, 'Decline Push Up', 'bodyweight', ARRAY['chest', 'shoulders'], ARRAY['triceps'], '{}'::text[]),
  (30, 'Diamond Push Up', 'bodyweight', ARRAY['triceps', 'chest'], ARRAY['shoulders'], '{}'::text[]),
  (31, 'Pike Push Up', 'bodyweight', ARRAY['shoulders'], ARRAY['triceps', 'chest'], '{}'::text[]),
  (32, 'Chest Dip', 'bodyweight', ARRAY['chest', 'triceps'], ARRAY['shoulders'], '{}'::text[]),
  (33, 'Chest Dip (Assisted)', 'machine', ARRAY['chest', 'triceps'], ARRAY['shoulders'], ARRAY['assisted dip']),
  (34, 'Chest Dip (Weighted)', 'bodyweight', ARRAY['chest', 'triceps'], ARRAY['shoulders'], ARRAY['weighted dip']),
  (35, 'Pullover (Dumbbell)', 'dumbbell', ARRAY['lats', 'chest'], ARRAY['triceps'], ARRAY['db pullover']),
  (36, 'Pullover (Machine)', 'machine', ARRAY['lats', 'chest'], ARRAY['triceps'], '{}'::text[]),
  (37, 'Pullover (Cable)', 'cable', ARRAY['lats', 'chest'], ARRAY['triceps'], '{}'::text[]),
  (38, 'Svend Press', 'other', ARRAY['chest'], ARRAY['shoulders'], '{}'::text[]),
  (39, 'Overhead Press (Barbell)', 'barbell', ARRAY['shoulders'], ARRAY['triceps', 'traps'], ARRAY['ohp', 'press', 'military press', 'bb ohp']),
  (40, 'Overhead Press (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['triceps', 'traps'], ARRAY['db ohp', 'db shoulder press', 'shoulder press (dumbbell)']),
  (41, 'Overhead Press (Smith Machine)', 'smith-machine', ARRAY['shoulders'], ARRAY['triceps', 'traps'], ARRAY['smith ohp']),
  (42, 'Overhead Press (Kettlebell)', 'kettlebell', ARRAY['shoulders'], ARRAY['triceps', 'traps'], '{}'::text[]),
  (43, 'Overhead Press (Cable)', 'cable', ARRAY['shoulders'], ARRAY['triceps', 'traps'], '{}'::text[]),
  (44, 'Seated Overhead Press (Barbell)', 'barbell', ARRAY['shoulders'], ARRAY['triceps'], '{}'::text[]),
  (45, 'Seated Overhead Press (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['triceps'], ARRAY['seated db press']),
  (46, 'Strict Military Press (Barbell)', 'barbell', ARRAY['shoulders'], ARRAY['triceps', 'traps'], '{}'::text[]),
  (47, 'Push Press (Barbell)', 'barbell', ARRAY['shoulders'], ARRAY['triceps', 'quads', 'glutes'], '{}'::text[]),
  (48, 'Push Press (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['triceps', 'quads', 'glutes'], '{}'::text[]),
  (49, 'Shoulder Press (Machine)', 'machine', ARRAY['shoulders'], ARRAY['triceps'], ARRAY['shoulder press machine']),
  (50, 'Shoulder Press (Plate Loaded)', 'machine', ARRAY['shoulders'], ARRAY['triceps'], '{}'::text[]),
  (51, 'Arnold Press (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['triceps'], ARRAY['arnold']),
  (52, 'Landmine Shoulder Press', 'other', ARRAY['shoulders', 'chest'], ARRAY['triceps'], '{}'::text[]),
  (53, 'Lateral Raise (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['traps'], ARRAY['lat raise', 'side raise', 'db lateral raise']),
  (54, 'Lateral Raise (Cable)', 'cable', ARRAY['shoulders'], ARRAY['traps'], ARRAY['cable lateral']),
  (55, 'Lateral Raise (Machine)', 'machine', ARRAY['shoulders'], ARRAY['traps'], '{}'::text[]),
  (56, 'Lateral Raise (Band)', 'band', ARRAY['shoulders'], ARRAY['traps'], '{}'::text[]),
  (57, 'Seated Lateral Raise (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['traps'], '{}'::text[]),
  (58, 'Front Raise (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['chest'], '{}'::text[]),
  (59, 'Front Raise (Barbell)', 'barbell', ARRAY['shoulders'], ARRAY['chest'], '{}'::text[]),
  (60, 'Front Raise (Cable)', 'cable', ARRAY['shoulders'], ARRAY['chest'], '{}'::text[]),
  (61, 'Front Raise (Plate)', 'other', ARRAY['shoulders'], ARRAY['chest'], '{}'::text[]),
  (62, 'Reverse Fly (Dumbbell)', 'dumbbell', ARRAY['upper-back', 'shoulders'], ARRAY['traps'], ARRAY['rear delt fly', 'db reverse fly']),
  (63, 'Reverse Fly (Cable)', 'cable', ARRAY['upper-back', 'shoulders'], ARRAY['traps'], '{}'::text[]),
  (64, 'Reverse Fly (Machine)', 'machine', ARRAY['upper-back', 'shoulders'], ARRAY['traps'], ARRAY['rear delt machine']),
  (65, 'Face Pull (Cable)', 'cable', ARRAY['shoulders', 'upper-back'], ARRAY['traps'], ARRAY['face pulls', 'facepull']),
  (66, 'Face Pull (Band)', 'band', ARRAY['shoulders', 'upper-back'], ARRAY['traps'], '{}'::text[]),
  (67, 'Upright Row (Barbell)', 'barbell', ARRAY['shoulders', 'traps'], ARRAY['biceps'], '{}'::text[]),
  (68, 'Upright Row (Dumbbell)', 'dumbbell', ARRAY['shoulders', 'traps'], ARRAY['biceps'], '{}'::text[]),
  (69, 'Upright Row (Cable)', 'cable', ARRAY['shoulders', 'traps'], ARRAY['biceps'], '{}'::text[]),
  (70, 'Shrug (Barbell)', 'barbell', ARRAY['traps'], ARRAY['forearms'], ARRAY['bb shrug']),
  (71, 'Shrug (Dumbbell)', 'dumbbell', ARRAY['traps'], ARRAY['forearms'], ARRAY['db shrug']),
  (72, 'Shrug (Machine)', 'machine', ARRAY['traps'], ARRAY['forearms'], '{}'::text[]),
  (73, 'Shrug (Smith Machine)', 'smith-machine', ARRAY['traps'], ARRAY['forearms'], '{}'::text[]),
  (74, 'Shrug (Trap Bar)', 'trap-bar', ARRAY['traps'], ARRAY['forearms'], '{}'::text[]),
  (75, 'Y Raise (Dumbbell)', 'dumbbell', ARRAY['shoulders', 'upper-back'], ARRAY['traps'], '{}'::text[]),
  (76, 'Y Raise (Cable)', 'cable', ARRAY['shoulders', 'upper-back'], ARRAY['traps'], '{}'::text[]),
  (77, 'External Rotation (Cable)', 'cable', ARRAY['shoulders'], ARRAY['upper-back'], '{}'::text[]),
  (78, 'External Rotation (Dumbbell)', 'dumbbell', ARRAY['shoulders'], ARRAY['upper-back'], '{}'::text[]),
  (79, 'External Rotation (Band)', 'band', ARRAY['shoulders'], ARRAY['upper-back'], '{}'::text[]),
  (80, 'Handstand Push Up', 'bodyweight', ARRAY['shoulders'], ARRAY['triceps', 'traps'], ARRAY['hspu']),
  (81, 'Deadlift (Barbell)', 'barbell', ARRAY['hamstrings', 'glutes', 'lower-back'], ARRAY['quads', 'traps', 'forearms'], ARRAY['dl', 'bb deadlift', 'conventional deadlift']),
  (82, 'Deadlift (Dumbbell)', 'dumbbell', ARRAY['hamstrings', 'glutes', 'lower-back'], ARRAY['quads', 'traps', 'forearms'], '{}'::text[]),
  (83, 'Deadlift (Trap Bar)', 'trap-bar', ARRAY['hamstrings', 'glutes', 'lower-back'], ARRAY['quads', 'traps', 'forearms'], ARRAY['trap bar deadlift', 'hex bar deadlift']),
  (84, 'Deadlift (Smith Machine)', 'smith-machine', ARRAY['hamstrings', 'glutes', 'lower-back'], ARRAY['quads', 'traps', 'forearms'], '{}'::text[]),
  (85, 'Sumo Deadlift (Barbell)', 'barbell', ARRAY['glutes', 'hamstrings', 'adductors'], ARRAY['quads', 'lower-back', 'traps'], ARRAY['sumo', 'sumo dl']),
  (86, 'Romanian Deadlift (Barbell)', 'barbell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back', 'forearms'], ARRAY['rdl', 'bb rdl']),
  (87, 'Romanian Deadlift (Dumbbell)', 'dumbbell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back', 'forearms'], ARRAY['db rdl']),
  (88, 'Romanian Deadlift (Smith Machine)', 'smith-machine', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back', 'forearms'], '{}'::text[]),
  (89, 'Romanian Deadlift (Kettlebell)', 'kettlebell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back', 'forearms'], '{}'::text[]),
  (90, 'Stiff Leg Deadlift (Barbell)', 'barbell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back'], ARRAY['sldl']),
  (91, 'Stiff Leg Deadlift (Dumbbell)', 'dumbbell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back'], '{}'::text[]),
  (92, 'Single Leg Deadlift (Dumbbell)', 'dumbbell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back', 'abductors'], '{}'::text[]),
  (93, 'Single Leg Deadlift (Kettlebell)', 'kettlebell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back', 'abductors'], '{}'::text[]),
  (94, 'Single Leg Deadlift (Barbell)', 'barbell', ARRAY['hamstrings', 'glutes'], ARRAY['lower-back', 'abductors'], '{}'::text[]),
  (95, 'Deficit Deadlift (Barbell)', 'barbell', ARRAY['hamstrings', 'glutes', 'lower-back'], ARRAY['quads', 'traps'], '{}'::text[]),
  (96, 'Rack Pull (Barbell)', 'barbell', ARRAY['lower-back', 'glutes', 'traps'], ARRAY['hamstrings', 'forearms'], '{}'::text[]),
  (97, 'Good Morning (Barbell)', 'barbell', ARRAY['hamstrings', 'lower-back'], ARRAY['glutes'], '{}'::text[]),
  (98, 'Bent Over Row (Barbell)', 'barbell', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'lower-back'], ARRAY['bb row', 'barbell row']),
  (99, 'Bent Over Row (Dumbbell)', 'dumbbell', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'lower-back'], ARRAY['db row']),
  (100, 'Bent Over Row (Smith Machine)', 'smith-machine', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'lower-back'], '{}'::text[]),
  (101, 'Bent Over Row (Cable)', 'cable', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'lower-back'], '{}'::text[]),
  (102, 'Bent Over One Arm Row (Dumbbell)', 'dumbbell', ARRAY['lats', 'upper-back'], ARRAY['biceps'], ARRAY['one arm row', 'single arm db row', 'one arm db row']),
  (103, 'Pendlay Row (Barbell)', 'barbell', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'lower-back'], ARRAY['pendlay']),
  (104, 'Yates Row (Barbell)', 'barbell', ARRAY['upper-back', 'lats'], ARRAY['biceps'], '{}'::text[]),
  (105, 'Incline Row (Dumbbell)', 'dumbbell', ARRAY['upper-back', 'lats'], ARRAY['biceps'], ARRAY['chest supported row', 'chest supported db row']),
  (106, 'T Bar Row', 'other', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'lower-back'], ARRAY['t-bar row', 'tbar row', 't bar']),
  (107, 'T Bar Row (Machine)', 'machine', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'lower-back'], '{}'::text[]),
  (108, 'Seal Row (Barbell)', 'barbell', ARRAY['upper-back', 'lats'], ARRAY['biceps'], '{}'::text[]),
  (109, 'Seal Row (Dumbbell)', 'dumbbell', ARRAY['upper-back', 'lats'], ARRAY['biceps'], '{}'::text[]),
  (110, 'Seated Row (Cable)', 'cable', ARRAY['upper-back', 'lats'], ARRAY['biceps'], ARRAY['cable row', 'seated cable row', 'low row']),
  (111, 'Seated Row (Machine)', 'machine', ARRAY['upper-back', 'lats'], ARRAY['biceps'], ARRAY['row machine', 'seated row machine']),
  (112, 'Seated Row - V Grip (Cable)', 'cable', ARRAY['upper-back', 'lats'], ARRAY['biceps'], ARRAY['v grip row']),
  (113, 'Seated Row - Wide Grip (Cable)', 'cable', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'shoulders'], ARRAY['wide grip cable row']),
  (114, 'Iso-Lateral Row (Machine)', 'machine', ARRAY['upper-back', 'lats'], ARRAY['biceps'], ARRAY['hammer strength row']),
  (115, 'High Row (Machine)', 'machine', ARRAY['upper-back', 'lats'], ARRAY['biceps'], '{}'::text[]),
  (116, 'High Row (Cable)', 'cable', ARRAY['upper-back', 'lats'], ARRAY['biceps'], '{}'::text[]),
  (117, 'Single Arm Row (Cable)', 'cable', ARRAY['lats', 'upper-back'], ARRAY['biceps'], '{}'::text[]),
  (118, 'Single Arm Row (Machine)', 'machine', ARRAY['lats', 'upper-back'], ARRAY['biceps'], '{}'::text[]),
  (119, 'Inverted Row (Bodyweight)', 'bodyweight', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'abs'], ARRAY['body row', 'australian pull up']),
  (120, 'Inverted Row (Rings)', 'other', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'abs'], ARRAY['ring row']),
  (121, 'Inverted Row (Suspension)', 'other', ARRAY['upper-back', 'lats'], ARRAY['biceps', 'abs'], ARRAY['trx row']),
  (122, 'Renegade Row (Dumbbell)', 'dumbbell', ARRAY['upper-back', 'lats'], ARRAY['abs', 'biceps'], '{}'::text[]),
  (123, 'Lat Pulldown (Cable)', 'cable', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['pulldown', 'lat pull down']),
  (124, 'Lat Pulldown (Machine)', 'machine', ARRAY['lats'], ARRAY['biceps', 'upper-back'], '{}'::text[]),
  (125, 'Lat Pulldown (Band)', 'band', ARRAY['lats'], ARRAY['biceps', 'upper-back'], '{}'::text[]),
  (126, 'Lat Pulldown (Single Arm)', 'cable', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['single arm pulldown']),
  (127, 'Lat Pulldown - Close Grip (Cable)', 'cable', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['close grip pulldown']),
  (128, 'Lat Pulldown - Wide Grip (Cable)', 'cable', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['wide grip pulldown']),
  (129, 'Lat Pulldown - Underhand (Cable)', 'cable', ARRAY['lats', 'biceps'], ARRAY['upper-back'], ARRAY['underhand pulldown', 'reverse grip pulldown']),
  (130, 'Straight Arm Pulldown (Cable)', 'cable', ARRAY['lats'], ARRAY['triceps'], ARRAY['straight arm pushdown', 'stiff arm pulldown']),
  (131, 'Straight Arm Pulldown (Band)', 'band', ARRAY['lats'], ARRAY['triceps'], '{}'::text[]),
  (132, 'Pull Up', 'bodyweight', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['pullup', 'pull-up', 'pullups']),
  (133, 'Pull Up (Assisted)', 'machine', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['assisted pull up', 'assisted pullup']),
  (134, 'Pull Up (Weighted)', 'bodyweight', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['weighted pull up', 'weighted pullup']),
  (135, 'Pull Up (Band)', 'band', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['band pull up']),
  (136, 'Pull Up (Neutral Grip)', 'bodyweight', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['neutral grip pull up']),
  (137, 'Wide Pull Up', 'bodyweight', ARRAY['lats'], ARRAY['biceps', 'upper-back'], ARRAY['wide grip pull up']),
  (138, 'Chin Up', 'bodyweight', ARRAY['lats', 'biceps'], ARRAY['upper-back'], ARRAY['chinup', 'chin-up', 'chinups']),
  (139, 'Chin Up (Assisted)', 'machine', ARRAY['lats', 'biceps'], ARRAY['upper-back'], ARRAY['assisted chin up']),
  (140, 'Chin Up (Weighted)', 'bodyweight', ARRAY['lats', 'biceps'], ARRAY['upper-back'], ARRAY['weighted chin up']),
  (141, 'Muscle Up', 'bodyweight', ARRAY['lats', 'chest', 'triceps'], ARRAY['biceps', 'abs'], ARRAY['muscleup']),
  (142, 'Muscle Up (Rings)', 'other', ARRAY['lats', 'chest', 'triceps'], ARRAY['biceps', 'abs'], ARRAY['ring muscle up']),
  (143, 'Back Extension', 'bodyweight', ARRAY['lower-back', 'glutes'], ARRAY['hamstrings'], ARRAY['hyperextension', 'hyper', 'back raise']),
  (144, 'Back Extension (Machine)', 'machine', ARRAY['lower-back', 'glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (145, 'Back Extension (Weighted)', 'bodyweight', ARRAY['lower-back', 'glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (146, 'Reverse Hyperextension', 'machine', ARRAY['glutes', 'lower-back'], ARRAY['hamstrings'], ARRAY['reverse hyper']),
  (147, 'Superman', 'bodyweight', ARRAY['lower-back'], ARRAY['glutes'], '{}'::text[]),
  (148, 'Dead Hang', 'bodyweight', ARRAY['forearms'], ARRAY['lats'], ARRAY['hang']),
  (149, 'Bicep Curl (Barbell)', 'barbell', ARRAY['biceps'], ARRAY['forearms'], ARRAY['bb curl', 'barbell curl']),
  (150, 'Bicep Curl (Dumbbell)', 'dumbbell', ARRAY['biceps'], ARRAY['forearms'], ARRAY['db curl', 'dumbbell curl', 'curls']),
  (151, 'Bicep Curl (Cable)', 'cable', ARRAY['biceps'], ARRAY['forearms'], ARRAY['cable curl']),
  (152, 'Bicep Curl (Machine)', 'machine', ARRAY['biceps'], ARRAY['forearms'], ARRAY['machine curl']),
  (153, 'Bicep Curl (EZ Bar)', 'ez-bar', ARRAY['biceps'], ARRAY['forearms'], ARRAY['ez curl', 'ez bar curl']),
  (154, 'Bicep Curl (Band)', 'band', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (155, 'Hammer Curl (Dumbbell)', 'dumbbell', ARRAY['biceps', 'forearms'], '{}'::text[], ARRAY['hammers', 'db hammer curl']),
  (156, 'Hammer Curl (Cable)', 'cable', ARRAY['biceps', 'forearms'], '{}'::text[], ARRAY['rope hammer curl']),
  (157, 'Hammer Curl (Band)', 'band', ARRAY['biceps', 'forearms'], '{}'::text[], '{}'::text[]),
  (158, 'Cross Body Hammer Curl (Dumbbell)', 'dumbbell', ARRAY['biceps', 'forearms'], '{}'::text[], '{}'::text[]),
  (159, 'Preacher Curl (Barbell)', 'barbell', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (160, 'Preacher Curl (Dumbbell)', 'dumbbell', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (161, 'Preacher Curl (Machine)', 'machine', ARRAY['biceps'], ARRAY['forearms'], ARRAY['preacher curl machine']),
  (162, 'Preacher Curl (EZ Bar)', 'ez-bar', ARRAY['biceps'], ARRAY['forearms'], ARRAY['ez preacher curl']),
  (163, 'Preacher Curl (Cable)', 'cable', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (164, 'Incline Curl (Dumbbell)', 'dumbbell', ARRAY['biceps'], ARRAY['forearms'], ARRAY['incline db curl']),
  (165, 'Concentration Curl (Dumbbell)', 'dumbbell', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (166, 'Spider Curl (Dumbbell)', 'dumbbell', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (167, 'Spider Curl (Barbell)', 'barbell', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (168, 'Spider Curl (EZ Bar)', 'ez-bar', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (169, 'Drag Curl (Barbell)', 'barbell', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (170, 'Bayesian Curl (Cable)', 'cable', ARRAY['biceps'], ARRAY['forearms'], ARRAY['bayesian']),
  (171, 'Reverse Curl (Barbell)', 'barbell', ARRAY['forearms', 'biceps'], '{}'::text[], '{}'::text[]),
  (172, 'Reverse Curl (Dumbbell)', 'dumbbell', ARRAY['forearms', 'biceps'], '{}'::text[], '{}'::text[]),
  (173, 'Reverse Curl (Cable)', 'cable', ARRAY['forearms', 'biceps'], '{}'::text[], '{}'::text[]),
  (174, 'Reverse Curl (EZ Bar)', 'ez-bar', ARRAY['forearms', 'biceps'], '{}'::text[], '{}'::text[]),
  (175, 'Zottman Curl (Dumbbell)', 'dumbbell', ARRAY['biceps', 'forearms'], '{}'::text[], '{}'::text[]),
  (176, '21s Bicep Curl (Barbell)', 'barbell', ARRAY['biceps'], ARRAY['forearms'], '{}'::text[]),
  (177, 'Wrist Curl (Barbell)', 'barbell', ARRAY['forearms'], '{}'::text[], '{}'::text[]),
  (178, 'Wrist Curl (Dumbbell)', 'dumbbell', ARRAY['forearms'], '{}'::text[], '{}'::text[]),
  (179, 'Wrist Curl (Cable)', 'cable', ARRAY['forearms'], '{}'::text[], '{}'::text[]),
  (180, 'Reverse Wrist Curl (Barbell)', 'barbell', ARRAY['forearms'], '{}'::text[], '{}'::text[]),
  (181, 'Reverse Wrist Curl (Dumbbell)', 'dumbbell', ARRAY['forearms'], '{}'::text[], '{}'::text[]),
  (182, 'Wrist Roller', 'other', ARRAY['forearms'], ARRAY['shoulders'], '{}'::text[]),
  (183, 'Farmers Walk (Dumbbell)', 'dumbbell', ARRAY['forearms', 'traps'], ARRAY['abs', 'glutes'], ARRAY['farmers carry', 'farmer walk', 'farmers carries']),
  (184, 'Farmers Walk (Kettlebell)', 'kettlebell', ARRAY['forearms', 'traps'], ARRAY['abs', 'glutes'], '{}'::text[]),
  (185, 'Farmers Walk (Trap Bar)', 'trap-bar', ARRAY['forearms', 'traps'], ARRAY['abs', 'glutes'], '{}'::text[]),
  (186, 'Plate Pinch', 'other', ARRAY['forearms'], '{}'::text[], '{}'::text[]),
  (187, 'Triceps Pushdown (Cable)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['pushdown', 'tricep pushdown', 'cable pushdown']),
  (188, 'Triceps Pushdown (Cable - Straight Bar)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['straight bar pushdown']),
  (189, 'Triceps Pushdown (Rope)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['rope pushdown', 'tricep rope pushdown', 'triceps rope pushdown']),
  (190, 'Triceps Pushdown (Cable - V Bar)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['v bar pushdown']),
  (191, 'Triceps Pushdown (Band)', 'band', ARRAY['triceps'], '{}'::text[], '{}'::text[]),
  (192, 'Triceps Extension (Dumbbell)', 'dumbbell', ARRAY['triceps'], '{}'::text[], ARRAY['db tricep extension']),
  (193, 'Triceps Extension (Cable)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['cable tricep extension']),
  (194, 'Triceps Extension (Machine)', 'machine', ARRAY['triceps'], '{}'::text[], ARRAY['tricep extension machine']),
  (195, 'Triceps Extension (Barbell)', 'barbell', ARRAY['triceps'], '{}'::text[], '{}'::text[]),
  (196, 'Triceps Extension (EZ Bar)', 'ez-bar', ARRAY['triceps'], '{}'::text[], '{}'::text[]),
  (197, 'Overhead Triceps Extension (Cable)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['overhead cable extension']),
  (198, 'Overhead Triceps Extension (Dumbbell)', 'dumbbell', ARRAY['triceps'], '{}'::text[], ARRAY['overhead db extension']),
  (199, 'Overhead Triceps Extension (Rope)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['overhead rope extension']),
  (200, 'Overhead Triceps Extension (EZ Bar)', 'ez-bar', ARRAY['triceps'], '{}'::text[], '{}'::text[]),
  (201, 'Skullcrusher (Barbell)', 'barbell', ARRAY['triceps'], '{}'::text[], ARRAY['skull crusher', 'skullcrushers', 'lying tricep extension']),
  (202, 'Skullcrusher (Dumbbell)', 'dumbbell', ARRAY['triceps'], '{}'::text[], '{}'::text[]),
  (203, 'Skullcrusher (EZ Bar)', 'ez-bar', ARRAY['triceps'], '{}'::text[], ARRAY['ez skullcrusher']),
  (204, 'Triceps Kickback (Dumbbell)', 'dumbbell', ARRAY['triceps'], '{}'::text[], ARRAY['kickback', 'tricep kickback']),
  (205, 'Triceps Kickback (Cable)', 'cable', ARRAY['triceps'], '{}'::text[], ARRAY['cable kickback']),
  (206, 'Triceps Dip', 'bodyweight', ARRAY['triceps'], ARRAY['chest', 'shoulders'], ARRAY['dips', 'tricep dip']),
  (207, 'Triceps Dip (Assisted)', 'machine', ARRAY['triceps'], ARRAY['chest', 'shoulders'], ARRAY['assisted tricep dip']),
  (208, 'Triceps Dip (Weighted)', 'bodyweight', ARRAY['triceps'], ARRAY['chest', 'shoulders'], '{}'::text[]),
  (209, 'Triceps Dip (Machine)', 'machine', ARRAY['triceps'], ARRAY['chest', 'shoulders'], ARRAY['dip machine']),
  (210, 'Bench Dip', 'bodyweight', ARRAY['triceps'], ARRAY['chest', 'shoulders'], ARRAY['bench dips']),
  (211, 'JM Press (Barbell)', 'barbell', ARRAY['triceps'], ARRAY['chest'], '{}'::text[]),
  (212, 'JM Press (Smith Machine)', 'smith-machine', ARRAY['triceps'], ARRAY['chest'], '{}'::text[]),
  (213, 'Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors', 'lower-back'], ARRAY['back squat', 'bb squat', 'high bar squat']),
  (214, 'Squat (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors', 'lower-back'], ARRAY['db squat']),
  (215, 'Squat (Smith Machine)', 'smith-machine', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors', 'lower-back'], ARRAY['smith squat']),
  (216, 'Squat (Bodyweight)', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors', 'lower-back'], ARRAY['air squat', 'bodyweight squat']),
  (217, 'Squat (Kettlebell)', 'kettlebell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors', 'lower-back'], '{}'::text[]),
  (218, 'Low Bar Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors', 'lower-back'], ARRAY['low bar']),
  (219, 'Front Squat (Barbell)', 'barbell', ARRAY['quads'], ARRAY['glutes', 'abs', 'upper-back'], ARRAY['fsq', 'bb front squat']),
  (220, 'Front Squat (Dumbbell)', 'dumbbell', ARRAY['quads'], ARRAY['glutes', 'abs', 'upper-back'], '{}'::text[]),
  (221, 'Front Squat (Kettlebell)', 'kettlebell', ARRAY['quads'], ARRAY['glutes', 'abs', 'upper-back'], '{}'::text[]),
  (222, 'Pause Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (223, 'Box Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (224, 'Overhead Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes', 'shoulders'], ARRAY['abs', 'upper-back'], ARRAY['ohs']),
  (225, 'Goblet Squat (Kettlebell)', 'kettlebell', ARRAY['quads', 'glutes'], ARRAY['adductors', 'abs'], ARRAY['kb goblet squat']),
  (226, 'Goblet Squat (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['adductors', 'abs'], ARRAY['db goblet squat']),
  (227, 'Hack Squat (Machine)', 'machine', ARRAY['quads'], ARRAY['glutes'], ARRAY['hack squat machine']),
  (228, 'Hack Squat (Barbell)', 'barbell', ARRAY['quads'], ARRAY['glutes'], '{}'::text[]),
  (229, 'Pendulum Squat', 'machine', ARRAY['quads'], ARRAY['glutes'], '{}'::text[]),
  (230, 'Belt Squat', 'machine', ARRAY['quads', 'glutes'], ARRAY['adductors'], '{}'::text[]),
  (231, 'Sissy Squat', 'bodyweight', ARRAY['quads'], '{}'::text[], '{}'::text[]),
  (232, 'Pistol Squat', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['abs'], ARRAY['pistol']),
  (233, 'Jump Squat', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['calves'], '{}'::text[]),
  (234, 'Jump Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['calves'], '{}'::text[]),
  (235, 'Jump Squat (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['calves'], '{}'::text[]),
  (236, 'Split Squat (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (237, 'Split Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (238, 'Split Squat (Bodyweight)', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (239, 'Split Squat (Smith Machine)', 'smith-machine', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (240, 'Bulgarian Split Squat (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], ARRAY['bss', 'bulgarian']),
  (241, 'Bulgarian Split Squat (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (242, 'Bulgarian Split Squat (Bodyweight)', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (243, 'Bulgarian Split Squat (Smith Machine)', 'smith-machine', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (244, 'Lunge (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], ARRAY['lunges', 'db lunge']),
  (245, 'Lunge (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (246, 'Lunge (Bodyweight)', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (247, 'Lunge (Kettlebell)', 'kettlebell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (248, 'Walking Lunge (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (249, 'Walking Lunge (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (250, 'Walking Lunge (Bodyweight)', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (251, 'Reverse Lunge (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (252, 'Reverse Lunge (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (253, 'Reverse Lunge (Bodyweight)', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (254, 'Lateral Lunge (Dumbbell)', 'dumbbell', ARRAY['adductors', 'quads', 'glutes'], '{}'::text[], '{}'::text[]),
  (255, 'Lateral Lunge (Bodyweight)', 'bodyweight', ARRAY['adductors', 'quads', 'glutes'], '{}'::text[], ARRAY['side lunge']),
  (256, 'Step Up (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings'], ARRAY['step-up', 'step ups']),
  (257, 'Step Up (Barbell)', 'barbell', ARRAY['quads', 'glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (258, 'Step Up (Bodyweight)', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (259, 'Leg Press (Machine)', 'machine', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], ARRAY['leg press machine', 'lp']),
  (260, 'Leg Press (Single Leg)', 'machine', ARRAY['quads', 'glutes'], ARRAY['hamstrings', 'adductors'], '{}'::text[]),
  (261, 'Horizontal Leg Press (Machine)', 'machine', ARRAY['quads', 'glutes'], ARRAY['hamstrings'], ARRAY['seated leg press']),
  (262, 'Leg Extension (Machine)', 'machine', ARRAY['quads'], '{}'::text[], ARRAY['leg extensions', 'quad extension', 'leg ext']),
  (263, 'Leg Extension (Band)', 'band', ARRAY['quads'], '{}'::text[], '{}'::text[]),
  (264, 'Lying Leg Curl (Machine)', 'machine', ARRAY['hamstrings'], ARRAY['calves'], ARRAY['leg curl', 'lying curl', 'hamstring curl']),
  (265, 'Seated Leg Curl (Machine)', 'machine', ARRAY['hamstrings'], ARRAY['calves'], ARRAY['seated curl', 'seated hamstring curl']),
  (266, 'Standing Leg Curl (Machine)', 'machine', ARRAY['hamstrings'], ARRAY['calves'], '{}'::text[]),
  (267, 'Standing Leg Curl (Cable)', 'cable', ARRAY['hamstrings'], ARRAY['calves'], '{}'::text[]),
  (268, 'Standing Leg Curl (Band)', 'band', ARRAY['hamstrings'], ARRAY['calves'], '{}'::text[]),
  (269, 'Nordic Hamstring Curl', 'bodyweight', ARRAY['hamstrings'], ARRAY['calves'], ARRAY['nordic', 'nordics', 'nordic curl']),
  (270, 'Glute Ham Raise', 'machine', ARRAY['hamstrings', 'glutes'], ARRAY['calves', 'lower-back'], ARRAY['ghr']),
  (271, 'Hip Thrust (Barbell)', 'barbell', ARRAY['glutes'], ARRAY['hamstrings', 'quads'], ARRAY['hip thrusts', 'bb hip thrust']),
  (272, 'Hip Thrust (Machine)', 'machine', ARRAY['glutes'], ARRAY['hamstrings', 'quads'], ARRAY['hip thrust machine']),
  (273, 'Hip Thrust (Smith Machine)', 'smith-machine', ARRAY['glutes'], ARRAY['hamstrings', 'quads'], '{}'::text[]),
  (274, 'Hip Thrust (Dumbbell)', 'dumbbell', ARRAY['glutes'], ARRAY['hamstrings', 'quads'], '{}'::text[]),
  (275, 'Hip Thrust (Bodyweight)', 'bodyweight', ARRAY['glutes'], ARRAY['hamstrings', 'quads'], '{}'::text[]),
  (276, 'Glute Bridge (Barbell)', 'barbell', ARRAY['glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (277, 'Glute Bridge (Bodyweight)', 'bodyweight', ARRAY['glutes'], ARRAY['hamstrings'], ARRAY['bridge']),
  (278, 'Glute Bridge (Dumbbell)', 'dumbbell', ARRAY['glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (279, 'Glute Bridge (Machine)', 'machine', ARRAY['glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (280, 'Single Leg Glute Bridge', 'bodyweight', ARRAY['glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (281, 'Glute Kickback (Cable)', 'cable', ARRAY['glutes'], ARRAY['hamstrings'], ARRAY['cable glute kickback']),
  (282, 'Glute Kickback (Machine)', 'machine', ARRAY['glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (283, 'Glute Kickback (Band)', 'band', ARRAY['glutes'], ARRAY['hamstrings'], '{}'::text[]),
  (284, 'Hip Abduction (Machine)', 'machine', ARRAY['abductors', 'glutes'], '{}'::text[], ARRAY['abductor', 'abductor machine', 'hip abductor', 'hip abductor (machine)']),
  (285, 'Hip Abduction (Cable)', 'cable', ARRAY['abductors', 'glutes'], '{}'::text[], '{}'::text[]),
  (286, 'Hip Abduction (Band)', 'band', ARRAY['abductors', 'glutes'], '{}'::text[], '{}'::text[]),
  (287, 'Hip Adduction (Machine)', 'machine', ARRAY['adductors'], '{}'::text[], ARRAY['adductor', 'adductor machine', 'hip adductor', 'hip adductor (machine)']),
  (288, 'Hip Adduction (Cable)', 'cable', ARRAY['adductors'], '{}'::text[], '{}'::text[]),
  (289, 'Cable Pull Through', 'cable', ARRAY['glutes', 'hamstrings'], ARRAY['lower-back'], ARRAY['pull through', 'pull-through']),
  (290, 'Kettlebell Swing', 'kettlebell', ARRAY['glutes', 'hamstrings'], ARRAY['lower-back', 'shoulders', 'abs', 'forearms'], ARRAY['kb swing', 'swings', 'russian swing']),
  (291, 'Standing Calf Raise (Machine)', 'machine', ARRAY['calves'], '{}'::text[], ARRAY['calf raise', 'calf raises']),
  (292, 'Standing Calf Raise (Smith Machine)', 'smith-machine', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (293, 'Standing Calf Raise (Dumbbell)', 'dumbbell', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (294, 'Standing Calf Raise (Barbell)', 'barbell', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (295, 'Standing Calf Raise (Bodyweight)', 'bodyweight', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (296, 'Seated Calf Raise (Machine)', 'machine', ARRAY['calves'], '{}'::text[], ARRAY['seated calf']),
  (297, 'Seated Calf Raise (Plate Loaded)', 'machine', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (298, 'Seated Calf Raise (Dumbbell)', 'dumbbell', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (299, 'Calf Press (Machine)', 'machine', ARRAY['calves'], '{}'::text[], ARRAY['calf press on leg press']),
  (300, 'Single Leg Calf Raise (Bodyweight)', 'bodyweight', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (301, 'Single Leg Calf Raise (Dumbbell)', 'dumbbell', ARRAY['calves'], '{}'::text[], '{}'::text[]),
  (302, 'Tibialis Raise', 'bodyweight', ARRAY['calves'], '{}'::text[], ARRAY['tib raise']),
  (303, 'Plank', 'bodyweight', ARRAY['abs'], ARRAY['obliques', 'shoulders'], ARRAY['planks']),
  (304, 'Plank (Weighted)', 'bodyweight', ARRAY['abs'], ARRAY['obliques', 'shoulders'], '{}'::text[]),
  (305, 'Side Plank', 'bodyweight', ARRAY['obliques'], ARRAY['abs', 'abductors'], '{}'::text[]),
  (306, 'Crunch', 'bodyweight', ARRAY['abs'], '{}'::text[], ARRAY['crunches']),
  (307, 'Crunch (Machine)', 'machine', ARRAY['abs'], '{}'::text[], ARRAY['ab machine', 'ab crunch machine']),
  (308, 'Crunch (Cable)', 'cable', ARRAY['abs'], '{}'::text[], ARRAY['cable crunch', 'kneeling cable crunch']),
  (309, 'Crunch (Weighted)', 'bodyweight', ARRAY['abs'], '{}'::text[], '{}'::text[]),
  (310, 'Decline Crunch', 'bodyweight', ARRAY['abs'], '{}'::text[], '{}'::text[]),
  (311, 'Decline Crunch (Weighted)', 'bodyweight', ARRAY['abs'], '{}'::text[], '{}'::text[]),
  (312, 'Oblique Crunch', 'bodyweight', ARRAY['obliques'], ARRAY['abs'], '{}'::text[]),
  (313, 'Bicycle Crunch', 'bodyweight', ARRAY['abs', 'obliques'], '{}'::text[], ARRAY['bicycle']),
  (314, 'Sit Up', 'bodyweight', ARRAY['abs'], '{}'::text[], ARRAY['situp', 'sit-up', 'situps']),
  (315, 'Sit Up (Weighted)', 'bodyweight', ARRAY['abs'], '{}'::text[], '{}'::text[]),
  (316, 'Sit Up (Decline)', 'bodyweight', ARRAY['abs'], '{}'::text[], '{}'::text[]),
  (317, 'Hanging Leg Raise', 'bodyweight', ARRAY['abs'], ARRAY['forearms'], ARRAY['hlr', 'hanging leg raises']),
  (318, 'Hanging Knee Raise', 'bodyweight', ARRAY['abs'], ARRAY['forearms'], ARRAY['knee raise', 'knee raises']),
  (319, 'Captains Chair Leg Raise', 'machine', ARRAY['abs'], '{}'::text[], ARRAY['captains chair']),
  (320, 'Lying Leg Raise', 'bodyweight', ARRAY['abs'], '{}'::text[], ARRAY['leg raise', 'leg raises', 'flat leg raise']),
  (321, 'Toes To Bar', 'bodyweight', ARRAY['abs', 'lats'], ARRAY['forearms'], ARRAY['t2b', 'ttb']),
  (322, 'Ab Wheel', 'other', ARRAY['abs'], ARRAY['lats', 'shoulders'], ARRAY['ab roller', 'ab rollout', 'rollout']),
  (323, 'Russian Twist', 'bodyweight', ARRAY['obliques'], ARRAY['abs'], '{}'::text[]),
  (324, 'Russian Twist (Weighted)', 'bodyweight', ARRAY['obliques'], ARRAY['abs'], '{}'::text[]),
  (325, 'Pallof Press (Cable)', 'cable', ARRAY['obliques', 'abs'], '{}'::text[], '{}'::text[]),
  (326, 'Pallof Press (Band)', 'band', ARRAY['obliques', 'abs'], '{}'::text[], '{}'::text[]),
  (327, 'Woodchopper (Cable)', 'cable', ARRAY['obliques'], ARRAY['abs', 'shoulders'], ARRAY['wood chop', 'cable woodchop']),
  (328, 'Woodchopper (Dumbbell)', 'dumbbell', ARRAY['obliques'], ARRAY['abs', 'shoulders'], '{}'::text[]),
  (329, 'Dead Bug', 'bodyweight', ARRAY['abs'], '{}'::text[], '{}'::text[]),
  (330, 'Hollow Body Hold', 'bodyweight', ARRAY['abs'], '{}'::text[], ARRAY['hollow hold']),
  (331, 'L-Sit', 'bodyweight', ARRAY['abs'], ARRAY['triceps', 'quads'], ARRAY['l sit']),
  (332, 'Mountain Climber', 'bodyweight', ARRAY['abs'], ARRAY['shoulders', 'quads'], ARRAY['mountain climbers']),
  (333, 'V Up', 'bodyweight', ARRAY['abs'], '{}'::text[], ARRAY['v-up', 'v ups']),
  (334, 'Dragon Flag', 'bodyweight', ARRAY['abs'], ARRAY['lats'], '{}'::text[]),
  (335, 'Landmine Rotation', 'other', ARRAY['obliques'], ARRAY['abs', 'shoulders'], ARRAY['landmine twist']),
  (336, 'Side Bend (Dumbbell)', 'dumbbell', ARRAY['obliques'], '{}'::text[], '{}'::text[]),
  (337, 'Side Bend (Cable)', 'cable', ARRAY['obliques'], '{}'::text[], '{}'::text[]),
  (338, 'Clean (Barbell)', 'barbell', ARRAY['quads', 'glutes', 'hamstrings'], ARRAY['traps', 'shoulders', 'upper-back'], '{}'::text[]),
  (339, 'Power Clean (Barbell)', 'barbell', ARRAY['quads', 'glutes', 'hamstrings'], ARRAY['traps', 'shoulders', 'upper-back'], ARRAY['pc']),
  (340, 'Hang Clean (Barbell)', 'barbell', ARRAY['quads', 'glutes', 'hamstrings'], ARRAY['traps', 'shoulders'], '{}'::text[]),
  (341, 'Clean and Jerk (Barbell)', 'barbell', ARRAY['quads', 'glutes', 'shoulders'], ARRAY['hamstrings', 'triceps', 'traps'], ARRAY['c&j']),
  (342, 'Clean and Press (Barbell)', 'barbell', ARRAY['shoulders', 'quads', 'glutes'], ARRAY['triceps', 'traps'], '{}'::text[]),
  (343, 'Clean and Press (Dumbbell)', 'dumbbell', ARRAY['shoulders', 'quads', 'glutes'], ARRAY['triceps', 'traps'], '{}'::text[]),
  (344, 'Clean and Press (Kettlebell)', 'kettlebell', ARRAY['shoulders', 'quads', 'glutes'], ARRAY['triceps', 'traps'], '{}'::text[]),
  (345, 'Snatch (Barbell)', 'barbell', ARRAY['quads', 'glutes', 'shoulders'], ARRAY['hamstrings', 'traps', 'upper-back'], '{}'::text[]),
  (346, 'Snatch (Dumbbell)', 'dumbbell', ARRAY['quads', 'glutes', 'shoulders'], ARRAY['hamstrings', 'traps', 'upper-back'], '{}'::text[]),
  (347, 'Snatch (Kettlebell)', 'kettlebell', ARRAY['quads', 'glutes', 'shoulders'], ARRAY['hamstrings', 'traps', 'upper-back'], ARRAY['kb snatch']),
  (348, 'Power Snatch (Barbell)', 'barbell', ARRAY['quads', 'glutes', 'shoulders'], ARRAY['hamstrings', 'traps'], '{}'::text[]),
  (349, 'Thruster (Barbell)', 'barbell', ARRAY['quads', 'shoulders', 'glutes'], ARRAY['triceps', 'abs'], '{}'::text[]),
  (350, 'Thruster (Dumbbell)', 'dumbbell', ARRAY['quads', 'shoulders', 'glutes'], ARRAY['triceps', 'abs'], '{}'::text[]),
  (351, 'Thruster (Kettlebell)', 'kettlebell', ARRAY['quads', 'shoulders', 'glutes'], ARRAY['triceps', 'abs'], '{}'::text[]),
  (352, 'Turkish Get Up', 'kettlebell', ARRAY['shoulders', 'abs'], ARRAY['glutes', 'obliques'], ARRAY['tgu', 'get up']),
  (353, 'Kettlebell Windmill', 'kettlebell', ARRAY['obliques', 'shoulders'], ARRAY['hamstrings'], ARRAY['windmill']),
  (354, 'Burpee', 'bodyweight', ARRAY['quads', 'chest'], ARRAY['shoulders', 'abs'], ARRAY['burpees']),
  (355, 'Box Jump', 'bodyweight', ARRAY['quads', 'glutes'], ARRAY['calves'], ARRAY['box jumps']),
  (356, 'Ball Slam', 'other', ARRAY['abs', 'shoulders', 'lats'], ARRAY['glutes'], ARRAY['ball slams', 'slam ball']),
  (357, 'Wall Ball', 'other', ARRAY['quads', 'shoulders'], ARRAY['glutes'], ARRAY['wall balls']),
  (358, 'Sled Push', 'other', ARRAY['quads', 'glutes'], ARRAY['calves', 'shoulders'], '{}'::text[]),
  (359, 'Battle Ropes', 'other', ARRAY['shoulders'], ARRAY['abs', 'forearms'], '{}'::text[]),
  (360, 'Neck Curl', 'other', ARRAY['neck'], '{}'::text[], ARRAY['neck flexion']),
  (361, 'Neck Extension', 'other', ARRAY['neck'], ARRAY['traps'], '{}'::text[]);
-- END catalog rows

-- 3. An exercise from before the catalog named like an entry (case-insensitively) becomes
--    that entry: it keeps its id, so its sets and records stay where they are, and takes
--    the catalog's spelling. The other entries are added.
UPDATE exercise e
SET name = c.name, equipment = c.equipment, primary_muscles = c.primary_muscles, secondary_muscles = c.secondary_muscles
FROM catalog_entry c
WHERE lower(e.name) = lower(c.name);

INSERT INTO exercise (name, equipment, primary_muscles, secondary_muscles)
SELECT c.name, c.equipment, c.primary_muscles, c.secondary_muscles
FROM catalog_entry c
WHERE NOT EXISTS (SELECT 1 FROM exercise e WHERE lower(e.name) = lower(c.name))
ORDER BY c.position;

-- 4. Any other exercise from before the catalog: one user's sets or records alone use it,
--    so it becomes that user's own (renamable, aliasable). One that several users share,
--    or none uses, stays shared, as it was; its ids never change.
UPDATE exercise e
SET user_id = single.user_id
FROM (
  SELECT used.exercise_id, min(used.user_id) AS user_id
  FROM (SELECT exercise_id, user_id FROM workout_log UNION SELECT exercise_id, user_id FROM personal_record) used
  GROUP BY used.exercise_id
  HAVING count(DISTINCT used.user_id) = 1
) single
WHERE e.id = single.exercise_id
  AND NOT EXISTS (SELECT 1 FROM catalog_entry c WHERE lower(c.name) = lower(e.name));

-- 5. Names are unique among the shared ones and among each user's own (a user's name can
--    never be created equal to a shared one: the CLI creates only a name that does not
--    resolve). "Two set adds of one new name at once" end in one row: the second insert
--    meets the first's index entry (ON CONFLICT DO NOTHING) and reads it.
DROP INDEX exercise_name_key;
CREATE UNIQUE INDEX exercise_shared_name ON exercise (lower(name)) WHERE user_id IS NULL;
CREATE UNIQUE INDEX exercise_user_name ON exercise (user_id, lower(name)) WHERE user_id IS NOT NULL;

-- 6. Aliases: other names of an exercise (`bench`, `ohp`, `rdl`). The catalog's are
--    shared; a user's point at a shared exercise or at one of the user's own.
CREATE TABLE exercise_alias (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  exercise_id  bigint NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  user_id      bigint REFERENCES app_user (id),
  alias        text NOT NULL CONSTRAINT exercise_alias_clean CHECK (workout_clean_name(alias)),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX exercise_alias_shared ON exercise_alias (lower(alias)) WHERE user_id IS NULL;
CREATE UNIQUE INDEX exercise_alias_user ON exercise_alias (user_id, lower(alias)) WHERE user_id IS NOT NULL;
CREATE INDEX exercise_alias_exercise ON exercise_alias (exercise_id);

INSERT INTO exercise_alias (exercise_id, alias)
SELECT e.id, a.alias
FROM catalog_entry c
CROSS JOIN LATERAL unnest(c.aliases) WITH ORDINALITY AS a (alias, n)
JOIN exercise e ON e.user_id IS NULL AND lower(e.name) = lower(c.name)
ORDER BY c.position, a.n;

-- 7. Row-level security (on with `workout db migrate --enable-rls`): every role reads the
--    shared exercises and aliases; it reads, adds, renames and removes only its own.
DROP POLICY workout_read_exercises ON exercise;
DROP POLICY workout_add_exercises ON exercise;
CREATE POLICY workout_shared_exercises ON exercise FOR SELECT USING (user_id IS NULL);
CREATE POLICY workout_own_exercises ON exercise
  USING (user_id = (SELECT workout_current_user_id()))
  WITH CHECK (user_id = (SELECT workout_current_user_id()));
CREATE POLICY workout_shared_aliases ON exercise_alias FOR SELECT USING (user_id IS NULL);
CREATE POLICY workout_own_aliases ON exercise_alias
  USING (user_id = (SELECT workout_current_user_id()))
  WITH CHECK (user_id = (SELECT workout_current_user_id()));

--    A database with row-level security on keeps it on for the new table, and the roles
--    that could read or add exercises may now do the same with aliases (and rename their
--    own exercises), so they keep working without an operator's step.
DO $$
DECLARE
  grantee text;
BEGIN
  IF (SELECT relrowsecurity FROM pg_class WHERE oid = 'exercise'::regclass) THEN
    ALTER TABLE exercise_alias ENABLE ROW LEVEL SECURITY;
  END IF;
  FOR grantee IN
    SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
    WHERE g.table_schema = current_schema() AND g.table_name = 'exercise' AND g.privilege_type = 'SELECT'
      AND g.grantee <> current_user
  LOOP
    EXECUTE format('GRANT SELECT ON exercise_alias TO %I', grantee);
  END LOOP;
  FOR grantee IN
    SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
    WHERE g.table_schema = current_schema() AND g.table_name = 'exercise' AND g.privilege_type = 'INSERT'
      AND g.grantee <> current_user
  LOOP
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON exercise_alias TO %I', grantee);
    EXECUTE format('GRANT UPDATE ON exercise TO %I', grantee);
  END LOOP;
END
$$;
