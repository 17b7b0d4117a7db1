// The joint initiatives of a partner's page: its meetings, programmes and resources, as this viewer may see them.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { meetingPlace, type MeetingCardData } from '~/features/meetings/meeting-card'
import { pickLanguage, textLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import type { ResourceType, Visibility } from '~/utils/vocabulary'

type Titled = { id: number; titleEn: string; titleAr: string }

/** A meeting as the page shows it: its days already written in its own zone. */
type ShownMeeting = Titled &
  Pick<MeetingCardData, 'kind' | 'format' | 'city' | 'countryCode' | 'visibility' | 'state'> & {
    startsAt: string
    days: string
  }
type ShownProgramme = Titled & { summaryEn: string; summaryAr: string; isActive: boolean }
type ShownResource = Titled & { type: ResourceType; visibility: Visibility; date: string | null }

export function PartnerInitiatives({
  lang,
  meetings,
  programmes,
  resources,
}: {
  lang: Language
  meetings: ShownMeeting[]
  programmes: ShownProgramme[]
  resources: ShownResource[]
}) {
  const { t } = useTranslation(['partners', 'library', 'meetings'])
  const none = meetings.length + programmes.length + resources.length === 0
  return (
    <section aria-labelledby="initiatives-title" className="partner-initiatives">
      <h2 id="initiatives-title">{t('detail.initiatives')}</h2>
      {none ? <p className="muted">{t('detail.none')}</p> : null}
      {meetings.length ? (
        <section aria-labelledby="initiatives-meetings">
          <h3 id="initiatives-meetings">{t('detail.meetings')}</h3>
          <ul className="initiative-list">
            {meetings.map((m) => {
              const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang)
              const place = meetingPlace(m, lang, t('card.online', { ns: 'meetings' }))
              return (
                <li key={m.id}>
                  <Link to={`/${lang}/meetings/${m.id}`} lang={title.lang} className="initiative-list__title">
                    {title.text}
                  </Link>
                  <p className="muted">
                    <time dateTime={m.startsAt}>{m.days}</time>
                    {place ? (
                      <>
                        {' · '}
                        <span lang={m.city ? textLanguage(m.city, lang) : undefined}>{place}</span>
                      </>
                    ) : null}
                  </p>
                  <p className="badges">
                    <span className="badge">{t(`kinds.${m.kind}`, { ns: 'meetings' })}</span>
                    {m.visibility !== 'public' ? (
                      <span className="badge badge--members">
                        {t(`visibilities.${m.visibility}`, { ns: 'meetings' })}
                      </span>
                    ) : null}
                    {m.state !== 'published' ? (
                      <span className="badge badge--state">{t(`states.${m.state}`, { ns: 'meetings' })}</span>
                    ) : null}
                  </p>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
      {programmes.length ? (
        <section aria-labelledby="initiatives-programmes">
          <h3 id="initiatives-programmes">{t('detail.programmes')}</h3>
          <ul className="initiative-list">
            {programmes.map((pr) => {
              const title = pickLanguage({ en: pr.titleEn, ar: pr.titleAr }, lang)
              const summary = pickLanguage({ en: pr.summaryEn, ar: pr.summaryAr }, lang)
              return (
                <li key={pr.id}>
                  <Link to={`/${lang}/programmes/${pr.id}`} lang={title.lang} className="initiative-list__title">
                    {title.text}
                  </Link>
                  {summary.text ? (
                    <p className="muted" lang={summary.lang} dir={summary.lang ? 'auto' : undefined}>
                      {summary.text}
                    </p>
                  ) : null}
                  {pr.isActive ? null : (
                    <p className="badges">
                      <span className="badge badge--state">{t('detail.retired')}</span>
                    </p>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
      {resources.length ? (
        <section aria-labelledby="initiatives-resources">
          <h3 id="initiatives-resources">{t('detail.resources')}</h3>
          <ul className="initiative-list">
            {resources.map((r) => (
              <li key={r.id}>
                <Link to={`/${lang}/resources/${r.id}`} className="initiative-list__title">
                  <BilingualText en={r.titleEn} ar={r.titleAr} lang={lang} />
                </Link>
                <p className="badges">
                  <span className="badge">{t(`types.${r.type}`, { ns: 'library' })}</span>
                  {r.visibility === 'members' ? (
                    <span className="badge badge--members">{t('detail.membersOnly')}</span>
                  ) : null}
                  {r.date ? <span className="muted">{r.date}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  )
}
