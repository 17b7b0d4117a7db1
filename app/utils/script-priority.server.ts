import { Transform, type TransformCallback } from 'node:stream'

// Remix's <Scripts> preloads every module of the page with <link rel="modulepreload">, which Chromium fetches at
// High priority, beside the stylesheets and the font: on a slow connection ≈150 KB of script then shares the line
// with what the first paint needs, and the server-rendered page (which works before it hydrates) shows later.
// `fetchpriority="low"` lets the browser take the stylesheets and the font first and the scripts right after; they
// are still fetched in parallel, early, without the waterfall of imports that dropping the preloads would bring.
// <Scripts> has no prop for it, so the document gets the attribute on its way out.

const preload = Buffer.from('<link rel="modulepreload" href=')
const lowPreload = Buffer.from('<link rel="modulepreload" fetchpriority="low" href=')

/** A stream that passes the HTML through, giving each module preload `fetchpriority="low"`. */
export function lowerModulePreloadPriority(): Transform {
  // The end of the previous chunk that may be the start of a tag split across two chunks.
  let carry: Buffer = Buffer.alloc(0)
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback: TransformCallback) {
      const input = carry.length ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk)
      const { output, rest } = rewrite(input)
      carry = rest
      callback(null, output)
    },
    flush(callback: TransformCallback) {
      callback(null, carry)
    },
  })
}

/** The chunk rewritten, minus a tail that could be the beginning of a split tag (kept for the next chunk). */
export function rewrite(input: Buffer): { output: Buffer; rest: Buffer } {
  const parts: Buffer[] = []
  let from = 0
  for (let at = input.indexOf(preload, from); at !== -1; at = input.indexOf(preload, from)) {
    parts.push(input.subarray(from, at), lowPreload)
    from = at + preload.length
  }
  // Hold back the longest tail that is a prefix of the tag (ASCII: never cuts a UTF-8 character in two).
  let keep = Math.min(preload.length - 1, input.length - from)
  while (keep > 0 && !input.subarray(input.length - keep).equals(preload.subarray(0, keep))) keep--
  parts.push(input.subarray(from, input.length - keep))
  return { output: Buffer.concat(parts), rest: Buffer.from(input.subarray(input.length - keep)) }
}
