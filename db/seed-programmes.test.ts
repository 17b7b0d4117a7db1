import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { listProgrammes } from '~/features/programmes/programme.server'
import { getDb } from '~/utils/db.server'
import { ProgrammeFormSchema } from '~/features/programmes/schemas'
import { programmeKinds } from './enums'
import { programme, programmeTheme } from './schema/index'
import { demoProgrammes, seedDemoProgrammes } from './seed-programmes'

describe('the demo catalogue', () => {
  it('offers one programme of each kind, in both languages, women and youth among the themes', () => {
    seedDemoProgrammes(getDb())
    const rows = listProgrammes()
    expect(rows.map((p) => p.kind)).toEqual([...programmeKinds])
    for (const p of rows) {
      expect(
        p.titleEn &&
          p.titleAr &&
          p.summaryEn &&
          p.summaryAr &&
          p.descriptionEn &&
          p.descriptionAr &&
          p.audienceEn &&
          p.audienceAr,
        p.titleEn,
      ).toBeTruthy()
      expect(p.formats.length, p.titleEn).toBeGreaterThan(0)
      expect(p.languages, p.titleEn).toEqual(expect.arrayContaining(['ar', 'en']))
    }
    expect(rows.some((p) => p.themes.includes('women'))).toBe(true)
    expect(rows.some((p) => p.themes.includes('youth'))).toBe(true)
  })

  it('passes the form schema a coordinator would use', () => {
    for (const p of demoProgrammes) expect(ProgrammeFormSchema.safeParse(p).success, p.titleEn).toBe(true)
  })

  it('adds nothing when run again', () => {
    const before = [
      getDb().select({ n: count() }).from(programme).get()!.n,
      getDb().select({ n: count() }).from(programmeTheme).get()!.n,
    ]
    seedDemoProgrammes(getDb())
    expect([
      getDb().select({ n: count() }).from(programme).get()!.n,
      getDb().select({ n: count() }).from(programmeTheme).get()!.n,
    ]).toEqual(before)
  })
})
