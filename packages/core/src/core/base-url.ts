import { RoboWriteError } from './errors.ts';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * A base URL the key may be sent to, without trailing slashes: http(s) only, and plain http only
 * to a loopback host (a local emulator), so a typo never sends the key in clear over a network.
 */
export function checkedBaseURL(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RoboWriteError(`baseURL is not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RoboWriteError(`baseURL must be http(s), got ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new RoboWriteError(
      `refusing to send the API key over plain http:// to ${url.hostname}; use https:// ` +
        '(plain http is allowed only for loopback hosts such as a local emulator)',
    );
  }
  return url.href.replace(/\/+$/, '');
}
