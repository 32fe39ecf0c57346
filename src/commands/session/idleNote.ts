import { formatGap } from '../../domain/sessionGap.js';
import { formatLocal } from '../../ui/time.js';

/** What `set add` and `session start` say when they end an active session found idle. */
export function idleSessionNote(sessionId: number, endedAt: Date, gapMinutes: number): string {
  return `Ended session ${sessionId} at its last set (${formatLocal(endedAt)}): idle for more than ${formatGap(gapMinutes)}.`;
}
