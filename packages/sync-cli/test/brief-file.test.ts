import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefFile } from '../src/commands/brief-file.ts';
import { UsageError } from '../src/commands/exit-codes.ts';
import { project } from './helpers.ts';

async function briefFile(text: string): Promise<string> {
  const path = join(await project('rw-brief-'), 'brief.yaml');
  await writeFile(path, text);
  return path;
}

describe('brief file keys', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'an inherited object key "%s" is reported as unknown',
    async (key) => {
      const path = await briefFile(`title: Fine\n${key}: x\n`);
      await expect(readBriefFile(path)).rejects.toThrow(UsageError);
      await expect(readBriefFile(path)).rejects.toThrow(`unknown key "${key}"`);
    },
  );

  it('an inherited direction key is reported as unknown', async () => {
    const path = await briefFile('title: Fine\ndirection:\n  constructor: x\n');
    await expect(readBriefFile(path)).rejects.toThrow('unknown direction key "constructor"');
  });

  it('known keys map to the API fields', async () => {
    const path = await briefFile(
      'title: Fine\nprimary_keyword: k\nproperty_id: prop_1\ncitation_mode: inline\ndirection:\n  reading_level: easy\n',
    );
    expect(await readBriefFile(path)).toEqual({
      brief: { title: 'Fine', primaryKeyword: 'k' },
      propertyId: 'prop_1',
      generate: { citationMode: 'inline', direction: { readingLevel: 'easy' } },
    });
  });
});
