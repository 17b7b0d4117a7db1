// Decision 011: every refusal of building and sending questionnaires (survey.server.ts, send.server.ts), and where
// its text is. The builder's own are `surveys:errors.<code>`; the generic form checks keep their common wording.
export const errorCodes = [
  // The questionnaire and its parts.
  'surveyNotFound',
  'surveyClosed',
  'sectionNotFound',
  'questionNotFound',
  'optionNotFound',
  'tooManySections',
  'tooManyQuestions',
  'tooManyOptions',
  'textOneLanguage',
  'optionsRequired',
  'rowsRequired',
  'optionLabelOneLanguage',
  'boundsOrder',
  'numberInvalid',
  'cannotMove',
  'sectionNotEmpty',
  // What answers already given forbid.
  'questionAnswered',
  'kindLocked',
  'optionAnswered',
  // Display conditions.
  'conditionInvalid',
  'conditionNotEarlier',
  'conditionValueUnknown',
  'usedInCondition',
  'conditionOrder',
  // Sending.
  'noQuestions',
  'noParliaments',
  'parliamentUnknown',
  'regionRequired',
  'kindRequired',
  'deadlineRequired',
  'deadlineInPast',
  'reminderDaysInvalid',
  // Shared with every form (common:validation.<code>).
  'required',
  'tooLong',
  'invalidChoice',
  'invalidCharacters',
  'invalid',
  'titleOneLanguage',
  'parliamentRequired',
  'dateInvalid',
] as const
export type SurveysError = (typeof errorCodes)[number]

const common = new Set<SurveysError>([
  'required',
  'tooLong',
  'invalidChoice',
  'invalidCharacters',
  'invalid',
  'titleOneLanguage',
  'parliamentRequired',
  'dateInvalid',
])

export const errorKey = (code: SurveysError) =>
  common.has(code) ? (`common:validation.${code}` as const) : (`surveys:errors.${code}` as const)

/** Whether a zod message (a schema's) is one of these codes; anything else is reported as 'invalid'. */
export function asSurveysError(message: string | undefined): SurveysError {
  return (errorCodes as readonly string[]).includes(message ?? '') ? (message as SurveysError) : 'invalid'
}
