import type { ServerResponse } from 'node:http';
import type { FaultKind } from './faults.ts';

/**
 * Writes a JSON answer, or damages it on purpose for the post-processing faults. Working on the
 * raw `ServerResponse` and its socket is what makes resets and short bodies real on the wire.
 */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  fault: FaultKind | null,
): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  if (fault === 'reset') {
    res.socket?.destroy();
    return;
  }
  if (fault === 'stall') return; // never answered; close() tears the socket down
  const all: Record<string, string> = { ...headers };
  if (payload !== '') all['content-type'] = 'application/json';
  if (fault === 'invalid-json') {
    const broken = `${payload.slice(0, Math.max(1, Math.floor(payload.length / 2)))}<html>`;
    res.writeHead(status, { ...all, 'content-length': String(Buffer.byteLength(broken)) });
    res.end(broken);
    return;
  }
  res.writeHead(status, { ...all, 'content-length': String(Buffer.byteLength(payload)) });
  if (fault === 'truncate') {
    // Promise the whole body, send half, then drop the connection.
    res.write(payload.slice(0, Math.floor(payload.length / 2)));
    res.socket?.destroy();
    return;
  }
  res.end(payload);
}
