// `pnpm bench` (full) and `pnpm bench:smoke` (small N; exits 1 when an exact figure is wrong).
// `--only pull,rate` runs a subset. Full runs write bench/results/<date>.md (<date>-<hhmm>.md for a
// second run that day).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loaderVsGlob } from './benchmarks/loader-vs-glob.ts';
import { manyJobs } from './benchmarks/many-jobs.ts';
import { pullAtScale } from './benchmarks/pull-at-scale.ts';
import { rateLimitBound } from './benchmarks/rate-limit-bound.ts';
import { sharedBudget } from './benchmarks/shared-budget.ts';
import { startUp } from './benchmarks/start-up.ts';
import { watchToPage } from './benchmarks/watch-to-page.ts';
import { type BenchResult, machineLines, toMarkdown, writeResults } from './harness/report.ts';

const BENCHMARKS: Record<
  string,
  (smoke: boolean, log: (line: string) => void) => Promise<BenchResult>
> = {
  loader: loaderVsGlob,
  pull: pullAtScale,
  rate: rateLimitBound,
  jobs: manyJobs,
  watch: watchToPage,
  startup: startUp,
  budget: sharedBudget,
};

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});
const smoke = values.smoke ?? false;
const names = values.only ? values.only.split(',') : Object.keys(BENCHMARKS);
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')} (known: ${Object.keys(BENCHMARKS).join(', ')})`,
  );
  process.exit(2);
}

const log = (line: string) => console.error(`[bench] ${line}`);
const header = ['# robowrite benchmarks', '', ...machineLines(smoke)];
const sections: string[] = [];
const wrong: string[] = [];
const crashed: string[] = [];
for (const name of names) {
  const started = Date.now();
  try {
    const result = await (BENCHMARKS[name] as (typeof BENCHMARKS)[string])(smoke, log);
    const text = toMarkdown(result);
    console.log(`\n${text}`);
    sections.push(text);
    for (const c of result.checks.filter((check) => check.expected !== check.actual)) {
      wrong.push(`${name}: ${c.what}: expected ${c.expected}, got ${c.actual}`);
    }
  } catch (error) {
    crashed.push(`${name}: did not complete: ${(error as Error).message}`);
    const message = `## ${name}\n\nDid not complete: ${(error as Error).message}\n`;
    console.log(`\n${message}`);
    sections.push(message);
  }
  log(`${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** `results/<date>.md`, or `<date>-<hhmm>.md` when that day already has a run: none is overwritten. */
function resultsPath(at: Date): string {
  const day = at.toISOString().slice(0, 10);
  const first = fileURLToPath(new URL(`../results/${day}.md`, import.meta.url));
  if (!existsSync(first)) return first;
  const time = at.toISOString().slice(11, 16).replace(':', '');
  return fileURLToPath(new URL(`../results/${day}-${time}.md`, import.meta.url));
}

if (!smoke || values.out) {
  const path = values.out ?? resultsPath(new Date());
  await writeResults(path, header, sections);
  log(`results written to ${path}`);
}
// Named again at the end, so the tail of a long CI log says which figure failed.
if (wrong.length > 0 || crashed.length > 0) {
  for (const line of [...wrong, ...crashed]) console.error(`[bench] ${line}`);
  console.error(
    `${wrong.length} exact figure(s) wrong, ${crashed.length} benchmark(s) did not complete`,
  );
  process.exit(1);
}
