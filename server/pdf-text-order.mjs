// The text of a PDF page in reading (logical) order, from pdf.js's text items.
//
// PDF producers (Chromium/Skia, Word, XeTeX…) draw right-to-left text glyph by glyph in visual order, left to
// right; pdf.js turns each item's own string into logical order but keeps the items in drawing order, so an
// Arabic line comes out backwards, word by word. Here, per line: items are put back in reading order by their x
// position (right to left when the line is mostly Arabic or Hebrew), runs of Latin words and numbers inside such a
// line keep their left-to-right order, and diacritics drawn as separate glyphs join the letter they sit on.
// Presentation forms (ﻻ, ﺔ…) are folded to ordinary letters by NFKC afterwards (pdf-text.server.ts).

const RTL_LETTER = /[\u0590-\u05ff\u0600-\u06ff\u0700-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u
const LETTER = /\p{L}/u
const DIGIT = /\p{Nd}/u
const ONLY_MARKS = /^\p{M}+$/u

/** 'rtl', 'ltr' or 'neutral' (spaces, punctuation) for one piece of text, by its strong characters. */
function directionOf(str) {
  const { rtl, ltr, digits } = letters(str)
  return rtl > ltr ? 'rtl' : ltr + digits > 0 ? 'ltr' : 'neutral'
}

/** Right-to-left letters, other letters, and digits (which run left to right but do not set a line's direction). */
function letters(str) {
  let rtl = 0
  let ltr = 0
  let digits = 0
  for (const ch of str) {
    if (RTL_LETTER.test(ch)) rtl++
    else if (LETTER.test(ch)) ltr++
    else if (DIGIT.test(ch)) digits++
  }
  return { rtl, ltr, digits }
}

/** Reverses, in place, each maximal run of `dir` items (neutral items between two of them belong to the run). */
function reverseRuns(items, dir) {
  let i = 0
  while (i < items.length) {
    if (items[i].dir !== dir) {
      i++
      continue
    }
    let last = i
    for (let j = i + 1; j < items.length; j++) {
      if (items[j].dir === dir) last = j
      else if (items[j].dir !== 'neutral') break
    }
    const run = items.slice(i, last + 1).reverse()
    items.splice(i, run.length, ...run)
    i = last + 1
  }
  return items
}

/** Appends combining marks to a piece of text, before any trailing spaces. */
function withMarks(str, marks) {
  return marks ? str.replace(/(\s*)$/u, `${marks}$1`) : str
}

function lineText(items) {
  let rtl = 0
  let ltr = 0
  for (const item of items) {
    const count = letters(item.str)
    rtl += count.rtl
    ltr += count.ltr
  }
  const isRtl = rtl > ltr
  // A diacritic drawn on its own comes just before its letter in right-to-left drawing order, just after it in
  // left-to-right order.
  const pieces = []
  let pending = ''
  for (const item of items) {
    const bare = item.str.trim()
    if (bare && ONLY_MARKS.test(bare)) {
      if (isRtl) pending += bare
      else if (pieces.length) pieces[pieces.length - 1].str = withMarks(pieces[pieces.length - 1].str, bare)
      continue
    }
    pieces.push({ ...item, str: withMarks(item.str, pending) })
    pending = ''
  }
  if (pending && pieces.length) pieces[pieces.length - 1].str = withMarks(pieces[pieces.length - 1].str, pending)
  for (const piece of pieces) piece.dir = directionOf(piece.str)
  if (isRtl) {
    // Right to left by position (a stable sort keeps drawing order for equal x), then Latin runs back.
    pieces.sort((a, b) => b.x - a.x)
    reverseRuns(pieces, 'ltr')
  } else {
    reverseRuns(pieces, 'rtl')
  }
  return pieces
    .map((p) => p.str)
    .join('')
    .replace(/[ \t\u00a0]+/gu, ' ')
    .trim()
}

/**
 * @param {ReadonlyArray<{ str?: string, transform?: number[], width?: number, height?: number, hasEOL?: boolean }>} items
 *   pdf.js's `getTextContent().items` for one page.
 * @returns {string} the page's lines in reading order, separated by line breaks.
 */
export function pageText(items) {
  const lines = []
  let line = null
  let endOfLine = false
  for (const item of items) {
    if (typeof item.str !== 'string') continue
    const t = item.transform ?? [1, 0, 0, 1, 0, 0]
    const x = t[4]
    const y = t[5]
    const size = Math.hypot(t[2], t[3]) || item.height || 10
    const str = item.str.replaceAll('\u0000', '')
    // pdf.js adds zero-width spaces between glyphs it finds far apart; inside a word they are noise.
    const skip = str === '' || (str.trim() === '' && !item.width)
    if (!skip) {
      if (!line || endOfLine || Math.abs(y - line.y) > line.size * 0.6) {
        line = { y, size, items: [] }
        lines.push(line)
      }
      line.items.push({ str, x })
      endOfLine = false
    }
    if (item.hasEOL) endOfLine = true
  }
  return lines
    .map((l) => lineText(l.items))
    .filter((text) => text !== '')
    .join('\n')
}
