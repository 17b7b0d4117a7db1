import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { RequestForm } from '~/features/requests/request-form'
import { submitRequest } from '~/features/requests/actions.server'
import { getParliamentName } from '~/features/network/parliament.server'
import { getPendingUpload } from '~/utils/pending-upload.server'
import { programmeOptions } from '~/features/programmes/programme.server'
import { requireUser } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { maxUploadBytes } from '~/utils/file-store.server'
import { readId } from '~/utils/ids'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { readUploadForm } from '~/utils/upload.server'
import { earliestToday, requestFormSchema } from '~/features/requests/schemas'
import styles from '~/styles/requests.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const attachmentFields = ['attachment1', 'attachment2'] as const

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const parliament = user.parliamentId ? getParliamentName(user.parliamentId) : undefined
  const programmes = programmeOptions()
  // "Request this" in the catalogue: the form opens with that programme, its kind and its title.
  const search = new URL(request.url).searchParams
  const wanted = readId(search.get('programme'))
  const chosen = programmes.find((p) => p.id === wanted)
  // "Ask for technical assistance" from a questionnaire's response: the form opens with its question and answer.
  const prefill = (name: string, max: number) => [...(search.get(name) ?? '')].slice(0, max).join('')
  return {
    lang,
    parliament: parliament ? { en: parliament.nameEn, ar: parliament.nameAr } : null,
    programmes,
    defaultValue: {
      programmeId: chosen ? String(chosen.id) : '',
      kind: chosen?.kind ?? 'legislative_drafting',
      subject: chosen ? pickLanguage({ en: chosen.titleEn, ar: chosen.titleAr }, lang).text : prefill('subject', 200),
      need: prefill('need', 10_000),
      languages: [lang],
    },
    minDate: earliestToday(),
    maxBytes: maxUploadBytes(),
    title: pageTitle(lang, 'form.title', 'requests'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  if (!user.parliamentId) throw new Response('Forbidden', { status: 403 })
  const { formData, uploadErrors } = await readUploadForm(request, user, { fileFields: [...attachmentFields] })
  const fieldErrors: Record<string, string[]> = {}
  const uploads = { attachment1: null, attachment2: null } as Record<
    (typeof attachmentFields)[number],
    { id: string; name: string; size: number } | null
  >
  for (const name of attachmentFields) {
    if (uploadErrors[name]) fieldErrors[name] = [uploadErrors[name]]
    const id = formData.get(name)
    if (typeof id !== 'string' || !id) continue
    const pending = getPendingUpload(id, user.id)
    if (!pending) fieldErrors[name] = ['uploadGone']
    else {
      uploads[name] = { id: pending.id, name: pending.originalName, size: pending.size }
      formData.append('attachments', id)
    }
  }
  const submission = parseWithZod(formData, { schema: requestFormSchema() })
  if (submission.status === 'success' && submission.value.programmeId !== null) {
    if (!programmeOptions().some((p) => p.id === submission.value.programmeId))
      fieldErrors.programmeId = ['invalidChoice']
  }
  if (submission.status !== 'success' || Object.keys(fieldErrors).length) {
    return data(
      { result: submission.reply(Object.keys(fieldErrors).length ? { fieldErrors } : undefined), uploads },
      { status: 400 },
    )
  }
  // The request, its audit row and its mails commit together, or none of them.
  const submitted = submitRequest(submission.value, { ...user, parliamentId: user.parliamentId })
  if (!submitted.ok) {
    return data(
      {
        result: submission.reply({ fieldErrors: { attachment1: [submitted.error] } }),
        uploads: { attachment1: null, attachment2: null },
      },
      { status: 400 },
    )
  }
  return redirectWithFlash(`/${lang}/requests/${submitted.value.id}`, 'requestSubmitted')
}

export const handle = { i18n: ['library', 'network', 'requests'] }

export default function NewRequest() {
  const { lang, parliament, programmes, defaultValue, minDate, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['requests', 'common'])
  return (
    <div className="page narrow request-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/requests`}>{t('page.backToList')}</Link>
      </p>
      <h1>{t('form.title')}</h1>
      {parliament ? (
        <>
          <p className="lead">{t('form.lead')}</p>
          <p className="request-page__on-behalf">
            {t('form.onBehalf')} <BilingualText en={parliament.en} ar={parliament.ar} lang={lang} />
          </p>
          <p>
            <Link to={`/${lang}/programmes`}>{t('form.catalogueLink')}</Link>
          </p>
          <RequestForm
            lang={lang}
            lastResult={actionData?.result}
            defaultValue={defaultValue}
            programmes={programmes}
            uploads={actionData?.uploads ?? { attachment1: null, attachment2: null }}
            minDate={minDate}
            maxBytes={maxBytes}
          />
        </>
      ) : (
        <div className="notice" role="note">
          <h2>{t('form.noParliamentTitle')}</h2>
          <p>{t('validation.noParliament', { ns: 'common' })}</p>
        </div>
      )}
    </div>
  )
}
