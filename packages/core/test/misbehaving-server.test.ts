import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { JobTimeoutError, ResponseValidationError, RoboWrite, toDraft } from '../src/index.ts';
import { rejection } from './helpers.ts';

/**
 * What the emulator, being faithful, never does: answer off-spec. A bare HTTP server stands in
 * for an API that drifted, so the client's own guards can be seen working.
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: Handler): Promise<{ client: RoboWrite; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const client = new RoboWrite({
    apiKey: 'rw_misbehaving_key',
    baseURL: `http://127.0.0.1:${port}/api/public/v1`,
    rateLimit: false,
    logLevel: 'off',
  });
  return { client, hits };
}

function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const page = (items: unknown[], offset: number, hasMore: boolean) => ({
  items,
  total: 99,
  limit: 2,
  offset,
  has_more: hasMore,
});

describe('against an off-spec server', () => {
  it('names the path of a documented field with the wrong type', async () => {
    const { client } = await serve((_req, res) =>
      json(res, 200, page([{ id: 'a' }, { id: 7 }], 0, false)),
    );
    const error = await rejection(client.brands.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issuePath).toBe('items.1.id');
    expect(error.message).toContain('items.1.id');
    await client.close();
  });

  it('accepts unknown extra fields and keeps them', async () => {
    const { client } = await serve((_req, res) =>
      json(res, 200, { job_id: 'j', status: 'running', eta_seconds: 30, brand_new: { x: 1 } }),
    );
    const job = await client.jobs.retrieve('j');
    expect(job).toMatchObject({ job_id: 'j', status: 'running', eta_seconds: 30 });
    await client.close();
  });

  it('stops paging on an empty page even if has_more says otherwise', async () => {
    const { client, hits } = await serve((req, res) => {
      const offset = Number(new URL(req.url ?? '', 'http://x').searchParams.get('offset'));
      const items = offset === 0 ? [{ id: 'a' }, { id: 'b' }] : [];
      json(res, 200, page(items, offset, true));
    });
    const ids: string[] = [];
    for await (const brand of client.brands.list({ limit: 2 })) ids.push(brand.id);
    expect(ids).toEqual(['a', 'b']);
    expect(hits).toHaveLength(2);
    expect(hits[1]).toContain('offset=2');
    await client.close();
  });

  it('retries a 408 and waits out a Retry-After given as an HTTP date', async () => {
    let n = 0;
    const { client, hits } = await serve((_req, res) => {
      n += 1;
      if (n === 1) return json(res, 408, { detail: 'Request Timeout' });
      if (n === 2) {
        return json(res, 503, { detail: 'busy' }, { 'retry-after': new Date().toUTCString() });
      }
      json(res, 200, { status: 'ok' });
    });
    expect(await client.ping()).toEqual({ status: 'ok' });
    expect(hits).toHaveLength(3);
    await client.close();
  });
});

describe('waitFor against an off-spec server', () => {
  it('keeps polling through an unknown status, warning once', async () => {
    const statuses = ['queued', 'paused_for_moderation', 'paused_for_moderation', 'completed'];
    let n = 0;
    const warnings: string[] = [];
    const { client } = await serve((_req, res) => {
      const status = statuses[Math.min(n++, statuses.length - 1)];
      json(res, 200, { job_id: 'j', status, workflow_id: '', content_item_id: 'i' });
    });
    const watched = new RoboWrite({
      apiKey: 'rw_misbehaving_key',
      baseURL: client.baseURL,
      rateLimit: false,
      logger: { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} },
    });
    const result = await watched.jobs.waitFor('j', { intervalMs: 5, timeoutMs: 5_000 });
    expect(result.status).toBe('completed');
    expect(n).toBe(4);
    expect(warnings.filter((w) => w.includes('paused_for_moderation'))).toHaveLength(1);
    await Promise.all([client.close(), watched.close()]);
  });

  it('does not let a hanging poll run past the deadline', async () => {
    const { client } = await serve(() => {
      // Never answers.
    });
    const error = await rejection(client.jobs.waitFor('j', { intervalMs: 5, timeoutMs: 300 }));
    expect(error).toBeInstanceOf(JobTimeoutError);
    await client.close();
  });
});

describe('values the guide does not close, from a bare server', () => {
  const version = {
    id: 'v1',
    version_number: 1,
    title: 'T',
    markdown_body: '## Hi',
    excerpt: null,
    seo_title: null,
    seo_description: null,
    seo_keywords: [],
    tags: [],
    categories: [],
    word_count: 1,
    created_at: '2026-01-01T00:00:00Z',
    scoring: {
      geo_score: 80,
      draft_score: 0.8,
      warnings: ['short intro', { code: 'thin_section', message: 'Section 2 is thin', section: 2 }],
    },
    sources: null,
  };
  const item = {
    id: 'i1',
    title: 'T',
    slug: 't',
    status: 'scheduled',
    brand_id: 'b',
    property_id: null,
    author_id: null,
    format: 'white_paper',
    versions: [version],
  };

  it('issue 10 fidelity (open sets): accepts scoring.warnings objects and keeps them; the draft reads them as text', async () => {
    const { client } = await serve((_req, res) => json(res, 200, item));
    const read = await client.content.retrieve('i1', { include: ['scoring'] });
    expect(read.versions[0]?.scoring?.warnings).toEqual(version.scoring.warnings);
    expect(read).toMatchObject({ status: 'scheduled', format: 'white_paper' });
    expect(toDraft(read).scoring?.warnings).toEqual(['short intro', 'Section 2 is thin']);
    await client.close();
  });

  it('issue 10 fidelity (open sets): accepts unknown enum-ish values on topics, jobs and list rows', async () => {
    const topic = {
      id: 't1',
      brand_id: 'b',
      title: 'T',
      primary_keyword: 'k',
      intent: 'local',
      funnel_stage: 'retention',
      suggested_format: 'podcast_script',
      status: 'snoozed',
      decision_band: 'maybe_later',
      eligible_for_autopilot: false,
    };
    const { client } = await serve((req, res) => {
      if (req.url?.includes('/topics/')) return json(res, 200, topic);
      if (req.url?.includes('/jobs/')) return json(res, 200, { job_id: 'j', status: 'paused' });
      return json(res, 200, { ...page([{ ...item, versions: undefined }], 0, false), total: 1 });
    });
    expect(await client.topics.retrieve('t1')).toMatchObject(topic);
    expect((await client.jobs.retrieve('j')).status).toBe('paused');
    const rows = [];
    for await (const row of client.content.list({ status: 'scheduled' })) rows.push(row);
    expect(rows).toMatchObject([{ status: 'scheduled', format: 'white_paper' }]);
    await client.close();
  });
});
