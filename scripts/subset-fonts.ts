// `npm run fonts:subset`: the two faces of Noto Sans Arabic the portal ships (app/fonts/), cut from @fontsource's
// "arabic" subset down to the letters Arabic prose uses, by HarfBuzz's subsetter (subset-font).
//
// @fontsource's arabic subset (≈49 KB a weight in woff2) also holds the Arabic Supplement's extensions, the Extended-A
// and -B blocks (Quranic annotation, letters of African languages), the presentation forms (FB50–FDFF, FE70–FEFF)
// and the Arabic mathematical alphabet. Kept here: the Arabic block (U+0600–06FF: MSA's letters, hamza forms,
// harakat, Arabic-Indic digits, ، ؛ ؟, and the Persian and Urdu letters, so that a name in those languages still
// joins), the Arabic Supplement (U+0750–077F), the joiners and marks (U+200C–200E), the hyphens U+2010–2011 and two
// punctuation marks the font draws. HarfBuzz keeps every glyph the kept letters reach through the font's layout
// tables (initial, medial, final forms, lam-alef, marks), so shaping is the font's own. ≈21 KB a weight.
// A character outside the range (a presentation form pasted from a PDF, ﷺ) is drawn by the next font of the stack;
// the @font-face rules (app/styles/fonts.css) declare the same range, so a page without Arabic letters never fetches
// the font. test/fonts.test.ts checks the range, the files, and that every Arabic letter of the interface has a glyph.
//
// Run again after upgrading @fontsource/noto-sans-arabic (the test fails until then) and commit app/fonts/.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import subsetFont from 'subset-font'

/** The code points the faces keep, as [first, last]; also the @font-face unicode-range. */
export const arabicRanges: ReadonlyArray<readonly [number, number]> = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x200c, 0x200e],
  [0x2010, 0x2011],
  [0x204f, 0x204f],
  [0x2e41, 0x2e41],
]

/** Glyphs kept beside the range (not in unicode-range, so they never make the browser fetch the font). */
const alsoKept = [0x0020, 0x00a0]

export const weights = [400, 700] as const

/** The CSS unicode-range of the faces, e.g. "U+0600-06FF, U+0750-077F, …". */
export function unicodeRange(): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0')
  return arabicRanges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ')
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const fontsDir = path.join(root, 'app', 'fonts')

export function shippedFile(weight: number): string {
  return path.join(fontsDir, `noto-sans-arabic-${weight}.woff2`)
}

function sourceFile(weight: number): string {
  const require = createRequire(import.meta.url)
  const pkg = path.dirname(require.resolve('@fontsource/noto-sans-arabic/package.json'))
  return path.join(pkg, 'files', `noto-sans-arabic-arabic-${weight}-normal.woff2`)
}

/** The face of one weight, subset, as woff2 bytes. */
export async function subsetFace(weight: number): Promise<Buffer> {
  let text = String.fromCodePoint(...alsoKept)
  for (const [first, last] of arabicRanges) {
    for (let c = first; c <= last; c++) text += String.fromCodePoint(c)
  }
  return subsetFont(fs.readFileSync(sourceFile(weight)), text, { targetFormat: 'woff2' })
}

async function main() {
  fs.mkdirSync(fontsDir, { recursive: true })
  for (const weight of weights) {
    const bytes = await subsetFace(weight)
    fs.writeFileSync(shippedFile(weight), bytes)
    const before = fs.statSync(sourceFile(weight)).size
    console.log(`${path.relative(root, shippedFile(weight))}: ${bytes.length} bytes (from ${before})`)
  }
  const license = path.join(path.dirname(sourceFile(400)), '..', 'LICENSE')
  fs.copyFileSync(license, path.join(fontsDir, 'OFL.txt'))
  console.log(`unicode-range: ${unicodeRange()}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
