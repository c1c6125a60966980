/**
 * Why a list of statuses cannot be used, in one line, or null when it can. Only the shape is
 * checked: the guide names no closed set of content item statuses (it shows `"status": "draft"`),
 * so a status core does not know (say a workflow's `scheduled`) is asked for, not refused. An
 * empty list or an empty name would list nothing or everything, so those are refused before any
 * request is sent.
 */
export function statusesProblem(statuses: readonly unknown[], option: string): string | null {
  if (statuses.length === 0) {
    return `robowrite: \`${option}\` must name at least one content item status.`;
  }
  const bad = statuses.find((status) => typeof status !== 'string' || status.trim() === '');
  if (bad === undefined) return null;
  return `robowrite: \`${option}\` holds ${JSON.stringify(bad)}, not a content item status.`;
}
