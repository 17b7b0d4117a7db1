import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { contentLanguages, regions, resolutions, resourceTypes, themes, visibilities } from '#db/enums'
import { FileUploadField } from '~/components/file-upload-field'
import { FormError } from '~/components/status-message'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { pickLanguage } from '~/utils/bilingual'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import type { ResourceFormSchema } from './schemas'

type Schema = z.input<typeof ResourceFormSchema>
type Option = { value: string; label: string }

export type ResourceFormValues = Record<string, string | string[] | undefined>

/** The buttons at the bottom: what saving does depends on who you are and where the resource stands. */
export type ResourceFormAction = { intent: 'draft' | 'submit' | 'publish' | 'save'; label: string; primary?: boolean }

/** The form to share a resource or edit one (the same fields both ways). */
export function ResourceForm({
  lastResult,
  defaultValue,
  lang,
  actions,
  countries,
  parliaments,
  pendingUpload,
  fileLabel,
  maxBytes,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: ResourceFormValues
  lang: Language
  actions: ResourceFormAction[]
  countries: { code: string; name: string }[]
  parliaments: { id: number; nameEn: string; nameAr: string }[]
  /** A file uploaded before the form came back with errors: kept, so it isn't sent again. */
  pendingUpload: { id: string; name: string; size: number } | null
  fileLabel: string
  maxBytes: number
}) {
  const { t } = useTranslation(['resources', 'library', 'common', 'network'])
  const errorText = useErrorText()
  const [form, fields] = useForm<Schema>({
    lastResult,
    defaultValue: defaultValue as Record<string, unknown>,
    shouldValidate: 'onSubmit',
  })
  const options = (values: readonly string[], label: (v: string) => string): Option[] =>
    values.map((value) => ({ value, label: label(value) }))
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      noValidate
      className="stack resource-form"
    >
      <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>

      <fieldset className="resource-form__group">
        <legend>{t('form.about')}</legend>
        <SelectField
          id={fields.type.id}
          name={fields.type.name}
          label={t('form.type')}
          defaultValue={(fields.type.initialValue as string | undefined) ?? 'publication'}
          errors={errorText(fields.type.errors)}
          options={options(resourceTypes, (v) => t(`types.${v}`, { ns: 'library' }))}
        />
        <Field
          label={t('form.titleEn')}
          hint={t('form.titleHint')}
          errors={errorText(fields.titleEn.errors)}
          inputProps={{ ...getInputProps(fields.titleEn, { type: 'text' }), lang: 'en', dir: 'ltr', maxLength: 300 }}
        />
        <Field
          label={t('form.titleAr')}
          errors={errorText(fields.titleAr.errors)}
          inputProps={{ ...getInputProps(fields.titleAr, { type: 'text' }), lang: 'ar', dir: 'rtl', maxLength: 300 }}
        />
        <TextareaField
          field={fields.summaryEn}
          label={t('form.summaryEn')}
          errors={errorText(fields.summaryEn.errors)}
          lang="en"
          rows={5}
          maxLength={5000}
        />
        <TextareaField
          field={fields.summaryAr}
          label={t('form.summaryAr')}
          errors={errorText(fields.summaryAr.errors)}
          lang="ar"
          rows={5}
          maxLength={5000}
        />
      </fieldset>

      <fieldset className="resource-form__group">
        <legend>{t('form.content')}</legend>
        <FileUploadField
          name={fields.file.name}
          id={fields.file.id}
          label={fileLabel}
          maxBytes={maxBytes}
          defaultUpload={pendingUpload ?? undefined}
          errorText={errorText(fields.file.errors)?.join(' ')}
        />
        <SelectField
          id={fields.fileLanguage.id}
          name={fields.fileLanguage.name}
          label={t('form.fileLanguage')}
          defaultValue={(fields.fileLanguage.initialValue as string | undefined) ?? ''}
          errors={errorText(fields.fileLanguage.errors)}
          options={[
            { value: '', label: t('form.notSaid') },
            ...options(contentLanguages, (v) => t(`contentLanguages.${v}`, { ns: 'library' })),
          ]}
        />
        <Field
          label={t('form.externalUrl')}
          hint={t('form.externalUrlHint')}
          errors={errorText(fields.externalUrl.errors)}
          inputProps={{ ...getInputProps(fields.externalUrl, { type: 'url' }), dir: 'ltr', autoComplete: 'url' }}
        />
        <CheckboxGroup
          legend={t('form.languages')}
          hint={t('form.languagesHint')}
          field={fields.languages}
          errors={errorText(Object.values(fields.languages.allErrors).flat())}
          options={options(contentLanguages, (v) => t(`contentLanguages.${v}`, { ns: 'library' }))}
        />
      </fieldset>

      <fieldset className="resource-form__group">
        <legend>{t('form.topics')}</legend>
        <CheckboxGroup
          legend={t('form.pillars')}
          field={fields.pillars}
          errors={errorText(Object.values(fields.pillars.allErrors).flat())}
          options={options(['1', '2', '3', '4'], (v) => t(`pillarsShort.${v}`, { ns: 'network' }))}
        />
        <CheckboxGroup
          legend={t('form.resolutions')}
          field={fields.resolutions}
          errors={errorText(Object.values(fields.resolutions.allErrors).flat())}
          options={options(resolutions, (v) => t(`resolutions.${v}`, { ns: 'common' }))}
        />
        <CheckboxGroup
          legend={t('form.themes')}
          field={fields.themes}
          errors={errorText(Object.values(fields.themes.allErrors).flat())}
          options={options(themes, (v) => t(`themes.${v}`, { ns: 'library' }))}
        />
        <Field
          label={t('form.tags')}
          hint={t('form.tagsHint')}
          errors={errorText(fields.tags.errors)}
          inputProps={{ ...getInputProps(fields.tags, { type: 'text' }), dir: 'auto', maxLength: 500 }}
        />
        <SelectField
          id={fields.region.id}
          name={fields.region.name}
          label={t('form.region')}
          defaultValue={(fields.region.initialValue as string | undefined) ?? ''}
          errors={errorText(fields.region.errors)}
          options={[
            { value: '', label: t('form.notSaid') },
            ...options(regions, (v) => t(`regions.${v}`, { ns: 'common' })),
          ]}
        />
        <MultiSelect
          id={fields.countries.id}
          name={fields.countries.name}
          label={t('form.countries')}
          hint={t('form.multiHint')}
          defaultValue={(fields.countries.initialValue as string[] | undefined) ?? []}
          errors={errorText(Object.values(fields.countries.allErrors).flat())}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <MultiSelect
          id={fields.parliamentIds.id}
          name={fields.parliamentIds.name}
          label={t('form.parliaments')}
          hint={t('form.multiHint')}
          defaultValue={(fields.parliamentIds.initialValue as string[] | undefined) ?? []}
          errors={errorText(Object.values(fields.parliamentIds.allErrors).flat())}
          options={parliaments.map((p) => ({
            value: String(p.id),
            label: pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang).text,
          }))}
        />
      </fieldset>

      <fieldset className="resource-form__group">
        <legend>{t('form.publication')}</legend>
        <Field
          label={t('form.publisher')}
          errors={errorText(fields.publisher.errors)}
          inputProps={{ ...getInputProps(fields.publisher, { type: 'text' }), dir: 'auto', maxLength: 300 }}
        />
        <TextareaField
          field={fields.authors}
          label={t('form.authors')}
          hint={t('form.authorsHint')}
          errors={errorText(fields.authors.errors)}
          rows={3}
        />
        <Field
          label={t('form.publishedOn')}
          errors={errorText(fields.publishedOn.errors)}
          inputProps={{ ...getInputProps(fields.publishedOn, { type: 'date' }), className: 'resource-form__date' }}
        />
        <Field
          label={t('form.licence')}
          hint={t('form.licenceHint')}
          errors={errorText(fields.licence.errors)}
          inputProps={{
            ...getInputProps(fields.licence, { type: 'text' }),
            dir: 'auto',
            maxLength: 200,
            list: 'licences',
          }}
        />
        <datalist id="licences">
          {['CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC 4.0', 'CC0 1.0', t('form.allRightsReserved')].map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <fieldset className="choice-group">
          <legend>{t('form.visibility')}</legend>
          {getCollectionProps(fields.visibility, {
            type: 'radio',
            options: [...visibilities],
            ariaAttributes: false,
          }).map(({ key, ...props }) => (
            <div className="field field--check" key={key}>
              <input {...props} />
              <label htmlFor={props.id}>{t(`visibility.${props.value}`)}</label>
            </div>
          ))}
        </fieldset>
      </fieldset>

      <details
        className="resource-form__group resource-form__transcripts"
        open={Boolean(defaultValue.transcriptEn || defaultValue.transcriptAr)}
      >
        <summary>{t('form.transcripts')}</summary>
        <TextareaField
          field={fields.transcriptEn}
          label={t('form.transcriptEn')}
          errors={errorText(fields.transcriptEn.errors)}
          lang="en"
          rows={6}
          maxLength={100_000}
        />
        <TextareaField
          field={fields.transcriptAr}
          label={t('form.transcriptAr')}
          errors={errorText(fields.transcriptAr.errors)}
          lang="ar"
          rows={6}
          maxLength={100_000}
        />
      </details>

      <p className="form-actions">
        {actions.map((a) => (
          <button
            key={a.intent}
            type="submit"
            name="intent"
            value={a.intent}
            className={a.primary ? 'button' : 'button button--quiet'}
          >
            {a.label}
          </button>
        ))}
      </p>
    </Form>
  )
}

function MultiSelect({
  id,
  name,
  label,
  hint,
  defaultValue,
  errors,
  options,
}: {
  id: string
  name: string
  label: string
  hint: string
  defaultValue: string[]
  errors: string[] | undefined
  options: Option[]
}) {
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <select
        id={id}
        name={name}
        multiple
        size={6}
        defaultValue={defaultValue}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorId ? (
        <ul className="field__errors" id={errorId}>
          {[...new Set(errors)].map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
