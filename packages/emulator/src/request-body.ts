import type { IncomingMessage } from 'node:http';

interface BodyLimit {
  maxBytes: number;
  /** The personality's 413, thrown as soon as the body passes `maxBytes`. */
  tooLarge(): Error;
}

/** The request body as UTF-8 text; with a limit, refused mid-stream once it is passed. */
export async function readBody(req: IncomingMessage, limit?: BodyLimit): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (limit && size > limit.maxBytes) throw limit.tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parsed JSON, or undefined for an empty body; `invalid` is the personality's 400. */
export function parseJsonBody(raw: string, invalid: () => Error): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw invalid();
  }
}
