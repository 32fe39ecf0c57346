import { describe, expect, test } from 'vitest';
import {
  parseDurationSeconds,
  parseHevyDate,
  parseIsoTimestamp,
  parseStrongDate,
} from '../../src/domain/formats/dates.js';
import { parseReps, parseRpe, parseWeight, round3, unitInHeader } from '../../src/domain/formats/fields.js';
import { FieldProblem } from '../../src/domain/formats/header.js';

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof FieldProblem) return `${error.column}: ${error.problem}`;
    throw error;
  }
  throw new Error('no problem raised');
};

describe('fields', () => {
  test('float noise is rounded off: reps and RPE to 3 decimals, weights to 9 (pounds converted to kg keep their digits)', () => {
    expect(round3(12.900000000000034)).toBe(12.9);
    expect(round3(102.49999999999999)).toBe(102.5);
    expect(parseWeight('55.00000000000001', 'kg', 'W')).toEqual({ weight: '55', bodyweight: false });
    expect(parseWeight('2.2679618500000003', 'kg', 'W')).toEqual({ weight: '2.26796185', bodyweight: false });
    expect(parseWeight('66.99559304900001', 'kg', 'W')).toEqual({ weight: '66.995593049', bodyweight: false });
    expect(parseWeight('0.0000000004', 'kg', 'W')).toEqual({ weight: '0', bodyweight: true });
  });

  test('the 1000 kg limit is checked in the unit written', () => {
    expect(parseWeight('2204', 'lb', 'W')).toEqual({ weight: '2204', bodyweight: false });
    expect(problemOf(() => parseWeight('2205', 'lb', 'W'))).toBe('W: 2205 lb is more than 1000 kg');
    expect(problemOf(() => parseWeight('1e3', 'kg', 'W'))).toBe('W: "1e3" is not a number');
  });

  test('a problem quotes the field as one printable line (found by importMappings.property.test.ts)', () => {
    // Line breaks, escape sequences, bidi overrides and zero-width marks were echoed raw.
    expect(problemOf(() => parseWeight('0\ufeff0', 'kg', 'W'))).toBe('W: "0\\u{feff}0" is not a number');
    expect(problemOf(() => parseReps('5\n\u001b[31m6', 'R'))).toBe('R: "5\\u{a}\\u{1b}[31m6" is not a number');
    expect(problemOf(() => parseStrongDate('\u202e2025-01-01', 'Date', 'UTC'))).toMatch(
      /^Date: "\\u\{202e\}2025-01-01" is not a date/,
    );
    expect(problemOf(() => parseDurationSeconds('1h\u200b', 'D'))).toBe(
      'D: "1h\\u{200b}" is not a duration such as 29m or 1h 7m',
    );
    expect(problemOf(() => parseWeight(`${'1'.repeat(50)}x`, 'kg', 'W'))).toBe(
      `W: "${'1'.repeat(40)}…" is not a number`,
    );
  });

  test('reps: whole numbers, floats like 8.0, 0 or empty meaning unfilled', () => {
    expect(parseReps('8.0', 'R')).toBe(8);
    expect(parseReps('', 'R')).toBeNull();
    expect(parseReps('0', 'R')).toBeNull();
    expect(problemOf(() => parseReps('1001', 'R'))).toBe('R: 1001 reps is more than 1000');
  });

  test('RPE in halves; 0 and empty are none', () => {
    expect(parseRpe('8.5', 'RPE')).toBe(8.5);
    expect(parseRpe('0', 'RPE')).toBeNull();
    expect(problemOf(() => parseRpe('11', 'RPE'))).toBe('RPE: 11 is not an RPE from 1 to 10 in steps of 0.5');
  });

  test('units in headers', () => {
    expect(unitInHeader('Weight (kg)')).toBe('kg');
    expect(unitInHeader('Weight (lbs)')).toBe('lb');
    expect(unitInHeader('weight_lbs')).toBe('lb');
    expect(unitInHeader('Weight')).toBeUndefined();
  });
});

describe('dates', () => {
  test('Strong: 24-hour, 12-hour with U+202F / U+00A0 / space / none, keyed by wall clock', () => {
    expect(parseStrongDate('2025-07-23 19:16:49', 'Date', 'UTC')).toEqual({
      key: '2025-07-23 19:16:49',
      at: '2025-07-23T19:16:49.000Z',
    });
    for (const gap of ['\u202f', '\u00a0', ' ', '']) {
      expect(parseStrongDate(`2025-01-30 12:34:56${gap}pm`, 'Date', 'UTC').key).toBe('2025-01-30 12:34:56');
      expect(parseStrongDate(`2025-01-30 12:34:56${gap}am`, 'Date', 'UTC').key).toBe('2025-01-30 00:34:56');
    }
    expect(parseStrongDate('2025-01-30 9:05 PM', 'Date', 'UTC').key).toBe('2025-01-30 21:05:00');
  });

  test('a wall-clock time is read in the zone, across daylight saving time', () => {
    expect(parseStrongDate('2025-03-30 03:30:00', 'Date', 'Europe/Berlin').at).toBe('2025-03-30T01:30:00.000Z');
    expect(parseStrongDate('2025-10-26 12:00:00', 'Date', 'Europe/Berlin').at).toBe('2025-10-26T11:00:00.000Z');
  });

  test('Hevy dates', () => {
    expect(parseHevyDate('15 Sep 2025, 07:48', 'start_time', 'UTC')).toEqual({
      key: '2025-09-15 07:48:00',
      at: '2025-09-15T07:48:00.000Z',
    });
    expect(parseHevyDate('1 June 2025, 7:05', 'start_time', 'UTC').key).toBe('2025-06-01 07:05:00');
    expect(problemOf(() => parseHevyDate('15 Foo 2025, 07:48', 'start_time', 'UTC'))).toMatch(
      /^start_time: "15 Foo 2025, 07:48" is not a date/,
    );
  });

  test('ISO timestamps keep their text when they carry an offset', () => {
    expect(parseIsoTimestamp('2025-03-01T10:00:00.123456+01:00', 'at', 'UTC')).toBe('2025-03-01T10:00:00.123456+01:00');
    expect(parseIsoTimestamp('2025-03-01T10:00:00', 'at', 'Europe/Berlin')).toBe('2025-03-01T09:00:00.000Z');
    expect(problemOf(() => parseIsoTimestamp('yesterday', 'at', 'UTC'))).toMatch(
      /^at: "yesterday" is not an ISO 8601 time/,
    );
  });

  test('durations', () => {
    expect(parseDurationSeconds('1h 7m', 'D')).toBe(4020);
    expect(parseDurationSeconds('29m', 'D')).toBe(1740);
    expect(parseDurationSeconds('45s', 'D')).toBe(45);
    expect(parseDurationSeconds('3120', 'D')).toBe(3120);
    expect(parseDurationSeconds('', 'D')).toBeNull();
    expect(problemOf(() => parseDurationSeconds('h', 'D'))).toBe('D: "h" is not a duration such as 29m or 1h 7m');
  });

  test('a duration over 31 days is a workout left running: none, and never a RangeError (found by importMappings.property.test.ts)', () => {
    expect(parseDurationSeconds(String(31 * 86_400), 'D')).toBe(31 * 86_400);
    expect(parseDurationSeconds('744h', 'D')).toBe(31 * 86_400);
    // These ended the import with "RangeError: Invalid time value" from the workout's end time.
    expect(parseDurationSeconds('99999999999999999', 'D')).toBeNull();
    expect(parseDurationSeconds('9999999999h', 'D')).toBeNull();
    expect(parseDurationSeconds('745h', 'D')).toBeNull();
    // Strong 5.x past 999 hours, with its thousands comma.
    expect(parseDurationSeconds('9,719h 22m', 'D')).toBeNull();
    expect(parseDurationSeconds('1,000h', 'D')).toBeNull();
    expect(problemOf(() => parseDurationSeconds('9,71h', 'D'))).toBe(
      'D: "9,71h" is not a duration such as 29m or 1h 7m',
    );
  });
});
