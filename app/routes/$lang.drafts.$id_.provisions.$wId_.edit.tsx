// Editing one provision's heading and text in both languages at once (the working group). The form carries the
// revision it started from: a save over someone's newer words is refused, their text is shown beside the typed
// one (which stays in the form), and the next save starts from their revision. Below: the provision's history.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProvisionBody } from '~/features/drafts/components/page-text'
import { errorKey, type DraftsError } from '~/features/drafts/errors'
import { requireDraftEditor } from '~/features/drafts/guards.server'
import { findProvisionForEditing, listProvisionHistory, namesOf } from '~/features/drafts/history.server'
import { saveProvisionText } from '~/features/drafts/provision.server'
import { draftLanguages, draftLimits } from '~/features/drafts/vocabulary'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts.css?url'
import { redirectWithDraftFlash } from './$lang.drafts.$id/flash.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const notFound = () => new Response('Not Found', { status: 404 })

function requireProvision(draftId: number, wId: string | undefined) {
  if (!wId || !/^[A-Za-z_][\w.-]{0,99}$/.test(wId)) throw notFound()
  const p = findProvisionForEditing(draftId, wId)
  if (!p) throw notFound()
  return p
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { draft } = requireDraftEditor(request, params.id)
  const p = requireProvision(draft.id, params.wId)
  const name = p.names[lang] ?? p.wId
  return {
    lang,
    draftId: draft.id,
    p,
    history: listProvisionHistory(draft.id, p.id).map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
    title: pageTitle(lang, 'edit.documentTitle', 'drafts', { name }),
  }
}

/** Their words at the moment the save was refused, with who saved each language and when. */
type Theirs = {
  revision: number
  texts: Record<string, { heading: string; body: string; by: string | null; at: string }>
}
type Refusal = { error: DraftsError; values: Record<string, string>; current?: Theirs }

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, draft } = requireDraftEditor(request, params.id)
  const p = requireProvision(draft.id, params.wId)
  const formData = await request.formData()
  const read = (name: string) => {
    const v = formData.get(name)
    return typeof v === 'string' ? v : ''
  }
  const values: Record<string, string> = { baseRevision: read('baseRevision') }
  const texts: Record<string, { heading: string; body: string }> = {}
  for (const l of draftLanguages) {
    values[`heading.${l}`] = read(`heading.${l}`)
    values[`body.${l}`] = read(`body.${l}`)
    texts[l] = { heading: values[`heading.${l}`]!, body: values[`body.${l}`]! }
  }
  const saved = saveProvisionText(draft, p.id, { baseRevision: values.baseRevision, texts }, user)
  if (saved.ok) return redirectWithDraftFlash(`/${lang}/drafts/${draft.id}#${p.wId}`, 'provisionSaved')
  if (saved.error === 'staleRevision' && 'current' in saved) {
    const names = namesOf(Object.values(saved.current.texts).flatMap((x) => (x.updatedById ? [x.updatedById] : [])))
    const current: Theirs = {
      revision: saved.current.revision,
      texts: Object.fromEntries(
        Object.entries(saved.current.texts).map(([l, x]) => [
          l,
          {
            heading: x.heading,
            body: x.body,
            by: x.updatedById ? (names.get(x.updatedById) ?? null) : null,
            at: x.updatedAt.toISOString(),
          },
        ]),
      ),
    }
    return data({ error: saved.error, values, current } satisfies Refusal, { status: 409 })
  }
  return data({ error: saved.error, values } satisfies Refusal, { status: 400 })
}

export const handle = { i18n: ['drafts'] }

const dirOf = (l: string) => (l === 'ar' || l.startsWith('ar-') ? 'rtl' : 'ltr')

export default function EditProvisionPage() {
  const { lang, draftId, p, history } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as Refusal | undefined
  const { t } = useTranslation(['drafts', 'common'])
  const name = p.names[lang] ?? p.wId
  const back = `/${lang}/drafts/${draftId}#${p.wId}`
  const columns = [...p.languages].sort((a, b) => Number(b === lang) - Number(a === lang))
  const theirs = refusal?.current
  // After a stale refusal the next save starts from their revision (the user has now seen their words); after
  // any other refusal, from the one the form had, so that a save made meanwhile by someone else is still caught.
  const baseRevision = theirs ? theirs.revision : refusal ? refusal.values.baseRevision : p.revision
  const valueOf = (field: 'heading' | 'body', l: string) =>
    refusal ? (refusal.values[`${field}.${l}`] ?? '') : (p.texts[l]?.[field] ?? '')
  const when = (iso: string) => formatDate(new Date(iso), lang as Language, 'dateTime')
  return (
    <div className="page draft-page draft-edit-page">
      <p className="breadcrumb">
        <Link to={back}>{t('edit.back')}</Link>
      </p>
      <h1>{t('edit.title', { name })}</h1>

      {refusal ? (
        <div className="form-error draft-edit__refusal" role="alert" id="edit-error">
          {theirs ? (
            <>
              <p>
                <strong>{t('edit.staleTitle')}</strong>
              </p>
              <p>{t('edit.staleExplain')}</p>
            </>
          ) : (
            <p>{t(errorKey(refusal.error))}</p>
          )}
        </div>
      ) : null}

      <Form method="post" className="draft-edit" aria-describedby={refusal ? 'edit-error' : undefined}>
        <input type="hidden" name="baseRevision" value={baseRevision} />
        <div className="draft-edit__cols">
          {columns.map((l) => {
            const other = theirs?.texts[l]
            const differs =
              theirs && ((other?.heading ?? '') !== valueOf('heading', l) || (other?.body ?? '') !== valueOf('body', l))
            return (
              <fieldset key={l} className="draft-edit__col">
                <legend>{t(`page.textIn.${l}`, { defaultValue: l })}</legend>
                {theirs && differs ? (
                  <section className="draft-edit__theirs" aria-labelledby={`theirs-${l}`} data-testid={`theirs-${l}`}>
                    <h2 id={`theirs-${l}`} className="draft-edit__theirs-title">
                      {other?.by ? t('edit.theirsBy', { name: other.by, when: when(other.at) }) : t('edit.theirs')}
                    </h2>
                    <div lang={l} dir={dirOf(l)}>
                      {other?.heading ? <p className="draft-edit__theirs-heading">{other.heading}</p> : null}
                      {other?.body ? <ProvisionBody body={other.body} /> : <p>{t('edit.theirsEmpty')}</p>}
                    </div>
                  </section>
                ) : null}
                <div className="field">
                  <label htmlFor={`heading-${l}`}>{t(`page.headingIn.${l}`, { defaultValue: l })}</label>
                  <input
                    id={`heading-${l}`}
                    name={`heading.${l}`}
                    lang={l}
                    dir={dirOf(l)}
                    maxLength={draftLimits.heading}
                    defaultValue={valueOf('heading', l)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`body-${l}`}>
                    {theirs && differs ? t('edit.yours') : t(`page.bodyIn.${l}`, { defaultValue: l })}
                  </label>
                  <textarea
                    id={`body-${l}`}
                    name={`body.${l}`}
                    lang={l}
                    dir={dirOf(l)}
                    rows={10}
                    maxLength={draftLimits.body}
                    aria-describedby="edit-body-hint"
                    defaultValue={valueOf('body', l)}
                  />
                </div>
              </fieldset>
            )
          })}
        </div>
        <p className="field__hint" id="edit-body-hint">
          {t('page.bodyHint')}
        </p>
        <p className="draft-edit__submit">
          <button type="submit" className="button">
            {theirs ? t('edit.saveMerged') : t('edit.save')}
          </button>
          <Link to={back}>{t('edit.cancel')}</Link>
        </p>
      </Form>

      <section className="draft-section" aria-labelledby="edit-history">
        <h2 id="edit-history">{t('edit.history')}</h2>
        {history.length ? (
          <ol className="draft-history" reversed>
            {history.map((h) => (
              <li key={h.id}>
                <span>
                  {t('edit.historyEntry', {
                    revision: h.revision,
                    language: t(`page.language.${h.lang}`, { defaultValue: h.lang }),
                  })}
                </span>{' '}
                <span dir="auto">{h.changedBy ?? t('edit.formerAccount')}</span>{' '}
                <time dateTime={h.changedAt} className="muted">
                  {when(h.changedAt)}
                </time>
                {h.amendmentId ? <span className="badge">{t('edit.fromAmendment')}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('edit.noHistory')}</p>
        )}
      </section>
    </div>
  )
}
