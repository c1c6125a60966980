import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

describe('ids used as path segments (issue 10, finding 5)', () => {
  it('finding 5: refuses ".", "..", "", and ids with "/" locally, sending nothing', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const cases: [string, PromiseLike<unknown>, string][] = [
      ['retrieve ..', rw.content.retrieve('..'), 'itemId'],
      ['delete ..', rw.content.delete('..'), 'itemId'],
      ['delete .', rw.content.delete('.'), 'itemId'],
      ['update ..', rw.content.update('..', { title: 'T' }), 'itemId'],
      ['generate ..', rw.content.generateItem('..'), 'itemId'],
      ['brief ..', rw.briefs.update('..', { title: 'T' }), 'briefId'],
      ['pillar .', rw.pillars.delete('.'), 'pillarId'],
      ['tag ..', rw.tags.retrieve('..'), 'tagId'],
      ['topic content ..', rw.topics.content('..'), 'topicId'],
      ['job ..', rw.jobs.retrieve('..'), 'jobId'],
      ['slash', rw.content.delete('a/b'), 'itemId'],
      ['slash up', rw.content.retrieve('../ping'), 'itemId'],
      ['empty', rw.authors.delete(''), 'authorId'],
      ['blank', rw.documents.retrieve('  '), 'documentId'],
    ];
    for (const [name, call, field] of cases) {
      const error = await rejection(call);
      expect(error, name).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).path, name).toBe(field);
    }
    expect(emu.stats().requests).toBe(0);
  });

  it('still sends ids that merely contain dots, percent-encoded', async () => {
    const emu = await emulator();
    const { client: rw, logs } = client(emu);
    for (const id of ['...', '.hidden', 'v1.2', '%2e%2e']) {
      const error = await rejection(rw.content.retrieve(id));
      expect(error.name, id).toBe('NotFoundError');
    }
    expect(emu.stats().routes['GET /content/{content_item_id}']).toBe(4);
    expect(logs.lines.some((l) => l.includes('GET /content/%252e%252e'))).toBe(true);
  });
});
