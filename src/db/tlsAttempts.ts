import fs from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { UsageError } from '../errors.js';
import { type ConnectionSettings, isSocket } from './connectionConfig.js';

/** What node-postgres takes as `ssl`: false for plain text, else Node's TLS options. */
export type TlsOption = false | ConnectionOptions;

/**
 * The TLS of each connection attempt, in order, as libpq's sslmode means it:
 * disable: plain; allow: plain, then TLS if the server refuses plain; prefer: TLS, then
 * plain if the server has no TLS; require: TLS without checks, unless a root
 * certificate is there, which makes it verify-ca (libpq keeps that rule for old
 * clients); verify-ca: the chain must lead to sslrootcert; verify-full: that and the
 * host name. A Unix socket never uses TLS. `sslrootcert=system` trusts the system's CAs.
 */
export function tlsAttempts(settings: ConnectionSettings): TlsOption[] {
  if (isSocket(settings.host) || settings.sslmode === 'disable') return [false];
  const unverified = { ...clientCertificate(settings), rejectUnauthorized: false };
  switch (settings.sslmode) {
    case 'allow':
      return [false, unverified];
    case 'prefer':
      return [unverified, false];
    case 'require':
      return [settings.sslrootcert ? verifyCa(settings) : unverified];
    case 'verify-ca':
      return [verifyCa(settings)];
    case 'verify-full':
      return [{ ...clientCertificate(settings), ...rootCertificate(settings), rejectUnauthorized: true }];
  }
}

function verifyCa(settings: ConnectionSettings): ConnectionOptions {
  // The chain is checked against the root certificate; the name in it is not.
  return {
    ...clientCertificate(settings),
    ...rootCertificate(settings),
    rejectUnauthorized: true,
    checkServerIdentity: () => undefined,
  };
}

function rootCertificate(settings: ConnectionSettings): ConnectionOptions {
  if (settings.sslrootcert === 'system') return {};
  if (!settings.sslrootcert) {
    throw new UsageError(
      `sslmode=${settings.sslmode} needs a root certificate to check the server's against: give sslrootcert=<file> ` +
        '(or sslrootcert=system for the system CAs), or put it at ~/.postgresql/root.crt',
    );
  }
  return { ca: readCertificateFile(settings.sslrootcert, 'sslrootcert') };
}

function clientCertificate(settings: ConnectionSettings): ConnectionOptions {
  if (!settings.sslcert) return {};
  return {
    cert: readCertificateFile(settings.sslcert, 'sslcert'),
    ...(settings.sslkey ? { key: readCertificateFile(settings.sslkey, 'sslkey') } : {}),
  };
}

function readCertificateFile(file: string, parameter: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new UsageError(`cannot read the ${parameter} file ${file} (${reason})`);
  }
}
