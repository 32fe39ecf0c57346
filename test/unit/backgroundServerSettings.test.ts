import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { completeLength, errorResponse } from '../../src/db/sessionRelay.js';
import { UsageError } from '../../src/errors.js';

const config = (env: Record<string, string>) => loadConfig({}, { WORKOUT_USER: 'ann', ...env });

describe("the embedded database's background server settings", () => {
  test('on by default with a 300 s idle timeout; WORKOUT_SERVER=0 turns it off; WORKOUT_SERVER_IDLE in seconds', () => {
    expect(config({})).toMatchObject({ embeddedServer: true, serverIdleMs: 300_000 });
    expect(config({ WORKOUT_SERVER: '0' })).toMatchObject({ embeddedServer: false });
    expect(config({ WORKOUT_SERVER_IDLE: '2.5' })).toMatchObject({ serverIdleMs: 2_500 });
  });

  test('a WORKOUT_SERVER_IDLE that is not a positive number of seconds is bad input', () => {
    for (const idle of ['soon', '0', '-1', '100000']) {
      expect(() => config({ WORKOUT_SERVER_IDLE: idle })).toThrow(UsageError);
    }
    expect(() => config({ WORKOUT_SERVER_IDLE: 'soon' })).toThrow('WORKOUT_SERVER_IDLE must be a number of seconds');
  });
});

describe('the ErrorResponse a failing server sends its client', () => {
  test('is a well-formed protocol message: type E, length, severity, SQLSTATE and message fields', () => {
    const message = errorResponse('PANIC', 'XX000', 'disk full: no space left');
    expect(message.subarray(0, 1).toString()).toBe('E');
    expect(message.readInt32BE(1)).toBe(message.length - 1);
    expect(message.subarray(5).toString()).toBe('SPANIC\0VPANIC\0CXX000\0Mdisk full: no space left\0\0');
  });
});

describe('whole messages only', () => {
  const message = (type: string, body: string) => {
    const header = Buffer.alloc(5);
    header.write(type, 0);
    header.writeInt32BE(4 + body.length, 1);
    return Buffer.concat([header, Buffer.from(body)]);
  };

  test('the complete messages at the start of a chunk; none of a half message', () => {
    const two = Buffer.concat([message('D', 'row one'), message('C', 'INSERT 0 1')]);
    expect(completeLength(two)).toBe(two.length);
    expect(completeLength(two.subarray(0, two.length - 3))).toBe(message('D', 'row one').length);
    expect(completeLength(two.subarray(0, 3))).toBe(0);
    expect(completeLength(Buffer.alloc(0))).toBe(0);
  });
});
