import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { contentLanguages, fileRoles } from '~/utils/vocabulary'
import { FileUploadField } from '~/components/file-upload-field'
import { FormError } from '~/components/status-message'
import { Field, SelectField } from '~/components/ui/field'
import { recordAuditEvent } from '~/utils/audit.server'
import { addResourceFile, removeResourceFile } from '~/features/library/resource.server'
import { requireUser } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { fileUrl } from '~/utils/file-url'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatBytes } from '~/utils/format'
import { useErrorText } from '~/utils/forms'
import { maxUploadBytes } from '~/utils/file-store.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { requireEditableResource } from '~/features/library/form.server'
import { readUploadForm } from '~/utils/upload.server'
import { AddFileSchema } from '~/features/library/schemas'
import styles from '~/styles/resource-pages.css?url'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const r = requireEditableResource(params.id, user)
  return {
    lang,
    resource: { id: r.id, titleEn: r.titleEn, titleAr: r.titleAr, type: r.type, files: r.files },
    maxBytes: maxUploadBytes(),
    title: pageTitle(lang, 'page.manageFiles', 'resources'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const r = requireEditableResource(params.id, user)
  const back = `/${lang}/resources/${r.id}/files`
  const { formData, uploadErrors } = await readUploadForm(request, user, { fileFields: ['file'] })
  if (formData.get('intent') === 'remove') {
    const fileId = Number(formData.get('fileId'))
    if (!r.files.some((f) => f.id === fileId)) throw new Response('Not Found', { status: 404 })
    atomically((tx) => {
      removeResourceFile(r.id, fileId)
      recordAuditEvent(
        {
          actorId: user.id,
          action: 'resource.file_removed',
          targetType: 'resource',
          targetId: r.id,
          details: { fileId },
        },
        tx,
      )
    })
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
  const added = atomically((tx) => {
    const file = addResourceFile(r.id, submission.value, user)
    if (file)
      recordAuditEvent(
        {
          actorId: user.id,
          action: 'resource.file_added',
          targetType: 'resource',
          targetId: r.id,
          details: { fileId: file.id },
        },
        tx,
      )
    return file
  })
  if (!added) return data({ result: submission.reply({ fieldErrors: { file: ['uploadGone'] } }) }, { status: 400 })
  return redirectWithFlash(back, 'fileAdded')
}

export default function ResourceFiles() {
  const { lang, resource: r, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['resources', 'library'])
  const errorText = useErrorText()
  const [form, fields] = useForm<z.input<typeof AddFileSchema>>({
    lastResult: actionData?.result,
    defaultValue: {
      role: r.type === 'video' || r.type === 'audio' ? 'media' : r.type === 'image_gallery' ? 'image' : 'document',
    },
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
                {f.language ? <> · {t(`contentLanguages.${f.language}`, { ns: 'library' })}</> : null}
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
        <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>
        <input type="hidden" name="intent" value="add" />
        <FileUploadField
          id={fields.file.id}
          name={fields.file.name}
          label={t('form.file')}
          maxBytes={maxBytes}
          errorText={errorText(fields.file.errors)?.join(' ')}
        />
        <SelectField
          id={fields.role.id}
          name={fields.role.name}
          label={t('page.fileRole')}
          defaultValue={(fields.role.initialValue as string | undefined) ?? 'document'}
          errors={errorText(fields.role.errors)}
          options={fileRoles.map((role) => ({ value: role, label: t(`page.roles.${role}`) }))}
        />
        <SelectField
          id={fields.language.id}
          name={fields.language.name}
          label={t('form.fileLanguage')}
          defaultValue={(fields.language.initialValue as string | undefined) ?? ''}
          errors={errorText(fields.language.errors)}
          options={[
            { value: '', label: t('form.notSaid') },
            ...contentLanguages.map((l) => ({ value: l, label: t(`contentLanguages.${l}`, { ns: 'library' }) })),
          ]}
        />
        <Field
          label={t('page.altEn')}
          errors={errorText(fields.altEn.errors)}
          inputProps={{ ...getInputProps(fields.altEn, { type: 'text' }), lang: 'en', dir: 'ltr', maxLength: 500 }}
        />
        <Field
          label={t('page.altAr')}
          errors={errorText(fields.altAr.errors)}
          inputProps={{ ...getInputProps(fields.altAr, { type: 'text' }), lang: 'ar', dir: 'rtl', maxLength: 500 }}
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
