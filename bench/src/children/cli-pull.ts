// One `robowrite pull` in its own process, through the CLI's programmatic API, so its peak RSS
// is its own. Run compiled, over the built packages and with the bin's Node flags
// (benchmarks/paths.ts), so it measures what an installed `robowrite pull` runs. Args: <root> <outDir> <statuses,comma> <rateLimit: off | N/windowMs[/process][/fixed]>
// (`/process`: this process's budget only, not the machine-wide one shared with other pulls;
// `/fixed`: a 429 only pauses, it does not cut the budget's share).
import { mkdir } from 'node:fs/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { RoboWrite } from '@robowrite/core';
import { createContext, pull } from '@robowrite/sync-cli';
import { reportResult } from '../harness/child.ts';

const [root, outDir, statuses, limit] = process.argv.slice(2);
if (!root || !outDir || !statuses || !limit)
  throw new Error('usage: cli-pull <root> <outDir> <statuses> <limit>');
const [requests, windowMs] = limit.split('/').map(Number);
const flags = limit.split('/').slice(2);
const scope = flags.includes('process') ? 'process' : 'machine';
const adaptive = !flags.includes('fixed');
const client = new RoboWrite({
  userAgent: 'robowrite-cli/0.1.0',
  logLevel: 'off',
  rateLimit:
    limit === 'off'
      ? false
      : { requests: requests ?? 120, windowMs: windowMs ?? 60_000, scope, adaptive },
});
// A project folder exists before robowrite runs in it (createContext checks its real path).
await mkdir(root, { recursive: true });
const ctx = await createContext(root, { client, outDir, statuses: statuses.split(',') });
// Where the RSS goes: the most V8 committed to the young and old generations, and the most
// memory outside the heap (undici's body chunks, file buffers), sampled while the pull runs.
const peak = { youngMB: 0, oldMB: 0, externalMB: 0 };
const sample = () => {
  for (const space of getHeapSpaceStatistics()) {
    const mb = space.space_size / (1024 * 1024);
    if (space.space_name === 'new_space') peak.youngMB = Math.max(peak.youngMB, mb);
    if (space.space_name === 'old_space') peak.oldMB = Math.max(peak.oldMB, mb);
  }
  peak.externalMB = Math.max(peak.externalMB, process.memoryUsage().external / (1024 * 1024));
};
const sampler = setInterval(sample, 100);
const started = performance.now();
// Phase boundaries, to show where a pull's time goes: listing, item reads, then render + write.
let listedAt = started;
let lastReadAt = started;
const result = await pull(ctx, {
  onProgress: (event) => {
    if (event.type === 'listed') listedAt = performance.now();
    if (event.type === 'read') lastReadAt = performance.now();
  },
});
const endedAt = performance.now();
sample();
clearInterval(sampler);
const wallMs = endedAt - started;
await client.close();
reportResult({
  wallMs,
  // The pull streams (writes overlap reads), so "read" runs to the last read and "write" is
  // only what is left after it: the last batch and the final state save.
  phases: {
    listMs: listedAt - started,
    readMs: Math.max(0, lastReadAt - listedAt),
    writeMs: endedAt - Math.max(listedAt, lastReadAt),
  },
  peak,
  requests: result.requests,
  counts: result.counts,
  failures: result.failures.length,
  firstFailure: result.failures[0]?.message ?? null,
});
