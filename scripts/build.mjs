// Builds dist/ from src/ with esbuild: dist/cli.js plus chunks for what each command
// imports lazily. A command then reads a handful of files instead of resolving and
// linking ~270 modules one by one, which is most of what Node spends starting the CLI.
// Types are checked by `npm run typecheck` (tsc), not here.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
fs.rmSync(new URL('dist/', root), { recursive: true, force: true });

await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // PGlite loads its WebAssembly and data files from its own package folder.
  external: ['@electric-sql/*'],
  // The bundled CommonJS packages (pg, slonik) require() Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
