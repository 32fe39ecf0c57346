/**
 * PostgreSQL's memory settings for the embedded database. PGlite runs PostgreSQL inside
 * this process's WebAssembly memory, which grows and never shrinks, so every buffer it
 * fills stays in the command's resident set. Its defaults are a server's (128 MB of
 * shared buffers, 64 MB for VACUUM): a `set add` peaked at ~310 MB RSS and a 300,000-set
 * import at ~850 MB. A personal log of years of sets is tens of MB on disk and the
 * operating system caches its files anyway: small buffers cost little time here.
 * 4 MB rather than 16 MB of shared buffers: a background server that serves one `set add`
 * peaks ~13 MB lower, and `set add`, `progress`, `stats` and a 300,000-set export take
 * the same time (bench item 11 and test/bench/trainingReads.ts).
 */
const EMBEDDED_MEMORY = {
  shared_buffers: '4MB',
  maintenance_work_mem: '16MB',
  wal_buffers: '1MB',
} as const;

/** PGlite's start parameters with the memory settings above. */
export function embeddedStartParams(defaults: readonly string[]): string[] {
  return [...defaults, ...Object.entries(EMBEDDED_MEMORY).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}
