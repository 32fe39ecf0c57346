import { describe, expect, test } from 'vitest';
import { DEFAULT_SESSION_GAP_MINUTES, formatGap, parseSessionGap } from '../../src/domain/sessionGap.js';
import { UsageError } from '../../src/errors.js';

describe('WORKOUT_SESSION_GAP', () => {
  test.each([
    [undefined, DEFAULT_SESSION_GAP_MINUTES],
    ['', DEFAULT_SESSION_GAP_MINUTES],
    ['90', 90],
    [' 90m ', 90],
    ['3h', 180],
    ['3 H', 180],
    ['24h', 1440],
    ['1', 1],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseSessionGap(text)).toBe(minutes);
  });

  test.each(['0', '0h', '25h', '1441', '-5', '1.5h', '3d', 'h', 'three hours', '٣h'])('refuses %j', (text) => {
    expect(() => parseSessionGap(text)).toThrow(UsageError);
    expect(() => parseSessionGap(text)).toThrow(/^WORKOUT_SESSION_GAP must be minutes/);
  });

  test.each([
    [180, '3h'],
    [90, '90 min'],
    [60, '1h'],
  ])('shows %i minutes as %s', (minutes, text) => {
    expect(formatGap(minutes)).toBe(text);
  });
});
