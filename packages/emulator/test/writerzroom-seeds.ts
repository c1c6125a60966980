import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The WriterzRoom documents, as the issue names them: `../shared/seeds/…` next to the repository. */
const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../shared/seeds/${name}`, import.meta.url)), 'utf8');

export const SEED_BASE = 'https://api.writerzroom.com';

/**
 * The lines from `first` to `last` (both exact, whole lines) in the first block after the line
 * `heading`. The seeds keep their line breaks and indentation, so nothing else is restored.
 */
function block(text: string, heading: string, first: string, last: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  const start = lines.indexOf(first, at);
  const end = lines.indexOf(last, start);
  if (at < 0 || start < 0 || end < 0)
    throw new Error(`seed block "${first}" after "${heading}" not found`);
  return lines.slice(start, end + 1).join('\n');
}

/**
 * Seed 000's Python, every runnable block in document order, as one session (each later block
 * uses the names the earlier ones define). Left out: the "Error Handling" block, whose request
 * body is the placeholder `json={...}` (a Python set holding Ellipsis, which no HTTP client can
 * send as JSON).
 */
export function seed000Python(): string {
  const text = seed('000_bbf46114587a158f.txt');
  return [
    block(text, 'Authentication', 'HEADERS = {', `BASE_URL = "${SEED_BASE}"`),
    block(text, 'Submit a Generation Request', 'import httpx', 'request_id = data["request_id"]'),
    block(
      text,
      'Poll for Completion',
      'import time',
      '    raise TimeoutError(f"Generation did not complete within {timeout}s")',
    ),
    block(text, 'Full End-to-End Example', 'import httpx, time', 'print(content[:500])'),
    block(
      text,
      'List Templates',
      'res = httpx.get(f"{BASE_URL}/api/templates", headers=HEADERS)',
      '    print(t["id"], "-", t["name"])',
    ),
    block(
      text,
      'List Style Profiles',
      'res = httpx.get(f"{BASE_URL}/api/style-profiles", headers=HEADERS)',
      `    print(p["id"], "-", p["name"], f"({p['tone']})")`,
    ),
    block(
      text,
      'List Verticals',
      'res = httpx.get(f"{BASE_URL}/api/verticals", headers=HEADERS)',
      '    print(v["id"], "-", v["name"])',
    ),
  ].join('\n\n');
}

/** Seed 002's `pollStatus`: a function the document defines but never calls. */
export function seed002PollStatus(): string {
  return block(
    seed('002_7fed1933b8c5f144.txt'),
    'How to Poll',
    'async function pollStatus(requestId, apiKey) {',
    '}',
  );
}

/** Seed 002's three example status answers (in progress, completed, failed), parsed. */
export function seed002Responses(): Record<'processing' | 'completed' | 'failed', unknown> {
  const text = seed('002_7fed1933b8c5f144.txt');
  const json = (heading: string) => JSON.parse(block(text, heading, '{', '}'));
  return {
    processing: json('Response: In Progress'),
    completed: json('Response: Completed'),
    failed: json('Response: Failed'),
  };
}

/** The only edits allowed: the base URL and the key. */
export function pointAt(script: string, baseUrl: string, apiKey: string): string {
  if (!script.includes(SEED_BASE)) throw new Error('the seed script no longer names its base URL');
  return script.replaceAll(SEED_BASE, baseUrl).replaceAll('YOUR_API_KEY', apiKey);
}
