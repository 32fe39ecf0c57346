import {
  DatabaseTimeoutError,
  DatabaseUnavailableError,
  PendingMigrationsError,
  UsageError,
  WorkoutError,
} from '../errors.js';
import { commitErrors, isQueryReadTimeout } from './driver.js';

type CodedError = Error & { code?: unknown; cause?: unknown };

/** The error and its causes, outermost first (slonik wraps the driver's errors). */
function chain(error: unknown): CodedError[] {
  const errors: CodedError[] = [];
  let current = error;
  while (current instanceof Error && errors.length < 10) {
    errors.push(current as CodedError);
    current = (current as CodedError).cause;
  }
  return errors;
}

function codeOf(error: unknown): string | undefined {
  for (const link of chain(error)) {
    if (typeof link.code === 'string') return link.code;
  }
  return undefined;
}

// Node's codes for a server certificate that failed a check, and what failed.
const CERTIFICATE_CHECKS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed, and not the root certificate given (sslrootcert)',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a root certificate that is not the one given (sslrootcert)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'it is not signed by the root certificate given (sslrootcert)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'it is not signed by the root certificate given (sslrootcert)',
  UNABLE_TO_GET_ISSUER_CERT: 'it is not signed by the root certificate given (sslrootcert)',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID:
    'the host name is not one it was issued for (sslmode=verify-full checks it; verify-ca does not)',
};

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);
// SQLSTATE classes 08 (connection), 28 (auth), 3D000 (no such database), 57P03 (starting up).
const UNAVAILABLE_SQLSTATE = /^(08|28|3D000|57P03)/;

/**
 * Maps what the driver throws to the CLI's typed errors: the one place that reads
 * SQLSTATE codes. `target` is host:port/db, never the password, or the embedded data folder.
 */
export function toWorkoutError(error: unknown, target: string, backend: 'server' | 'embedded' = 'server'): Error {
  if (error instanceof WorkoutError) return error;
  const code = codeOf(error);
  const message = chain(error).at(-1)?.message ?? String(error);
  const atCommit = chain(error).some((link) => commitErrors.has(link));
  const lostAtCommit = () =>
    new WorkoutError(
      `the connection to ${target} was lost while committing: the change may or may not have been saved; ` +
        'look (e.g. `workout session show`) before trying again',
    );
  // The embedded database's background server hit a PANIC (e.g. a full disk) and said why before it ended.
  const panic = chain(error).find((link) => (link as { severity?: unknown }).severity === 'PANIC');
  if (backend === 'embedded' && panic) return new DatabaseUnavailableError(panic.message);
  if (chain(error).some(isQueryReadTimeout)) {
    if (atCommit) return lostAtCommit();
    return new DatabaseUnavailableError(
      `${target} stopped answering (no reply within statement_timeout + connect timeout); nothing was written, try again`,
    );
  }
  if (code && CERTIFICATE_CHECKS[code]) {
    return new DatabaseUnavailableError(
      `cannot connect to ${target}: the server's certificate failed verification: ${CERTIFICATE_CHECKS[code]}`,
    );
  }
  if (/does not support SSL/i.test(message)) {
    return new DatabaseUnavailableError(
      `cannot connect to ${target}: the server does not accept TLS, which sslmode requires`,
    );
  }
  if (code === '53300') {
    return new DatabaseUnavailableError(
      `cannot connect to ${target}: the server has no free connection (${message}); try again`,
    );
  }
  if (code && UNREACHABLE.has(code)) {
    return new DatabaseUnavailableError(`cannot connect to ${target}: ${code} (is the server running?)`);
  }
  if (/timeout expired|connection timeout/i.test(message) && !code) {
    return new DatabaseUnavailableError(`cannot connect to ${target}: no answer within the connect timeout`);
  }
  if (code && UNAVAILABLE_SQLSTATE.test(code)) {
    return new DatabaseUnavailableError(`cannot use ${target}: ${message}`);
  }
  // Disk full (53100, or Node's ENOSPC) and a read-only embedded folder: the database is there but cannot take writes
  // (a read-only server, by contrast, is a role or a standby: see below).
  if (code === '53100' || code === 'ENOSPC') {
    return new DatabaseUnavailableError(
      `disk full: cannot write to ${target}; nothing was written, free some space and try again`,
    );
  }
  if (code === '25006' && backend === 'embedded') {
    return new DatabaseUnavailableError(`${target} is read-only: only commands that read work; nothing was written`);
  }
  if (code === '55P03') {
    return new DatabaseTimeoutError(`gave up waiting for a lock (lock_timeout); nothing was written, try again`);
  }
  if (code === '57014') {
    return new DatabaseTimeoutError(`the statement ran past statement_timeout and was cancelled; nothing was written`);
  }
  // EPIPE, ECONNRESET: the other end of the socket is gone (an embedded background server that was killed).
  if (
    code === '57P01' ||
    code === '57P02' ||
    code === 'EPIPE' ||
    code === 'ECONNRESET' ||
    /Connection terminated|not queryable/i.test(message)
  ) {
    if (atCommit) return lostAtCommit();
    return new WorkoutError(`the connection to ${target} was lost; nothing was written, try again`);
  }
  if (code === '40001' || code === '40P01') {
    return new WorkoutError(
      'the database kept reporting a conflict with concurrent writers (serialization failure or deadlock) ' +
        'after several attempts; nothing was written, try again',
    );
  }
  if (code === '42P01' || code === '42883') {
    return new PendingMigrationsError(
      `the database at ${target} has no workout schema (or an old one); run \`workout db migrate\``,
    );
  }
  if (code === '25006') {
    return new WorkoutError(
      `${target} is read-only (a hot standby, or default_transaction_read_only for this role): ` +
        'writes need the primary server and a role that may write',
    );
  }
  if (code === '42501' && /for (schema|database)\b|must be owner/.test(message)) {
    return new WorkoutError(
      `${target} refused: ${message} (changing the schema needs a role that may create in it: ` +
        'run `workout db migrate` as the owner of the database)',
    );
  }
  if (code === '42501') {
    return new WorkoutError(
      `${target} refused: ${message} (with row-level security on, a database role may use only the workout user ` +
        'of its own name: --user <role>)',
    );
  }
  if (code === '23514' || code === '22003' || code === '22P02') {
    return new UsageError(`the database rejected a value: ${message}`);
  }
  return error instanceof Error ? error : new Error(message);
}
