import type { ProjectEnv } from '@robowrite/core';
import {
  AuthenticationError,
  CREDENTIAL_VARIABLES,
  NotFoundError,
  type WriterApplication,
  WriterClient,
} from '@robowrite/core';
import { providerVariables } from '../config/credentials.ts';
import { inputNameSchema, type RobowriteConfigInput } from '../config/define-config.ts';
import { UsageError } from './exit-codes.ts';
import { describeInputs } from './writer-inputs.ts';

type WriterSection = NonNullable<RobowriteConfigInput['writer']>;
type RecordedInput = { name: string; required: boolean };

const KEY = CREDENTIAL_VARIABLES.writer.apiKey;

/** The input `--topic` fills: `topic` (any case), else the only required input, else none. */
export function chooseTopicInput(inputs: readonly RecordedInput[]): string | undefined {
  const named = inputs.find((input) => input.name.toLowerCase() === 'topic');
  const required = inputs.filter((input) => input.required);
  return named?.name ?? (required.length === 1 ? required[0]?.name : undefined);
}

/** API text for one terminal line: the key gone, controls and line breaks made spaces. */
function printable(text: string, scrub: (text: string) => string): string {
  return scrub(text).replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ');
}

async function fetchApplication(app: string, apiKey: string, baseURL: string | undefined) {
  const client = new WriterClient({ apiKey, baseURL });
  try {
    const application = await client.applications.retrieve(app);
    return { application, scrub: client.scrub };
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new UsageError(`--app ${app}: no such application for this ${KEY} (404)`);
    }
    if (error instanceof AuthenticationError) {
      throw new UsageError(`--app ${app}: ${KEY} was rejected (401); check it`);
    }
    throw error;
  } finally {
    await client.close();
  }
}

/** The inputs as the config records them; a name the config could not hold is refused. */
function recordedInputs(
  application: WriterApplication,
  scrub: (text: string) => string,
): RecordedInput[] {
  return application.inputs.map(({ name, required }) => {
    if (!inputNameSchema.safeParse(name).success || scrub(name) !== name) {
      throw new Error(
        `application ${application.id}: input name ${JSON.stringify(printable(name, scrub))} cannot be recorded`,
      );
    }
    return { name, required };
  });
}

/**
 * `init --provider writer`: the config's `writer` section and the lines to print. With `--app`
 * and a key (environment or `.env`), the application's inputs are read and recorded, so
 * `generate` checks input names locally; without a key only the id is written.
 */
export async function writerSection(
  env: ProjectEnv,
  app: string | undefined,
  topicInput: string | undefined,
): Promise<{ writer: WriterSection; lines: string[] }> {
  if (app === undefined) {
    if (topicInput !== undefined) throw new UsageError('--topic-input needs --app <id>');
    return { writer: {}, lines: [] };
  }
  const credentials = providerVariables(env, 'writer');
  if (!credentials.apiKey) {
    const recorded = topicInput !== undefined ? { applications: { [app]: { topicInput } } } : {};
    return {
      writer: { applicationIds: [app], ...recorded },
      lines: [
        `No ${KEY}: input names will be checked by the API until \`robowrite init --force\` is rerun with a key.`,
      ],
    };
  }
  const { application, scrub } = await fetchApplication(
    app,
    credentials.apiKey,
    credentials.baseURL,
  );
  const inputs = recordedInputs(application, scrub);
  if (topicInput !== undefined && !inputs.some((input) => input.name === topicInput)) {
    throw new UsageError(
      `--topic-input ${topicInput}: not an input of ${app} (its inputs: ${describeInputs(inputs)})`,
    );
  }
  const topic = topicInput ?? chooseTopicInput(inputs);
  const name = JSON.stringify(printable(application.name, scrub));
  return {
    writer: {
      applicationIds: [app],
      applications: { [app]: { inputs, ...(topic !== undefined ? { topicInput: topic } : {}) } },
    },
    lines: [
      `Application ${name}: inputs ${describeInputs(inputs)}; --topic fills ${topic !== undefined ? JSON.stringify(topic) : 'none (name each input with --input)'}.`,
    ],
  };
}
