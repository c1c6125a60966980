export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Anything with these four methods (console, pino, winston) can receive the client's logs. */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** `logLevel` option, else `ROBOWRITE_LOG`, else `warn`. An unknown env value is ignored. */
export function resolveLogLevel(option: LogLevel | undefined): LogLevel {
  if (option !== undefined) {
    if (!isLogLevel(option)) throw new TypeError(`logLevel must be one of ${Object.keys(RANK)}`);
    return option;
  }
  const env = process.env.ROBOWRITE_LOG?.trim().toLowerCase();
  return isLogLevel(env) ? env : 'warn';
}

/**
 * Filters by level and scrubs the API key from every message and argument before the sink sees
 * them: headers are redacted where they are logged, and this is the belt to that brace.
 */
export class LevelLogger {
  readonly level: LogLevel;
  readonly #sink: Logger;
  readonly #scrub: (text: string) => string;

  constructor(level: LogLevel, sink: Logger, scrub: (text: string) => string) {
    this.level = level;
    this.#sink = sink;
    this.#scrub = scrub;
  }

  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return RANK[level] >= RANK[this.level];
  }

  debug(message: string, meta?: Record<string, unknown>): void {
    this.#emit('debug', message, meta);
  }
  info(message: string, meta?: Record<string, unknown>): void {
    this.#emit('info', message, meta);
  }
  warn(message: string, meta?: Record<string, unknown>): void {
    this.#emit('warn', message, meta);
  }
  error(message: string, meta?: Record<string, unknown>): void {
    this.#emit('error', message, meta);
  }

  #emit(level: Exclude<LogLevel, 'off'>, message: string, meta?: Record<string, unknown>): void {
    if (!this.enabled(level)) return;
    const text = this.#scrub(`[robowrite] ${message}`);
    if (meta === undefined) this.#sink[level](text);
    else this.#sink[level](text, JSON.parse(this.#scrub(JSON.stringify(meta))));
  }
}

const AUTH_HEADER = /^(authorization|proxy-authorization)$/i;

/** A copy of the headers safe to log. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = AUTH_HEADER.test(name) ? 'Bearer [redacted]' : value;
  }
  return out;
}
