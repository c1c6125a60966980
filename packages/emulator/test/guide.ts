import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The spec, as the issue names it: `../shared/seeds/…` next to the repository. */
export const SPEC_PATH = fileURLToPath(
  new URL('../../../../shared/seeds/004_da39e553288d336a.txt', import.meta.url),
);
export const GUIDE_BASE = 'https://api.roboad.ai/api/public/v1';

/**
 * The seed file stores the guide on one line (its newlines were folded into spaces), so a code
 * block comes back as one line. These anchors say where each original line started and how deep
 * it was indented; `restore` puts the breaks back and refuses to run if anything else differs.
 */
const BASH_LINES: [string, number][] = [
  ['AUTH=', 0],
  ['# 1.', 0],
  ['BRAND_ID=', 0],
  ['# 2.', 0],
  ['TOPIC_ID=', 0],
  ['# 3.', 0],
  ['JOB_ID=', 0],
  ['# 4.', 0],
  ['while :;', 0],
  ['JOB=$(', 1],
  ['STATUS=', 1],
  ['echo "status', 1],
  ['case "$STATUS"', 1],
  ['completed|', 2],
  ['esac', 1],
  ['sleep 5', 1],
  ['done', 0],
  ['# 5.', 0],
  ['ITEM_ID=', 0],
  ['curl -s -H "$AUTH" "$BASE/content/$ITEM_ID', 0],
];

const PYTHON_LINES: [string, number][] = [
  ['BASE =', 0],
  ['# httpx sends', 0],
  ['client = httpx', 0],
  ['brand_id =', 0],
  ['topic = client.post(', 0],
  ['f"/brands/', 1],
  ['headers={"Idempotency-Key"', 1],
  ['json={"title"', 1],
  [').json()', 0],
  ['job = client.post(', 0],
  ['"/content/generate",', 1],
  ['headers={"Idempotency-Key"', 1],
  ['json={"topic_id"', 1],
  [').json()', 0],
  ['STOP =', 0],
  ['while True:', 0],
  ['job = client.get(', 1],
  ['if job["status"]', 1],
  ['break', 2],
  ['time.sleep(5)', 1],
  ['item = client.get(', 0],
  ['print(', 0],
];

function codeBlock(spec: string, after: string, fence: string): string {
  const heading = spec.indexOf(after);
  const start = spec.indexOf(`\`\`\`${fence} `, heading);
  const end = spec.indexOf(' ```', start + 3 + fence.length);
  if (heading < 0 || start < 0 || end < 0) throw new Error(`no ${fence} block after "${after}"`);
  return spec.slice(start + 4 + fence.length, end);
}

function restore(folded: string, anchors: [string, number][], continuation: boolean): string {
  let text = continuation ? folded.replaceAll(' \\ ', ' \\\n') : folded;
  let from = 0;
  for (const [anchor, depth] of anchors) {
    const at = text.indexOf(` ${anchor}`, from);
    const atLineStart = text.indexOf(`\n${anchor}`, from);
    if (at < 0 && atLineStart < 0) throw new Error(`anchor not found: ${anchor}`);
    if (atLineStart >= 0 && (at < 0 || atLineStart < at)) {
      text = `${text.slice(0, atLineStart + 1)}${'    '.repeat(depth)}${text.slice(atLineStart + 1)}`;
      from = atLineStart + 1;
      continue;
    }
    text = `${text.slice(0, at)}\n${'    '.repeat(depth)}${text.slice(at + 1)}`;
    from = at + 1;
  }
  const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (fold(text) !== fold(folded)) throw new Error('restoring line breaks changed the script');
  return `${text}\n`;
}

export function guideScripts(): { bash: string; python: string } {
  const spec = readFileSync(SPEC_PATH, 'utf8');
  return {
    bash: restore(
      codeBlock(spec, '### Copy-paste: topic → generate → poll → read (bash)', 'bash'),
      BASH_LINES,
      true,
    ),
    python: restore(
      codeBlock(spec, '### Copy-paste: same flow (Python, httpx)', 'python'),
      PYTHON_LINES,
      false,
    ),
  };
}

/** The only edits the issue allows: the base URL and the key. */
export function pointAt(script: string, baseUrl: string, apiKey: string): string {
  if (!script.includes(GUIDE_BASE) || !script.includes('YOUR_API_KEY')) {
    throw new Error('the guide script no longer names the base URL or YOUR_API_KEY');
  }
  return script.replaceAll(GUIDE_BASE, baseUrl).replaceAll('YOUR_API_KEY', apiKey);
}
