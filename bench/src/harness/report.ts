import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname } from 'node:path';

/** One line of a benchmark's table. `met` is null where a figure has no goal. */
export interface Row {
  figure: string;
  ours: string;
  alternative: string;
  ratio: string;
  goal: string;
  met: boolean | null;
}

/** An exact figure (request counts, 429s, writes): `bench:smoke` fails when one is wrong. */
export interface Check {
  what: string;
  expected: number;
  actual: number;
}

export interface BenchResult {
  title: string;
  /** Parameters of this run: N, limits, intervals. */
  setup: string[];
  rows: Row[];
  checks: Check[];
  notes: string[];
}

export const ms = (value: number): string =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
export const mb = (value: number): string => `${value.toFixed(0)} MB`;
export const ratio = (ours: number, alternative: number): string =>
  alternative === 0 ? '—' : (ours / alternative).toFixed(2);

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

export function machineLines(smoke: boolean): string[] {
  const cpus = os.cpus();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM`,
    `- Load average at the start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}. The machine is shared with other work, so wall times are noisy; ratios are measured in the same run, request counts are exact.`,
    `- Mode: ${smoke ? 'smoke (small N; only exact figures are asserted)' : 'full'}`,
  ];
}

export function toMarkdown(result: BenchResult): string {
  const lines = [`## ${result.title}`, '', ...result.setup.map((s) => `- ${s}`), ''];
  lines.push('| Figure | Ours | Alternative | Ratio | Goal | Met? |');
  lines.push('|---|---|---|---|---|---|');
  for (const row of result.rows) {
    const met = row.met === null ? '' : row.met ? 'yes' : '**no**';
    lines.push(
      `| ${[row.figure, row.ours, row.alternative, row.ratio, row.goal].map(cell).join(' | ')} | ${met} |`,
    );
  }
  if (result.checks.length > 0) {
    lines.push('', 'Exact figures:', '');
    for (const check of result.checks) {
      const ok = check.expected === check.actual ? 'ok' : '**WRONG**';
      lines.push(`- ${check.what}: expected ${check.expected}, got ${check.actual} (${ok})`);
    }
  }
  if (result.notes.length > 0) lines.push('', ...result.notes.map((n) => `> ${n}`));
  return `${lines.join('\n')}\n`;
}

export async function writeResults(path: string, header: string[], body: string[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${header.join('\n')}\n\n${body.join('\n')}`);
}
