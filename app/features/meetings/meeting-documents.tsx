import { useTranslation } from 'react-i18next'
import { meetingDocumentRoles } from '#db/enums'
import { BilingualText } from '~/components/bilingual-text'
import type { MeetingDocumentsData } from './documents.server'
import type { Language } from '~/utils/i18n'

export type { MeetingDocumentItem, MeetingDocumentsData } from './documents.server'

/**
 * A meeting's documents by role (agenda, background papers, outcome documents), as listMeetingDocuments gave
 * them for this viewer. Renders nothing when there are none. Styles: agendaStylesheet (meeting-agenda.tsx).
 */
export function MeetingDocuments({
  documents,
  lang,
  title,
}: {
  documents: MeetingDocumentsData
  lang: Language
  /** The section's heading (h2); "Documents of the meeting" by default. */
  title?: string
}) {
  const { t } = useTranslation(['agenda', 'library'])
  const roles = meetingDocumentRoles.filter((role) => documents[role].length > 0)
  if (!roles.length) return null
  return (
    <section className="meeting-documents" aria-labelledby="meeting-documents-title">
      <h2 id="meeting-documents-title">{title ?? t('documents.title')}</h2>
      {roles.map((role) => (
        <section key={role} className="meeting-documents__group" aria-labelledby={`meeting-documents-${role}`}>
          <h3 id={`meeting-documents-${role}`}>{t(`roles.${role}`)}</h3>
          <ul className="meeting-documents__list">
            {documents[role].map((d) => (
              <li key={d.id}>
                <a href={`/${lang}/resources/${d.id}`}>
                  <BilingualText en={d.titleEn} ar={d.titleAr} lang={lang} />
                </a>{' '}
                <span className="muted">({t(`types.${d.type}`, { ns: 'library' })})</span>
                {d.visibility === 'members' ? (
                  <span className="badge badge--members">{t('display.membersOnly')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
