// What a saved search finds, read through the library's, the meetings' and the network's own search functions with
// the owner's visibility (an alert never includes what its owner may not see). Items are identified by their id:
// what is newer than the search's high-water mark is what "newly matches".
import type { Role } from '#db/enums'
import { listMeetings, parseMeetingListQuery } from '~/features/meetings'
import { MechanismQuerySchema, searchMechanisms } from '~/features/network'
import { parseResourceSearch, searchResources } from '~/features/search'
import type { Language } from '~/utils/i18n'
import { readListQuery } from '~/utils/query-string'
import type { SearchScope } from './vocabulary'

export type SearchOwner = { id: number; role: Role; parliamentId: number | null }
export type AlertItem = { id: number; titleEn: string; titleAr: string; path: string }

/** How many of the newest matches an alert reads each run (a mail lists at most this many). */
export const ALERT_READ_LIMIT = 50
const LIST_PAGES = 3

/** The items the search finds for its owner (newest first where the list allows), at most ALERT_READ_LIMIT. */
export function findMatches(scope: SearchScope, queryString: string, owner: SearchOwner, lang: Language): AlertItem[] {
  const params = new URLSearchParams(queryString)
  params.delete('page')
  if (scope === 'resources') {
    params.set('sort', 'newest')
    const query = parseResourceSearch(params)
    const found = searchResources(query, { id: owner.id, role: owner.role }, lang, {
      pageSize: ALERT_READ_LIMIT,
      snippets: false,
    })
    return found.rows.map((r) => ({ id: r.id, titleEn: r.titleEn, titleAr: r.titleAr, path: `/resources/${r.id}` }))
  }
  const items: AlertItem[] = []
  if (scope === 'meetings') {
    const query = parseMeetingListQuery(params)
    for (let page = 1; page <= LIST_PAGES && items.length < ALERT_READ_LIMIT; page++) {
      const { rows } = listMeetings(owner, query, page)
      for (const m of rows) items.push({ id: m.id, titleEn: m.titleEn, titleAr: m.titleAr, path: `/meetings/${m.id}` })
      if (rows.length === 0) break
    }
    return items.slice(0, ALERT_READ_LIMIT)
  }
  const { query } = readListQuery(params, MechanismQuerySchema)
  for (let page = 1; page <= LIST_PAGES && items.length < ALERT_READ_LIMIT; page++) {
    const { rows } = searchMechanisms({ ...query, page }, lang)
    for (const m of rows) {
      items.push({ id: m.id, titleEn: m.nameEn, titleAr: m.nameAr, path: `/parliaments/${m.parliamentId}` })
    }
    if (rows.length === 0) break
  }
  return items.slice(0, ALERT_READ_LIMIT)
}

/** What is newer than the high-water mark, newest id first. */
export function newMatches(items: readonly AlertItem[], highWaterMark: number) {
  return items.filter((i) => i.id > highWaterMark).sort((a, b) => b.id - a.id)
}

/** The mark under which everything the search finds now lies (a new search mails only what comes after). */
export function markOf(items: readonly AlertItem[]) {
  return items.reduce((max, i) => Math.max(max, i.id), 0)
}
