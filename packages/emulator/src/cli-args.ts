import { parseArgs } from 'node:util';
import { parseFaultFlag } from './faults.ts';
import {
  DEFAULT_PORT,
  type EmulatorOptions,
  MAX_ITEMS,
  parseDuration,
  parseRateLimit,
} from './options.ts';
import { JOB_OUTCOMES, type JobOutcome } from './store/types.ts';
import { writerCliOptions } from './writer/cli-args.ts';
import type { WriterEmulatorOptions } from './writer/options.ts';
import { parseRouteLimit } from './writerzroom/options.ts';

const PROVIDERS = ['robowrite', 'writerzroom', 'writer'] as const;

export const USAGE = `Usage: robowrite-emulator [options]

  --provider <name>          the API to serve: robowrite (default), writerzroom (prints
                             WRITERZROOM_BASE_URL, WRITERZROOM_API_KEY) or writer (prints
                             WRITER_BASE_URL, WRITER_API_KEY, WRITER_APPLICATION_ID)
  --host <host>              interface to bind (default 127.0.0.1)
  --port <port>              port (default ${DEFAULT_PORT}; 0 picks a free one)
  --job-duration <ms|3s|15m> how long a generation job runs (default 3s)
  --rate-limit <N/60s|off>   fixed window per organization (default 120/60s); writerzroom: off only
  --route-limit <G=N/60s>    writerzroom, repeatable: generate, status or other (=off turns one off)
  --fixture <demo|empty>     seed data (default demo)
  --items <N>                pre-create N content items (0–${MAX_ITEMS})
  --list-markers <on|off>    change markers on GET /content rows (default on)
  --fault <ROUTE=SPEC>       inject faults, repeatable: "GET /content=503,ok" or "*=reset@0.05"
  --job-outcomes <a,b,...>   force the outcomes of the next jobs (${JOB_OUTCOMES.join(', ')})
  --state <file>             persist state to this JSON file across restarts
  --seed <text>              seed for ids and drafts (default robowrite)
  -h, --help                 show this help`;

/** Parses the bin's flags into `startEmulator` options; throws a one-line error on bad input. */
export function parseCliArgs(argv: string[]): EmulatorOptions | WriterEmulatorOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      provider: { type: 'string' },
      'route-limit': { type: 'string', multiple: true },
      host: { type: 'string' },
      port: { type: 'string' },
      'job-duration': { type: 'string' },
      'rate-limit': { type: 'string' },
      fixture: { type: 'string' },
      items: { type: 'string' },
      'list-markers': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'job-outcomes': { type: 'string' },
      state: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const options: EmulatorOptions = { port: DEFAULT_PORT };
  const provider = values.provider ?? 'robowrite';
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new Error(`--provider must be ${PROVIDERS.join(', ')}, got "${provider}"`);
  }
  if (provider === 'writerzroom') options.provider = 'writerzroom';
  if (values['route-limit']) {
    if (provider !== 'writerzroom')
      throw new Error('--route-limit applies to --provider writerzroom');
    options.routeLimits = Object.assign({}, ...values['route-limit'].map(parseRouteLimit));
  }
  if (values.host !== undefined) options.host = values.host;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`--port must be an integer from 0 to 65535, got "${values.port}"`);
    }
    options.port = port;
  }
  if (values['job-duration'] !== undefined)
    options.jobDurationMs = parseDuration(values['job-duration']);
  if (values['rate-limit'] !== undefined) options.rateLimit = parseRateLimit(values['rate-limit']);
  if (values.fixture !== undefined) {
    if (values.fixture !== 'demo' && values.fixture !== 'empty') {
      throw new Error(`--fixture must be demo or empty, got "${values.fixture}"`);
    }
    options.fixture = values.fixture;
  }
  if (values.items !== undefined) {
    const items = Number(values.items);
    if (!Number.isInteger(items) || items < 0 || items > MAX_ITEMS) {
      throw new Error(`--items must be an integer from 0 to ${MAX_ITEMS}, got "${values.items}"`);
    }
    options.items = items;
  }
  if (values['list-markers'] !== undefined) {
    if (values['list-markers'] !== 'on' && values['list-markers'] !== 'off') {
      throw new Error(`--list-markers must be on or off, got "${values['list-markers']}"`);
    }
    options.listMarkers = values['list-markers'] === 'on';
  }
  if (values.fault) options.faults = values.fault.map(parseFaultFlag);
  if (values['job-outcomes'] !== undefined) {
    const outcomes = values['job-outcomes'].split(',').map((s) => s.trim());
    for (const o of outcomes) {
      if (!(JOB_OUTCOMES as readonly string[]).includes(o)) {
        throw new Error(`--job-outcomes: unknown outcome "${o}" (use ${JOB_OUTCOMES.join(', ')})`);
      }
    }
    options.jobOutcomes = outcomes as JobOutcome[];
  }
  if (values.state !== undefined) options.stateFile = values.state;
  if (values.seed !== undefined) options.seed = values.seed;
  if (provider === 'writer') return writerCliOptions(options, values);
  return options;
}
