import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentLanguage, Pillar, Region, Resolution, ResourceType, Theme } from '#db/enums'
import {
  resource,
  resourceFile,
  resourceLanguage,
  resourcePillar,
  resourceResolution,
  resourceTheme,
  user,
} from '#db/schema/index'
import { seedDemoResources } from '#db/seed-resources'
import { getDb } from '~/utils/db.server'
import { parseResourceSearch } from './schemas'
import { type Viewer } from './listing.server'
import {
  reindexAllResources,
  reindexResource,
  searchResources,
  syncResourceSearchIndex,
  type ResourceSearchResult,
} from './search.server'

type Fixture = {
  type?: ResourceType
  titleEn?: string
  titleAr?: string
  summaryEn?: string
  summaryAr?: string
  tags?: string
  authors?: string
  transcriptAr?: string
  state?: 'draft' | 'submitted' | 'returned' | 'published'
  visibility?: 'public' | 'members'
  publishedOn?: string
  region?: Region
  pillars?: Pillar[]
  resolutions?: Resolution[]
  themes?: Theme[]
  languages?: ContentLanguage[]
  fileText?: string
}

let day = 0
function add(f: Fixture) {
  const db = getDb()
  const publishedOn = f.publishedOn ?? '2022-01-01'
  const { id } = db
    .insert(resource)
    .values({
      type: f.type ?? 'report',
      titleEn: f.titleEn ?? '',
      titleAr: f.titleAr ?? '',
      summaryEn: f.summaryEn ?? '',
      summaryAr: f.summaryAr ?? '',
      tags: f.tags ?? '',
      authors: f.authors ?? '',
      transcriptAr: f.transcriptAr ?? '',
      state: f.state ?? 'published',
      visibility: f.visibility ?? 'public',
      publishedOn,
      year: Number(publishedOn.slice(0, 4)),
      region: f.region ?? 'global',
      // Later fixtures are newer.
      publishedAt:
        (f.state ?? 'published') === 'published' ? new Date(Date.UTC(2024, 0, 1) + ++day * 86_400_000) : null,
    })
    .returning({ id: resource.id })
    .get()
  for (const pillar of f.pillars ?? []) db.insert(resourcePillar).values({ resourceId: id, pillar }).run()
  for (const resolution of f.resolutions ?? [])
    db.insert(resourceResolution).values({ resourceId: id, resolution }).run()
  for (const theme of f.themes ?? []) db.insert(resourceTheme).values({ resourceId: id, theme }).run()
  for (const language of f.languages ?? []) db.insert(resourceLanguage).values({ resourceId: id, language }).run()
  if (f.fileText) {
    db.insert(resourceFile)
      .values({
        resourceId: id,
        sha256: 'x'.repeat(64),
        size: 1,
        mediaType: 'application/pdf',
        originalName: 'a.pdf',
        extractedText: f.fileText,
      })
      .run()
  }
  reindexResource(id)
  return id
}

const visitor: Viewer = null
let member: Viewer
const ids: Record<string, number> = {}

function search(params: string, viewer: Viewer = visitor, lang: 'en' | 'ar' = 'en', options = {}) {
  return searchResources(parseResourceSearch(new URLSearchParams(params)), viewer, lang, options)
}
const titles = (r: ResourceSearchResult) => r.rows.map((row) => row.titleEn || row.titleAr)
const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text)

beforeAll(() => {
  const db = getDb()
  const u = db
    .insert(user)
    .values({ email: 'm@example.org', name: 'M', role: 'member', passwordHash: 'x' })
    .returning()
    .get()
  member = { id: u.id, role: 'member' }
  ids.handbook = add({
    type: 'publication',
    titleEn: 'Parliamentary oversight of counter-terrorism',
    titleAr: 'الرقابة البرلمانية على مكافحة الإرهاب',
    summaryEn: 'A handbook for parliaments on committee hearings and budget scrutiny.',
    summaryAr: 'دليل للبرلمان حول جلسات الاستماع ومراجعة الميزانيات.',
    pillars: [2, 4],
    resolutions: ['1373'],
    themes: ['legislation_oversight', 'human_rights'],
    languages: ['en', 'ar'],
    publishedOn: '2021-06-15',
  })
  ids.youth = add({
    titleAr: 'حماية الشباب من التطرّف العنيف عبر الإنترنت',
    summaryAr: 'يقدّم هذا الدليل أمثلة على تشريعات تحمي الشَّبَاب.',
    type: 'publication',
    pillars: [1],
    resolutions: ['2250'],
    themes: ['youth', 'online_radicalisation'],
    languages: ['ar'],
    region: 'middle_east_north_africa',
    publishedOn: '2024-01-30',
  })
  ids.financing = add({
    type: 'model_law',
    titleEn: 'Model provisions on the financing of terrorism',
    summaryEn: 'Freezing of assets and duties of financial institutions.',
    pillars: [2],
    resolutions: ['2462', '1373'],
    themes: ['terrorism_financing'],
    languages: ['en'],
    publishedOn: '2020-03-10',
  })
  ids.membersOnly = add({
    titleEn: 'Internal report of the Doha coordination meeting',
    summaryEn: 'Discussions and next steps of the network.',
    visibility: 'members',
    themes: ['legislation_oversight'],
    languages: ['en'],
    publishedOn: '2021-12-20',
  })
  ids.draft = add({ titleEn: 'Draft note on Doha and terrorism financing', state: 'draft', languages: ['en'] })
  ids.pdf = add({
    type: 'training_material',
    titleEn: 'Training module',
    summaryEn: 'Slides for a workshop.',
    fileText: `${'Introduction and context of the workshop. '.repeat(40)}Critical infrastructure such as energy grids needs protection.${' More text follows here.'.repeat(40)}`,
    themes: ['critical_infrastructure'],
    languages: ['en'],
    region: 'europe',
    publishedOn: '2019-05-08',
  })
  ids.transcript = add({
    type: 'video',
    titleEn: 'A recorded session',
    summaryEn: 'A video.',
    transcriptAr: 'نتحدث اليوم عن ضحايا الإرهاب وحقوقهم في التعويض.',
    themes: ['victims'],
    languages: ['ar'],
    publishedOn: '2023-02-14',
  })
})

describe('searchResources', () => {
  it('finds an Arabic word with or without diacritics, and a plural by its singular', () => {
    for (const q of ['الشباب', 'الشَّبَاب', 'شباب', 'التطرف', 'التطرّف']) {
      expect(titles(search(`q=${encodeURIComponent(q)}`)), q).toEqual(['حماية الشباب من التطرّف العنيف عبر الإنترنت'])
    }
    // The index holds البرلمانية and البرلمان; the plural finds them.
    expect(titles(search(`q=${encodeURIComponent('البرلمانات')}`))).toEqual([
      'Parliamentary oversight of counter-terrorism',
    ])
    expect(titles(search('q=parliaments'))).toEqual(['Parliamentary oversight of counter-terrorism'])
  })

  it('searches both languages from either page, and keywords, transcripts and the text of files', () => {
    expect(search(`q=${encodeURIComponent('مكافحة')}`, visitor, 'en').total).toBe(1)
    expect(titles(search('q=energy'))).toEqual(['Training module'])
    expect(titles(search(`q=${encodeURIComponent('التعويضات')}`))).toEqual(['A recorded session'])
  })

  it('matches word beginnings, phrases, OR and exclusions', () => {
    expect(titles(search(`q=${encodeURIComponent('برلم*')}`))).toEqual(['Parliamentary oversight of counter-terrorism'])
    expect(titles(search('q=parliam*'))).toEqual(['Parliamentary oversight of counter-terrorism'])
    expect(search(`q=${encodeURIComponent('"financing of terrorism"')}`).total).toBe(1)
    expect(search(`q=${encodeURIComponent('"terrorism financing"')}`).total).toBe(0)
    expect(search('q=energy+OR+freezing').total).toBe(2)
    expect(search('q=terrorism+-freezing').rows.map((r) => r.id)).toEqual([ids.handbook])
  })

  it('lists members-only resources to signed-in people only, and drafts to no one', () => {
    expect(search('q=doha').total).toBe(0)
    expect(titles(search('q=doha', member))).toEqual(['Internal report of the Doha coordination meeting'])
    expect(search('', visitor).total).toBe(5)
    expect(search('', member).total).toBe(6)
  })

  it('sees a state change made without reindexing (the triggers log it)', () => {
    getDb()
      .update(resource)
      .set({ state: 'published', publishedAt: new Date() })
      .where(eq(resource.id, ids.draft!))
      .run()
    expect(search('q=doha', visitor).rows.map((r) => r.id)).toEqual([ids.draft])
    getDb().update(resource).set({ visibility: 'members' }).where(eq(resource.id, ids.draft!)).run()
    expect(search('q=doha', visitor).total).toBe(0)
    getDb()
      .update(resource)
      .set({ state: 'draft', visibility: 'public', publishedAt: null })
      .where(eq(resource.id, ids.draft!))
      .run()
    expect(search('q=doha', member).rows.map((r) => r.id)).toEqual([ids.membersOnly])
  })

  it('counts facets for the query and filters, each facet ignoring its own filter', () => {
    const all = search('')
    expect(all.facets.type).toEqual([
      { value: 'publication', count: 2 },
      { value: 'model_law', count: 1 },
      { value: 'training_material', count: 1 },
      { value: 'video', count: 1 },
    ])
    expect(all.facets.language).toEqual([
      { value: 'ar', count: 3 },
      { value: 'en', count: 3 },
    ])
    expect(all.facets.year.map((y) => y.value)).toEqual([2024, 2023, 2021, 2020, 2019])

    const filtered = search('type=publication')
    expect(filtered.total).toBe(2)
    // Its own facet still shows the other types, with what choosing them would give…
    expect(filtered.facets.type.find((f) => f.value === 'model_law')?.count).toBe(1)
    // …and every other facet counts within the filter.
    expect(filtered.facets.theme.find((f) => f.value === 'terrorism_financing')).toBeUndefined()
    expect(filtered.facets.pillar).toEqual([
      { value: 1, count: 1 },
      { value: 2, count: 1 },
      { value: 4, count: 1 },
    ])

    const two = search('pillar=2&resolution=1373&language=en')
    expect(two.rows.map((r) => r.id).sort()).toEqual([ids.handbook, ids.financing].sort())
    expect(search('pillar=2&pillar=1').total).toBe(3)
    expect(search('region=europe&year=2019').rows.map((r) => r.id)).toEqual([ids.pdf])
    // A chosen value with nothing left still shows (so it can be unchosen).
    expect(search('q=energy&type=video').facets.type).toContainEqual({ value: 'video', count: 0 })
  })

  it('sorts by relevance (title above summary above body) or by newest', () => {
    add({ titleEn: 'Budget scrutiny', summaryEn: 'On committee hearings in parliaments.', publishedOn: '2018-01-01' })
    add({
      titleEn: 'Other',
      summaryEn: 'Annual reports.',
      fileText: 'Hearings of the budget committee.',
      publishedOn: '2018-01-02',
    })
    const relevance = search('q=budget')
    expect(relevance.sort).toBe('relevance')
    expect(titles(relevance)).toEqual(['Budget scrutiny', 'Parliamentary oversight of counter-terrorism', 'Other'])
    // The tiers used above EXACT_RANK_LIMIT matches: title matches first, then newest.
    expect(titles(search('q=budget', visitor, 'en', { exactRankLimit: 0 }))).toEqual([
      'Budget scrutiny',
      'Other',
      'Parliamentary oversight of counter-terrorism',
    ])
    expect(titles(search('q=budget&sort=newest'))).toEqual([
      'Other',
      'Budget scrutiny',
      'Parliamentary oversight of counter-terrorism',
    ])
    expect(search('').sort).toBe('newest')
    expect(search('').rows[0]!.id).toBeGreaterThan(ids.transcript!)
  })

  it('pages 20 at a time', () => {
    for (let i = 0; i < 25; i++)
      add({ titleEn: `Bulk item ${i}`, summaryEn: 'Bulk paging fixture.', themes: ['youth'] })
    const first = search('q=bulk')
    expect(first.total).toBe(25)
    expect(first.rows).toHaveLength(20)
    const second = search('q=bulk&page=2')
    expect(second.rows).toHaveLength(5)
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(25)
    const tiers = [1, 2].flatMap((page) =>
      search(`q=bulk&page=${page}`, visitor, 'en', { exactRankLimit: 0 }).rows.map((r) => r.id),
    )
    expect(new Set(tiers).size).toBe(25)
    expect(search('q=bulk&page=3').rows).toEqual([])
  })

  it('highlights the title and cuts a snippet around the first match, in the page language first', () => {
    const en = search('q=hearings').rows.find((r) => r.id === ids.handbook)!
    expect(marked(en.title.segments)).toEqual([])
    expect(marked(en.snippet!.segments)).toEqual(['hearings'])
    expect(en.snippet!.lang).toBeUndefined()
    const ar = search(`q=${encodeURIComponent('الرقابة')}`, visitor, 'ar').rows[0]!
    expect(marked(ar.title.segments)).toEqual(['الرقابة'])
    const pdf = search('q=energy').rows[0]!
    expect(marked(pdf.snippet!.segments)).toEqual(['energy'])
    expect(pdf.snippet!.segments[0]!.text.startsWith('… ')).toBe(true)
    expect(pdf.snippet!.segments.at(-1)!.text.endsWith(' …')).toBe(true)
    // An Arabic-only resource on the English page: the snippet says its language.
    const youth = search('q=' + encodeURIComponent('الشباب'), visitor, 'en').rows[0]!
    expect(youth.title.lang).toBe('ar')
    expect(youth.snippet!.lang).toBe('ar')
    expect(marked(youth.snippet!.segments)).toEqual(['الشَّبَاب'])
  })

  it('answers every odd query without throwing', () => {
    const nasty = [
      '"',
      'NEAR(',
      '*',
      '-',
      'AND',
      'OR',
      'a OR',
      '"unclosed',
      'x'.repeat(5000),
      '🙂',
      '?!',
      '%',
      "'",
      '\\',
      '{title}:x',
      'terror*',
      'ال*',
      '-terrorism',
      'the of',
    ]
    for (const q of nasty) {
      const result = search(`q=${encodeURIComponent(q)}&type=zz&page=abc&sort=nope&year=1`)
      expect(result.page).toBe(1)
      expect(Array.isArray(result.rows)).toBe(true)
    }
    expect(search('q=%F0%9F%99%82').problem).toBe('noWords')
    expect(search('q=the+of').problem).toBe('onlyCommonWords')
    expect(search('q=-terrorism').problem).toBe('onlyExclusions')
    expect(search(`q=${'word '.repeat(40)}`).capped).toBe(true)
  })

  it('removes a deleted resource from the index, and reindexes or syncs on demand', () => {
    const id = add({ titleEn: 'Ephemeral zebra note' })
    expect(search('q=zebra').total).toBe(1)
    getDb().delete(resource).where(eq(resource.id, id)).run()
    expect(search('q=zebra').total).toBe(0)
    expect(getDb().$client.prepare('SELECT count(*) FROM resource_fts_docsize WHERE id = ?').pluck().get(id)).toBe(0)
    reindexResource(id) // gone: nothing to do, no error
    // A resource written without the app is found after a sync (the start-up does it).
    const { id: raw } = getDb()
      .insert(resource)
      .values({ type: 'link', titleEn: 'Unindexed quagga', state: 'published', publishedAt: new Date() })
      .returning({ id: resource.id })
      .get()
    expect(search('q=quagga').total).toBe(0)
    expect(syncResourceSearchIndex()).toEqual({ indexed: 1, removed: 0 })
    expect(search('q=quagga').rows.map((r) => r.id)).toEqual([raw])
    expect(syncResourceSearchIndex()).toEqual({ indexed: 0, removed: 0 })
    const before = search('q=terrorism').total
    expect(reindexAllResources().indexed).toBeGreaterThan(30)
    expect(search('q=terrorism').total).toBe(before)
  })
})

describe('the demo library', () => {
  it('is seeded once, published and searchable in both languages', () => {
    getDb()
      .insert(user)
      .values({ email: 'coordinator@demo.parlnet.example', name: 'C', role: 'coordinator', passwordHash: 'x' })
      .run()
    expect(seedDemoResources(getDb())).toBe(11)
    expect(seedDemoResources(getDb())).toBe(0)
    expect(titles(search(`q=${encodeURIComponent('المقاتلين الإرهابيين')}`, visitor, 'ar'))).toContain(
      'Returning foreign terrorist fighters and their families: options for parliaments',
    )
    expect(search('q=Doha', visitor).rows.some((r) => r.titleEn.includes('first coordination meeting'))).toBe(false)
    expect(search('q=Doha', member).rows.some((r) => r.titleEn.includes('first coordination meeting'))).toBe(true)
  })
})
