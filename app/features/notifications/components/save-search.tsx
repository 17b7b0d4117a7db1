// "Save this search" (issue 17): the library, meetings and mechanisms pages render it with their current query
// string; it posts to the account's alerts page. A visitor is offered to sign in first (a saved search needs an account).
import { Form, Link, useLocation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { alertFrequencies, type SearchScope } from '../vocabulary'

export function SaveSearch({ lang, scope, signedIn }: { lang: 'en' | 'ar'; scope: SearchScope; signedIn: boolean }) {
  const { t } = useTranslation('alerts')
  const location = useLocation()
  const id = useId()
  // The page's current query string, as its loader read it (the server drops the page number).
  const query = location.search.replace(/^\?/, '')
  const defaultName = new URLSearchParams(query).get('q')?.trim().slice(0, 120) || t(`scope.${scope}`)
  if (!signedIn) {
    const back = `${location.pathname}${location.search}`
    return (
      <p className="save-search">
        <Link to={`/${lang}/login?redirectTo=${encodeURIComponent(back)}`}>{t('save.signIn')}</Link>
      </p>
    )
  }
  return (
    <details className="save-search">
      <summary>{t('save.heading')}</summary>
      <Form method="post" action={`/${lang}/account/alerts`} className="save-search__form">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="query" value={query} />
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('save.name')}</label>
          <input id={`${id}-name`} name="name" defaultValue={defaultName} maxLength={120} required dir="auto" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-frequency`}>{t('save.frequency')}</label>
          <select id={`${id}-frequency`} name="frequency" defaultValue="daily">
            {alertFrequencies.map((f) => (
              <option key={f} value={f}>
                {t(`frequency.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('save.submit')}
        </button>
      </Form>
    </details>
  )
}
