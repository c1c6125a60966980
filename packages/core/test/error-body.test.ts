import { describe, expect, it } from 'vitest';
import { type APIError, InternalServerError } from '../src/index.ts';
import { BARE_API_KEY, bareServer } from './bare-server.ts';
import { rejection } from './helpers.ts';

const PROXY_PAGE = `<!DOCTYPE html>
<html>
<head><title>502 Bad Gateway</title>
<style>body { font-family: sans-serif; }</style>
<script>window.__boot = "tracking";</script></head>
<body>
<center><h1>502   Bad&nbsp;Gateway</h1></center>
<!-- upstream said: nothing -->
<p>upstream \u001b[31mrefused\u001b[0m\r\n the request for key ${BARE_API_KEY} &amp; retry later</p>
<hr><center>nginx/1.25.3</center>
${'<p>padding padding padding padding</p>\n'.repeat(40)}
</body>
</html>`;

describe('non-JSON error bodies (issue 10 clear errors: HTML error page)', () => {
  it('finding html-error-page: a proxy 502 page becomes status, route and a short plain excerpt', async () => {
    const { client, hits } = await bareServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(PROXY_PAGE);
    });
    const error = await rejection(client.brands.list({}, { maxRetries: 0 }));
    expect(hits).toHaveLength(1);
    expect(error).toBeInstanceOf(InternalServerError);
    const { status, detail, message } = error as APIError;
    expect(status).toBe(502);
    expect(message.startsWith('502 GET /brands')).toBe(true);
    expect(detail).toMatch(/^502 Bad Gateway 502 Bad Gateway upstream refused the request for key/);
    expect(detail).toContain('& retry later nginx/1.25.3');
    for (const text of [message, detail ?? '']) {
      expect(text).not.toMatch(/[<>]/);
      expect(text).not.toMatch(/\p{Cc}/u);
      expect(text).not.toContain(BARE_API_KEY);
      expect(text).not.toContain('tracking');
      expect(text).not.toContain('  ');
    }
    expect((detail ?? '').length).toBeLessThanOrEqual(201);
  });

  it('keeps a plain-text body, cleaned the same way; an empty one has no detail', async () => {
    let n = 0;
    const { client } = await bareServer((_req, res) => {
      n += 1;
      res.writeHead(n === 1 ? 500 : 418, { 'content-type': 'text/plain' });
      res.end(n === 1 ? 'upstream\tdown\n\n  try\u0007 later' : '');
    });
    const plain = await rejection(client.ping({ maxRetries: 0 }));
    expect((plain as APIError).detail).toBe('upstream down try later');
    const empty = await rejection(client.ping({ maxRetries: 0 }));
    expect((empty as APIError).detail).toBeNull();
    expect(empty.message).toBe('418 GET /ping');
  });
});
