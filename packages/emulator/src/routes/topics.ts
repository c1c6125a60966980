import { z } from 'zod';
import { unprocessable } from '../errors.ts';
import { presentItemSummary, presentTopic, presentTopicScore } from '../present.ts';
import type { Route } from '../router.ts';
import type { Topic } from '../store/types.ts';
import {
  enumParam,
  intParam,
  numberParam,
  openParam,
  openValue,
  optionalText,
  pageParams,
  paginate,
  parseBody,
  stringList,
  text,
} from '../validation.ts';

const createTopic = z.strictObject({
  title: text(1, 500),
  primary_keyword: text(1, 200),
  premise: optionalText(5000),
  // The guide shows one example of each ("informational", "tofu", "blog_post"), not the sets.
  intent: openValue().nullish(),
  funnel_stage: openValue().nullish(),
  suggested_format: openValue().nullish(),
  secondary_keywords: stringList(50, 200).nullish(),
});

/** Closed by the guide (Topics: `sort_by` total_score | search_volume | keyword_difficulty | created_at). */
const SORTS = ['total_score', 'search_volume', 'keyword_difficulty', 'created_at'] as const;

/** Sorts with nulls last in either direction, ties broken by creation order. */
function compareTopics(sortBy: (typeof SORTS)[number], desc: boolean) {
  return (a: Topic, b: Topic): number => {
    const x = a[sortBy];
    const y = b[sortBy];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = x < y ? -1 : 1;
    return desc ? -order : order;
  };
}

export const topicRoutes: Route[] = [
  {
    method: 'GET',
    template: '/topics',
    handler: ({ store, org, query }) => {
      const brandId = query.get('brand_id');
      if (!brandId) throw unprocessable('brand_id: query parameter is required');
      const brand = store.owned(store.brands, brandId, org, 'Brand');
      const pillarId = query.get('pillar_id');
      const keyword = query.get('keyword')?.toLowerCase();
      const status = openParam(query, 'status');
      const minScore = numberParam(query, 'min_score', 0, 100);
      const minVolume = intParam(query, 'min_volume', { min: 0 });
      const maxDifficulty = numberParam(query, 'max_difficulty', 0, 100);
      const intent = openParam(query, 'intent');
      const band = openParam(query, 'decision_band');
      const sortBy = enumParam(query, 'sort_by', SORTS) ?? 'created_at';
      // `sort_order` is closed by the guide: `asc` | `desc`.
      const sortOrder = enumParam(query, 'sort_order', ['asc', 'desc'] as const) ?? 'desc';
      pageParams(query);
      const topics = [...store.topics.values()]
        .filter(
          (t) =>
            t.brand_id === brand.id &&
            (!pillarId || t.pillar_id === pillarId) &&
            (!keyword ||
              t.primary_keyword.toLowerCase().includes(keyword) ||
              t.title.toLowerCase().includes(keyword) ||
              t.secondary_keywords.some((k) => k.toLowerCase().includes(keyword))) &&
            (status === undefined || t.status === status) &&
            (minScore === undefined || (t.total_score ?? -1) >= minScore) &&
            (minVolume === undefined || (t.search_volume ?? -1) >= minVolume) &&
            (maxDifficulty === undefined ||
              (t.keyword_difficulty !== null && t.keyword_difficulty <= maxDifficulty)) &&
            (intent === undefined || t.intent === intent) &&
            (band === undefined || t.decision_band === band),
        )
        .reverse()
        .sort(compareTopics(sortBy, sortOrder === 'desc'));
      return { status: 200, body: paginate(query, topics, presentTopic) };
    },
  },
  {
    method: 'GET',
    template: '/topics/{topic_id}',
    handler: ({ store, org, params }) => ({
      status: 200,
      body: presentTopic(store.owned(store.topics, params.topic_id ?? '', org, 'Topic')),
    }),
  },
  {
    method: 'GET',
    template: '/topics/{topic_id}/content',
    handler: ({ store, org, params, query, runtime }) => {
      const topic = store.owned(store.topics, params.topic_id ?? '', org, 'Topic');
      return {
        status: 200,
        body: paginate(query, store.listItems(org, { topic_id: topic.id }), (i) =>
          presentItemSummary(i, runtime.options.listMarkers),
        ),
      };
    },
  },
  {
    method: 'GET',
    template: '/topics/{topic_id}/scores',
    handler: ({ store, org, params }) => {
      const topic = store.owned(store.topics, params.topic_id ?? '', org, 'Topic');
      const scores = [...store.topicScores.values()]
        .filter((s) => s.topic_id === topic.id)
        .map(presentTopicScore);
      return { status: 200, body: scores };
    },
  },
  {
    method: 'POST',
    template: '/brands/{brand_id}/topics',
    idempotency: 'optional',
    body: true,
    handler: ({ store, org, params, body, now }) => {
      const brand = store.owned(store.brands, params.brand_id ?? '', org, 'Brand');
      const input = parseBody(createTopic, body);
      const at = new Date(now).toISOString();
      const topic: Topic = {
        id: store.nextId('topic'),
        org_id: org.id,
        brand_id: brand.id,
        pillar_id: null,
        title: input.title,
        primary_keyword: input.primary_keyword,
        secondary_keywords: input.secondary_keywords ?? [],
        premise: input.premise ?? null,
        intent: input.intent ?? null,
        funnel_stage: input.funnel_stage ?? null,
        suggested_format: input.suggested_format ?? null,
        status: 'new',
        search_volume: null,
        keyword_difficulty: null,
        cpc: null,
        total_score: null,
        decision_band: null,
        created_at: at,
        updated_at: at,
      };
      store.topics.set(topic.id, topic);
      return { status: 201, body: presentTopic(topic) };
    },
  },
];
