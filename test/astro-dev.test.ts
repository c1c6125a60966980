import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RoboWrite } from '@robowrite/core';
import { startEmulator } from '@robowrite/emulator';
import { describe, expect, it, vi } from 'vitest';
import { copyBlog, freePort, siteEnv } from './support/blog-site.ts';
import { pageText } from './support/html.ts';

describe('examples/blog under astro dev', () => {
  it('shows a draft that lands upstream without a restart', async () => {
    const emu = await startEmulator({ port: 0, jobDurationMs: 30, rateLimit: false });
    const site = await copyBlog();
    // Poll often so the test is quick; the example polls every 30 s.
    const configPath = join(site, 'astro.config.ts');
    const config = await readFile(configPath, 'utf8');
    await writeFile(
      configPath,
      config.replace('robowriteDevRefresh()', 'robowriteDevRefresh({ intervalMs: 200 })'),
    );
    const port = await freePort();
    const dev = spawn(
      process.execPath,
      [
        join(site, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      { cwd: site, env: siteEnv(emu), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    dev.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    dev.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const index = async (): Promise<string> => {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      return pageText(await response.text());
    };
    try {
      const client = new RoboWrite({ apiKey: emu.apiKey, baseURL: emu.url });
      // Archived is the one status the loader leaves out by default.
      const [archived] = (await client.content.list({ status: 'archived' })).items;
      if (!archived) throw new Error('the demo fixture has an archived item');

      await vi.waitFor(
        async () => expect(await index(), output).toContain('RoboWrite, straight from the API'),
        {
          timeout: 60_000,
          interval: 250,
        },
      );
      expect(await index()).not.toContain(archived.title);

      await client.content.update(archived.id, { status: 'in_review' });

      await vi.waitFor(async () => expect(await index()).toContain(archived.title), {
        timeout: 30_000,
        interval: 250,
      });
      expect(output).toContain('RoboWrite drafts changed: refreshing content');
      expect(output).toMatch(/synced \d+ items: 1 fetched, 1 rendered, 0 removed/);
      expect(output).not.toContain(emu.apiKey);
    } finally {
      await new Promise<void>((done) => {
        dev.on('close', () => done());
        dev.kill('SIGTERM');
      });
      await emu.close();
      await rm(site, { recursive: true, force: true });
    }
  });
});
