import { beforeAll, describe, expect, it } from 'vitest'
import {
  assistanceRequest,
  assistanceRequestMessage,
  assistanceRequestOutput,
  assistanceRequestTopic,
  meeting,
  meetingRegistration,
  parliament,
  programme,
  resource,
  user,
} from '#db/schema/index'
import type { RequestState } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { requestsCsv, requestsCsvFileName } from './requests-csv.server'
import {
  daysSince,
  listOpenRequests,
  listRequestsForExport,
  listResourcesAwaitingReview,
  listUpcomingMeetingsWithCounts,
  requestCountsByState,
} from './coordination.server'

const DAY = 86_400_000
const now = new Date('2031-06-15T12:00:00Z')
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY)

let qatar: number
let coordinator: number
let other: number
let member: number
let drafting: number
const ids: Record<string, number> = {}

function addRequest(
  key: string,
  state: RequestState,
  waited: number,
  extra: Partial<typeof assistanceRequest.$inferInsert> = {},
) {
  ids[key] = getDb()
    .insert(assistanceRequest)
    .values({
      parliamentId: qatar,
      requesterId: member,
      kind: 'legislative_drafting',
      subject: key,
      need: 'A review of our draft law.',
      state,
      submittedAt: daysAgo(waited + 5),
      stateChangedAt: daysAgo(waited),
      ...extra,
    })
    .returning()
    .get().id
}

beforeAll(() => {
  const db = getDb()
  qatar = db
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode: 'QA',
      nameEn: 'Shura Council of Qatar',
      nameAr: 'مجلس الشورى القطري',
      region: 'middle_east_north_africa',
    })
    .returning()
    .get().id
  const addUser = (email: string, name: string, role: 'member' | 'coordinator', parliamentId: number | null = null) =>
    db.insert(user).values({ email, name, role, parliamentId, passwordHash: 'x' }).returning().get().id
  coordinator = addUser('c@x.org', 'Coordinator One', 'coordinator')
  other = addUser('c2@x.org', 'Coordinator Two', 'coordinator')
  member = addUser('m@x.org', 'Member of Qatar', 'member', qatar)
  drafting = db
    .insert(programme)
    .values({ kind: 'legislative_drafting', titleEn: 'Legislative drafting', titleAr: 'صياغة التشريعات' })
    .returning()
    .get().id

  addRequest('waiting 3 days', 'submitted', 3)
  addRequest('waiting 20 days', 'under_review', 20, { assigneeId: coordinator, programmeId: drafting })
  addRequest('waiting 8 days', 'in_progress', 8, { assigneeId: other })
  addRequest('accepted today', 'accepted', 0, { assigneeId: coordinator })
  addRequest('completed long ago', 'completed', 90, { assigneeId: coordinator })
  addRequest('declined', 'declined', 40)
  addRequest('=HYPERLINK("http://evil.example")', 'submitted', 1, {
    desiredFrom: '2031-09-01',
    desiredTo: '2031-09-30',
    languages: 'ar,en',
  })

  db.insert(assistanceRequestMessage)
    .values([
      { requestId: ids['waiting 20 days']!, authorId: coordinator, body: 'A question', createdAt: daysAgo(10) },
      { requestId: ids['waiting 20 days']!, authorId: member, body: 'An answer', createdAt: daysAgo(9) },
    ])
    .run()
  const formula = ids['=HYPERLINK("http://evil.example")']!
  db.insert(assistanceRequestTopic)
    .values([
      { requestId: formula, kind: 'theme', value: 'women' },
      { requestId: formula, kind: 'resolution', value: '1325' },
      { requestId: formula, kind: 'pillar', value: '1' },
    ])
    .run()
  const published = db
    .insert(resource)
    .values({ type: 'report', titleEn: 'Published report', state: 'published', authorId: member })
    .returning()
    .get().id
  db.insert(assistanceRequestOutput).values({ requestId: ids['completed long ago']!, resourceId: published }).run()
})

describe('requests by state', () => {
  it('counts every state, zero included', () => {
    expect(requestCountsByState()).toEqual({
      submitted: 2,
      under_review: 1,
      accepted: 1,
      declined: 1,
      in_progress: 1,
      completed: 1,
      withdrawn: 0,
    })
  })
})

describe('the open requests', () => {
  it('lists the open ones, the longest waiting in its state first, never a closed one', () => {
    const rows = listOpenRequests()
    expect(rows.map((r) => r.subject)).toEqual([
      'waiting 20 days',
      'waiting 8 days',
      'waiting 3 days',
      '=HYPERLINK("http://evil.example")',
      'accepted today',
    ])
  })

  it('carries names, programme, the thread size and its last message', () => {
    const row = listOpenRequests().find((r) => r.subject === 'waiting 20 days')!
    expect(row).toMatchObject({
      parliamentNameEn: 'Shura Council of Qatar',
      parliamentNameAr: 'مجلس الشورى القطري',
      requesterName: 'Member of Qatar',
      assigneeName: 'Coordinator One',
      programmeTitleEn: 'Legislative drafting',
      kind: 'legislative_drafting',
      messageCount: 2,
    })
    expect(row.lastMessageAt).toEqual(daysAgo(9))
    expect(row.stateChangedAt).toEqual(daysAgo(20))
    const quiet = listOpenRequests().find((r) => r.subject === 'waiting 3 days')!
    expect(quiet).toMatchObject({ messageCount: 0, lastMessageAt: null, assigneeName: null, programmeTitleEn: null })
  })

  it('keeps only those assigned to a coordinator', () => {
    expect(listOpenRequests({ assigneeId: coordinator }).map((r) => r.subject)).toEqual([
      'waiting 20 days',
      'accepted today',
    ])
    expect(listOpenRequests({ assigneeId: other }).map((r) => r.subject)).toEqual(['waiting 8 days'])
  })

  it('counts whole days in the state', () => {
    expect(daysSince(daysAgo(20), now)).toBe(20)
    expect(daysSince(new Date(now.getTime() - DAY + 1000), now)).toBe(0)
    expect(daysSince(new Date(now.getTime() + DAY), now)).toBe(0)
  })
})

describe('upcoming meetings', () => {
  it('gives published meetings not yet ended, with registrations by state, in one grouped query', () => {
    const db = getDb()
    const add = (
      titleEn: string,
      startsIn: number,
      state: 'published' | 'draft' | 'cancelled',
      capacity: number | null = null,
    ) =>
      db
        .insert(meeting)
        .values({
          kind: 'workshop',
          format: 'in_person',
          titleEn,
          city: 'Doha',
          timeZone: 'Asia/Qatar',
          startsAt: new Date(now.getTime() + startsIn * DAY),
          endsAt: new Date(now.getTime() + startsIn * DAY + 8 * 3600_000),
          year: 2031,
          state,
          capacity,
        })
        .returning()
        .get().id
    const workshop = add('Workshop', 10, 'published', 2)
    const webinar = add('Webinar', 3, 'published')
    add('Draft', 5, 'draft')
    add('Cancelled', 6, 'cancelled')
    add('Past', -4, 'published')
    const states = ['confirmed', 'confirmed', 'waitlisted', 'pending', 'cancelled', 'declined'] as const
    states.forEach((state, i) => {
      const userId = db
        .insert(user)
        .values({ email: `p${i}@x.org`, name: `P${i}`, role: 'member', passwordHash: 'x' })
        .returning()
        .get().id
      db.insert(meetingRegistration)
        .values({ meetingId: workshop, userId, state, attendanceMode: 'in_person', requestedAt: now })
        .run()
    })

    const rows = listUpcomingMeetingsWithCounts(now)
    expect(rows.map((r) => r.titleEn)).toEqual(['Webinar', 'Workshop'])
    expect(rows[0]).toMatchObject({ id: webinar, confirmed: 0, waitlisted: 0, pending: 0, capacity: null })
    expect(rows[1]).toMatchObject({
      id: workshop,
      confirmed: 2,
      waitlisted: 1,
      pending: 1,
      capacity: 2,
      timeZone: 'Asia/Qatar',
    })
  })
})

describe('resources awaiting review', () => {
  it('lists submitted resources oldest first with their author, and the whole queue size beyond the limit', () => {
    const db = getDb()
    expect(listResourcesAwaitingReview(5)).toEqual({ rows: [], total: 0 })
    for (const [title, sentDaysAgo] of [
      ['Newer brief', 1],
      ['Oldest brief', 7],
      ['Middle brief', 3],
    ] as const) {
      db.insert(resource)
        .values({
          type: 'policy_brief',
          titleEn: title,
          state: 'submitted',
          authorId: member,
          submittedAt: daysAgo(sentDaysAgo),
        })
        .run()
    }
    db.insert(resource).values({ type: 'policy_brief', titleEn: 'A draft', state: 'draft', authorId: member }).run()
    const { rows, total } = listResourcesAwaitingReview(2)
    expect(total).toBe(3)
    expect(rows.map((r) => [r.titleEn, r.authorName])).toEqual([
      ['Oldest brief', 'Member of Qatar'],
      ['Middle brief', 'Member of Qatar'],
    ])
  })
})

describe('the CSV export', () => {
  it('has one row per request, with topics in one cell and outputs counted', () => {
    const rows = listRequestsForExport()
    expect(rows).toHaveLength(7)
    const formula = rows.find((r) => r.subject.startsWith('=HYPERLINK'))!
    expect(formula.topics).toEqual([
      { kind: 'pillar', value: '1' },
      { kind: 'resolution', value: '1325' },
      { kind: 'theme', value: 'women' },
    ])
    expect(formula.languages).toEqual(['ar', 'en'])
    expect(rows.find((r) => r.subject === 'completed long ago')!.outputCount).toBe(1)
  })

  it('writes English: a BOM, translated labels, a formula-like subject made safe', () => {
    const csv = requestsCsv(listRequestsForExport(), 'en', now)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(1 + 7)
    expect(lines[0]).toBe(
      'Request,Parliament,Requested by,Programme,Type of support,Subject,Topics,Desired from,Desired until,Languages,State,Assigned to,Submitted,Days in current state,Outputs',
    )
    const formula = lines.find((l) => l.includes('HYPERLINK'))!
    expect(formula).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
    expect(formula).toContain('pillar 1; resolution 1325; theme Women')
    expect(formula).toContain('2031-09-01,2031-09-30,Arabic; English,Submitted')
    const review = lines.find((l) => l.includes('waiting 20 days'))!
    expect(review).toBe(
      `${ids['waiting 20 days']},Shura Council of Qatar,Member of Qatar,Legislative drafting,Legislative drafting and review,waiting 20 days,,,,,Under review,Coordinator One,2031-05-21,20,0`,
    )
  })

  it('writes Arabic headers, states, kinds, topics and names', () => {
    const csv = requestsCsv(listRequestsForExport(), 'ar', now)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['رقم الطلب', 'البرلمان', 'مقدِّم الطلب'])
    const formula = lines.find((l) => l.includes('HYPERLINK'))!
    expect(formula).toContain('الركيزة 1؛ القرار 1325؛ موضوع المرأة')
    expect(formula).toContain('مجلس الشورى القطري')
    expect(formula).toContain('مُقدَّم')
    expect(lines.find((l) => l.includes('waiting 20 days'))).toContain('صياغة التشريعات ومراجعتها')
  })

  it('names the file after the day', () => {
    expect(requestsCsvFileName(now)).toBe('requests-2031-06-15.csv')
  })
})
