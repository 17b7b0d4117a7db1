// The documents page's two lists: the documents linked to the meeting (by role, each with Unlink) and the
// library's search results (each with a role to link it as).
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { GetForm } from '~/components/get-form'
import { isolate } from '~/features/meetings/meeting-agenda'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { meetingDocumentRoles } from '~/utils/vocabulary'
import type { loader } from './route'

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Listed = Pick<NonNullable<Loaded['results']>['rows'][number], 'id' | 'titleEn' | 'titleAr' | 'visibility' | 'type'>

/** One resource of a list: its title (a link), the members-only badge, a line of facts, and its form. */
function DocumentItem({ lang, d, facts, children }: { lang: Language; d: Listed; facts: string; children: ReactNode }) {
  const { t } = useTranslation(['agenda', 'library'])
  return (
    <li>
      <div className="document-list__title">
        <Link to={`/${lang}/resources/${d.id}`}>
          <BilingualText en={d.titleEn} ar={d.titleAr} lang={lang} />
        </Link>
        {d.visibility === 'members' ? <span className="badge badge--members">{t('display.membersOnly')}</span> : null}
        <p className="muted">
          {t(`types.${d.type}`, { ns: 'library' })}
          {facts}
        </p>
      </div>
      {children}
    </li>
  )
}

export function LinkedDocuments({ lang, linked, q }: { lang: Language; linked: Loaded['linked']; q: string }) {
  const { t } = useTranslation(['agenda', 'library'])
  const anyLinked = meetingDocumentRoles.some((role) => linked[role].length > 0)
  return (
    <section aria-labelledby="linked-title">
      <h2 id="linked-title">{t('documents.linkedTitle')}</h2>
      {anyLinked ? (
        meetingDocumentRoles.map((role) =>
          linked[role].length ? (
            <section key={role} className="document-group" aria-labelledby={`linked-${role}`}>
              <h3 id={`linked-${role}`}>{t(`roles.${role}`)}</h3>
              <ul className="document-list">
                {linked[role].map((d) => (
                  <DocumentItem
                    key={d.id}
                    lang={lang}
                    d={d}
                    facts={d.state !== 'published' ? ` · ${t('documents.notPublished')}` : ''}
                  >
                    <Form method="post">
                      <input type="hidden" name="resourceId" value={d.id} />
                      <input type="hidden" name="q" value={q} />
                      <button type="submit" name="intent" value="unlink" className="button button--quiet button--small">
                        {t('documents.unlink')}
                        <span className="visually-hidden">
                          {' '}
                          {t('documents.unlinkLabel', {
                            title: pickLanguage({ en: d.titleEn, ar: d.titleAr }, lang).text,
                          })}
                        </span>
                      </button>
                    </Form>
                  </DocumentItem>
                ))}
              </ul>
            </section>
          ) : null,
        )
      ) : (
        <p className="muted">{t('documents.none')}</p>
      )}
    </section>
  )
}

export function SearchResults({ lang, q, results }: { lang: Language; q: string; results: Loaded['results'] }) {
  const { t } = useTranslation(['agenda', 'library'])
  const roleOptions = meetingDocumentRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))
  return (
    <section aria-labelledby="search-title" className="panel">
      <h2 id="search-title">{t('documents.searchTitle')}</h2>
      <GetForm className="document-search" role="search">
        <div className="field">
          <label htmlFor="document-q">{t('documents.searchLabel')}</label>
          <input id="document-q" name="q" type="search" defaultValue={q} maxLength={200} dir="auto" />
        </div>
        <button type="submit" className="button">
          {t('documents.searchButton')}
        </button>
      </GetForm>
      {results ? (
        <>
          <p role="status">{t('documents.results', { q: isolate(q), n: results.total })}</p>
          {results.rows.length ? (
            <ul className="document-list">
              {results.rows.map((r) => (
                <DocumentItem
                  key={r.id}
                  lang={lang}
                  d={r}
                  facts={r.role ? ` · ${t('documents.linkedAs', { role: t(`role.${r.role}`) })}` : ''}
                >
                  <Form method="post">
                    <input type="hidden" name="resourceId" value={r.id} />
                    <input type="hidden" name="q" value={q} />
                    <label htmlFor={`role-${r.id}`}>{t('documents.role')}</label>
                    <select id={`role-${r.id}`} name="role" defaultValue={r.role ?? 'background'}>
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <button type="submit" name="intent" value="link" className="button button--small">
                      {r.role ? t('documents.changeRole') : t('documents.link')}
                      <span className="visually-hidden">
                        {' '}
                        {pickLanguage({ en: r.titleEn, ar: r.titleAr }, lang).text}
                      </span>
                    </button>
                  </Form>
                </DocumentItem>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('documents.noResults')}</p>
          )}
        </>
      ) : null}
    </section>
  )
}
