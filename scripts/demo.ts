#!/usr/bin/env node
/**
 * `pnpm demo`: the whole flow on one machine, no account needed.
 *
 *   1. start the RoboWrite emulator (short jobs)
 *   2. generate drafts both ways: topic autopilot for the brand without a CMS (ends
 *      `awaiting_review`) and the brief flow (ends `completed`)
 *   3. wait for the jobs
 *   4. pull every draft into examples/blog/src/content/robowrite, exactly as `robowrite pull` does
 *   5. build examples/blog: the synced files (glob) and the API loader, side by side
 *   6. say where everything is, stop the emulator, exit 0
 *
 * Each step is a plain call into the packages, so this file doubles as an example of using the
 * CLI's sync functions from code.
 */
import { spawn } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RoboWrite } from '../packages/core/src/index.ts';
import { startEmulator } from '../packages/emulator/src/index.ts';
import { createContext, pull, startGeneration } from '../packages/sync-cli/src/index.ts';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const blogRoot = resolve(repoRoot, 'examples/blog');
const step = (text: string) => console.log(`\n▸ ${text}`);

// 1. The emulator: jobs take a second or two instead of the real 10–17 minutes.
step('Starting the RoboWrite emulator');
const emulator = await startEmulator({ port: 0, jobDurationMs: 1500 });
console.log(`  ${emulator.url}`);
let exitCode = 0;
try {
  const client = new RoboWrite({ apiKey: emulator.apiKey, baseURL: emulator.url });
  const ctx = await createContext(blogRoot, { client });

  // 2. Two generations. `fresh` starts new runs even if an earlier demo recorded the same input.
  step('Generating drafts');
  const brands = await client.brands.list();
  const noCms = brands.items.find((brand) => !brand.cms_connected);
  if (!noCms) throw new Error('the emulator fixture has no brand without a CMS');
  const topicRun = await startGeneration(
    ctx,
    {
      flow: 'topic',
      brandId: noCms.id,
      topic: { title: 'Remote work productivity', primaryKeyword: 'remote work productivity' },
    },
    { fresh: true },
  );
  console.log(`  topic autopilot for "${noCms.name}" (no CMS): job ${topicRun.job.jobId}`);
  const briefRun = await startGeneration(
    ctx,
    {
      flow: 'brief',
      brief: {
        title: 'A practical guide to async standups',
        primaryKeyword: 'async standups',
        targetWordCount: 1200,
        tone: 'friendly',
      },
      generate: { citationMode: 'inline' },
    },
    { fresh: true },
  );
  console.log(`  brief flow: job ${briefRun.job.jobId}`);

  // 3. Poll both jobs to their outcome.
  step('Waiting for the jobs');
  for (const run of [topicRun, briefRun]) {
    const outcome = await client.jobs.waitFor(run.job.jobId as string, { intervalMs: 250 });
    console.log(`  job ${outcome.job.job_id}: ${outcome.status}`);
  }

  // 4. Pull: new and changed drafts are written, unchanged ones left alone, local edits kept.
  step(`Pulling into ${relative(repoRoot, ctx.outDir)}`);
  const result = await pull(ctx);
  for (const action of result.actions) {
    if (action.kind !== 'skip') console.log(`  ${action.kind.padEnd(8)} ${action.file}`);
  }
  const c = result.counts;
  console.log(
    `  ${c.create} created, ${c.update} updated, ${c.delete} deleted, ${c.conflict} conflict(s), ${c.skip} unchanged`,
  );
  for (const failure of result.failures) console.error(`  failed: ${failure.message}`);
  if (result.failures.length > 0) exitCode = 1;

  // 5. The site. The emulator answers from this process, so the build runs as a child process
  // (a synchronous spawn would leave the emulator unable to answer the loader's requests).
  step('Building examples/blog (astro build)');
  const buildCode = await new Promise<number | null>((done, fail) => {
    const child = spawn(
      process.execPath,
      [resolve(blogRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {
        cwd: blogRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          ROBOWRITE_API_KEY: emulator.apiKey,
          ROBOWRITE_BASE_URL: emulator.url,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      },
    );
    child.on('error', fail);
    child.on('close', done);
  });
  if (buildCode !== 0) throw new Error(`astro build exited with code ${buildCode}`);

  // 6. Where things are.
  step('Done');
  console.log(`  Markdown drafts: ${relative(repoRoot, ctx.outDir)}/`);
  console.log(
    `  Sync state:      ${relative(repoRoot, resolve(blogRoot, '.robowrite/state.json'))}`,
  );
  console.log('  The awaiting_review draft has `draft: true`; the completed one `draft: false`.');
  console.log(
    `  Built site:      ${relative(repoRoot, resolve(blogRoot, 'dist/client/index.html'))}`,
  );
  console.log('  Preview it:      pnpm --filter @robowrite/example-blog preview');
  console.log(
    '                   (the /preview/ pages read the live API: run `pnpm emulator` and export its two lines first)',
  );
} catch (error) {
  console.error(`\ndemo failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await emulator.close();
}
process.exitCode = exitCode;
