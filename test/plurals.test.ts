// A count said in words is chosen by the language's plural rules (`t(\`key.${new Intl.PluralRules(lang).select(n)}\`)`):
// each such group of strings must have every category, in both languages, and say the right number.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const categories = ['zero', 'one', 'two', 'few', 'many', 'other']
const root = path.resolve(import.meta.dirname, '..')

function pluralGroups(node: unknown, at = ''): Array<[string, Record<string, string>]> {
  if (node === null || typeof node !== 'object') return []
  const keys = Object.keys(node)
  if (keys.includes('other') && keys.every((k) => categories.includes(k) || k === 'today'))
    return [[at, node as Record<string, string>]]
  return Object.entries(node).flatMap(([k, v]) => pluralGroups(v, at ? `${at}.${k}` : k))
}

describe('plural strings', () => {
  for (const lang of ['en', 'ar']) {
    const dir = path.join(root, 'locales', lang)
    const groups = fs.readdirSync(dir).flatMap((f) => {
      const strings = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown
      return pluralGroups(strings).map(([key, group]) => [`${f}:${key}`, group] as const)
    })

    it(`${lang}: every group has all six categories`, () => {
      expect(groups.map(([key]) => key)).toEqual(expect.arrayContaining(['meetings.json:page.results']))
      for (const [key, group] of groups) for (const c of categories) expect(group[c], `${key}.${c}`).toBeTruthy()
    })

    it(`${lang}: the category a number falls in says that number or its word`, () => {
      const rules = new Intl.PluralRules(lang)
      for (const [key, group] of groups) {
        for (const n of [1, 2, 5, 12, 100]) {
          const text = group[rules.select(n)]!
          if (n <= 2 && !text.includes('{{n}}')) continue // "1 meeting", "اجتماع واحد", "اجتماعان"
          expect(text, `${key} for ${n}`).toContain('{{n}}')
        }
      }
    })
  }
})
