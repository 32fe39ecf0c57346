import type net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/** Request codes of the 8- or 16-byte messages a client may send before its startup message. */
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
const TERMINATE = 0x58; // 'X'
/** CopyFail ('f', "reset") then Sync ('S'): ends a COPY or an extended-protocol batch a client left half sent. */
const END_HALF_SENT = Buffer.from([0x66, 0, 0, 0, 10, 0x72, 0x65, 0x73, 0x65, 0x74, 0, 0x53, 0, 0, 0, 4]);

/** The first complete protocol message in `buffer` and its length, or undefined while it is incomplete. */
function nextMessage(buffer: Buffer, started: boolean): Buffer | undefined {
  const header = started ? 5 : 4;
  if (buffer.length < header) return undefined;
  const length = started ? 1 + buffer.readInt32BE(1) : buffer.readInt32BE(0);
  return buffer.length >= length ? buffer.subarray(0, length) : undefined;
}

/** An ErrorResponse (severity, SQLSTATE, message): how a client learns the server has failed. */
export function errorResponse(severity: string, sqlstate: string, message: string): Buffer {
  const fields = Buffer.from(`S${severity}\0V${severity}\0C${sqlstate}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.writeUInt8(0x45, 0); // 'E'
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}

/** The length of the complete typed messages (type byte, int32 length) at the start of `buffer`. */
export function completeLength(buffer: Buffer): number {
  let end = 0;
  while (end + 5 <= buffer.length) {
    const next = end + 1 + buffer.readInt32BE(end + 1);
    if (next > buffer.length) break;
    end = next;
  }
  return end;
}

/**
 * PGlite's answer reaches the client in whole messages only: PostgreSQL flushes its 8 kB
 * send buffer in the middle of a message, and if the backend fails before the rest, the
 * ErrorResponse that says why must not land inside that half message.
 */
class WholeMessages {
  #tail: Buffer = Buffer.alloc(0);
  readonly #socket: net.Socket;

  constructor(socket: net.Socket) {
    this.#socket = socket;
  }

  write(data: Uint8Array): void {
    // PGlite hands out a view of its own memory: copied here before it is reused.
    const chunk = Buffer.concat([this.#tail, data]);
    const whole = completeLength(chunk);
    if (whole > 0 && !this.#socket.destroyed) this.#socket.write(chunk.subarray(0, whole));
    this.#tail = chunk.subarray(whole);
  }
}

/**
 * PGlite is a single PostgreSQL backend. Shared message by message between clients (as
 * pglite-socket does), one client's statements could run inside another's transaction or
 * with its session settings. So a client has the backend for its whole connection (one
 * CLI command), and the next waits, accepted but unanswered, until the previous one has
 * disconnected and the session is reset: commands from several terminals run in turn.
 */
export class SessionRelay {
  readonly #db: PGlite;
  readonly #onIdle: () => void;
  readonly #waiting: net.Socket[] = [];
  #active: net.Socket | undefined;
  #failed = false;

  constructor(db: PGlite, onIdle: () => void) {
    this.#db = db;
    this.#onIdle = onIdle;
  }

  /** A client being served or waiting. */
  get busy(): boolean {
    return this.#active !== undefined || this.#waiting.length > 0;
  }

  /**
   * Tells the client being served why the server is failing (an ErrorResponse), and
   * resolves once that is sent; the socket is left alone from here on.
   */
  fail(severity: string, sqlstate: string, message: string): Promise<void> {
    this.#failed = true;
    const socket = this.#active;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => socket.end(errorResponse(severity, sqlstate, message), resolve));
  }

  accept(socket: net.Socket): void {
    socket.pause();
    socket.on('error', () => {});
    socket.once('close', () => {
      const index = this.#waiting.indexOf(socket);
      if (index >= 0) this.#waiting.splice(index, 1);
      if (!this.busy) this.#onIdle();
    });
    this.#waiting.push(socket);
    this.#next();
  }

  #next(): void {
    if (this.#active || this.#failed) return;
    const socket = this.#waiting.shift();
    if (!socket) return;
    this.#active = socket;
    void this.#serve(socket)
      .then(() => this.#reset())
      .catch(() => {
        // A backend that cannot be reset serves nobody else: end the server (the data is safe in the WAL).
        // After fail(), the server ends once its client has been told why.
        if (!this.#failed) process.exit(1);
      })
      .then(() => {
        this.#active = undefined;
        if (this.busy) this.#next();
        else this.#onIdle();
      });
  }

  /** Relays `socket`'s messages to PGlite one at a time, in order; resolves when it has disconnected. */
  #serve(socket: net.Socket): Promise<void> {
    return new Promise((resolve) => {
      let buffer: Buffer = Buffer.alloc(0);
      let started = false;
      let working = false;
      const output = new WholeMessages(socket);
      let closed = false;
      const pump = async () => {
        if (working) return;
        working = true;
        for (let message = nextMessage(buffer, started); message; message = nextMessage(buffer, started)) {
          buffer = buffer.subarray(message.length);
          if (closed) break;
          if (!started && message.length >= 8 && message.readInt32BE(4) === CANCEL_REQUEST) {
            // PGlite cannot interrupt a query; the request's own connection just ends.
            socket.destroy();
          } else if (
            !started &&
            message.length === 8 &&
            [SSL_REQUEST, GSSENC_REQUEST].includes(message.readInt32BE(4))
          ) {
            socket.write('N');
          } else if (started && message[0] === TERMINATE) {
            socket.end();
          } else {
            started = true;
            // PGlite failing (rather than answering with an error) ends this client; the reset then decides for the server.
            await this.#execute(message, output).catch(() => {
              if (!this.#failed) socket.destroy();
            });
          }
        }
        working = false;
        if (closed) resolve();
      };
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        void pump();
      });
      socket.once('close', () => {
        closed = true;
        if (!working) resolve();
      });
      socket.resume();
    });
  }

  #execute(message: Buffer, output: WholeMessages): Promise<void> {
    return this.#db.runExclusive(() =>
      this.#db.execProtocolRawStream(new Uint8Array(message), { onRawData: (data) => output.write(data) }),
    );
  }

  /** Leaves the backend as a new connection finds it, whatever the last client left half done. */
  async #reset(): Promise<void> {
    await this.#db.runExclusive(() => this.#db.execProtocolRaw(new Uint8Array(END_HALF_SENT)));
    if (this.#db.isInTransaction()) await this.#db.exec('ROLLBACK');
    await this.#db.exec('DISCARD ALL');
  }
}
