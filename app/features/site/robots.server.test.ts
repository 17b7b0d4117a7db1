import { describe, expect, it } from 'vitest'
import { siteBaseUrl } from '~/utils/links.server'
import { robotsTxt } from './robots.server'
import { publicPages } from './sitemap.server'

/** RFC 9309 for one group: the longest matching rule wins, Allow on a tie; `*` is any run, `$` the end. */
function allows(robots: string, path: string) {
  const rules = robots.split('\n').flatMap((line) => {
    const m = /^(Allow|Disallow):\s*(\S*)$/.exec(line)
    return m ? [{ allow: m[1] === 'Allow', pattern: m[2]! }] : []
  })
  const matching = rules.filter(({ pattern }) => {
    const source = pattern
      .split('')
      .map((c, i) =>
        c === '*' ? '.*' : c === '$' && i === pattern.length - 1 ? '$' : c.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'),
      )
      .join('')
    return new RegExp(`^${source}`).test(path)
  })
  matching.sort((a, b) => b.pattern.length - a.pattern.length || Number(b.allow) - Number(a.allow))
  return matching[0]?.allow ?? true
}

const robots = robotsTxt('https://parlnet.example.org')

describe('robots.txt', () => {
  it('lets crawlers read every public page, a record’s page, public files and the feeds', () => {
    const open = [
      ...publicPages.flatMap((p) => [`/en${p}`, `/ar${p}`]),
      '/en/resources/12',
      '/ar/meetings/3',
      '/en/parliaments/7',
      '/ar/programmes/2',
      '/en/partners/4',
      '/ar/members/9',
      '/en/resources?q=youth&page=2',
      '/en/resources/feed.xml',
      '/files/12/report.pdf',
      '/photos/abc/256',
      '/meetings/3/calendar.ics',
      '/export/popolo.json',
      '/sitemap.xml',
    ]
    expect(open.filter((path) => !allows(robots, path))).toEqual([])
  })

  it('keeps them out of accounts, sign-in and sign-up, administration, forms, personal pages and private files', () => {
    const closed = [
      '/en/admin',
      '/ar/admin/audit',
      '/en/account',
      '/ar/login?redirectTo=%2Far',
      '/en/forgot-password',
      '/ar/reset-password/abc',
      '/en/invitations/new',
      '/ar/invitations/token123',
      '/en/requests/5',
      '/ar/coordination',
      '/en/resources/new',
      '/ar/resources/mine',
      '/en/resources/review',
      '/en/resources/12/edit',
      '/ar/resources/12/files',
      '/en/meetings/3/participants',
      '/ar/meetings/3/register',
      '/en/meetings/3/agenda/2',
      '/en/meetings/mine',
      '/ar/meetings/feed',
      '/en/members/9/photo',
      '/ar/partners/4/initiatives',
      '/en/parliaments/7/edit',
      '/uploads',
      '/request-files/3/letter.pdf',
      '/coordination/requests.csv',
      '/meetings/3/participants.csv',
      '/meetings/feed/secret-token.ics',
    ]
    expect(closed.filter((path) => allows(robots, path))).toEqual([])
  })

  it('is one group for every crawler and names the sitemap on the configured address', () => {
    expect(robots.startsWith('User-agent: *\n')).toBe(true)
    expect(robots).toContain('\nSitemap: https://parlnet.example.org/sitemap.xml\n')
    expect(robotsTxt()).toContain(`\nSitemap: ${siteBaseUrl()}/sitemap.xml\n`)
    for (const line of robots.split('\n'))
      expect(line).toMatch(/^($|User-agent: \*$|(Allow|Disallow): \/\S*$|Sitemap: \S+$)/)
  })
})
