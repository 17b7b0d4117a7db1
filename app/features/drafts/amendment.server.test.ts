// Amendments in consultation: proposed to a provision of this draft with its base revision, withdrawn by the
// proposer, accepted (the change applied in the same transaction, in the provision's history) or rejected with a
// reason, outdated once the provision changed; the proposer mailed in their language (issue 15).
import { and, desc, eq, gt } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, draftAmendment, draftAmendmentText, outbox, provision, user } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import {
  acceptAmendment,
  countOpenAmendments,
  getAmendment,
  listAmendments,
  proposeAmendment,
  rejectAmendment,
  withdrawAmendment,
} from './amendment.server'
import type { Participant } from './comment.server'
import { addDraft, addPeople, addUser, counts, forceStage, type Person } from './drafts.test-helpers'
import {
  addProvision,
  getProvision,
  getProvisionTexts,
  listProvisionChanges,
  saveProvisionText,
} from './provision.server'
import { loadWorkingTree } from './tree.server'

let people: ReturnType<typeof addPeople>
let arabic: Person
beforeAll(() => {
  people = addPeople()
  arabic = addUser(people.iraq, 'member', 'ar')
})

const NOW = new Date('2030-06-01T12:00:00Z')
const CLOSES = new Date('2030-06-30T12:00:00Z')
const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!
const lastMailId = () => getDb().select({ id: outbox.id }).from(outbox).orderBy(desc(outbox.id)).get()?.id ?? 0
const mailsSince = (id: number) => getDb().select().from(outbox).where(gt(outbox.id, id)).all()
const emailOf = (p: Person) => getDb().select({ email: user.email }).from(user).where(eq(user.id, p.id)).get()!.email

/** A draft in consultation (until CLOSES): a chapter with three articles, the second with a paragraph. */
function consultation(overrides: Record<string, unknown> = {}) {
  const made = addDraft(people.coordinator, {
    coordinatorId: people.coordinator.id,
    leadParliamentIds: [people.jordan],
    editorIds: [people.editor.id],
    ...overrides,
  })
  const add = (kind: string, texts: object, parentId: number | null = null) => {
    const r = addProvision(made, { kind, parentId, texts }, people.editor)
    if (!r.ok) throw new Error(r.error)
    return r.value
  }
  const chapter = add('chapter', { en: { heading: 'General', body: '' } })
  const art1 = add(
    'article',
    { en: { heading: '', body: 'Funds means assets.' }, ar: { heading: '', body: 'الأموال تعني الأصول.' } },
    chapter.id,
  )
  const art2 = add('article', { en: { heading: '', body: 'Second' } }, chapter.id)
  const para = add('paragraph', { en: { heading: '', body: 'Inside the second' } }, art2.id)
  const art3 = add('article', { en: { heading: '', body: 'Third' } }, chapter.id)
  return { d: forceStage(made.id, 'consultation', CLOSES), chapter, art1, art2, para, art3 }
}

const replace = (en: string, ar?: string) => ({
  kind: 'replace',
  texts: { en: { heading: '', body: en }, ...(ar ? { ar: { heading: '', body: ar } } : {}) },
  justification: 'Clearer.',
})

function propose(d: ReturnType<typeof consultation>['d'], provisionId: number, raw: object, by: Participant = arabic) {
  const r = proposeAmendment(d, provisionId, raw, by, NOW)
  if (!r.ok) throw new Error(`proposeAmendment refused: ${r.error}`)
  return r.value.id
}

/** The article bodies under the chapter, in order (English, or the wId). */
function articles(draftId: number) {
  const chapter = loadWorkingTree(draftId)!.snapshot.provisions[0]!
  return chapter.children.map((p) => p.texts.en?.body ?? p.wId)
}

describe('proposeAmendment', () => {
  it('records the kind, the words per language, the justification and the base revision, audited', () => {
    const { d, art1 } = consultation()
    const before = counts()
    const id = propose(d, art1.id, replace('Funds means assets of every kind.', 'الأموال تعني الأصول أيًّا كان نوعها.'))
    expect(getAmendment(d.id, id)).toMatchObject({
      provisionId: art1.id,
      provisionWId: art1.wId,
      kind: 'replace',
      newKind: null,
      justification: 'Clearer.',
      proposerId: arabic.id,
      proposerName: arabic.name,
      status: 'open',
      baseRevision: 1,
      outdated: false,
      texts: {
        en: { heading: '', body: 'Funds means assets of every kind.' },
        ar: { heading: '', body: 'الأموال تعني الأصول أيًّا كان نوعها.' },
      },
    })
    expect(lastAudit()).toMatchObject({ action: 'draft.amendment_propose', actorId: arabic.id })
    expect(counts()).toEqual({ ...before, amendment: before.amendment + 1, audit: before.audit + 1 })
    expect(getDb().select().from(draftAmendmentText).where(eq(draftAmendmentText.amendmentId, id)).all()).toHaveLength(
      2,
    )
  })

  it('records a deletion without words and an insertion with its new kind', () => {
    const { d, art1 } = consultation()
    const del = propose(d, art1.id, { kind: 'delete', justification: 'Redundant.' })
    expect(getAmendment(d.id, del)).toMatchObject({ kind: 'delete', texts: {}, newKind: null })
    const ins = propose(d, art1.id, {
      kind: 'insert_after',
      newKind: 'article',
      texts: { ar: { heading: '', body: 'مادة جديدة' } },
      justification: 'Missing.',
    })
    expect(getAmendment(d.id, ins)).toMatchObject({ kind: 'insert_after', newKind: 'article' })
  })

  it('refuses an amendment to a provision of another draft and writes nothing', () => {
    const { d } = consultation()
    const other = consultation()
    const before = counts()
    expect(proposeAmendment(d, other.art1.id, replace('Hijack'), arabic, NOW)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
    expect(proposeAmendment(d, 999_999, replace('Nowhere'), arabic, NOW)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
    expect(counts()).toEqual(before)
  })

  it.each([
    [
      'new wording in no language',
      { kind: 'replace', texts: { en: { heading: ' ', body: '' } }, justification: 'x' },
      'textRequired',
    ],
    [
      'an insertion without words',
      { kind: 'insert_after', newKind: 'article', texts: {}, justification: 'x' },
      'textRequired',
    ],
    ['no justification', { ...replace('New'), justification: '  ' }, 'justificationRequired'],
    ['an unknown kind', { kind: 'rewrite', justification: 'x' }, 'invalidChoice'],
    [
      'a language the draft is not in',
      { kind: 'replace', texts: { fr: { heading: '', body: 'x' } }, justification: 'x' },
      'languageUnknown',
    ],
    ['a justification too long', { kind: 'delete', justification: 'x'.repeat(5_001) }, 'tooLong'],
    [
      'a new provision that cannot sit there',
      { kind: 'insert_after', newKind: 'point', texts: { en: { heading: '', body: 'x' } }, justification: 'x' },
      'notAllowedHere',
    ],
  ])('refuses %s and writes nothing', (_, raw, error) => {
    const { d, art1 } = consultation()
    const before = counts()
    expect(proposeAmendment(d, art1.id, raw, arabic, NOW)).toEqual({ ok: false, error })
    expect(counts()).toEqual(before)
  })

  it('refuses outside the consultation and outside its scope', () => {
    const { d, art1 } = consultation({ consultationScope: 'lead_parliaments' })
    const before = counts()
    expect(proposeAmendment(d, art1.id, replace('x'), people.otherMember, NOW)).toEqual({
      ok: false,
      error: 'outsideConsultationScope',
    })
    const closed = forceStage(d.id, 'revision', CLOSES)
    expect(proposeAmendment(closed, art1.id, replace('x'), people.leadMember, NOW)).toEqual({
      ok: false,
      error: 'consultationClosed',
    })
    expect(counts()).toEqual(before)
  })
})

describe('withdrawAmendment', () => {
  it('lets the proposer withdraw an open amendment, once', () => {
    const { d, art1 } = consultation()
    const id = propose(d, art1.id, replace('x'))
    const before = counts()
    expect(withdrawAmendment(d, id, people.otherMember, NOW)).toEqual({ ok: false, error: 'notProposer' })
    expect(withdrawAmendment(d, id, people.editor, NOW)).toEqual({ ok: false, error: 'notProposer' })
    expect(counts()).toEqual(before)
    expect(withdrawAmendment(d, id, arabic, NOW)).toEqual({ ok: true, value: undefined })
    expect(getAmendment(d.id, id)).toMatchObject({ status: 'withdrawn', decidedAt: NOW })
    expect(lastAudit()).toMatchObject({ action: 'draft.amendment_withdraw', actorId: arabic.id })
    expect(withdrawAmendment(d, id, arabic, NOW)).toEqual({ ok: false, error: 'amendmentNotOpen' })
    expect(acceptAmendment(d, id, {}, people.editor, NOW)).toEqual({ ok: false, error: 'amendmentNotOpen' })
  })
})

describe('acceptAmendment', () => {
  it('replace: the proposed words become the provision’s, revision + 1, history rows with the amendment', () => {
    const { d, art1 } = consultation()
    const id = propose(d, art1.id, replace('Funds means assets of every kind.'))
    const mark = lastMailId()
    const before = counts()
    expect(acceptAmendment(d, id, {}, people.editor, NOW)).toEqual({ ok: true, value: { provisionId: art1.id } })
    expect(getProvision(d.id, art1.id)!.revision).toBe(2)
    const texts = getProvisionTexts(art1.id)
    expect(texts.en!.body).toBe('Funds means assets of every kind.')
    // A language the amendment does not propose stays as it was.
    expect(texts.ar!.body).toBe('الأموال تعني الأصول.')
    expect(listProvisionChanges(d.id, art1.id)[0]).toMatchObject({
      lang: 'en',
      revision: 2,
      amendmentId: id,
      changedById: people.editor.id,
      body: 'Funds means assets of every kind.',
    })
    expect(getAmendment(d.id, id)).toMatchObject({
      status: 'accepted',
      decidedById: people.editor.id,
      decidedAt: NOW,
      outdated: false,
    })
    expect(lastAudit()).toMatchObject({ action: 'draft.amendment_accept', actorId: people.editor.id })
    const after = counts()
    expect(after.change - before.change).toBe(1)
    // The text's own audit row and the acceptance's.
    expect(after.audit - before.audit).toBe(2)
    const mails = mailsSince(mark)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ toAddress: emailOf(arabic), locale: 'ar' })
    expect(mails[0]!.subject).toContain('قُبل')
    expect(mails[0]!.textBody).toContain(`/ar/drafts/${d.id}/provisions/${art1.wId}`)
  })

  it('insert_after: a new provision of its kind right after, its history tied to the amendment', () => {
    const { d, chapter, art1 } = consultation()
    const id = propose(d, art1.id, {
      kind: 'insert_after',
      newKind: 'article',
      texts: { en: { heading: '', body: 'Inserted' } },
      justification: 'Missing.',
    })
    const accepted = acceptAmendment(d, id, {}, people.coordinator, NOW)
    if (!accepted.ok) throw new Error(accepted.error)
    expect(articles(d.id)).toEqual(['Funds means assets.', 'Inserted', 'Second', 'Third'])
    const created = getProvision(d.id, accepted.value.provisionId!)!
    expect(created).toMatchObject({ kind: 'article', parentId: chapter.id, position: 1, revision: 1 })
    expect(listProvisionChanges(d.id, created.id)).toEqual([
      expect.objectContaining({ lang: 'en', amendmentId: id, changedById: people.coordinator.id }),
    ])
  })

  it('delete: the provision and all it holds are deleted; the amendment keeps its wId', () => {
    const { d, art2, para } = consultation()
    const id = propose(d, art2.id, { kind: 'delete', justification: 'Redundant.' })
    const before = counts()
    expect(acceptAmendment(d, id, {}, people.editor, NOW)).toEqual({ ok: true, value: { provisionId: null } })
    expect(articles(d.id)).toEqual(['Funds means assets.', 'Third'])
    expect(getProvision(d.id, para.id)).toBeNull()
    expect(counts().provision - before.provision).toBe(-2)
    expect(getAmendment(d.id, id)).toMatchObject({ status: 'accepted', provisionId: null, provisionWId: art2.wId })
  })

  it('refuses an outdated replace unless the editor confirms, writing nothing', () => {
    const { d, art1 } = consultation()
    const id = propose(d, art1.id, replace('Amended words'))
    const saved = saveProvisionText(
      d,
      art1.id,
      { baseRevision: 1, texts: { en: { heading: '', body: 'Edited meanwhile' } } },
      people.editor,
    )
    expect(saved.ok).toBe(true)
    expect(getAmendment(d.id, id)).toMatchObject({ outdated: true, status: 'open' })
    expect(countOpenAmendments(d.id)).toEqual({ [art1.wId]: { open: 1, outdated: 1 } })
    const before = counts()
    const mark = lastMailId()
    expect(acceptAmendment(d, id, {}, people.editor, NOW)).toEqual({ ok: false, error: 'amendmentOutdated' })
    expect(acceptAmendment(d, id, { confirmOutdated: '' }, people.editor, NOW)).toEqual({
      ok: false,
      error: 'amendmentOutdated',
    })
    expect(counts()).toEqual(before)
    expect(mailsSince(mark)).toEqual([])
    expect(acceptAmendment(d, id, { confirmOutdated: 'on' }, people.editor, NOW).ok).toBe(true)
    expect(getProvisionTexts(art1.id).en!.body).toBe('Amended words')
    expect(getProvision(d.id, art1.id)!.revision).toBe(3)
    expect(JSON.parse(lastAudit().details!)).toMatchObject({ outdated: true })
  })

  it('makes the other open amendments of the provision outdated, and refuses one whose provision is gone', () => {
    const { d, art1, art2, para } = consultation()
    const first = propose(d, art1.id, replace('One'))
    const second = propose(d, art1.id, replace('Two'))
    const onPara = propose(d, para.id, replace('Para'))
    const del = propose(d, art2.id, { kind: 'delete', justification: 'x' })
    expect(acceptAmendment(d, first, {}, people.editor, NOW).ok).toBe(true)
    expect(getAmendment(d.id, second)!.outdated).toBe(true)
    expect(acceptAmendment(d, del, {}, people.editor, NOW).ok).toBe(true)
    expect(getAmendment(d.id, onPara)).toMatchObject({ provisionId: null, outdated: true, status: 'open' })
    const before = counts()
    expect(acceptAmendment(d, onPara, { confirmOutdated: true }, people.editor, NOW)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
    expect(counts()).toEqual(before)
  })

  it('refuses anyone but the working group, an amendment of another draft, and a draft in preparation', () => {
    const { d, art1 } = consultation()
    const other = consultation()
    const id = propose(d, art1.id, replace('x'))
    const elsewhere = propose(other.d, other.art1.id, replace('x'))
    const before = counts()
    expect(acceptAmendment(d, id, {}, people.otherMember, NOW)).toEqual({ ok: false, error: 'workingGroupOnly' })
    expect(acceptAmendment(d, id, {}, arabic, NOW)).toEqual({ ok: false, error: 'workingGroupOnly' })
    expect(acceptAmendment(d, elsewhere, {}, people.editor, NOW)).toEqual({ ok: false, error: 'amendmentNotFound' })
    const back = forceStage(d.id, 'preparation')
    expect(acceptAmendment(back, id, {}, people.editor, NOW)).toEqual({ ok: false, error: 'workingGroupOnly' })
    expect(counts()).toEqual(before)
  })

  it('lets the working group answer in revision too', () => {
    const { d, art1 } = consultation()
    const id = propose(d, art1.id, replace('In revision'))
    const revision = forceStage(d.id, 'revision', CLOSES)
    expect(acceptAmendment(revision, id, {}, people.editor, NOW).ok).toBe(true)
    expect(getProvisionTexts(art1.id).en!.body).toBe('In revision')
  })
})

describe('rejectAmendment', () => {
  it('needs a reason, which the proposer reads and is mailed in their language', () => {
    const { d, art1 } = consultation()
    const id = propose(d, art1.id, replace('x'))
    const before = counts()
    expect(rejectAmendment(d, id, { reason: ' ' }, people.editor, NOW)).toEqual({ ok: false, error: 'reasonRequired' })
    expect(rejectAmendment(d, id, {}, people.editor, NOW)).toEqual({ ok: false, error: 'reasonRequired' })
    expect(rejectAmendment(d, id, { reason: 'No.' }, people.otherMember, NOW)).toEqual({
      ok: false,
      error: 'workingGroupOnly',
    })
    expect(counts()).toEqual(before)
    const mark = lastMailId()
    expect(rejectAmendment(d, id, { reason: 'يتعارض مع المادة 5.' }, people.editor, NOW)).toEqual({
      ok: true,
      value: undefined,
    })
    expect(getAmendment(d.id, id)).toMatchObject({
      status: 'rejected',
      reason: 'يتعارض مع المادة 5.',
      decidedById: people.editor.id,
      decidedAt: NOW,
    })
    expect(getProvisionTexts(art1.id).en!.body).toBe('Funds means assets.')
    expect(lastAudit()).toMatchObject({ action: 'draft.amendment_reject', actorId: people.editor.id })
    const mails = mailsSince(mark)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ toAddress: emailOf(arabic), locale: 'ar' })
    expect(mails[0]!.textBody).toContain('يتعارض مع المادة 5.')
    expect(rejectAmendment(d, id, { reason: 'Again' }, people.editor, NOW)).toEqual({
      ok: false,
      error: 'amendmentNotOpen',
    })
  })

  it('mails an English proposer in English', () => {
    const { d, art1 } = consultation()
    const id = propose(d, art1.id, replace('x'), people.otherMember)
    const mark = lastMailId()
    expect(rejectAmendment(d, id, { reason: 'Out of scope.' }, people.coordinator, NOW).ok).toBe(true)
    const [mail] = mailsSince(mark)
    expect(mail).toMatchObject({ toAddress: emailOf(people.otherMember), locale: 'en' })
    expect(mail!.subject).toContain('Model law on countering the financing of terrorism')
    expect(mail!.textBody).toContain('Out of scope.')
  })
})

describe('listAmendments and countOpenAmendments', () => {
  it('lists by provision, filtered by provision and status, in two queries, with names and no emails', () => {
    const { d, art1, art3 } = consultation()
    const a = propose(d, art1.id, replace('A'))
    const b = propose(d, art1.id, { kind: 'delete', justification: 'x' }, people.otherMember)
    const c = propose(d, art3.id, replace('C'))
    rejectAmendment(d, b, { reason: 'No.' }, people.editor, NOW)

    const { result, queries } = countQueries(() => listAmendments(d.id))
    expect(queries).toBe(2)
    if (!result.ok) throw new Error(result.error)
    expect(result.value[art1.wId]!.map((x) => x.id)).toEqual([a, b])
    expect(result.value[art3.wId]!.map((x) => x.id)).toEqual([c])
    expect(result.value[art1.wId]![1]).toMatchObject({ status: 'rejected', reason: 'No.', outdated: false })
    expect(JSON.stringify(result.value)).not.toContain('@example.org')

    const open = listAmendments(d.id, { status: 'open' })
    expect(open.ok && Object.values(open.value).flatMap((xs) => xs.map((x) => x.id))).toEqual([a, c])
    const rejected = listAmendments(d.id, { status: 'rejected', provisionId: String(art1.id) })
    expect(rejected.ok && rejected.value).toEqual({ [art1.wId]: [expect.objectContaining({ id: b })] })
    expect(listAmendments(d.id, { status: 'pending' as 'open' })).toEqual({ ok: false, error: 'invalidChoice' })

    const counted = countQueries(() => countOpenAmendments(d.id))
    expect(counted.queries).toBe(1)
    expect(counted.result).toEqual({ [art1.wId]: { open: 1, outdated: 0 }, [art3.wId]: { open: 1, outdated: 0 } })
  })

  it('does not count a deleted provision’s amendments', () => {
    const { d, art2, art3 } = consultation()
    propose(d, art3.id, replace('x'))
    const del = propose(d, art2.id, { kind: 'delete', justification: 'x' })
    acceptAmendment(d, del, {}, people.editor, NOW)
    expect(countOpenAmendments(d.id)).toEqual({ [art3.wId]: { open: 1, outdated: 0 } })
    expect(
      getDb()
        .select()
        .from(provision)
        .where(and(eq(provision.draftId, d.id), eq(provision.id, art2.id)))
        .all(),
    ).toEqual([])
    expect(getDb().select().from(draftAmendment).where(eq(draftAmendment.id, del)).get()!.provisionId).toBeNull()
  })
})
