import { redirect } from '@remix-run/node'
import { getConfig } from './config.server'

/** Keys of messages that can be flashed after a redirect (rendered with t('flash.<key>')). */
export const flashKeys = [
  'signedIn',
  'signedOut',
  'profileSaved',
  'passwordChanged',
  'invitationSent',
  'welcome',
  'resetSent',
  'roleChanged',
  'userDeactivated',
  'userReactivated',
  'parliamentSaved',
  'mechanismSaved',
  'resourceSaved',
  'resourceSubmitted',
  'resourcePublished',
  'resourceReturned',
  'fileAdded',
  'fileRemoved',
  'resourceDeleted',
  'meetingSaved',
  'meetingPublished',
  'meetingCancelled',
  'meetingCompleted',
  'outcomePublished',
  'sessionSaved',
  'sessionDeleted',
  'documentLinked',
  'documentUnlinked',
  'invitationsSent',
  'invitationRemoved',
  'registered',
  'registrationPending',
  'waitlisted',
  'registrationCancelled',
  'registrationUpdated',
  'participantsMessaged',
  'attendanceSaved',
  'calendarFeedCreated',
  'calendarFeedRevoked',
  'programmeSaved',
  'requestSubmitted',
  'requestUpdated',
  'requestAssigned',
  'messagePosted',
  'notePosted',
  'outputLinked',
  'outputUnlinked',
  'partnerSaved',
  'initiativeLinked',
  'initiativeUnlinked',
  'groupJoined',
  'groupLeft',
  'requestWithdrawn',
  'draftCreated',
  'draftImported',
  'draftSaved',
  'draftEditorAdded',
  'draftEditorRemoved',
  'draftStageMoved',
  'provisionAdded',
  'provisionMoved',
  'provisionDeleted',
  'provisionSaved',
  'commentPosted',
  'commentReplied',
  'commentResolved',
  'commentReopened',
  'amendmentProposed',
  'amendmentWithdrawn',
  'amendmentAccepted',
  'amendmentRejected',
  'versionSaved',
] as const
export type FlashKey = (typeof flashKeys)[number]

const COOKIE = 'flash'

// The attributes of the session cookie: in production the flash too travels over HTTPS only.
function attributes() {
  return `Path=/; HttpOnly; SameSite=Lax${getConfig().NODE_ENV === 'production' ? '; Secure' : ''}`
}

export function redirectWithFlash(url: string, key: FlashKey, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', `${COOKIE}=${key}; ${attributes()}; Max-Age=60`)
  return redirect(url, { status: 303, headers })
}

/** The flash waiting for this request (only known keys) and the header that clears it. */
export function readFlash(request: Request): { flash: FlashKey | null; clear: string | null } {
  const match = /(?:^|;\s*)flash=([a-zA-Z]+)/.exec(request.headers.get('Cookie') ?? '')
  if (!match) return { flash: null, clear: null }
  const key = flashKeys.find((k) => k === match[1]) ?? null
  return { flash: key, clear: `${COOKIE}=; ${attributes()}; Max-Age=0` }
}
