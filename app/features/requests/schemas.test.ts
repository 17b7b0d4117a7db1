import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { earliestToday, MessageSchema, MoveSchema, OutputSchema, requestFormSchema } from './schemas'

/** 06:00 UTC on 10 March 2025: still 9 March from UTC−12 to UTC−7. */
const now = new Date('2025-03-10T06:00:00Z')

function form(entries: [string, string][]) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

const parse = (entries: [string, string][], at = now) => parseWithZod(form(entries), { schema: requestFormSchema(at) })
const errorsOf = (entries: [string, string][], at = now) => {
  const s = parse(entries, at)
  return s.status === 'success' ? null : s.reply().error
}

/** A complete form, as the browser sends it. */
const complete: [string, string][] = [
  ['programmeId', '3'],
  ['kind', 'legislative_drafting'],
  ['subject', '  Review of the draft counter-terrorism financing law  '],
  ['need', 'Our committee needs a written review of the draft law before its second reading.'],
  ['pillars', '2'],
  ['resolutions', '2462'],
  ['themes', 'terrorism_financing'],
  ['desiredFrom', '2025-04-01'],
  ['desiredTo', '2025-04-30'],
  ['languages', 'ar'],
  ['languages', 'en'],
]
const without = (...fields: string[]) => complete.filter(([k]) => !fields.includes(k))
const withValues = (values: [string, string][]) => [...without(...values.map(([k]) => k)), ...values]

describe('earliestToday', () => {
  it('is the date in UTC−12', () => {
    expect(earliestToday(new Date('2025-03-10T06:00:00Z'))).toBe('2025-03-09')
    expect(earliestToday(new Date('2025-03-10T11:59:59.999Z'))).toBe('2025-03-09')
    expect(earliestToday(new Date('2025-03-10T12:00:00Z'))).toBe('2025-03-10')
    expect(earliestToday(new Date('2025-01-01T03:00:00Z'))).toBe('2024-12-31')
  })
})

describe('requestFormSchema', () => {
  it('accepts a complete form, trimmed, with lists deduplicated', () => {
    const s = parse([
      ...complete,
      ['pillars', '2'],
      ['pillars', '1'],
      ['languages', 'ar'],
      ['attachments', 'abc'],
      ['attachments', 'abc'],
    ])
    expect(s.status).toBe('success')
    if (s.status !== 'success') return
    expect(s.value).toEqual({
      programmeId: 3,
      kind: 'legislative_drafting',
      subject: 'Review of the draft counter-terrorism financing law',
      need: 'Our committee needs a written review of the draft law before its second reading.',
      pillars: [1, 2],
      resolutions: ['2462'],
      themes: ['terrorism_financing'],
      desiredFrom: '2025-04-01',
      desiredTo: '2025-04-30',
      languages: ['ar', 'en'],
      attachments: ['abc'],
    })
  })

  it('makes the programme and the dates optional', () => {
    const s = parse([...without('programmeId', 'desiredFrom', 'desiredTo'), ['desiredFrom', ''], ['desiredTo', '']])
    expect(s.status === 'success' && s.value).toMatchObject({
      programmeId: null,
      desiredFrom: null,
      desiredTo: null,
      attachments: [],
    })
  })

  it('needs at least one topic (pillar, resolution or theme), reported on "topics"', () => {
    expect(errorsOf(without('pillars', 'resolutions', 'themes'))).toEqual({ topics: ['topicRequired'] })
    // Any one kind of topic is enough.
    expect(errorsOf(without('pillars', 'resolutions'))).toBeNull()
    expect(errorsOf(without('themes', 'resolutions'))).toBeNull()
    expect(errorsOf(without('pillars', 'themes'))).toBeNull()
  })

  it('refuses a desired date in the past for everyone on Earth', () => {
    expect(errorsOf(withValues([['desiredFrom', '2025-03-08']]))).toEqual({ desiredFrom: ['dateInPast'] })
    expect(
      errorsOf(
        withValues([
          ['desiredFrom', '2025-03-08'],
          ['desiredTo', '2025-03-08'],
        ]),
      ),
    ).toEqual({
      desiredFrom: ['dateInPast'],
      desiredTo: ['dateInPast'],
    })
  })

  it('accepts a date that is still today in UTC−12, until noon UTC of the next day', () => {
    const yesterdayUtc: [string, string][] = [
      ['desiredFrom', '2025-03-09'],
      ['desiredTo', '2025-03-09'],
    ]
    expect(errorsOf(withValues(yesterdayUtc), new Date('2025-03-10T06:00:00Z'))).toBeNull()
    expect(errorsOf(withValues(yesterdayUtc), new Date('2025-03-10T11:59:59Z'))).toBeNull()
    expect(errorsOf(withValues(yesterdayUtc), new Date('2025-03-10T12:00:00Z'))).toEqual({
      desiredFrom: ['dateInPast'],
      desiredTo: ['dateInPast'],
    })
    // Today in UTC is accepted, of course.
    expect(errorsOf(withValues([['desiredFrom', '2025-03-10']]), new Date('2025-03-10T23:59:59Z'))).toBeNull()
  })

  it('refuses an end before the start, and takes a single day', () => {
    expect(
      errorsOf(
        withValues([
          ['desiredFrom', '2025-05-10'],
          ['desiredTo', '2025-05-09'],
        ]),
      ),
    ).toEqual({ desiredTo: ['endBeforeStart'] })
    expect(
      errorsOf(
        withValues([
          ['desiredFrom', '2025-05-10'],
          ['desiredTo', '2025-05-10'],
        ]),
      ),
    ).toBeNull()
    // Only an end: no order to check.
    expect(errorsOf([...without('desiredFrom', 'desiredTo'), ['desiredTo', '2025-05-09']])).toBeNull()
  })

  it.each([['2025-02-30'], ['10/04/2025'], ['2025-4-1'], ['tomorrow']])('refuses the date %s', (value) => {
    // The first message is the one that matters (a malformed string may also compare as "in the past").
    expect(errorsOf([...without('desiredFrom', 'desiredTo'), ['desiredFrom', value]])?.desiredFrom?.[0]).toBe(
      'dateInvalid',
    )
    expect(errorsOf([...without('desiredFrom', 'desiredTo'), ['desiredTo', value]])?.desiredTo?.[0]).toBe('dateInvalid')
  })

  it('needs a need of 10 characters or more (after trimming)', () => {
    expect(errorsOf(withValues([['need', 'Too short']]))).toEqual({ need: ['needRequired'] })
    expect(errorsOf(withValues([['need', `   ${'x'.repeat(9)}   `]]))).toEqual({ need: ['needRequired'] })
    expect(errorsOf(without('need'))).toEqual({ need: ['needRequired'] })
    expect(errorsOf(withValues([['need', 'ن'.repeat(10)]]))).toBeNull()
    expect(errorsOf(withValues([['need', 'x'.repeat(10_001)]]))).toEqual({ need: ['tooLong'] })
  })

  it('needs at least one language', () => {
    expect(errorsOf(without('languages'))).toEqual({ languages: ['languageRequired'] })
  })

  it('needs a subject', () => {
    expect(errorsOf(without('subject'))).toEqual({ subject: ['required'] })
    expect(errorsOf(withValues([['subject', '  ']]))).toEqual({ subject: ['required'] })
    expect(errorsOf(withValues([['subject', 'x'.repeat(201)]]))).toEqual({ subject: ['tooLong'] })
  })

  it.each([
    ['kind', 'consultancy'],
    ['languages', 'de'],
    ['resolutions', '9999'],
    ['themes', 'weather'],
    ['pillars', '5'],
    ['pillars', '0'],
    ['pillars', 'one'],
    ['programmeId', '-1'],
    ['programmeId', 'x'],
  ])('refuses a forged %s = %s', (field, value) => {
    const errors = errorsOf(withValues([[field, value]]))
    expect(errors).not.toBeNull()
    expect(Object.values(errors ?? {}).flat()).toContain('invalidChoice')
    expect(parse(withValues([[field, value]])).status).toBe('error')
  })

  it('refuses a forged value in a list even next to good ones', () => {
    const s = parse([...complete, ['languages', 'klingon'], ['themes', 'weather']])
    expect(s.status).toBe('error')
  })

  it('reports several problems at once', () => {
    const errors = errorsOf([
      ['kind', 'training'],
      ['subject', 'Training'],
      ['need', 'short'],
    ])
    expect(errors).toMatchObject({ need: ['needRequired'], languages: ['languageRequired'] })
  })
})

describe('MessageSchema', () => {
  it('needs a body, trimmed', () => {
    expect(MessageSchema.safeParse({ body: '  ' }).error?.issues.map((i) => i.message)).toEqual(['messageRequired'])
    expect(MessageSchema.safeParse({}).error?.issues.map((i) => i.message)).toEqual(['messageRequired'])
    expect(MessageSchema.parse({ body: ' شكرًا ' })).toEqual({ body: 'شكرًا' })
    expect(MessageSchema.safeParse({ body: 'x'.repeat(10_001) }).error?.issues.map((i) => i.message)).toEqual([
      'tooLong',
    ])
  })
})

describe('MoveSchema', () => {
  const moveErrors = (entries: [string, string][]) => {
    const s = parseWithZod(form(entries), { schema: MoveSchema })
    return s.status === 'success' ? null : s.reply().error
  }

  it('needs a reason to decline', () => {
    expect(moveErrors([['to', 'declined']])).toEqual({ reason: ['declineReasonRequired'] })
    expect(
      moveErrors([
        ['to', 'declined'],
        ['reason', '   '],
      ]),
    ).toEqual({ reason: ['declineReasonRequired'] })
    expect(
      moveErrors([
        ['to', 'declined'],
        ['reason', 'no'],
      ]),
    ).toEqual({ reason: ['declineReasonRequired'] })
    const s = parseWithZod(
      form([
        ['to', 'declined'],
        ['reason', ' Outside the mandate of the programme '],
      ]),
      { schema: MoveSchema },
    )
    expect(s.status === 'success' && s.value).toEqual({
      to: 'declined',
      reason: 'Outside the mandate of the programme',
    })
  })

  it('needs no reason for the other states, and refuses a forged state', () => {
    const s = parseWithZod(form([['to', 'accepted']]), { schema: MoveSchema })
    expect(s.status === 'success' && s.value).toEqual({ to: 'accepted', reason: null })
    expect(moveErrors([['to', 'archived']])).toEqual({ to: ['invalidChoice'] })
    expect(moveErrors([])).toEqual({ to: ['invalidChoice'] })
  })
})

describe('OutputSchema', () => {
  const ok = (kind: string, reference: string) => OutputSchema.safeParse({ kind, reference })
  const messages = (kind: string, reference: string) => ok(kind, reference).error?.issues.map((i) => i.message)

  it('takes a number or the address of the page, in either language', () => {
    expect(ok('resource', '12').data).toEqual({ kind: 'resource', id: 12 })
    expect(ok('resource', ' 12 ').data).toEqual({ kind: 'resource', id: 12 })
    expect(ok('resource', '/en/resources/12').data).toEqual({ kind: 'resource', id: 12 })
    expect(ok('resource', '/ar/resources/12/').data).toEqual({ kind: 'resource', id: 12 })
    expect(ok('meeting', 'https://x.org/ar/meetings/3').data).toEqual({ kind: 'meeting', id: 3 })
    expect(ok('meeting', 'http://localhost:3000/en/meetings/3').data).toEqual({ kind: 'meeting', id: 3 })
  })

  it('refuses the address of the other kind, text, zero and unknown languages', () => {
    expect(messages('resource', '/en/meetings/3')).toEqual(['outputReferenceInvalid'])
    expect(messages('meeting', 'https://x.org/en/resources/12')).toEqual(['outputReferenceInvalid'])
    expect(messages('resource', 'abc')).toEqual(['outputReferenceInvalid'])
    expect(messages('resource', '0')).toEqual(['outputReferenceInvalid'])
    expect(messages('resource', '/fr/resources/12')).toEqual(['outputReferenceInvalid'])
    expect(messages('resource', '/en/resources/12?x=1')).toEqual(['outputReferenceInvalid'])
    expect(messages('resource', '99999999999999999999')).toEqual(['outputReferenceInvalid'])
    expect(messages('resource', '')).toEqual(['outputRequired'])
    expect(messages('person', '12')).toEqual(['invalidChoice'])
  })

  it('works from a form as the route parses it', () => {
    const s = parseWithZod(
      form([
        ['kind', 'meeting'],
        ['reference', 'https://x.org/ar/meetings/3'],
      ]),
      { schema: OutputSchema },
    )
    expect(s.status === 'success' && s.value).toEqual({ kind: 'meeting', id: 3 })
    const bad = parseWithZod(
      form([
        ['kind', 'resource'],
        ['reference', '/en/meetings/3'],
      ]),
      { schema: OutputSchema },
    )
    expect(bad.status === 'error' && bad.reply().error).toEqual({ reference: ['outputReferenceInvalid'] })
  })
})
