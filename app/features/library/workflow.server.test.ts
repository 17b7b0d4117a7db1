import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, outbox, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { ResourceFormSchema } from './schemas'
import { canViewResource } from './access.server'
import {
  createResource,
  getResource,
  listAuthoredResources,
  listLatestResources,
  listResourcesToReview,
} from './resource.server'
import { availableTransitions, transitionResource } from './workflow.server'

function addUser(email: string, role: 'member' | 'coordinator', locale: 'en' | 'ar') {
  return getDb()
    .insert(user)
    .values({ email, name: email.split('@')[0]!, role, locale, passwordHash: 'x' })
    .returning({ id: user.id, role: user.role })
    .get()
}

function input(overrides: Record<string, unknown> = {}) {
  const parsed = ResourceFormSchema.safeParse({
    type: 'report',
    titleAr: 'تقرير عن الرقابة البرلمانية',
    summaryAr: 'ملخص',
    languages: ['ar'],
    visibility: 'public',
    intent: 'draft',
    pillars: [2, 4],
    themes: ['victims'],
    resolutions: ['2178'],
    countries: ['QA'],
    externalUrl: 'https://www.un.org/counterterrorism/',
    ...overrides,
  })
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
  return parsed.data
}

const lastMailTo = (email: string) =>
  getDb().select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).get()

let member: { id: number; role: 'member' | 'coordinator' | 'admin' }
let coordinator: { id: number; role: 'member' | 'coordinator' | 'admin' }
let other: { id: number; role: 'member' | 'coordinator' | 'admin' }

beforeAll(() => {
  member = addUser('amal@example.org', 'member', 'ar')
  coordinator = addUser('coord@example.org', 'coordinator', 'en')
  other = addUser('other@example.org', 'member', 'en')
})

describe('sharing and moderation', () => {
  it('keeps the taxonomies and starts as a draft only its author and coordinators see', () => {
    const { id } = createResource(input(), member, 'draft')
    const r = getResource(id)!
    expect(r).toMatchObject({
      state: 'draft',
      pillars: [2, 4],
      themes: ['victims'],
      resolutions: ['2178'],
      countries: ['QA'],
      languages: ['ar'],
    })
    expect(canViewResource(r, member)).toBe(true)
    expect(canViewResource(r, coordinator)).toBe(true)
    expect(canViewResource(r, other)).toBe(false)
    expect(canViewResource(r, null)).toBe(false)
    expect(listAuthoredResources(member.id).map((x) => x.id)).toContain(id)
  })

  it('walks draft → submitted → returned (with the reason, mailed in the author’s language) → submitted → published', async () => {
    const { id } = createResource(input(), member, 'draft')
    const link = `https://portal.example/ar/resources/${id}`
    expect(availableTransitions(getResource(id)!, member)).toEqual(['submit'])
    expect(availableTransitions(getResource(id)!, other)).toEqual([])

    // A member cannot publish, even their own.
    expect(await transitionResource({ resource: getResource(id)!, transition: 'publish', actor: member, link })).toBe(
      false,
    )
    expect(getResource(id)!.state).toBe('draft')

    expect(await transitionResource({ resource: getResource(id)!, transition: 'submit', actor: member, link })).toBe(
      true,
    )
    expect(getResource(id)!.state).toBe('submitted')
    expect(lastMailTo('amal@example.org')).toMatchObject({ locale: 'ar' })
    expect(lastMailTo('amal@example.org')!.subject).toContain('وصل للمراجعة')
    expect(listResourcesToReview().map((x) => x.id)).toContain(id)
    // The coordinators hear of it, in their own language, with a link in that language.
    const toCoordinator = lastMailTo('coord@example.org')!
    expect(toCoordinator).toMatchObject({ locale: 'en' })
    expect(toCoordinator.subject).toBe('To review: تقرير عن الرقابة البرلمانية')
    expect(toCoordinator.textBody).toContain(`https://portal.example/en/resources/${id}`)

    const reason = 'أضيفوا ملخصًا بالإنجليزية'
    expect(
      await transitionResource({ resource: getResource(id)!, transition: 'return', actor: coordinator, reason, link }),
    ).toBe(true)
    const returned = getResource(id)!
    expect(returned).toMatchObject({ state: 'returned', returnReason: reason })
    expect(lastMailTo('amal@example.org')!.textBody).toContain(reason)

    await transitionResource({ resource: getResource(id)!, transition: 'submit', actor: member, link })
    expect(
      await transitionResource({ resource: getResource(id)!, transition: 'publish', actor: coordinator, link }),
    ).toBe(true)
    const published = getResource(id)!
    expect(published.state).toBe('published')
    expect(published.returnReason).toBeNull()
    expect(published.publishedAt).toBeInstanceOf(Date)
    expect(lastMailTo('amal@example.org')!.subject).toContain('نُشر')
    expect(canViewResource(published, null)).toBe(true)
    expect(listLatestResources(null).map((x) => x.id)).toContain(id)

    const actions = getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.targetId, String(id)))
      .all()
      .map((a) => a.action)
    expect(actions).toEqual(['resource.submit', 'resource.return', 'resource.submit', 'resource.publish'])
  })

  it('hides a members-only resource from visitors, in lists too', async () => {
    const { id } = createResource(input({ visibility: 'members' }), coordinator, 'draft')
    await transitionResource({
      resource: getResource(id)!,
      transition: 'publish',
      actor: coordinator,
      link: 'https://x.example/',
    })
    const r = getResource(id)!
    expect(canViewResource(r, null)).toBe(false)
    expect(canViewResource(r, other)).toBe(true)
    expect(listLatestResources(null, 50).map((x) => x.id)).not.toContain(id)
    expect(listLatestResources(other, 50).map((x) => x.id)).toContain(id)
  })
})

describe('the resource form', () => {
  const base = { type: 'report', languages: ['en'], visibility: 'public', intent: 'draft' }
  const errors = (v: Record<string, unknown>) => {
    const r = ResourceFormSchema.safeParse({ ...base, ...v })
    return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`)
  }
  it('needs a title in one language at least', () => {
    expect(errors({})).toContain('titleEn:titleOneLanguage')
    expect(errors({ titleAr: 'عنوان' })).toEqual([])
  })
  it('refuses dates in the future, impossible dates and links that are not web addresses', () => {
    expect(errors({ titleEn: 'x', publishedOn: '2999-01-01' })).toContain('publishedOn:dateInFuture')
    expect(errors({ titleEn: 'x', publishedOn: '2021-02-30' })).toContain('publishedOn:dateInvalid')
    expect(errors({ titleEn: 'x', externalUrl: 'javascript:alert(1)' })).toContain('externalUrl:urlInvalid')
    expect(errors({ titleEn: 'x', type: 'link' })).toContain('externalUrl:linkRequired')
  })
  it('refuses forged choices', () => {
    expect(errors({ titleEn: 'x', themes: ['nope'] }).some((e) => e.startsWith('themes'))).toBe(true)
    expect(errors({ titleEn: 'x', pillars: [7] }).some((e) => e.startsWith('pillars'))).toBe(true)
    expect(errors({ titleEn: 'x', languages: [] })).toContain('languages:languageRequired')
  })
})
