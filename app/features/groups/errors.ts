// Decision 011: every refusal of the groups feature's part 1 (groups and their membership), and where its text is:
// `groups:errors.<code>`, or the common wording of the generic form checks.
export const errorCodes = [
  'alreadyMember',
  'alreadyAsked',
  'requestNotFound',
  'memberNotFound',
  'groupArchived',
  // Shared with every form (common:validation.<code>).
  'required',
  'tooLong',
  'invalidChoice',
  'invalidCharacters',
  'invalid',
  'titleOneLanguage',
] as const
export type GroupsError = (typeof errorCodes)[number]

const common = new Set<GroupsError>([
  'required',
  'tooLong',
  'invalidChoice',
  'invalidCharacters',
  'invalid',
  'titleOneLanguage',
])

export const errorKey = (code: GroupsError) =>
  common.has(code) ? (`common:validation.${code}` as const) : (`groups:errors.${code}` as const)

/** Whether a zod message (a schema's) is one of these codes; anything else is reported as 'invalid'. */
export function asGroupsError(message: string | undefined): GroupsError {
  return (errorCodes as readonly string[]).includes(message ?? '') ? (message as GroupsError) : 'invalid'
}
