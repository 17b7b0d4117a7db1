// Sets of resource ids as the engine combines them: sorted lists (Int32Array, what FTS5 hands out) or bitmaps
// (Uint8Array, bit i of byte i >> 3 for resource i: what bitmaps.server.ts reads), and AND, OR, NOT over both.
import { scratch } from './shared.server'

/** A sorted list of ids, or a bitmap of them. */
export type IdSet = Int32Array | Uint8Array

const isBitmap = (set: IdSet): set is Uint8Array => set instanceof Uint8Array

/** "12,40,41" → Int32Array [12, 40, 41] (group_concat's text: the cheapest way out of SQLite for 50,000 ids). */
export function parseIdList(text: string | null) {
  if (!text) return new Int32Array(0)
  const out = scratch((text.length >> 1) + 1)
  let n = 0
  let v = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 44) {
      out[n++] = v
      v = 0
    } else v = v * 10 + (c - 48)
  }
  out[n++] = v
  return out.slice(0, n)
}

/** Sorted id lists combined: a ∪ b, a ∩ b, a ∖ b. */
export function union(a: Int32Array, b: Int32Array) {
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity
    const y = j < b.length ? b[j]! : Infinity
    out[n++] = x <= y ? x : y
    if (x <= y) i++
    if (y <= x) j++
  }
  return out.subarray(0, n)
}
export function intersect(a: Int32Array, b: Int32Array, keep = true) {
  const out = new Int32Array(keep ? Math.min(a.length, b.length) : a.length)
  let j = 0
  let n = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    while (j < b.length && b[j]! < x) j++
    if ((j < b.length && b[j] === x) === keep) out[n++] = x
  }
  return out.subarray(0, n)
}

const has = (bits: Uint8Array, id: number) => (id >> 3 < bits.length ? (bits[id >> 3]! >> (id & 7)) & 1 : 0) === 1

/** The ids of `list` that are (or, with keep false, are not) in the bitmap. */
function filterList(list: Int32Array, bits: Uint8Array, keep: boolean) {
  const out = new Int32Array(list.length)
  let n = 0
  for (let i = 0; i < list.length; i++) if (has(bits, list[i]!) === keep) out[n++] = list[i]!
  return out.subarray(0, n)
}

/** Bitmaps are whole 512-byte chunks: their bytes can be combined four at a time. */
const words = (bits: Uint8Array) => new Uint32Array(bits.buffer, bits.byteOffset, bits.length >> 2)

/** a ∩ b. */
export function and(a: IdSet, b: IdSet): IdSet {
  if (!isBitmap(a) && !isBitmap(b)) return intersect(a, b)
  if (!isBitmap(a)) return filterList(a, b as Uint8Array, true)
  if (!isBitmap(b)) return filterList(b, a, true)
  const out = new Uint8Array(Math.min(a.length, b.length))
  const [o, x, y] = [words(out), words(a), words(b)]
  for (let i = 0; i < o.length; i++) o[i] = x[i]! & y[i]!
  return out
}

/** a ∪ b. */
export function or(a: IdSet, b: IdSet): IdSet {
  if (!isBitmap(a) && !isBitmap(b)) return union(a, b)
  const bitmaps = [a, b].filter(isBitmap)
  const lists = [a, b].filter((s): s is Int32Array => !isBitmap(s))
  const last = Math.max(0, ...lists.map((l) => (l.length ? l[l.length - 1]! : 0)))
  const out = new Uint8Array(Math.max(...bitmaps.map((m) => m.length), Math.ceil((last + 1) / 4096) * 512))
  for (const m of bitmaps) {
    const [o, x] = [words(out), words(m)]
    for (let i = 0; i < x.length; i++) o[i]! |= x[i]!
  }
  for (const l of lists) for (let i = 0; i < l.length; i++) out[l[i]! >> 3]! |= 1 << (l[i]! & 7)
  return out
}

/** a ∖ b. */
export function minus(a: IdSet, b: IdSet): IdSet {
  if (!isBitmap(a)) return isBitmap(b) ? filterList(a, b, false) : intersect(a, b, false)
  const out = Uint8Array.from(a)
  if (!isBitmap(b)) {
    for (let i = 0; i < b.length; i++) if (b[i]! >> 3 < out.length) out[b[i]! >> 3]! &= ~(1 << (b[i]! & 7))
    return out
  }
  const [o, y] = [words(out), words(b)]
  for (let i = 0; i < Math.min(o.length, y.length); i++) o[i]! &= ~y[i]!
  return out
}

/** The set as a sorted list. */
export function toList(set: IdSet): Int32Array {
  if (!isBitmap(set)) return set
  const w = words(set)
  const out = scratch(set.length * 8)
  let n = 0
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue
    for (let k = i * 4; k < i * 4 + 4; k++) {
      let byte = set[k]!
      while (byte) {
        const low = byte & -byte
        out[n++] = (k << 3) + 31 - Math.clz32(low)
        byte ^= low
      }
    }
  }
  return out.slice(0, n)
}
