// Comments in consultation: threads on a provision, replies mailed to the thread's people in their language,
// resolved by the working group, listed by provision in one query; every refusal writes nothing (issue 15).
import { desc, eq, gt } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, draftComment, outbox, user } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import {
  countOpenComments,
  listComments,
  postComment,
  replyToComment,
  resolveComment,
  type Participant,
} from './comment.server'
import { addDraft, addPeople, addUser, counts, forceStage, type Person } from './drafts.test-helpers'
import { addProvision, deleteProvision } from './provision.server'

let people: ReturnType<typeof addPeople>
beforeAll(() => {
  people = addPeople()
})

const NOW = new Date('2030-06-01T12:00:00Z')
const CLOSES = new Date('2030-06-30T12:00:00Z')
const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!
const lastMailId = () => getDb().select({ id: outbox.id }).from(outbox).orderBy(desc(outbox.id)).get()?.id ?? 0
const mailsSince = (id: number) => getDb().select().from(outbox).where(gt(outbox.id, id)).all()
const emailOf = (p: Person) => getDb().select({ email: user.email }).from(user).where(eq(user.id, p.id)).get()!.email

/** A draft in consultation (until CLOSES) with a chapter holding two articles. */
function consultation(overrides: Record<string, unknown> = {}) {
  const made = addDraft(people.coordinator, {
    coordinatorId: people.coordinator.id,
    leadParliamentIds: [people.jordan],
    editorIds: [people.editor.id],
    ...overrides,
  })
  const add = (kind: string, body: string, parentId: number | null = null) => {
    const r = addProvision(made, { kind, parentId, texts: { en: { heading: '', body } } }, people.editor)
    if (!r.ok) throw new Error(r.error)
    return r.value
  }
  const chapter = add('chapter', 'General')
  const art1 = add('article', 'First article', chapter.id)
  const art2 = add('article', 'Second article', chapter.id)
  return { d: forceStage(made.id, 'consultation', CLOSES), chapter, art1, art2 }
}

function post(d: ReturnType<typeof consultation>['d'], provisionId: number, by: Participant, body: string) {
  const r = postComment(d, provisionId, { body }, by, NOW)
  if (!r.ok) throw new Error(`postComment refused: ${r.error}`)
  return r.value.id
}

describe('postComment', () => {
  it('starts a thread on a provision, audited, mailing nobody', () => {
    const { d, art1 } = consultation()
    const before = counts()
    const mark = lastMailId()
    const made = postComment(d, art1.id, { body: '  Define "funds"\r\nplease.  ' }, people.otherMember, NOW)
    expect(made.ok).toBe(true)
    const row = getDb().select().from(draftComment).orderBy(desc(draftComment.id)).get()!
    expect(row).toMatchObject({
      draftId: d.id,
      provisionId: art1.id,
      provisionWId: art1.wId,
      parentId: null,
      authorId: people.otherMember.id,
      body: 'Define "funds"\nplease.',
      resolvedAt: null,
    })
    expect(lastAudit()).toMatchObject({ action: 'draft.comment', actorId: people.otherMember.id })
    expect(counts()).toEqual({ ...before, comment: before.comment + 1, audit: before.audit + 1 })
    expect(mailsSince(mark)).toEqual([])
  })

  it.each([
    ['in preparation, by the editor', 'preparation', null, 'editor', 'consultationClosed'],
    ['in preparation, by a member who does not see it', 'preparation', null, 'otherMember', 'draftNotFound'],
    ['in revision', 'revision', CLOSES, 'otherMember', 'consultationClosed'],
    ['after the closing date', 'consultation', new Date('2030-05-31T12:00:00Z'), 'otherMember', 'consultationClosed'],
  ] as const)('refuses a comment %s and writes nothing', (_, stage, closesAt, who, error) => {
    const { d, art1 } = consultation()
    const moved = forceStage(d.id, stage, closesAt)
    const before = counts()
    expect(postComment(moved, art1.id, { body: 'x' }, people[who], NOW)).toEqual({ ok: false, error })
    expect(counts()).toEqual(before)
  })

  it('keeps a consultation of the lead parliaments to their members and the working group', () => {
    const { d, art1 } = consultation({ consultationScope: 'lead_parliaments' })
    const before = counts()
    expect(postComment(d, art1.id, { body: 'x' }, people.otherMember, NOW)).toEqual({
      ok: false,
      error: 'outsideConsultationScope',
    })
    expect(counts()).toEqual(before)
    expect(postComment(d, art1.id, { body: 'x' }, people.leadMember, NOW).ok).toBe(true)
    expect(postComment(d, art1.id, { body: 'x' }, people.editor, NOW).ok).toBe(true)
  })

  it.each([
    ['an empty comment', { body: ' \n ' }, 'commentRequired'],
    ['no body at all', {}, 'commentRequired'],
    ['a comment too long', { body: 'x'.repeat(5_001) }, 'tooLong'],
    ['a NUL', { body: 'a\u0000b' }, 'invalidCharacters'],
  ])('refuses %s and writes nothing', (_, raw, error) => {
    const { d, art1 } = consultation()
    const before = counts()
    expect(postComment(d, art1.id, raw, people.otherMember, NOW)).toEqual({ ok: false, error })
    expect(counts()).toEqual(before)
  })

  it('refuses a comment on a provision of another draft and writes nothing', () => {
    const { d } = consultation()
    const other = consultation()
    const before = counts()
    expect(postComment(d, other.art1.id, { body: 'x' }, people.otherMember, NOW)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
    expect(counts()).toEqual(before)
  })
})

describe('replyToComment', () => {
  it('joins the thread (a reply to a reply too) and mails its people but the writer, each in their language', () => {
    const { d, art1 } = consultation()
    const arabic = addUser(people.iraq, 'member', 'ar')
    const root = post(d, art1.id, arabic, 'تعريف الأموال غير واضح.')
    const first = replyToComment(d, root, { body: 'Agreed.' }, people.otherMember, NOW)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    expect(first.value.threadId).toBe(root)
    const mark = lastMailId()
    const before = counts()
    // A reply to the reply: same thread, same provision; the thread's people are the root's author and the replier.
    const second = replyToComment(d, first.value.id, { body: 'We will redraft it.' }, people.editor, NOW)
    expect(second).toEqual({ ok: true, value: { id: expect.any(Number), threadId: root } })
    const row = getDb().select().from(draftComment).orderBy(desc(draftComment.id)).get()!
    expect(row).toMatchObject({ parentId: root, provisionId: art1.id, provisionWId: art1.wId })
    expect(lastAudit()).toMatchObject({ action: 'draft.comment_reply', actorId: people.editor.id })
    expect(counts()).toEqual({
      ...before,
      comment: before.comment + 1,
      audit: before.audit + 1,
      mail: before.mail + 2,
    })
    const mails = mailsSince(mark)
    expect(mails.map((m) => m.toAddress).sort()).toEqual([emailOf(arabic), emailOf(people.otherMember)].sort())
    const ar = mails.find((m) => m.toAddress === emailOf(arabic))!
    expect(ar.locale).toBe('ar')
    expect(ar.subject).toContain('القانون النموذجي لمكافحة تمويل الإرهاب')
    expect(ar.textBody).toContain('We will redraft it.')
    expect(ar.textBody).toContain(`/ar/drafts/${d.id}/provisions/${art1.wId}`)
    const en = mails.find((m) => m.toAddress === emailOf(people.otherMember))!
    expect(en.locale).toBe('en')
    expect(en.subject).toContain('Model law on countering the financing of terrorism')
    expect(en.textBody).toContain(`/en/drafts/${d.id}/provisions/${art1.wId}`)
  })

  it('mails nobody whose account is closed, and cuts a long reply in the mail', () => {
    const { d, art1 } = consultation()
    const gone = addUser(people.iraq)
    const root = post(d, art1.id, gone, 'x')
    const stays = addUser(people.iraq, 'member', 'ar')
    expect(replyToComment(d, root, { body: 'y' }, stays, NOW).ok).toBe(true)
    getDb().update(user).set({ isActive: false }).where(eq(user.id, gone.id)).run()
    const mark = lastMailId()
    const long = 'ك'.repeat(400)
    expect(replyToComment(d, root, { body: long }, people.editor, NOW).ok).toBe(true)
    const mails = mailsSince(mark)
    expect(mails.map((m) => m.toAddress)).toEqual([emailOf(stays)])
    expect(mails[0]!.textBody).toContain(`${'ك'.repeat(300)}…`)
    expect(mails[0]!.textBody).not.toContain('ك'.repeat(301))
  })

  it('refuses a reply to a comment of another draft, to a resolved thread, and outside the consultation', () => {
    const { d, art1 } = consultation()
    const other = consultation()
    const elsewhere = post(other.d, other.art1.id, people.otherMember, 'x')
    const root = post(d, art1.id, people.otherMember, 'x')
    expect(resolveComment(d, root, people.editor, true, NOW).ok).toBe(true)
    const before = counts()
    expect(replyToComment(d, elsewhere, { body: 'y' }, people.leadMember, NOW)).toEqual({
      ok: false,
      error: 'commentNotFound',
    })
    expect(replyToComment(d, root, { body: 'y' }, people.leadMember, NOW)).toEqual({
      ok: false,
      error: 'threadResolved',
    })
    const closed = forceStage(d.id, 'revision', CLOSES)
    expect(replyToComment(closed, root, { body: 'y' }, people.leadMember, NOW)).toEqual({
      ok: false,
      error: 'consultationClosed',
    })
    expect(counts()).toEqual(before)
  })
})

describe('resolveComment', () => {
  it('lets the working group resolve and reopen a thread (through a reply too), audited once per change', () => {
    const { d, art1 } = consultation()
    const root = post(d, art1.id, people.otherMember, 'x')
    const reply = replyToComment(d, root, { body: 'y' }, people.leadMember, NOW)
    if (!reply.ok) throw new Error(reply.error)
    expect(resolveComment(d, reply.value.id, people.editor, true, NOW)).toEqual({
      ok: true,
      value: { threadId: root, changed: true },
    })
    const row = getDb().select().from(draftComment).where(eq(draftComment.id, root)).get()!
    expect(row).toMatchObject({ resolvedAt: NOW, resolvedById: people.editor.id })
    expect(lastAudit()).toMatchObject({ action: 'draft.comment_resolve', actorId: people.editor.id })
    const before = counts()
    expect(resolveComment(d, root, people.coordinator, true, NOW)).toEqual({
      ok: true,
      value: { threadId: root, changed: false },
    })
    expect(counts()).toEqual(before)
    expect(resolveComment(d, root, people.otherCoordinator, false, NOW).ok).toBe(true)
    expect(getDb().select().from(draftComment).where(eq(draftComment.id, root)).get()).toMatchObject({
      resolvedAt: null,
      resolvedById: null,
    })
    expect(lastAudit()).toMatchObject({ action: 'draft.comment_reopen', actorId: people.otherCoordinator.id })
  })

  it('refuses a member, a comment of another draft, and a draft in preparation, writing nothing', () => {
    const { d, art1 } = consultation()
    const other = consultation()
    const root = post(d, art1.id, people.otherMember, 'x')
    const elsewhere = post(other.d, other.art1.id, people.otherMember, 'x')
    const before = counts()
    expect(resolveComment(d, root, people.otherMember, true, NOW)).toEqual({ ok: false, error: 'workingGroupOnly' })
    expect(resolveComment(d, elsewhere, people.editor, true, NOW)).toEqual({ ok: false, error: 'commentNotFound' })
    const back = forceStage(d.id, 'preparation')
    expect(resolveComment(back, root, people.editor, true, NOW)).toEqual({ ok: false, error: 'workingGroupOnly' })
    expect(counts()).toEqual(before)
  })
})

describe('listComments and countOpenComments', () => {
  it('lists threads by provision with their replies, filtered, in one query, with names and no emails', () => {
    const { d, art1, art2 } = consultation()
    const a = post(d, art1.id, people.otherMember, 'On the first')
    const b = post(d, art1.id, people.leadMember, 'Also on the first')
    const c = post(d, art2.id, people.otherMember, 'On the second')
    const r = replyToComment(d, a, { body: 'A reply' }, people.editor, NOW)
    if (!r.ok) throw new Error(r.error)
    resolveComment(d, b, people.editor, true, NOW)

    const { result, queries } = countQueries(() => listComments(d.id))
    expect(queries).toBe(1)
    if (!result.ok) throw new Error(result.error)
    expect(Object.keys(result.value).sort()).toEqual([art1.wId, art2.wId].sort())
    expect(result.value[art1.wId]!.map((t) => t.id)).toEqual([a, b])
    const first = result.value[art1.wId]![0]!
    expect(first).toMatchObject({ body: 'On the first', authorName: people.otherMember.name, resolvedAt: null })
    expect(first.replies).toEqual([
      {
        id: r.value.id,
        authorId: people.editor.id,
        authorName: people.editor.name,
        body: 'A reply',
        createdAt: expect.any(Date),
      },
    ])
    expect(JSON.stringify(result.value)).not.toContain('@example.org')

    const open = listComments(d.id, { status: 'open' })
    expect(open.ok && Object.values(open.value).flatMap((ts) => ts.map((t) => [t.id, t.replies.length]))).toEqual([
      [a, 1],
      [c, 0],
    ])
    const resolved = listComments(d.id, { status: 'resolved', provisionId: String(art1.id) })
    expect(resolved.ok && resolved.value).toEqual({ [art1.wId]: [expect.objectContaining({ id: b, replies: [] })] })
    const ofSecond = listComments(d.id, { provisionId: art2.id })
    expect(ofSecond.ok && Object.keys(ofSecond.value)).toEqual([art2.wId])
    expect(listComments(d.id, { status: 'pending' as 'open' })).toEqual({ ok: false, error: 'invalidChoice' })

    const counted = countQueries(() => countOpenComments(d.id))
    expect(counted.queries).toBe(1)
    expect(counted.result).toEqual({ [art1.wId]: { threads: 1, comments: 2 }, [art2.wId]: { threads: 1, comments: 1 } })
  })

  it('keeps the comments of a deleted provision under its wId, out of the counts', () => {
    const { d, art1, art2 } = consultation()
    const a = post(d, art2.id, people.otherMember, 'On the second')
    post(d, art1.id, people.otherMember, 'On the first')
    expect(deleteProvision(d, art2.id, people.editor).ok).toBe(true)
    const list = listComments(d.id)
    expect(list.ok && list.value[art2.wId]).toEqual([expect.objectContaining({ id: a, provisionId: null })])
    expect(countOpenComments(d.id)).toEqual({ [art1.wId]: { threads: 1, comments: 1 } })
    expect(replyToComment(d, a, { body: 'y' }, people.leadMember, NOW)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
  })
})
