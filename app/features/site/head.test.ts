import type { MetaDescriptor } from '@remix-run/node'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { resource } from '#db/schema/index'
import { loader as resourceLoader, meta as resourceMeta } from '~/routes/$lang.resources.$id/route'
import { getDb } from '~/utils/db.server'
import { canonicalSearch, headTags, titleMeta, type SiteHead } from '~/utils/meta'
import { pageHead, summarize } from '~/utils/page.server'

// The configured public address, set before anything reads the configuration (getConfig keeps the first).
vi.hoisted(() => {
  process.env.PUBLIC_URL = 'https://parlnet.example.org/'
})

const origin = 'https://parlnet.example.org'
const site: SiteHead = { origin, name: 'ParlNet', description: 'The site.' }

/** The tags as Remix's <Meta /> writes them (title, meta, link), as HTML. */
function render(tags: MetaDescriptor[]) {
  return tags
    .map((tag) => {
      if ('title' in tag) return renderToStaticMarkup(createElement('title', null, String(tag.title)))
      const { tagName = 'meta', ...rest } = tag as Record<string, string>
      return renderToStaticMarkup(createElement(tagName, rest))
    })
    .join('\n')
}

const byProperty = (tags: MetaDescriptor[], key: string) =>
  tags.filter((t) => (t as Record<string, string>).property === key).map((t) => (t as { content: string }).content)

describe('the head of a public page', () => {
  const tags = headTags({
    title: 'Model law · ParlNet',
    description: 'A model law.',
    site,
    lang: 'ar',
    pathname: '/ar/resources/5',
    search: '?utm_source=mail',
  })
  const html = render(tags)

  it('has its title, description and canonical address on the configured origin, without tracking', () => {
    expect(html).toContain('<title>Model law · ParlNet</title>')
    expect(html).toContain('<meta name="description" content="A model law."/>')
    expect(html).toContain(`<link rel="canonical" href="${origin}/ar/resources/5"/>`)
  })

  it('names the page in each language, English as the default', () => {
    expect(html).toContain(`<link rel="alternate" hrefLang="en" href="${origin}/en/resources/5"/>`)
    expect(html).toContain(`<link rel="alternate" hrefLang="ar" href="${origin}/ar/resources/5"/>`)
    expect(html).toContain(`<link rel="alternate" hrefLang="x-default" href="${origin}/en/resources/5"/>`)
  })

  it('has the Open Graph tags of a link preview, in the page language', () => {
    expect(byProperty(tags, 'og:title')).toEqual(['Model law'])
    expect(byProperty(tags, 'og:description')).toEqual(['A model law.'])
    expect(byProperty(tags, 'og:locale')).toEqual(['ar_AR'])
    expect(byProperty(tags, 'og:locale:alternate')).toEqual(['en_GB'])
    expect(byProperty(tags, 'og:url')).toEqual([`${origin}/ar/resources/5`])
    expect(byProperty(tags, 'og:site_name')).toEqual(['ParlNet'])
    expect(byProperty(tags, 'og:type')).toEqual(['website'])
  })

  it('takes the site description when the page has none, and the home page has its own address', () => {
    const home = headTags({ title: 'ParlNet · Tagline', site, lang: 'en', pathname: '/en/' })
    expect(render(home)).toContain('<meta name="description" content="The site."/>')
    expect(render(home)).toContain(`<link rel="canonical" href="${origin}/en"/>`)
    expect(render(home)).toContain(`<link rel="alternate" hrefLang="ar" href="${origin}/ar"/>`)
    expect(byProperty(home, 'og:title')).toEqual(['ParlNet · Tagline'])
  })
})

describe('the canonical query string', () => {
  it.each([
    ['', ''],
    ['?page=2', '?page=2'],
    ['?page=1', ''],
    ['?page=02', ''],
    ['?page=x', ''],
    ['?utm_source=news&page=3&fbclid=abc', '?page=3'],
    ['?q=youth&page=2', ''],
    ['?type=report', ''],
    ['?sort=newest', ''],
  ])('of %j is %j', (search, expected) => {
    expect(canonicalSearch(search)).toBe(expected)
  })
})

describe('titleMeta', () => {
  const args = (data: unknown, pathname = '/en/account', matches: { data: unknown }[] = []) =>
    ({
      data,
      params: { lang: 'en' },
      location: { pathname, search: '', hash: '', state: null, key: '' },
      matches,
    }) as never

  it('gives a page whose loader returns only a title just that title, as before', () => {
    expect(titleMeta(args({ title: 'Account · ParlNet' }))).toEqual([{ title: 'Account · ParlNet' }])
    expect(titleMeta(args(undefined))).toEqual([])
  })

  it('takes the site from a parent route when the page does not give it', () => {
    const tags = titleMeta(args({ title: 'Login · ParlNet' }, '/en/login', [{ data: null }, { data: { site } }]))
    expect(render(tags)).toContain(`<link rel="canonical" href="${origin}/en/login"/>`)
    expect(render(tags)).toContain('<meta name="description" content="The site."/>')
  })
})

describe('pageHead', () => {
  it('is on the configured address, with the description in the page language', () => {
    const head = pageHead('ar', { en: 'English summary', ar: 'ملخص عربي' })
    expect(head.site.origin).toBe(origin)
    expect(head.site.name).toBe('بارلنت')
    expect(head.description).toBe('ملخص عربي')
  })

  it('never describes a page in the other language: the next source, then the site, speak the page’s', () => {
    const fallback = pageHead('ar', { en: 'Only English', ar: '' }, { key: 'head.resource', values: { title: 'X' } })
    expect(fallback.description).toMatch(/^X: من مكتبة/)
    expect(pageHead('ar', { en: 'Only English', ar: ' ' }).description).toBe(pageHead('ar').site.description)
    expect(pageHead('en').description).toMatch(/^ParlNet/)
  })

  it('cuts a long text at a word, to at most 160 characters, on one line', () => {
    const long = `${'Parliaments share materials and meet.\n\n'.repeat(10)}`
    const text = summarize(long)
    expect([...text].length).toBeLessThanOrEqual(160)
    expect(text.endsWith('…')).toBe(true)
    expect(text).not.toContain('\n')
    expect(text).toMatch(/meet\.?…$|share…$|materials…$|and…$|Parliaments…$/)
    expect(summarize('  Short   text. ')).toBe('Short text.')
  })
})

describe('a resource page', () => {
  let id = 0
  beforeAll(() => {
    id = getDb()
      .insert(resource)
      .values({
        type: 'report',
        titleEn: 'Guide',
        titleAr: 'دليل',
        summaryEn: 'A guide for parliaments.',
        summaryAr: 'دليل للبرلمانات.',
        state: 'published',
        visibility: 'public',
      })
      .returning({ id: resource.id })
      .get().id
  })

  it('has its summary as description and its addresses on PUBLIC_URL, whatever Host the request names', () => {
    const request = new Request(`http://evil.example/ar/resources/${id}`, {
      headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' },
    })
    const params = { lang: 'ar', id: String(id) }
    const data = resourceLoader({ params, request, context: {} })
    const location = { pathname: `/ar/resources/${id}`, search: '', hash: '', state: null, key: '' }
    const html = render(resourceMeta({ data, params, location, matches: [] } as never))
    expect(html).toContain('<meta name="description" content="دليل للبرلمانات."/>')
    expect(html).toContain(`<link rel="canonical" href="${origin}/ar/resources/${id}"/>`)
    expect(html).toContain(`<meta property="og:title" content="دليل"/>`)
    expect(html).not.toContain('evil.example')
  })
})
