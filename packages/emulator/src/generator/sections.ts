import { deterministicId } from '../ids.ts';
import type { Brief } from '../store/types.ts';
import { SECTION_HEADINGS } from './phrases.ts';
import { Random } from './random.ts';
import { capitalize } from './words.ts';

/** A brief's outline, derived from its current fields (so it changes when a PATCH does). */
export function briefSections(seed: string, brief: Brief) {
  const rng = new Random(`${seed}:sections:${brief.id}:${brief.version}`);
  const keyword = (brief.primary_keyword ?? brief.title).toLowerCase();
  const headings = ['Introduction', ...rng.sample(SECTION_HEADINGS, 4), 'Key takeaways'];
  const total = brief.target_word_count ?? 1200;
  return headings.map((heading, i) => ({
    id: deterministicId(seed, `brief-section-${brief.id}-v${brief.version}`, i + 1),
    brief_id: brief.id,
    position: i + 1,
    heading: capitalize(heading.replaceAll('{kw}', keyword)),
    level: 2,
    summary: `Covers ${heading.replaceAll('{kw}', keyword).toLowerCase()} for ${brief.audience_details ?? 'the target reader'}.`,
    target_word_count: Math.round(total / headings.length),
    key_points: rng.sample(
      ['a concrete example', 'a common mistake', 'a quick win', 'supporting data', 'a checklist'],
      2,
    ),
  }));
}
