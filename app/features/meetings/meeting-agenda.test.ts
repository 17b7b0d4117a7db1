import { createElement, type FunctionComponent } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import type { MeetingAgendaData } from './agenda.server'
import type { MeetingDocumentsData } from './documents.server'
import { getI18nInstance } from '~/utils/i18n.server'
import type { Language } from '~/utils/i18n'
import { groupSessionsByDay, MeetingAgenda } from './meeting-agenda'
import { MeetingDocuments } from './meeting-documents'

// Doha, 13–14 December 2021: the second session starts at 00:30 on the 14th in Doha, still the 13th in UTC.
const agenda: MeetingAgendaData = [
  {
    id: 1,
    titleEn: 'Opening',
    titleAr: 'الجلسة الافتتاحية',
    descriptionEn: '',
    descriptionAr: '',
    room: 'Hall A',
    startsAt: '2021-12-13T06:30:00.000Z',
    endsAt: '2021-12-13T07:30:00.000Z',
    speakers: [
      {
        kind: 'member',
        memberId: 7,
        nameEn: 'Amal Al-Kuwari',
        nameAr: 'أمل الكواري',
        parliamentEn: 'Shura Council of Qatar',
        parliamentAr: 'مجلس الشورى القطري',
      },
      { kind: 'member', memberId: null, nameEn: 'Hidden Member', nameAr: '', parliamentEn: '', parliamentAr: '' },
      { kind: 'external', name: 'Vladimir Voronkov', affiliation: 'UN Office of Counter-Terrorism' },
    ],
    resources: [{ id: 3, type: 'report', titleEn: 'Handbook', titleAr: '', visibility: 'members' }],
  },
  {
    id: 2,
    titleEn: 'Night session',
    titleAr: '',
    descriptionEn: 'First paragraph.\n\nSecond paragraph.',
    descriptionAr: '',
    room: '',
    startsAt: '2021-12-13T21:30:00.000Z',
    endsAt: '2021-12-13T22:30:00.000Z',
    speakers: [],
    resources: [],
  },
]

/** The markup, without the Unicode isolates around zone names (checked once, below). */
function render<P extends object>(lang: Language, element: FunctionComponent<P>, props: P) {
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: getI18nInstance(lang) }, createElement(element, props)),
  )
  return html.replace(/[\u2068\u2069]/g, '')
}

describe('<MeetingAgenda>', () => {
  it('groups sessions by local day in the chosen zone', () => {
    expect(groupSessionsByDay(agenda, 'Asia/Qatar').map((d) => [d.key, d.sessions.map((s) => s.id)])).toEqual([
      ['2021-12-13', [1]],
      ['2021-12-14', [2]],
    ])
    expect(groupSessionsByDay(agenda, 'UTC').map((d) => [d.key, d.sessions.map((s) => s.id)])).toEqual([
      ['2021-12-13', [1, 2]],
    ])
  })

  it('renders the days, times, zone, speakers and documents in the meeting’s zone (English)', () => {
    const html = render('en', MeetingAgenda, { agenda, timeZone: 'Asia/Qatar', lang: 'en' })
    expect(html).toContain('Times in Asia/Qatar, GMT+3')
    expect(html).toContain('Monday, December 13, 2021')
    expect(html).toContain('Tuesday, December 14, 2021')
    expect(html).toMatch(/9:30\sAM – 10:30\sAM/)
    expect(html).toMatch(/12:30\sAM – 1:30\sAM/)
    expect(html).toContain('<a href="/en/members/7">Amal Al-Kuwari</a>')
    // A members-only profile for a visitor: the name, no link.
    expect(html).toContain('Hidden Member')
    expect(html).not.toContain('/en/members/null')
    expect(html).toContain('Vladimir Voronkov')
    expect(html).toContain('<a href="/en/resources/3">Handbook</a>')
    expect(html).toContain('Members only')
    expect(html).toContain('<p>Second paragraph.</p>')
    // No switch in the server's HTML: it appears once the browser knows its own zone.
    expect(html).not.toContain('aria-pressed')
  })

  it('keeps left-to-right zone names in one piece on an Arabic page', () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: getI18nInstance('ar') },
        createElement(MeetingAgenda, { agenda, timeZone: 'Asia/Qatar', lang: 'ar' }),
      ),
    )
    expect(html).toContain('\u2068Asia/Qatar\u2069')
  })

  it('marks titles shown in the other language (Arabic page)', () => {
    const html = render('ar', MeetingAgenda, { agenda, timeZone: 'Asia/Qatar', lang: 'ar' })
    expect(html).toContain('الجلسة الافتتاحية')
    expect(html).toMatch(/<h4[^>]*lang="en"[^>]*>Night session<\/h4>/)
    expect(html).toContain('<a href="/ar/members/7">أمل الكواري</a>')
    expect(html).toContain('الأوقات بتوقيت Asia/Qatar')
    expect(html).not.toContain('Times in')
  })

  it('says when there is no session yet', () => {
    expect(render('en', MeetingAgenda, { agenda: [], timeZone: 'Asia/Qatar', lang: 'en' })).toContain(
      'The agenda has not been published yet.',
    )
  })

  it('shows each day’s offset when the meeting spans a daylight-saving change', () => {
    const london: MeetingAgendaData = [
      { ...agenda[1]!, id: 3, startsAt: '2024-03-30T10:00:00.000Z', endsAt: '2024-03-30T11:00:00.000Z' },
      { ...agenda[1]!, id: 4, startsAt: '2024-03-31T09:00:00.000Z', endsAt: '2024-03-31T10:00:00.000Z' },
    ]
    const html = render('en', MeetingAgenda, { agenda: london, timeZone: 'Europe/London', lang: 'en' })
    expect(html).toMatch(/Times in Europe\/London, GMT(\+0)? \/ GMT\+1/)
    expect(html).toContain('(GMT+1)')
    expect(html.match(/10:00\sAM – 11:00\sAM/g)).toHaveLength(2)
  })
})

describe('<MeetingDocuments>', () => {
  const documents: MeetingDocumentsData = {
    agenda: [],
    background: [
      {
        id: 5,
        role: 'background',
        type: 'policy_brief',
        titleEn: '',
        titleAr: 'ورقة',
        visibility: 'public',
        publishedOn: null,
      },
    ],
    outcome: [
      {
        id: 6,
        role: 'outcome',
        type: 'report',
        titleEn: 'Outcome',
        titleAr: '',
        visibility: 'members',
        publishedOn: null,
      },
    ],
  }

  it('lists the documents by role, the empty roles left out', () => {
    const html = render('en', MeetingDocuments, { documents, lang: 'en' })
    expect(html).toContain('Background papers')
    expect(html).toContain('Outcome documents')
    expect(html).not.toContain('>Agenda<')
    expect(html).toContain('<a href="/en/resources/5"><span lang="ar" dir="auto">ورقة</span></a>')
    expect(html).toContain('Policy brief')
  })

  it('renders nothing when there is no document', () => {
    expect(render('ar', MeetingDocuments, { documents: { agenda: [], background: [], outcome: [] }, lang: 'ar' })).toBe(
      '',
    )
  })
})
