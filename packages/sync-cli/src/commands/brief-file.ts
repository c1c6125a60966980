import { readFile } from 'node:fs/promises';
import type { BriefCreateParams, GenerateItemParams } from '@robowrite/core';
import { parse } from 'yaml';
import { UsageError } from './exit-codes.ts';

/** A brief kept in git: the `POST /briefs` fields (snake_case, as in the API guide) plus options. */
export interface BriefFile {
  brief: BriefCreateParams;
  propertyId?: string;
  generate: GenerateItemParams;
}

const BRIEF_KEYS: Record<string, keyof BriefCreateParams> = {
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
};

const DIRECTION_KEYS: Record<string, string> = {
  tone: 'tone',
  reading_level: 'readingLevel',
  point_of_view: 'pointOfView',
  content_length: 'contentLength',
  content_structure: 'contentStructure',
};

export async function readBriefFile(path: string): Promise<BriefFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read brief file ${path}`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`${path} must be a YAML mapping with at least a title`);
  }
  const brief: Record<string, unknown> = {};
  const generate: Record<string, unknown> = {};
  let propertyId: string | undefined;
  for (const [key, value] of Object.entries(data)) {
    const briefKey = BRIEF_KEYS[key];
    if (briefKey) brief[briefKey] = value;
    else if (key === 'property_id') propertyId = String(value);
    else if (key === 'citation_mode') generate.citationMode = value;
    else if (key === 'direction' && value && typeof value === 'object') {
      const direction: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const mapped = DIRECTION_KEYS[k];
        if (!mapped) throw new UsageError(`${path}: unknown direction key "${k}"`);
        direction[mapped] = v;
      }
      generate.direction = direction;
    } else {
      throw new UsageError(
        `${path}: unknown key "${key}" (allowed: ${[...Object.keys(BRIEF_KEYS), 'property_id', 'citation_mode', 'direction'].join(', ')})`,
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
