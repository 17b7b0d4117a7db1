// The sections of a parliament's page: its figures, its people and its mechanisms.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import type { listParliamentMechanisms } from '~/features/network/mechanism.server'
import type { getParliament } from '~/features/network/parliament.server'

type Parliament = NonNullable<ReturnType<typeof getParliament>>
type Shares = { total: number; womenShare: number | null; youthShares: Record<30 | 40 | 45, number | null> }

function percent(part: number, whole: number, lang: Language) {
  return whole > 0 ? share(part / whole, lang) : '—'
}

function share(value: number | null, lang: Language) {
  return value == null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value)
}

/** The network's figures for this chamber beside IPU's for the whole chamber. */
export function FiguresPanel({
  p,
  shares,
  minGroup,
  lang,
}: {
  p: Parliament
  shares: Shares
  minGroup: number
  lang: Language
}) {
  const { t } = useTranslation('network')
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{t('profile.figuresTitle')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('profile.figure')}</th>
              <th scope="col">{t('profile.network')}</th>
              <th scope="col">
                {t('profile.ipu', { date: p.ipuAsOf ? formatDate(new Date(`${p.ipuAsOf}T00:00:00Z`), lang) : '—' })}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('profile.members')}</th>
              <td>{formatNumber(shares.total, lang)}</td>
              <td>{p.ipuSeats != null ? formatNumber(p.ipuSeats, lang) : '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('profile.womenShare')}</th>
              <td data-testid="women-share">{share(shares.womenShare, lang)}</td>
              <td>{p.ipuSeats && p.ipuWomen != null ? percent(p.ipuWomen, p.ipuSeats, lang) : '—'}</td>
            </tr>
            {([30, 40, 45] as const).map((age) => (
              <tr key={age}>
                <th scope="row">{t(`profile.under${age}`)}</th>
                <td>{share(shares.youthShares[age], lang)}</td>
                <td>—</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shares.total > 0 && (shares.womenShare == null || shares.youthShares[30] == null) ? (
        <p className="muted">{t('profile.smallGroupNote', { min: formatNumber(minGroup, lang) })}</p>
      ) : null}
    </section>
  )
}

/** Focal points or members: a titled list of names, or a line saying there is none yet. */
export function PeoplePanel({
  id,
  title,
  empty,
  members,
  lang,
}: {
  id: string
  title: string
  empty: string
  members: { id: number; nameEn: string; nameAr: string; position: string }[]
  lang: Language
}) {
  const { t } = useTranslation('network')
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {members.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="member-list">
          {members.map((m) => (
            <li key={m.id}>
              <Link to={`/${lang}/members/${m.id}`}>
                <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
              </Link>{' '}
              <span className="muted">· {t(`positions.${m.position}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The parliament's mechanisms, with the ways to add and edit them for those who may. */
export function MechanismsPanel({
  parliamentId,
  mechanisms,
  canEdit,
  lang,
}: {
  parliamentId: number
  mechanisms: ReturnType<typeof listParliamentMechanisms>
  canEdit: boolean
  lang: Language
}) {
  const { t } = useTranslation('network')
  return (
    <section aria-labelledby="mechanisms-title">
      <h2 id="mechanisms-title">{t('profile.mechanisms')}</h2>
      {canEdit ? (
        <p>
          <Link className="button button--quiet" to={`/${lang}/mechanisms/new?parliament=${parliamentId}`}>
            {t('profile.addMechanism')}
          </Link>
        </p>
      ) : null}
      {mechanisms.length === 0 ? (
        <p className="muted">{t('profile.noMechanisms')}</p>
      ) : (
        <>
          <p>
            <Link to={`/${lang}/mechanisms?parliament=${parliamentId}`}>{t('profile.allMechanisms')}</Link>
          </p>
          <ul className="cards">
            {mechanisms.map((m) => (
              <li key={m.id} className="card">
                <h3>
                  <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
                </h3>
                <p className="muted">
                  {t(`mechanismKinds.${m.kind}`)}
                  {m.year ? ` · ${m.year}` : ''}
                </p>
                <p>
                  <BilingualText en={m.descriptionEn} ar={m.descriptionAr} lang={lang} />
                </p>
                {m.pillars.length ? (
                  <ul className="tags" aria-label={t('profile.pillars')}>
                    {m.pillars.map((n) => (
                      <li key={n}>{t(`pillarsShort.${n}`)}</li>
                    ))}
                  </ul>
                ) : null}
                {m.url ? (
                  <p>
                    <a href={m.url} rel="noreferrer">
                      {t('profile.mechanismLink')}
                    </a>
                  </p>
                ) : null}
                {canEdit ? (
                  <p>
                    <Link to={`/${lang}/mechanisms/${m.id}/edit`}>
                      {t('profile.edit')}
                      <span className="visually-hidden">
                        {' '}
                        <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
                      </span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
