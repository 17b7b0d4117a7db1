import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { MechanismCoordinatorFormSchema, MechanismFormSchema, MechanismQuerySchema } from './mechanism-schemas'

function form(entries: [string, string][]) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

const parse = (entries: [string, string][]) => parseWithZod(form(entries), { schema: MechanismFormSchema })
const errorsOf = (entries: [string, string][]) => {
  const s = parse(entries)
  return s.status === 'success' ? null : s.reply().error
}

describe('MechanismFormSchema', () => {
  it('accepts a complete form, with pillars deduplicated and sorted, as the browser sends it', () => {
    const s = parse([
      ['kind', 'law'],
      ['nameEn', '  Counter-Terrorism Act  '],
      ['nameAr', ''],
      ['descriptionAr', 'قانون مكافحة الإرهاب'],
      ['year', String(new Date().getUTCFullYear())],
      ['url', 'https://www.example.org/act'],
      ['pillars', '4'],
      ['pillars', '2'],
      ['pillars', '4'],
      ['parliamentId', '42'],
    ])
    expect(s.status).toBe('success')
    if (s.status !== 'success') return
    expect(s.value).toEqual({
      kind: 'law',
      nameEn: 'Counter-Terrorism Act',
      nameAr: '',
      descriptionEn: '',
      descriptionAr: 'قانون مكافحة الإرهاب',
      year: new Date().getUTCFullYear(),
      url: 'https://www.example.org/act',
      pillars: [2, 4],
    })
    // The member's form never carries a parliament.
    expect('parliamentId' in s.value).toBe(false)
  })

  it('makes the year and the link optional, and takes a single pillar', () => {
    const s = parse([
      ['kind', 'caucus'],
      ['nameAr', 'تكتل'],
      ['year', ''],
      ['url', ''],
      ['pillars', '1'],
    ])
    expect(s.status === 'success' && s.value).toMatchObject({ year: null, url: null, pillars: [1] })
  })

  it('refuses what the issue names: no name, a year out of range, a javascript: link, no pillar', () => {
    expect(
      errorsOf([
        ['kind', 'committee'],
        ['nameEn', ' '],
        ['nameAr', ''],
        ['year', '3000'],
        ['url', 'javascript:alert(1)//x.org'],
      ]),
    ).toEqual({
      nameEn: ['nameOneLanguage'],
      year: ['yearRange'],
      url: ['urlInvalid'],
      pillars: ['pillarRequired'],
    })
  })

  it.each([
    ['year', '1944', 'yearRange'],
    ['year', String(new Date().getUTCFullYear() + 1), 'yearRange'],
    ['year', '19.5', 'yearRange'],
    ['year', 'twenty', 'yearRange'],
    ['url', 'data:text/html,<b>x</b>', 'urlInvalid'],
    ['url', 'ftp://example.org/file', 'urlInvalid'],
    ['url', 'https://nodot', 'urlInvalid'],
    ['url', `https://example.org/${'x'.repeat(500)}`, 'tooLong'],
    ['nameEn', 'x'.repeat(201), 'tooLong'],
    ['descriptionAr', 'ن'.repeat(2001), 'tooLong'],
    ['kind', 'ministry', 'invalidChoice'],
  ])('refuses %s = %s', (field, value, key) => {
    const base: [string, string][] = [
      ['kind', 'law'],
      ['nameEn', 'A law'],
      ['pillars', '2'],
    ]
    const errors = errorsOf([...base.filter(([k]) => k !== field), [field, value]])
    expect(errors?.[field]).toEqual([key])
  })

  it('reports a missing name together with a forged kind (every message at once)', () => {
    expect(
      errorsOf([
        ['kind', 'ministry'],
        ['nameEn', ''],
        ['pillars', '1'],
      ]),
    ).toEqual({ kind: ['invalidChoice'], nameEn: ['nameOneLanguage'] })
    expect(MechanismFormSchema.safeParse(null).success).toBe(false)
  })

  it('refuses a forged pillar', () => {
    const errors = errorsOf([
      ['kind', 'law'],
      ['nameEn', 'A law'],
      ['pillars', '5'],
    ])
    expect(Object.values(errors ?? {}).flat()).toEqual(['pillarRequired'])
  })
})

describe('MechanismCoordinatorFormSchema', () => {
  it('needs the parliament', () => {
    const base: [string, string][] = [
      ['kind', 'law'],
      ['nameEn', 'A law'],
      ['pillars', '2'],
    ]
    const missing = parseWithZod(form(base), { schema: MechanismCoordinatorFormSchema })
    expect(missing.status === 'error' && missing.reply().error).toEqual({ parliamentId: ['parliamentRequired'] })
    const empty = parseWithZod(
      form([
        ['parliamentId', ''],
        ['kind', 'law'],
        ['nameEn', ''],
        ['nameAr', ''],
      ]),
      { schema: MechanismCoordinatorFormSchema },
    )
    expect(empty.status === 'error' && empty.reply().error).toEqual({
      parliamentId: ['parliamentRequired'],
      pillars: ['pillarRequired'],
      nameEn: ['nameOneLanguage'],
    })
    const chosen = parseWithZod(form([...base, ['parliamentId', '7']]), { schema: MechanismCoordinatorFormSchema })
    expect(chosen.status === 'success' && chosen.value.parliamentId).toBe(7)
  })
})

describe('MechanismQuerySchema', () => {
  it('never fails: odd values fall back', () => {
    expect(
      MechanismQuerySchema.parse({
        q: 'x'.repeat(500),
        kind: 'zz',
        pillar: '9',
        region: 'mars',
        country: 'qa',
        parliament: '-3',
        page: 'abc',
      }),
    ).toEqual({
      q: 'x'.repeat(200),
      kind: undefined,
      pillar: undefined,
      region: undefined,
      country: undefined,
      parliament: undefined,
      page: 1,
    })
  })
  it('keeps good values', () => {
    expect(
      MechanismQuerySchema.parse({
        q: 'شورى',
        kind: 'law',
        pillar: '3',
        region: 'asia',
        country: 'QA',
        parliament: '12',
        page: '2',
      }),
    ).toEqual({
      q: 'شورى',
      kind: 'law',
      pillar: 3,
      region: 'asia',
      country: 'QA',
      parliament: 12,
      page: 2,
    })
  })
})
