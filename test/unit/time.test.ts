import { describe, expect, test } from 'vitest';
import { checkTimeZone, parseTimestamp, zonedTime } from '../../src/domain/time.js';
import { UsageError } from '../../src/errors.js';

const iso = (date: Date) => date.toISOString();

describe('parseTimestamp', () => {
  test.each<[string, string | undefined, string]>([
    ['2025-07-23T19:16:49Z', undefined, '2025-07-23T19:16:49.000Z'],
    ['2025-07-23t19:16:49z', undefined, '2025-07-23T19:16:49.000Z'],
    ['2025-07-23 19:16:49Z', undefined, '2025-07-23T19:16:49.000Z'],
    ['2025-07-23T19:16:49.5Z', undefined, '2025-07-23T19:16:49.500Z'],
    ['2025-07-23T19:16:49.123456Z', undefined, '2025-07-23T19:16:49.123Z'],
    ['2025-07-23T19:16:49+02:00', undefined, '2025-07-23T17:16:49.000Z'],
    ['2025-07-23T19:16:49+0200', undefined, '2025-07-23T17:16:49.000Z'],
    ['2025-07-23T19:16-05:30', undefined, '2025-07-24T00:46:00.000Z'],
    ['2025-07-23T19:16:49+14:00', undefined, '2025-07-23T05:16:49.000Z'],
    ['  2025-07-23T19:16Z  ', undefined, '2025-07-23T19:16:00.000Z'],
    // No offset: wall-clock time in the zone given.
    ['2025-07-23', 'UTC', '2025-07-23T00:00:00.000Z'],
    ['2025-07-23T19:16', 'Europe/Berlin', '2025-07-23T17:16:00.000Z'],
    ['2025-01-23 19:16:49', 'Europe/Berlin', '2025-01-23T18:16:49.000Z'],
    ['2025-07-23T19:16', 'America/New_York', '2025-07-23T23:16:00.000Z'],
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00.000Z'],
    ['1900-01-01', 'UTC', '1900-01-01T00:00:00.000Z'],
    ['2200-12-31T23:59:59', 'UTC', '2200-12-31T23:59:59.000Z'],
    // An offset wins over the zone.
    ['2025-07-23T19:16Z', 'Asia/Tokyo', '2025-07-23T19:16:00.000Z'],
  ])('%s in %s', (text, zone, expected) => {
    expect(iso(parseTimestamp(text, '--at', zone))).toBe(expected);
  });

  test('without an offset or zone it is the local (TZ) wall-clock time', () => {
    const parsed = parseTimestamp('2025-07-23T19:16', '--at');
    expect([parsed.getFullYear(), parsed.getMonth(), parsed.getDate(), parsed.getHours(), parsed.getMinutes()]).toEqual(
      [2025, 6, 23, 19, 16],
    );
  });

  test.each<[string, RegExp]>([
    ['', /^--at "" is not a date; accepted forms: /],
    ['yesterday', /^--at "yesterday" is not a date/],
    ['2025-7-23', /is not a date/],
    ['23.07.2025', /is not a date/],
    ['2025-07-23T19', /is not a date/],
    ['2025-07-23T19:16:49.1234567Z', /is not a date/],
    ['2025-07-23T19:16:49+2', /is not a date/],
    ['2025-07-23T19:16 Europe/Berlin', /is not a date/],
    ['1753298209', /is not a date/],
    ['2025-02-30', /^--at "2025-02-30" is not a real date between 1900 and 2200$/],
    ['2025-02-29', /is not a real date/],
    ['2025-13-01', /is not a real date/],
    ['2025-00-10', /is not a real date/],
    ['2025-04-31', /is not a real date/],
    ['2025-07-00', /is not a real date/],
    ['2025-07-23T24:00', /is not a real date/],
    ['2025-07-23T19:60', /is not a real date/],
    ['2025-07-23T19:16:60', /is not a real date/],
    ['1899-12-31', /is not a real date between 1900 and 2200/],
    ['2201-01-01', /is not a real date between 1900 and 2200/],
    ['2025-07-23T19:16+14:01', /^--at has an offset beyond ±14:00$/],
    ['2025-07-23T19:16-15:00', /offset beyond/],
    ['2025-07-23T19:16+02:75', /^--at has an invalid offset "\+02:75"/],
    ['2025-07-23T19:16+02:60', /invalid offset/],
  ])('%j is refused', (text, message) => {
    expect(() => parseTimestamp(text, '--at', 'UTC')).toThrow(UsageError);
    expect(() => parseTimestamp(text, '--at', 'UTC')).toThrow(message);
  });

  test('the message quotes at most 40 characters of the input', () => {
    expect(() => parseTimestamp('x'.repeat(10_000), '--at')).toThrow(
      new RegExp(`^--at "${'x'.repeat(40)}…" is not a date`),
    );
  });
});

describe('zonedTime', () => {
  const local = (year: number, month: number, day: number, hour: number, minute = 0) => ({
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
    ms: 0,
  });

  test('applies the offset the zone observes on that day', () => {
    expect(iso(zonedTime(local(2025, 1, 15, 12), 'Europe/Berlin'))).toBe('2025-01-15T11:00:00.000Z');
    expect(iso(zonedTime(local(2025, 7, 15, 12), 'Europe/Berlin'))).toBe('2025-07-15T10:00:00.000Z');
    expect(iso(zonedTime(local(2025, 7, 15, 12), 'Asia/Kolkata'))).toBe('2025-07-15T06:30:00.000Z');
    expect(iso(zonedTime(local(2025, 7, 15, 12), 'Pacific/Chatham'))).toBe('2025-07-14T23:15:00.000Z');
  });

  test('settles across a DST change: the hours around it map to real instants', () => {
    // Europe/Berlin springs forward at 2025-03-30 01:00Z (02:00 local becomes 03:00).
    expect(iso(zonedTime(local(2025, 3, 30, 1, 30), 'Europe/Berlin'))).toBe('2025-03-30T00:30:00.000Z');
    expect(iso(zonedTime(local(2025, 3, 30, 3, 30), 'Europe/Berlin'))).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 does not exist that night; it lands within the hour of the change.
    const gap = zonedTime(local(2025, 3, 30, 2, 30), 'Europe/Berlin').getTime();
    expect(gap).toBeGreaterThanOrEqual(Date.UTC(2025, 2, 30, 0, 30));
    expect(gap).toBeLessThanOrEqual(Date.UTC(2025, 2, 30, 1, 30));
    // Falls back at 2025-10-26 01:00Z: 04:00 local is after it (UTC+1).
    expect(iso(zonedTime(local(2025, 10, 26, 4), 'Europe/Berlin'))).toBe('2025-10-26T03:00:00.000Z');
    expect(iso(zonedTime(local(2025, 10, 25, 12), 'Europe/Berlin'))).toBe('2025-10-25T10:00:00.000Z');
  });
});

describe('checkTimeZone', () => {
  test('accepts IANA names, refuses others naming --tz', () => {
    expect(checkTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(checkTimeZone('UTC')).toBe('UTC');
    for (const bad of ['Mars/Olympus', 'Berlin', '+02:00x', '']) {
      expect(() => checkTimeZone(bad)).toThrow(UsageError);
    }
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(
      '--tz "Mars/Olympus" is not a time zone; use an IANA name such as Europe/Berlin or UTC',
    );
  });
});
