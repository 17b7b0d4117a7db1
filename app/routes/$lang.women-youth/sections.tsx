// The space's lists: its programmes, and its upcoming and past meetings.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MeetingCard } from '~/features/meetings/meeting-card'
import type { listSpaceProgrammes } from '~/features/women-youth/women-youth.server'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'

type ShownMeeting = Parameters<typeof MeetingCard>[0]['meeting']

export function SpaceProgrammes({
  programmes,
  lang,
}: {
  programmes: ReturnType<typeof listSpaceProgrammes>
  lang: Language
}) {
  const { t } = useTranslation(['womenYouth', 'library'])
  return (
    <section aria-labelledby="wy-programmes" className="women-youth__section">
      <h2 id="wy-programmes">{t('programmes.title')}</h2>
      {programmes.length ? (
        <ul className="women-youth__programmes">
          {programmes.map((p) => {
            const title = pickLanguage({ en: p.titleEn, ar: p.titleAr }, lang)
            const summary = pickLanguage({ en: p.summaryEn, ar: p.summaryAr }, lang)
            return (
              <li key={p.id} className="women-youth__programme">
                <h3>
                  <Link to={`/${lang}/programmes/${p.id}`} lang={title.lang}>
                    {title.text}
                  </Link>
                </h3>
                {summary.text ? <p lang={summary.lang}>{summary.text}</p> : null}
                <p className="badges">
                  <span className="visually-hidden">{t('themesLabel')}: </span>
                  {p.themes.map((theme) => (
                    <span key={theme} className="badge">
                      {t(`themes.${theme}`, { ns: 'library' })}
                    </span>
                  ))}
                </p>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="muted">{t('programmes.empty')}</p>
      )}
      <p>
        <Link to={`/${lang}/programmes`}>{t('programmes.all')}</Link>
      </p>
    </section>
  )
}

export function SpaceMeetings({
  upcoming,
  past,
  lang,
}: {
  upcoming: ShownMeeting[]
  past: ShownMeeting[]
  lang: Language
}) {
  const { t } = useTranslation('womenYouth')
  return (
    <>
      <section aria-labelledby="wy-upcoming" className="women-youth__section">
        <h2 id="wy-upcoming">{t('meetings.upcoming')}</h2>
        <MeetingList meetings={upcoming} lang={lang} empty={t('meetings.noneUpcoming')} />
      </section>
      <section aria-labelledby="wy-past" className="women-youth__section">
        <h2 id="wy-past">{t('meetings.past')}</h2>
        <MeetingList meetings={past} lang={lang} empty={t('meetings.nonePast')} />
        <p>
          <Link to={`/${lang}/meetings`}>{t('meetings.all')}</Link>
        </p>
      </section>
    </>
  )
}

function MeetingList({ meetings, lang, empty }: { meetings: ShownMeeting[]; lang: Language; empty: string }) {
  if (!meetings.length) return <p className="muted">{empty}</p>
  return (
    <ul className="meeting-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <MeetingCard meeting={m} lang={lang} />
        </li>
      ))}
    </ul>
  )
}
