import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * Network and database faults for tests, made on this machine: servers that accept a
 * connection and then say nothing, ports nobody listens on, and a second connection
 * that holds a user's row lock so that a command blocks mid-transaction.
 */
export type FakeServer = { port: number; close: () => Promise<void> };

async function listen(onConnection: (socket: net.Socket) => void): Promise<FakeServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Accepts TCP connections and never sends a byte: a server that hangs before the handshake. */
export function silentServer(): Promise<FakeServer> {
  return listen(() => {});
}

/**
 * Completes the PostgreSQL startup handshake (AuthenticationOk, ReadyForQuery), then
 * never answers a query: a server or network that goes silent mid-command.
 */
export function stalledServer(): Promise<FakeServer> {
  return listen((socket) => {
    const onData = (data: Buffer) => {
      // An SSLRequest (sslmode prefer, libpq's default): "no TLS here", then the startup packet comes.
      if (data.length === 8 && data.readInt32BE(4) === 80_877_103) {
        socket.write('N');
        return;
      }
      socket.off('data', onData);
      socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0, 0x5a, 0, 0, 0, 5, 0x49]));
    };
    socket.on('data', onData);
  });
}

/** A loopback port with nobody listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = await listen(() => {});
  await server.close();
  return server.port;
}

export type HeldLock = { release: () => Promise<void> };

/**
 * Another connection takes the app_user row of `userName` FOR UPDATE and keeps its
 * transaction open: every workout write for that user (which locks the row first)
 * blocks until `release`.
 */
export async function holdUserLock(url: string, userName: string): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: url, application_name: 'test-lock-holder' });
  // A restart in the test may end this connection too: that is expected, not a crash.
  client.on('error', () => {});
  await client.connect();
  await client.query('BEGIN');
  const { rowCount } = await client.query('SELECT id FROM app_user WHERE name = $1 FOR UPDATE', [userName]);
  if (rowCount !== 1) throw new Error(`no app_user ${userName} to lock`);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** Waits until a `workout` backend in this database waits on a lock; returns its pid. */
export async function blockedWorkoutBackend(url: string, timeoutMs = 20_000): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'workout' AND wait_event_type = 'Lock'`,
      );
      if (rows[0]) return rows[0].pid;
      await sleep(50);
    }
    throw new Error('no workout command got blocked');
  } finally {
    await client.end();
  }
}

export async function terminateBackend(url: string, pid: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await client.end();
  }
}
