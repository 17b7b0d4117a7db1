// Decision 011: every refusal of the drafts feature, and where its text is. The drafts' own refusals are
// `drafts:errors.<code>`; the generic form checks its schemas share with other forms keep their common wording.
export const errorCodes = [
  // The drafts' own.
  'draftNotFound',
  'draftClosed',
  'stageMoveNotAllowed',
  'closingDateRequired',
  'closingDateInPast',
  'leadRequired',
  'parliamentUnknown',
  'coordinatorUnknown',
  'userUnknown',
  'alreadyEditor',
  'notAnEditor',
  'provisionNotInDraft',
  'notAllowedHere',
  'cannotMove',
  'tooManyProvisions',
  'textRequired',
  'staleRevision',
  'languageUnknown',
  'versionNotFound',
  'wIdTaken',
  // The consultation: comments and amendments (comment.server.ts, amendment.server.ts).
  'consultationClosed',
  'outsideConsultationScope',
  'workingGroupOnly',
  'commentRequired',
  'commentNotFound',
  'threadResolved',
  'justificationRequired',
  'amendmentNotFound',
  'amendmentNotOpen',
  'notProposer',
  'amendmentOutdated',
  'reasonRequired',
  // An Akoma Ntoso file to start a draft from (akn-import.server.ts).
  'aknNotXml',
  'aknNotAkomaNtoso',
  'aknNoBody',
  'aknTooLarge',
  'aknTooManyProvisions',
  'aknInvalid',
  // Shared with every form (common:validation.<code>).
  'required',
  'tooLong',
  'invalidChoice',
  'invalidCharacters',
  'invalid',
  'titleOneLanguage',
  'dateTimeInvalid',
] as const
export type DraftsError = (typeof errorCodes)[number]

const common = new Set<DraftsError>([
  'required',
  'tooLong',
  'invalidChoice',
  'invalidCharacters',
  'invalid',
  'titleOneLanguage',
  'dateTimeInvalid',
])

export const errorKey = (code: DraftsError) =>
  common.has(code) ? (`common:validation.${code}` as const) : (`drafts:errors.${code}` as const)

/** Whether a zod message (a schema's) is one of these codes; anything else is reported as 'invalid'. */
export function asDraftsError(message: string | undefined): DraftsError {
  return (errorCodes as readonly string[]).includes(message ?? '') ? (message as DraftsError) : 'invalid'
}
