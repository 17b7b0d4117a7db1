// Every refusal of threads, posts, proposals and moderation (decision 011): the text is `groups:thread.errors.<code>`.
export const threadErrors = [
  'titleRequired',
  'titleTooLong',
  'postEmpty',
  'postTooLong',
  'mentionUnknown',
  'quoteNotInThread',
  'proposalTooLong',
  'closesInvalid',
  'closesInPast',
  'notAuthor',
  'editWindowPassed',
  'postHidden',
  'alreadyFlagged',
  'proposalClosed',
  'proposalNotClosed',
  'outcomeRequired',
  'reasonRequired',
  'reasonTooLong',
  'notHidden',
  'postNotFound',
] as const
export type ThreadError = (typeof threadErrors)[number]
