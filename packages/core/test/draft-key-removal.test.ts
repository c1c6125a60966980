import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_API_KEY } from '@robowrite/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createProvider, createWriterzRoomProvider, REDACTED } from '../src/index.ts';
import { closeAfterEach, emulator } from './helpers.ts';

/**
 * Issue 10 #2: a draft is stored (committed by the CLI, kept in the loaders' data store, built
 * into pages), so a server that echoes the key into generated text must not get it published.
 * Only the key goes: the rest of the text, tabs and carriage returns included, stays as sent.
 */

describe('issue 10 #2: the key is removed from every stored draft text', () => {
  it('issue 10 #2: RoboWrite drafts (body, title, slug, excerpt, sources) carry no key', async () => {
    const emu = await emulator({
      fixture: 'empty',
      craftedItems: [
        {
          title: `Leaked ${DEMO_API_KEY} title`,
          markdownBody: `A body quoting ${DEMO_API_KEY}\tand a tab,\r\nthen a CRLF line.\n`,
          sources: [{ marker: 1, name: `Source ${DEMO_API_KEY}`, url: 'https://example.com/' }],
        },
      ],
    });
    const provider = closeAfterEach(
      createProvider({
        provider: 'robowrite',
        apiKey: emu.apiKey,
        baseURL: emu.url,
        rateLimit: false,
      }),
      'client',
    );
    const ids: string[] = [];
    for await (const page of provider.listDrafts({ statuses: ['in_review'], brand: null })) {
      ids.push(...page.map((summary) => summary.id));
    }
    expect(ids).toHaveLength(1);
    const draft = await provider.retrieveDraft(ids[0] as string, { sources: true });
    expect(JSON.stringify(draft)).not.toContain(DEMO_API_KEY);
    expect(draft?.title).toBe(`Leaked ${REDACTED} title`);
    expect(draft?.body).toContain(`A body quoting ${REDACTED}\tand a tab,\r\nthen a CRLF line.`);
    expect(draft?.sources?.[0]?.name).toBe(`Source ${REDACTED}`);
  });

  const KEY = 'wzr_live_echoed_key_0123456789abcdef';
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  /** WriterzRoom answers (both dialects) whose generated text echoes the key. */
  async function echoingWriterzRoom(): Promise<string> {
    const body = `# Heading ${KEY}\n\nText ${KEY}\twith a tab.\n`;
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const send = (value: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/v1/content/cnt_1') send({ id: 'cnt_1', title: null, body });
      else send({ data: { request_id: 'req_1', status: 'completed', content: body } });
    };
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it.each([
    ['v1', 'cnt_1'],
    ['api', 'req_1'],
  ] as const)(
    'issue 10 #2: WriterzRoom (%s) drafts carry no key, title from the heading included',
    async (dialect, id) => {
      const provider = closeAfterEach(
        createWriterzRoomProvider({
          apiKey: KEY,
          baseURL: await echoingWriterzRoom(),
          dialect,
          rateLimit: false,
          logLevel: 'off',
        }),
        'client',
      );
      const draft = await provider.retrieveDraft(id);
      expect(JSON.stringify(draft)).not.toContain(KEY);
      expect(draft?.title).toBe(`Heading ${REDACTED}`);
      expect(draft?.body).toContain(`Text ${REDACTED}\twith a tab.`);
    },
  );
});
