import type { Random } from './random.ts';

/** Keywords and title patterns shared by the demo fixture and `--items N`. */
export const KEYWORDS = [
  'remote work productivity',
  'content calendar',
  'email marketing automation',
  'technical seo audit',
  'customer onboarding',
  'product roadmap planning',
  'b2b lead generation',
  'brand voice guidelines',
  'local seo',
  'newsletter growth',
  'keyword research',
  'landing page optimization',
  'team knowledge base',
  'content repurposing',
  'social media scheduling',
  'customer retention',
  'ab testing',
  'link building',
  'editorial workflow',
  'conversion rate optimization',
];

const PATTERNS = [
  'The complete guide to {kw}',
  '{n} ways to improve {kw}',
  'How to get started with {kw}',
  '{Kw}: what actually works in 2026',
  'A practical checklist for {kw}',
  'Why {kw} matters more than you think',
  '{Kw} mistakes to avoid',
  'How we rebuilt our {kw} process',
];

export function makeTitle(rng: Random, keyword: string): string {
  return rng
    .pick(PATTERNS)
    .replace('{n}', String(rng.int(5, 12)))
    .replace('{kw}', keyword)
    .replace('{Kw}', keyword.charAt(0).toUpperCase() + keyword.slice(1));
}
