import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.ts';
import { guideScripts, pointAt } from './guide.ts';
import { requireCommands, requirePythonHttpx } from './require-tools.ts';
import { runScript } from './run-script.ts';

/**
 * The "done when": the guide's own copy-paste workflows, unchanged except for the base
 * URL and key, reach `awaiting_review` and print the draft. One second of job time means the
 * first poll reads an in-flight status and the loop sleeps its 5 s as written; the two scripts run
 * side by side so the suite pays that once.
 */
describe.concurrent('the guide copy-paste workflows', () => {
  it('bash (curl, jq, uuidgen)', async () => {
    requireCommands({ curl: 'curl', jq: 'jq', uuidgen: 'uuid-runtime' });
    const emu = await startEmulator({ port: 0, jobDurationMs: 1000, queuedAckRate: 0 });
    try {
      const result = await runScript(
        'bash',
        'guide.sh',
        pointAt(guideScripts().bash, emu.url, emu.apiKey),
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      const statuses = lines.filter((l) => l.startsWith('status: '));
      expect(statuses.length).toBeGreaterThanOrEqual(2);
      expect(statuses.at(-1)).toBe('status: awaiting_review');
      const item = JSON.parse(lines.filter((l) => !l.startsWith('status: ')).join('\n'));
      expect(item.status).toBe('in_review');
      expect(item.title).toBe('Remote work productivity');
      const version = item.versions.at(-1);
      expect(version.markdown_body).toContain('## ');
      expect(version.markdown_body.toLowerCase()).toContain('remote work productivity');
      expect(version.scoring.geo_score).toBeGreaterThan(0);
      expect(version.sources.length).toBeGreaterThan(0);
      expect(emu.stats().jobsCreated).toBe(1);
    } finally {
      await emu.close();
    }
  });

  it('Python (httpx)', async () => {
    requirePythonHttpx('/usr/bin/python3');
    const emu = await startEmulator({ port: 0, jobDurationMs: 1000, queuedAckRate: 0 });
    try {
      const result = await runScript(
        '/usr/bin/python3',
        'guide.py',
        pointAt(guideScripts().python, emu.url, emu.apiKey),
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('## Key takeaways');
      expect(result.stdout.toLowerCase()).toContain('remote work productivity');
      expect(emu.stats().routes['GET /jobs/{job_id}']).toBeGreaterThanOrEqual(2);
      expect(emu.stats().routes['GET /content/{content_item_id}']).toBe(1);
    } finally {
      await emu.close();
    }
  });
});
