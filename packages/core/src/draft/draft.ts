/**
 * The provider-neutral draft: what the CLI writes to files and the Astro loader stores.
 * RoboWrite maps onto it today; WriterzRoom and Writer will later. Required fields hold only
 * what every provider can supply; anything provider-specific stays nullable or in `metrics`.
 */
export interface DraftScoring {
  /** Headline quality score, 0–100, when the provider gives one. */
  score: number | null;
  /** Numeric scores as the provider named them (RoboWrite: geo_score, draft_score). */
  metrics: Record<string, number>;
  warnings: string[];
}

export interface DraftSource {
  /** The number the body's Sources section uses, when there is one. */
  marker: number | null;
  name: string | null;
  url: string;
}

export interface Draft {
  /** Which API the draft came from, e.g. "robowrite". */
  provider: string;
  /** The provider's id for the piece of content (stable across versions). */
  id: string;
  versionId: string | null;
  versionNumber: number | null;
  slug: string;
  title: string;
  /** The provider's own status for the item (RoboWrite: the content item status). */
  status: string;
  /** Markdown body of the latest version. */
  body: string;
  excerpt: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  seoKeywords: string[];
  tags: string[];
  categories: string[];
  authorId: string | null;
  wordCount: number | null;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** ISO-8601 UTC: the latest version's time when newer than the item's. */
  updatedAt: string;
  /** null when not requested or not yet scored. */
  scoring: DraftScoring | null;
  /** null when not requested; [] when requested and none were cited. */
  sources: DraftSource[] | null;
}
