import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITIGNORE_LINES } from '../src/commands/init.ts';
import { cli, cliEnv, emulator, OUT, project, type TestEmulator, tree } from './helpers.ts';

describe('the robowrite command', () => {
  let emu: TestEmulator;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    emu = await emulator();
    env = cliEnv(emu);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('prints its version and per-command help with examples', async () => {
    const dir = await project();
    const version = await cli(dir, ['--version'], env);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe('0.1.0');
    for (const command of ['init', 'pull', 'generate', 'status']) {
      const help = await cli(dir, [command, '--help'], env);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
    }
  });

  it('init writes a config and .gitignore entries, once', async () => {
    const dir = await project();
    await writeFile(join(dir, '.gitignore'), 'node_modules/\n.env\n');
    const first = await cli(
      dir,
      ['init', '--yes', '--out', 'src/content/posts', '--filename', 'id'],
      env,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("base: './src/content/posts'");
    // The schema import an Astro site can resolve: the loader package, not the CLI's core.
    expect(first.stdout).toContain("import { robowriteSchema } from '@robowrite/astro-loader';");
    expect(first.stdout).not.toContain('@robowrite/core');
    const gitignore = await readFile(join(dir, '.gitignore'), 'utf8');
    for (const line of GITIGNORE_LINES) expect(gitignore.split('\n')).toContain(line);
    expect(gitignore.match(/^\.env$/gm)).toHaveLength(1);
    const config = await readFile(join(dir, 'robowrite.config.mjs'), 'utf8');
    expect(config).not.toContain(emu.apiKey);

    const again = await cli(dir, ['init', '--yes'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);

    // The config is used: files named by item id in the chosen folder.
    const pulled = await cli(dir, ['pull'], env);
    expect(pulled.code).toBe(0);
    const files = [...(await tree(join(dir, 'src/content/posts'))).keys()];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^[0-9a-f-]{36}\.md$/);
  });

  it('reads the key from .env when the environment has none, and never copies it anywhere', async () => {
    const dir = await project();
    await writeFile(
      join(dir, '.env'),
      `# local secrets\nROBOWRITE_API_KEY=${emu.apiKey}\nROBOWRITE_BASE_URL=${emu.url}\n`,
    );
    const { ROBOWRITE_API_KEY: _key, ROBOWRITE_BASE_URL: _url, ...bare } = env;
    const result = await cli(dir, ['pull', '--json'], bare);
    expect(result.code, result.stderr).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain(emu.apiKey);
    for (const [file, text] of await tree(dir)) {
      if (file !== '.env') expect(text, file).not.toContain(emu.apiKey);
    }
  });

  it('refuses to pull into a new folder while the state tracks files in the old one', async () => {
    const dir = await project();
    expect((await cli(dir, ['pull'], env)).code).toBe(0);
    const moved = await cli(dir, ['pull', '--out', 'src/content/elsewhere'], env);
    expect(moved.code).toBe(2);
    expect(moved.stderr.trim().split('\n')).toHaveLength(1);
    expect(moved.stderr).toContain('src/content/robowrite');
    expect((await tree(join(dir, 'src/content/elsewhere'))).size).toBe(0);
  });

  it('rejects a bad config in one line with exit code 2', async () => {
    const dir = await project();
    await writeFile(join(dir, 'robowrite.config.mjs'), "export default { filename: 'title' };\n");
    const result = await cli(dir, ['pull'], env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('filename');
  });

  it('a rejected key: the 401 line alone, no pull summary, exit 2, nothing written', async () => {
    const dir = await project();
    const badKey = { ...env, ROBOWRITE_API_KEY: 'rw_test_not_a_real_key_0' };
    const plain = await cli(dir, ['pull'], badKey);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe('');
    expect(plain.stderr.trim().split('\n')).toEqual([
      'error 401 GET /content: Invalid API key (check ROBOWRITE_API_KEY)',
    ]);
    const json = await cli(dir, ['pull', '--json'], badKey);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: '401 GET /content: Invalid API key (check ROBOWRITE_API_KEY)',
    });
    expect(`${plain.stderr}${json.stdout}${json.stderr}`).not.toContain('rw_test_not_a_real_key_0');
    expect((await tree(join(dir, OUT))).size).toBe(0);
  });

  it('prints a plain plan for --dry-run and writes nothing; plain lines without a TTY', async () => {
    const dir = await project();
    const dry = await cli(dir, ['pull', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^would \+ create {3}\S+\.md$/m);
    expect(dry.stdout).toMatch(/^Plan for src\/content\/robowrite: \d+ created/m);
    expect(dry.stdout).not.toContain('\x1b[');
    expect((await tree(join(dir, OUT))).size).toBe(0);

    const real = await cli(dir, ['pull'], env);
    expect(real.stdout).toMatch(/^\+ create {3}\S+\.md$/m);
    const status = await cli(dir, ['status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Output folder: src\/content\/robowrite \(\d+ synced files\)$/m);
    expect(status.stdout).toMatch(/^Conflicts: 0$/m);
  });
});
