import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { contentLanguages, regions, resolutions, resourceTypes, themes, visibilities } from '#db/enums'
import { FileUploadField } from '~/components/file-upload-field'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { FormInput, FormMultiSelect, FormSelect, FormTextarea, useServerForm } from '~/components/form/conform-fields'
import { FormErrorSummary } from '~/components/form/form-parts'
import { CheckboxGroup, RadioGroup, toOptions } from '~/components/ui/checkbox-group'
import { pickLanguage } from '~/utils/bilingual'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import type { ResourceFormSchema } from './schemas'

type Schema = z.input<typeof ResourceFormSchema>

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
  const { t } = useTranslation(['library', 'common', 'network'])
  const errorText = useErrorText()
  const [form, fields] = useServerForm<Schema>({ lastResult, defaultValue })
  const languageOptions = toOptions(contentLanguages, (v) => t(`contentLanguages.${v}`, { ns: 'library' }))
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      noValidate
      className="stack resource-form"
    >
      <FormErrorSummary form={form} />

      <fieldset className="resource-form__group">
        <legend>{t('form.about')}</legend>
        <FormSelect
          field={fields.type}
          label={t('form.type')}
          fallback="publication"
          options={toOptions(resourceTypes, (v) => t(`types.${v}`, { ns: 'library' }))}
        />
        <BilingualInputs
          fields={[fields.titleEn, fields.titleAr]}
          labels={[t('form.titleEn'), t('form.titleAr')]}
          hint={t('form.titleHint')}
          maxLength={300}
        />
        <BilingualTextareas
          fields={[fields.summaryEn, fields.summaryAr]}
          labels={[t('form.summaryEn'), t('form.summaryAr')]}
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
        <FormSelect
          field={fields.fileLanguage}
          label={t('form.fileLanguage')}
          emptyLabel={t('form.notSaid')}
          options={languageOptions}
        />
        <FormInput
          field={fields.externalUrl}
          type="url"
          label={t('form.externalUrl')}
          hint={t('form.externalUrlHint')}
          autoComplete="url"
        />
        <CheckboxGroup
          legend={t('form.languages')}
          hint={t('form.languagesHint')}
          field={fields.languages}
          options={languageOptions}
        />
      </fieldset>

      <fieldset className="resource-form__group">
        <legend>{t('form.topics')}</legend>
        <CheckboxGroup
          legend={t('form.pillars')}
          field={fields.pillars}
          options={toOptions(['1', '2', '3', '4'], (v) => t(`pillarsShort.${v}`, { ns: 'network' }))}
        />
        <CheckboxGroup
          legend={t('form.resolutions')}
          field={fields.resolutions}
          options={toOptions(resolutions, (v) => t(`resolutions.${v}`, { ns: 'common' }))}
        />
        <CheckboxGroup
          legend={t('form.themes')}
          field={fields.themes}
          options={toOptions(themes, (v) => t(`themes.${v}`, { ns: 'library' }))}
        />
        <FormInput field={fields.tags} label={t('form.tags')} hint={t('form.tagsHint')} dir="auto" maxLength={500} />
        <FormSelect
          field={fields.region}
          label={t('form.region')}
          emptyLabel={t('form.notSaid')}
          options={toOptions(regions, (v) => t(`regions.${v}`, { ns: 'common' }))}
        />
        <FormMultiSelect
          field={fields.countries}
          label={t('form.countries')}
          hint={t('form.multiHint')}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FormMultiSelect
          field={fields.parliamentIds}
          label={t('form.parliaments')}
          hint={t('form.multiHint')}
          options={parliaments.map((p) => ({
            value: String(p.id),
            label: pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang).text,
          }))}
        />
      </fieldset>

      <fieldset className="resource-form__group">
        <legend>{t('form.publication')}</legend>
        <FormInput field={fields.publisher} label={t('form.publisher')} dir="auto" maxLength={300} />
        <FormTextarea field={fields.authors} label={t('form.authors')} hint={t('form.authorsHint')} rows={3} />
        <FormInput
          field={fields.publishedOn}
          type="date"
          label={t('form.publishedOn')}
          className="resource-form__date"
        />
        <FormInput
          field={fields.licence}
          label={t('form.licence')}
          hint={t('form.licenceHint')}
          dir="auto"
          maxLength={200}
          list="licences"
        />
        <datalist id="licences">
          {['CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC 4.0', 'CC0 1.0', t('form.allRightsReserved')].map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <RadioGroup
          legend={t('form.visibility')}
          field={fields.visibility}
          options={toOptions(visibilities, (v) => t(`visibility.${v}`))}
        />
      </fieldset>

      <details
        className="resource-form__group resource-form__transcripts"
        open={Boolean(defaultValue.transcriptEn || defaultValue.transcriptAr)}
      >
        <summary>{t('form.transcripts')}</summary>
        <BilingualTextareas
          fields={[fields.transcriptEn, fields.transcriptAr]}
          labels={[t('form.transcriptEn'), t('form.transcriptAr')]}
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
