import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT_STATUSES, unknownStatusesWarning } from '../src/index.ts';

describe('unknownStatusesWarning: one line the CLI and the loader print for statuses core does not know', () => {
  it('says nothing for the statuses core knows', () => {
    expect(unknownStatusesWarning(DEFAULT_DRAFT_STATUSES)).toBeNull();
    expect(unknownStatusesWarning(['archived', 'draft'])).toBeNull();
  });

  it('names a typo and the status it is likely meant to be (issue 9 #5)', () => {
    expect(unknownStatusesWarning(['draft', 'publishd'])).toBe(
      'status "publishd" (did you mean "published"?) is not one robowrite knows ' +
        '(draft, in_review, published, archived); it is asked for as written, and nothing is ' +
        'synced if the API has no item in it',
    );
    expect(unknownStatusesWarning(['IN_REVIEW'])).toContain(
      '"IN_REVIEW" (did you mean "in_review"?)',
    );
  });

  it('names an unknown status with no near match once, without a guess', () => {
    const line = unknownStatusesWarning(['scheduled', 'scheduled']);
    expect(line).toMatch(/^status "scheduled" is not one robowrite knows/);
    expect(line).not.toContain('did you mean');
  });
});
