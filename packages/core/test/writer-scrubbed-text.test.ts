import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWriterProvider } from '../src/index.ts';
import { closeAfterEach } from './helpers.ts';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A Writer application whose one completed job's suggestion is `suggestion`. */
async function writerWith(suggestion: string) {
  const job = {
    id: 'job-1',
    status: 'completed',
    application_id: 'app-1',
    created_at: '2025-02-10T18:18:09.501Z',
    completed_at: '2025-02-10T18:18:14.470Z',
    data: { title: 'Blog post', suggestion },
    error: null,
  };
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const listing = req.url?.startsWith('/v1/applications/app-1/jobs');
    res.end(JSON.stringify(listing ? { result: [job], totalCount: 1 } : job));
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = createWriterProvider({
    apiKey: 'writer_bare_key_0123456789abcdef',
    baseURL,
    applicationIds: ['app-1'],
    rateLimit: false,
    logLevel: 'off',
  });
  return closeAfterEach(provider, 'client');
}

describe('issue 10 #10 on the Writer path: scrubbing neutralises controls, not line endings', () => {
  it('issue 10 #10: a CRLF suggestion keeps its title and lines; a lone CR and ESC are still shown inert', async () => {
    const provider = await writerWith(
      '# Remote work\r\n\r\nFirst line\r\nsecond line \u001b[2J\rfaked\r\n',
    );
    const pages = [];
    for await (const page of provider.listDrafts({ statuses: ['completed'], brand: null })) {
      pages.push(page);
    }
    const [page] = pages;
    expect(page?.[0]?.slug).toBe('remote-work');
    const draft = await provider.retrieveDraft('job-1');
    expect(draft?.title).toBe('Remote work');
    expect(draft?.slug).toBe('remote-work');
    expect(draft?.body).toBe('First line\nsecond line \\x0dfaked\n');
  });
});
