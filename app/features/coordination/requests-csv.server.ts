import { daysSince, type ExportRequestRow } from './coordination.server'
import { pickLanguage } from '~/utils/bilingual'
import { csvDocument } from '~/utils/csv'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'

/** `requests-2026-11-29.csv`: the export's file name, dated in UTC. */
export function requestsCsvFileName(now = new Date()) {
  return `requests-${now.toISOString().slice(0, 10)}.csv`
}

/**
 * The requests for technical assistance as a spreadsheet in one language: headers, states, kinds, topics and
 * languages translated, names in that language when they exist; dates ISO and figures plain, so they sort.
 * csvDocument adds the byte-order mark and neutralises formula-like cells (a subject starting with "=").
 */
export function requestsCsv(rows: ExportRequestRow[], lang: Language, now = new Date()) {
  const t = getFixedT(lang, ['coordination', 'requests', 'library'])
  const sep = t('csv.separator')
  const pick = (en: string | null, ar: string | null) => pickLanguage({ en, ar }, lang).text
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const header = [
    t('csv.id'),
    t('csv.parliament'),
    t('csv.requester'),
    t('csv.programme'),
    t('csv.kind'),
    t('csv.subject'),
    t('csv.topics'),
    t('csv.desiredFrom'),
    t('csv.desiredTo'),
    t('csv.languages'),
    t('csv.state'),
    t('csv.assignee'),
    t('csv.submitted'),
    t('csv.daysInState'),
    t('csv.outputs'),
  ]
  const body = rows.map((r) => [
    r.id,
    pick(r.parliamentNameEn, r.parliamentNameAr),
    r.requesterName ?? '',
    r.programmeTitleEn === null && r.programmeTitleAr === null ? '' : pick(r.programmeTitleEn, r.programmeTitleAr),
    t(`kinds.${r.kind}`, { ns: 'requests' }),
    r.subject,
    r.topics
      .map(({ kind, value }) =>
        t(`csv.${kind}`, {
          value: kind === 'theme' ? t(`themes.${value}`, { ns: 'library', defaultValue: value }) : value,
        }),
      )
      .join(sep),
    r.desiredFrom ?? '',
    r.desiredTo ?? '',
    r.languages.map((l) => t(`contentLanguages.${l}`, { ns: 'library', defaultValue: l })).join(sep),
    t(`states.${r.state}`, { ns: 'requests' }),
    r.assigneeName ?? '',
    iso(r.submittedAt),
    daysSince(r.stateChangedAt, now),
    r.outputCount,
  ])
  return csvDocument(header, body)
}
