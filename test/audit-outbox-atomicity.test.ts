import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import {
  auditEvent,
  meeting,
  meetingInvitation,
  meetingRegistration,
  memberGroupMembership,
  outbox,
  resource,
  user,
} from '#db/schema/index'
import { addMeeting, addUser } from './calendar-helper'
import { getDb } from '~/utils/db.server'
import { MeetingFormSchema } from '~/features/meetings/schemas'
import { ResourceFormSchema } from '~/features/library/schemas'
import { changePassword } from '../app/features/accounts/user.server'
import { createMeeting, setMeetingState, updateMeeting } from '../app/features/meetings/meeting.server'
import { inviteToMeeting } from '../app/features/meetings/invitations.server'
import { register } from '../app/features/meetings/registration.server'
import { joinGroup } from '../app/features/women-youth/member-group.server'
import { createResource, getResource } from '../app/features/library/resource.server'
import { transitionResource } from '../app/features/library/workflow.server'

// Issue 12, item 20: a change, its audit row and its mails are one transaction. Each test makes the audit row (or
// the outbox row) fail inside SQLite, as a crash or a full disk would at that point, and finds the change absent.

const sqlite = () => getDb().$client
function failing(table: 'audit_event' | 'outbox') {
  sqlite().exec(
    `CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'simulated ${table} failure'); END`,
  )
}
afterEach(() => {
  sqlite().exec('DROP TRIGGER IF EXISTS fail_audit_event; DROP TRIGGER IF EXISTS fail_outbox')
})

const count = (
  table: typeof meeting | typeof auditEvent | typeof outbox | typeof meetingRegistration | typeof meetingInvitation,
) => getDb().select().from(table).all().length

const meetingInput = () => {
  const parsed = MeetingFormSchema.safeParse({
    kind: 'coordination_meeting',
    format: 'hybrid',
    titleEn: 'Coordination meeting',
    city: 'Doha',
    countryCode: 'qa',
    onlineUrl: 'https://meet.example.org/x',
    timeZone: 'Asia/Qatar',
    startsAt: '2031-12-13T09:00',
    endsAt: '2031-12-15T17:00',
    visibility: 'public',
  })
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
  return parsed.data
}
const future = () => ({
  startsAt: new Date(Date.now() + 30 * 86_400_000),
  endsAt: new Date(Date.now() + 31 * 86_400_000),
})
const inPerson = { attendanceMode: 'in_person' as const, interpretation: [], accessibilityNeeds: '', dietaryNeeds: '' }

describe('no change without its audit row', () => {
  it('a meeting is not created, edited or moved when its audit row fails', () => {
    const coordinator = addUser()
    const id = createMeeting(meetingInput(), coordinator)
    const meetings = count(meeting)
    failing('audit_event')
    expect(() => createMeeting(meetingInput(), coordinator)).toThrow('simulated audit_event failure')
    expect(count(meeting)).toBe(meetings)
    expect(() => updateMeeting(id, { ...meetingInput(), city: 'Amman' }, coordinator)).toThrow('simulated')
    expect(getDb().select().from(meeting).where(eq(meeting.id, id)).get()!.city).toBe('Doha')
    expect(() => setMeetingState(id, 'published', coordinator)).toThrow('simulated')
    expect(getDb().select().from(meeting).where(eq(meeting.id, id)).get()!.state).toBe('draft')
  })

  it('a registration, a group membership and a password stay as they were', async () => {
    const m = addMeeting(future())
    const member = addUser()
    failing('audit_event')
    await expect(async () =>
      register(m.id, { id: member.id, role: 'member', parliamentId: null }, inPerson),
    ).rejects.toThrow('simulated')
    expect(getDb().select().from(meetingRegistration).where(eq(meetingRegistration.meetingId, m.id)).all()).toEqual([])
    expect(() => joinGroup(member.id, 'women')).toThrow('simulated')
    expect(
      getDb().select().from(memberGroupMembership).where(eq(memberGroupMembership.userId, member.id)).all(),
    ).toEqual([])
    await expect(changePassword(member.id, 'a brand new passphrase')).rejects.toThrow('simulated')
    expect(getDb().select({ hash: user.passwordHash }).from(user).where(eq(user.id, member.id)).get()!.hash).toBe('!')
  })

  it('a resource does not move to review', () => {
    const author = getDb()
      .insert(user)
      .values({ email: 'author-atomic@example.org', name: 'A', role: 'member', passwordHash: 'x' })
      .returning()
      .get()
    const parsed = ResourceFormSchema.safeParse({
      type: 'report',
      titleAr: 'تقرير',
      summaryAr: 'ملخص',
      languages: ['ar'],
      visibility: 'public',
      intent: 'draft',
      pillars: [2],
      externalUrl: 'https://www.un.org/counterterrorism/',
    })
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
    const { id } = createResource(parsed.data, author, 'draft')
    const mails = count(outbox)
    failing('audit_event')
    expect(() =>
      transitionResource({
        resource: getResource(id)!,
        transition: 'submit',
        actor: author,
        link: 'https://parlnet.example.org/en/resources/1',
      }),
    ).toThrow('simulated')
    expect(getDb().select({ state: resource.state }).from(resource).where(eq(resource.id, id)).get()!.state).toBe(
      'draft',
    )
    expect(count(outbox)).toBe(mails)
  })
})

describe('no change without its mail', () => {
  it('a registration whose confirmation cannot be queued is not made, nor audited', async () => {
    const m = addMeeting(future())
    const member = addUser()
    const audits = count(auditEvent)
    failing('outbox')
    await expect(async () =>
      register(m.id, { id: member.id, role: 'member', parliamentId: null }, inPerson),
    ).rejects.toThrow('simulated outbox failure')
    expect(getDb().select().from(meetingRegistration).where(eq(meetingRegistration.meetingId, m.id)).all()).toEqual([])
    expect(count(auditEvent)).toBe(audits)
  })

  it('invitations whose mails cannot be queued are not made, nor audited', () => {
    const m = addMeeting(future())
    const coordinator = addUser()
    const invitee = addUser()
    const audits = count(auditEvent)
    failing('outbox')
    expect(() => inviteToMeeting(m.id, { parliamentIds: [], userIds: [invitee.id] }, coordinator)).toThrow(
      'simulated outbox failure',
    )
    expect(getDb().select().from(meetingInvitation).where(eq(meetingInvitation.meetingId, m.id)).all()).toEqual([])
    expect(count(auditEvent)).toBe(audits)
  })

  it('with nothing failing, the change, its audit row and its mail are all there', () => {
    const m = addMeeting(future())
    const member = addUser()
    const audits = count(auditEvent)
    const mails = count(outbox)
    expect(register(m.id, { id: member.id, role: 'member', parliamentId: null }, inPerson)).toMatchObject({
      ok: true,
      value: { state: 'confirmed' },
    })
    expect(count(auditEvent)).toBe(audits + 1)
    expect(count(outbox)).toBe(mails + 1)
  })
})
