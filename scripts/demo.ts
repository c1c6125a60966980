#!/usr/bin/env node
/**
 * `./dev demo` (`pnpm demo`): the whole flow on one machine, no account needed, told as a story.
 *
 *   1. start the RoboWrite emulator (short jobs) and generate drafts both ways: topic autopilot
 *      for the brand without a CMS (ends `awaiting_review`) and the brief flow (ends `completed`)
 *   2. pull every draft into examples/blog/src/content/robowrite, exactly as `robowrite pull` does
 *   3. build examples/blog: the synced files (glob) and the API loader, side by side
 *   4. say where everything is, stop the emulator, exit 0
 *
 * Each step is a plain call into the packages, so this file doubles as an example of using the
 * CLI's sync functions from code.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RoboWrite } from '../packages/core/src/index.ts';
import { startEmulator } from '../packages/emulator/src/index.ts';
import {
  createContext,
  pull,
  type SyncContext,
  startGeneration,
} from '../packages/sync-cli/src/index.ts';
import {
  buildSite,
  clientDirOf,
  describePages,
  notableLines,
  prerenderedPages,
} from './demo-build.ts';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const blogRoot = resolve(repoRoot, 'examples/blog');
const rel = (path: string) => relative(repoRoot, path);
const step = (text: string) => console.log(`\n${text}`);
const say = (text: string) => console.log(`   ${text}`);

/** 1. Two generations, polled to their outcome. `fresh` starts new runs on every demo. */
async function generate(client: RoboWrite, ctx: SyncContext): Promise<void> {
  step('1. Generate two drafts');
  const brands = await client.brands.list();
  const noCms = brands.items.find((brand) => !brand.cms_connected);
  if (!noCms) throw new Error('the emulator fixture has no brand without a CMS');
  const title = 'A practical guide to async standups';
  const runs = [
    {
      what: `topic autopilot for "${noCms.name}" (a brand without a CMS)`,
      run: await startGeneration(
        ctx,
        {
          flow: 'topic',
          brandId: noCms.id,
          topic: { title: 'Remote work productivity', primaryKeyword: 'remote work productivity' },
        },
        { fresh: true },
      ),
    },
    {
      what: `brief flow "${title}"`,
      run: await startGeneration(
        ctx,
        {
          flow: 'brief',
          brief: {
            title,
            primaryKeyword: 'async standups',
            targetWordCount: 1200,
            tone: 'friendly',
          },
          generate: { citationMode: 'inline' },
        },
        { fresh: true },
      ),
    },
  ];
  for (const { what, run } of runs) {
    const outcome = await client.jobs.waitFor(run.job.jobId as string, { intervalMs: 250 });
    say(`${what}: job ${outcome.job.job_id} ended ${outcome.status}`);
  }
}

/** 2. Pull: new and changed drafts are written, unchanged ones left alone, local edits kept. */
async function pullDrafts(ctx: SyncContext): Promise<boolean> {
  step(`2. Pull every draft into ${rel(ctx.outDir)}/`);
  const result = await pull(ctx);
  for (const action of result.actions) {
    if (action.kind !== 'skip') say(`${action.kind.padEnd(8)} ${action.file}`);
  }
  const c = result.counts;
  say(
    `${c.create} created, ${c.update} updated, ${c.delete} deleted, ${c.conflict} conflict(s), ${c.skip} unchanged`,
  );
  for (const failure of result.failures) console.error(`   failed: ${failure.message}`);
  return result.failures.length === 0;
}

/** 3. The site, built as a child process (this process's emulator answers the loader). */
async function build(env: NodeJS.ProcessEnv): Promise<void> {
  step(`3. Build ${rel(blogRoot)} (astro build): the pulled files and the API loader`);
  const result = await buildSite(blogRoot, env);
  if (result.code !== 0) {
    console.error(result.log);
    throw new Error(`astro build exited with code ${result.code}`);
  }
  for (const line of notableLines(result.log)) say(line);
  const clientDir = clientDirOf(blogRoot);
  say(describePages(await prerenderedPages(clientDir), rel(clientDir)));
}

/** 4. Where things are. */
function whereToLook(ctx: SyncContext): void {
  step('4. Where to look');
  say(`Markdown drafts: ${rel(ctx.outDir)}/ (draft: true until the item is published)`);
  say(`Sync state:      ${rel(resolve(blogRoot, '.robowrite/state.json'))}`);
  say(`Built site:      ${rel(resolve(clientDirOf(blogRoot), 'index.html'))}`);
  say('Serve it:        ./dev preview');
  say('                 (its /preview/[id] page reads the live API: run `./dev emulator` and');
  say('                 export the two lines it prints first)');
}

const emulator = await startEmulator({ port: 0, jobDurationMs: 1500 });
console.log('robowrite demo: RoboWrite drafts into an Astro site, with git as the CMS');
console.log(`The local emulator stands in for the API (no account, no key): ${emulator.url}`);
let exitCode = 0;
try {
  const client = new RoboWrite({ apiKey: emulator.apiKey, baseURL: emulator.url });
  const ctx = await createContext(blogRoot, { client });
  await generate(client, ctx);
  if (!(await pullDrafts(ctx))) exitCode = 1;
  await build({ ROBOWRITE_API_KEY: emulator.apiKey, ROBOWRITE_BASE_URL: emulator.url });
  whereToLook(ctx);
} catch (error) {
  console.error(`\ndemo failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await emulator.close();
}
process.exitCode = exitCode;
