import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedPath, insideFolder } from '../src/sync/inside-folder.ts';

// Issue 10 #1 (state file paths are trusted): the one check every read, write and unlink uses.
describe('issue 10 #1: insideFolder', () => {
  const folder = resolve('/project/src/content/robowrite');

  it('resolves a plain file name directly in the folder', () => {
    expect(insideFolder(folder, 'post.md')).toEqual({ path: join(folder, 'post.md') });
    expect(insideFolder(`${folder}/`, 'a..b.md')).toEqual({ path: join(folder, 'a..b.md') });
  });

  it.each([
    ['', 'is not a file name'],
    ['.', 'is the folder itself'],
    ['..', 'leads outside the folder'],
    ['../../../../victim.txt', 'leads outside the folder'],
    ['..\\..\\victim.txt', 'is not a file directly in the folder'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:\\Windows\\win.ini', 'is an absolute path'],
    ['\\\\server\\share\\x.md', 'is an absolute path'],
    ['sub/post.md', 'is not a file directly in the folder'],
    ['sub/../post.md', 'is not a file directly in the folder'],
    ['post.md\u0000.txt', 'contains control characters'],
    ['\u001b[2Jpost.md', 'contains control characters'],
  ])('refuses %j: it %s', (name, reason) => {
    expect(insideFolder(folder, name)).toEqual({ reason });
    expect(() => confinedPath(folder, name)).toThrow(reason);
  });

  it('quotes a refused name so the error stays on one line', () => {
    expect(() => confinedPath(folder, '../x\n\u001b.md')).toThrow(
      'refused file name "../x\\n\\u001b.md": it contains control characters',
    );
  });
});
