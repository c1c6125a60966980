export type { Draft, DraftScoring, DraftSource } from './draft/draft.ts';
export {
  isDraft,
  type JobOutcome,
  type RobowriteFrontmatter,
  type RobowriteFrontmatterInput,
  robowriteSchema,
  toFrontmatter,
} from './draft/frontmatter.ts';
