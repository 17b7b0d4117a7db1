// A coordinator's changes to a meeting as a whole, with all that follows from them: saving the form frees seats
// and tells the registrants of a new time or venue; a move of state mails the invitees or the registrants. Each
// commits with its audit rows and its queued mails in one transaction (the mails go out after the commit).
import type { MeetingState } from '#db/enums'
import type { Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { MeetingsError } from './errors'
import { mailInvitees } from './invitations.server'
import { setMeetingState, updateMeeting, type MeetingRow } from './meeting.server'
import { notifyMeetingCancelled, notifyMeetingChanged } from './notices.server'
import { fillFreeSeats } from './registration.server'
import type { MeetingInput } from './schemas'

type Options = {
  /** The site's address for the links in the mails (PUBLIC_URL or the local default otherwise). */
  baseUrl?: string
}

/** Saves the meeting's form. More seats (or no limit any more): the waiting list moves up, and those promoted are told. */
export function saveMeeting(m: MeetingRow, input: MeetingInput, actor: { id: number }, options: Options = {}) {
  atomically((tx) => {
    const change = updateMeeting(m.id, input, actor)
    fillFreeSeats(m.id, options)
    if (change && (change.time || change.venue) && m.state === 'published') {
      notifyMeetingChanged(tx, m.id, change, options)
    }
  })
}

/**
 * Moves the meeting to another state. Cancelling a published meeting tells its registrants; publishing mails the
 * invitations made while it was a draft, now that invitees can open it.
 */
export function moveMeeting(
  m: MeetingRow,
  to: MeetingState,
  actor: { id: number },
  options: Options = {},
): Result<{ from: MeetingState }, Extract<MeetingsError, 'moveNotAllowed'>> {
  const wasPublished = m.state === 'published'
  return atomically((tx) => {
    const moved = setMeetingState(m.id, to, actor)
    if (!moved.ok) return moved
    if (to === 'cancelled' && wasPublished) notifyMeetingCancelled(tx, m.id, options)
    if (to === 'published') mailInvitees(m.id, options)
    return moved
  })
}
