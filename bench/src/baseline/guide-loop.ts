// The alternative to `robowrite pull`: what the API guide's examples do, as a user would write it.
// List every page, GET every item with scoring and sources, write each with gray-matter, one
// request at a time, plain fetch with a User-Agent (the guide's one hard rule). No retries, no
// rate limiting, no change detection: the guide shows none. It stops at the first failed request
// and reports how far it got.
// Args: <outDir> <statuses,comma>. Env: ROBOWRITE_API_KEY, ROBOWRITE_BASE_URL.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { reportResult } from '../harness/child.ts';

interface Page {
  items: { id: string }[];
  has_more: boolean;
}
interface Item {
  id: string;
  title: string;
  slug: string;
  status: string;
  created_at: string;
  updated_at: string;
  versions: { id: string; version_number: number; markdown_body: string; word_count: number }[];
}

const [outDir, statuses] = process.argv.slice(2);
if (!outDir || !statuses) throw new Error('usage: guide-loop <outDir> <statuses>');
const base = process.env.ROBOWRITE_BASE_URL;
const headers = {
  authorization: `Bearer ${process.env.ROBOWRITE_API_KEY}`,
  'user-agent': 'my-sync-script/1.0',
};

let requests = 0;
let written = 0;
let error: string | null = null;

async function get<T>(path: string): Promise<T> {
  requests++;
  const res = await fetch(`${base}${path}`, { headers });
  if (!res.ok) throw new Error(`${res.status} GET ${path.split('?')[0]}`);
  return (await res.json()) as T;
}

const started = performance.now();
try {
  await mkdir(outDir, { recursive: true });
  const ids: string[] = [];
  for (const status of statuses.split(',')) {
    for (let offset = 0; ; offset += 200) {
      const page = await get<Page>(`/content?status=${status}&limit=200&offset=${offset}`);
      ids.push(...page.items.map((row) => row.id));
      if (!page.has_more) break;
    }
  }
  for (const id of ids) {
    const item = await get<Item>(`/content/${id}?include=scoring,sources`);
    const latest = item.versions.at(-1);
    if (!latest) continue;
    const data = {
      title: item.title,
      slug: item.slug,
      status: item.status,
      pubDate: item.created_at,
      updatedDate: item.updated_at,
      itemId: item.id,
      versionId: latest.id,
      wordCount: latest.word_count,
    };
    await writeFile(join(outDir, `${item.slug}.md`), matter.stringify(latest.markdown_body, data));
    written++;
  }
} catch (caught) {
  error = (caught as Error).message;
}
reportResult({ wallMs: performance.now() - started, requests, written, error });
