import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import arCommon from '#locales/ar/common.json'
import enCommon from '#locales/en/common.json'
import { MessageSchema, MoveSchema, requestFormSchema } from '../app/features/requests/schemas'
import { AcceptInvitationFormSchema, ProfileFormSchema } from '../app/features/accounts/schemas'
import { NameSchema } from '../app/utils/validation/common'
import { MechanismFormSchema } from '../app/features/network/mechanism-schemas'
import { MeetingFormSchema, OutcomeSchema } from '../app/features/meetings/schemas'
import { ParticipantMessageSchema } from '../app/features/meetings/registration-schemas'
import { MeetingSessionFormSchema } from '../app/features/meetings/session-schemas'
import { MemberFormSchema } from '../app/features/network/member-schemas'
import { ParliamentFormSchema } from '../app/features/network/parliament-schemas'
import { PartnerFormSchema } from '../app/features/partners/schemas'
import { ProgrammeFormSchema } from '../app/features/programmes/schemas'
import { ResourceFormSchema, ReturnSchema } from '../app/features/library/schemas'
import {
  hasNul,
  hasVisibleText,
  optionalText,
  requiredText,
  visibleLength,
  visibleText,
} from '../app/utils/validation/text'

/** Values a reader cannot see, as the strangers' tests typed them into required fields. */
const invisible: Record<string, string> = {
  'RLM and LRM marks': '\u200F\u200E\u200F',
  'zero-width spaces': '\u200B\u200B\u200B',
  'joiners (ZWJ, ZWNJ, word joiner)': '\u200D\u200C\u2060',
  'the Hangul filler': '\u3164',
  'Hangul choseong and jungseong fillers': '\u115F\u1160',
  'the halfwidth Hangul filler': '\uFFA0',
  'the blank Braille pattern': '\u2800\u2800',
  'bidi embeddings and isolates': '\u202B\u202C\u2067\u2069',
  'a BOM and a soft hyphen': '\uFEFF\u00AD',
  'ideographic and no-break spaces': '\u3000\u00A0\u202F',
  'combining marks alone': '\u0301\u064B\u0651',
  'tag characters': '\u{E0041}\u{E0042}',
  'a Mongolian vowel separator': '\u180E',
}
const nul = 'Amina\u0000Noor'

/** The messages of a parse that must fail, or [] when it passed. */
function messages(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('visible text', () => {
  it.each(Object.entries(invisible))('sees nothing in %s', (_, value) => {
    expect(hasVisibleText(value)).toBe(false)
    expect(visibleText(value)).toBe('')
  })

  it('keeps what a reader sees, including an Arabic ZWNJ or ZWJ inside a word', () => {
    expect(hasVisibleText('\u200Fأ')).toBe(true)
    expect(visibleLength('مي\u200Cخواهم')).toBe(7)
    expect(visibleLength('👨‍👩‍👧')).toBe(3)
    // Kept as typed: the joiner is part of the spelling, only the judging ignores it.
    expect(optionalText(100).parse(' مي\u200Cخواهم ')).toBe('مي\u200Cخواهم')
    expect(requiredText(100).parse('لجنة\u200Dالأمن')).toBe('لجنة\u200Dالأمن')
  })

  it('counts visible characters for a minimum length', () => {
    expect(messages(requiredText(100, 'required', 3), 'a\u200Bb\u200B')).toEqual([':required'])
    expect(messages(requiredText(100, 'required', 3), 'a\u200Bbc')).toEqual([])
  })

  it('turns an invisible-only optional value into an empty one', () => {
    for (const value of Object.values(invisible)) expect(optionalText(100).parse(value)).toBe('')
  })

  it('refuses NUL, alone or among 10,000, with its own message', () => {
    expect(hasNul(nul)).toBe(true)
    expect(messages(requiredText(100), nul)).toEqual([':invalidCharacters'])
    expect(messages(requiredText(20_000, 'needRequired', 10), '\u0000'.repeat(10_000))).toEqual([':invalidCharacters'])
    expect(messages(optionalText(100), nul)).toEqual([':invalidCharacters'])
  })

  it('has every message in both languages', () => {
    for (const key of [
      'required',
      'invalidCharacters',
      'nameOneLanguage',
      'titleOneLanguage',
      'cityRequired',
      'needRequired',
    ]) {
      expect(enCommon.validation).toHaveProperty([key])
      expect(arCommon.validation).toHaveProperty([key])
    }
  })
})

const request = {
  kind: 'training',
  subject: 'Drafting support',
  need: 'We need help drafting a law on terrorist financing.',
  pillars: [2],
  languages: ['ar'],
}
const meeting = {
  kind: 'workshop',
  format: 'in_person',
  titleEn: 'Workshop',
  city: 'Doha',
  timeZone: 'Asia/Qatar',
  startsAt: '2027-01-10T09:00',
  endsAt: '2027-01-10T17:00',
  visibility: 'public',
}
const resource = { type: 'publication', titleEn: 'Guide', languages: ['en'], visibility: 'public', intent: 'draft' }

/**
 * Each form with a required text (13 forms, 15 schemas): a valid value, the field(s) that must hold visible
 * text, and the message a reader gets when they hold none. Name and title pairs need one of the two.
 */
const forms: { name: string; schema: z.ZodType; valid: Record<string, unknown>; fields: string[]; message: string }[] =
  [
    {
      name: 'accepting an invitation (name)',
      schema: AcceptInvitationFormSchema,
      valid: { name: 'Amina', password: 'correct horse battery', confirmPassword: 'correct horse battery' },
      fields: ['name'],
      message: 'name:required',
    },
    {
      name: 'the account (name)',
      schema: ProfileFormSchema,
      valid: { intent: 'profile', name: 'Amina', locale: 'ar' },
      fields: ['name'],
      message: 'name:required',
    },
    {
      name: 'a request (subject)',
      schema: requestFormSchema(),
      valid: request,
      fields: ['subject'],
      message: 'subject:required',
    },
    {
      name: 'a request (need)',
      schema: requestFormSchema(),
      valid: request,
      fields: ['need'],
      message: 'need:needRequired',
    },
    {
      name: 'a request message',
      schema: MessageSchema,
      valid: { body: 'Thank you.' },
      fields: ['body'],
      message: 'body:messageRequired',
    },
    {
      name: 'declining a request (reason)',
      schema: MoveSchema,
      valid: { to: 'declined', reason: 'Out of scope' },
      fields: ['reason'],
      message: 'reason:declineReasonRequired',
    },
    {
      name: 'a mechanism (names)',
      schema: MechanismFormSchema,
      valid: { kind: 'committee', nameEn: 'Committee', pillars: [1] },
      fields: ['nameEn', 'nameAr'],
      message: 'nameEn:nameOneLanguage',
    },
    {
      name: 'a meeting (titles)',
      schema: MeetingFormSchema,
      valid: meeting,
      fields: ['titleEn', 'titleAr'],
      message: 'titleEn:titleOneLanguage',
    },
    {
      name: 'a meeting (city)',
      schema: MeetingFormSchema,
      valid: meeting,
      fields: ['city'],
      message: 'city:cityRequired',
    },
    {
      name: 'a meeting outcome',
      schema: OutcomeSchema,
      valid: { outcomeEn: 'Agreed.' },
      fields: ['outcomeEn', 'outcomeAr'],
      message: 'outcomeEn:required',
    },
    {
      name: 'a message to participants (subject)',
      schema: ParticipantMessageSchema,
      valid: { subject: 'Room', body: 'Room 4.' },
      fields: ['subject'],
      message: 'subject:required',
    },
    {
      name: 'a message to participants (body)',
      schema: ParticipantMessageSchema,
      valid: { subject: 'Room', body: 'Room 4.' },
      fields: ['body'],
      message: 'body:required',
    },
    {
      name: 'an agenda session (titles)',
      schema: MeetingSessionFormSchema,
      valid: { titleEn: 'Opening', startsAt: '2027-01-10T09:00', endsAt: '2027-01-10T10:00' },
      fields: ['titleEn', 'titleAr'],
      message: 'titleEn:titleOneLanguage',
    },
    {
      name: 'a member profile (names)',
      schema: MemberFormSchema,
      valid: { nameEn: 'Amina', position: 'member', visibility: 'public' },
      fields: ['nameEn', 'nameAr'],
      message: 'nameEn:nameOneLanguage',
    },
    {
      name: 'a parliament (names)',
      schema: ParliamentFormSchema,
      valid: { kind: 'assembly', nameEn: 'Assembly', region: 'global' },
      fields: ['nameEn', 'nameAr'],
      message: 'nameEn:nameOneLanguage',
    },
    {
      name: 'a partner (names)',
      schema: PartnerFormSchema,
      valid: { kind: 'academic', nameEn: 'Institute' },
      fields: ['nameEn', 'nameAr'],
      message: 'nameEn:nameOneLanguage',
    },
    {
      name: 'a programme (titles)',
      schema: ProgrammeFormSchema,
      valid: { kind: 'training', titleEn: 'Course', formats: ['online'], languages: ['ar'] },
      fields: ['titleEn', 'titleAr'],
      message: 'titleEn:titleOneLanguage',
    },
    {
      name: 'a resource (titles)',
      schema: ResourceFormSchema,
      valid: resource,
      fields: ['titleEn', 'titleAr'],
      message: 'titleEn:titleOneLanguage',
    },
    {
      name: 'returning a resource (reason)',
      schema: ReturnSchema,
      valid: { reason: 'Add the source.' },
      fields: ['reason'],
      message: 'reason:reasonRequired',
    },
  ]

describe.each(forms)('$name', ({ schema, valid, fields, message }) => {
  it('accepts the valid form', () => {
    expect(messages(schema, valid)).toEqual([])
  })

  it.each(Object.entries(invisible))('refuses %s as the only content', (_, value) => {
    const form = { ...valid, ...Object.fromEntries(fields.map((f) => [f, value])) }
    expect(messages(schema, form)).toEqual([message])
  })

  it('refuses a NUL in the field, with its own message', () => {
    const form = { ...valid, [fields[0]!]: nul }
    expect(messages(schema, form)).toContain(`${fields[0]}:invalidCharacters`)
  })

  it('keeps an Arabic ZWNJ inside visible text', () => {
    const form = { ...valid, [fields[0]!]: 'مي\u200Cخواهم حماية' }
    const result = schema.safeParse(form)
    expect(result.success).toBe(true)
    expect((result.data as Record<string, unknown>)[fields[0]!]).toBe('مي\u200Cخواهم حماية')
  })
})

describe('NameSchema', () => {
  it('measures the name as typed, not its invisible characters', () => {
    expect(messages(NameSchema, '\u200F'.repeat(121))).toEqual([':required'])
  })
})
