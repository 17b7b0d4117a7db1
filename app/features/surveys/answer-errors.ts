// Every refusal of answering a questionnaire (issue 16, decision 011): the codes of response.server.ts,
// proposal.server.ts and the answer form's checks. Their words are `surveys:answer.errors.<code>`.
export const answerErrorCodes = [
  // The response as a whole.
  'surveyNotOpen',
  'deadlinePassed',
  'alreadySubmitted',
  'notSubmitted',
  'staleRevision',
  'incomplete',
  'invalidAnswers',
  // One answer.
  'required',
  'numberInvalid',
  'numberTooSmall',
  'numberTooLarge',
  'scaleInvalid',
  'optionUnknown',
  'tooManyOptions',
  'choiceInvalid',
  'dateInvalid',
  'tooLong',
  'invalidCharacters',
  'matrixIncomplete',
  'fileMissing',
  'fileRefused',
  'mechanismUnknown',
  'mechanismKindRequired',
  'mechanismNameRequired',
  'mechanismYearInvalid',
  // The review of new mechanisms.
  'proposalNotFound',
  'proposalDecided',
  'pillarRequired',
] as const
export type AnswerError = (typeof answerErrorCodes)[number]

export const answerErrorKey = (code: AnswerError) => `answer.errors.${code}` as const

/** Whether a string is one of these codes (a form's message coming back); anything else reads as 'invalidAnswers'. */
export function asAnswerError(message: string | undefined): AnswerError {
  return (answerErrorCodes as readonly string[]).includes(message ?? '') ? (message as AnswerError) : 'invalidAnswers'
}
