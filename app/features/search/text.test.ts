import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeForSearch } from '~/utils/arabic'
import { foldedWords, foldForSearch, searchWords } from './text'

const arabicDir = path.resolve('..', 'shared', 'data', 'arabic')
const hasCorpus = fs.existsSync(path.join(arabicDir, 'udhr', 'arb.txt'))
if (!hasCorpus) console.log(`search-text: skipped the real-text comparison, ${arabicDir} is absent`)

describe('foldedWords', () => {
  it('splits exactly as normalizeForSearch does, on awkward text', () => {
    const samples = [
      'مجلس الشُّورَى — Assemblée Nationale!',
      'ﺍﻟﺸﻮﺭﻯ ﻻ',
      'İstanbul ǅemal ß',
      '𝐁𝐨𝐥𝐝 𝑰𝒕𝒂𝒍𝒊𝒄 😀 𠜎𠜱 family👨‍👩‍👧',
      'lone \ud800 surrogate \udc00 here',
      'tab\tnew\nline\u00a0nbsp\u200bzw',
      'بـــرلـــمـــان، ۀ ۂ ۓ',
      '',
      '   ',
      '--',
    ]
    for (const s of samples) expect(foldedWords(s).join(' '), JSON.stringify(s)).toBe(normalizeForSearch(s))
  })

  it('reads Arabic-Indic digits as ASCII ones', () => {
    expect(foldForSearch('القرار ٢١٧٨ (۲۰۱۴)')).toBe('القرار 2178 2014')
  })

  it('drops stopwords and overlong words for indexing', () => {
    expect(searchWords(`The role of parliaments في مكافحة الإرهاب ${'x'.repeat(41)}`)).toEqual([
      'role',
      'parliaments',
      'مكافحه',
      'الارهاب',
    ])
  })

  it.skipIf(!hasCorpus)(
    'agrees with normalizeForSearch on real Arabic and English prose (../shared/data/arabic)',
    () => {
      const files = [path.join(arabicDir, 'udhr', 'arb.txt'), path.join(arabicDir, 'udhr', 'eng.txt')]
      for (const lang of ['ar', 'en']) {
        const dir = path.join(arabicDir, 'oedi', lang)
        for (const f of fs.readdirSync(dir)) files.push(path.join(dir, f))
      }
      for (const file of files) {
        for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
          const ascii = line
            .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
            .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
          expect(foldedWords(line).join(' '), line).toBe(normalizeForSearch(ascii))
        }
      }
    },
  )
})
