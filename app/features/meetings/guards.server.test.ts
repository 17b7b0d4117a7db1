// Who may do what to a meeting's registrations is the guards' to say, before the models are called: a member
// changes only their own registration; approving, declining, attendance and messages are for coordinators.
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession, generateSessionToken } from '~/utils/session.server'
import {
  requireManagedMeeting,
  requireMeeting,
  requireMeetingManager,
  requireRegistrationChange,
} from './guards.server'
import { addMeeting, addNetwork, addUser, type Person } from './registration.test-helpers'

let coordinator: Person
beforeAll(() => ({ coordinator } = addNetwork()))

/** A request signed in as `who` (a session row and its cookie), or a visitor's. */
function requestOf(who: Person | null) {
  const headers = new Headers()
  if (who) {
    const token = generateSessionToken()
    createSession(token, who.id)
    headers.set('Cookie', `session=${token}`)
  }
  return new Request('http://localhost/en/meetings/1/participants', { headers })
}

/** The status of the response `fn` throws (a redirect to sign in is a 302). */
function thrownStatus(fn: () => unknown) {
  try {
    fn()
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
  return null
}

describe('meeting guards', () => {
  it('let a member change only their own registration; a coordinator anyone’s', () => {
    const member = addUser('en', null)
    const other = addUser('en', null)
    expect(thrownStatus(() => requireRegistrationChange(member, other.id))).toBe(403)
    expect(thrownStatus(() => requireRegistrationChange(member, member.id))).toBeNull()
    expect(thrownStatus(() => requireRegistrationChange(coordinator, member.id))).toBeNull()
  })

  it('keep approving, declining, attendance and messages for coordinators (members 403, visitors sign in)', () => {
    const id = String(addMeeting())
    const member = addUser('en', null)
    expect(thrownStatus(() => requireManagedMeeting(requestOf(member), id))).toBe(403)
    expect(thrownStatus(() => requireMeetingManager(requestOf(member)))).toBe(403)
    expect(thrownStatus(() => requireManagedMeeting(requestOf(null), id))).toBe(302)
    expect(requireManagedMeeting(requestOf(coordinator), id)).toMatchObject({
      user: { id: coordinator.id },
      meeting: { id: Number(id) },
    })
  })

  it('answer 404 for a meeting that does not exist and for anything but a positive id', () => {
    for (const bad of ['999999', '0', '-1', '1.5', 'abc', '', undefined]) {
      expect(
        thrownStatus(() => requireMeeting(bad)),
        String(bad),
      ).toBe(404)
    }
  })
})
