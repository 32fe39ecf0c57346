import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { withClient } from './withClient.js';

/**
 * Watches, on the server side, what clients send to one database: it turns on
 * statement logging for that database only (ALTER DATABASE … SET, read by each new
 * connection; nothing in the server's configuration changes), reads the server log
 * through SQL (pg_read_binary_file, as a superuser) from the offset before the work
 * to after it, and takes pg_stat_database deltas, which also count connections that
 * sent nothing. Used by the one-transaction test and by the benches.
 */

/** One statement the server received, in the order it arrived. */
export type LoggedStatement = {
  pid: number;
  text: string;
  /** Between BEGIN/START TRANSACTION and COMMIT/ROLLBACK, both included. */
  inTransaction: boolean;
  /** Parse + bind + execute time on the server (only when watched with `durations`). */
  serverMs: number;
  /** The same split by phase: parse (and rewrite), bind (which plans), execute. */
  phasesMs: { parse: number; bind: number; execute: number };
};

export type ServerActivity = {
  /** Sessions opened on the database (pg_stat_database.sessions), silent ones included. */
  sessions: number;
  /** Transactions committed or rolled back, less the one each new session commits by itself. */
  serverTransactions: number;
  /** Backends that sent at least one statement (distinct pids in the log). */
  backendPids: number[];
  /** BEGIN … COMMIT/ROLLBACK blocks in the log. */
  transactions: number;
  statements: LoggedStatement[];
  /** Statements sent outside any transaction block (each one its own transaction). */
  outside: LoggedStatement[];
  /** Plans logged by auto_explain (only when watched with `plans`). */
  plans: string[];
  /** Sum of the statements' serverMs. */
  serverMs: number;
};

export type WatchOptions = {
  /** Log each statement's parse/bind/execute time (log_min_duration_statement = 0). */
  durations?: boolean;
  /** Log every plan the database executes, nested ones too (auto_explain, loaded per session). */
  plans?: boolean;
};

export type DatabaseWatch = {
  /** Runs `work` and returns what reached the database while it ran. No other client may use the database meanwhile. */
  observe: <T>(work: () => Promise<T>) => Promise<{ result: T; activity: ServerActivity }>;
};

type Counters = { sessions: number; transactions: number };

/**
 * Starts logging for `database` (on the server of `adminUrl`, a superuser connection).
 * Connections opened before this call are not logged; the settings go with the database
 * when it is dropped.
 */
export async function watchDatabase(
  adminUrl: string,
  database: string,
  options: WatchOptions = {},
): Promise<DatabaseWatch> {
  const settings: Array<[string, string]> = [['log_statement', 'all']];
  if (options.durations) settings.push(['log_min_duration_statement', '0']);
  if (options.plans) {
    settings.push(
      ['session_preload_libraries', 'auto_explain'],
      ['auto_explain.log_min_duration', '0'],
      ['auto_explain.log_nested_statements', 'on'],
    );
  }
  const log = await withClient(adminUrl, async (admin) => {
    for (const [name, value] of settings) {
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} SET ${name} = ${pg.escapeLiteral(value)}`);
    }
    return serverLogFile(admin);
  });
  // Each new session commits a transaction of its own while starting (PostgreSQL 15
  // counts it in xact_commit); measure that once rather than assume it.
  const perSession = await calibrate(adminUrl, database);

  return {
    observe: (work) =>
      withClient(adminUrl, async (admin) => {
        const before = await counters(admin, database);
        const offset = await logSize(admin, log.path);
        const result = await work();
        const after = await settledCounters(admin, database, before);
        const text = await readLog(admin, log.path, offset);
        const parsed = parseServerLog(text, log.prefix, database);
        const sessions = after.sessions - before.sessions;
        return {
          result,
          activity: {
            ...parsed,
            sessions,
            serverTransactions: after.transactions - before.transactions - sessions * perSession,
          },
        };
      }),
  };
}

/**
 * The file the server writes its log to: pg_current_logfile() when the logging collector
 * runs, else Debian's pg_ctlcluster default for this cluster (/var/log/postgresql/
 * postgresql-15-main.log); PG_SERVER_LOG overrides both.
 */
async function serverLogFile(admin: pg.Client): Promise<{ path: string; prefix: string }> {
  const { rows } = await admin.query<{ current: string | null; cluster: string; prefix: string; destination: string }>(
    `SELECT pg_current_logfile('stderr') AS current, current_setting('cluster_name') AS cluster,
            current_setting('log_line_prefix') AS prefix, current_setting('log_destination') AS destination`,
  );
  const row = rows[0]!;
  if (
    !row.destination
      .split(',')
      .map((d) => d.trim())
      .includes('stderr')
  ) {
    throw new Error(`the server logs to ${row.destination}, not stderr: cannot watch its statements`);
  }
  const debianDefault = /^\d+\/[\w-]+$/.test(row.cluster)
    ? `/var/log/postgresql/postgresql-${row.cluster.replace('/', '-')}.log`
    : undefined;
  const path = process.env.PG_SERVER_LOG || row.current || debianDefault;
  if (!path) throw new Error('cannot tell where the server logs; set PG_SERVER_LOG to its log file');
  if (!row.prefix.includes('%p') || !row.prefix.includes('%d')) {
    throw new Error(`log_line_prefix '${row.prefix}' lacks %p or %d: cannot tell backends and databases apart`);
  }
  return { path, prefix: row.prefix };
}

async function logSize(admin: pg.Client, path: string): Promise<number> {
  const { rows } = await admin.query<{ size: string }>('SELECT size::text FROM pg_stat_file($1)', [path]);
  return Number(rows[0]!.size);
}

async function readLog(admin: pg.Client, path: string, offset: number): Promise<string> {
  const size = await logSize(admin, path);
  // A log truncated in between (logrotate copytruncate): read it from the start.
  const from = size < offset ? 0 : offset;
  const { rows } = await admin.query<{ data: Buffer }>('SELECT pg_read_binary_file($1, $2, $3) AS data', [
    path,
    from,
    size - from,
  ]);
  return rows[0]!.data.toString('utf8');
}

async function counters(admin: pg.Client, database: string): Promise<Counters> {
  const { rows } = await admin.query<{ sessions: string; transactions: string }>(
    `SELECT sessions::text, (xact_commit + xact_rollback)::text AS transactions
     FROM pg_stat_database WHERE datname = $1`,
    [database],
  );
  const row = rows[0];
  if (!row) throw new Error(`no database ${database}`);
  return { sessions: Number(row.sessions), transactions: Number(row.transactions) };
}

/**
 * A backend leaves pg_stat_activity a moment before it flushes its statistics, so wait
 * until no backend is left on the database and the counters stop moving.
 */
async function settledCounters(admin: pg.Client, database: string, before: Counters): Promise<Counters> {
  const deadline = Date.now() + 5_000;
  let last = before;
  let stableSince = Date.now();
  for (;;) {
    await sleep(25);
    const { rows } = await admin.query<{ busy: number }>(
      'SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    const now = await counters(admin, database);
    if (now.sessions !== last.sessions || now.transactions !== last.transactions || rows[0]!.busy > 0) {
      stableSince = Date.now();
    }
    last = now;
    if (rows[0]!.busy === 0 && now.sessions > before.sessions && Date.now() - stableSince >= 150) return now;
    if (Date.now() > deadline) return now;
  }
}

/** How many transactions an empty session (connect, disconnect) adds to the counters. */
async function calibrate(adminUrl: string, database: string): Promise<number> {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return withClient(adminUrl, async (admin) => {
    const before = await counters(admin, database);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.end();
    const after = await settledCounters(admin, database, before);
    return (after.transactions - before.transactions) / Math.max(1, after.sessions - before.sessions);
  });
}

/** The log_line_prefix as a regular expression that captures the pid and the database. */
export function prefixPattern(prefix: string): RegExp {
  const escapes: Record<string, string> = {
    m: String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \S+`,
    t: String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+`,
    n: String.raw`\d+\.\d+`,
    p: String.raw`(?<pid>\d+)`,
    d: '(?<db>.*?)',
    '%': '%',
  };
  let pattern = '^';
  let optional = false;
  for (let i = 0; i < prefix.length; i++) {
    const char = prefix[i]!;
    if (char !== '%' || i + 1 >= prefix.length) {
      pattern += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const code = prefix[++i]!;
    if (code === 'q') {
      // Processes without a session (checkpointer, …) stop the prefix here.
      pattern += '(?:';
      optional = true;
    } else {
      pattern += escapes[code] ?? '.*?';
    }
  }
  if (optional) pattern += ')?';
  return new RegExp(`${pattern}(?<level>[A-Z]+):  (?<message>[\\s\\S]*)$`);
}

const BEGIN = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const END = /^\s*(COMMIT|END|ABORT|ROLLBACK(?!\s+(TO|PREPARED)\b))\b/i;
const STATEMENT = /^(?:statement|execute [^:]+): ([\s\S]*)$/;
const DURATION = /^duration: ([\d.]+) ms(?:\s+(parse|bind|plan|statement|execute)(?: [^:]*)?:\s?([\s\S]*))?$/;

/**
 * Parses the stderr log of the server: entries for `database` only. Continuation lines
 * of a message start with a tab, so every other line starts an entry.
 */
export function parseServerLog(
  text: string,
  prefix: string,
  database: string,
): Omit<ServerActivity, 'sessions' | 'serverTransactions'> {
  const pattern = prefixPattern(prefix);
  const statements: LoggedStatement[] = [];
  const plans: string[] = [];
  const pending = new Map<number, { parse: number; bind: number }>(); // waiting for their execute
  const last = new Map<number, LoggedStatement>();
  const inTransaction = new Map<number, boolean>();
  let transactions = 0;

  const add = (pid: number, text: string, executeMs: number) => {
    const opens = BEGIN.test(text);
    const closes = END.test(text);
    if (opens) transactions++;
    const { parse, bind } = pending.get(pid) ?? { parse: 0, bind: 0 };
    const statement: LoggedStatement = {
      pid,
      text: text.trim(),
      inTransaction: opens || closes || inTransaction.get(pid) === true,
      serverMs: parse + bind + executeMs,
      phasesMs: { parse, bind, execute: executeMs },
    };
    inTransaction.set(pid, opens || (inTransaction.get(pid) === true && !closes));
    statements.push(statement);
    last.set(pid, statement);
    pending.delete(pid);
  };

  for (const entry of text.split(/\n(?!\t)/)) {
    const match = pattern.exec(entry);
    if (!match?.groups || match.groups.db !== database || match.groups.level !== 'LOG') continue;
    const pid = Number(match.groups.pid);
    const message = match.groups.message!.replace(/\n\t/g, '\n');
    const statement = STATEMENT.exec(message);
    if (statement) {
      add(pid, statement[1]!, 0);
      continue;
    }
    const duration = DURATION.exec(message);
    if (!duration) continue;
    const ms = Number(duration[1]);
    const phase = duration[2];
    if (phase === 'plan') plans.push(duration[3] ?? '');
    else if (phase === 'parse' || phase === 'bind') {
      const phases = pending.get(pid) ?? { parse: 0, bind: 0 };
      phases[phase] += ms;
      pending.set(pid, phases);
    } else if (phase === 'statement' || phase === 'execute') add(pid, duration[3] ?? '', ms);
    else {
      const statement = last.get(pid);
      if (statement) {
        statement.serverMs += ms;
        statement.phasesMs.execute += ms;
      }
    }
  }
  return {
    backendPids: [...new Set(statements.map((s) => s.pid))],
    transactions,
    statements,
    outside: statements.filter((s) => !s.inTransaction),
    plans,
    serverMs: statements.reduce((sum, s) => sum + s.serverMs, 0),
  };
}

/** The relation scans of a logged plan: "Seq Scan on workout_log", "Index Scan using … on …". */
export function relationScans(plan: string): string[] {
  return [
    ...plan.matchAll(
      /((?:Parallel )?(?:Seq Scan|Index Only Scan(?: Backward)?|Index Scan(?: Backward)?|Bitmap Heap Scan|Tid Scan|Sample Scan)(?: using \S+)? on \S+)/g,
    ),
  ].map((m) => m[1]!);
}
