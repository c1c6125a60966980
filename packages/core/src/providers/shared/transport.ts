import type { Dispatcher } from 'undici';
import { HttpClient, type HttpClientConfig } from '../../core/http-client.ts';
import { LevelLogger, type Logger, type LogLevel, resolveLogLevel } from '../../core/logger.ts';
import { secretRemover, textScrubber } from '../../core/scrub-text.ts';
import { createAgent } from '../../core/transport.ts';

/** What every provider's client hands its transport besides its own error format. */
export interface TransportInput
  extends Pick<
    HttpClientConfig,
    'baseURL' | 'apiKey' | 'userAgent' | 'timeout' | 'maxRetries' | 'limiter'
  > {
  /** An injected dispatcher belongs to the caller; without one the client owns a new agent. */
  dispatcher?: Dispatcher | undefined;
  logger?: Logger | undefined;
  logLevel?: LogLevel | undefined;
  errorDetail?: HttpClientConfig['errorDetail'];
  errorFromStatus?: HttpClientConfig['errorFromStatus'];
}

export interface Transport {
  http: HttpClient;
  /**
   * The one key scrubber every surface uses (loaders and the CLI too); newlines are kept because
   * log lines and error messages may span several on purpose.
   */
  scrub: (text: string) => string;
  /** Removes only the key: for draft content, stored as written (see `secretRemover`). */
  removeKey: (text: string) => string;
  /**
   * Closes the agent the client made itself (an injected dispatcher is the caller's). Safe to
   * call again: later calls wait for the first, since undici throws on closing a closed pool.
   */
  close: () => Promise<void>;
}

/** Core's HTTP client wired the same way for every provider: key scrubbed from logs and errors. */
export function createTransport(input: TransportInput): Transport {
  const ownAgent = input.dispatcher ? null : createAgent(input.timeout);
  const scrub = textScrubber([input.apiKey], { keepNewlines: true });
  const http = new HttpClient({
    baseURL: input.baseURL,
    apiKey: input.apiKey,
    userAgent: input.userAgent,
    timeout: input.timeout,
    maxRetries: input.maxRetries,
    limiter: input.limiter,
    dispatcher: input.dispatcher ?? (ownAgent as Dispatcher),
    logger: new LevelLogger(resolveLogLevel(input.logLevel), input.logger ?? console, scrub),
    scrub,
    errorDetail: input.errorDetail,
    errorFromStatus: input.errorFromStatus,
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= ownAgent?.close() ?? Promise.resolve();
    return closing;
  };
  return { http, scrub, removeKey: secretRemover([input.apiKey]), close };
}
