import type { DraftScope, DraftSummary, ProviderV1 } from '@robowrite/core';

/**
 * Every draft in scope, through the provider's paged listing. The loaders hold the whole list:
 * which entries to keep, and how the colliding ones are named, depends on all of it.
 */
export async function listedDrafts(
  provider: ProviderV1,
  scope: DraftScope,
): Promise<DraftSummary[]> {
  const summaries: DraftSummary[] = [];
  for await (const page of provider.listDrafts(scope)) summaries.push(...page);
  return summaries;
}
