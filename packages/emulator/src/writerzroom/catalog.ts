/**
 * WriterzRoom's fixed catalog: templates, style profiles, verticals, plans and the demo accounts.
 * The seeds name `blog_article_generator`, `general_blog`, `standard` and the verticals
 * `healthcare`, `fintech`, `legal`; the rest is chosen to be plausible and small.
 */
export interface Template {
  id: string;
  name: string;
  description: string;
  category: string;
  /** Inputs a generation must carry; a missing one fails the generation (seed 002's example). */
  required_inputs: string[];
  optional_inputs: string[];
  default_word_count: number;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'blog_article_generator',
    name: 'Blog Article Generator',
    description: 'Long-form blog article with sections, lists and key takeaways.',
    category: 'blog',
    required_inputs: ['topic'],
    optional_inputs: ['target_audience', 'audience', 'word_count', 'title'],
    default_word_count: 1200,
  },
  {
    id: 'email_newsletter',
    name: 'Email Newsletter',
    description: 'A newsletter issue for a named audience.',
    category: 'email',
    required_inputs: ['topic', 'audience'],
    optional_inputs: ['word_count', 'title'],
    default_word_count: 600,
  },
  {
    id: 'product_description',
    name: 'Product Description',
    description: 'A product page description.',
    category: 'ecommerce',
    required_inputs: ['topic', 'product_name'],
    optional_inputs: ['target_audience', 'word_count', 'title'],
    default_word_count: 500,
  },
];

export interface StyleProfile {
  id: string;
  name: string;
  tone: string;
  description: string;
}

export const STYLE_PROFILES: readonly StyleProfile[] = [
  {
    id: 'general_blog',
    name: 'General Blog',
    tone: 'conversational',
    description: 'Friendly, clear prose.',
  },
  {
    id: 'executive_brief',
    name: 'Executive Brief',
    tone: 'authoritative',
    description: 'Concise, decision-oriented.',
  },
  {
    id: 'technical_deep_dive',
    name: 'Technical Deep Dive',
    tone: 'precise',
    description: 'Detailed and exact.',
  },
];

export const VERTICALS: readonly { id: string; name: string }[] = [
  { id: 'general', name: 'General' },
  { id: 'healthcare', name: 'Healthcare' },
  { id: 'fintech', name: 'Fintech' },
  { id: 'legal', name: 'Legal' },
  { id: 'saas', name: 'SaaS' },
];

export const GENERATION_MODES = ['standard', 'quick', 'premium'] as const;
export type GenerationMode = (typeof GENERATION_MODES)[number];

/** Which generation modes each plan allows; a mode outside the plan answers 403. */
export const PLAN_MODES: Record<string, readonly GenerationMode[]> = {
  professional: ['standard', 'quick'],
  enterprise: ['standard', 'quick', 'premium'],
};

export const WRITERZROOM_DEMO_API_KEY = 'wzr_live_demo_7f3a9c1e5b2d4086';
/** An account on the same plan with no credits left: every generation answers 402. */
export const WRITERZROOM_DEPLETED_API_KEY = 'wzr_live_depleted_2b8e6f0a4c1d9735';

export interface AccountSeed {
  id: string;
  key: string;
  plan: string;
  credits: number;
}

export const ACCOUNTS: readonly AccountSeed[] = [
  { id: 'acct_demo', key: WRITERZROOM_DEMO_API_KEY, plan: 'professional', credits: 500 },
  { id: 'acct_depleted', key: WRITERZROOM_DEPLETED_API_KEY, plan: 'professional', credits: 0 },
];

export const findTemplate = (id: string) => TEMPLATES.find((t) => t.id === id);
export const findStyleProfile = (id: string) => STYLE_PROFILES.find((p) => p.id === id);
export const findVertical = (id: string) => VERTICALS.find((v) => v.id === id);
