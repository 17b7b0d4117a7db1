// The person's saved searches and alerts (issue 17): list, rename, alert frequency, delete, and a link that runs
// the search. The "Save this search" form of the library, meetings and mechanisms pages posts here too.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusMessage } from '~/components/status-message'
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  renameSavedSearch,
  RenameSearchSchema,
  SaveSearchSchema,
  searchPath,
  setAlertFrequency,
  type SavedSearchError,
} from '~/features/notifications/alerts'
import { alertFrequencies } from '~/features/notifications/vocabulary'
import { requireUser } from '~/utils/auth.server'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { z } from '~/utils/zod'

export const meta = titleMeta
export const handle = { i18n: ['alerts'] }

const doneKeys = ['saved', 'renamed', 'frequencySet', 'deleted'] as const
type DoneKey = (typeof doneKeys)[number]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const user = requireUser(request)
  const done = new URL(request.url).searchParams.get('done')
  return {
    lang,
    searches: listSavedSearches(user.id).map((s) => ({
      ...s,
      href: `/${lang}${searchPath(s.scope, s.query)}`,
      lastRunAt: s.lastRunAt?.toISOString() ?? null,
    })),
    done: (doneKeys as readonly string[]).includes(done ?? '') ? (done as DoneKey) : null,
    title: pageTitle(lang, 'title', 'alerts'),
  }
}

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save') }),
  z.object({ intent: z.literal('rename'), id: z.string() }),
  z.object({ intent: z.literal('frequency'), id: z.string(), frequency: z.enum(alertFrequencies) }),
  z.object({ intent: z.literal('delete'), id: z.string() }),
])

type ActionError = SavedSearchError | 'invalid'

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const user = requireUser(request)
  const form = await request.formData()
  const fields = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'))
  const intent = IntentSchema.safeParse(fields)
  const refuse = (error: ActionError, id: number | null = null) => data({ error, id }, { status: 400 })
  const done = (key: DoneKey) => redirect(`/${lang}/account/alerts?done=${key}`)
  if (!intent.success) return refuse('invalid')
  if (intent.data.intent === 'save') {
    const parsed = SaveSearchSchema.safeParse(fields)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]?.message
      return refuse(issue === 'nameRequired' || issue === 'nameTooLong' ? issue : 'invalid')
    }
    const owner = { id: user.id, role: user.role, parliamentId: user.parliamentId }
    const result = createSavedSearch(owner, lang, parsed.data)
    return result.ok ? done('saved') : refuse(result.error)
  }
  const id = readId(intent.data.id)
  if (id === null) return refuse('notFound')
  if (intent.data.intent === 'rename') {
    const parsed = RenameSearchSchema.safeParse(fields)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]?.message
      return refuse(issue === 'nameTooLong' ? issue : 'nameRequired', id)
    }
    const result = renameSavedSearch(user.id, id, parsed.data.name)
    return result.ok ? done('renamed') : refuse(result.error, id)
  }
  if (intent.data.intent === 'frequency') {
    const result = setAlertFrequency(user.id, id, intent.data.frequency)
    return result.ok ? done('frequencySet') : refuse(result.error, id)
  }
  const result = deleteSavedSearch(user.id, id)
  return result.ok ? done('deleted') : refuse(result.error, id)
}

export default function AccountAlerts() {
  const { searches, done } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('alerts')
  return (
    <div className="page account-alerts">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {done ? <StatusMessage>{t(`done.${done}`)}</StatusMessage> : null}
      {failure ? (
        <p className="form-error" role="alert">
          {t(`errors.${failure.error}`)}
        </p>
      ) : null}
      {searches.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="account-alerts__list">
          {searches.map((s) => (
            <li key={s.id} className="card" aria-labelledby={`search-${s.id}`}>
              <h2 id={`search-${s.id}`} dir="auto">
                {s.name}
              </h2>
              <p>
                {t(`scope.${s.scope}`)} · <Link to={s.href}>{t('list.open')}</Link>
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="frequency" />
                <input type="hidden" name="id" value={s.id} />
                <label htmlFor={`frequency-${s.id}`}>{t('list.frequencyOf', { name: s.name })}</label>
                <select id={`frequency-${s.id}`} name="frequency" defaultValue={s.frequency}>
                  {alertFrequencies.map((f) => (
                    <option key={f} value={f}>
                      {t(`frequency.${f}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--quiet">
                  {t('list.setFrequency')}
                </button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="rename" />
                <input type="hidden" name="id" value={s.id} />
                <label htmlFor={`name-${s.id}`}>{t('list.newName', { name: s.name })}</label>
                <input id={`name-${s.id}`} name="name" defaultValue={s.name} maxLength={120} required dir="auto" />
                <button type="submit" className="button button--quiet">
                  {t('list.rename')}
                </button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={s.id} />
                <button
                  type="submit"
                  className="button button--danger"
                  aria-label={t('list.deleteNamed', { name: s.name })}
                >
                  {t('list.delete')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
