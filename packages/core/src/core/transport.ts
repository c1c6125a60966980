import { Agent } from 'undici';

/** Sockets per origin: enough for a parallel sync, few enough to be a good citizen. */
export const MAX_CONNECTIONS = 16;

/**
 * The default dispatcher: a keep-alive pool with a bounded number of connections, whose
 * header/body timeouts match the client's per-attempt timeout (a call may lower or raise its own
 * with `timeout`, which is passed per request). Connecting gets at most 10 s of that budget.
 */
export function createAgent(timeout: number): Agent {
  return new Agent({
    connections: MAX_CONNECTIONS,
    // Idle sockets are dropped well before common server/proxy idle limits, so a request is not
    // sent on a socket the server is closing (a non-retryable POST would then fail). A server's
    // own `Keep-Alive: timeout=` hint, when sent, lowers this further.
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: timeout,
    bodyTimeout: timeout,
    connect: { timeout: Math.min(timeout, 10_000) },
  });
}
