import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, StatusMessage } from '~/components/status-message'
import { errorKey } from '~/features/network/errors'
import { listParliamentOptions } from '~/features/network/parliament.server'
import { MAX_POPOLO_BYTES } from '~/features/network/popolo/import.server'
import { requireRole } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { refuse, runImportIntent } from './intents.server'
import { Summary } from './panels'

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

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  requireLanguage(params)
  // Refused before the body is read when the browser says it is too large.
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_POPOLO_BYTES + 64 * 1024) return refuse('fileTooLarge')
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_POPOLO_BYTES }),
    )
  } catch (error) {
    return refuse(error instanceof MaxPartSizeExceededError ? 'fileTooLarge' : 'fileMissing')
  }
  return runImportIntent(form, user)
}

export const handle = { i18n: ['members', 'network'] }

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
          {t(errorKey(result.error))}{' '}
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
