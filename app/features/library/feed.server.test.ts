import { parseFeed } from '@rowanmanning/feed-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { resource, resourceTheme, user } from '#db/schema/index'
import { seedDemoResources } from '#db/seed-resources'
import { reindexResource, searchResources } from '~/features/search'
import { getDb } from '~/utils/db.server'
import { parseResourceSearch } from '~/features/search'
import { resourceFeedXml } from './feed.server'

const base = 'https://parlnet.example.org'

function feedOf(lang: 'en' | 'ar', search = '') {
  const query = { ...parseResourceSearch(new URLSearchParams(search)), sort: 'newest' as const }
  const { rows } = searchResources(query, null, lang, { pageSize: 50, snippets: false })
  return parseFeed(resourceFeedXml({ rows, lang, base, search }))
}

beforeAll(() => {
  const db = getDb()
  db.insert(user)
    .values({ email: 'coordinator@demo.parlnet.example', name: 'C', role: 'coordinator', passwordHash: 'x' })
    .run()
  seedDemoResources(db)
  // Markup typed into a title must stay text in feed readers.
  const { id } = db
    .insert(resource)
    .values({
      type: 'report',
      titleAr: 'تقرير <b>مهم</b> عن الشباب & المساءلة',
      summaryAr: 'ملخص <script>alert(1)</script>',
      state: 'published',
      publishedAt: new Date('2025-05-01T08:00:00Z'),
      publishedOn: '2025-05-01',
      year: 2025,
    })
    .returning({ id: resource.id })
    .get()
  db.insert(resourceTheme).values({ resourceId: id, theme: 'youth' }).run()
  reindexResource(id)
})

describe('the library feed', () => {
  it('parses as Atom, newest first, in Arabic with English fallbacks, without members-only items', () => {
    const feed = feedOf('ar')
    expect(feed.meta.type).toBe('atom')
    expect(feed.title).toBe('مكتبة بارلنت')
    expect(feed.language).toBe('ar')
    expect(feed.url).toBe(`${base}/ar/resources`)
    const titles = feed.items.map((i) => i.title)
    expect(titles[0]).toBe('تقرير <b>مهم</b> عن الشباب & المساءلة')
    expect(titles).toContain('دليل برلماني لحماية الشباب من التطرف العنيف عبر الإنترنت')
    // English-only resources fall back to their English title.
    expect(titles).toContain('Model legislative provisions on countering the financing of terrorism')
    // The members-only report is never in a feed.
    expect(titles.some((t) => t?.includes('الدوحة') || t?.includes('Doha'))).toBe(false)
    expect(feed.items).toHaveLength(11)
    const dates = feed.items.map((i) => i.updated!.getTime())
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
  })

  it('gives each entry an absolute id and link, its summary, date and categories', () => {
    const feed = feedOf('en')
    const item = feed.items.find(
      (i) => i.title === 'Returning foreign terrorist fighters and their families: options for parliaments',
    )!
    expect(item.id).toMatch(new RegExp(`^${base}/en/resources/\\d+$`))
    expect(item.url).toBe(item.id)
    expect(item.description).toContain('policy brief')
    expect(item.updated?.toISOString()).toBe('2022-09-20T09:00:00.000Z')
    expect(item.categories.map((c) => c.label)).toEqual([
      'Policy brief',
      'Border security',
      'Foreign terrorist fighters',
      'Prisons and rehabilitation',
    ])
    const escaped = feed.items.find((i) => i.title?.startsWith('تقرير'))!
    expect(escaped.description).toBe('ملخص <script>alert(1)</script>')
  })

  it('keeps the list filters', () => {
    const feed = feedOf('en', 'type=report&q=victims')
    expect(feed.items.map((i) => i.title)).toEqual(['Supporting victims of terrorism: legislation and practice'])
    expect(feed.url).toBe(`${base}/en/resources?type=report&q=victims`)
  })
})
