import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, outbox, resource, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createPendingUpload } from '~/utils/pending-upload.server'
import { ResourceFormSchema } from './schemas'
import { canViewResource } from './access.server'
import {
  createResource,
  getResource,
  listAuthoredResources,
  listLatestResources,
  listResourcesToReview,
} from './resource.server'
import { requireTransition } from './guards.server'
import { availableTransitions, canTransition, editResource, shareResource, transitionResource } from './workflow.server'

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

  it('walks draft → submitted → returned (with the reason, mailed in the author’s language) → submitted → published', () => {
    const { id } = createResource(input(), member, 'draft')
    const link = `https://portal.example/ar/resources/${id}`
    expect(availableTransitions(getResource(id)!, member)).toEqual(['submit'])
    expect(availableTransitions(getResource(id)!, other)).toEqual([])

    // A member cannot publish, even their own: the route's guard answers 403, and the move itself refuses.
    expect(canTransition(getResource(id)!, member, 'publish')).toBe(false)
    expect(() => requireTransition(getResource(id)!, member, 'publish')).toThrow(
      expect.objectContaining({ status: 403 }),
    )
    expect(() =>
      transitionResource({ resource: getResource(id)!, transition: 'publish', actor: member, link }),
    ).toThrow()
    expect(getResource(id)!.state).toBe('draft')

    transitionResource({ resource: getResource(id)!, transition: 'submit', actor: member, link })
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
    transitionResource({ resource: getResource(id)!, transition: 'return', actor: coordinator, reason, link })
    const returned = getResource(id)!
    expect(returned).toMatchObject({ state: 'returned', returnReason: reason })
    expect(lastMailTo('amal@example.org')!.textBody).toContain(reason)

    transitionResource({ resource: getResource(id)!, transition: 'submit', actor: member, link })
    transitionResource({ resource: getResource(id)!, transition: 'publish', actor: coordinator, link })
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

  it('hides a members-only resource from visitors, in lists too', () => {
    const { id } = createResource(input({ visibility: 'members' }), coordinator, 'draft')
    transitionResource({
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

describe('sharing and editing from the form', () => {
  const audits = (id: number) =>
    getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.targetId, String(id)))
      .all()
      .map((a) => a.action)
  const size = (table: typeof auditEvent | typeof outbox | typeof resource) => getDb().select().from(table).all().length
  const sizes = () => ({ resources: size(resource), audits: size(auditEvent), mails: size(outbox) })

  it('shares a draft with its audit row, or sends it for review with the move and its mails in the same go', () => {
    const draft = shareResource(input(), member, 'ar')
    if (!draft.ok) throw new Error(draft.error)
    expect(getResource(draft.value.id)!.state).toBe('draft')
    expect(audits(draft.value.id)).toEqual(['resource.created'])

    const mails = size(outbox)
    const sent = shareResource(input({ intent: 'submit' }), member, 'ar')
    if (!sent.ok) throw new Error(sent.error)
    expect(getResource(sent.value.id)!.state).toBe('submitted')
    expect(audits(sent.value.id)).toEqual(['resource.created', 'resource.submit'])
    expect(size(outbox)).toBeGreaterThan(mails)
    expect(lastMailTo('amal@example.org')!.textBody).toContain(`/ar/resources/${sent.value.id}`)
  })

  it('refuses, writing nothing, a resource sent without a file or a link, and a file whose upload is gone', () => {
    const before = sizes()
    expect(shareResource(input({ intent: 'submit', externalUrl: '' }), member, 'en')).toEqual({
      ok: false,
      error: 'fileOrLinkRequired',
    })
    expect(shareResource(input({ file: 'z'.repeat(32) }), member, 'en')).toEqual({ ok: false, error: 'uploadGone' })
    const theirs = createPendingUpload(
      { sha256: 'b'.repeat(64), size: 10, mediaType: 'application/pdf' },
      other.id,
      'x.pdf',
    )
    expect(shareResource(input({ file: theirs.id }), member, 'en')).toEqual({ ok: false, error: 'uploadGone' })
    expect(sizes()).toEqual(before)
  })

  it('saves edits with their audit row, then the move asked for; refuses the same way', () => {
    const shared = shareResource(input(), member, 'en')
    if (!shared.ok) throw new Error(shared.error)
    const id = shared.value.id
    expect(
      editResource(getResource(id)!, input({ titleEn: 'Oversight report', intent: 'save' }), member, 'en'),
    ).toEqual({
      ok: true,
    })
    expect(getResource(id)).toMatchObject({ titleEn: 'Oversight report', state: 'draft' })
    expect(editResource(getResource(id)!, input({ intent: 'submit' }), member, 'en').ok).toBe(true)
    expect(getResource(id)!.state).toBe('submitted')
    expect(audits(id)).toEqual(['resource.created', 'resource.updated', 'resource.updated', 'resource.submit'])

    const before = sizes()
    const r = getResource(id)!
    expect(editResource(r, input({ intent: 'save', file: 'z'.repeat(32) }), member, 'en')).toEqual({
      ok: false,
      error: 'uploadGone',
    })
    expect(sizes()).toEqual(before)
    expect(getResource(id)!.titleAr).toBe(r.titleAr)
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
