import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import type { DraftKind } from '../snapshot'
import type { DraftStage } from '../vocabulary'

export type DraftCard = {
  id: number
  kind: DraftKind
  titleEn: string
  titleAr: string
  stage: DraftStage
  consultationClosesAt: string | Date | null
  updatedAt: string | Date
  leads: { id: number; nameEn: string; nameAr: string }[]
  provisions: number
  toTranslate: number
}

/** The plural form's key for a count (0 has its own wording in both languages). */
export function pluralKey(n: number, lang: Language) {
  return n === 0 ? 'zero' : new Intl.PluralRules(lang).select(n)
}

/** A draft's stage as a badge: its name, never its colour alone. */
export function DraftStageBadge({ stage }: { stage: DraftStage }) {
  const { t } = useTranslation('drafts')
  return <span className={`badge draft-stage draft-stage--${stage}`}>{t(`stages.${stage}`)}</span>
}

/** The drafts of the list, one card each: kind, title, stage, who leads, how many provisions, what to translate. */
export function DraftCards({ drafts, lang }: { drafts: DraftCard[]; lang: Language }) {
  const { t } = useTranslation('drafts')
  return (
    <ul className="draft-cards">
      {drafts.map((d) => (
        <li key={d.id} className="draft-card">
          <p className="draft-card__kind">{t(`kinds.${d.kind}`)}</p>
          <h2 className="draft-card__title">
            <Link to={`/${lang}/drafts/${d.id}`}>
              <BilingualText en={d.titleEn} ar={d.titleAr} lang={lang} />
            </Link>
          </h2>
          <p className="draft-card__stage">
            <DraftStageBadge stage={d.stage} />
            {d.stage === 'consultation' && d.consultationClosesAt ? (
              <span> {t('list.closes', { date: formatDate(new Date(d.consultationClosesAt), lang) })}</span>
            ) : null}
          </p>
          <dl className="draft-card__facts">
            <div>
              <dt>{t('list.leads')}</dt>
              <dd>
                {d.leads.length
                  ? d.leads.map((l, i) => (
                      <span key={l.id}>
                        {i > 0 ? t('list.separator') : null}
                        <BilingualText en={l.nameEn} ar={l.nameAr} lang={lang} />
                      </span>
                    ))
                  : t('list.noLeads')}
              </dd>
            </div>
          </dl>
          <p className="draft-card__counts">
            <span>
              {t(`list.provisions.${pluralKey(d.provisions, lang)}`, { n: formatNumber(d.provisions, lang) })}
            </span>
            {d.toTranslate > 0 ? (
              <span className="draft-card__to-translate">
                {t(`list.toTranslate.${pluralKey(d.toTranslate, lang)}`, { n: formatNumber(d.toTranslate, lang) })}
              </span>
            ) : null}
            <span className="muted">{t('list.updated', { date: formatDate(new Date(d.updatedAt), lang) })}</span>
          </p>
        </li>
      ))}
    </ul>
  )
}
