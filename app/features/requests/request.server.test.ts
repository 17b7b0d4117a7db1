import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  assistanceRequest,
  assistanceRequestEvent,
  assistanceRequestFile,
  assistanceRequestMessage,
  assistanceRequestNote,
  assistanceRequestOutput,
  assistanceRequestTopic,
  meeting,
  parliament,
  pendingUpload,
  resource,
  user,
} from '#db/schema/index'
import type { RequestState, Role } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { canWithdrawRequest, requestTransitions } from './states'
import type { RequestInput } from './schemas'
import { canManageRequests, canViewRequest, type RequestViewer } from './access.server'
import {
  listRequestMessages,
  listRequestNotes,
  listRequestOutputs,
  linkRequestOutput,
  postRequestMessage,
  postRequestNote,
  unlinkRequestOutput,
} from './thread.server'
import {
  addRequestFiles,
  assignRequest,
  createRequest,
  getRequest,
  getRequestFile,
  listAssignableUsers,
  listRequestEvents,
  listRequests,
  moveRequest,
  UploadGoneError,
  withdrawRequest,
} from './request.server'
import { createPendingUpload } from '~/utils/pending-upload.server'

const DAY = 24 * 3600 * 1000

type Person = { id: number; role: Role; parliamentId: number | null; name: string }

let n = 0
function addUser(
  parliamentId: number | null,
  role: Role = 'member',
  values: Partial<typeof user.$inferInsert> = {},
): Person {
  n++
  return getDb()
    .insert(user)
    .values({ email: `person${n}@example.org`, name: `Person ${n}`, role, parliamentId, passwordHash: 'x', ...values })
    .returning({ id: user.id, role: user.role, parliamentId: user.parliamentId, name: user.name })
    .get()
}

function addParliament(nameEn: string, nameAr: string, countryCode: string) {
  return getDb()
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode,
      chamber: 'single',
      nameEn,
      nameAr,
      region: 'middle_east_north_africa',
      joinedAt: '2021-12-13',
    })
    .returning({ id: parliament.id })
    .get().id
}

function addResource(state: 'draft' | 'submitted' | 'published', titleEn: string) {
  return getDb().insert(resource).values({ type: 'report', titleEn, state }).returning({ id: resource.id }).get().id
}

function addMeeting(state: 'draft' | 'published' | 'cancelled' | 'completed', titleEn: string) {
  const startsAt = new Date(Date.now() + 30 * DAY)
  return getDb()
    .insert(meeting)
    .values({
      kind: 'workshop',
      format: 'hybrid',
      titleEn,
      city: 'Doha',
      timeZone: 'Asia/Qatar',
      startsAt,
      endsAt: new Date(startsAt.getTime() + DAY),
      year: startsAt.getUTCFullYear(),
      state,
    })
    .returning({ id: meeting.id })
    .get().id
}

/** A pending upload row for this user (the bytes themselves do not matter to the model). */
function addPendingUpload(userId: number, name = 'brief.pdf') {
  return createPendingUpload({ sha256: 'a'.repeat(64), size: 1234, mediaType: 'application/pdf' }, userId, name)
}

function input(overrides: Partial<RequestInput> = {}): RequestInput {
  return {
    programmeId: null,
    kind: 'legislative_drafting',
    subject: 'Review of the draft law on terrorism financing',
    need: 'A written review of the draft before its second reading.',
    pillars: [2],
    resolutions: ['2462'],
    themes: ['terrorism_financing', 'legislation_oversight'],
    desiredFrom: '2030-04-01',
    desiredTo: '2030-04-30',
    languages: ['ar', 'en'],
    attachments: [],
    ...overrides,
  }
}

const tables = {
  request: assistanceRequest,
  topic: assistanceRequestTopic,
  file: assistanceRequestFile,
  event: assistanceRequestEvent,
  message: assistanceRequestMessage,
  note: assistanceRequestNote,
  output: assistanceRequestOutput,
  pending: pendingUpload,
}

/** How many rows each request table holds. */
function counts() {
  const db = getDb()
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      db
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .get()!.n,
    ]),
  ) as Record<keyof typeof tables, number>
}

function rowOf(id: number) {
  return getDb().select().from(assistanceRequest).where(eq(assistanceRequest.id, id)).get()!
}

let qatar: number
let oman: number
let member: Person
let colleague: Person
let otherMember: Person
let homeless: Person
let coordinator: Person
let admin: Person
let retired: Person

beforeAll(() => {
  qatar = addParliament('Shura Council of Qatar', 'مجلس الشورى القطري', 'QA')
  oman = addParliament('Council of Oman', 'مجلس عُمان', 'OM')
  member = addUser(qatar)
  colleague = addUser(qatar)
  otherMember = addUser(oman)
  homeless = addUser(null)
  coordinator = addUser(null, 'coordinator')
  admin = addUser(null, 'admin')
  retired = addUser(null, 'coordinator', { isActive: false })
})

const newRequest = (
  overrides: Partial<RequestInput> = {},
  by: { id: number; parliamentId: number } = { id: member.id, parliamentId: qatar },
) => createRequest(input(overrides), by).id

describe('createRequest', () => {
  it('writes the request, its topics and the first step of its history', () => {
    const before = counts()
    const at = new Date('2030-01-15T09:00:00Z')
    const id = createRequest(input(), { id: member.id, parliamentId: qatar }, at).id
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

  it('with an unknown attachment throws UploadGoneError and writes nothing', () => {
    const good = addPendingUpload(member.id)
    const before = counts()
    expect(() => newRequest({ attachments: [good.id, 'z'.repeat(32)] })).toThrow(UploadGoneError)
    expect(() => newRequest({ attachments: ['../../etc/passwd'] })).toThrow(UploadGoneError)
    expect(counts()).toEqual(before)
    // The good upload is still the member's, ready for the next try.
    expect(getDb().select().from(pendingUpload).where(eq(pendingUpload.id, good.id)).get()).toMatchObject({
      userId: member.id,
    })
  })

  it('refuses another user’s pending upload (even a colleague’s) and writes nothing', () => {
    const theirs = addPendingUpload(colleague.id)
    const before = counts()
    expect(() => newRequest({ attachments: [theirs.id] })).toThrow(UploadGoneError)
    expect(counts()).toEqual(before)
    expect(getDb().select().from(pendingUpload).where(eq(pendingUpload.id, theirs.id)).get()).toMatchObject({
      userId: colleague.id,
    })
  })

  it('refuses an upload already used', () => {
    const once = addPendingUpload(member.id)
    newRequest({ attachments: [once.id] })
    const before = counts()
    expect(() => newRequest({ attachments: [once.id] })).toThrow(UploadGoneError)
    expect(counts()).toEqual(before)
  })

  it('addRequestFiles adds files later, on the same terms', () => {
    const id = newRequest()
    const later = addPendingUpload(member.id, 'annex.pdf')
    const theirs = addPendingUpload(otherMember.id)
    const before = counts()
    expect(() => addRequestFiles(id, [later.id, theirs.id], member.id)).toThrow(UploadGoneError)
    expect(counts()).toEqual(before)
    addRequestFiles(id, [later.id], member.id)
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
          allowed ? { ok: true, from } : { ok: false, error: 'stateNotAllowed' },
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
    expect(moveRequest(declined, 'under_review', coordinator.id, 'ignored')).toEqual({ ok: true, from: 'submitted' })
    expect(rowOf(declined).declineReason).toBeNull()
    expect(moveRequest(declined, 'declined', coordinator.id, 'The programme does not cover elections.')).toEqual({
      ok: true,
      from: 'under_review',
    })
    expect(rowOf(declined)).toMatchObject({
      state: 'declined',
      declineReason: 'The programme does not cover elections.',
    })
    expect(moveRequest(declined, 'accepted', coordinator.id, null)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(rowOf(declined).declineReason).toBe('The programme does not cover elections.')
  })
})

describe('the thread', () => {
  it('takes messages on an open request, oldest first, with their authors', () => {
    const id = newRequest()
    expect(postRequestMessage(id, member.id, 'When could you start?')).toEqual({ ok: true })
    expect(postRequestMessage(id, coordinator.id, 'In April.')).toEqual({ ok: true })
    expect(listRequestMessages(id)).toEqual([
      expect.objectContaining({ body: 'When could you start?', authorId: member.id, authorRole: 'member' }),
      expect.objectContaining({ body: 'In April.', authorId: coordinator.id, authorRole: 'coordinator' }),
    ])
  })

  it('refuses a message on a closed request (declined or completed) and writes no row', () => {
    const declined = newRequest()
    moveRequest(declined, 'declined', coordinator.id, 'Outside the mandate')
    const completed = newRequest()
    for (const to of ['under_review', 'accepted', 'completed'] as const)
      moveRequest(completed, to, coordinator.id, null)
    const before = counts()
    expect(postRequestMessage(declined, member.id, 'But why?')).toEqual({ ok: false, error: 'requestClosed' })
    expect(postRequestMessage(completed, coordinator.id, 'One more thing')).toEqual({
      ok: false,
      error: 'requestClosed',
    })
    expect(postRequestMessage(999_999, member.id, 'Anyone?')).toEqual({ ok: false, error: 'requestClosed' })
    expect(counts()).toEqual(before)
    expect(listRequestMessages(declined)).toEqual([])
  })

  it('keeps internal notes in their own table: listRequestMessages never returns one', () => {
    const id = newRequest()
    postRequestMessage(id, member.id, 'A public question')
    const before = counts()
    postRequestNote(id, coordinator.id, 'Internal: check the budget line first')
    const after = counts()
    expect(after.note - before.note).toBe(1)
    expect(after.message).toBe(before.message)
    expect(listRequestMessages(id).map((m) => m.body)).toEqual(['A public question'])
    expect(JSON.stringify(listRequestMessages(id))).not.toContain('Internal')
    expect(listRequestNotes(id)).toEqual([expect.objectContaining({ body: 'Internal: check the budget line first' })])
    // Notes may be written on a closed request (the office keeps working notes).
    moveRequest(id, 'declined', coordinator.id, 'Outside the mandate')
    postRequestNote(id, coordinator.id, 'Declined after talking to the secretary-general')
    expect(listRequestNotes(id)).toHaveLength(2)
    expect(listRequestMessages(id)).toHaveLength(1)
  })
})

describe('who sees a request', () => {
  let qatarRequest: number
  let omanRequest: number

  beforeAll(() => {
    qatarRequest = newRequest({ subject: 'Qatar’s request' })
    omanRequest = newRequest({ subject: 'Oman’s request' }, { id: otherMember.id, parliamentId: oman })
  })

  const ids = (viewer: RequestViewer) => {
    const all: number[] = []
    for (let page = 1; ; page++) {
      const { rows } = listRequests(viewer, { page })
      if (!rows.length) return all
      all.push(...rows.map((r) => r.id))
    }
  }

  it('canViewRequest: its parliament’s members and the coordinators, nobody else', () => {
    const r = { parliamentId: qatar }
    expect(canViewRequest(r, member)).toBe(true)
    expect(canViewRequest(r, colleague)).toBe(true)
    expect(canViewRequest(r, otherMember)).toBe(false)
    expect(canViewRequest(r, homeless)).toBe(false)
    expect(canViewRequest(r, null)).toBe(false)
    expect(canViewRequest(r, coordinator)).toBe(true)
    expect(canViewRequest(r, admin)).toBe(true)
    expect(canManageRequests(member)).toBe(false)
    expect(canManageRequests(coordinator)).toBe(true)
    expect(canManageRequests(null)).toBe(false)
  })

  it('listRequests shows the same: a member sees their parliament’s requests only', () => {
    const colleagueSees = ids(colleague)
    expect(colleagueSees).toContain(qatarRequest)
    expect(colleagueSees).not.toContain(omanRequest)
    const omaniSees = ids(otherMember)
    expect(omaniSees).toContain(omanRequest)
    expect(omaniSees).not.toContain(qatarRequest)
    expect(ids(homeless)).toEqual([])
    expect(ids(null)).toEqual([])
    expect(listRequests(homeless).total).toBe(0)
  })

  it('a coordinator sees them all, and the totals agree with the lists', () => {
    const all = ids(coordinator)
    expect(all).toEqual(expect.arrayContaining([qatarRequest, omanRequest]))
    expect(listRequests(coordinator).total).toBe(all.length)
    expect(listRequests(admin).total).toBe(all.length)
    const qatarTotal = listRequests(member).total
    expect(qatarTotal).toBe(ids(member).length)
    expect(qatarTotal + listRequests(otherMember).total).toBe(all.length)
    expect(
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(assistanceRequest)
        .get()!.n,
    ).toBe(all.length)
  })

  it('filters by state within what the viewer sees', () => {
    const rows = listRequests(member, { state: 'submitted' }).rows
    expect(rows.every((r) => r.state === 'submitted')).toBe(true)
    expect(rows.map((r) => r.id)).toContain(qatarRequest)
    expect(listRequests(otherMember, { state: 'submitted' }).rows.map((r) => r.id)).not.toContain(qatarRequest)
  })
})

describe('assignRequest', () => {
  it('puts an active coordinator or admin in charge, and refuses anyone else', () => {
    const id = newRequest()
    expect(listAssignableUsers().map((u) => u.id)).toEqual(expect.arrayContaining([coordinator.id, admin.id]))
    expect(listAssignableUsers().map((u) => u.id)).not.toContain(member.id)
    expect(listAssignableUsers().map((u) => u.id)).not.toContain(retired.id)

    expect(assignRequest(id, member.id)).toBe(false)
    expect(assignRequest(id, retired.id)).toBe(false)
    expect(assignRequest(id, 999_999)).toBe(false)
    expect(rowOf(id).assigneeId).toBeNull()

    expect(assignRequest(id, coordinator.id)).toBe(true)
    expect(getRequest(id)!.assignee).toEqual({
      name: coordinator.name,
      email: expect.stringContaining('@'),
      locale: 'en',
    })
    expect(rowOf(id).assigneeId).toBe(coordinator.id)
    expect(assignRequest(id, member.id)).toBe(false)
    expect(rowOf(id).assigneeId).toBe(coordinator.id)
    expect(assignRequest(id, admin.id)).toBe(true)
    expect(rowOf(id).assigneeId).toBe(admin.id)
    expect(assignRequest(id, null)).toBe(true)
    expect(rowOf(id).assigneeId).toBeNull()
  })
})

describe('outputs', () => {
  let draftResource: number
  let submittedResource: number
  let publishedResource: number
  let draftMeeting: number
  let publishedMeeting: number
  let completedMeeting: number

  beforeAll(() => {
    draftResource = addResource('draft', 'Draft guide')
    submittedResource = addResource('submitted', 'Guide under review')
    publishedResource = addResource('published', 'Published guide')
    draftMeeting = addMeeting('draft', 'Draft workshop')
    publishedMeeting = addMeeting('published', 'Workshop on drafting')
    completedMeeting = addMeeting('completed', 'Past workshop')
  })

  it('refuses a resource or a meeting the requester could not open, and writes nothing', () => {
    const id = newRequest()
    const before = counts()
    expect(linkRequestOutput(id, { kind: 'resource', id: draftResource })).toEqual({
      ok: false,
      error: 'outputUnknown',
    })
    expect(linkRequestOutput(id, { kind: 'resource', id: submittedResource })).toEqual({
      ok: false,
      error: 'outputUnknown',
    })
    expect(linkRequestOutput(id, { kind: 'resource', id: 999_999 })).toEqual({ ok: false, error: 'outputUnknown' })
    expect(linkRequestOutput(id, { kind: 'meeting', id: draftMeeting })).toEqual({ ok: false, error: 'outputUnknown' })
    expect(linkRequestOutput(id, { kind: 'meeting', id: 999_999 })).toEqual({ ok: false, error: 'outputUnknown' })
    expect(counts()).toEqual(before)
  })

  it('links published ones, once each however often', () => {
    const id = newRequest()
    expect(linkRequestOutput(id, { kind: 'resource', id: publishedResource })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'resource', id: publishedResource })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'meeting', id: publishedMeeting })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'meeting', id: publishedMeeting })).toEqual({ ok: true })
    expect(linkRequestOutput(id, { kind: 'meeting', id: completedMeeting })).toEqual({ ok: true })
    const outputs = listRequestOutputs(id)
    expect(outputs.map((o) => [o.kind, o.targetId, o.title.en])).toEqual([
      ['resource', publishedResource, 'Published guide'],
      ['meeting', publishedMeeting, 'Workshop on drafting'],
      ['meeting', completedMeeting, 'Past workshop'],
    ])
    expect(
      getDb().select().from(assistanceRequestOutput).where(eq(assistanceRequestOutput.requestId, id)).all(),
    ).toHaveLength(3)
    // The same item may be the output of another request too.
    const other = newRequest()
    expect(linkRequestOutput(other, { kind: 'resource', id: publishedResource })).toEqual({ ok: true })
    expect(listRequestOutputs(other)).toHaveLength(1)
  })

  it('unlinks an output only within its own request', () => {
    const id = newRequest()
    const other = newRequest()
    linkRequestOutput(id, { kind: 'resource', id: publishedResource })
    const [output] = listRequestOutputs(id)
    expect(unlinkRequestOutput(other, output!.id)).toBe(false)
    expect(listRequestOutputs(id)).toHaveLength(1)
    expect(unlinkRequestOutput(id, output!.id)).toBe(true)
    expect(listRequestOutputs(id)).toEqual([])
    expect(unlinkRequestOutput(id, output!.id)).toBe(false)
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
        allowed ? { ok: true, from } : { ok: false, error: 'stateNotAllowed' },
      )
      expect(rowOf(id).state).toBe(allowed ? 'withdrawn' : from)
      expect(listRequestEvents(id).length).toBe(events + (allowed ? 1 : 0))
    }
    expect(['submitted', 'under_review', 'accepted'].every((s) => canWithdrawRequest(s as RequestState))).toBe(true)
  })

  it('leaves a withdrawn request closed to messages and to every coordinator move', () => {
    const id = newRequest()
    expect(withdrawRequest(id, member.id)).toEqual({ ok: true, from: 'submitted' })
    expect(postRequestMessage(id, member.id, 'Sorry, one more thing')).toEqual({ ok: false, error: 'requestClosed' })
    for (const to of Object.keys(requestTransitions) as RequestState[]) {
      expect(moveRequest(id, to, coordinator.id, 'x')).toEqual({ ok: false, error: 'stateNotAllowed' })
    }
  })
})
