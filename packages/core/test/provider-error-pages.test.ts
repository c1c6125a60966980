import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type APIError,
  createWriterProvider,
  createWriterzRoomProvider,
  type ProviderV1,
} from '../src/index.ts';
import { closeAfterEach, rejection } from './helpers.ts';

const KEY = 'provider_bare_key_0123456789abcdef';

/** A proxy's 502 page, with markup, a script, terminal controls and the key in it. */
const PROXY_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title><script>window.__boot = "tracking";</script></head>
<body><center><h1>502 Bad&nbsp;Gateway</h1></center>
<p>upstream \u001b[31mrefused\u001b[0m\r\n the request for key ${KEY}</p>
<hr><center>nginx/1.25.3</center>
${'<p>padding padding padding padding</p>\n'.repeat(40)}</body></html>`;

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function proxyErrorPage(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(PROXY_PAGE);
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const common = { apiKey: KEY, rateLimit: false as const, maxRetries: 0, logLevel: 'off' as const };

describe('issue 10 clear errors (HTML error page) on the WriterzRoom and Writer paths', () => {
  it.each([
    [
      'WriterzRoom v1',
      (baseURL: string) => createWriterzRoomProvider({ ...common, baseURL, dialect: 'v1' }),
      '502 GET /v1/generate/status/req_1',
    ],
    [
      'Writer',
      (baseURL: string) => createWriterProvider({ ...common, baseURL, applicationIds: ['app-1'] }),
      '502 GET /v1/applications/jobs/req_1',
    ],
  ])(
    'issue 10 clear errors: a %s proxy 502 page becomes status, route and a short plain excerpt',
    async (_label, make: (baseURL: string) => ProviderV1, route) => {
      const provider = closeAfterEach(make(await proxyErrorPage()), 'client');
      const error = (await rejection(provider.retrieveJob('req_1'))) as APIError;
      expect(error.status).toBe(502);
      expect(error.message.startsWith(route)).toBe(true);
      expect(error.detail).toMatch(/^502 Bad Gateway 502 Bad Gateway upstream refused the request/);
      for (const text of [error.message, error.detail ?? '']) {
        expect(text).not.toMatch(/[<>]/);
        expect(text).not.toMatch(/\p{Cc}/u);
        expect(text).not.toContain(KEY);
        expect(text).not.toContain('tracking');
      }
      expect((error.detail ?? '').length).toBeLessThanOrEqual(201);
    },
  );
});
