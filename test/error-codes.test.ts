// Decision 011: a feature's expected refusals are codes listed in its errors.ts, and errorKey maps each to a
// locale key. Every code must have its text in both languages.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

type ErrorsModule = { errorCodes: readonly string[]; errorKey: (code: string) => string }

const features = fs
  .readdirSync('app/features', { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join('app/features', d.name, 'errors.ts')))
  .map((d) => d.name)

function lookUp(lang: string, key: string): unknown {
  const [ns, rest] = key.split(':')
  if (!ns || !rest) return undefined
  const file = path.join('locales', lang, `${ns}.json`)
  if (!fs.existsSync(file)) return undefined
  return rest.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], {
    ...JSON.parse(fs.readFileSync(file, 'utf8')),
  })
}

describe('error codes', () => {
  it('some features declare their refusals', () => {
    expect(features.length).toBeGreaterThan(0)
  })

  describe.each(features)('%s', (feature) => {
    it('maps every code to a text in English and Arabic', async () => {
      const mod = (await import(`../app/features/${feature}/errors.ts`)) as ErrorsModule
      expect(mod.errorCodes.length).toBeGreaterThan(0)
      expect(new Set(mod.errorCodes).size).toBe(mod.errorCodes.length)
      for (const code of mod.errorCodes) {
        const key = mod.errorKey(code)
        for (const lang of ['en', 'ar']) {
          const text = lookUp(lang, key)
          expect(typeof text === 'string' && text.trim() !== '', `${lang} ${key}`).toBe(true)
        }
      }
    })
  })
})
