import type { Dispatcher } from 'undici';

/**
 * The largest response the client reads: 64 MiB. One content item carries every version's
 * Markdown, each at most `MAX_DRAFT_BODY_BYTES` (5 MiB) to be of any use, so a larger answer is
 * refused while it streams in, before memory holds it whole (a 200 MB draft cost 1.7 GB).
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The response is over `MAX_RESPONSE_BYTES`; reading stopped there. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

/** Reads a response body as UTF-8 text, giving up as soon as it passes `maxBytes`. */
export async function readBodyText(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number = MAX_RESPONSE_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw new ResponseTooLargeError(
        `response is over the ${maxBytes / (1024 * 1024)} MB limit (a draft may hold 5 MB)`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
