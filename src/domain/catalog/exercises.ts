import { EQUIPMENT, type Equipment, MUSCLES, type Muscle } from './muscles.js';

/**
 * The exercise catalog, written for workout from common gym knowledge. Names follow the
 * way Strong and Hevy exports write them ("Bench Press (Barbell)", "Pull Up"), so an
 * import lands on these entries. Migration 011 loads this list (its INSERTs are generated
 * from it by scripts/catalogSql.ts and committed; a unit test keeps the two equal).
 *
 * A movement is written once with the equipment it is done with:
 *   [name, primary muscles, secondary muscles, variants]
 * variants: `Label: alias, alias | Label | …`; each gives the entry "Name (Label)" with the
 * label's equipment. `-` gives the plain name (bodyweight), `-machine` the plain name with
 * that equipment. Aliases are short forms people type (`bench`, `ohp`, `rdl`); a plain
 * movement name ("Squat", "Deadlift", "Row") is never an alias: typed in full, it is a
 * name of the user's own, and the CLI suggests the catalog entry.
 */
// biome-ignore format: one movement per line reads as a table
const MOVEMENTS: readonly [string, string, string, string][] = [
  // Chest
  [
    'Bench Press',
    'chest',
    'triceps shoulders',
    'Barbell: bench, bb bench, flat bench, barbell bench press, bp | Dumbbell: db bench, dumbbell bench press, db bench press | Smith Machine: smith bench | Cable',
  ],
  ['Bench Press - Close Grip', 'triceps chest', 'shoulders', 'Barbell: cgbp, close grip bench | Smith Machine'],
  ['Bench Press - Wide Grip', 'chest', 'triceps shoulders', 'Barbell: wide grip bench'],
  [
    'Incline Bench Press',
    'chest',
    'shoulders triceps',
    'Barbell: incline bb bench | Dumbbell: incline db bench, incline db press | Smith Machine: smith incline',
  ],
  ['Decline Bench Press', 'chest', 'triceps shoulders', 'Barbell: decline bench | Dumbbell: decline db bench | Smith Machine'],
  ['Floor Press', 'chest triceps', 'shoulders', 'Barbell | Dumbbell'],
  ['Chest Press', 'chest', 'triceps shoulders', 'Machine: chest press machine | Band'],
  ['Incline Chest Press', 'chest', 'shoulders triceps', 'Machine'],
  ['Chest Fly', 'chest', 'shoulders', 'Dumbbell: db fly, dumbbell fly | Machine | Band'],
  ['Incline Chest Fly', 'chest', 'shoulders', 'Dumbbell: incline db fly'],
  ['Cable Crossover', 'chest', 'shoulders', '-cable: cable fly, cable crossovers'],
  ['Low Cable Fly', 'chest', 'shoulders', '-cable: low to high cable fly'],
  ['Butterfly (Pec Deck)', 'chest', 'shoulders', '-machine: pec deck, pec deck (machine), pec fly machine'],
  ['Push Up', 'chest', 'triceps shoulders abs', '-: pushup, push-up, pushups | Knees: knee push up'],
  ['Incline Push Up', 'chest', 'triceps shoulders', '-'],
  ['Decline Push Up', 'chest shoulders', 'triceps', '-'],
  ['Diamond Push Up', 'triceps chest', 'shoulders', '-'],
  ['Pike Push Up', 'shoulders', 'triceps chest', '-'],
  ['Chest Dip', 'chest triceps', 'shoulders', '- | Assisted: assisted dip | Weighted: weighted dip'],
  ['Pullover', 'lats chest', 'triceps', 'Dumbbell: db pullover | Machine | Cable'],
  ['Svend Press', 'chest', 'shoulders', '-other'],
  // Shoulders
  [
    'Overhead Press',
    'shoulders',
    'triceps traps',
    'Barbell: ohp, press, military press, bb ohp | Dumbbell: db ohp, db shoulder press, shoulder press (dumbbell) | Smith Machine: smith ohp | Kettlebell | Cable',
  ],
  ['Seated Overhead Press', 'shoulders', 'triceps', 'Barbell | Dumbbell: seated db press'],
  ['Strict Military Press', 'shoulders', 'triceps traps', 'Barbell'],
  ['Push Press', 'shoulders', 'triceps quads glutes', 'Barbell | Dumbbell'],
  ['Shoulder Press', 'shoulders', 'triceps', 'Machine: shoulder press machine | Plate Loaded'],
  ['Arnold Press', 'shoulders', 'triceps', 'Dumbbell: arnold'],
  ['Landmine Shoulder Press', 'shoulders chest', 'triceps', '-other'],
  ['Lateral Raise', 'shoulders', 'traps', 'Dumbbell: lat raise, side raise, db lateral raise | Cable: cable lateral | Machine | Band'],
  ['Seated Lateral Raise', 'shoulders', 'traps', 'Dumbbell'],
  ['Front Raise', 'shoulders', 'chest', 'Dumbbell | Barbell | Cable | Plate'],
  ['Reverse Fly', 'upper-back shoulders', 'traps', 'Dumbbell: rear delt fly, db reverse fly | Cable | Machine: rear delt machine'],
  ['Face Pull', 'shoulders upper-back', 'traps', 'Cable: face pulls, facepull | Band'],
  ['Upright Row', 'shoulders traps', 'biceps', 'Barbell | Dumbbell | Cable'],
  ['Shrug', 'traps', 'forearms', 'Barbell: bb shrug | Dumbbell: db shrug | Machine | Smith Machine | Trap Bar'],
  ['Y Raise', 'shoulders upper-back', 'traps', 'Dumbbell | Cable'],
  ['External Rotation', 'shoulders', 'upper-back', 'Cable | Dumbbell | Band'],
  ['Handstand Push Up', 'shoulders', 'triceps traps', '-: hspu'],
  // Back
  ['Deadlift', 'hamstrings glutes lower-back', 'quads traps forearms', 'Barbell: dl, bb deadlift, conventional deadlift | Dumbbell | Trap Bar: trap bar deadlift, hex bar deadlift | Smith Machine'],
  ['Sumo Deadlift', 'glutes hamstrings adductors', 'quads lower-back traps', 'Barbell: sumo, sumo dl'],
  ['Romanian Deadlift', 'hamstrings glutes', 'lower-back forearms', 'Barbell: rdl, bb rdl | Dumbbell: db rdl | Smith Machine | Kettlebell'],
  ['Stiff Leg Deadlift', 'hamstrings glutes', 'lower-back', 'Barbell: sldl | Dumbbell'],
  ['Single Leg Deadlift', 'hamstrings glutes', 'lower-back abductors', 'Dumbbell | Kettlebell | Barbell'],
  ['Deficit Deadlift', 'hamstrings glutes lower-back', 'quads traps', 'Barbell'],
  ['Rack Pull', 'lower-back glutes traps', 'hamstrings forearms', 'Barbell'],
  ['Good Morning', 'hamstrings lower-back', 'glutes', 'Barbell'],
  ['Bent Over Row', 'upper-back lats', 'biceps lower-back', 'Barbell: bb row, barbell row | Dumbbell: db row | Smith Machine | Cable'],
  ['Bent Over One Arm Row', 'lats upper-back', 'biceps', 'Dumbbell: one arm row, single arm db row, one arm db row'],
  ['Pendlay Row', 'upper-back lats', 'biceps lower-back', 'Barbell: pendlay'],
  ['Yates Row', 'upper-back lats', 'biceps', 'Barbell'],
  ['Incline Row', 'upper-back lats', 'biceps', 'Dumbbell: chest supported row, chest supported db row'],
  ['T Bar Row', 'upper-back lats', 'biceps lower-back', '-other: t-bar row, tbar row, t bar | Machine'],
  ['Seal Row', 'upper-back lats', 'biceps', 'Barbell | Dumbbell'],
  ['Seated Row', 'upper-back lats', 'biceps', 'Cable: cable row, seated cable row, low row | Machine: row machine, seated row machine'],
  ['Seated Row - V Grip', 'upper-back lats', 'biceps', 'Cable: v grip row'],
  ['Seated Row - Wide Grip', 'upper-back lats', 'biceps shoulders', 'Cable: wide grip cable row'],
  ['Iso-Lateral Row', 'upper-back lats', 'biceps', 'Machine: hammer strength row'],
  ['High Row', 'upper-back lats', 'biceps', 'Machine | Cable'],
  ['Single Arm Row', 'lats upper-back', 'biceps', 'Cable | Machine'],
  ['Inverted Row', 'upper-back lats', 'biceps abs', 'Bodyweight: body row, australian pull up | Rings: ring row | Suspension: trx row'],
  ['Renegade Row', 'upper-back lats', 'abs biceps', 'Dumbbell'],
  ['Lat Pulldown', 'lats', 'biceps upper-back', 'Cable: pulldown, lat pull down | Machine | Band | Single Arm: single arm pulldown'],
  ['Lat Pulldown - Close Grip', 'lats', 'biceps upper-back', 'Cable: close grip pulldown'],
  ['Lat Pulldown - Wide Grip', 'lats', 'biceps upper-back', 'Cable: wide grip pulldown'],
  ['Lat Pulldown - Underhand', 'lats biceps', 'upper-back', 'Cable: underhand pulldown, reverse grip pulldown'],
  ['Straight Arm Pulldown', 'lats', 'triceps', 'Cable: straight arm pushdown, stiff arm pulldown | Band'],
  ['Pull Up', 'lats', 'biceps upper-back', '- : pullup, pull-up, pullups | Assisted: assisted pull up, assisted pullup | Weighted: weighted pull up, weighted pullup | Band: band pull up | Neutral Grip: neutral grip pull up'],
  ['Wide Pull Up', 'lats', 'biceps upper-back', '-: wide grip pull up'],
  ['Chin Up', 'lats biceps', 'upper-back', '-: chinup, chin-up, chinups | Assisted: assisted chin up | Weighted: weighted chin up'],
  ['Muscle Up', 'lats chest triceps', 'biceps abs', '-: muscleup | Rings: ring muscle up'],
  ['Back Extension', 'lower-back glutes', 'hamstrings', '-: hyperextension, hyper, back raise | Machine | Weighted'],
  ['Reverse Hyperextension', 'glutes lower-back', 'hamstrings', '-machine: reverse hyper'],
  ['Superman', 'lower-back', 'glutes', '-'],
  ['Dead Hang', 'forearms', 'lats', '-: hang'],
  // Arms
  ['Bicep Curl', 'biceps', 'forearms', 'Barbell: bb curl, barbell curl | Dumbbell: db curl, dumbbell curl, curls | Cable: cable curl | Machine: machine curl | EZ Bar: ez curl, ez bar curl | Band'],
  ['Hammer Curl', 'biceps forearms', '', 'Dumbbell: hammers, db hammer curl | Cable: rope hammer curl | Band'],
  ['Cross Body Hammer Curl', 'biceps forearms', '', 'Dumbbell'],
  ['Preacher Curl', 'biceps', 'forearms', 'Barbell | Dumbbell | Machine: preacher curl machine | EZ Bar: ez preacher curl | Cable'],
  ['Incline Curl', 'biceps', 'forearms', 'Dumbbell: incline db curl'],
  ['Concentration Curl', 'biceps', 'forearms', 'Dumbbell'],
  ['Spider Curl', 'biceps', 'forearms', 'Dumbbell | Barbell | EZ Bar'],
  ['Drag Curl', 'biceps', 'forearms', 'Barbell'],
  ['Bayesian Curl', 'biceps', 'forearms', 'Cable: bayesian'],
  ['Reverse Curl', 'forearms biceps', '', 'Barbell | Dumbbell | Cable | EZ Bar'],
  ['Zottman Curl', 'biceps forearms', '', 'Dumbbell'],
  ['21s Bicep Curl', 'biceps', 'forearms', 'Barbell'],
  ['Wrist Curl', 'forearms', '', 'Barbell | Dumbbell | Cable'],
  ['Reverse Wrist Curl', 'forearms', '', 'Barbell | Dumbbell'],
  ['Wrist Roller', 'forearms', 'shoulders', '-other'],
  ['Farmers Walk', 'forearms traps', 'abs glutes', 'Dumbbell: farmers carry, farmer walk, farmers carries | Kettlebell | Trap Bar'],
  ['Plate Pinch', 'forearms', '', '-other'],
  ['Triceps Pushdown', 'triceps', '', 'Cable: pushdown, tricep pushdown, cable pushdown | Cable - Straight Bar: straight bar pushdown | Rope: rope pushdown, tricep rope pushdown, triceps rope pushdown | Cable - V Bar: v bar pushdown | Band'],
  ['Triceps Extension', 'triceps', '', 'Dumbbell: db tricep extension | Cable: cable tricep extension | Machine: tricep extension machine | Barbell | EZ Bar'],
  ['Overhead Triceps Extension', 'triceps', '', 'Cable: overhead cable extension | Dumbbell: overhead db extension | Rope: overhead rope extension | EZ Bar'],
  ['Skullcrusher', 'triceps', '', 'Barbell: skull crusher, skullcrushers, lying tricep extension | Dumbbell | EZ Bar: ez skullcrusher'],
  ['Triceps Kickback', 'triceps', '', 'Dumbbell: kickback, tricep kickback | Cable: cable kickback'],
  ['Triceps Dip', 'triceps', 'chest shoulders', '-: dips, tricep dip | Assisted: assisted tricep dip | Weighted | Machine: dip machine'],
  ['Bench Dip', 'triceps', 'chest shoulders', '-: bench dips'],
  ['JM Press', 'triceps', 'chest', 'Barbell | Smith Machine'],
  // Legs
  ['Squat', 'quads glutes', 'hamstrings adductors lower-back', 'Barbell: back squat, bb squat, high bar squat | Dumbbell: db squat | Smith Machine: smith squat | Bodyweight: air squat, bodyweight squat | Kettlebell'],
  ['Low Bar Squat', 'quads glutes', 'hamstrings adductors lower-back', 'Barbell: low bar'],
  ['Front Squat', 'quads', 'glutes abs upper-back', 'Barbell: fsq, bb front squat | Dumbbell | Kettlebell'],
  ['Pause Squat', 'quads glutes', 'hamstrings adductors', 'Barbell'],
  ['Box Squat', 'quads glutes', 'hamstrings adductors', 'Barbell'],
  ['Overhead Squat', 'quads glutes shoulders', 'abs upper-back', 'Barbell: ohs'],
  ['Goblet Squat', 'quads glutes', 'adductors abs', 'Kettlebell: kb goblet squat | Dumbbell: db goblet squat'],
  ['Hack Squat', 'quads', 'glutes', 'Machine: hack squat machine | Barbell'],
  ['Pendulum Squat', 'quads', 'glutes', '-machine'],
  ['Belt Squat', 'quads glutes', 'adductors', '-machine'],
  ['Sissy Squat', 'quads', '', '-'],
  ['Pistol Squat', 'quads glutes', 'abs', '-: pistol'],
  ['Jump Squat', 'quads glutes', 'calves', '- | Barbell | Dumbbell'],
  ['Split Squat', 'quads glutes', 'hamstrings adductors', 'Dumbbell | Barbell | Bodyweight | Smith Machine'],
  ['Bulgarian Split Squat', 'quads glutes', 'hamstrings adductors', 'Dumbbell: bss, bulgarian | Barbell | Bodyweight | Smith Machine'],
  ['Lunge', 'quads glutes', 'hamstrings adductors', 'Dumbbell: lunges, db lunge | Barbell | Bodyweight | Kettlebell'],
  ['Walking Lunge', 'quads glutes', 'hamstrings adductors', 'Dumbbell | Barbell | Bodyweight'],
  ['Reverse Lunge', 'quads glutes', 'hamstrings', 'Dumbbell | Barbell | Bodyweight'],
  ['Lateral Lunge', 'adductors quads glutes', '', 'Dumbbell | Bodyweight: side lunge'],
  ['Step Up', 'quads glutes', 'hamstrings', 'Dumbbell: step-up, step ups | Barbell | Bodyweight'],
  ['Leg Press', 'quads glutes', 'hamstrings adductors', 'Machine: leg press machine, lp | Single Leg'],
  ['Horizontal Leg Press', 'quads glutes', 'hamstrings', 'Machine: seated leg press'],
  ['Leg Extension', 'quads', '', 'Machine: leg extensions, quad extension, leg ext | Band'],
  ['Lying Leg Curl', 'hamstrings', 'calves', 'Machine: leg curl, lying curl, hamstring curl'],
  ['Seated Leg Curl', 'hamstrings', 'calves', 'Machine: seated curl, seated hamstring curl'],
  ['Standing Leg Curl', 'hamstrings', 'calves', 'Machine | Cable | Band'],
  ['Nordic Hamstring Curl', 'hamstrings', 'calves', '-: nordic, nordics, nordic curl'],
  ['Glute Ham Raise', 'hamstrings glutes', 'calves lower-back', '-machine: ghr'],
  ['Hip Thrust', 'glutes', 'hamstrings quads', 'Barbell: hip thrusts, bb hip thrust | Machine: hip thrust machine | Smith Machine | Dumbbell | Bodyweight'],
  ['Glute Bridge', 'glutes', 'hamstrings', 'Barbell | Bodyweight: bridge | Dumbbell | Machine'],
  ['Single Leg Glute Bridge', 'glutes', 'hamstrings', '-'],
  ['Glute Kickback', 'glutes', 'hamstrings', 'Cable: cable glute kickback | Machine | Band'],
  ['Hip Abduction', 'abductors glutes', '', 'Machine: abductor, abductor machine, hip abductor, hip abductor (machine) | Cable | Band'],
  ['Hip Adduction', 'adductors', '', 'Machine: adductor, adductor machine, hip adductor, hip adductor (machine) | Cable'],
  ['Cable Pull Through', 'glutes hamstrings', 'lower-back', '-cable: pull through, pull-through'],
  ['Kettlebell Swing', 'glutes hamstrings', 'lower-back shoulders abs forearms', '-kettlebell: kb swing, swings, russian swing'],
  ['Standing Calf Raise', 'calves', '', 'Machine: calf raise, calf raises | Smith Machine | Dumbbell | Barbell | Bodyweight'],
  ['Seated Calf Raise', 'calves', '', 'Machine: seated calf | Plate Loaded | Dumbbell'],
  ['Calf Press', 'calves', '', 'Machine: calf press on leg press'],
  ['Single Leg Calf Raise', 'calves', '', 'Bodyweight | Dumbbell'],
  ['Tibialis Raise', 'calves', '', '-: tib raise'],
  // Core
  ['Plank', 'abs', 'obliques shoulders', '-: planks | Weighted'],
  ['Side Plank', 'obliques', 'abs abductors', '-'],
  ['Crunch', 'abs', '', '-: crunches | Machine: ab machine, ab crunch machine | Cable: cable crunch, kneeling cable crunch | Weighted'],
  ['Decline Crunch', 'abs', '', '- | Weighted'],
  ['Oblique Crunch', 'obliques', 'abs', '-'],
  ['Bicycle Crunch', 'abs obliques', '', '-: bicycle'],
  ['Sit Up', 'abs', '', '-: situp, sit-up, situps | Weighted | Decline'],
  ['Hanging Leg Raise', 'abs', 'forearms', '-: hlr, hanging leg raises'],
  ['Hanging Knee Raise', 'abs', 'forearms', '-: knee raise, knee raises'],
  ['Captains Chair Leg Raise', 'abs', '', '-machine: captains chair'],
  ['Lying Leg Raise', 'abs', '', '-: leg raise, leg raises, flat leg raise'],
  ['Toes To Bar', 'abs lats', 'forearms', '-: t2b, ttb'],
  ['Ab Wheel', 'abs', 'lats shoulders', '-other: ab roller, ab rollout, rollout'],
  ['Russian Twist', 'obliques', 'abs', '- | Weighted'],
  ['Pallof Press', 'obliques abs', '', 'Cable | Band'],
  ['Woodchopper', 'obliques', 'abs shoulders', 'Cable: wood chop, cable woodchop | Dumbbell'],
  ['Dead Bug', 'abs', '', '-'],
  ['Hollow Body Hold', 'abs', '', '-: hollow hold'],
  ['L-Sit', 'abs', 'triceps quads', '-: l sit'],
  ['Mountain Climber', 'abs', 'shoulders quads', '-: mountain climbers'],
  ['V Up', 'abs', '', '-: v-up, v ups'],
  ['Dragon Flag', 'abs', 'lats', '-'],
  ['Landmine Rotation', 'obliques', 'abs shoulders', '-other: landmine twist'],
  ['Side Bend', 'obliques', '', 'Dumbbell | Cable'],
  // Olympic lifts and whole body
  ['Clean', 'quads glutes hamstrings', 'traps shoulders upper-back', 'Barbell'],
  ['Power Clean', 'quads glutes hamstrings', 'traps shoulders upper-back', 'Barbell: pc'],
  ['Hang Clean', 'quads glutes hamstrings', 'traps shoulders', 'Barbell'],
  ['Clean and Jerk', 'quads glutes shoulders', 'hamstrings triceps traps', 'Barbell: c&j'],
  ['Clean and Press', 'shoulders quads glutes', 'triceps traps', 'Barbell | Dumbbell | Kettlebell'],
  ['Snatch', 'quads glutes shoulders', 'hamstrings traps upper-back', 'Barbell | Dumbbell | Kettlebell: kb snatch'],
  ['Power Snatch', 'quads glutes shoulders', 'hamstrings traps', 'Barbell'],
  ['Thruster', 'quads shoulders glutes', 'triceps abs', 'Barbell | Dumbbell | Kettlebell'],
  ['Turkish Get Up', 'shoulders abs', 'glutes obliques', '-kettlebell: tgu, get up'],
  ['Kettlebell Windmill', 'obliques shoulders', 'hamstrings', '-kettlebell: windmill'],
  ['Burpee', 'quads chest', 'shoulders abs', '-: burpees'],
  ['Box Jump', 'quads glutes', 'calves', '-: box jumps'],
  ['Ball Slam', 'abs shoulders lats', 'glutes', '-other: ball slams, slam ball'],
  ['Wall Ball', 'quads shoulders', 'glutes', '-other: wall balls'],
  ['Sled Push', 'quads glutes', 'calves shoulders', '-other'],
  ['Battle Ropes', 'shoulders', 'abs forearms', '-other'],
  // Neck
  ['Neck Curl', 'neck', '', '-other: neck flexion'],
  ['Neck Extension', 'neck', 'traps', '-other'],
];

/** The equipment of a variant label; labels not here are ways of doing the movement (Assisted, Weighted, …). */
const LABEL_EQUIPMENT: Record<string, Equipment> = {
  Barbell: 'barbell',
  Dumbbell: 'dumbbell',
  Machine: 'machine',
  'Plate Loaded': 'machine',
  Assisted: 'machine',
  Cable: 'cable',
  'Cable - Straight Bar': 'cable',
  'Cable - V Bar': 'cable',
  Rope: 'cable',
  'Single Arm': 'cable',
  'Smith Machine': 'smith-machine',
  Kettlebell: 'kettlebell',
  'EZ Bar': 'ez-bar',
  Band: 'band',
  'Trap Bar': 'trap-bar',
  Plate: 'other',
  Rings: 'other',
  Suspension: 'other',
  Bodyweight: 'bodyweight',
  Weighted: 'bodyweight',
  Knees: 'bodyweight',
  'Neutral Grip': 'bodyweight',
  Decline: 'bodyweight',
  'Single Leg': 'machine',
};

export type CatalogEntry = {
  name: string;
  equipment: Equipment;
  primary: Muscle[];
  secondary: Muscle[];
  aliases: string[];
};

function muscles(list: string): Muscle[] {
  return list
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => {
      if (!(MUSCLES as readonly string[]).includes(word)) throw new Error(`catalog: unknown muscle ${word}`);
      return word as Muscle;
    });
}

function variant(base: string, text: string, primary: Muscle[], secondary: Muscle[]): CatalogEntry {
  const [label = '', aliasText = ''] = text.split(':').map((part) => part.trim());
  const aliases = aliasText
    .split(',')
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
  if (label.startsWith('-')) {
    const equipment = (label.slice(1) || 'bodyweight') as Equipment;
    if (!EQUIPMENT.includes(equipment)) throw new Error(`catalog: unknown equipment ${equipment}`);
    return { name: base, equipment, primary, secondary, aliases };
  }
  const equipment = LABEL_EQUIPMENT[label];
  if (equipment === undefined) throw new Error(`catalog: unknown variant ${label} of ${base}`);
  // A name that already carries its own parentheses keeps them: "Butterfly (Pec Deck)".
  return { name: `${base} (${label})`, equipment, primary, secondary, aliases };
}

/** Every catalog entry, in the order written above. */
export const CATALOG: readonly CatalogEntry[] = MOVEMENTS.flatMap(([base, primary, secondary, variants]) =>
  variants.split('|').map((text) => variant(base, text, muscles(primary), muscles(secondary))),
);
