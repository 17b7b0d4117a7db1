import { meetingFormats, meetingKinds, regions } from '#db/enums'

/** The meetings page's query string, read leniently: an unknown value is ignored, never an error page. */
export type MeetingListQuery = {
  view: 'list' | 'month'
  when: 'upcoming' | 'past'
  kind: (typeof meetingKinds)[number] | null
  format: (typeof meetingFormats)[number] | null
  region: (typeof regions)[number] | null
  year: number | null
  /** "YYYY-MM" of the month view. */
  month: string | null
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null
}

export function parseMeetingListQuery(params: URLSearchParams): MeetingListQuery {
  const year = Number(params.get('year'))
  const month = params.get('month')
  return {
    view: params.get('view') === 'month' ? 'month' : 'list',
    when: params.get('when') === 'past' ? 'past' : 'upcoming',
    kind: oneOf(meetingKinds, params.get('kind')),
    format: oneOf(meetingFormats, params.get('format')),
    region: oneOf(regions, params.get('region')),
    year: Number.isInteger(year) && year >= 1945 && year <= 2200 ? year : null,
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) && month >= '1945-01' && month <= '2200-12' ? month : null,
  }
}

/** The query string of a list query (defaults left out). */
export function meetingListParams(q: Partial<MeetingListQuery>) {
  const params = new URLSearchParams()
  if (q.view === 'month') params.set('view', 'month')
  if (q.when === 'past' && q.view !== 'month') params.set('when', 'past')
  if (q.kind) params.set('kind', q.kind)
  if (q.format) params.set('format', q.format)
  if (q.region) params.set('region', q.region)
  if (q.year && q.view !== 'month') params.set('year', String(q.year))
  if (q.month && q.view === 'month') params.set('month', q.month)
  return params
}
