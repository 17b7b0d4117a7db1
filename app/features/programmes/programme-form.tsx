import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { contentLanguages, deliveryFormats, programmeKinds, themes } from '#db/enums'
import { FormError } from '~/components/status-message'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { useErrorText } from '~/utils/forms'
import { MAX_PROGRAMME_POSITION, type ProgrammeFormSchema } from './schemas'

type Schema = z.input<typeof ProgrammeFormSchema>

export type ProgrammeFormValues = Record<string, string | string[] | undefined>

/** Every message of a list field, its items' included (a forged value reports on "languages[1]"). */
function listErrors(field: { allErrors: Record<string, string[]> }) {
  const all = [...new Set(Object.values(field.allErrors).flat())]
  return all.length ? all : undefined
}

/** The form to add a programme to the catalogue or edit one (the same fields both ways). */
export function ProgrammeForm({
  lastResult,
  defaultValue,
  submitLabel,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: ProgrammeFormValues
  submitLabel: string
  cancelTo: string
}) {
  const { t } = useTranslation(['programmes', 'library', 'common'])
  const errorText = useErrorText()
  const [form, fields] = useForm<Schema>({
    lastResult,
    // Conform keeps form values as strings; the schema turns them into numbers and lists on the server.
    defaultValue: defaultValue as Record<string, unknown>,
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack programme-form">
      <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>

      <fieldset className="form-group">
        <legend>{t('form.about')}</legend>
        <SelectField
          id={fields.kind.id}
          name={fields.kind.name}
          label={t('form.kind')}
          defaultValue={(fields.kind.initialValue as string | undefined) ?? programmeKinds[0]}
          errors={errorText(fields.kind.errors)}
          options={programmeKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Field
          label={t('form.titleEn')}
          hint={t('form.titleHint')}
          errors={errorText(fields.titleEn.errors)}
          inputProps={{ ...getInputProps(fields.titleEn, { type: 'text' }), lang: 'en', dir: 'ltr', maxLength: 200 }}
        />
        <Field
          label={t('form.titleAr')}
          errors={errorText(fields.titleAr.errors)}
          inputProps={{ ...getInputProps(fields.titleAr, { type: 'text' }), lang: 'ar', dir: 'rtl', maxLength: 200 }}
        />
        <TextareaField
          field={fields.summaryEn}
          label={t('form.summaryEn')}
          hint={t('form.summaryHint')}
          errors={errorText(fields.summaryEn.errors)}
          lang="en"
          rows={2}
          maxLength={600}
        />
        <TextareaField
          field={fields.summaryAr}
          label={t('form.summaryAr')}
          hint={t('form.summaryHint')}
          errors={errorText(fields.summaryAr.errors)}
          lang="ar"
          rows={2}
          maxLength={600}
        />
        <TextareaField
          field={fields.descriptionEn}
          label={t('form.descriptionEn')}
          errors={errorText(fields.descriptionEn.errors)}
          lang="en"
          rows={6}
          maxLength={10_000}
        />
        <TextareaField
          field={fields.descriptionAr}
          label={t('form.descriptionAr')}
          errors={errorText(fields.descriptionAr.errors)}
          lang="ar"
          rows={6}
          maxLength={10_000}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.delivery')}</legend>
        <Field
          label={t('form.audienceEn')}
          hint={t('form.audienceHint')}
          errors={errorText(fields.audienceEn.errors)}
          inputProps={{ ...getInputProps(fields.audienceEn, { type: 'text' }), lang: 'en', dir: 'ltr', maxLength: 500 }}
        />
        <Field
          label={t('form.audienceAr')}
          errors={errorText(fields.audienceAr.errors)}
          inputProps={{ ...getInputProps(fields.audienceAr, { type: 'text' }), lang: 'ar', dir: 'rtl', maxLength: 500 }}
        />
        <CheckboxGroup
          legend={t('form.formats')}
          hint={t('form.formatsHint')}
          field={fields.formats}
          errors={errorText(listErrors(fields.formats))}
          options={deliveryFormats.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        />
        <CheckboxGroup
          legend={t('form.languages')}
          hint={t('form.languagesHint')}
          field={fields.languages}
          errors={errorText(listErrors(fields.languages))}
          options={contentLanguages.map((l) => ({ value: l, label: t(`contentLanguages.${l}`, { ns: 'library' }) }))}
        />
      </fieldset>

      <div className="form-group">
        <CheckboxGroup
          legend={t('form.themes')}
          hint={t('form.themesHint')}
          field={fields.themes}
          errors={errorText(listErrors(fields.themes))}
          options={themes.map((th) => ({ value: th, label: t(`themes.${th}`, { ns: 'library' }) }))}
        />
        <Field
          label={t('form.position')}
          hint={t('form.positionHint')}
          errors={errorText(fields.position.errors)}
          inputProps={{
            ...getInputProps(fields.position, { type: 'text' }),
            inputMode: 'numeric',
            autoComplete: 'off',
            dir: 'ltr',
            maxLength: String(MAX_PROGRAMME_POSITION).length,
            className: 'programme-form__position',
          }}
        />
      </div>

      <p className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--quiet">
          {t('form.cancel')}
        </Link>
      </p>
    </Form>
  )
}
