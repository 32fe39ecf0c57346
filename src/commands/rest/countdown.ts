/** How a rest ended: run out, or cut short with Ctrl-C. */
export type RestEnd = { completed: boolean; elapsedSeconds: number };

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Waits `seconds`. With `screen` (a terminal), shows the time left on one line rewritten
 * with \r every second and rings the bell at the end. Ctrl-C (SIGINT) ends the wait
 * early rather than the process: the caller reports it.
 */
export function countdown(seconds: number, screen: NodeJS.WriteStream | null): Promise<RestEnd> {
  const started = Date.now();
  const elapsed = () => Math.min(seconds, Math.floor((Date.now() - started) / 1000));
  const show = (text: string) => screen?.write(`\r${text}\u001b[K`);
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (completed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const done = elapsed();
      show(completed ? `Rest over (${clock(seconds)}).\u0007\n` : `Rest stopped after ${clock(done)}.\n`);
      resolve({ completed, elapsedSeconds: completed ? seconds : done });
    };
    // The handler stays until the process exits: a second Ctrl-C while the summary is
    // written must not turn a stopped rest into a killed process (exit 130).
    process.on('SIGINT', () => finish(false));
    // Each tick is timed from the start, so the display does not drift behind the clock.
    const tick = () => {
      const left = seconds - elapsed();
      if (left <= 0) return finish(true);
      show(`Rest ${clock(left)} `);
      timer = setTimeout(tick, 1000 - ((Date.now() - started) % 1000));
    };
    tick();
  });
}
