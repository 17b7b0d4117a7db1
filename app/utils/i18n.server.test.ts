import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '#locales/index'
import { languages, namespaces } from './i18n'
import { getFixedT } from './i18n.server'

// The remembered answers of i18n.server.ts must be exactly what i18next itself says, for every string of every
// namespace in both languages, with values (twice: the second call is served from the template) and without.
function plain(lang: string) {
  const instance = i18next.createInstance()
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources,
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  })
  return instance
}

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

const variablesOf = (text: string) => [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]!)

describe('remembered translations', () => {
  for (const lang of languages) {
    it(`match i18next for every string with and without values (${lang})`, () => {
      const reference = plain(lang)
      let checked = 0
      for (const ns of namespaces) {
        const t = getFixedT(lang, ns)
        const r = reference.getFixedT(lang, ns)
        for (const [key, text] of leaves(resources[lang][ns])) {
          const names = [...new Set(variablesOf(text))]
          expect(t(key as never), `${ns}:${key}`).toBe(r(key))
          if (!names.length) continue
          for (const round of [1, 2]) {
            const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? 1234 + round : `«${n} ${round}» $& $1`]))
            expect(t(key as never, values as never), `${ns}:${key} ${round}`).toBe(r(key, values))
          }
          checked++
        }
      }
      expect(checked).toBeGreaterThan(100)
    })
  }

  it('take the full path for a count, a context, a formatter and a value that is not text', () => {
    const t = getFixedT('en', 'common')
    const r = plain('en').getFixedT('en', 'common')
    const samples: [string, Record<string, unknown>][] = [
      ['shell.siteName', { count: 2 }],
      ['shell.siteName', { context: 'x' }],
      ['shell.siteName', { defaultValue: 'd' }],
      ['shell.siteName', { name: { toString: () => 'object' } }],
    ]
    for (const [key, options] of samples) expect(t(key as never, options as never)).toBe(r(key, options))
  })
})
