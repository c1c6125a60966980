import { CONTENT_ITEM_STATUSES } from './statuses.ts';

/**
 * One line warning about status names core does not know, or null when it knows them all. The
 * guide does not close the set of content item statuses, so an unknown name is still asked for
 * (a workflow may use `scheduled`); but a typo such as `publishd` would otherwise sync nothing
 * without a word. The CLI and the Astro loader print this same line before they list anything.
 */
export function unknownStatusesWarning(statuses: readonly string[]): string | null {
  const known: readonly string[] = CONTENT_ITEM_STATUSES;
  const unknown = [...new Set(statuses)].filter((status) => !known.includes(status));
  if (unknown.length === 0) return null;
  const named = unknown.map((status) => {
    const near = closestKnownStatus(status);
    return near === null
      ? JSON.stringify(status)
      : `${JSON.stringify(status)} (did you mean "${near}"?)`;
  });
  return (
    `status ${named.join(', ')} is not one robowrite knows (${known.join(', ')}); ` +
    'it is asked for as written, and nothing is synced if the API has no item in it'
  );
}

/** The known status within two edits of `status` (a likely typo), or null. */
function closestKnownStatus(status: string): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of CONTENT_ITEM_STATUSES) {
    const distance = editDistance(status.toLowerCase(), name);
    if (distance <= 2 && (best === null || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

/**
 * Levenshtein distance over short names. Written here rather than taken from a library: it is
 * ten lines, and a dependency for one typo hint would weigh more than the hint.
 */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        substitution,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
