import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { namespaces } from '~/utils/i18n'
import { resources } from './index'

const root = path.dirname(fileURLToPath(import.meta.url))
const languages = ['en', 'ar'] as const

function jsonFiles(lang: string) {
  return fs
    .readdirSync(path.join(root, lang))
    .filter((f) => f.endsWith('.json'))
    .sort()
}

function load(lang: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, lang, file), 'utf8'))
}

/** Every leaf as [dotted.key, value]; a non-string leaf is reported as such so the test can fail on it. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
  }
  return [[prefix, node]]
}

function strings(lang: string, file: string) {
  return new Map(leaves(load(lang, file)) as [string, string][])
}

function variables(text: string) {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]))
}

// Arabic script, including presentation forms.
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
/**
 * Arabic strings allowed to contain no Arabic letter: only names, URLs or codes that stay as written.
 * Keys as `file:dotted.key`. Keep it short; an entry here needs a reason.
 */
const NOT_TRANSLATED: ReadonlySet<string> = new Set<string>([
  // Only placeholders and punctuation: the draft's own title and a provision's label, which are in the page's language.
  'drafts.json:page.documentTitle',
  'drafts.json:consultation.provisionTitle',
  // The closing bracket of a spoken "[added: …]" mark; its opening half is in Arabic.
  'drafts.json:amendment.diff.end',
  // The questionnaire's own title as its page's title, and the dot between an outline's facts.
  'surveys.json:overview.pageTitle',
  'surveys.json:outline.separator',
  // A thread's author's name alone, and the thread's own title as its page's title.
  'groups.json:thread.by',
  'groups.json:thread.documentTitle',
])

const enFiles = jsonFiles('en')
const arFiles = jsonFiles('ar')

describe('locale files', () => {
  it('both languages have the same namespace files', () => {
    expect(enFiles.length).toBeGreaterThan(0)
    expect(arFiles).toEqual(enFiles)
  })

  it('the namespaces the app loads are exactly the files on disk', () => {
    expect([...namespaces].sort()).toEqual(enFiles.map((f) => f.replace(/\.json$/, '')))
  })

  it('locales/index.ts bundles every json file, with its content', () => {
    for (const lang of languages) {
      const bundled = resources[lang] as Record<string, unknown>
      expect(Object.keys(bundled).sort()).toEqual(jsonFiles(lang).map((f) => f.replace(/\.json$/, '')))
      for (const file of jsonFiles(lang)) {
        expect(bundled[file.replace(/\.json$/, '')], `${lang}/${file}`).toEqual(load(lang, file))
      }
    }
  })
})

describe.each(enFiles)('%s', (file) => {
  const en = strings('en', file)
  const ar = strings('ar', file)

  it('has exactly the same nested keys in English and Arabic', () => {
    const enKeys = [...en.keys()].sort()
    const arKeys = [...ar.keys()].sort()
    expect(
      arKeys.filter((k) => !en.has(k)),
      'keys only in ar',
    ).toEqual([])
    expect(
      enKeys.filter((k) => !ar.has(k)),
      'keys only in en',
    ).toEqual([])
  })

  it('has only non-empty strings', () => {
    for (const lang of languages) {
      for (const [key, value] of lang === 'en' ? en : ar) {
        expect(typeof value, `${lang}/${file} ${key}`).toBe('string')
        expect(value.trim(), `${lang}/${file} ${key}`).not.toBe('')
      }
    }
  })

  it('keeps every {{variable}} of the English string in the Arabic one', () => {
    for (const [key, enText] of en) {
      const arText = ar.get(key)
      if (typeof arText !== 'string' || typeof enText !== 'string') continue
      const missing = [...variables(enText)].filter((v) => !variables(arText).has(v))
      expect(missing, `ar/${file} ${key}`).toEqual([])
      // And introduces none that the code does not pass.
      const extra = [...variables(arText)].filter((v) => !variables(enText).has(v))
      expect(extra, `ar/${file} ${key}`).toEqual([])
    }
  })

  it('has Arabic strings written in Arabic', () => {
    const untranslated = [...ar]
      .filter(
        ([key, text]) => typeof text === 'string' && !ARABIC_LETTER.test(text) && !NOT_TRANSLATED.has(`${file}:${key}`),
      )
      .map(([key, text]) => `${key}: ${text}`)
    expect(untranslated).toEqual([])
  })
})

describe('the checks themselves', () => {
  it('find interpolation variables', () => {
    expect([...variables('Page {{page}} of {{ pages }}, {{n, number}}')]).toEqual(['page', 'pages', 'n'])
  })
  it('tell Arabic from Latin text', () => {
    expect(ARABIC_LETTER.test('الصفحة 1')).toBe(true)
    expect(ARABIC_LETTER.test('Page 1 of 2')).toBe(false)
  })
})
