// A coordinator's changes to a meeting commit with their audit rows and mails: saving frees seats and tells the
// registrants of a new time; a move mails the invitees (publish) or the registrants (cancel); a move refused
// writes nothing.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, meetingInvitation, outbox } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { meetingInput } from './agenda.test-helpers'
import { moveMeeting, saveMeeting } from './meeting-changes.server'
import { getMeeting } from './meeting.server'
import { register } from './registration.server'
import { addMeeting, addUser, base, inPerson, lastMailTo, mailsTo, stateOf } from './registration.test-helpers'

let coordinator: ReturnType<typeof addUser>
beforeAll(() => (coordinator = addUser('en', null, 'coordinator')))

const auditsOf = (meetingId: number) =>
  getDb()
    .select({ action: auditEvent.action, actorId: auditEvent.actorId, details: auditEvent.details })
    .from(auditEvent)
    .where(eq(auditEvent.targetId, String(meetingId)))
    .orderBy(auditEvent.id)
    .all()
    .filter((a) => a.action.startsWith('meeting.'))
    .map((a) => [a.action, a.actorId, a.details && (JSON.parse(a.details) as unknown)])
const mailCount = () => getDb().select().from(outbox).all().length

describe('meeting changes', () => {
  it('publishing a draft mails its invitees, with the audit row; a move not allowed writes nothing', () => {
    const id = addMeeting({ state: 'draft' })
    const invitee = addUser('en', null)
    getDb().insert(meetingInvitation).values({ meetingId: id, userId: invitee.id, invitedById: coordinator.id }).run()

    expect(moveMeeting(getMeeting(id)!, 'published', coordinator, { baseUrl: base })).toEqual({
      ok: true,
      value: { from: 'draft' },
    })
    expect(getMeeting(id)!.state).toBe('published')
    expect(lastMailTo(invitee.email)!.subject).toBe('Invitation: Workshop on victims')
    expect(auditsOf(id)).toEqual([['meeting.published', coordinator.id, { from: 'draft' }]])

    const mails = mailCount()
    expect(moveMeeting(getMeeting(id)!, 'published', coordinator)).toEqual({ ok: false, error: 'moveNotAllowed' })
    expect(auditsOf(id)).toHaveLength(1)
    expect(mailCount()).toBe(mails)
  })

  it('cancelling a published meeting tells its registrants', () => {
    const id = addMeeting({ publishedAt: new Date() })
    const member = addUser('ar', null)
    register(id, member, inPerson)
    const before = mailsTo(member.email).length
    expect(moveMeeting(getMeeting(id)!, 'cancelled', coordinator, { baseUrl: base }).ok).toBe(true)
    expect(mailsTo(member.email)).toHaveLength(before + 1)
    expect(auditsOf(id).at(-1)).toEqual(['meeting.cancelled', coordinator.id, { from: 'published' }])
  })

  it('saving more seats promotes the waitlist and tells the registrants of a new time, each audited', () => {
    const id = addMeeting({ capacity: 1, publishedAt: new Date() })
    const first = addUser('en', null)
    const second = addUser('en', null)
    register(id, first, inPerson)
    register(id, second, inPerson, { now: new Date(Date.now() + 1000) })
    expect(stateOf(id, second.id)).toBe('waitlisted')
    const firstMails = mailsTo(first.email).length

    const input = { ...meetingInput('Asia/Qatar', '2031-12-13T09:00', '2031-12-15T17:00'), capacity: 2 }
    saveMeeting(getMeeting(id)!, input, coordinator, { baseUrl: base })
    expect(stateOf(id, second.id)).toBe('confirmed')
    expect(lastMailTo(first.email)!.textBody).toContain(`${base}/en/meetings/${id}`)
    expect(mailsTo(first.email)).toHaveLength(firstMails + 1)
    expect(
      auditsOf(id)
        .slice(-2)
        .map(([action]) => action),
    ).toEqual(['meeting.update', 'meeting.registration.promote'])
  })
})
