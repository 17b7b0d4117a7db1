/** Only http(s) addresses with a host: a `javascript:` or `data:` link must never reach a page. */
export function isWebAddress(value: string) {
  if (!/^https?:\/\/[^\s]+\.[^\s]+$/i.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}
