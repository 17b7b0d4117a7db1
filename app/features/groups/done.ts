// The confirmations of the groups pages (`?done=<key>`, POST/redirect/GET), in the words of `groups:done.<key>`.
export const doneKeys = [
  'groupCreated',
  'groupSaved',
  'joined',
  'asked',
  'left',
  'accepted',
  'declined',
  'roleChanged',
  'removed',
] as const
export type DoneKey = (typeof doneKeys)[number]

/** The confirmation an address asks for, if it is one of ours. */
export function readDone(url: string | URL): DoneKey | null {
  const value = new URL(url).searchParams.get('done')
  return (doneKeys as readonly string[]).includes(value ?? '') ? (value as DoneKey) : null
}

export function withDone(path: string, key: DoneKey) {
  return `${path}${path.includes('?') ? '&' : '?'}done=${key}`
}
