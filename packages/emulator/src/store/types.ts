/**
 * The emulator's internal records. They hold what the wire shapes need plus the private fields
 * (owning organization, soft-delete marks, generation inputs) that presenters leave out.
 */
export const DECISION_BANDS = [
  'auto_brief',
  'light_review',
  'expert_review',
  'reject_or_hold',
] as const;
export type DecisionBand = string;
export const AUTOPILOT_BANDS: readonly (DecisionBand | null)[] = [
  'auto_brief',
  'light_review',
  null,
];

/**
 * The values below are the ones the emulator itself produces (fixtures, generated items). The
 * guide closes none of these sets, so requests may name any other string (see `openValue`).
 */
export const FORMATS = [
  'blog_post',
  'listicle',
  'how_to',
  'guide',
  'comparison',
  'case_study',
  'news_article',
  'landing_page',
] as const;
export type Format = string;
export const TOPIC_STATUSES = ['new', 'in_progress', 'generated', 'archived'] as const;
export type TopicStatus = string;
export const CONTENT_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ContentStatus = string;
/** Closed by the guide: `"structured_only" (default) | "inline"`, "Unsupported values → 422". */
export const CITATION_MODES = ['structured_only', 'inline'] as const;
export type CitationMode = (typeof CITATION_MODES)[number];
export const JOB_OUTCOMES = [
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
  'awaiting_review',
] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];
export type JobStatus = 'pending' | 'queued' | 'running' | JobOutcome;

export interface Org {
  id: string;
  name: string;
  /** SHA-256 of each key: state files never hold a usable key. */
  api_key_sha256: string[];
  primary_brand_id: string;
}

export interface Brand {
  id: string;
  org_id: string;
  name: string;
  domain: string;
  description: string;
  cms_connected: boolean;
  cms_type: string | null;
  created_at: string;
  updated_at: string;
}

export interface Keyword {
  keyword: string;
  search_volume: number;
  keyword_difficulty: number;
  cpc: number;
  intent: string;
}

export interface KeywordCluster {
  id: string;
  org_id: string;
  brand_id: string;
  name: string;
  pillar_id: string | null;
  keywords: Keyword[];
}

export interface Property {
  id: string;
  org_id: string;
  brand_id: string;
  name: string;
  url: string | null;
  cms_type: string | null;
  created_at: string;
  updated_at: string;
}

export interface Topic {
  id: string;
  org_id: string;
  brand_id: string;
  pillar_id: string | null;
  title: string;
  primary_keyword: string;
  secondary_keywords: string[];
  premise: string | null;
  intent: string | null;
  funnel_stage: string | null;
  suggested_format: string | null;
  status: TopicStatus;
  search_volume: number | null;
  keyword_difficulty: number | null;
  cpc: number | null;
  total_score: number | null;
  decision_band: DecisionBand | null;
  created_at: string;
  updated_at: string;
}

export interface TopicScore {
  id: string;
  org_id: string;
  topic_id: string;
  total_score: number;
  demand_score: number;
  fit_score: number;
  competition_score: number;
  decision_band: DecisionBand;
  model_version: string;
  scored_at: string;
}

export interface BriefFields {
  title: string;
  primary_keyword: string | null;
  secondary_keywords: string[];
  target_word_count: number | null;
  audience_details: string | null;
  tone: string | null;
  format: string | null;
  search_intent: string | null;
  funnel_stage: string | null;
  pillar_id: string | null;
  description: string | null;
  summary: string | null;
  content_goal: string | null;
}

export interface Brief extends BriefFields {
  id: string;
  org_id: string;
  brand_id: string;
  status: 'draft';
  version: number;
  /** Every earlier state, oldest first: PATCH auto-versions by pushing the previous fields here. */
  history: { version: number; fields: BriefFields; replaced_at: string }[];
  created_at: string;
  updated_at: string;
}

export interface Direction {
  tone?: string | null;
  reading_level?: string | null;
  point_of_view?: string | null;
  content_length?: string | null;
  content_structure?: string | null;
}

/** What the draft writer needs; a version stores this instead of its body. */
export interface GenInput {
  seed: string;
  title: string;
  primary_keyword: string;
  secondary_keywords: string[];
  brand_name: string;
  format: string;
  citation_mode: CitationMode;
  direction: Direction | null;
  target_word_count: number | null;
}

export interface Version {
  id: string;
  version_number: number;
  title: string;
  created_at: string;
  gen: GenInput;
  /** Epoch ms when self-scoring lands; null when it never does (completed_with_errors). */
  scored_at_ms: number | null;
  /** False for versions written before source capture existed: `sources` reads `[]`. */
  sources_captured?: boolean;
  /** A body and sources given by the emulator's `craftedItems` option, served as they are. */
  crafted?: CraftedContent;
}

export interface CraftedContent {
  markdown_body: string;
  sources: { marker: number; source_name: string; source_url: string }[];
}

/** An item for the `craftedItems` option: its version serves this body and these sources. */
export interface CraftedItem {
  title: string;
  /** Default `in_review`. */
  status?: ContentStatus;
  markdownBody: string;
  sources?: { marker: number; name: string; url: string }[];
  /**
   * List the item without `brand_id` (the guide does not promise it on list rows; the
   * single-item read still has it): for tests of how consumers scope such rows by brand.
   */
  listedWithoutBrand?: boolean;
}

export interface ContentItem {
  id: string;
  org_id: string;
  brand_id: string;
  property_id: string | null;
  brief_id: string | null;
  topic_id: string | null;
  author_id: string | null;
  title: string;
  slug: string;
  status: ContentStatus;
  format: Format;
  versions: Version[];
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
  /** `CraftedItem.listedWithoutBrand`: `GET /content` rows leave `brand_id` out. */
  listed_without_brand?: boolean;
}

export interface Job {
  id: string;
  org_id: string;
  kind: 'topic_autopilot' | 'item_generate';
  workflow_id: string;
  topic_id: string | null;
  content_item_id: string | null;
  content_version_id: string | null;
  created_ms: number;
  duration_ms: number;
  lag_ms: number;
  outcome: JobOutcome;
  citation_mode: CitationMode;
  direction: Direction | null;
  /** Effects already applied to the store (the timeline is derived from elapsed time). */
  drafted: boolean;
  settled: boolean;
}

export interface Pillar {
  id: string;
  org_id: string;
  brand_id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface Author {
  id: string;
  org_id: string;
  name: string;
  slug: string;
  email: string | null;
  bio: string | null;
  avatar_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface Category {
  id: string;
  org_id: string;
  brand_id: string;
  name: string;
  slug: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface Tag {
  id: string;
  org_id: string;
  brand_id: string;
  name: string;
  slug: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentRecord {
  id: string;
  org_id: string;
  title: string;
  filename: string;
  mime_type: string;
  size_bytes: number;
  page_count: number | null;
  category: string;
  status: 'processing' | 'ready' | 'failed';
  summary: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportedContent {
  id: string;
  org_id: string;
  brand_id: string;
  property_id: string | null;
  source: string;
  external_id: string;
  url: string;
  title: string;
  excerpt: string;
  markdown_body: string;
  word_count: number;
  published_at: string | null;
  imported_at: string;
}

export interface IdempotencyRecord {
  org_id: string;
  key: string;
  /** Method and concrete path: the same key on another route is a different operation. */
  scope: string;
  status: number;
  body: unknown;
  created_ms: number;
}

/** Items pre-created by `--items N`, generated on demand from their index. */
export interface SyntheticRange {
  count: number;
  org_id: string;
  brand_id: string;
  property_ids: string[];
  author_ids: string[];
  /** Items changed through the API (PATCH, DELETE, generate) are materialized here by index. */
  overrides: Record<string, ContentItem>;
}

export interface State {
  schema: 1;
  seed: string;
  counter: number;
  orgs: Org[];
  brands: Brand[];
  keyword_clusters: KeywordCluster[];
  properties: Property[];
  topics: Topic[];
  topic_scores: TopicScore[];
  briefs: Brief[];
  items: ContentItem[];
  synthetic: SyntheticRange | null;
  jobs: Job[];
  pillars: Pillar[];
  authors: Author[];
  categories: Category[];
  tags: Tag[];
  documents: DocumentRecord[];
  imported: ImportedContent[];
  idempotency: IdempotencyRecord[];
}
