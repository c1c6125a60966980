import { readFile, stat } from 'node:fs/promises';
import type { BriefCreateParams, GenerateItemParams } from '@robowrite/core';
import { parse } from 'yaml';
import { UsageError } from './exit-codes.ts';

/** A brief kept in git: the `POST /briefs` fields (snake_case, as in the API guide) plus options. */
export interface BriefFile {
  brief: BriefCreateParams;
  propertyId?: string;
  generate: GenerateItemParams;
}

/** Far above any valid brief (the longest fields are 5000 characters); stops a 60 MB file early. */
export const MAX_BRIEF_FILE_BYTES = 256 * 1024;

// Maps, not object literals: a YAML key such as `constructor` or `__proto__` must be unknown,
// not found on Object.prototype.
const BRIEF_KEYS: ReadonlyMap<string, keyof BriefCreateParams> = new Map(
  Object.entries({
    title: 'title',
    primary_keyword: 'primaryKeyword',
    secondary_keywords: 'secondaryKeywords',
    target_word_count: 'targetWordCount',
    audience_details: 'audienceDetails',
    tone: 'tone',
    format: 'format',
    search_intent: 'searchIntent',
    funnel_stage: 'funnelStage',
    pillar_id: 'pillarId',
    description: 'description',
    summary: 'summary',
    content_goal: 'contentGoal',
  } as const),
);

const DIRECTION_KEYS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    tone: 'tone',
    reading_level: 'readingLevel',
    point_of_view: 'pointOfView',
    content_length: 'contentLength',
    content_structure: 'contentStructure',
  }),
);

/** A brief file's YAML mapping (size-capped, parsed), or one usage line saying what is wrong. */
export async function readYamlMapping(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_BRIEF_FILE_BYTES) {
      throw new UsageError(`${path} is larger than ${MAX_BRIEF_FILE_BYTES / 1024} KiB`);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read brief file ${path}`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`${path} must be a YAML mapping`);
  }
  return data as Record<string, unknown>;
}

export async function readBriefFile(path: string): Promise<BriefFile> {
  const data = await readYamlMapping(path);
  const brief: Record<string, unknown> = {};
  const generate: Record<string, unknown> = {};
  let propertyId: string | undefined;
  for (const [key, value] of Object.entries(data)) {
    const briefKey = BRIEF_KEYS.get(key);
    if (briefKey) brief[briefKey] = value;
    else if (key === 'property_id') {
      if (typeof value !== 'string' || value.trim() === '')
        throw new UsageError(`${path}: "property_id" must be a non-empty string`);
      propertyId = value;
    } else if (key === 'citation_mode') generate.citationMode = value;
    else if (key === 'direction') generate.direction = readDirection(path, value);
    else {
      throw new UsageError(
        `${path}: unknown key ${JSON.stringify(key)} (allowed: ${[...BRIEF_KEYS.keys(), 'property_id', 'citation_mode', 'direction'].join(', ')})`,
      );
    }
  }
  if (typeof brief.title !== 'string' || brief.title.trim() === '') {
    throw new UsageError(`${path}: "title" is required`);
  }
  return {
    brief: brief as unknown as BriefCreateParams,
    ...(propertyId ? { propertyId } : {}),
    generate: generate as GenerateItemParams,
  };
}

function readDirection(path: string, value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${path}: "direction" must be a mapping`);
  }
  const direction: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const mapped = DIRECTION_KEYS.get(key);
    if (!mapped) throw new UsageError(`${path}: unknown direction key ${JSON.stringify(key)}`);
    direction[mapped] = inner;
  }
  return direction;
}
