import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { meetingDocumentRoles, type MeetingDocumentRole } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { agendaStylesheet, isolate } from '~/features/meetings/meeting-agenda'
import { FormError } from '~/components/status-message'
import { linkDocument, listLinkedDocuments, unlinkDocument } from '~/features/meetings/documents.server'
import { searchResources } from '~/features/search/search.server'
import { requireRole } from '~/utils/auth.server'
import { requireMeeting } from '~/features/meetings/guards.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { meetingPageTitle } from '~/features/meetings/session-form.server'
import { titleMeta } from '~/utils/meta'
import { MeetingDocumentFormSchema } from '~/features/meetings/session-schemas'
import { parseResourceSearch } from '~/features/search/schemas'
import { GetForm } from '~/components/get-form'

// A coordinator links library resources to a meeting (agenda, background papers, outcome documents): search
// the library with a GET field, link a result with a role, unlink. Only published resources can be linked.

export const meta = titleMeta
export const links: LinksFunction = () => [agendaStylesheet]

const RESULTS = 10

function requireEditor(request: Request, params: LoaderFunctionArgs['params']) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const m = requireMeeting(params.id)
  return { user, lang, meeting: m }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, lang, meeting: m } = requireEditor(request, params)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  const linked = listLinkedDocuments(m.id)
  const roleOf = new Map<number, MeetingDocumentRole>()
  for (const role of meetingDocumentRoles) for (const d of linked[role]) roleOf.set(d.id, role)
  // The library's own search, as the coordinator sees it: published resources only (what can be linked).
  const found = q
    ? searchResources(parseResourceSearch(new URLSearchParams({ q })), user, lang, {
        pageSize: RESULTS,
        snippets: false,
      })
    : null
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr },
    q,
    linked,
    results: found
      ? {
          total: found.total,
          rows: found.rows.map((r) => ({
            id: r.id,
            type: r.type,
            titleEn: r.titleEn,
            titleAr: r.titleAr,
            visibility: r.visibility,
            publishedOn: r.publishedOn,
            role: roleOf.get(r.id) ?? null,
          })),
        }
      : null,
    title: meetingPageTitle(m, lang, 'documents.title'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, lang, meeting: m } = requireEditor(request, params)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const q = String(formData.get('q') ?? '')
    .trim()
    .slice(0, 200)
  const back = `/${lang}/meetings/${m.id}/documents${q ? `?${new URLSearchParams({ q })}` : ''}`
  if (intent === 'link') {
    const submission = parseWithZod(formData, { schema: MeetingDocumentFormSchema })
    if (submission.status !== 'success') return data({ error: 'invalidChoice' as const }, { status: 400 })
    if (!linkDocument(m.id, submission.value.resourceId, submission.value.role, user)) {
      return data({ error: 'cannotLink' as const }, { status: 400 })
    }
    return redirectWithFlash(back, 'documentLinked')
  }
  if (intent === 'unlink') {
    const resourceId = Number(formData.get('resourceId'))
    if (!Number.isSafeInteger(resourceId) || !unlinkDocument(m.id, resourceId, user))
      throw new Response('Not Found', { status: 404 })
    return redirectWithFlash(back, 'documentUnlinked')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function MeetingDocumentsEditor() {
  const { lang, meeting, q, linked, results } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['agenda', 'library', 'common'])
  const meetingTitle = pickLanguage({ en: meeting.titleEn, ar: meeting.titleAr }, lang)
  const anyLinked = meetingDocumentRoles.some((role) => linked[role].length > 0)
  const roleOptions = meetingDocumentRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))
  return (
    <div className="page">
      <p className="breadcrumb agenda-editor__nav">
        <Link to={`/${lang}/meetings/${meeting.id}`}>
          {t('editor.backToMeeting')}: <BilingualText en={meeting.titleEn} ar={meeting.titleAr} lang={lang} />
        </Link>
        <Link to={`/${lang}/meetings/${meeting.id}/agenda`}>{t('documents.agendaLink')}</Link>
      </p>
      <h1>
        {t('documents.title')}:{' '}
        <span lang={meetingTitle.lang} dir={meetingTitle.lang ? 'auto' : undefined}>
          {meetingTitle.text}
        </span>
      </h1>
      <p className="lead">{t('documents.lead')}</p>
      <FormError>
        {actionData?.error === 'cannotLink'
          ? t('documents.cannotLink')
          : actionData?.error
            ? t('validation.invalidChoice', { ns: 'common' })
            : null}
      </FormError>

      <section aria-labelledby="linked-title">
        <h2 id="linked-title">{t('documents.linkedTitle')}</h2>
        {anyLinked ? (
          meetingDocumentRoles.map((role) =>
            linked[role].length ? (
              <section key={role} className="document-group" aria-labelledby={`linked-${role}`}>
                <h3 id={`linked-${role}`}>{t(`roles.${role}`)}</h3>
                <ul className="document-list">
                  {linked[role].map((d) => {
                    const title = pickLanguage({ en: d.titleEn, ar: d.titleAr }, lang).text
                    return (
                      <li key={d.id}>
                        <div className="document-list__title">
                          <Link to={`/${lang}/resources/${d.id}`}>
                            <BilingualText en={d.titleEn} ar={d.titleAr} lang={lang} />
                          </Link>
                          {d.visibility === 'members' ? (
                            <span className="badge badge--members">{t('display.membersOnly')}</span>
                          ) : null}
                          <p className="muted">
                            {t(`types.${d.type}`, { ns: 'library' })}
                            {d.state !== 'published' ? ` · ${t('documents.notPublished')}` : ''}
                          </p>
                        </div>
                        <Form method="post">
                          <input type="hidden" name="resourceId" value={d.id} />
                          <input type="hidden" name="q" value={q} />
                          <button
                            type="submit"
                            name="intent"
                            value="unlink"
                            className="button button--quiet button--small"
                          >
                            {t('documents.unlink')}
                            <span className="visually-hidden"> {t('documents.unlinkLabel', { title })}</span>
                          </button>
                        </Form>
                      </li>
                    )
                  })}
                </ul>
              </section>
            ) : null,
          )
        ) : (
          <p className="muted">{t('documents.none')}</p>
        )}
      </section>

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
                  <li key={r.id}>
                    <div className="document-list__title">
                      <Link to={`/${lang}/resources/${r.id}`}>
                        <BilingualText en={r.titleEn} ar={r.titleAr} lang={lang} />
                      </Link>
                      {r.visibility === 'members' ? (
                        <span className="badge badge--members">{t('display.membersOnly')}</span>
                      ) : null}
                      <p className="muted">
                        {t(`types.${r.type}`, { ns: 'library' })}
                        {r.role ? ` · ${t('documents.linkedAs', { role: t(`role.${r.role}`) })}` : ''}
                      </p>
                    </div>
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
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('documents.noResults')}</p>
            )}
          </>
        ) : null}
      </section>
    </div>
  )
}
