import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { partnerKinds, themes } from '#db/enums'
import { FormError } from '~/components/status-message'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { useErrorText } from '~/utils/forms'
import { MAX_PARTNER_POSITION, type PartnerFormSchema } from './schemas'

type Schema = z.input<typeof PartnerFormSchema>

export type PartnerFormValues = {
  kind?: string
  nameEn?: string
  nameAr?: string
  acronym?: string
  descriptionEn?: string
  descriptionAr?: string
  website?: string
  themes?: string[]
  position?: string
}

/** The form to add or edit a partner (same fields both ways). */
export function PartnerForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: PartnerFormValues
  submitLabel: string
}) {
  const { t } = useTranslation(['partners', 'library', 'common'])
  const errorText = useErrorText()
  const [form, fields] = useForm<Schema>({
    lastResult,
    // Conform keeps form values as strings; the schema turns the position into a number on the server.
    defaultValue: defaultValue as Record<string, unknown>,
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack partner-form">
      <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>
      <SelectField
        id={fields.kind.id}
        name={fields.kind.name}
        label={t('form.kind')}
        defaultValue={(fields.kind.initialValue as string | undefined) ?? ''}
        errors={errorText(fields.kind.errors)}
        options={partnerKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <Field
        label={t('form.nameEn')}
        hint={t('form.nameHint')}
        errors={errorText(fields.nameEn.errors)}
        inputProps={{ ...getInputProps(fields.nameEn, { type: 'text' }), lang: 'en', dir: 'ltr', maxLength: 200 }}
      />
      <Field
        label={t('form.nameAr')}
        errors={errorText(fields.nameAr.errors)}
        inputProps={{ ...getInputProps(fields.nameAr, { type: 'text' }), lang: 'ar', dir: 'rtl', maxLength: 200 }}
      />
      <Field
        label={t('form.acronym')}
        hint={t('form.acronymHint')}
        errors={errorText(fields.acronym.errors)}
        inputProps={{
          ...getInputProps(fields.acronym, { type: 'text' }),
          dir: 'auto',
          maxLength: 30,
          autoComplete: 'off',
          className: 'partner-form__short',
        }}
      />
      <TextareaField
        field={fields.descriptionEn}
        label={t('form.descriptionEn')}
        hint={t('form.descriptionHint')}
        errors={errorText(fields.descriptionEn.errors)}
        lang="en"
        rows={5}
        maxLength={4000}
      />
      <TextareaField
        field={fields.descriptionAr}
        label={t('form.descriptionAr')}
        hint={t('form.descriptionHint')}
        errors={errorText(fields.descriptionAr.errors)}
        lang="ar"
        rows={5}
        maxLength={4000}
      />
      <Field
        label={t('form.website')}
        hint={t('form.websiteHint')}
        errors={errorText(fields.website.errors)}
        inputProps={{
          ...getInputProps(fields.website, { type: 'url' }),
          dir: 'ltr',
          autoComplete: 'url',
          maxLength: 500,
        }}
      />
      <CheckboxGroup
        legend={t('form.focus')}
        hint={t('form.focusHint')}
        field={fields.themes}
        errors={errorText(Object.values(fields.themes.allErrors).flat())}
        options={themes.map((v) => ({ value: v, label: t(`themes.${v}`, { ns: 'library' }) }))}
      />
      <Field
        label={t('form.position')}
        hint={t('form.positionHint', { max: MAX_PARTNER_POSITION })}
        errors={errorText(fields.position.errors)}
        inputProps={{
          ...getInputProps(fields.position, { type: 'text' }),
          inputMode: 'numeric',
          autoComplete: 'off',
          dir: 'ltr',
          className: 'partner-form__short',
        }}
      />
      <p>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </p>
    </Form>
  )
}
