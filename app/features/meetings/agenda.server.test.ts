// What the agenda shows each viewer (resources, links to members' profiles), the meeting's documents, and the
// members offered as speakers.
import { eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, meetingInvitation, meetingRegistration, member, resource } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createMeeting } from './meeting.server'
import { getAgenda, listSpeakerChoices } from './agenda.server'
import { createSession } from './sessions.server'
import { linkDocument, listMeetingDocuments, unlinkDocument } from './documents.server'
import { addPeople, addResource, meetingInput, session, type Actor } from './agenda.test-helpers'

let coordinator: Actor
let memberUser: Actor
let shura: number
let amal: number
let hidden: number
let registeredMember: number
let outsider: number

function addMeeting(timeZone: string, startsAt: string, endsAt: string) {
  return createMeeting(meetingInput(timeZone, startsAt, endsAt), coordinator)
}

beforeAll(() => {
  ;({ coordinator, memberUser, shura, amal, hidden, registeredMember, outsider } = addPeople())
})

describe('what each viewer sees', () => {
  let meetingId: number
  let open: number
  let membersOnly: number
  let withdrawn: number
  beforeAll(() => {
    meetingId = addMeeting('Asia/Qatar', '2021-12-13T09:00', '2021-12-15T17:00')
    open = addResource('Open handbook', 'public')
    membersOnly = addResource('Members-only report', 'members')
    withdrawn = addResource('Withdrawn paper', 'public')
    expect(linkDocument(meetingId, open, 'background', coordinator).ok).toBe(true)
    expect(linkDocument(meetingId, membersOnly, 'outcome', coordinator).ok).toBe(true)
    expect(linkDocument(meetingId, withdrawn, 'agenda', coordinator).ok).toBe(true)
    const r = createSession(
      meetingId,
      session({ speakerMemberIds: [hidden, amal], resourceIds: [open, membersOnly, withdrawn] }),
      coordinator,
    )
    expect(r.ok).toBe(true)
    getDb().update(resource).set({ state: 'returned' }).where(eq(resource.id, withdrawn)).run()
  })

  it('a visitor sees public published resources only, and no link to a members-only profile', () => {
    const [s] = getAgenda(meetingId, null)
    expect(s!.resources.map((r) => r.id)).toEqual([open])
    expect(s!.speakers.map((x) => (x.kind === 'member' ? x.memberId : null))).toEqual([null, amal])
    expect(s!.speakers[0]).toMatchObject({ nameEn: 'Hidden Member' })
    const docs = listMeetingDocuments(meetingId, null)
    expect([docs.agenda, docs.background.map((d) => d.id), docs.outcome]).toEqual([[], [open], []])
  })

  it('a member sees members-only resources too, never an unpublished one', () => {
    const [s] = getAgenda(meetingId, memberUser)
    expect(s!.resources.map((r) => r.id)).toEqual([open, membersOnly])
    expect(s!.speakers.map((x) => (x.kind === 'member' ? x.memberId : null))).toEqual([hidden, amal])
    const docs = listMeetingDocuments(meetingId, memberUser)
    expect(docs.outcome.map((d) => d.id)).toEqual([membersOnly])
    expect(docs.agenda).toEqual([])
    expect(getAgenda(meetingId, coordinator)[0]!.resources.map((r) => r.id)).toEqual([open, membersOnly])
  })

  it('links only published resources, changes a role, and unlinks from the sessions too', () => {
    const draft = addResource('Draft', 'public', 'draft')
    expect(linkDocument(meetingId, draft, 'background', coordinator).ok).toBe(false)
    expect(linkDocument(meetingId, 999_999, 'background', coordinator).ok).toBe(false)
    expect(linkDocument(meetingId, open, 'agenda', coordinator).ok).toBe(true)
    expect(listMeetingDocuments(meetingId, null).agenda.map((d) => d.id)).toEqual([open])
    expect(unlinkDocument(meetingId, open, coordinator)).toBe(true)
    expect(unlinkDocument(meetingId, open, coordinator)).toBe(false)
    expect(getAgenda(meetingId, memberUser)[0]!.resources.map((r) => r.id)).toEqual([membersOnly])
    const actions = getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(like(auditEvent.action, 'meeting.document.%'))
      .all()
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['meeting.document.link', 'meeting.document.unlink']),
    )
  })
})

describe('speaker choices', () => {
  it('offers the members of invited parliaments and of registered accounts, and the current speakers', () => {
    const meetingId = addMeeting('Asia/Qatar', '2022-03-01T09:00', '2022-03-01T17:00')
    expect(listSpeakerChoices(meetingId, 'en')).toEqual([])
    getDb().insert(meetingInvitation).values({ meetingId, parliamentId: shura }).run()
    const registeredUserId = getDb()
      .select({ id: member.userId })
      .from(member)
      .where(eq(member.id, registeredMember))
      .get()!.id!
    getDb()
      .insert(meetingRegistration)
      .values({
        meetingId,
        userId: registeredUserId,
        state: 'confirmed',
        attendanceMode: 'online',
        requestedAt: new Date(),
      })
      .run()
    const ids = listSpeakerChoices(meetingId, 'en').map((c) => c.id)
    expect(ids).toEqual([amal, hidden, registeredMember])
    expect(ids).not.toContain(outsider)
    expect(listSpeakerChoices(meetingId, 'ar', [outsider]).map((c) => c.id)).toContain(outsider)
  })
})
