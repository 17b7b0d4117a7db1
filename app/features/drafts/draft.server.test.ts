// A draft's fields, stages and working group: each change with its audit row and its mails, each refusal writing
// nothing (issue 15).
import { desc, eq, gt } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, outbox, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { namespaces } from '~/utils/i18n'
import { addEditor, createDraft, getDraft, moveDraftStage, removeEditor, updateDraft } from './draft.server'
import { addDraft, addPeople, addUser, counts, draftInput, forceStage } from './drafts.test-helpers'
import { stageMoves } from './stages'
import { draftStages } from './vocabulary'

let people: ReturnType<typeof addPeople>
beforeAll(() => {
  people = addPeople()
})

const NOW = new Date('2030-06-01T12:00:00Z')
const LATER = '2030-06-30T12:00:00Z'
const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!
const mailsSince = (id: number) => getDb().select().from(outbox).where(gt(outbox.id, id)).all()
const lastMailId = () => getDb().select({ id: outbox.id }).from(outbox).orderBy(desc(outbox.id)).get()?.id ?? 0
// The namespace is registered with i18next once app/utils/i18n.ts lists it (see the feature's README).
const textsLoaded = (namespaces as readonly string[]).includes('drafts')

function freshDraft(overrides: Record<string, unknown> = {}) {
  return addDraft(people.coordinator, {
    coordinatorId: people.coordinator.id,
    leadParliamentIds: [people.jordan],
    editorIds: [people.editor.id, people.secondEditor.id],
    ...overrides,
  })
}

describe('createDraft', () => {
  it('saves the draft in preparation with its leads, topics and editors, audited, and tells the editors', () => {
    const before = counts()
    const mark = lastMailId()
    const d = freshDraft()
    expect(d).toMatchObject({
      stage: 'preparation',
      kind: 'model_law',
      originalLanguage: 'ar',
      coordinatorId: people.coordinator.id,
      leadParliamentIds: [people.jordan],
      pillars: [2],
      resolutions: ['2462'],
      themes: ['terrorism_financing'],
      createdById: people.coordinator.id,
    })
    expect([...d.editorIds].sort()).toEqual([people.editor.id, people.secondEditor.id].sort())
    expect(lastAudit()).toMatchObject({ action: 'draft.create', targetType: 'draft', targetId: String(d.id) })
    const after = counts()
    expect(after.draft - before.draft).toBe(1)
    expect(after.audit - before.audit).toBe(1)
    const mails = mailsSince(mark)
    expect(mails.map((m) => m.locale).sort()).toEqual(['ar', 'en'])
    if (textsLoaded) {
      const ar = mails.find((m) => m.locale === 'ar')!
      expect(ar.subject).toContain('القانون النموذجي لمكافحة تمويل الإرهاب')
      expect(ar.textBody).toContain(`/ar/drafts/${d.id}`)
    }
  })

  it.each([
    ['no title in either language', { titleEn: '', titleAr: ' ' }, 'titleOneLanguage'],
    ['an unknown kind', { kind: 'decree' }, 'invalidChoice'],
    ['no lead parliament', { leadParliamentIds: [] }, 'leadRequired'],
    ['a parliament that does not exist', { leadParliamentIds: [999_999] }, 'parliamentUnknown'],
    ['a member in charge', { coordinatorId: -1 }, 'invalidChoice'],
    ['an editor who does not exist', { editorIds: [999_999] }, 'userUnknown'],
    ['a title too long', { titleEn: 'x'.repeat(301) }, 'tooLong'],
    ['a NUL in the summary', { summaryEn: 'a\u0000b' }, 'invalidCharacters'],
  ])('refuses %s and writes nothing', (_, overrides, error) => {
    const before = counts()
    const made = createDraft(
      draftInput({ coordinatorId: people.coordinator.id, leadParliamentIds: [people.jordan], ...overrides }),
      people.coordinator,
    )
    expect(made).toEqual({ ok: false, error })
    expect(counts()).toEqual(before)
  })

  it('refuses a member as the person in charge (a coordinator must be), and writes nothing', () => {
    const before = counts()
    const made = createDraft(
      draftInput({ coordinatorId: people.leadMember.id, leadParliamentIds: [people.jordan] }),
      people.coordinator,
    )
    expect(made).toEqual({ ok: false, error: 'coordinatorUnknown' })
    expect(counts()).toEqual(before)
  })
})

describe('updateDraft', () => {
  it('saves the fields, replaces leads and topics, adds (and tells) newly named editors', () => {
    const d = freshDraft({ editorIds: [people.editor.id] })
    const mark = lastMailId()
    const saved = updateDraft(
      d,
      draftInput({
        coordinatorId: people.otherCoordinator.id,
        leadParliamentIds: [people.iraq, people.jordan],
        editorIds: [people.secondEditor.id],
        titleEn: 'Model law, second title',
        themes: ['victims', 'prevention'],
        pillars: [],
        visibility: 'public',
      }),
      people.coordinator,
    )
    expect(saved).toEqual({ ok: true, value: undefined })
    const after = getDraft(d.id)!
    expect(after).toMatchObject({
      titleEn: 'Model law, second title',
      coordinatorId: people.otherCoordinator.id,
      visibility: 'public',
      pillars: [],
      themes: ['prevention', 'victims'],
    })
    expect([...after.leadParliamentIds].sort()).toEqual([people.iraq, people.jordan].sort())
    // Omitted editors stay (they leave one by one); the new one joined and was told.
    expect([...after.editorIds].sort()).toEqual([people.editor.id, people.secondEditor.id].sort())
    expect(mailsSince(mark)).toHaveLength(1)
    expect(lastAudit()).toMatchObject({ action: 'draft.update', targetId: String(d.id) })
  })

  it('refuses bad input and a final draft, and writes nothing', () => {
    const d = freshDraft()
    const before = counts()
    expect(updateDraft(d, draftInput({ coordinatorId: people.coordinator.id }), people.coordinator)).toEqual({
      ok: false,
      error: 'leadRequired',
    })
    const adopted = forceStage(d.id, 'adopted', new Date())
    const input = draftInput({ coordinatorId: people.coordinator.id, leadParliamentIds: [people.jordan] })
    expect(updateDraft(adopted, input, people.coordinator)).toEqual({ ok: false, error: 'draftClosed' })
    expect(counts()).toEqual(before)
  })
})

describe('moveDraftStage', () => {
  it('allows exactly the moves of the one table, and refuses every other (writing nothing)', () => {
    for (const from of draftStages)
      for (const to of draftStages) {
        const d = forceStage(freshDraft().id, from, from === 'preparation' ? null : new Date(LATER))
        const before = counts()
        // Adopting needs its publication step (adoption.server.ts, tested there): here one that publishes nothing.
        const moved = moveDraftStage(d, { to, closesAt: LATER }, people.coordinator, NOW, () => ({
          ok: true,
          value: {},
        }))
        if (stageMoves[from].includes(to)) {
          expect(moved, `${from} → ${to}`).toEqual({ ok: true, value: { from, to } })
          expect(getDraft(d.id)!.stage).toBe(to)
        } else {
          expect(moved, `${from} → ${to}`).toEqual({ ok: false, error: 'stageMoveNotAllowed' })
          expect(counts()).toEqual(before)
        }
      }
  })

  it('opens the consultation until its closing date, audited, mailing the working group but the mover', () => {
    const d = freshDraft()
    const mark = lastMailId()
    const before = counts()
    expect(moveDraftStage(d, { to: 'consultation', closesAt: LATER }, people.coordinator, NOW)).toEqual({
      ok: true,
      value: { from: 'preparation', to: 'consultation' },
    })
    const after = getDraft(d.id)!
    expect(after.consultationClosesAt).toEqual(new Date(LATER))
    expect(after.stageChangedAt).toEqual(NOW)
    expect(lastAudit()).toMatchObject({
      actorId: people.coordinator.id,
      action: 'draft.stage',
      targetId: String(d.id),
      details: JSON.stringify({ from: 'preparation', to: 'consultation', closesAt: LATER.replace('Z', '.000Z') }),
    })
    expect(counts().audit - before.audit).toBe(1)
    // The two editors (one Arabic, one English); the coordinator moved it and is not told.
    const mails = mailsSince(mark)
    expect(mails.map((m) => [m.toAddress, m.locale]).sort()).toEqual(
      [
        [getDraft(d.id)!.editors.find((e) => e.id === people.editor.id)!.email, 'ar'],
        [getDraft(d.id)!.editors.find((e) => e.id === people.secondEditor.id)!.email, 'en'],
      ].sort(),
    )
    if (textsLoaded) {
      expect(mails.find((m) => m.locale === 'ar')!.subject).toBe(
        'فُتحت المشاورة: القانون النموذجي لمكافحة تمويل الإرهاب',
      )
      expect(mails.find((m) => m.locale === 'en')!.textBody).toContain(`/en/drafts/${d.id}`)
    }
  })

  it('tells the coordinator in charge when someone else (another coordinator) moves it', () => {
    const d = forceStage(freshDraft({ editorIds: [] }).id, 'consultation', new Date(LATER))
    const mark = lastMailId()
    expect(moveDraftStage(d, { to: 'revision' }, people.otherCoordinator, NOW).ok).toBe(true)
    expect(mailsSince(mark).map((m) => m.locale)).toEqual(['en'])
  })

  it.each([
    ['without a closing date', {}, 'closingDateRequired'],
    ['with a closing date in the past', { closesAt: '2030-05-31T12:00:00Z' }, 'closingDateInPast'],
    ['with a closing date of now', { closesAt: NOW.toISOString() }, 'closingDateInPast'],
    ['with a closing date that is not a date', { closesAt: 'next week' }, 'dateTimeInvalid'],
  ])('refuses to open the consultation %s, and writes nothing', (_, input, error) => {
    const d = freshDraft()
    const before = counts()
    expect(moveDraftStage(d, { to: 'consultation', ...input }, people.coordinator, NOW)).toEqual({ ok: false, error })
    expect(counts()).toEqual(before)
    expect(getDraft(d.id)!.stage).toBe('preparation')
  })

  it('a second round (revision → consultation) needs a new closing date in the future too', () => {
    const d = forceStage(freshDraft().id, 'revision', new Date('2030-05-15T00:00:00Z'))
    expect(moveDraftStage(d, { to: 'consultation' }, people.coordinator, NOW)).toEqual({
      ok: false,
      error: 'closingDateRequired',
    })
    expect(moveDraftStage(d, { to: 'consultation', closesAt: LATER }, people.coordinator, NOW).ok).toBe(true)
    expect(getDraft(d.id)!.consultationClosesAt).toEqual(new Date(LATER))
  })

  it('does not make the same move twice when two people move from the same page', () => {
    const d = freshDraft()
    expect(moveDraftStage(d, { to: 'withdrawn' }, people.coordinator, NOW).ok).toBe(true)
    const before = counts()
    // `d` still says "preparation": the second move is refused by the stage it was read in.
    expect(moveDraftStage(d, { to: 'consultation', closesAt: LATER }, people.coordinator, NOW)).toEqual({
      ok: false,
      error: 'stageMoveNotAllowed',
    })
    expect(counts()).toEqual(before)
  })

  it('refuses a stage that does not exist', () => {
    expect(moveDraftStage(freshDraft(), { to: 'published' }, people.coordinator, NOW)).toEqual({
      ok: false,
      error: 'invalidChoice',
    })
  })
})

describe('the working group', () => {
  it('adds an editor (audited, told in their language) and removes one (audited)', () => {
    const d = freshDraft({ editorIds: [] })
    const newcomer = addUser(people.iraq, 'member', 'ar')
    const mark = lastMailId()
    expect(addEditor(d, { userId: String(newcomer.id) }, people.coordinator)).toEqual({ ok: true, value: undefined })
    expect(getDraft(d.id)!.editorIds).toEqual([newcomer.id])
    expect(lastAudit()).toMatchObject({ action: 'draft.editor_add', details: JSON.stringify({ userId: newcomer.id }) })
    expect(mailsSince(mark).map((m) => m.locale)).toEqual(['ar'])
    expect(removeEditor(getDraft(d.id)!, { userId: newcomer.id }, people.coordinator)).toEqual({
      ok: true,
      value: undefined,
    })
    expect(getDraft(d.id)!.editorIds).toEqual([])
    expect(lastAudit()).toMatchObject({ action: 'draft.editor_remove' })
  })

  it('refuses an editor twice, an unknown or inactive account, a non-editor’s removal, a final draft', () => {
    const d = freshDraft({ editorIds: [people.editor.id] })
    const retired = addUser(null)
    getDb().update(user).set({ isActive: false }).where(eq(user.id, retired.id)).run()
    const before = counts()
    expect(addEditor(d, { userId: people.editor.id }, people.coordinator)).toEqual({
      ok: false,
      error: 'alreadyEditor',
    })
    expect(addEditor(d, { userId: 999_999 }, people.coordinator)).toEqual({ ok: false, error: 'userUnknown' })
    expect(addEditor(d, { userId: retired.id }, people.coordinator)).toEqual({ ok: false, error: 'userUnknown' })
    expect(addEditor(d, { userId: 'x' }, people.coordinator)).toEqual({ ok: false, error: 'invalidChoice' })
    expect(removeEditor(d, { userId: people.leadMember.id }, people.coordinator)).toEqual({
      ok: false,
      error: 'notAnEditor',
    })
    const closed = forceStage(d.id, 'withdrawn', null)
    expect(addEditor(closed, { userId: people.leadMember.id }, people.coordinator)).toEqual({
      ok: false,
      error: 'draftClosed',
    })
    expect(counts()).toEqual(before)
  })
})

describe('getDraft', () => {
  it('answers null for a draft that does not exist', () => {
    expect(getDraft(999_999)).toBeNull()
  })
})
