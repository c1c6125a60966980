import type { JobSnapshot, ProjectEnv } from '@robowrite/core';
import type { Reporter } from '../output/reporter.ts';
import { createContext } from '../sync/context.ts';
import { startGeneration, waitAndCollect } from '../sync/generate.ts';
import type { GenerateInput } from '../sync/jobs.ts';
import { readBriefFile } from './brief-file.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { type ProviderInputFlags, providerInput } from './provider-input.ts';
import { pullExitCode, pullJson, reportPull } from './render-pull.ts';
import { validateGenerateInput } from './validate-generate.ts';

/** RoboWrite's flags here; WriterzRoom's and Writer's (and `brief`) from provider-input.ts. */
export interface GenerateFlags extends ProviderInputFlags {
  title?: string;
  keyword?: string;
  secondary?: string[];
  premise?: string;
  flow?: 'topic' | 'brief';
  brand?: string;
  property?: string;
  tone?: string;
  citationMode?: 'structured_only' | 'inline';
  wait?: boolean;
  new?: boolean;
  json?: boolean;
  interval?: number;
  timeout?: number;
  out?: string;
  forceOut?: boolean;
}

/** The flags only some providers take: given to another, they would be silently ignored. */
const PROVIDER_FLAGS: Readonly<Record<string, readonly (keyof GenerateFlags)[]>> = {
  robowrite: ['title', 'keyword', 'secondary', 'premise', 'flow', 'property', 'tone'],
  writerzroom: ['template', 'styleProfile', 'generationMode', 'topic', 'input'],
  writer: ['topic', 'input', 'app'],
};
const FLAG_NAMES: Readonly<Record<string, string>> = {
  styleProfile: '--style-profile',
  generationMode: '--generation-mode',
};

function refuseForeignFlags(provider: string, flags: GenerateFlags): void {
  const own = new Set(PROVIDER_FLAGS[provider] ?? []);
  const foreign = Object.values(PROVIDER_FLAGS)
    .flat()
    .filter((name) => !own.has(name));
  const given = foreign.find((name) => flags[name] !== undefined);
  if (given) {
    const flag = FLAG_NAMES[given] ?? `--${given}`;
    throw new UsageError(`${flag} is not a ${provider} generate flag (the config's provider)`);
  }
}

async function buildInput(
  flags: GenerateFlags,
  defaultFlow: 'topic' | 'brief',
): Promise<GenerateInput> {
  if (flags.brief) {
    const file = await readBriefFile(flags.brief);
    return {
      flow: 'brief',
      propertyId: flags.property ?? file.propertyId,
      brief: file.brief,
      generate: file.generate,
    };
  }
  if (!flags.title)
    throw new UsageError('generate needs --title (and --keyword), or --brief <file.yaml>');
  const flow = flags.flow ?? defaultFlow;
  if (flow === 'topic') {
    if (!flags.keyword)
      throw new UsageError('the topic flow needs --keyword (the primary keyword)');
    return {
      flow,
      brandId: flags.brand,
      topic: {
        title: flags.title,
        primaryKeyword: flags.keyword,
        ...(flags.secondary?.length ? { secondaryKeywords: flags.secondary } : {}),
        ...(flags.premise ? { premise: flags.premise } : {}),
      },
    };
  }
  return {
    flow,
    propertyId: flags.property,
    brief: {
      title: flags.title,
      ...(flags.keyword ? { primaryKeyword: flags.keyword } : {}),
      ...(flags.secondary?.length ? { secondaryKeywords: flags.secondary } : {}),
      ...(flags.tone ? { tone: flags.tone } : {}),
    },
    generate: {
      ...(flags.tone ? { direction: { tone: flags.tone } } : {}),
      ...(flags.citationMode ? { citationMode: flags.citationMode } : {}),
    },
  };
}

export async function generateCommand(
  root: string,
  flags: GenerateFlags,
  reporter: Reporter,
  env: ProjectEnv,
): Promise<number> {
  const ctx = await createContext(root, {
    env,
    outDir: flags.out,
    brand: flags.brand,
    forceOut: flags.forceOut,
  });
  refuseForeignFlags(ctx.provider.name, flags);
  const input =
    ctx.provider.name === 'robowrite'
      ? await buildInput(flags, ctx.config.generate.flow)
      : await providerInput(ctx.provider, ctx.config, flags);
  validateGenerateInput(ctx.provider, input, flags.brief ?? null);
  const started = await startGeneration(ctx, input, { fresh: flags.new ?? false });
  const { job } = started;
  for (const line of started.rejected) reporter.warn(line);
  const summary = {
    key: started.key,
    reused: started.reused,
    flow: job.flow,
    jobId: job.jobId,
    status: job.status,
    itemId: job.itemId,
  };
  const flowText = job.flow ? `${job.flow} flow, ` : '';
  if (!flags.wait) {
    if (flags.json) reporter.document(summary);
    else {
      reporter.line(
        started.reused
          ? `Already started: job ${job.jobId} (${flowText}${job.status}${job.collected ? ', draft collected' : ''}); pass --new for another run of the same input.`
          : `Started job ${job.jobId} (${flowText}${job.status}). Run \`robowrite pull\` to collect the draft once it lands, or pass --wait.`,
      );
    }
    return EXIT.ok;
  }

  const startedAt = Date.now();
  let last = job.status;
  const draw = () =>
    reporter.status(`job ${job.jobId}: ${last} (${Math.round((Date.now() - startedAt) / 1000)}s)`);
  const spinner = reporter.interactive ? setInterval(draw, 100) : null;
  draw();
  let outcome: Awaited<ReturnType<typeof waitAndCollect>>;
  try {
    outcome = await waitAndCollect(ctx, started, {
      ...(flags.interval ? { intervalMs: flags.interval } : {}),
      ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
      onUpdate: (snapshot: JobSnapshot) => {
        last = snapshot.status;
        draw();
      },
    });
  } finally {
    if (spinner) clearInterval(spinner);
    reporter.clear();
  }
  const final = {
    ...summary,
    status: outcome.job.status,
    itemId: outcome.job.itemId,
    error: outcome.job.error,
  };
  if (!outcome.pull) {
    if (flags.json) reporter.document({ ...final, pull: null });
    else
      reporter.error(
        `job ${job.jobId} ended ${outcome.job.status}${outcome.job.error ? `: ${outcome.job.error}` : ''}`,
      );
    return EXIT.failure;
  }
  if (flags.json) {
    reporter.document({ ...final, pull: pullJson(root, outcome.pull) });
  } else {
    reporter.line(`Job ${job.jobId} ended ${outcome.job.status}.`);
    reportPull(reporter, root, outcome.pull);
  }
  return pullExitCode(outcome.pull);
}
