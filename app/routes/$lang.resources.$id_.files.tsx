import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from '~/utils/zod'
import { contentLanguages, fileRoles } from '~/utils/vocabulary'
import { FileUploadField } from '~/components/file-upload-field'
import { BilingualInputs } from '~/components/form/bilingual-fields'
import { FormSelect } from '~/components/form/conform-fields'
import { FormErrorSummary } from '~/components/form/form-parts'
import { requireEditableResource } from '~/features/library/guards.server'
import { addResourceFile, removeResourceFile, roleForType } from '~/features/library/resource.server'
import { AddFileSchema } from '~/features/library/schemas'
import { requireUser } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { maxUploadBytes } from '~/utils/file-store.server'
import { fileUrl } from '~/utils/file-url'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatBytes } from '~/utils/format'
import { useErrorText } from '~/utils/forms'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { readUploadForm } from '~/utils/upload.server'
import styles from '~/styles/resource-pages.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add') }),
  z.object({ intent: z.literal('remove') }),
])

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const r = requireEditableResource(params.id, user)
  return {
    lang,
    resource: { id: r.id, titleEn: r.titleEn, titleAr: r.titleAr, files: r.files },
    defaultRole: roleForType(r.type),
    maxBytes: maxUploadBytes(),
    title: pageTitle(lang, 'page.manageFiles', 'library'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const r = requireEditableResource(params.id, user)
  const back = `/${lang}/resources/${r.id}/files`
  const { formData, uploadErrors } = await readUploadForm(request, user, { fileFields: ['file'] })
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!intent.success) throw new Response('Bad Request', { status: 400 })
  if (intent.data.intent === 'remove') {
    const fileId = readId(formData.get('fileId'))
    if (fileId === null || !r.files.some((f) => f.id === fileId)) throw new Response('Not Found', { status: 404 })
    removeResourceFile(r.id, fileId, user)
    return redirectWithFlash(back, 'fileRemoved')
  }
  const submission = parseWithZod(formData, { schema: AddFileSchema })
  const uploadError = Object.values(uploadErrors)[0]
  if (submission.status !== 'success' || uploadError) {
    return data(
      { result: submission.reply(uploadError ? { fieldErrors: { file: [uploadError] } } : undefined) },
      { status: 400 },
    )
  }
  const added = addResourceFile(r.id, submission.value, user)
  if (!added.ok) return data({ result: submission.reply({ fieldErrors: { file: [added.error] } }) }, { status: 400 })
  return redirectWithFlash(back, 'fileAdded')
}

export const handle = { i18n: ['library'] }

export default function ResourceFiles() {
  const { lang, resource: r, defaultRole, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('library')
  const errorText = useErrorText()
  const [form, fields] = useForm<z.input<typeof AddFileSchema>>({
    lastResult: actionData?.result,
    defaultValue: { role: defaultRole },
    shouldValidate: 'onSubmit',
  })
  const title = pickLanguage({ en: r.titleEn, ar: r.titleAr }, lang)
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/resources/${r.id}`}>{t('page.backToResource')}</Link>
      </p>
      <h1>{t('page.manageFiles')}</h1>
      <p className="lead" lang={title.lang}>
        {title.text}
      </p>
      {r.files.length ? (
        <ul className="file-list">
          {r.files.map((f) => (
            <li key={f.id} className="file-list__item">
              <a href={fileUrl(f)} className="file-list__name" dir="auto">
                {f.originalName}
              </a>
              <span className="file-list__meta">
                {t(`page.roles.${f.role}`)} · <span dir="ltr">{formatBytes(f.size, lang)}</span>
                {f.language ? <> · {t(`contentLanguages.${f.language}`)}</> : null}
              </span>
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="fileId" value={f.id} />
                <button type="submit" className="button button--small button--quiet">
                  {t('page.removeFile', { name: f.originalName })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('page.noFiles')}</p>
      )}
      <h2>{t('form.addAnotherFile')}</h2>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} noValidate className="stack">
        <FormErrorSummary form={form} />
        <input type="hidden" name="intent" value="add" />
        <FileUploadField
          id={fields.file.id}
          name={fields.file.name}
          label={t('form.file')}
          maxBytes={maxBytes}
          errorText={errorText(fields.file.errors)?.join(' ')}
        />
        <FormSelect
          field={fields.role}
          label={t('page.fileRole')}
          fallback="document"
          options={fileRoles.map((role) => ({ value: role, label: t(`page.roles.${role}`) }))}
        />
        <FormSelect
          field={fields.language}
          label={t('form.fileLanguage')}
          emptyLabel={t('form.notSaid')}
          options={contentLanguages.map((l) => ({ value: l, label: t(`contentLanguages.${l}`) }))}
        />
        <BilingualInputs
          fields={[fields.altEn, fields.altAr]}
          labels={[t('page.altEn'), t('page.altAr')]}
          maxLength={500}
        />
        <p>
          <button type="submit" className="button">
            {t('page.addFile')}
          </button>
        </p>
      </Form>
    </div>
  )
}
