import { getFormProps, getSelectProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { contentLanguages, pillars, programmeKinds, resolutions, themes } from '#db/enums'
import { FileUploadField, type PendingFile } from '~/components/file-upload-field'
import { FormInput, FormTextarea, useServerForm } from '~/components/form/conform-fields'
import { FormError } from '~/components/status-message'
import { CheckboxGroup, toOptions } from '~/components/ui/checkbox-group'
import { FieldErrors } from '~/components/ui/field'
import { pickLanguage } from '~/utils/bilingual'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import type { requestFormSchema } from './schemas'

type Schema = z.input<ReturnType<typeof requestFormSchema>>

type Props = {
  lang: Language
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: Record<string, string | string[] | undefined>
  programmes: { id: number; titleEn: string; titleAr: string }[]
  /** Attachments already uploaded, kept when the form comes back with errors. */
  uploads: Record<'attachment1' | 'attachment2', PendingFile | null>
  minDate: string
  maxBytes: number
}

/** A member's request for technical assistance (multipart: its attachments go through the library's uploads). */
export function RequestForm({ lang, lastResult, defaultValue, programmes, uploads, minDate, maxBytes }: Props) {
  const { t } = useTranslation(['requests', 'library', 'common', 'network'])
  const errorText = useErrorText()
  const [form, fields] = useServerForm<Schema>({ lastResult, defaultValue })
  const topicErrors = errorText([
    ...(form.allErrors.topics ?? []),
    ...Object.values(fields.pillars.allErrors).flat(),
    ...Object.values(fields.resolutions.allErrors).flat(),
    ...Object.values(fields.themes.allErrors).flat(),
  ])
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="request-form">
      <FormError id={form.errorId}>{errorText(form.errors)?.join(' ')}</FormError>
      <div className="field">
        <label htmlFor={fields.programmeId.id}>{t('form.programme')}</label>
        <select {...getSelectProps(fields.programmeId)}>
          <option value="">{t('form.programmeNone')}</option>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {pickLanguage({ en: p.titleEn, ar: p.titleAr }, lang).text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fields.kind.id}>{t('form.kind')}</label>
        <select
          {...getSelectProps(fields.kind)}
          aria-describedby={fields.kind.errors ? `${fields.kind.id}-error` : undefined}
        >
          {programmeKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <FormInput
        field={fields.subject}
        label={t('form.subject')}
        hint={t('form.subjectHint')}
        dir="auto"
        maxLength={200}
      />
      <FormTextarea field={fields.need} label={t('form.need')} hint={t('form.needHint')} rows={7} maxLength={10_000} />

      <fieldset className="request-form__group" aria-describedby={topicErrors?.length ? 'topics-error' : 'topics-hint'}>
        <legend>{t('form.topics')}</legend>
        <p className="field__hint" id="topics-hint">
          {t('form.topicsHint')}
        </p>
        {topicErrors?.length ? <FieldErrors id="topics-error" errors={[...new Set(topicErrors)]} /> : null}
        {/* The three lists' errors are said once, above, with the topic rule's own. */}
        <CheckboxGroup
          legend={t('form.pillars')}
          field={fields.pillars}
          errors={[]}
          options={toOptions(pillars, (v) => t(`pillarsShort.${v}`, { ns: 'network' }))}
        />
        <CheckboxGroup
          legend={t('form.resolutions')}
          field={fields.resolutions}
          errors={[]}
          options={toOptions(resolutions, (v) => t(`resolutions.${v}`, { ns: 'common' }))}
        />
        <CheckboxGroup
          legend={t('form.themes')}
          field={fields.themes}
          errors={[]}
          options={toOptions(themes, (v) => t(`themes.${v}`, { ns: 'library' }))}
        />
      </fieldset>

      <fieldset className="request-form__group request-form__dates">
        <legend>{t('form.dates')}</legend>
        <p className="field__hint">{t('form.datesHint')}</p>
        <FormInput field={fields.desiredFrom} type="date" label={t('form.desiredFrom')} min={minDate} />
        <FormInput field={fields.desiredTo} type="date" label={t('form.desiredTo')} min={minDate} />
      </fieldset>

      <CheckboxGroup
        legend={t('form.languages')}
        field={fields.languages}
        options={toOptions(contentLanguages, (v) => t(`contentLanguages.${v}`, { ns: 'library' }))}
      />

      <fieldset className="request-form__group">
        <legend>{t('form.attachments')}</legend>
        <p className="field__hint">{t('form.attachmentsHint')}</p>
        {(['attachment1', 'attachment2'] as const).map((name) => (
          <FileUploadField
            key={name}
            name={name}
            label={t(`form.${name}`)}
            maxBytes={maxBytes}
            defaultUpload={uploads[name] ?? undefined}
            errorText={errorText(form.allErrors[name])?.join(' ')}
          />
        ))}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button">
          {t('form.submit')}
        </button>
      </div>
    </Form>
  )
}
