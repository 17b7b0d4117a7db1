// The Arabic faces the portal ships (app/fonts/, made by scripts/subset-fonts.ts): the files are what the script
// makes from the installed @fontsource package, the @font-face rules declare exactly the subset's range, and every
// Arabic character of the interface and of real Arabic prose has a glyph.
import fs from 'node:fs'
import path from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { arabicRanges, shippedFile, subsetFace, unicodeRange, weights } from '../scripts/subset-fonts'

const root = path.resolve(import.meta.dirname, '..')
const css = fs.readFileSync(path.join(root, 'app/styles/fonts.css'), 'utf8')
const inRange = (c: number) => arabicRanges.some(([first, last]) => c >= first && c <= last)
const arabicScript = /\p{Script=Arabic}/u

function charactersOf(texts: string[]) {
  const seen = new Set<number>()
  for (const text of texts) for (const ch of text) seen.add(ch.codePointAt(0)!)
  return seen
}

function covered(weight: number) {
  const font = fontkit.openSync(shippedFile(weight))
  if (!('characterSet' in font)) throw new Error('a font collection, not one face')
  return new Set(font.characterSet)
}

const interfaceTexts = fs
  .readdirSync(path.join(root, 'locales/ar'))
  .map((f) => fs.readFileSync(path.join(root, 'locales/ar', f), 'utf8'))

const proseDir = path.resolve(root, '../shared/data/arabic')
const hasProse = fs.existsSync(proseDir)

describe('the Arabic faces', () => {
  it('declare in fonts.css the range they were cut to, one rule per weight, and point at the shipped files', () => {
    const rules = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1]!)
    expect(rules).toHaveLength(weights.length)
    for (const [i, weight] of weights.entries()) {
      expect(rules[i]).toContain(`font-weight: ${weight};`)
      expect(rules[i]).toContain(`unicode-range: ${unicodeRange()};`)
      expect(rules[i]).toContain('font-display: swap;')
      expect(rules[i]).toContain(`url('../fonts/${path.basename(shippedFile(weight))}')`)
    }
  })

  it('are what `npm run fonts:subset` makes from the installed @fontsource package (run it after an upgrade)', async () => {
    for (const weight of weights) {
      const made = await subsetFace(weight)
      expect(made.equals(fs.readFileSync(shippedFile(weight))), `app/fonts/…-${weight}.woff2 is stale`).toBe(true)
    }
  })

  it('draw every character of their range the original draws, and little else', () => {
    for (const weight of weights) {
      const chars = covered(weight)
      for (let c = 0x0621; c <= 0x064a; c++) expect(chars.has(c), `U+${c.toString(16)}`).toBe(true)
      // U+FFFF: the end marker of the cmap's segments, not a character.
      for (const c of chars) expect(inRange(c) || [0x20, 0xa0, 0xffff].includes(c), `U+${c.toString(16)}`).toBe(true)
      expect(fs.statSync(shippedFile(weight)).size).toBeLessThan(30_000)
    }
  })

  it('have a glyph for every Arabic character of the interface, which uses no presentation forms', () => {
    const arabic = [...charactersOf(interfaceTexts)].filter((c) => arabicScript.test(String.fromCodePoint(c)))
    expect(arabic.length).toBeGreaterThan(36)
    for (const c of arabic) expect(inRange(c), `U+${c.toString(16)} is outside the font's range`).toBe(true)
    for (const weight of weights) {
      const chars = covered(weight)
      for (const c of arabic) expect(chars.has(c), `U+${c.toString(16)} (${weight})`).toBe(true)
    }
  })

  it.skipIf(!hasProse)('have a glyph for every letter and mark of real Arabic prose (../shared/data/arabic)', () => {
    const files = [path.join(proseDir, 'udhr/arb.txt')]
    const dir = path.join(proseDir, 'oedi/ar')
    for (const f of fs.readdirSync(dir)) files.push(path.join(dir, f))
    const prose = charactersOf(files.map((f) => fs.readFileSync(f, 'utf8')))
    const letters = [...prose].filter((c) => c >= 0x0600 && c <= 0x06ff)
    expect(letters.length).toBeGreaterThan(36)
    const chars = covered(400)
    for (const c of letters) expect(chars.has(c), `U+${c.toString(16)}`).toBe(true)
    const outside = [...prose].filter((c) => arabicScript.test(String.fromCodePoint(c)) && !inRange(c))
    expect(outside.map((c) => `U+${c.toString(16)}`)).toEqual([])
  })
})
