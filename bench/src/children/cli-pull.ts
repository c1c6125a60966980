// One `robowrite pull` in its own process, through the CLI's programmatic API, so its peak RSS
// is its own. Args: <root> <outDir> <statuses,comma> <rateLimit: off | N/windowMs>.
import { RoboWrite } from '@robowrite/core';
import { createContext, pull } from '@robowrite/sync-cli';
import { reportResult } from '../harness/child.ts';

const [root, outDir, statuses, limit] = process.argv.slice(2);
if (!root || !outDir || !statuses || !limit)
  throw new Error('usage: cli-pull <root> <outDir> <statuses> <limit>');
const [requests, windowMs] = limit.split('/').map(Number);
const client = new RoboWrite({
  userAgent: 'robowrite-cli/0.1.0',
  logLevel: 'off',
  rateLimit: limit === 'off' ? false : { requests: requests ?? 120, windowMs: windowMs ?? 60_000 },
});
const ctx = await createContext(root, { client, outDir, statuses: statuses.split(',') });
const started = performance.now();
const result = await pull(ctx);
const wallMs = performance.now() - started;
await client.close();
reportResult({
  wallMs,
  requests: result.requests,
  counts: result.counts,
  failures: result.failures.length,
  firstFailure: result.failures[0]?.message ?? null,
});
