import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWriterzRoomProvider, PaymentRequiredError, REDACTED } from '../src/index.ts';
import { CapturingLogger, rejection } from './helpers.ts';

/**
 * A loopback server that echoes the caller's key everywhere it can (error messages, a failed
 * generation's error, a title), what the faithful emulator never does: the key must come out
 * scrubbed on every path.
 */
const KEY = 'wzr_live_echoed_key_0123456789abcdef';
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function echoingServer(): Promise<string> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const echoed = String(req.headers.authorization);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/generate') send(402, { error: 'insufficient_credits', message: echoed });
    else if (req.url === '/v1/generate/status/req_failed')
      send(200, { request_id: 'req_failed', status: 'failed', error: `bad key\n${echoed}` });
    else if (req.url === '/v1/content/cnt_1')
      send(200, { id: 'cnt_1', title: `Title ${KEY}`, body: 'Some text.' });
    else send(404, { error: 'not_found', message: `no ${req.url} for ${echoed}` });
  };
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

describe('WriterzRoom key hygiene', () => {
  it('never shows the key in errors, job errors, drafts or logs, even when the server echoes it', async () => {
    const logs = new CapturingLogger();
    const provider = createWriterzRoomProvider({
      apiKey: KEY,
      baseURL: await echoingServer(),
      dialect: 'v1',
      rateLimit: false,
      logger: logs,
      logLevel: 'debug',
    });
    const gen = provider.generation;
    const input = gen.parseInput({
      template_id: 'blog_article_generator',
      style_profile_id: 'general_blog',
      inputs: { topic: 'x' },
    });
    const refused = await rejection(gen.start(input, gen.newCheckpoint(input)));
    expect(refused).toBeInstanceOf(PaymentRequiredError);
    expect(refused.message).toBe(`402 POST /v1/generate: Bearer ${REDACTED}`);
    const failed = await provider.retrieveJob('req_failed');
    expect(failed).toMatchObject({ outcome: 'failed', error: `bad key Bearer ${REDACTED}` });
    const draft = await provider.retrieveDraft('cnt_1');
    expect(draft?.title).toBe(`Title ${REDACTED}`);
    const missing = await rejection(provider.retrieveDraft('cnt_2'));
    const everything = [
      refused.message,
      JSON.stringify(refused),
      refused.stack,
      JSON.stringify(failed),
      JSON.stringify(draft),
      missing.message,
      JSON.stringify(provider.client),
      ...logs.lines,
    ].join('\n');
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(everything).not.toContain(KEY);
    await provider.close();
  });
});
