import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

describe('local request validation', () => {
  it('refuses out-of-bounds or unknown input before any request is spent', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const cases: [string, PromiseLike<unknown>, RegExp][] = [
      ['empty title', rw.briefs.create({ title: '' }), /title/],
      ['long title', rw.briefs.create({ title: 'x'.repeat(501) }), /title/],
      ['word count', rw.briefs.create({ title: 'T', targetWordCount: 99 }), /targetWordCount/],
      [
        'word count high',
        rw.briefs.create({ title: 'T', targetWordCount: 10_001 }),
        /targetWordCount/,
      ],
      [
        'long audience',
        rw.briefs.create({ title: 'T', audienceDetails: 'a'.repeat(5001) }),
        /audienceDetails/,
      ],
      ['long summary', rw.briefs.update('b', { summary: 's'.repeat(5001) }), /summary/],
      [
        'keyword',
        rw.topics.create('brand', { title: 'T', primaryKeyword: 'k'.repeat(201) }),
        /primaryKeyword/,
      ],
      ['no keyword', rw.topics.create('brand', { title: 'T' } as never), /primaryKeyword/],
      [
        'citation mode',
        rw.content.generateItem('i', { citationMode: 'footnotes' as never }),
        /citationMode/,
      ],
      [
        'direction key',
        rw.content.generateItem('i', { direction: { voice: 'x' } as never }),
        /direction/,
      ],
      [
        'generate extras',
        rw.content.generate({ topicId: 't', citationMode: 'inline' } as never),
        /citationMode/,
      ],
      [
        'topic on item',
        rw.content.create({ briefId: 'b', propertyId: 'p', title: 'T', topicId: 't' } as never),
        /topicId/,
      ],
      ['brand on brief', rw.briefs.create({ title: 'T', brandId: 'b' } as never), /brandId/],
      ['limit', rw.content.list({ limit: 201 }), /limit/],
      ['offset', rw.content.list({ offset: -1 }), /offset/],
      ['topics without brand', rw.topics.list({} as never), /brandId/],
      ['sort', rw.topics.list({ brandId: 'b', sortBy: 'title' as never }), /sortBy/],
      ['include', rw.content.retrieve('i', { include: ['body' as never] }), /include/],
      ['empty id', rw.content.retrieve(''), /itemId/],
    ];
    for (const [name, call, field] of cases) {
      const error = await rejection(call);
      expect(error, name).toBeInstanceOf(RequestValidationError);
      expect(error.message, name).toMatch(field);
    }
    expect(emu.stats().requests).toBe(0);
  });

  it('maps camelCase params to the snake_case wire', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brief = await rw.briefs.create({
      title: 'Wire names',
      primaryKeyword: 'wire',
      secondaryKeywords: ['names'],
      targetWordCount: 800,
      searchIntent: 'informational',
      funnelStage: 'mofu',
      contentGoal: 'Explain it',
    });
    expect(brief).toMatchObject({
      primary_keyword: 'wire',
      secondary_keywords: ['names'],
      target_word_count: 800,
      search_intent: 'informational',
      funnel_stage: 'mofu',
      content_goal: 'Explain it',
    });
  });
});
