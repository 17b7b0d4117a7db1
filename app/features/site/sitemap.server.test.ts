import { eq } from 'drizzle-orm'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { partner, resource } from '#db/schema/index'
import type { ResourceState, Visibility } from '#db/enums'
import { addMeeting, addProgramme, addViewers } from '~/features/partners/partners.test-helpers'
import { getDb } from '~/utils/db.server'
import { escapeXml, publicPages, sitemapXml } from './sitemap.server'

const origin = 'https://parlnet.example.org'
const ids = {
  parliament: 0,
  published: 0,
  membersOnly: 0,
  draft: 0,
  submitted: 0,
  publicMeeting: 0,
  draftMeeting: 0,
  membersMeeting: 0,
  invitationMeeting: 0,
  programme: 0,
  retired: 0,
  partner: 0,
}

function addResource(titleEn: string, state: ResourceState, visibility: Visibility) {
  return getDb()
    .insert(resource)
    .values({ type: 'report', titleEn, state, visibility, updatedAt: new Date('2025-03-04T05:06:07Z') })
    .returning({ id: resource.id })
    .get().id
}

beforeAll(() => {
  // Parliaments (with viewers), meetings and programmes are made as the partners' tests make them.
  ids.parliament = addViewers().qatar
  ids.published = addResource('Published and public', 'published', 'public')
  ids.membersOnly = addResource('Published for members', 'published', 'members')
  ids.draft = addResource('A draft', 'draft', 'public')
  ids.submitted = addResource('Waiting for review', 'submitted', 'public')
  ids.publicMeeting = addMeeting('An open workshop', 'public', 'published')
  ids.draftMeeting = addMeeting('A draft meeting', 'public', 'draft')
  ids.membersMeeting = addMeeting('For members', 'members', 'published')
  ids.invitationMeeting = addMeeting('By invitation', 'invitation', 'published')
  ids.programme = addProgramme('Training', true)
  ids.retired = addProgramme('Retired', false)
  ids.partner = getDb().insert(partner).values({ kind: 'un_entity', nameEn: 'UNOCT' }).returning().get().id
})

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: () => false })

type UrlEntry = { loc: string; lastmod?: string; 'xhtml:link': { '@hreflang': string; '@href': string }[] }

/** The <url> entries of a urlset, after checking it is well-formed XML. */
function urlsOf(xml: string): UrlEntry[] {
  expect(XMLValidator.validate(xml)).toBe(true)
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['url', 'xhtml:link'].includes(name),
  }).parse(xml)
  expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
  expect(doc.urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml')
  return doc.urlset.url
}

const locs = (xml: string) => urlsOf(xml).map((u) => u.loc)

describe('the sitemap', () => {
  it('lists the fixed pages and every public record in both languages, on the configured address', () => {
    const all = locs(sitemapXml(null, { origin })!)
    for (const path of [...publicPages, `/parliaments/${ids.parliament}`, `/resources/${ids.published}`]) {
      expect(all).toContain(`${origin}/en${path}`)
      expect(all).toContain(`${origin}/ar${path}`)
    }
    for (const path of [`/meetings/${ids.publicMeeting}`, `/programmes/${ids.programme}`, `/partners/${ids.partner}`]) {
      expect(all).toContain(`${origin}/ar${path}`)
    }
    expect(new Set(all).size).toBe(all.length)
  })

  it('leaves out what a visitor may not see: drafts, submissions, members-only or invitation-only, retired', () => {
    const all = locs(sitemapXml(null, { origin })!)
    const hidden = [
      ...[ids.membersOnly, ids.draft, ids.submitted].map((id) => `/resources/${id}`),
      ...[ids.draftMeeting, ids.membersMeeting, ids.invitationMeeting].map((id) => `/meetings/${id}`),
      `/programmes/${ids.retired}`,
    ]
    for (const path of hidden) {
      expect(all).not.toContain(`${origin}/en${path}`)
      expect(all).not.toContain(`${origin}/ar${path}`)
    }
  })

  it('follows the records: a resource appears once published and public, and goes when it is withdrawn', () => {
    const path = `${origin}/en/resources/${ids.draft}`
    expect(locs(sitemapXml(null, { origin })!)).not.toContain(path)
    getDb().update(resource).set({ state: 'published' }).where(eq(resource.id, ids.draft)).run()
    expect(locs(sitemapXml(null, { origin })!)).toContain(path)
    getDb().update(resource).set({ visibility: 'members' }).where(eq(resource.id, ids.draft)).run()
    expect(locs(sitemapXml(null, { origin })!)).not.toContain(path)
    getDb().update(resource).set({ state: 'draft', visibility: 'public' }).where(eq(resource.id, ids.draft)).run()
  })

  it('gives each page its alternates (en, ar, x-default → en) and its record’s last change', () => {
    const urls = urlsOf(sitemapXml(null, { origin })!)
    const ar = urls.find((u) => u.loc === `${origin}/ar/resources/${ids.published}`)!
    expect(ar.lastmod).toBe('2025-03-04T05:06:07Z')
    expect(ar['xhtml:link'].map((l) => [l['@hreflang'], l['@href']])).toEqual([
      ['en', `${origin}/en/resources/${ids.published}`],
      ['ar', `${origin}/ar/resources/${ids.published}`],
      ['x-default', `${origin}/en/resources/${ids.published}`],
    ])
    const home = urls.find((u) => u.loc === `${origin}/en`)!
    expect(home.lastmod).toBeUndefined()
    for (const u of urls) {
      expect(u.loc.startsWith(`${origin}/`)).toBe(true)
      expect(u.loc.length).toBeLessThan(2048)
      if (u.lastmod) expect(u.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    }
  })

  it('keeps the elements of each <url> in the order the schema requires (loc, lastmod, then extensions)', () => {
    const xml = sitemapXml(null, { origin })!
    for (const entry of xml.match(/<url>.*?<\/url>/g)!) {
      expect(entry).toMatch(/^<url><loc>[^<]+<\/loc>(<lastmod>[^<]+<\/lastmod>)?(<xhtml:link [^>]+\/>){3}<\/url>$/)
    }
  })

  it('escapes what XML would read as markup', () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;')
    const xml = sitemapXml(null, { origin: 'https://parlnet.example.org' })!
    expect(XMLValidator.validate(xml)).toBe(true)
  })

  it('becomes an index of parts past the limit of a file, the parts holding every page once', () => {
    const perFile = 7
    const index = sitemapXml(null, { origin, perFile })!
    expect(XMLValidator.validate(index)).toBe(true)
    const parts = parser.parse(index).sitemapindex.sitemap as { loc: string }[]
    expect(parts.length).toBeGreaterThan(1)
    expect(parts[0]!.loc).toBe(`${origin}/sitemap.xml?part=1`)
    const fromParts = parts.flatMap((_, i) => {
      const part = locs(sitemapXml(i + 1, { origin, perFile })!)
      expect(part.length).toBeLessThanOrEqual(2 * perFile)
      return part
    })
    expect(fromParts).toEqual(locs(sitemapXml(null, { origin })!))
    expect(sitemapXml(parts.length + 1, { origin, perFile })).toBeNull()
    expect(sitemapXml(0, { origin, perFile })).toBeNull()
  })

  it('is one file when it fits: part 1 is the whole, any other part does not exist', () => {
    expect(sitemapXml(1, { origin })).toBe(sitemapXml(null, { origin }))
    expect(sitemapXml(2, { origin })).toBeNull()
  })
})
