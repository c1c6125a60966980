import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A bound server every personality shares: where it listens and how it shuts down. */
export interface ListeningServer {
  /** `http://host:port`, with an IPv6 host in brackets. */
  origin: string;
  port: number;
  /**
   * Idempotent: a second call (say, from a test's afterEach) waits on the first. `beforeClose`
   * runs once, first (the personality's last state-file write); a throw there rejects.
   */
  close(beforeClose?: () => void): Promise<void>;
}

interface ListenInput {
  host: string;
  port: number;
  /** Prefix of the process warning an unexpected handler error becomes. */
  label: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Called per TCP connection accepted (keep-alive reuse shows in the count). */
  onConnection(): void;
}

/** Starts an HTTP server on host:port and resolves once it listens (rejects if it cannot). */
export async function listen(input: ListenInput): Promise<ListeningServer> {
  const server = createServer((req, res) => {
    input.handle(req, res).catch((error: unknown) => {
      process.emitWarning(
        `${input.label}: ${error instanceof Error ? error.stack : String(error)}`,
      );
    });
  });
  server.on('connection', input.onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port, input.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = input.host.includes(':') ? `[${input.host}]` : input.host;
  let closing: Promise<void> | undefined;
  return {
    origin: `http://${hostForUrl}:${port}`,
    port,
    close: (beforeClose) => {
      closing ??= new Promise<void>((resolve, reject) => {
        beforeClose?.();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
