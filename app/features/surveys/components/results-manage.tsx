import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import type { Language } from '~/utils/i18n'

type Props = {
  lang: Language
  surveyId: number
  published: boolean
  /** The library report, once made. */
  resourceId: number | null
  /** A refusal of the last action (a key of results.errors). */
  error: string | null
}

/** Coordinators' tools on the results page: publish or take back the results, the library report, the exports. */
export function ResultsManage({ lang, surveyId, published, resourceId, error }: Props) {
  const { t } = useTranslation('surveys')
  const exportLink = (ext: 'csv' | 'xlsx', in_: Language) => `/surveys/${surveyId}/results.${ext}?lang=${in_}`
  return (
    <aside className="results-manage">
      <section aria-labelledby="results-manage-title">
        <h2 id="results-manage-title">{t('results.manage.title')}</h2>
        {error ? <FormError>{t(`results.errors.${error}`)}</FormError> : null}
        <Form method="post" className="results-manage__form">
          {published ? (
            <button type="submit" name="intent" value="unpublish" className="button button--quiet">
              {t('results.manage.unpublish')}
            </button>
          ) : (
            <>
              <p className="muted">{t('results.manage.publishHelp')}</p>
              <button type="submit" name="intent" value="publish" className="button">
                {t('results.manage.publish')}
              </button>
            </>
          )}
        </Form>
        {resourceId !== null ? (
          <p>
            <Link to={`/${lang}/resources/${resourceId}`}>{t('results.manage.inLibrary')}</Link>
          </p>
        ) : published ? (
          <Form method="post" className="results-manage__form">
            <p className="muted">{t('results.manage.libraryHelp')}</p>
            <button type="submit" name="intent" value="library" className="button">
              {t('results.manage.library')}
            </button>
          </Form>
        ) : (
          <p className="muted">{t('results.manage.libraryNeedsPublished')}</p>
        )}
      </section>
      <section aria-labelledby="results-export-title">
        <h2 id="results-export-title">{t('export.title')}</h2>
        <p className="muted">{t('export.help')}</p>
        <ul className="results-exports">
          <li>
            <a href={exportLink('xlsx', 'en')} download>
              {t('export.xlsxEn')}
            </a>
          </li>
          <li>
            <a href={exportLink('xlsx', 'ar')} download>
              {t('export.xlsxAr')}
            </a>
          </li>
          <li>
            <a href={exportLink('csv', 'en')} download>
              {t('export.csvEn')}
            </a>
          </li>
          <li>
            <a href={exportLink('csv', 'ar')} download>
              {t('export.csvAr')}
            </a>
          </li>
        </ul>
      </section>
    </aside>
  )
}
