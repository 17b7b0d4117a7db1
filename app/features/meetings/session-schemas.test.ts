import { describe, expect, it } from 'vitest'
import {
  formatExternalSpeakers,
  MeetingSessionFormSchema,
  parseExternalSpeakers,
  parseMemberReferences,
} from './session-schemas'

describe('meeting session form', () => {
  it('reads member numbers and profile addresses', () => {
    expect(parseMemberReferences('')).toEqual([])
    expect(parseMemberReferences('12')).toEqual([12])
    expect(parseMemberReferences('/en/members/12, https://parlnet.example.org/ar/members/7 12')).toEqual([12, 7])
    expect(parseMemberReferences('/ar/members/5/')).toEqual([5])
    expect(parseMemberReferences('/en/resources/12')).toBeNull()
    expect(parseMemberReferences('Amal')).toBeNull()
    expect(parseMemberReferences('0')).toBeNull()
  })

  it('reads external speakers one a line, with either comma', () => {
    expect(
      parseExternalSpeakers(
        'Vladimir Voronkov, UN Office of Counter-Terrorism\n\n  Jane Doe  \nد. سارة أحمد، جامعة قطر',
      ),
    ).toEqual([
      { name: 'Vladimir Voronkov', affiliation: 'UN Office of Counter-Terrorism' },
      { name: 'Jane Doe', affiliation: '' },
      { name: 'د. سارة أحمد', affiliation: 'جامعة قطر' },
    ])
    expect(parseExternalSpeakers(', no name')).toBeNull()
    expect(parseExternalSpeakers('x\n'.repeat(41))).toBeNull()
    expect(
      formatExternalSpeakers([
        { name: 'A', affiliation: 'B, C' },
        { name: 'D', affiliation: '' },
      ]),
    ).toBe('A, B, C\nD')
    expect(parseExternalSpeakers('A, B, C')).toEqual([{ name: 'A', affiliation: 'B, C' }])
  })

  it('parses a full form and reports every problem at once', () => {
    const ok = MeetingSessionFormSchema.safeParse({
      titleAr: 'الجلسة الافتتاحية',
      startsAt: '2021-12-13T09:00',
      endsAt: '2021-12-13T10:00',
      speakerMemberIds: [3, 3, 4],
      speakerMemberRef: '/en/members/9',
      externalSpeakers: 'Guest, Somewhere',
      resourceIds: [1],
    })
    expect(ok.data).toMatchObject({
      titleEn: '',
      speakerMemberIds: [3, 4],
      speakerMemberRef: [9],
      externalSpeakers: [{ name: 'Guest', affiliation: 'Somewhere' }],
      resourceIds: [1],
    })
    const bad = MeetingSessionFormSchema.safeParse({
      startsAt: '2021-12-13T11:00',
      endsAt: '2021-12-13T10:00',
      speakerMemberRef: 'Amal',
    })
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort()).toEqual([
      'endsAt:endBeforeStart',
      'speakerMemberRef:memberReferenceInvalid',
      'titleEn:titleOneLanguage',
    ])
    const noDate = MeetingSessionFormSchema.safeParse({ titleEn: 'x', startsAt: '13/12/2021', endsAt: '' })
    expect(noDate.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual([
      'startsAt:dateTimeInvalid',
      'endsAt:dateTimeInvalid',
    ])
  })
})
