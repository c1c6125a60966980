#!/usr/bin/env node
/**
 * `./dev demo` (`pnpm demo`): the whole flow on one machine, no account needed, told as a story.
 *
 *   1. start an emulator per provider (short jobs) and generate four drafts: RoboWrite both ways
 *      (topic autopilot for the brand without a CMS ends `awaiting_review`, the brief flow ends
 *      `completed`), one WriterzRoom generation and one Writer job
 *   2. pull every draft into its folder, exactly as `robowrite pull` does: RoboWrite's into
 *      examples/blog/src/content/robowrite, the others' into examples/blog/providers/<name>/posts
 *   3. build examples/blog: the synced files of the three providers (glob) and the API loader
 *   4. say where everything is, stop the emulators, exit 0
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
import { type ProviderProject, startProviderProjects, waitForOutcome } from './demo-providers.ts';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const blogRoot = resolve(repoRoot, 'examples/blog');
const JOB_DURATION_MS = 1500;
const rel = (path: string) => relative(repoRoot, path);
const step = (text: string) => console.log(`\n${text}`);
const say = (text: string) => console.log(`   ${text}`);

/** A synced folder and the context that pulls into it. */
interface Project {
  label: string;
  ctx: SyncContext;
}

/** A generation started, told once it ended. */
interface Started {
  what: string;
  ended: () => Promise<{ jobId: string; status: string }>;
}

/** RoboWrite's two generations: topic autopilot and the brief flow. */
async function startRoboWrite(client: RoboWrite, ctx: SyncContext): Promise<Started[]> {
  const brands = await client.brands.list();
  const noCms = brands.items.find((brand) => !brand.cms_connected);
  if (!noCms) throw new Error('the emulator fixture has no brand without a CMS');
  const title = 'A practical guide to async standups';
  const topic = await startGeneration(
    ctx,
    {
      flow: 'topic',
      brandId: noCms.id,
      topic: { title: 'Remote work productivity', primaryKeyword: 'remote work productivity' },
    },
    { fresh: true },
  );
  const brief = await startGeneration(
    ctx,
    {
      flow: 'brief',
      brief: { title, primaryKeyword: 'async standups', targetWordCount: 1200, tone: 'friendly' },
      generate: { citationMode: 'inline' },
    },
    { fresh: true },
  );
  const ended = (jobId: string) => async () => {
    const outcome = await client.jobs.waitFor(jobId, { intervalMs: 250 });
    return { jobId: outcome.job.job_id, status: outcome.status };
  };
  return [
    {
      what: `RoboWrite: topic autopilot for "${noCms.name}" (a brand without a CMS)`,
      ended: ended(topic.job.jobId as string),
    },
    { what: `RoboWrite: brief flow "${title}"`, ended: ended(brief.job.jobId as string) },
  ];
}

/** One generation through the provider's project, the input in the provider's own shape. */
async function startOther(project: ProviderProject): Promise<Started> {
  const run = await startGeneration(project.ctx, project.input, { fresh: true });
  const jobId = run.job.jobId as string;
  return {
    what: `${project.label}: ${project.what}`,
    ended: async () => ({
      jobId,
      status: (await waitForOutcome(project.ctx.provider, jobId)).status,
    }),
  };
}

/** 1. Four generations, polled to their outcome together. `fresh` starts new runs every demo. */
async function generate(
  client: RoboWrite,
  robowrite: SyncContext,
  others: ProviderProject[],
): Promise<void> {
  step('1. Generate four drafts (RoboWrite x2, WriterzRoom, Writer)');
  const started = [
    ...(await startRoboWrite(client, robowrite)),
    ...(await Promise.all(others.map(startOther))),
  ];
  const ended = await Promise.all(started.map((run) => run.ended()));
  started.forEach((run, i) => {
    say(`${run.what}: job ${ended[i]?.jobId} ended ${ended[i]?.status}`);
  });
}

/** 2. Pull: new and changed drafts are written, unchanged ones left alone, local edits kept. */
async function pullDrafts(projects: Project[]): Promise<boolean> {
  step('2. Pull every draft into its folder');
  let ok = true;
  for (const { label, ctx } of projects) {
    say(`${label} into ${rel(ctx.outDir)}/`);
    const result = await pull(ctx);
    for (const action of result.actions) {
      if (action.kind !== 'skip') say(`  ${action.kind.padEnd(8)} ${action.file}`);
    }
    const c = result.counts;
    say(
      `  ${c.create} created, ${c.update} updated, ${c.delete} deleted, ${c.conflict} conflict(s), ${c.skip} unchanged`,
    );
    for (const failure of result.failures) console.error(`   failed: ${failure.message}`);
    ok &&= result.failures.length === 0;
  }
  return ok;
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
function whereToLook(projects: Project[]): void {
  step('4. Where to look');
  say('Markdown drafts (draft: true until the item is published):');
  for (const { label, ctx } of projects) say(`  ${`${label}:`.padEnd(13)} ${rel(ctx.outDir)}/`);
  say('Sync state:      .robowrite/state.json in examples/blog and in each providers/<name>/');
  say(`Built site:      ${rel(resolve(clientDirOf(blogRoot), 'index.html'))}`);
  say('Serve it:        ./dev preview');
  say('                 (its /preview/[id] page reads the live API: run `./dev emulator` and');
  say('                 export the two lines it prints first)');
}

const emulator = await startEmulator({ port: 0, jobDurationMs: JOB_DURATION_MS });
console.log('robowrite demo: drafts from three providers into an Astro site, with git as the CMS');
console.log('Local emulators stand in for the APIs (no account, no key):');
console.log(`   ${'RoboWrite'.padEnd(11)} ${emulator.url}`);
let exitCode = 0;
let others: ProviderProject[] = [];
try {
  others = await startProviderProjects(blogRoot, JOB_DURATION_MS);
  for (const other of others) console.log(`   ${other.label.padEnd(11)} ${other.url}`);
  const client = new RoboWrite({ apiKey: emulator.apiKey, baseURL: emulator.url });
  const robowrite = await createContext(blogRoot, { client });
  const projects: Project[] = [{ label: 'RoboWrite', ctx: robowrite }, ...others];
  await generate(client, robowrite, others);
  if (!(await pullDrafts(projects))) exitCode = 1;
  await build({ ROBOWRITE_API_KEY: emulator.apiKey, ROBOWRITE_BASE_URL: emulator.url });
  whereToLook(projects);
} catch (error) {
  console.error(`\ndemo failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await Promise.all([emulator.close(), ...others.map((other) => other.close())]);
}
process.exitCode = exitCode;
