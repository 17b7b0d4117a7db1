// Decision 011: every refusal of the meetings feature, and the one place that says where its text is.
export const errorCodes = [
  'notFound',
  'closed',
  'deadlinePassed',
  'notInvited',
  'modeNotOffered',
  'declined',
  'notRegistered',
  'cannotLink',
  'moveNotAllowed',
] as const
export type MeetingsError = (typeof errorCodes)[number]

// Registration's refusals were written for the register and participants pages (`participation:refused.*`);
// linking a document for the documents page; a move of state has its own.
const keys = {
  notFound: 'participation:refused.notFound',
  closed: 'participation:refused.closed',
  deadlinePassed: 'participation:refused.deadlinePassed',
  notInvited: 'participation:refused.notInvited',
  modeNotOffered: 'participation:refused.modeNotOffered',
  declined: 'participation:refused.declined',
  notRegistered: 'participation:refused.notRegistered',
  cannotLink: 'agenda:documents.cannotLink',
  moveNotAllowed: 'meetings:errors.moveNotAllowed',
} as const satisfies Record<MeetingsError, `${'participation' | 'agenda' | 'meetings'}:${string}`>

export const errorKey = (code: MeetingsError) => keys[code]
