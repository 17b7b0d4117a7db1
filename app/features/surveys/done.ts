// The confirmations of the builder's pages, shown on the page a change redirects to (`?done=<key>`, POST/redirect/GET)
// in the words of `surveys:done.<key>`. Only these keys are shown; anything else in the address is ignored.
export const doneKeys = [
  'surveyCreated',
  'surveySaved',
  'sectionAdded',
  'sectionSaved',
  'sectionMoved',
  'sectionDeleted',
  'questionAdded',
  'questionSaved',
  'questionMoved',
  'questionClosed',
  'questionReopened',
  'questionDeleted',
  'surveySent',
] as const
export type DoneKey = (typeof doneKeys)[number]

/** The confirmation an address asks for, if it is one of ours. */
export function readDone(url: string | URL): DoneKey | null {
  const value = new URL(url).searchParams.get('done')
  return (doneKeys as readonly string[]).includes(value ?? '') ? (value as DoneKey) : null
}

/** `path` (which may end with a #fragment) asking its page to confirm `key`. */
export function withDone(path: string, key: DoneKey) {
  const [base, hash] = path.split('#')
  return `${base}${base!.includes('?') ? '&' : '?'}done=${key}${hash ? `#${hash}` : ''}`
}
