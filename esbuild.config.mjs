// Builds dist/ from src/ with esbuild: dist/cli.js plus chunks for what each command
// imports lazily. A command then reads a handful of files instead of resolving and
// linking ~270 modules one by one, which is most of what Node spends starting the CLI.
// Types are checked by `npm run typecheck` (tsc), not here.
//
// Everything is bundled, PGlite included: the published package has no runtime
// dependencies and installs offline. The only files PGlite reads from its own folder are
// its WebAssembly and data files, which it locates next to the module that loads them
// (`new URL('pglite.wasm', import.meta.url)`); they are copied beside the chunks below.
// Checked by installing the packed tarball into an empty prefix, with no node_modules
// above it, and creating an embedded database there (test/e2e/package.test.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('./', import.meta.url);

/**
 * pg asks "am I in a Cloudflare Worker?" when it loads: it reads the global `navigator`,
 * and where there is none (Node 20; Node 21+ has one) it builds a fetch Response, which
 * makes Node load its whole fetch implementation (undici): ~20 ms of every command.
 * Give pg's stream module the navigator that newer Node versions have.
 */
const pgNavigator = {
  name: 'pg-navigator',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/ }, async ({ path }) => ({
      contents: `const navigator = globalThis.navigator ?? { userAgent: 'Node.js' };\n${await fs.promises.readFile(path, 'utf8')}`,
      loader: 'js',
    }));
  },
};
fs.rmSync(new URL('dist/', root), { recursive: true, force: true });

/**
 * slonik require()s zod's CommonJS build and our ES imports would bundle its ES build:
 * two copies of zod. Resolve ours the way slonik's are resolved, so one copy is loaded.
 */
const oneZod = {
  name: 'one-zod',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^zod$/ }, ({ kind, resolveDir }) =>
      kind === 'require-call' ? undefined : esbuild.resolve('zod', { kind: 'require-call', resolveDir }),
    );
  },
};

/**
 * An ES import of a CommonJS package gets its own copy of the package's exports, made as
 * the importing module loads (esbuild's __toESM): ~60 of our modules import zod and ~40
 * slonik, ~10 M instructions of every command (~2 %). Their imports go through one ES
 * module that re-exports the package, so the exports are copied once.
 */
const sharedImports = {
  name: 'shared-imports',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(zod|slonik)$/ }, ({ path, kind, namespace }) =>
      kind === 'import-statement' && namespace !== 'shared-imports' ? { path, namespace: 'shared-imports' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'shared-imports' }, ({ path }) => ({
      contents: `export * from ${JSON.stringify(path)};`,
      resolveDir: fileURLToPath(root),
      loader: 'js',
    }));
  },
};

/**
 * The build id a CLI and its embedded database's background server must share
 * (src/db/serverFiles.ts): a hash of what the bundle is made from.
 */
function buildId() {
  const hash = crypto.createHash('sha256');
  const add = (dir) => {
    for (const entry of fs
      .readdirSync(new URL(dir, root), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = `${dir}${entry.name}`;
      if (entry.isDirectory()) add(`${file}/`);
      else hash.update(file).update(fs.readFileSync(new URL(file, root)));
    }
  };
  for (const dir of ['src/', 'sql/']) add(dir);
  hash.update(fs.readFileSync(new URL('package-lock.json', root)));
  return hash.digest('hex').slice(0, 12);
}

await build({
  define: { __WORKOUT_BUILD__: JSON.stringify(buildId()) },
  absWorkingDir: fileURLToPath(root),
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The bundled CommonJS packages (pg, slonik) require() Node's built-in modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [pgNavigator, sharedImports, oneZod],
  sourcemap: 'linked',
  // V8 scans every character of a module it compiles: without the indentation and comments
  // a command executes ~4 % fewer instructions (`set add` 539 -> 519 M). Names are kept,
  // so stack traces stay readable, and the source maps give lines.
  minifyWhitespace: true,
  logLevel: 'warning',
});

// Those PGlite reads at run time: PostgreSQL compiled to WebAssembly and its initial file
// system. Its bundled code lands in dist/chunks/.
for (const file of ['pglite.wasm', 'pglite.data']) {
  fs.copyFileSync(
    new URL(`node_modules/@electric-sql/pglite/dist/${file}`, root),
    new URL(`dist/chunks/${file}`, root),
  );
}

// A new data folder is unpacked from a cluster made here once (src/db/embedded.ts,
// NEW_CLUSTER): PGlite's initdb at run time took ~770 MB RSS and ~2 s, unpacking ~250 MB
// and ~1 s. Made by the PGlite that is bundled, so the cluster is the one it would make;
// kept per PGlite version in node_modules/.cache, since making it costs what initdb costs
// and every build (npm test, npx in a clone) would pay it again.
const pgliteVersion = JSON.parse(
  fs.readFileSync(new URL('node_modules/@electric-sql/pglite/package.json', root), 'utf8'),
).version;
const cachedCluster = new URL(`node_modules/.cache/workout/new-cluster-pglite-${pgliteVersion}.tar.gz`, root);
if (!fs.existsSync(cachedCluster)) {
  const { PGlite } = await import('@electric-sql/pglite');
  const template = await PGlite.create();
  const cluster = Buffer.from(await (await template.dumpDataDir('gzip')).arrayBuffer());
  await template.close();
  fs.mkdirSync(new URL('./', cachedCluster), { recursive: true });
  // Whole or not at all: a build killed while writing leaves no half file to reuse.
  const writing = new URL(`${cachedCluster.href}.${process.pid}`);
  fs.writeFileSync(writing, cluster);
  fs.renameSync(writing, cachedCluster);
}
fs.copyFileSync(cachedCluster, new URL('dist/chunks/new-cluster.tar.gz', root));
