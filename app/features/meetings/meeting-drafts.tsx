import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import type { DraftSummary } from '~/features/drafts'
import type { Language } from '~/utils/i18n'

type Props = { drafts: DraftSummary[]; lang: Language; actions?: (d: DraftSummary) => ReactNode }

/**
 * The drafts on a meeting's agenda (listMeetingDrafts: only those the viewer may see), each with its kind and
 * stage, and `actions` (the editor's remove button) after each. Strings: meetings (agendaDrafts) and drafts
 * (kinds, stages) — the route's handle lists both.
 */
export function DraftList({ drafts, lang, actions }: Props) {
  const { t } = useTranslation(['meetings', 'drafts'])
  return (
    <ul className="meeting-documents__list meeting-drafts">
      {drafts.map((d) => (
        <li key={d.id}>
          <a href={`/${lang}/drafts/${d.id}`}>
            <BilingualText en={d.titleEn} ar={d.titleAr} lang={lang} />
          </a>{' '}
          <span className="muted">
            ({t(`kinds.${d.kind}`, { ns: 'drafts' })} · {t(`stages.${d.stage}`, { ns: 'drafts' })})
          </span>
          {actions ? <> {actions(d)}</> : null}
        </li>
      ))}
    </ul>
  )
}

/** The meeting page's section of drafts on the agenda; nothing when there are none. */
export function MeetingDrafts({ drafts, lang }: Props) {
  const { t } = useTranslation('meetings')
  if (!drafts.length) return null
  return (
    <section className="meeting-documents" aria-labelledby="meeting-drafts-title">
      <h2 id="meeting-drafts-title">{t('agendaDrafts.title')}</h2>
      <DraftList drafts={drafts} lang={lang} />
    </section>
  )
}
