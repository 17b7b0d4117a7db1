// Inviting parliaments and members to a meeting (mailing each invitee once, in their language), the invitation
// lists and counts, and withdrawing an invitation.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { meeting, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

import {
  inviteToMeeting,
  isInvited,
  listInvitableParliaments,
  listInvitations,
  listInviteeUsers,
  mailInvitees,
  searchInvitableUsers,
  uninvite,
} from './invitations.server'
import { register } from './registration.server'
import {
  addMeeting,
  addNetwork,
  addUser,
  base,
  DAY,
  inPerson,
  lastMailTo,
  mailsTo,
  stateOf,
  type Person,
} from './registration.test-helpers'

let qatar: number
let jordan: number
let coordinator: Person
beforeAll(() => ({ qatar, jordan, coordinator } = addNetwork()))

describe('invitations', () => {
  it('invites a parliament (its active accounts) and chosen members, mailing each new invitee once in their language', async () => {
    const id = addMeeting({ visibility: 'invitation', registrationDeadline: new Date(Date.now() + 20 * DAY) })
    const amal = addUser('ar', qatar)
    const john = addUser('en', qatar)
    const inactive = addUser('en', qatar)
    getDb().update(user).set({ isActive: false }).where(eq(user.id, inactive.id)).run()
    const other = addUser('en', jordan)

    const result = await inviteToMeeting(id, { parliamentIds: [qatar, 999_999], userIds: [other.id] }, coordinator, {
      baseUrl: base,
    })
    expect(result).toEqual({ ok: true, value: { added: 2, mailed: 3 } })
    expect(
      listInviteeUsers(id)
        .map((u) => u.id)
        .sort(),
    ).toEqual([amal.id, john.id, other.id].sort())
    expect(isInvited(id, amal)).toBe(true)
    expect(isInvited(id, { id: 12345, parliamentId: null })).toBe(false)

    const toAmal = lastMailTo(amal.email)!
    expect(toAmal.locale).toBe('ar')
    expect(toAmal.subject).toBe('دعوة: ورشة عمل بشأن الضحايا')
    expect(toAmal.textBody).toContain(`${base}/ar/meetings/${id}`)
    expect(toAmal.textBody).toContain('Asia/Qatar')
    expect(toAmal.textBody).toContain('يُرجى التسجيل في موعد أقصاه')
    expect(lastMailTo(john.email)!.subject).toBe('Invitation: Workshop on victims')
    expect(lastMailTo(john.email)!.textBody).toContain(`${base}/en/meetings/${id}`)
    expect(mailsTo(inactive.email)).toHaveLength(0)

    // Inviting again mails nobody twice; a new member of the parliament is an invitee at once.
    const again = await inviteToMeeting(id, { parliamentIds: [qatar], userIds: [amal.id] }, coordinator, {
      baseUrl: base,
    })
    expect(again).toEqual({ ok: true, value: { added: 1, mailed: 0 } })
    expect(mailsTo(amal.email)).toHaveLength(1)

    await register(id, amal, inPerson, { baseUrl: base })
    const { invitations, totals } = listInvitations(id)
    const byParliament = invitations.find((i) => i.parliamentId === qatar)!
    expect(byParliament).toMatchObject({ nameEn: 'Shura Council of Qatar', invitees: 2, registered: 1, notAnswered: 1 })
    expect(totals).toEqual({ invitees: 3, registered: 1, notAnswered: 2 })
    expect(listInvitableParliaments(id, 'ar').find((p) => p.id === qatar)).toMatchObject({
      accounts: 2,
      invitationId: byParliament.id,
    })
    expect(searchInvitableUsers(id, other.email.slice(0, 7)).map((u) => u.id)).toContain(other.id)
    expect(searchInvitableUsers(id, '%')).toEqual([])

    expect(uninvite(id, byParliament.id, coordinator)).toBe(true)
    expect(uninvite(id, byParliament.id, coordinator)).toBe(false)
    expect(isInvited(id, john)).toBe(false)
    // Amal's registration is kept; she is still invited directly.
    expect(stateOf(id, amal.id)).toBe('confirmed')
  })

  it('mails a draft meeting’s invitees only when it is published, and refuses invitations to a cancelled meeting', async () => {
    const id = addMeeting({ state: 'draft' })
    const member = addUser('en', jordan)
    expect(await inviteToMeeting(id, { parliamentIds: [], userIds: [member.id] }, coordinator)).toEqual({
      ok: true,
      value: { added: 1, mailed: 0 },
    })
    expect(mailsTo(member.email)).toHaveLength(0)
    getDb().update(meeting).set({ state: 'published' }).where(eq(meeting.id, id)).run()
    expect(await mailInvitees(id, { baseUrl: base })).toBe(1)
    expect(lastMailTo(member.email)!.subject).toBe('Invitation: Workshop on victims')

    const cancelled = addMeeting({ state: 'cancelled' })
    expect(await inviteToMeeting(cancelled, { parliamentIds: [qatar], userIds: [] }, coordinator)).toEqual({
      ok: false,
      error: 'closed',
    })
  })
})
