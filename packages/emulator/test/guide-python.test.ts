import { expect, it } from 'vitest';
import { guideScripts, pointAt } from './guide.ts';
import { start } from './helpers.ts';
import { runScript } from './run-script.ts';

it('runs the guide Python httpx workflow to awaiting_review and prints the draft', async () => {
  const emu = await start({ jobDurationMs: 1000, queuedAckRate: 0 });
  const script = pointAt(guideScripts().python, emu.url, emu.apiKey);
  const result = await runScript('/usr/bin/python3', 'guide.py', script);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('## Key takeaways');
  expect(result.stdout.toLowerCase()).toContain('remote work productivity');
  // The job really was polled to the review state, through the in-flight states.
  expect(emu.stats().routes['GET /jobs/{job_id}']).toBeGreaterThanOrEqual(2);
  expect(emu.stats().routes['GET /content/{content_item_id}']).toBe(1);
}, 30_000);
