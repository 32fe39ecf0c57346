import { describe, expect, test } from 'vitest';
import { toWorkoutError } from '../../src/db/databaseErrors.js';
import { commitErrors } from '../../src/db/driver.js';
import { DatabaseUnavailableError, WorkoutError } from '../../src/errors.js';

const TARGET = 'db:5432/gym';
const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
/** slonik wraps driver errors; the mapping follows `cause`. */
const wrapped = (cause: Error) => Object.assign(new Error('Backend has been terminated unexpectedly.'), { cause });

describe('toWorkoutError: how a lost connection is reported', () => {
  test('lost before COMMIT: nothing was written', () => {
    const error = toWorkoutError(
      wrapped(withCode('terminating connection due to administrator command', '57P01')),
      TARGET,
    );
    expect(error).toBeInstanceOf(WorkoutError);
    expect(error.message).toBe('the connection to db:5432/gym was lost; nothing was written, try again');
  });

  test('lost at COMMIT: the outcome is unknown, and the message says so instead of inviting a duplicate', () => {
    for (const lost of [withCode('Connection terminated unexpectedly'), withCode('Query read timeout')]) {
      commitErrors.add(lost);
      const error = toWorkoutError(wrapped(lost), TARGET);
      expect(error.message).toMatch(
        /^the connection to db:5432\/gym was lost while committing: the change may or may not have been saved/,
      );
    }
  });

  test('a silent server (client-side read timeout) is unavailable: exit 3', () => {
    const error = toWorkoutError(withCode('Query read timeout'), TARGET);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
  });

  test('serialization failures and deadlocks left after the retries, and permission errors', () => {
    expect(toWorkoutError(withCode('could not serialize access', '40001'), TARGET).message).toMatch(
      /after several attempts; nothing was written/,
    );
    expect(toWorkoutError(withCode('deadlock detected', '40P01'), TARGET).message).toMatch(/after several attempts/);
    expect(toWorkoutError(withCode('permission denied for table exercise', '42501'), TARGET).message).toBe(
      'db:5432/gym refused: permission denied for table exercise (with row-level security on, a database role may use only ' +
        'the workout user of its own name: --user <role>)',
    );
  });
});

describe('toWorkoutError: refusals that name their cause and the target', () => {
  test('no free connection slot (max_connections): exit 3, naming the target', () => {
    const error = toWorkoutError(withCode('sorry, too many clients already', '53300'), TARGET);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toBe(
      'cannot connect to db:5432/gym: the server has no free connection (sorry, too many clients already); try again',
    );
  });

  test('a certificate that fails a check: exit 3, saying which check', () => {
    const selfSigned = toWorkoutError(withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), TARGET);
    expect(selfSigned).toBeInstanceOf(DatabaseUnavailableError);
    expect(selfSigned.message).toMatch(
      /^cannot connect to db:5432\/gym: the server's certificate failed verification: it is self-signed/,
    );
    const wrongHost = toWorkoutError(
      withCode("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'),
      TARGET,
    );
    expect(wrongHost.message).toMatch(/the host name is not one it was issued for/);
  });

  test('a write on a read-only connection, and a schema change without CREATE: no talk of row-level security', () => {
    const readOnly = toWorkoutError(withCode('cannot execute INSERT in a read-only transaction', '25006'), TARGET);
    expect(readOnly.message).toMatch(/^db:5432\/gym is read-only \(a hot standby, or default_transaction_read_only/);
    const noCreate = toWorkoutError(withCode('permission denied for schema public', '42501'), TARGET);
    expect(noCreate.message).toBe(
      'db:5432/gym refused: permission denied for schema public (changing the schema needs a role that may create in it: ' +
        'run `workout db migrate` as the owner of the database)',
    );
  });
});
