// What coordinators do with a meeting's participants (attendance, messages, the CSV export) and a member's
// "my meetings".
import { beforeAll, describe, expect, it } from 'vitest'
import { inviteToMeeting } from './invitations.server'
import { register } from './registration.server'
import {
  exportParticipantsCsv,
  listMyMeetings,
  listParticipants,
  messageParticipants,
  setAttendance,
} from './participants.server'
import { addMeeting, addNetwork, addUser, base, inPerson, lastMailTo, type Person } from './registration.test-helpers'

let qatar: number
let jordan: number
let coordinator: Person
beforeAll(() => ({ qatar, jordan, coordinator } = addNetwork()))

describe('participants', () => {
  it('marks attendance, messages participants in their language, exports a safe CSV and lists "my meetings"', async () => {
    const id = addMeeting({ capacity: 1, titleEn: '', titleAr: 'اجتماع التنسيق' })
    const amal = addUser('ar', qatar, 'member', 'أمل الكواري')
    const evil = addUser('en', jordan, 'member', '=HYPERLINK("http://evil.example","x")')
    await register(id, amal, { ...inPerson, accessibilityNeeds: '@wheelchair' })
    await register(id, evil, inPerson)

    // Only coordinators reach this (requireManagedMeeting: guards.server.test.ts).
    expect(
      setAttendance(
        id,
        [
          { userId: amal.id, attended: true },
          { userId: evil.id, attended: true },
        ],
        coordinator,
      ),
    ).toBe(1)
    expect(setAttendance(id, [{ userId: amal.id, attended: true }], coordinator)).toBe(0)
    expect(listParticipants(id).find((p) => p.userId === amal.id)!.attended).toBe(true)

    expect(
      await messageParticipants(
        id,
        { subject: 'Agenda', body: 'See the agenda.', includeWaitlisted: false },
        coordinator,
        { baseUrl: base },
      ),
    ).toBe(1)
    const message = lastMailTo(amal.email)!
    expect(message.subject).toBe('Agenda — بشأن «اجتماع التنسيق»')
    expect(message.textBody).toMatch(/^رسالة من منسقي «اجتماع التنسيق»/)
    expect(message.textBody).toContain('See the agenda.')
    expect(message.textBody).toContain(`${base}/ar/meetings/${id}`)
    expect(await messageParticipants(id, { subject: 'Agenda', body: 'x', includeWaitlisted: true }, coordinator)).toBe(
      2,
    )

    const csv = exportParticipantsCsv(id)
    expect(csv.startsWith('\uFEFFname,email,parliament_en,parliament_ar,state,')).toBe(true)
    expect(csv).toContain('أمل الكواري')
    expect(csv).toContain('مجلس الشورى القطري')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(csv).toContain(",'@wheelchair,")
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m)

    const other = addMeeting({ visibility: 'invitation' })
    await inviteToMeeting(other, { parliamentIds: [qatar], userIds: [] }, coordinator)
    const mine = listMyMeetings(amal)
    expect(mine.invitations.map((m) => m.id)).toContain(other)
    expect(mine.invitations.map((m) => m.id)).not.toContain(id)
    expect(mine.upcoming.find((m) => m.id === id)).toMatchObject({ registrationState: 'confirmed' })
    expect(mine.past).toEqual([])
  })
})
