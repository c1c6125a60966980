import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLikeAstro } from '../src/sync/frontmatter.ts';
import {
  cli,
  cliEnv,
  emulator,
  git,
  itemIdOf,
  OUT,
  parseJson,
  project,
  type TestEmulator,
  tree,
  upstream,
} from './helpers.ts';

const PATCH = 'PATCH /content/items/{item_id}';

interface PublishJson {
  dryRun: boolean;
  reports: { itemId: string; file: string; action: string; reason: string | null }[];
  requests: number;
}

interface StateJson {
  items: Record<string, { file: string; hash: string; published?: Record<string, string | null> }>;
}

describe('publish: a merged file tells the API it is live', () => {
  let emu: TestEmulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  afterEach(async () => {
    await emu?.close();
  });
  const patches = () => emu.stats().routes[PATCH] ?? 0;
  const publishJson = async (...args: string[]) => {
    const result = await cli(dir, ['publish', '--json', ...args], env);
    return { ...result, json: parseJson<PublishJson>(result.stdout) };
  };
  const state = async () =>
    parseJson<StateJson>(await readFile(join(dir, '.robowrite/state.json'), 'utf8'));
  /** A pulled, committed project, and one of its draft files flipped to `draft: false`. */
  const setUp = async () => {
    emu = await emulator({ listMarkers: true });
    dir = await project('rw-publish-');
    env = cliEnv(emu);
    await git(dir, 'init', '-q');
    expect((await cli(dir, ['init', '--yes'], env)).code).toBe(0);
    expect((await cli(dir, ['pull'], env)).code).toBe(0);
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-q', '-m', 'pull');
    const files = await tree(join(dir, OUT));
    const [file, text] = [...files].find(([, t]) => parseLikeAstro(t).data.draft === true) ?? [];
    if (!file || !text) throw new Error('the demo fixture pulled no draft');
    const edited = text.replace(/^draft: true$/m, 'draft: false');
    await writeFile(join(dir, OUT, file), edited);
    await git(dir, 'commit', '-q', '-am', 'editor: publish it');
    return { file, id: itemIdOf(text), edited };
  };

  it('publishes exactly the flipped file once; a second run sends nothing', async () => {
    const { file, id } = await setUp();
    const before = patches();
    const dry = await publishJson('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.json.reports.filter((r) => r.action === 'published')).toEqual([
      { itemId: id, file, action: 'published', reason: null },
    ]);
    expect(patches()).toBe(before);

    const first = await publishJson();
    expect(first.code).toBe(0);
    expect(first.json.reports.filter((r) => r.action !== 'skipped').map((r) => r.itemId)).toEqual([
      id,
    ]);
    expect(first.json.requests).toBe(1);
    expect(patches()).toBe(before + 1);
    expect((await upstream(emu).content.retrieve(id)).status).toBe('published');
    const record = (await state()).items[id]?.published;
    expect(record?.versionId).toBe(itemVersion(await readFile(join(dir, OUT, file), 'utf8')));
    expect(Date.parse(String(record?.publishedAt))).not.toBeNaN();

    const requestsBefore = emu.stats().requests;
    const second = await publishJson();
    expect(second.code).toBe(0);
    expect(second.json.reports.every((r) => r.action === 'skipped')).toBe(true);
    expect(second.json.requests).toBe(0);
    expect(emu.stats().requests).toBe(requestsBefore);
  });

  it('a later pull keeps the published file; a new upstream version updates it', async () => {
    const { file, id, edited } = await setUp();
    expect((await publishJson()).code).toBe(0);
    const pulled = await cli(dir, ['pull', '--json'], env);
    expect(pulled.code).toBe(0);
    const counts = parseJson<{ counts: Record<string, number> }>(pulled.stdout).counts;
    expect(counts).toMatchObject({ create: 0, update: 0, delete: 0, conflict: 0 });
    expect(await readFile(join(dir, OUT, file), 'utf8')).toBe(edited);
    // Regenerated upstream: a new version, which comes in as an update of the published file.
    const client = upstream(emu);
    const job = await client.content.generateItem(id);
    await client.jobs.waitFor(job.job_id, { intervalMs: 50, timeoutMs: 30_000 });
    const again = await cli(dir, ['pull', '--json'], env);
    expect(again.code).toBe(0);
    const actions = parseJson<{ actions: { kind: string; itemId: string }[] }>(
      again.stdout,
    ).actions;
    expect(actions.filter((a) => a.kind === 'update').map((a) => a.itemId)).toEqual([id]);
    expect(itemVersion(await readFile(join(dir, OUT, file), 'utf8'))).not.toBe(
      (await state()).items[id]?.published?.versionId,
    );
  });

  it('archives a deleted published file only with --archive-deleted', async () => {
    const { file, id } = await setUp();
    expect((await publishJson()).code).toBe(0);
    await rm(join(dir, OUT, file));
    const before = patches();
    const kept = await publishJson();
    expect(kept.code).toBe(0);
    expect(kept.json.reports.find((r) => r.itemId === id)?.reason).toMatch(/--archive-deleted/);
    expect(patches()).toBe(before);
    const archived = await publishJson('--archive-deleted');
    expect(archived.code).toBe(0);
    expect(archived.json.reports.find((r) => r.itemId === id)?.action).toBe('archived');
    expect(patches()).toBe(before + 1);
    expect((await upstream(emu).content.retrieve(id)).status).toBe('archived');
    expect((await publishJson('--archive-deleted')).json.requests).toBe(0);
  });

  it('a file naming another item fails alone (exit 1); the others still publish', async () => {
    const { file, id } = await setUp();
    const files = await tree(join(dir, OUT));
    const [otherFile, otherText] = [...files].find(([name]) => name !== file) ?? [];
    if (!otherFile || !otherText) throw new Error('the demo fixture pulled one file');
    const forged = otherText
      .replace(/^draft: true$/m, 'draft: false')
      .replace(/^ {2}itemId: .*$/m, '  itemId: item_forged');
    await writeFile(join(dir, OUT, otherFile), forged);
    const result = await publishJson();
    expect(result.code).toBe(1);
    const failed = result.json.reports.filter((r) => r.action === 'failed');
    expect(failed.map((r) => r.file)).toEqual([otherFile]);
    expect(failed[0]?.reason).toMatch(/another item/);
    expect(result.json.reports.find((r) => r.itemId === id)?.action).toBe('published');
    expect(patches()).toBe(1);
  });
});

function itemVersion(text: string): string | null {
  return (parseLikeAstro(text).data.robowrite as { versionId: string | null }).versionId;
}
