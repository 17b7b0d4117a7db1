import { languages } from '~/utils/i18n'
import { siteBaseUrl } from '~/utils/links.server'

/** Pages of each language that belong to an account, a form or the coordinators: nothing for a search engine. */
export const privatePages = [
  '/admin',
  '/account',
  '/login',
  '/logout',
  '/forgot-password',
  '/reset-password/',
  '/invitations/',
  '/requests',
  '/coordination',
  '/resources/new',
  '/resources/mine',
  '/resources/review',
  '/meetings/new',
  '/meetings/mine',
  '/meetings/feed',
  '/members/new',
  '/members/import',
  '/mechanisms/new',
  '/parliaments/new',
  '/programmes/new',
  '/partners/new',
]

/** Collections whose records have pages under them (edit, files, agenda, participants…) only for those who manage them. */
const managedUnder = ['resources', 'meetings', 'members', 'mechanisms', 'parliaments', 'programmes', 'partners']

/** Files that are not public: uploads in progress, request attachments, coordinators' exports, personal feeds. */
const privateFiles = [
  '/uploads',
  '/request-files/',
  '/coordination/',
  '/meetings/feed/',
  '/meetings/*/participants.csv',
]

/**
 * /robots.txt: the public pages are open, a record's own page included (each collection's rule keeps out only the
 * pages below a record); accounts, forms, personal pages and private files are not; and where the sitemap is.
 * Rules are prefixes, `*` matches any characters (RFC 9309).
 */
export function robotsTxt(origin = siteBaseUrl()) {
  const disallow = [
    ...languages.flatMap((lang) => privatePages.map((page) => `/${lang}${page}`)),
    ...managedUnder.map((collection) => `/*/${collection}/*/`),
    ...privateFiles,
  ]
  return [
    'User-agent: *',
    'Allow: /',
    ...disallow.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${new URL('/sitemap.xml', origin)}`,
    '',
  ].join('\n')
}
