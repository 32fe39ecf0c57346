import type { WrittenSet } from './setList.js';
import { canonicalDecimal } from './setNotation.js';
import type { Unit } from './units.js';

/**
 * One set of a command as `set add`'s statement adds it up. Its weight in kilograms is
 * (the last working set's weight, when `from_last`) + `kg` + `lb` in kilograms + `in_last_unit`
 * in the last set's unit: the database does that sum exactly, and only it knows the last set.
 * A null unit, bodyweight or reps is the last set's.
 */
export type SetToLog = {
  /** 1, 2, …: the order within the command, and what the set number is counted up by. */
  ord: number;
  from_last: boolean;
  /** Exact decimal text, negative where a relative weight took some off. */
  kg: string;
  lb: string;
  in_last_unit: string;
  unit: Unit | null;
  bodyweight: boolean | null;
  reps: number | null;
};

/** Amounts in thousandths (weights have at most 3 decimals), so that sums stay exact. */
type Chain = Omit<SetToLog, 'ord' | 'kg' | 'lb' | 'in_last_unit'> & { kg: number; lb: number; inLastUnit: number };

const LAST_WORKING_SET: Chain = {
  from_last: true,
  kg: 0,
  lb: 0,
  inLastUnit: 0,
  unit: null,
  bodyweight: null,
  reps: null,
};

function thousandths(text: string): number {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const amount = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return negative ? -amount : amount;
}

function decimalText(amount: number): string {
  const size = Math.abs(amount);
  const text = canonicalDecimal(`${Math.floor(size / 1000)}.${String(size % 1000).padStart(3, '0')}`);
  return amount < 0 ? `-${text}` : text;
}

function follow(before: Chain, set: WrittenSet, defaultUnit: Unit): Chain {
  switch (set.kind) {
    case 'same':
      return before;
    case 'absolute': {
      const unit = set.unit ?? defaultUnit;
      const amount = thousandths(set.weight);
      return {
        from_last: false,
        kg: unit === 'kg' ? amount : 0,
        lb: unit === 'lb' ? amount : 0,
        inLastUnit: 0,
        unit,
        bodyweight: set.bodyweight,
        reps: set.reps,
      };
    }
    case 'relative': {
      // In the unit written, else in the unit of the set it follows (the last set's: null).
      const unit = set.unit ?? before.unit;
      const change = thousandths(set.change);
      return {
        ...before,
        kg: before.kg + (unit === 'kg' ? change : 0),
        lb: before.lb + (unit === 'lb' ? change : 0),
        inLastUnit: before.inLastUnit + (unit === null ? change : 0),
        unit,
        reps: set.reps,
      };
    }
  }
}

/**
 * The sets of one command, each relative form against the set before it: the previous
 * set of the command, or for the first ones the exercise's last working set. A weight
 * written without a unit is in `defaultUnit` (the user's).
 */
export function resolveSets(written: readonly WrittenSet[], defaultUnit: Unit): SetToLog[] {
  let before = LAST_WORKING_SET;
  return written.map((set, index) => {
    before = follow(before, set, defaultUnit);
    const { kg, lb, inLastUnit, ...rest } = before;
    return { ord: index + 1, ...rest, kg: decimalText(kg), lb: decimalText(lb), in_last_unit: decimalText(inLastUnit) };
  });
}
