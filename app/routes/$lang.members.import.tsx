import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, StatusMessage } from '~/components/status-message'
import { listParliamentOptions } from '~/features/network/parliament.server'
import {
  commitPopoloImport,
  MAX_POPOLO_BYTES,
  parsePopoloJson,
  planPopoloImport,
  PopoloImportError,
  summarize,
  type PopoloImportSummary,
} from '~/features/network/popolo/import.server'
import { readPendingImport, removePendingImport, storePendingImport } from '~/features/network/popolo/upload.server'
import { requireRole } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  return {
    lang,
    parliaments: listParliamentOptions(lang),
    maxMb: Math.round(MAX_POPOLO_BYTES / 1024 / 1024),
    title: pageTitle(lang, 'import.title', 'members'),
  }
}

type ActionResult =
  | { step: 'preview'; summary: PopoloImportSummary; hash: string; parliamentId: string; fileName: string }
  | { step: 'done'; summary: PopoloImportSummary; written: boolean }
  | { step: 'error'; error: 'tooLarge' | 'noFile' | 'expired' | 'refused'; detail?: string }

function parliamentOption(value: FormDataEntryValue | null) {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : undefined
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  requireLanguage(params)
  // Refused before the body is read when the browser says it is too large.
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_POPOLO_BYTES + 64 * 1024) {
    return data<ActionResult>({ step: 'error', error: 'tooLarge' }, { status: 413 })
  }
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_POPOLO_BYTES }),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return data<ActionResult>({ step: 'error', error: 'tooLarge' }, { status: 413 })
    return data<ActionResult>({ step: 'error', error: 'noFile' }, { status: 400 })
  }
  const parliamentId = parliamentOption(form.get('parliamentId'))
  try {
    if (form.get('intent') === 'commit') {
      const hash = String(form.get('hash') ?? '')
      const bytes = readPendingImport(hash)
      if (!bytes) return data<ActionResult>({ step: 'error', error: 'expired' }, { status: 410 })
      const result = commitPopoloImport(parsePopoloJson(bytes), { parliamentId, source: 'upload' }, user.id)
      removePendingImport(hash)
      return data<ActionResult>({ step: 'done', summary: summarizeResult(result), written: result.written })
    }
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0)
      return data<ActionResult>({ step: 'error', error: 'noFile' }, { status: 400 })
    const bytes = Buffer.from(await file.arrayBuffer())
    const plan = planPopoloImport(parsePopoloJson(bytes), { parliamentId })
    const hash = storePendingImport(bytes)
    return data<ActionResult>({
      step: 'preview',
      summary: summarize(plan),
      hash,
      parliamentId: parliamentId ? String(parliamentId) : '',
      fileName: file.name.slice(0, 200),
    })
  } catch (error) {
    if (error instanceof PopoloImportError) {
      return data<ActionResult>({ step: 'error', error: 'refused', detail: error.message }, { status: 422 })
    }
    throw error
  }
}

function summarizeResult(result: PopoloImportSummary): PopoloImportSummary {
  const { legislature, parliament, persons, memberships } = result
  return { legislature, parliament, persons, memberships }
}

export default function ImportMembers() {
  const { lang, parliaments, maxMb } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('members')
  const busy = navigation.state === 'submitting'
  return (
    <div className="page">
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.lead', { max: formatNumber(maxMb, lang) })}</p>
      {result?.step === 'error' ? (
        <FormError>
          {t(`import.errors.${result.error}`)}{' '}
          {result.detail ? (
            <span lang="en" dir="ltr">
              {result.detail}
            </span>
          ) : null}
        </FormError>
      ) : null}
      {result?.step === 'done' ? (
        <StatusMessage>
          {t(result.written ? 'import.done' : 'import.nothingChanged')}{' '}
          {t('import.newCount', { n: formatNumber(result.summary.persons.new, lang) })}
        </StatusMessage>
      ) : null}
      {result?.step === 'preview' || result?.step === 'done' ? <Summary summary={result.summary} lang={lang} /> : null}
      {result?.step === 'preview' ? (
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="commit" />
          <input type="hidden" name="hash" value={result.hash} />
          <input type="hidden" name="parliamentId" value={result.parliamentId} />
          <p>{t('import.confirm', { file: result.fileName })}</p>
          <button type="submit" className="button" disabled={busy}>
            {t('import.commit')}
          </button>
        </Form>
      ) : (
        <Form method="post" encType="multipart/form-data" className="stack panel">
          <div className="field">
            <label htmlFor="file">{t('import.file')}</label>
            <input id="file" name="file" type="file" accept=".json,application/json" required />
          </div>
          <div className="field">
            <label htmlFor="parliamentId">{t('import.parliament')}</label>
            <select id="parliamentId" name="parliamentId" defaultValue="">
              <option value="">{t('import.parliamentAuto')}</option>
              {parliaments.map((p) => (
                <option key={p.id} value={p.id}>
                  {lang === 'ar' ? p.nameAr || p.nameEn : p.nameEn || p.nameAr}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('import.preview')}
          </button>
        </Form>
      )}
    </div>
  )
}

function Summary({ summary, lang }: { summary: PopoloImportSummary; lang: 'en' | 'ar' }) {
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
            <tr data-testid="summary-persons">
              <th scope="row">{t('import.persons')}</th>
              <td>{n(summary.persons.new)}</td>
              <td>{n(summary.persons.updated)}</td>
              <td>{n(summary.persons.unchanged)}</td>
              <td>{n(summary.persons.rejected.length)}</td>
            </tr>
            <tr data-testid="summary-memberships">
              <th scope="row">{t('import.memberships')}</th>
              <td>{n(summary.memberships.new)}</td>
              <td>{n(summary.memberships.updated)}</td>
              <td>{n(summary.memberships.unchanged)}</td>
              <td>{n(summary.memberships.rejected.length)}</td>
            </tr>
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
