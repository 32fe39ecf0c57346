import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * A connection string read the way libpq (psql) reads it, so that one DATABASE_URL means
 * the same server, the same TLS and the same checks in psql and here: a URL
 * (`postgres://…`, `postgresql://…`, node-postgres' `socket:/dir?db=…`) or keyword/value
 * pairs (`host=/var/run/postgresql dbname=gym`); what it leaves out comes from the
 * service file (`service=`, PGSERVICE), then the PG* environment, then libpq's defaults.
 */
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export type ConnectionSettings = {
  /** A host name, an IP address, or a Unix-socket directory (starts with `/`). */
  host: string;
  port: number;
  database: string;
  user: string;
  /** Undefined: node-postgres then takes PGPASSWORD or ~/.pgpass, as libpq does. */
  password: string | undefined;
  sslmode: SslMode;
  sslrootcert: string | undefined;
  sslcert: string | undefined;
  sslkey: string | undefined;
};

type Parameters = Record<string, string>;

// libpq keywords this CLI honours; the other libpq keywords are accepted and left alone.
const HONOURED = [
  'host',
  'hostaddr',
  'port',
  'dbname',
  'user',
  'password',
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'service',
];
const ACCEPTED = new Set([
  ...HONOURED,
  'application_name',
  'fallback_application_name',
  'connect_timeout',
  'options',
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'target_session_attrs',
  'sslcompression',
  'sslcrl',
  'sslsni',
  'sslpassword',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'gssencmode',
  'krbsrvname',
  'channel_binding',
  'requirepeer',
  'passfile',
  'client_encoding',
  'load_balance_hosts',
  'tcp_user_timeout',
]);

const ENVIRONMENT: Record<string, string> = {
  host: 'PGHOST',
  hostaddr: 'PGHOSTADDR',
  port: 'PGPORT',
  dbname: 'PGDATABASE',
  user: 'PGUSER',
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
};

/** The PG* variables that name a server: with one of them set, no DATABASE_URL still means that server. */
export const SERVER_VARIABLES = ['PGHOST', 'PGHOSTADDR', 'PGDATABASE', 'PGSERVICE'] as const;

const ENCODE_HINT =
  'percent-encode special characters in the user name and password (@ → %40, # → %23, / → %2F, : → %3A)';

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new UsageError(`the connection URL has a malformed %-escape in its ${what}: ${ENCODE_HINT}`);
  }
}

/** `postgres[ql]://[user[:password]@][host][:port][/dbname][?key=value&…]`, as libpq splits it. */
function parseUrl(text: string): Parameters {
  const match = /^postgres(?:ql)?:\/\/([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?(#.*)?$/.exec(text);
  if (!match || match[4] !== undefined) {
    throw new UsageError(`the connection URL is not a valid postgres:// URL: ${ENCODE_HINT}`);
  }
  const [, authority = '', dbname, query] = match;
  const parameters: Parameters = {};
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userInfo = authority.slice(0, at);
    if (userInfo.includes('@')) throw new UsageError(`the connection URL has more than one @: ${ENCODE_HINT}`);
    const colon = userInfo.indexOf(':');
    const user = colon >= 0 ? userInfo.slice(0, colon) : userInfo;
    if (user) parameters.user = decode(user, 'user name');
    if (colon >= 0) parameters.password = decode(userInfo.slice(colon + 1), 'password');
  }
  const hostPort = authority.slice(at + 1);
  if (hostPort.includes(',')) throw new UsageError('several hosts in one connection URL are not supported: give one');
  const hostMatch = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort)!;
  const host = hostMatch[1]!.replace(/^\[(.*)\]$/, '$1');
  if (host) parameters.host = decode(host, 'host');
  if (hostMatch[2]) {
    if (!/^\d+$/.test(hostMatch[2])) {
      throw new UsageError(`the connection URL's port is not a number: ${ENCODE_HINT}`);
    }
    parameters.port = hostMatch[2];
  }
  if (dbname) parameters.dbname = decode(dbname, 'database name');
  for (const pair of (query ?? '').split('&').filter(Boolean)) {
    const equals = pair.indexOf('=');
    const key = decode(equals >= 0 ? pair.slice(0, equals) : pair, 'parameters');
    parameters[key] = decode(equals >= 0 ? pair.slice(equals + 1).replace(/\+/g, ' ') : '', 'parameters');
  }
  return parameters;
}

/** node-postgres' `socket:/var/run/postgresql?db=gym&user=me`. */
function parseSocketUrl(text: string): Parameters {
  const [pathPart = '', query = ''] = text.slice('socket:'.length).split('?', 2);
  const parameters: Parameters = { host: decode(pathPart.replace(/^\/\/(?=\/)/, ''), 'socket path') };
  for (const [key, value] of new URLSearchParams(query)) parameters[key === 'db' ? 'dbname' : key] = value;
  delete parameters.encoding;
  return parameters;
}

/** `key=value key='quoted \' value'`, libpq's keyword/value form. */
export function parseKeywordValue(text: string): Parameters {
  const parameters: Parameters = {};
  const pattern = /\s*([\w-]+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|((?:[^\s'\\]|\\.)*))/gy;
  let position = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    parameters[match[1]!] = (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
    position = pattern.lastIndex;
  }
  if (text.slice(position).trim() !== '') {
    throw new UsageError(
      'the connection string is neither a postgres:// URL nor keyword=value pairs (e.g. "host=/var/run/postgresql dbname=gym")',
    );
  }
  return parameters;
}

export function parseConnectionString(text: string): Parameters {
  const trimmed = text.trim();
  const parameters = /^postgres(ql)?:\/\//.test(trimmed)
    ? parseUrl(trimmed)
    : trimmed.startsWith('socket:')
      ? parseSocketUrl(trimmed)
      : parseKeywordValue(trimmed);
  if (parameters.ssl !== undefined) {
    // node-postgres' spelling; libpq knows only sslmode.
    const ssl = parameters.ssl;
    delete parameters.ssl;
    parameters.sslmode ??= ssl === 'false' || ssl === '0' ? 'disable' : 'require';
  }
  for (const key of Object.keys(parameters)) {
    if (!ACCEPTED.has(key)) throw new UsageError(`the connection string has an unknown parameter "${key}"`);
  }
  return parameters;
}

/** The files libpq looks for a service in: PGSERVICEFILE or ~/.pg_service.conf, then the system one. */
function serviceFiles(env: NodeJS.ProcessEnv): string[] {
  const systemDir = env.PGSYSCONFDIR ?? '/etc/postgresql-common';
  return [env.PGSERVICEFILE ?? path.join(os.homedir(), '.pg_service.conf'), path.join(systemDir, 'pg_service.conf')];
}

function readService(name: string, env: NodeJS.ProcessEnv): Parameters {
  for (const file of serviceFiles(env)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    let section: string | undefined;
    const parameters: Parameters = {};
    let found = false;
    for (const line of text.split('\n').map((raw) => raw.trim())) {
      if (line === '' || line.startsWith('#')) continue;
      const header = /^\[(.+)\]$/.exec(line);
      if (header) {
        section = header[1];
        found ||= section === name;
        continue;
      }
      const equals = line.indexOf('=');
      if (section === name && equals > 0) parameters[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
    }
    if (found) return parameters;
  }
  throw new UsageError(`service "${name}" is not defined in ${serviceFiles(env).join(' or ')}`);
}

/** ~/.postgresql/<file> when it exists: libpq's default client certificate, key and root certificate. */
function defaultFile(file: string): string | undefined {
  const candidate = path.join(os.homedir(), '.postgresql', file);
  return fs.existsSync(candidate) ? candidate : undefined;
}

/** Where libpq (as Debian builds it) finds the server when no host is given: its socket directory if the socket is there. */
function defaultHost(port: number): string {
  for (const dir of ['/var/run/postgresql', '/tmp']) {
    if (fs.existsSync(path.join(dir, `.s.PGSQL.${port}`))) return dir;
  }
  return 'localhost';
}

/** The whole connection, from the string (may be empty: all from the environment), the service file, PG* and defaults. */
export function resolveConnection(connectionString: string, env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  const given = parseConnectionString(connectionString);
  const serviceName = given.service ?? env.PGSERVICE;
  const service = serviceName ? readService(serviceName, env) : {};
  const value = (key: string): string | undefined => {
    const found = given[key] ?? service[key] ?? (ENVIRONMENT[key] ? env[ENVIRONMENT[key]] : undefined);
    return found === '' ? undefined : found;
  };
  const portText = value('port') ?? '5432';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UsageError(`the port "${portText}" is not a port number`);
  const sslmode = value('sslmode') ?? 'prefer';
  if (!(SSL_MODES as readonly string[]).includes(sslmode)) {
    throw new UsageError(`sslmode "${sslmode}" is not one of ${SSL_MODES.join(', ')}`);
  }
  const user = value('user') ?? os.userInfo().username;
  return {
    host: value('host') ?? value('hostaddr') ?? defaultHost(port),
    port,
    database: value('dbname') ?? user,
    user,
    password: given.password ?? service.password,
    sslmode: sslmode as SslMode,
    sslrootcert: value('sslrootcert') ?? defaultFile('root.crt'),
    sslcert: value('sslcert') ?? defaultFile('postgresql.crt'),
    sslkey: value('sslkey') ?? defaultFile('postgresql.key'),
  };
}

export function isSocket(host: string): boolean {
  return host.startsWith('/');
}

/** `host:port/database` (a socket directory stands for the host), never a password: safe to print. */
export function describeSettings(settings: ConnectionSettings): string {
  const host = settings.host.includes(':') && !isSocket(settings.host) ? `[${settings.host}]` : settings.host;
  return `${host}:${settings.port}/${settings.database}`;
}
