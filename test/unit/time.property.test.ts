import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FUTURE_LIMIT_MINUTES, notInFuture, parseTimestamp, parseTypedTime } from '../../src/domain/time.js';
import { hostileText, outcome } from '../helpers/properties.js';

const FIELD = '--at';
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Instants whose wall time stays within 1900–2200 under any offset up to ±14 h. */
const instant = fc.date({
  min: new Date('1900-01-02T00:00:00Z'),
  max: new Date('2200-12-30T00:00:00Z'),
  noInvalidDate: true,
});
const precision = fc.constantFrom('day', 'minute', 'second', 'ms', 'us');
type Precision = 'day' | 'minute' | 'second' | 'ms' | 'us';

/** The wall-clock fields of `ms` (an instant shifted by the offset), written at `precision`. */
function wallText(ms: number, level: Precision, separator: string): { text: string; truncated: number } {
  const d = new Date(ms);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (level === 'day') return { text: day, truncated: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) };
  const minute = `${day}${separator}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const floor = (unit: number) => Math.floor(ms / unit) * unit;
  if (level === 'minute') return { text: minute, truncated: floor(60_000) };
  const second = `${minute}:${pad(d.getUTCSeconds())}`;
  if (level === 'second') return { text: second, truncated: floor(1000) };
  const millis = pad(d.getUTCMilliseconds(), 3);
  return level === 'ms'
    ? { text: `${second}.${millis}`, truncated: ms }
    : { text: `${second}.${millis}000`, truncated: ms };
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** `utcMs` as the wall time `zone` shows, to the second, as parseTimestamp reads it. */
function inZone(utcMs: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

// Zones with odd offsets, seconds in historic offsets (Monrovia until 1972),
// half-hour DST (Lord Howe) and negative DST (Dublin).
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Monrovia',
  'Europe/Dublin',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
];

describe('dates (property-based)', () => {
  test('an instant written with an offset or Z, at any precision, reads back exactly (to what was written)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        precision,
        fc.constantFrom('T', ' ', 't'),
        fc.boolean(),
        fc.constantFrom('', ' '),
        fc.constantFrom('', ' ', '\t'),
        (at, offset, level, separator, colon, beforeOffset, around) => {
          const { text, truncated } = wallText(at.getTime() + offset * 60_000, level, separator);
          const zone = offset === 0 && colon ? (separator === 't' ? 'z' : 'Z') : offsetText(offset, colon);
          const parsed = parseTimestamp(`${around}${text}${beforeOffset}${zone}${around}`, FIELD);
          expect(parsed.getTime()).toBe(truncated - offset * 60_000);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('a wall time without offset, read in an IANA zone, shows the same wall time in that zone', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (at, zone) => {
        const wall = inZone(at.getTime(), zone);
        const parsed = parseTimestamp(wall, FIELD, zone);
        expect(inZone(parsed.getTime(), zone)).toBe(wall);
        // Only the repeated hour when clocks go back can read as another instant, and then one hour off at most.
        expect(Math.abs(parsed.getTime() - Math.floor(at.getTime() / 1000) * 1000)).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 3000 },
    );
  });

  test('any input is a real instant within 1900–2200, or a UsageError naming the field', () => {
    const tokens = ['2025-07-23', '2024-02-29', 'T19:16', ':49', '.123', '+02:00', '-0530', 'Z', '1899', '2201'];
    fc.assert(
      fc.property(hostileText(tokens), (text) => {
        const result = outcome(() => parseTimestamp(text, FIELD, 'Europe/Berlin'), FIELD);
        if (!result.accepted) return;
        const ms = result.value.getTime();
        expect(Number.isFinite(ms)).toBe(true);
        expect(ms).toBeGreaterThan(Date.UTC(1899, 11, 30));
        expect(ms).toBeLessThan(Date.UTC(2201, 0, 2));
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    '2025-02-29',
    '2100-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-07-00',
    '2025-07-32',
    '2025-04-31',
    '2025-07-23T24:00',
    '2025-07-23T23:60',
    '2025-07-23T23:59:60',
    '2025-07-23T19:16+02:60',
    '2025-07-23T19:16+0260',
    '2025-07-23T19:16+14:01',
    '2025-07-23T19:16-1430',
    '1899-12-31',
    '2201-01-01',
    '٢٠٢٥-٠٧-٢٣',
    '２０２５-07-23',
    '2025-7-23',
    '25-07-23',
    '+2025-07-23',
    '2025-07-23T19:16:49.1234567',
    '2025-07-23T7:16',
    '2025-07-23T19',
    '2025/07/23',
    '23.07.2025',
    '2025-07-23T19:16Z+02:00',
    '2025-07-23T19:16 UTC',
    '2025-07-23T19:16+2',
    '1e3',
    'now',
    '',
    ' ',
    '2025-07-23\u0000',
    '2025-07-23T19:16\u202e',
    '2025-07-23\n19:16',
    '20250723',
  ])('refuses %j with a UsageError naming the field', (text) => {
    expect(outcome(() => parseTimestamp(text, FIELD, 'UTC'), FIELD).accepted).toBe(false);
  });

  test.each([
    ['2025-07-23', 'UTC', '2025-07-23T00:00:00.000Z'],
    [' 2025-07-23T19:16 ', 'UTC', '2025-07-23T19:16:00.000Z'],
    ['2025-07-23 19:16:49.5', 'UTC', '2025-07-23T19:16:49.500Z'],
    ['2025-07-23T19:16:49.123999', 'UTC', '2025-07-23T19:16:49.123Z'],
    ['2024-02-29T12:00+14:00', 'UTC', '2024-02-28T22:00:00.000Z'],
    ['2025-07-23T19:16:49-0530', 'UTC', '2025-07-24T00:46:49.000Z'],
    ['2025-07-23T19:16', 'Europe/Berlin', '2025-07-23T17:16:00.000Z'],
    // Clocks go forward at 02:00 in Berlin: 02:30 does not exist and reads as 03:30 summer time, as in PostgreSQL.
    ['2025-03-30T02:30', 'Europe/Berlin', '2025-03-30T01:30:00.000Z'],
    // Liberia kept -0:44:30 until 1972: offsets with seconds are kept to the second.
    ['1970-01-01T00:00', 'Africa/Monrovia', '1970-01-01T00:44:30.000Z'],
  ])('reads %j in %s as %s', (text, zone, iso) => {
    expect(parseTimestamp(text, FIELD, zone).toISOString()).toBe(iso);
  });

  test('a typed local time is refused exactly when the zone never shows it; otherwise it reads back as typed', () => {
    // Wall times within 150 minutes of a 2025 DST change (the instants, UTC), where the skipped hour lies.
    const changes: Array<[string, string]> = [
      ['America/New_York', '2025-03-09T07:00Z'],
      ['America/New_York', '2025-11-02T06:00Z'],
      ['Europe/Berlin', '2025-03-30T01:00Z'],
      ['Europe/Berlin', '2025-10-26T01:00Z'],
      ['Europe/Dublin', '2025-03-30T01:00Z'],
      ['Australia/Lord_Howe', '2025-10-04T15:30Z'],
      ['Australia/Lord_Howe', '2025-04-05T15:00Z'],
      ['Pacific/Chatham', '2025-09-27T14:00Z'],
    ];
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...changes), fc.integer({ min: -150, max: 150 }), ([zone, change], deltaMinutes) => {
        // The wall clock at the change, moved by delta on the wall (not on the timeline).
        const atChange = inZone(Date.parse(change), zone);
        const text = new Date(Date.parse(`${atChange}Z`) + deltaMinutes * 60_000).toISOString().slice(0, 19);
        const lenient = parseTimestamp(text, FIELD, zone);
        const result = outcome(() => parseTypedTime(text, FIELD, zone), FIELD);
        // The oracle: Intl's own rendering of the instant the lenient reading gives.
        const exists = inZone(lenient.getTime(), zone) === text;
        expect(result.accepted).toBe(exists);
        if (result.accepted) expect(result.value.getTime()).toBe(lenient.getTime());
        else refused++;
      }),
      { numRuns: 3000 },
    );
    // The runs really reach the skipped hours (about a fifth of them lie there).
    expect(refused).toBeGreaterThan(100);
  });

  test.each([
    ['2025-03-09T02:30', 'America/New_York'],
    ['2025-03-30T02:00', 'Europe/Berlin'],
    ['2025-03-30T02:59:59', 'Europe/Berlin'],
    ['2025-10-05T02:15', 'Australia/Lord_Howe'],
  ])('refuses %j in %s: the clocks skip it', (text, zone) => {
    const result = outcome(() => parseTypedTime(text, FIELD, zone), FIELD);
    expect(result).toEqual({ accepted: false, message: expect.stringContaining(`does not exist in ${zone}`) });
  });

  test.each([
    // The repeated hour when clocks go back exists (twice): it is accepted.
    ['2025-11-02T01:30', 'America/New_York'],
    ['2025-03-09T03:00', 'America/New_York'],
    ['2025-03-09T02:30Z', 'America/New_York'],
  ])('accepts %j in %s', (text, zone) => {
    expect(outcome(() => parseTypedTime(text, FIELD, zone), FIELD).accepted).toBe(true);
  });

  test('a time up to the future limit ahead of now is accepted; later is refused', () => {
    const now = new Date('2025-07-23T10:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 2 * FUTURE_LIMIT_MINUTES * 60_000 }), (aheadMs) => {
        const at = new Date(now.getTime() + aheadMs);
        const result = outcome(() => notInFuture(at, FIELD, now), FIELD);
        expect(result.accepted).toBe(aheadMs <= FUTURE_LIMIT_MINUTES * 60_000);
      }),
    );
  });
});
