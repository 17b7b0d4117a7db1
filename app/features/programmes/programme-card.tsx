import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ContentLanguage, DeliveryFormat, ProgrammeKind, Theme } from '#db/enums'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'

export type ProgrammeCardData = {
  id: number
  kind: ProgrammeKind
  titleEn: string
  titleAr: string
  summaryEn: string
  summaryAr: string
  audienceEn: string
  audienceAr: string
  formats: DeliveryFormat[]
  languages: ContentLanguage[]
  themes: Theme[]
  isActive: boolean
}

/** The path of the request form, pre-filled with a programme (visitors are sent to sign in first). */
export function requestProgrammePath(lang: Language, programmeId: number) {
  return `/${lang}/requests/new?programme=${programmeId}`
}

/** Who a programme is for, how and in which languages it is given, and its themes (as badges). */
export function ProgrammeFacts({
  programme: p,
  lang,
}: {
  programme: Omit<ProgrammeCardData, 'id' | 'titleEn' | 'titleAr' | 'summaryEn' | 'summaryAr'>
  lang: Language
}) {
  const { t } = useTranslation(['programmes', 'library'])
  const audience = pickLanguage({ en: p.audienceEn, ar: p.audienceAr }, lang)
  const join = (items: string[]) => items.join(lang === 'ar' ? '، ' : ', ')
  return (
    <dl className="programme-facts">
      {audience.text ? (
        <div>
          <dt>{t('page.audience')}</dt>
          <dd lang={audience.lang} dir={audience.lang ? 'auto' : undefined}>
            {audience.text}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('page.formats')}</dt>
        <dd>{join(p.formats.map((f) => t(`formats.${f}`)))}</dd>
      </div>
      <div>
        <dt>{t('page.languages')}</dt>
        <dd>{join(p.languages.map((l) => t(`contentLanguages.${l}`, { ns: 'library' })))}</dd>
      </div>
      {p.themes.length ? (
        <div>
          <dt>{t('page.themes')}</dt>
          <dd>
            <ul className="tags">
              {p.themes.map((th) => (
                <li key={th}>{t(`themes.${th}`, { ns: 'library' })}</li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  )
}

/** A programme in a list: title (to its page), summary, facts and a "Request this" link while it is offered. */
export function ProgrammeCard({
  programme: p,
  lang,
  headingLevel = 3,
  showKind = false,
}: {
  programme: ProgrammeCardData
  lang: Language
  headingLevel?: 2 | 3
  showKind?: boolean
}) {
  const { t } = useTranslation('programmes')
  const title = pickLanguage({ en: p.titleEn, ar: p.titleAr }, lang)
  const summary = pickLanguage({ en: p.summaryEn, ar: p.summaryAr }, lang)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const headingId = `programme-${p.id}-title`
  return (
    <article className={`programme-card${p.isActive ? '' : ' programme-card--retired'}`} aria-labelledby={headingId}>
      <Heading id={headingId} className="programme-card__title">
        <Link to={`/${lang}/programmes/${p.id}`} lang={title.lang} dir={title.lang ? 'auto' : undefined}>
          {title.text}
        </Link>
      </Heading>
      {/* After the title in reading order, above it on screen (an eyebrow). */}
      {showKind ? <p className="programme-card__kind">{t(`kinds.${p.kind}`)}</p> : null}
      {p.isActive ? null : (
        <p className="badges">
          <span className="badge badge--retired">{t('catalogue.retired')}</span>
        </p>
      )}
      {summary.text ? (
        <p className="programme-card__summary" lang={summary.lang} dir={summary.lang ? 'auto' : undefined}>
          {summary.text}
        </p>
      ) : null}
      <ProgrammeFacts programme={p} lang={lang} />
      {p.isActive ? (
        <p className="programme-card__actions">
          <Link
            className="button button--small"
            to={requestProgrammePath(lang, p.id)}
            aria-label={t('catalogue.requestLabel', { title: title.text })}
          >
            {t('catalogue.request')}
          </Link>
        </p>
      ) : null}
    </article>
  )
}
