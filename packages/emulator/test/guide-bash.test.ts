import { expect, it } from 'vitest';
import { guideScripts, pointAt } from './guide.ts';
import { start } from './helpers.ts';
import { runScript } from './run-script.ts';

it('runs the guide bash (curl/jq/uuidgen) workflow to awaiting_review and prints the draft', async () => {
  // One second of job time: the script's first poll sees `running`, then it sleeps 5 s as written.
  const emu = await start({ jobDurationMs: 1000, queuedAckRate: 0 });
  const script = pointAt(guideScripts().bash, emu.url, emu.apiKey);
  const result = await runScript('bash', 'guide.sh', script);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const lines = result.stdout.split('\n');
  expect(lines.filter((l) => l.startsWith('status: ')).at(-1)).toBe('status: awaiting_review');
  const item = JSON.parse(lines.filter((l) => !l.startsWith('status: ')).join('\n'));
  expect(item.status).toBe('in_review');
  expect(item.title).toBe('Remote work productivity');
  const version = item.versions.at(-1);
  expect(version.markdown_body).toContain('## ');
  expect(version.markdown_body.toLowerCase()).toContain('remote work productivity');
  expect(version.scoring.geo_score).toBeGreaterThan(0);
  expect(Array.isArray(version.sources)).toBe(true);
  expect(emu.stats().jobsCreated).toBe(1);
}, 30_000);
