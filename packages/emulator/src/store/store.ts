import { notFound } from '../errors.ts';
import { deterministicId, hashKey } from '../ids.ts';
import {
  syntheticFormat,
  syntheticIndex,
  syntheticItem,
  syntheticPropertyId,
  syntheticStatus,
} from './synthetic.ts';
import type {
  Author,
  Brand,
  Brief,
  Category,
  ContentItem,
  DocumentRecord,
  IdempotencyRecord,
  ImportedContent,
  Job,
  KeywordCluster,
  Org,
  Pillar,
  Property,
  State,
  SyntheticRange,
  Tag,
  Topic,
  TopicScore,
} from './types.ts';

type Owned = { id: string; org_id: string };

function indexById<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

export interface ItemFilter {
  status?: string;
  format?: string;
  property_id?: string;
  brief_id?: string;
  topic_id?: string;
}

function matches(item: ContentItem, filter: ItemFilter): boolean {
  return (
    item.deleted_at === null &&
    (filter.status === undefined || item.status === filter.status) &&
    (filter.format === undefined || item.format === filter.format) &&
    (filter.property_id === undefined || item.property_id === filter.property_id) &&
    (filter.brief_id === undefined || item.brief_id === filter.brief_id) &&
    (filter.topic_id === undefined || item.topic_id === filter.topic_id)
  );
}

/**
 * The lazily generated items matching `filter`, newest (highest index) first. Without a filter or
 * changed items this is pure arithmetic, so paging 100 000 items stays cheap; otherwise one pass
 * over plain integers.
 */
function syntheticIndexes(
  range: SyntheticRange,
  filter: ItemFilter,
): { length: number; at: (n: number) => number } {
  if (filter.brief_id !== undefined || filter.topic_id !== undefined)
    return { length: 0, at: () => 0 };
  const overridden = new Map(Object.entries(range.overrides).map(([k, v]) => [Number(k), v]));
  const unfiltered =
    filter.status === undefined && filter.format === undefined && filter.property_id === undefined;
  if (unfiltered && overridden.size === 0)
    return { length: range.count, at: (n) => range.count - 1 - n };
  const indexes: number[] = [];
  for (let i = range.count - 1; i >= 0; i--) {
    const override = overridden.get(i);
    if (override) {
      if (matches(override, filter)) indexes.push(i);
      continue;
    }
    if (filter.status !== undefined && syntheticStatus(i) !== filter.status) continue;
    if (filter.format !== undefined && syntheticFormat(i) !== filter.format) continue;
    if (filter.property_id !== undefined && syntheticPropertyId(range, i) !== filter.property_id)
      continue;
    indexes.push(i);
  }
  return { length: indexes.length, at: (n) => indexes[n] ?? 0 };
}

/**
 * All emulator state, with id indexes. Lists keep insertion order, which is creation order;
 * every mutation marks the store dirty so `--state` can persist it after the request.
 */
export class Store {
  readonly seed: string;
  counter: number;
  readonly orgs: Org[];
  readonly brands: Map<string, Brand>;
  readonly keywordClusters: Map<string, KeywordCluster>;
  readonly properties: Map<string, Property>;
  readonly topics: Map<string, Topic>;
  readonly topicScores: Map<string, TopicScore>;
  readonly briefs: Map<string, Brief>;
  readonly items: Map<string, ContentItem>;
  synthetic: SyntheticRange | null;
  readonly jobs: Map<string, Job>;
  readonly pillars: Map<string, Pillar>;
  readonly authors: Map<string, Author>;
  readonly categories: Map<string, Category>;
  readonly tags: Map<string, Tag>;
  readonly documents: Map<string, DocumentRecord>;
  readonly imported: Map<string, ImportedContent>;
  readonly idempotency: Map<string, IdempotencyRecord>;
  dirty = false;

  constructor(state: State) {
    this.seed = state.seed;
    this.counter = state.counter;
    this.orgs = state.orgs;
    this.brands = indexById(state.brands);
    this.keywordClusters = indexById(state.keyword_clusters);
    this.properties = indexById(state.properties);
    this.topics = indexById(state.topics);
    this.topicScores = indexById(state.topic_scores);
    this.briefs = indexById(state.briefs);
    this.items = indexById(state.items);
    this.synthetic = state.synthetic;
    this.jobs = indexById(state.jobs);
    this.pillars = indexById(state.pillars);
    this.authors = indexById(state.authors);
    this.categories = indexById(state.categories);
    this.tags = indexById(state.tags);
    this.documents = indexById(state.documents);
    this.imported = indexById(state.imported);
    this.idempotency = new Map(
      state.idempotency.map((r) => [Store.idempotencyKey(r.org_id, r.scope, r.key), r]),
    );
  }

  static idempotencyKey(orgId: string, scope: string, key: string): string {
    return `${orgId}\u0000${scope}\u0000${key}`;
  }

  toState(): State {
    return {
      schema: 1,
      seed: this.seed,
      counter: this.counter,
      orgs: this.orgs,
      brands: [...this.brands.values()],
      keyword_clusters: [...this.keywordClusters.values()],
      properties: [...this.properties.values()],
      topics: [...this.topics.values()],
      topic_scores: [...this.topicScores.values()],
      briefs: [...this.briefs.values()],
      items: [...this.items.values()],
      synthetic: this.synthetic,
      jobs: [...this.jobs.values()],
      pillars: [...this.pillars.values()],
      authors: [...this.authors.values()],
      categories: [...this.categories.values()],
      tags: [...this.tags.values()],
      documents: [...this.documents.values()],
      imported: [...this.imported.values()],
      idempotency: [...this.idempotency.values()],
    };
  }

  nextId(kind: string): string {
    this.counter += 1;
    this.dirty = true;
    return deterministicId(this.seed, kind, this.counter);
  }

  orgByKey(key: string): Org | undefined {
    const hash = hashKey(key);
    return this.orgs.find((org) => org.api_key_sha256.includes(hash));
  }

  /** A row owned by `org`, or 404: another organization's ids look exactly like unknown ones. */
  owned<T extends Owned>(rows: Map<string, T>, id: string, org: Org, what: string): T {
    const row = rows.get(id);
    if (!row || row.org_id !== org.id) throw notFound(what);
    return row;
  }

  /** A live (not soft-deleted) content item of `org`, including lazily generated ones. */
  item(id: string, org: Org): ContentItem {
    const stored = this.items.get(id);
    if (stored) {
      if (stored.org_id !== org.id || stored.deleted_at !== null) throw notFound('Content item');
      return stored;
    }
    const range = this.synthetic;
    const index = range ? syntheticIndex(this.seed, range, id) : null;
    if (range && index !== null && range.org_id === org.id) {
      const item = syntheticItem(this.seed, range, index);
      if (item.deleted_at === null) return item;
    }
    throw notFound('Content item');
  }

  /** Call before mutating an item: lazily generated items become stored overrides. */
  materialize(item: ContentItem): ContentItem {
    this.dirty = true;
    const range = this.synthetic;
    if (this.items.has(item.id) || !range) return item;
    const index = syntheticIndex(this.seed, range, item.id);
    if (index === null) return item;
    range.overrides[String(index)] = item;
    return item;
  }

  /** Live items of `org` matching `filter`, newest first. */
  listItems(
    org: Org,
    filter: ItemFilter,
  ): { total: number; page: (o: number, l: number) => ContentItem[] } {
    const stored = [...this.items.values()]
      .filter((i) => i.org_id === org.id && matches(i, filter))
      .reverse();
    const range = this.synthetic && this.synthetic.org_id === org.id ? this.synthetic : null;
    const synthetic = range ? syntheticIndexes(range, filter) : { length: 0, at: () => 0 };
    return {
      total: stored.length + synthetic.length,
      page: (offset, limit) => {
        const out = stored.slice(offset, offset + limit);
        const from = Math.max(0, offset - stored.length);
        const to = Math.min(synthetic.length, from + limit - out.length);
        for (let n = from; n < to; n++) {
          out.push(syntheticItem(this.seed, range as SyntheticRange, synthetic.at(n)));
        }
        return out;
      },
    };
  }

  ownedList<T extends Owned>(rows: Map<string, T>, org: Org): T[] {
    return [...rows.values()].filter((row) => row.org_id === org.id);
  }
}
