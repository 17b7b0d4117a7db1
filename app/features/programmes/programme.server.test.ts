import { parseWithZod } from '@conform-to/zod/v4'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, partner, partnerInitiative, programme, programmeTheme, user } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import { ProgrammeFormSchema, ProgrammeQuerySchema, type ProgrammeInput } from './schemas'
import {
  createProgramme,
  getProgramme,
  listProgrammePartners,
  listProgrammes,
  programmeFormValues,
  programmeOptions,
  setProgrammeActive,
  updateProgramme,
} from './programme.server'

function input(overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    kind: 'training',
    titleEn: '',
    titleAr: '',
    summaryEn: '',
    summaryAr: '',
    descriptionEn: '',
    descriptionAr: '',
    audienceEn: '',
    audienceAr: '',
    formats: ['in_person'],
    languages: ['ar', 'en'],
    themes: [],
    position: 0,
    ...overrides,
  }
}

const titles = (rows: { titleEn: string; titleAr: string }[]) => rows.map((r) => r.titleEn || r.titleAr)

/** What a browser sends (every value a string, checkboxes repeated), parsed as the routes do. */
function submit(entries: [string, string][]) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return parseWithZod(data, { schema: ProgrammeFormSchema })
}

/** The messages of a refused submission, by field. */
function errorsOf(entries: [string, string][]) {
  const submission = submit(entries)
  return submission.status === 'success' ? {} : submission.reply().error
}

/** The audit rows of one programme, oldest first, as [action, details]. */
function auditOf(id: number) {
  return getDb()
    .select({ action: auditEvent.action, actorId: auditEvent.actorId, details: auditEvent.details })
    .from(auditEvent)
    .where(and(eq(auditEvent.targetType, 'programme'), eq(auditEvent.targetId, String(id))))
    .orderBy(auditEvent.id)
    .all()
    .map((e) => [e.action, e.actorId, e.details && JSON.parse(e.details)])
}

let coordinator: { id: number }
let drafting: number
let training: number
let briefing: number

beforeAll(() => {
  coordinator = getDb()
    .insert(user)
    .values({ email: 'office@x.org', name: 'Office', role: 'coordinator', passwordHash: 'x' })
    .returning({ id: user.id })
    .get()
  drafting = createProgramme(
    input({
      kind: 'legislative_drafting',
      titleEn: 'Legislative drafting',
      formats: ['written', 'online'],
      languages: ['en', 'ar'],
      themes: ['legislation_oversight', 'human_rights'],
      position: 10,
    }),
    coordinator,
  ).id
  training = createProgramme(
    input({ kind: 'training', titleAr: 'تدريب', themes: ['women', 'youth'], position: 5 }),
    coordinator,
  ).id
  briefing = createProgramme(
    input({ kind: 'expert_briefing', titleEn: 'Expert briefings', position: 10 }),
    coordinator,
  ).id
})

describe('the catalogue', () => {
  it('lists active programmes by position then id, with formats, languages and themes in their lists', () => {
    const rows = listProgrammes().filter((p) => [drafting, training, briefing].includes(p.id))
    expect(titles(rows)).toEqual(['تدريب', 'Legislative drafting', 'Expert briefings'])
    const d = rows.find((r) => r.id === drafting)!
    // Lists come back in the enums' order, whatever the order they were given in.
    expect(d.formats).toEqual(['online', 'written'])
    expect(d.languages).toEqual(['ar', 'en'])
    expect(d.themes.sort()).toEqual(['human_rights', 'legislation_oversight'])
    expect(rows.find((r) => r.id === briefing)!.themes).toEqual([])
  })

  it('reads the catalogue in two queries (one per table) whatever its size', () => {
    for (let i = 0; i < 5; i++)
      createProgramme(input({ titleEn: `Extra ${i}`, themes: ['prevention', 'victims'], position: 500 }), coordinator)
    const { result: rows, queries } = countQueries(() => listProgrammes())
    expect(queries).toBe(2)
    expect(rows.filter((r) => r.titleEn.startsWith('Extra ')).every((r) => r.themes.length === 2)).toBe(true)
  })

  it('hides a retired programme except when asked for (coordinators), and brings it back', () => {
    expect(setProgrammeActive(briefing, false, coordinator)).toBe(true)
    // A second retire changes nothing (no second audit event).
    expect(setProgrammeActive(briefing, false, coordinator)).toBe(false)
    expect(listProgrammes().some((p) => p.id === briefing)).toBe(false)
    expect(programmeOptions().some((p) => p.id === briefing)).toBe(false)
    const all = listProgrammes({ includeRetired: true })
    expect(all.find((p) => p.id === briefing)).toMatchObject({ isActive: false })
    expect(getProgramme(briefing)).toMatchObject({ id: briefing, isActive: false })
    expect(setProgrammeActive(briefing, true, coordinator)).toBe(true)
    expect(listProgrammes().some((p) => p.id === briefing)).toBe(true)
    expect(setProgrammeActive(999_999, false, coordinator)).toBe(false)
    // Each real change has its audit row; the second retire wrote none.
    expect(auditOf(briefing).map(([action]) => action)).toEqual([
      'programme.create',
      'programme.retire',
      'programme.reactivate',
    ])
    expect(auditOf(999_999)).toEqual([])
  })

  it('offers the active programmes as choices, in the catalogue order', () => {
    const options = programmeOptions()
    expect(options[0]).toEqual({ id: training, kind: 'training', titleEn: '', titleAr: 'تدريب' })
    expect(Object.keys(options[0]!).sort()).toEqual(['id', 'kind', 'titleAr', 'titleEn'])
    expect(options.map((o) => o.id)).toEqual(listProgrammes().map((p) => p.id))
  })
})

describe('saving', () => {
  it('creates a programme with its author and themes', () => {
    const { id } = createProgramme(
      input({ titleEn: 'Peer exchange', kind: 'peer_exchange', themes: ['youth', 'youth'] }),
      coordinator,
    )
    const stored = getDb().select().from(programme).where(eq(programme.id, id)).get()!
    expect(stored).toMatchObject({ kind: 'peer_exchange', formats: 'in_person', languages: 'ar,en', isActive: true })
    expect(getDb().select().from(programmeTheme).where(eq(programmeTheme.programmeId, id)).all()).toEqual([
      { programmeId: id, theme: 'youth' },
    ])
    expect(stored.createdById).toBe(coordinator.id)
    expect(auditOf(id)).toEqual([
      ['programme.create', coordinator.id, { title: 'Peer exchange', kind: 'peer_exchange' }],
    ])
  })

  it('replaces the fields and the themes on update, and says when there is nothing to update', () => {
    expect(
      updateProgramme(
        training,
        input({
          kind: 'training',
          titleEn: 'Training',
          titleAr: 'تدريب',
          themes: ['women'],
          languages: ['fr'],
          position: 5,
        }),
        coordinator,
      ),
    ).toBe(true)
    expect(getProgramme(training)).toMatchObject({ titleEn: 'Training', themes: ['women'], languages: ['fr'] })
    expect(updateProgramme(999_999, input({ titleEn: 'Nothing' }), coordinator)).toBe(false)
    expect(getProgramme(999_999)).toBeUndefined()
    expect(auditOf(training)).toEqual([
      ['programme.create', coordinator.id, { title: 'تدريب', kind: 'training' }],
      ['programme.update', coordinator.id, null],
    ])
    expect(auditOf(999_999)).toEqual([])
  })

  it("gives the form a stored programme's values as strings and lists", () => {
    const values = programmeFormValues(getProgramme(drafting)!)
    expect(values).toMatchObject({
      kind: 'legislative_drafting',
      titleEn: 'Legislative drafting',
      formats: ['online', 'written'],
      languages: ['ar', 'en'],
      position: '10',
    })
    expect(Object.keys(values)).not.toContain('id')
    expect(Object.keys(values)).not.toContain('isActive')
    // What the browser sends back from these values is accepted as it is.
    const entries = Object.entries(values).flatMap(([k, v]): [string, string][] =>
      Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
    )
    expect(submit(entries)).toMatchObject({ status: 'success' })
  })

  it('refuses a programme without a format or a language, and one without a title (the CHECK), auditing none', () => {
    const audited = () => getDb().select().from(auditEvent).all().length
    const before = audited()
    expect(() => createProgramme(input({ titleEn: 'No format', formats: [] }), coordinator)).toThrow()
    expect(() => createProgramme(input({ titleEn: 'No language', languages: [] }), coordinator)).toThrow()
    expect(() => createProgramme(input(), coordinator)).toThrow()
    expect(listProgrammes({ includeRetired: true }).some((p) => ['No format', 'No language'].includes(p.titleEn))).toBe(
      false,
    )
    expect(audited()).toBe(before)
  })
})

describe('partners of a programme', () => {
  it('lists the partners linked through joint initiatives, in the partners order', () => {
    const db = getDb()
    const unWomen = db
      .insert(partner)
      .values({ kind: 'un_entity', nameEn: 'UN Women', nameAr: 'هيئة الأمم المتحدة للمرأة', position: 2 })
      .returning()
      .get()
    const undp = db
      .insert(partner)
      .values({
        kind: 'un_entity',
        nameEn: 'United Nations Development Programme',
        nameAr: 'برنامج الأمم المتحدة الإنمائي',
        acronym: 'UNDP',
        position: 1,
      })
      .returning()
      .get()
    const other = db.insert(partner).values({ kind: 'academic', nameEn: 'Unrelated', position: 0 }).returning().get()
    db.insert(partnerInitiative)
      .values([
        { partnerId: unWomen.id, programmeId: training },
        { partnerId: undp.id, programmeId: training },
        { partnerId: other.id, programmeId: drafting },
      ])
      .run()
    expect(listProgrammePartners(training)).toEqual([
      {
        id: undp.id,
        nameEn: 'United Nations Development Programme',
        nameAr: 'برنامج الأمم المتحدة الإنمائي',
        acronym: 'UNDP',
      },
      { id: unWomen.id, nameEn: 'UN Women', nameAr: 'هيئة الأمم المتحدة للمرأة', acronym: '' },
    ])
    expect(listProgrammePartners(briefing)).toEqual([])
  })
})

describe('the form schema', () => {
  const valid: [string, string][] = [
    ['kind', 'model_laws'],
    ['titleAr', 'قوانين نموذجية'],
    ['formats', 'written'],
    ['languages', 'ar'],
  ]

  it('accepts a programme titled in one language, dropping duplicates and ordering lists', () => {
    const submission = submit([
      ...valid,
      ['languages', 'en'],
      ['languages', 'ar'],
      ['themes', 'youth'],
      ['themes', 'women'],
      ['position', '3'],
    ])
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toMatchObject({
      titleEn: '',
      titleAr: 'قوانين نموذجية',
      formats: ['written'],
      languages: ['ar', 'en'],
      themes: ['youth', 'women'],
      position: 3,
    })
    const plain = submit(valid)
    expect(plain.status === 'success' && plain.value).toMatchObject({ position: 0, themes: [] })
  })

  it('gives every message at once: no title, no language, no format', () => {
    expect(
      errorsOf([
        ['kind', 'model_laws'],
        ['titleEn', '  '],
      ]),
    ).toEqual({
      titleEn: ['titleOneLanguage'],
      formats: ['formatRequired'],
      languages: ['languageRequired'],
    })
  })

  it('refuses forged and out-of-range values', () => {
    expect(errorsOf([...valid.slice(1), ['kind', 'bribery']])).toEqual({ kind: ['invalidChoice'] })
    expect(errorsOf([...valid, ['languages', 'xx']])).toEqual({ 'languages[1]': ['invalidChoice'] })
    expect(Object.values(errorsOf([...valid, ['themes', 'nothing']]) ?? {})).toEqual([['invalidChoice']])
    expect(Object.values(errorsOf([...valid, ['formats', 'telepathy']]) ?? {})).toEqual([['invalidChoice']])
    expect(errorsOf([...valid, ['position', '-1']])).toEqual({ position: ['positionInvalid'] })
    expect(errorsOf([...valid, ['position', '1.5']])).toEqual({ position: ['positionInvalid'] })
    expect(errorsOf([...valid, ['position', 'first']])).toEqual({ position: ['positionInvalid'] })
    expect(errorsOf([...valid, ['titleEn', 'x'.repeat(201)]])).toEqual({ titleEn: ['tooLong'] })
  })

  it('reads the kind filter, ignoring anything unknown', () => {
    expect(ProgrammeQuerySchema.parse({ kind: 'dialogue' })).toEqual({ kind: 'dialogue' })
    expect(ProgrammeQuerySchema.parse({ kind: 'nonsense' })).toEqual({ kind: undefined })
  })
})
