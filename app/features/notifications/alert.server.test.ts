// Saved-search alerts (issue 17): a high-water mark per alert, never the same item twice, one mail per period however
// many runs, and only what the owner may see.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { outbox, resource, savedSearch, user } from '#db/schema/index'
import { reindexResource } from '~/features/search'
import { getDb } from '~/utils/db.server'
import { verifySignedLink } from '~/utils/signed-link.server'
import { periodKeyOf, runDueAlerts } from './alert.server'
import { createSavedSearch, turnOffAlert } from './saved-search.server'

const WORD = 'تمويل الإرهاب'
let n = 0
function addResource(state: 'published' | 'submitted' = 'published') {
  const { id } = getDb()
    .insert(resource)
    .values({
      type: 'report',
      titleEn: `Alert fixture ${++n}`,
      titleAr: `مكافحة ${WORD} رقم ${n}`,
      state,
      visibility: 'public',
      publishedOn: '2026-01-01',
      year: 2026,
      region: 'global',
      publishedAt: state === 'published' ? new Date() : null,
    })
    .returning({ id: resource.id })
    .get()
  reindexResource(id)
  return id
}

function publish(id: number) {
  getDb().update(resource).set({ state: 'published', publishedAt: new Date() }).where(eq(resource.id, id)).run()
  reindexResource(id)
}

let owner: { id: number; role: 'member'; parliamentId: null; email: string }
const mails = () =>
  getDb()
    .select()
    .from(outbox)
    .all()
    .filter((m) => m.toAddress === owner.email)

const day = (d: number) => new Date(Date.UTC(2026, 11, d, 9))

beforeAll(() => {
  addResource()
  const row = getDb()
    .insert(user)
    .values({ email: 'alerted@example.org', name: 'Alerted', role: 'member', locale: 'ar', passwordHash: 'x' })
    .returning({ id: user.id, email: user.email })
    .get()
  owner = { id: row.id, role: 'member', parliamentId: null, email: row.email }
})

describe('saved-search alerts', () => {
  let searchId = 0
  it('start above what the search finds when saved: nothing old is mailed', () => {
    const saved = createSavedSearch(owner, 'ar', {
      name: WORD,
      scope: 'resources',
      query: `q=${encodeURIComponent(WORD)}&page=3`,
      frequency: 'daily',
    })
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    searchId = saved.value.id
    const row = getDb().select().from(savedSearch).where(eq(savedSearch.id, searchId)).get()!
    expect(row.query).not.toContain('page')
    expect(row.highWaterMark).toBeGreaterThan(0)
    expect(runDueAlerts(day(1))).toBe(0)
    expect(mails()).toHaveLength(0)
    expect(createSavedSearch(owner, 'ar', { name: WORD, scope: 'resources', query: '', frequency: 'off' })).toEqual({
      ok: false,
      error: 'nameTaken',
    })
  })

  it('mails what newly matches once per period, in the owner’s language, with a signed unsubscribe link', () => {
    const fresh = addResource()
    expect(runDueAlerts(day(2))).toBe(1)
    expect(runDueAlerts(day(2))).toBe(0)
    const [mail] = mails()
    expect(mails()).toHaveLength(1)
    expect(mail!.locale).toBe('ar')
    expect(mail!.textBody).toContain(`رقم ${n}`)
    expect(mail!.textBody).toContain(`/ar/resources/${fresh}`)
    expect(mail!.textBody).toContain('/ar/resources?q=')
    const sig = /\/ar\/alerts\/(\d+)\/unsubscribe\?sig=([\w-]+)/.exec(mail!.textBody)!
    expect(Number(sig[1])).toBe(searchId)
    expect(verifySignedLink(['alert', searchId], sig[2])).toBe(true)
    const row = getDb().select().from(savedSearch).where(eq(savedSearch.id, searchId)).get()!
    expect(row.highWaterMark).toBe(fresh)
    expect(row.lastPeriodKey).toBe('2026-12-02')
  })

  it('never mails the same item twice: not the next day, not with the clock moved back', () => {
    expect(runDueAlerts(day(3))).toBe(0)
    expect(runDueAlerts(day(1))).toBe(0)
    expect(mails()).toHaveLength(1)
  })

  it('includes only what the owner may see: an unpublished resource waits until it is published', () => {
    const pending = addResource('submitted')
    expect(runDueAlerts(day(4))).toBe(0)
    publish(pending)
    // Another item already mailed in a period leaves nothing for a second mail the same day.
    expect(runDueAlerts(day(4))).toBe(1)
    expect(mails()).toHaveLength(2)
    expect(mails()[1]!.textBody).toContain(`/ar/resources/${pending}`)
    expect(mails()[1]!.textBody).not.toContain(`/ar/resources/${pending - 1}\n`)
  })

  it('an alert turned off mails nothing', () => {
    expect(turnOffAlert(searchId)).toBe(true)
    addResource()
    expect(runDueAlerts(day(5))).toBe(0)
    expect(mails()).toHaveLength(2)
  })
})

describe('periods', () => {
  it('are UTC days and ISO weeks', () => {
    expect(periodKeyOf('daily', new Date('2026-12-04T23:59:00Z'))).toBe('2026-12-04')
    expect(periodKeyOf('weekly', new Date('2026-12-04T10:00:00Z'))).toBe('2026-W49')
    expect(periodKeyOf('weekly', new Date('2021-01-03T10:00:00Z'))).toBe('2020-W53')
  })
})
