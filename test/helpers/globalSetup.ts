import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { runCli } from './cli.js';
import { endServersOfRun } from './serverSweep.js';
import { serverUrl } from './serverUrl.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder (WORKOUT_HOME) that tests copy instead of creating one (~6 s). */
    embeddedTemplate: string;
    /** A migrated database on the test server that tests clone with CREATE DATABASE … TEMPLATE. */
    serverTemplate: string | null;
  }
}

async function migrate(env: Record<string, string>) {
  const result = await runCli(['db', 'migrate'], { env, timeoutMs: 120_000 });
  if (result.code !== 0) throw new Error(`workout db migrate failed: ${result.stderr}`);
}

export default async function setup(project: TestProject) {
  const embeddedTemplate = fs.mkdtempSync(path.join(os.tmpdir(), 'workout-template-'));
  // In-process: the template is copied, so no background server may hold it open.
  await migrate({ WORKOUT_HOME: embeddedTemplate, WORKOUT_SERVER: '0' });
  project.provide('embeddedTemplate', embeddedTemplate);

  const adminUrl = process.env.TEST_DATABASE_URL;
  let serverTemplate: string | null = null;
  if (adminUrl) {
    serverTemplate = `workout_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${serverTemplate}`);
    await admin.query(`CREATE DATABASE ${serverTemplate}`);
    await admin.end();
    await migrate({ DATABASE_URL: serverUrl(adminUrl, serverTemplate) });
  }
  project.provide('serverTemplate', serverTemplate);

  return async () => {
    // Each test stops its folder's server when it drops the folder, and the rest stop after 10 s idle:
    // whatever is still running now is ended, so that a run leaves no process behind.
    const left = await endServersOfRun(process.env.WORKOUT_TEST_RUN ?? '');
    if (left.length > 0)
      console.warn(`ended ${left.length} embedded background server(s) left running: ${left.join(', ')}`);
    fs.rmSync(embeddedTemplate, { recursive: true, force: true });
    if (adminUrl && serverTemplate) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${serverTemplate} WITH (FORCE)`);
      await admin.end();
    }
  };
}
