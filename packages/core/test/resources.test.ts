import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UnprocessableEntityError } from '../src/index.ts';
import { client, emulator, rejection } from './helpers.ts';

describe('resources against the emulator', () => {
  it('ping, brands, keywords and properties', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    expect(await rw.ping()).toMatchObject({ status: 'ok' });

    const brands = await rw.brands.list();
    expect(brands.items.length).toBeGreaterThan(0);
    expect(brands.total).toBe(brands.items.length);
    const brand = brands.items[0];
    if (!brand) throw new Error('no brand');
    expect((await rw.brands.retrieve(brand.id)).id).toBe(brand.id);
    const keywords = await rw.brands.keywords(brand.id);
    expect(keywords.brand_id).toBe(brand.id);
    expect(Array.isArray(keywords.clusters)).toBe(true);

    const created = await rw.properties.create({
      name: 'Docs site',
      url: 'https://docs.example.com',
    });
    expect(created.name).toBe('Docs site');
    expect((await rw.properties.retrieve(created.id)).url).toBe('https://docs.example.com');
    const ids = [];
    for await (const p of rw.properties.list({ limit: 1 })) ids.push(p.id);
    expect(ids).toContain(created.id);
    expect(await rejection(rw.brands.retrieve('brand_missing'))).toBeInstanceOf(NotFoundError);
  });

  it('topics: list with filters and sort, retrieve, scores, content, create', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brand = (await rw.brands.list()).items[0];
    if (!brand) throw new Error('no brand');

    const sorted = await rw.topics.list({
      brandId: brand.id,
      sortBy: 'total_score',
      sortOrder: 'desc',
      limit: 200,
    });
    expect(sorted.items.length).toBeGreaterThan(1);
    const scores = sorted.items.map((t) => t.total_score ?? Number.NEGATIVE_INFINITY);
    const withScores = scores.filter((s) => s !== Number.NEGATIVE_INFINITY);
    expect(withScores).toEqual([...withScores].sort((a, b) => b - a));
    for (const t of sorted.items) expect(typeof t.eligible_for_autopilot).toBe('boolean');

    const band = sorted.items.find((t) => t.decision_band)?.decision_band;
    if (!band) throw new Error('fixture has no banded topic');
    const banded = await rw.topics.list({ brandId: brand.id, decisionBand: band });
    expect(banded.items.length).toBeGreaterThan(0);
    expect(banded.items.every((t) => t.decision_band === band)).toBe(true);

    const first = sorted.items[0];
    if (!first) throw new Error('no topic');
    expect((await rw.topics.retrieve(first.id)).id).toBe(first.id);
    expect(Array.isArray(await rw.topics.scores(first.id))).toBe(true);
    const content = await rw.topics.content(first.id);
    expect(Array.isArray(content.items)).toBe(true);

    const topic = await rw.topics.create(brand.id, {
      title: 'Remote work productivity',
      primaryKeyword: 'remote work productivity',
      secondaryKeywords: ['async work'],
      funnelStage: 'tofu',
    });
    expect(topic).toMatchObject({
      title: 'Remote work productivity',
      primary_keyword: 'remote work productivity',
      decision_band: null,
      eligible_for_autopilot: true,
      secondary_keywords: ['async work'],
      funnel_stage: 'tofu',
    });
  });

  it('briefs: create, list, retrieve, sections, update', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brief = await rw.briefs.create({
      title: 'Async standups',
      primaryKeyword: 'async standup',
      targetWordCount: 1200,
      audienceDetails: 'Engineering managers',
    });
    expect(brief).toMatchObject({ title: 'Async standups', target_word_count: 1200 });
    expect((await rw.briefs.retrieve(brief.id)).primary_keyword).toBe('async standup');
    const sections = await rw.briefs.sections(brief.id);
    expect(sections.length).toBeGreaterThan(0);
    expect(typeof sections[0]?.heading).toBe('string');
    const updated = await rw.briefs.update(brief.id, { tone: 'friendly', summary: 'Short.' });
    expect(updated).toMatchObject({ tone: 'friendly', summary: 'Short.' });
    const ids = [];
    for await (const b of rw.briefs.list()) ids.push(b.id);
    expect(ids).toContain(brief.id);
  });

  it('content: create, list with filters, retrieve with includes, update, generate, delete', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const property = (await rw.properties.list()).items[0];
    if (!property) throw new Error('no property');
    const brief = await rw.briefs.create({
      title: 'Hybrid offices',
      primaryKeyword: 'hybrid office',
    });

    const created = await rw.content.create({
      briefId: brief.id,
      propertyId: property.id,
      title: 'Hybrid offices that work',
    });
    expect(created).toMatchObject({ title: 'Hybrid offices that work', brief_id: brief.id });

    const byBrief = await rw.content.list({ briefId: brief.id });
    expect(byBrief.items.map((i) => i.id)).toEqual([created.id]);
    const byStatus = await rw.content.list({ status: created.status, propertyId: property.id });
    expect(byStatus.items.every((i) => i.status === created.status)).toBe(true);

    const accepted = await rw.content.generateItem(created.id, {
      direction: { tone: 'plain', readingLevel: 'grade 8' },
      citationMode: 'inline',
    });
    expect(typeof accepted.job_id).toBe('string');
    const snapshot = await rw.jobs.retrieve(accepted.job_id);
    expect(snapshot.job_id).toBe(accepted.job_id);
    const done = await rw.jobs.waitFor(accepted.job_id, { intervalMs: 50, timeoutMs: 10_000 });
    expect(done.job.content_item_id).toBe(created.id);

    const plain = await rw.content.retrieve(created.id);
    const plainLatest = plain.versions.at(-1);
    expect(plainLatest?.scoring).toBeNull();
    expect(plainLatest?.sources).toBeNull();
    const full = await rw.content.retrieve(created.id, { include: ['scoring', 'sources'] });
    const latest = full.versions.at(-1);
    expect(latest?.markdown_body).toContain('](http');
    expect(Array.isArray(latest?.sources)).toBe(true);

    const renamed = await rw.content.update(created.id, { title: 'Hybrid offices, revisited' });
    expect(renamed.title).toBe('Hybrid offices, revisited');

    await rw.content.delete(created.id);
    expect(await rejection(rw.content.retrieve(created.id))).toBeInstanceOf(NotFoundError);
  });

  it('content.generate runs topic autopilot; an ineligible band is a ConflictError', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brand = (await rw.brands.list()).items[0];
    if (!brand) throw new Error('no brand');
    const topic = await rw.topics.create(brand.id, {
      title: 'Deep work',
      primaryKeyword: 'deep work',
    });
    const accepted = await rw.content.generate({ topicId: topic.id });
    const done = await rw.jobs.waitFor(accepted.job_id, { intervalMs: 50, timeoutMs: 10_000 });
    expect(typeof done.job.content_item_id).toBe('string');
    expect(['completed', 'awaiting_review']).toContain(done.status);

    const topics = await rw.topics.list({ brandId: brand.id, decisionBand: 'reject_or_hold' });
    const ineligible = topics.items[0];
    if (!ineligible) throw new Error('fixture has no reject_or_hold topic');
    expect(await rejection(rw.content.generate({ topicId: ineligible.id }))).toBeInstanceOf(
      ConflictError,
    );
  });

  it('taxonomy CRUD: pillars, categories, tags, authors', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const brand = (await rw.brands.list()).items[0];
    if (!brand) throw new Error('no brand');

    const pillar = await rw.pillars.create({ brandId: brand.id, name: 'Remote work' });
    expect((await rw.pillars.retrieve(pillar.id)).name).toBe('Remote work');
    expect((await rw.pillars.update(pillar.id, { name: 'Distributed work' })).name).toBe(
      'Distributed work',
    );
    expect((await rw.pillars.list()).items.map((p) => p.id)).toContain(pillar.id);
    await rw.pillars.delete(pillar.id);
    expect(await rejection(rw.pillars.retrieve(pillar.id))).toBeInstanceOf(NotFoundError);

    const a = await rw.categories.create({ brandId: brand.id, name: 'Guides', slug: 'guides-x' });
    const b = await rw.categories.create({ brandId: brand.id, name: 'Notes', slug: 'notes-x' });
    expect(await rejection(rw.categories.update(b.id, { slug: 'guides-x' }))).toBeInstanceOf(
      ConflictError,
    );
    expect((await rw.categories.retrieve(a.id)).slug).toBe('guides-x');
    expect((await rw.categories.list({ limit: 200 })).items.map((c) => c.id)).toContain(b.id);
    await rw.categories.delete(a.id);

    const tag = await rw.tags.create({ brandId: brand.id, name: 'Async', slug: 'async-x' });
    expect((await rw.tags.update(tag.id, { name: 'Asynchronous' })).name).toBe('Asynchronous');
    expect((await rw.tags.list({ limit: 200 })).items.map((t) => t.id)).toContain(tag.id);
    expect((await rw.tags.retrieve(tag.id)).slug).toBe('async-x');
    await rw.tags.delete(tag.id);

    const author = await rw.authors.create({ name: 'Ada Writer' });
    expect((await rw.authors.update(author.id, { bio: 'Writes.' })).bio).toBe('Writes.');
    expect((await rw.authors.retrieve(author.id)).name).toBe('Ada Writer');
    expect((await rw.authors.list({ limit: 200 })).items.map((x) => x.id)).toContain(author.id);
    await rw.authors.delete(author.id);

    expect(
      await rejection(rw.tags.create({ brandId: 'brand_not_mine', name: 'X' })),
    ).toBeInstanceOf(NotFoundError);
  });

  it('documents (with filters) and imported content', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const docs = await rw.documents.list();
    expect(docs.items.length).toBeGreaterThan(0);
    const research = await rw.documents.list({ category: 'research' });
    expect(research.items.length).toBeGreaterThan(0);
    expect(research.items.every((d) => d.category === 'research')).toBe(true);
    const ready = await rw.documents.list({ status: 'ready', q: 'survey' });
    expect(ready.items.every((d) => d.status === 'ready')).toBe(true);
    const doc = docs.items[0];
    if (!doc) throw new Error('no document');
    expect((await rw.documents.retrieve(doc.id)).id).toBe(doc.id);

    const imported = await rw.importedContent.list();
    expect(imported.items.length).toBeGreaterThan(0);
    const first = imported.items[0];
    if (!first) throw new Error('no imported content');
    expect((await rw.importedContent.retrieve(first.id)).title).toBe(first.title);
  });

  it('server-side validation still surfaces as typed errors', async () => {
    const emu = await emulator();
    const { client: rw } = client(emu);
    const property = (await rw.properties.list()).items[0];
    if (!property) throw new Error('no property');
    const error = await rejection(
      rw.content.create({ briefId: 'brief_nope', propertyId: property.id, title: 'X' }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).detail).toBeTruthy();
    expect((error as NotFoundError).path).toBe('/content/items');
    expect((error as NotFoundError).method).toBe('POST');
    const brand = (await rw.brands.list()).items[0];
    if (!brand) throw new Error('no brand');
    // Taxonomy bodies are passed through beyond their known fields; the API judges the rest.
    const unknownKey = await rejection(
      rw.tags.create({ brandId: brand.id, name: 'X', colour: 'red' }),
    );
    expect(unknownKey).toBeInstanceOf(UnprocessableEntityError);
  });
});
