import type { State } from './types.ts';

export function emptyState(seed: string): State {
  return {
    schema: 1,
    seed,
    counter: 0,
    orgs: [],
    brands: [],
    keyword_clusters: [],
    properties: [],
    topics: [],
    topic_scores: [],
    briefs: [],
    items: [],
    synthetic: null,
    jobs: [],
    pillars: [],
    authors: [],
    categories: [],
    tags: [],
    documents: [],
    imported: [],
    idempotency: [],
  };
}
