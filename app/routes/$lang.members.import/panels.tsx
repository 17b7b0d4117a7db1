// The pieces of the import page: the summary of what an import changes.
import { useTranslation } from 'react-i18next'
import type { PopoloImportSummary } from '~/features/network/popolo/import.server'
import { formatNumber } from '~/utils/format'

export function Summary({ summary, lang }: { summary: PopoloImportSummary; lang: 'en' | 'ar' }) {
  const { t } = useTranslation('members')
  const n = (v: number) => formatNumber(v, lang)
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('import.summary')}</h2>
      <p>
        {t('import.target')}{' '}
        <strong dir="auto">
          {lang === 'ar'
            ? summary.parliament.nameAr || summary.parliament.nameEn
            : summary.parliament.nameEn || summary.parliament.nameAr}
        </strong>
        {summary.parliament.match === 'new' ? ` (${t('import.newParliament')})` : null}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('import.what')}</th>
              <th scope="col">{t('import.new')}</th>
              <th scope="col">{t('import.updated')}</th>
              <th scope="col">{t('import.unchanged')}</th>
              <th scope="col">{t('import.rejected')}</th>
            </tr>
          </thead>
          <tbody>
            {(['persons', 'memberships'] as const).map((what) => (
              <tr key={what} data-testid={`summary-${what}`}>
                <th scope="row">{t(`import.${what}`)}</th>
                <td>{n(summary[what].new)}</td>
                <td>{n(summary[what].updated)}</td>
                <td>{n(summary[what].unchanged)}</td>
                <td>{n(summary[what].rejected.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.persons.unreadGenders.length ? (
        <div role="note" data-testid="unread-genders">
          <h3>{t('import.unreadGendersTitle')}</h3>
          <p>{t('import.unreadGendersNote')}</p>
          <ul>
            {summary.persons.unreadGenders.map((g) => (
              <li key={g.value}>{t('import.unreadGender', { value: g.value, n: n(g.persons) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {summary.persons.rejected.length ? (
        <>
          <h3>{t('import.rejectedTitle')}</h3>
          <ul>
            {summary.persons.rejected.slice(0, 100).map((r) => (
              <li key={r.id}>
                <bdi>{r.name || r.id}</bdi>:{' '}
                <span lang="en" dir="ltr">
                  {r.reason}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
