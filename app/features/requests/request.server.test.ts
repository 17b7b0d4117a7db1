// The request's model: creating one with its attachments, moving it through the workflow, assigning it and
// withdrawing it.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { assistanceRequest, assistanceRequestFile, pendingUpload } from '#db/schema/index'
import type { RequestState } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { canWithdrawRequest, requestTransitions } from './states'
import type { RequestInput } from './schemas'
import { postRequestMessage } from './thread.server'
import {
  addRequestFiles,
  assignRequest,
  createRequest,
  getRequest,
  getRequestFile,
  listAssignableUsers,
  listRequestEvents,
  moveRequest,
  withdrawRequest,
} from './request.server'
import { addPeople, addPendingUpload, addRequest, counts, input, rowOf, type Person } from './request.test-helpers'

let qatar: number
let member: Person
let colleague: Person
let otherMember: Person
let coordinator: Person
let admin: Person
let retired: Person

beforeAll(() => {
  ;({ qatar, member, colleague, otherMember, coordinator, admin, retired } = addPeople())
})

const newRequest = (
  overrides: Partial<RequestInput> = {},
  by: { id: number; parliamentId: number } = { id: member.id, parliamentId: qatar },
) => addRequest(by, overrides)
const tryRequest = (overrides: Partial<RequestInput>) =>
  createRequest(input(overrides), { id: member.id, parliamentId: qatar })
const gone = { ok: false, error: 'uploadGone' }

describe('createRequest', () => {
  it('writes the request, its topics and the first step of its history', () => {
    const before = counts()
    const at = new Date('2030-01-15T09:00:00Z')
    const created = createRequest(input(), { id: member.id, parliamentId: qatar }, at)
    if (!created.ok) throw new Error(created.error)
    const id = created.value.id
    const after = counts()
    expect(after.request - before.request).toBe(1)
    expect(after.topic - before.topic).toBe(4)
    expect(after.event - before.event).toBe(1)
    expect(after.file).toBe(before.file)

    expect(getRequest(id)).toMatchObject({
      parliamentId: qatar,
      requesterId: member.id,
      state: 'submitted',
      submittedAt: at,
      stateChangedAt: at,
      declineReason: null,
      assigneeId: null,
      desiredFrom: '2030-04-01',
      desiredTo: '2030-04-30',
      pillars: [2],
      resolutions: ['2462'],
      themes: ['legislation_oversight', 'terrorism_financing'],
      languages: ['ar', 'en'],
      parliamentName: { en: 'Shura Council of Qatar', ar: 'مجلس الشورى القطري' },
      requester: { name: expect.any(String), email: expect.any(String), locale: 'en' },
      assignee: null,
      programmeTitle: null,
      files: [],
    })
    expect(listRequestEvents(id)).toEqual([
      expect.objectContaining({ fromState: null, toState: 'submitted', createdAt: at }),
    ])
  })

  it('moves the requester’s pending uploads onto the request', () => {
    const first = addPendingUpload(member.id, 'draft-law.pdf')
    const second = addPendingUpload(member.id, 'مذكرة.pdf')
    const before = counts()
    const id = newRequest({ attachments: [first.id, second.id] })
    const after = counts()
    expect(after.file - before.file).toBe(2)
    expect(after.pending - before.pending).toBe(-2)
    const files = getRequest(id)!.files
    expect(files.map((f) => f.originalName)).toEqual(['draft-law.pdf', 'مذكرة.pdf'])
    expect(getRequestFile(files[0]!.id)).toMatchObject({
      requestId: id,
      parliamentId: qatar,
      sha256: 'a'.repeat(64),
      size: 1234,
      mediaType: 'application/pdf',
    })
    expect(
      getDb().select().from(assistanceRequestFile).where(eq(assistanceRequestFile.id, files[1]!.id)).get(),
    ).toMatchObject({ uploadedById: member.id })
  })

  it('with an unknown attachment refuses it (uploadGone) and writes nothing', () => {
    const good = addPendingUpload(member.id)
    const before = counts()
    expect(tryRequest({ attachments: [good.id, 'z'.repeat(32)] })).toEqual(gone)
    expect(tryRequest({ attachments: ['../../etc/passwd'] })).toEqual(gone)
    expect(counts()).toEqual(before)
    // The good upload is still the member's, ready for the next try.
    expect(getDb().select().from(pendingUpload).where(eq(pendingUpload.id, good.id)).get()).toMatchObject({
      userId: member.id,
    })
  })

  it('refuses another user’s pending upload (even a colleague’s) and writes nothing', () => {
    const theirs = addPendingUpload(colleague.id)
    const before = counts()
    expect(tryRequest({ attachments: [theirs.id] })).toEqual(gone)
    expect(counts()).toEqual(before)
    expect(getDb().select().from(pendingUpload).where(eq(pendingUpload.id, theirs.id)).get()).toMatchObject({
      userId: colleague.id,
    })
  })

  it('refuses an upload already used', () => {
    const once = addPendingUpload(member.id)
    newRequest({ attachments: [once.id] })
    const before = counts()
    expect(tryRequest({ attachments: [once.id] })).toEqual(gone)
    expect(counts()).toEqual(before)
  })

  it('addRequestFiles adds files later, on the same terms', () => {
    const id = newRequest()
    const later = addPendingUpload(member.id, 'annex.pdf')
    const theirs = addPendingUpload(otherMember.id)
    const before = counts()
    expect(addRequestFiles(id, [later.id, theirs.id], member.id)).toEqual(gone)
    expect(counts()).toEqual(before)
    expect(addRequestFiles(id, [later.id], member.id)).toEqual({ ok: true })
    expect(getRequest(id)!.files.map((f) => f.originalName)).toEqual(['annex.pdf'])
  })
})

describe('moveRequest', () => {
  it('refuses a move the workflow does not allow, and writes nothing', () => {
    const id = newRequest()
    const before = counts()
    const row = rowOf(id)
    expect(moveRequest(id, 'accepted', coordinator.id, null)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(moveRequest(id, 'completed', coordinator.id, null)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(moveRequest(id, 'submitted', coordinator.id, null)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(moveRequest(999_999, 'under_review', coordinator.id, null)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(counts()).toEqual(before)
    expect(rowOf(id)).toEqual(row)
  })

  it('follows requestTransitions from every state, and adds an event at each move', () => {
    const states = Object.keys(requestTransitions) as RequestState[]
    for (const from of states) {
      for (const to of states) {
        // Put a fresh request into `from` directly, then try the move.
        const id = newRequest()
        getDb().update(assistanceRequest).set({ state: from }).where(eq(assistanceRequest.id, id)).run()
        const events = listRequestEvents(id).length
        const result = moveRequest(id, to, coordinator.id, to === 'declined' ? 'Outside the mandate' : null)
        const allowed = requestTransitions[from].includes(to)
        expect(result, `${from} → ${to}`).toEqual(
          allowed ? { ok: true, value: { from } } : { ok: false, error: 'stateNotAllowed' },
        )
        expect(rowOf(id).state).toBe(allowed ? to : from)
        expect(listRequestEvents(id).length).toBe(events + (allowed ? 1 : 0))
      }
    }
  })

  it('walks the whole way, with its history and the time of the last change', () => {
    const id = newRequest({}, { id: colleague.id, parliamentId: qatar })
    const steps: RequestState[] = ['under_review', 'accepted', 'in_progress', 'completed']
    steps.forEach((to, i) => {
      expect(moveRequest(id, to, coordinator.id, null, new Date(Date.UTC(2030, 1, i + 1)))).toMatchObject({ ok: true })
    })
    expect(rowOf(id)).toMatchObject({
      state: 'completed',
      stateChangedAt: new Date(Date.UTC(2030, 1, 4)),
      declineReason: null,
    })
    expect(listRequestEvents(id).map((e) => [e.fromState, e.toState])).toEqual([
      [null, 'submitted'],
      ['submitted', 'under_review'],
      ['under_review', 'accepted'],
      ['accepted', 'in_progress'],
      ['in_progress', 'completed'],
    ])
    expect(listRequestEvents(id).map((e) => e.actorName)).toEqual([
      colleague.name,
      ...steps.map(() => coordinator.name),
    ])
    // Closed: nowhere else to go.
    expect(moveRequest(id, 'in_progress', coordinator.id, null)).toEqual({ ok: false, error: 'stateNotAllowed' })
  })

  it('keeps the reason of a decline, and only of a decline', () => {
    const declined = newRequest()
    expect(moveRequest(declined, 'under_review', coordinator.id, 'ignored')).toEqual({
      ok: true,
      value: { from: 'submitted' },
    })
    expect(rowOf(declined).declineReason).toBeNull()
    expect(moveRequest(declined, 'declined', coordinator.id, 'The programme does not cover elections.')).toEqual({
      ok: true,
      value: { from: 'under_review' },
    })
    expect(rowOf(declined)).toMatchObject({
      state: 'declined',
      declineReason: 'The programme does not cover elections.',
    })
    expect(moveRequest(declined, 'accepted', coordinator.id, null)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(rowOf(declined).declineReason).toBe('The programme does not cover elections.')
  })
})

describe('assignRequest', () => {
  it('puts an active coordinator or admin in charge, and refuses anyone else', () => {
    const id = newRequest()
    expect(listAssignableUsers().map((u) => u.id)).toEqual(expect.arrayContaining([coordinator.id, admin.id]))
    expect(listAssignableUsers().map((u) => u.id)).not.toContain(member.id)
    expect(listAssignableUsers().map((u) => u.id)).not.toContain(retired.id)

    expect(assignRequest(id, member.id)).toEqual({ ok: false, error: 'invalidChoice' })
    expect(assignRequest(id, retired.id)).toEqual({ ok: false, error: 'invalidChoice' })
    expect(assignRequest(id, 999_999)).toEqual({ ok: false, error: 'invalidChoice' })
    expect(rowOf(id).assigneeId).toBeNull()

    expect(assignRequest(id, coordinator.id)).toEqual({ ok: true })
    expect(getRequest(id)!.assignee).toEqual({
      name: coordinator.name,
      email: expect.stringContaining('@'),
      locale: 'en',
    })
    expect(rowOf(id).assigneeId).toBe(coordinator.id)
    expect(assignRequest(id, member.id)).toEqual({ ok: false, error: 'invalidChoice' })
    expect(rowOf(id).assigneeId).toBe(coordinator.id)
    expect(assignRequest(id, admin.id)).toEqual({ ok: true })
    expect(rowOf(id).assigneeId).toBe(admin.id)
    expect(assignRequest(id, null)).toEqual({ ok: true })
    expect(rowOf(id).assigneeId).toBeNull()
  })
})

describe('withdrawRequest', () => {
  it('closes a request until work starts, with its step in the history; refuses afterwards and writes nothing', () => {
    const states = Object.keys(requestTransitions) as RequestState[]
    for (const from of states) {
      const id = newRequest()
      getDb().update(assistanceRequest).set({ state: from }).where(eq(assistanceRequest.id, id)).run()
      const events = listRequestEvents(id).length
      const allowed = canWithdrawRequest(from)
      expect(withdrawRequest(id, member.id), from).toEqual(
        allowed ? { ok: true, value: { from } } : { ok: false, error: 'stateNotAllowed' },
      )
      expect(rowOf(id).state).toBe(allowed ? 'withdrawn' : from)
      expect(listRequestEvents(id).length).toBe(events + (allowed ? 1 : 0))
    }
    expect(['submitted', 'under_review', 'accepted'].every((s) => canWithdrawRequest(s as RequestState))).toBe(true)
  })

  it('leaves a withdrawn request closed to messages and to every coordinator move', () => {
    const id = newRequest()
    expect(withdrawRequest(id, member.id)).toEqual({ ok: true, value: { from: 'submitted' } })
    expect(postRequestMessage(id, member.id, 'Sorry, one more thing')).toEqual({ ok: false, error: 'requestClosed' })
    for (const to of Object.keys(requestTransitions) as RequestState[]) {
      expect(moveRequest(id, to, coordinator.id, 'x')).toEqual({ ok: false, error: 'stateNotAllowed' })
    }
  })
})
