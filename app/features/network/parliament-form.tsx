import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { chambers, parliamentKinds, regions } from '#db/enums'
import { FormError } from '~/components/status-message'
import { Field, SelectField } from '~/components/ui/field'
import { useErrorText } from '~/utils/forms'
import type { ParliamentFormSchema } from './parliament-schemas'

type Values = Partial<z.input<typeof ParliamentFormSchema>>

/** The coordinators' form to add or edit a parliament or assembly (same fields both ways). */
export function ParliamentForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: Values
  submitLabel: string
}) {
  const { t } = useTranslation(['network', 'common'])
  const errorText = useErrorText()
  const [form, fields] = useForm<z.input<typeof ParliamentFormSchema>>({
    lastResult,
    defaultValue,
    shouldValidate: 'onSubmit',
  })
  const select = (name: 'kind' | 'region' | 'chamber', options: { value: string; label: string }[]) => (
    <SelectField
      id={fields[name].id}
      name={fields[name].name}
      label={t(`form.${name}`)}
      defaultValue={(fields[name].initialValue as string) ?? ''}
      errors={errorText(fields[name].errors)}
      options={options}
    />
  )
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormError id={form.errorId}>{form.errors?.[0] ? t(`form.${form.errors[0]}`) : null}</FormError>
      {select(
        'kind',
        parliamentKinds.map((k) => ({ value: k, label: t(`parliamentKinds.${k}`, { ns: 'common' }) })),
      )}
      <Field
        label={t('form.nameEn')}
        errors={errorText(fields.nameEn.errors)}
        inputProps={{ ...getInputProps(fields.nameEn, { type: 'text' }), lang: 'en', dir: 'ltr' }}
      />
      <Field
        label={t('form.nameAr')}
        errors={errorText(fields.nameAr.errors)}
        inputProps={{ ...getInputProps(fields.nameAr, { type: 'text' }), lang: 'ar', dir: 'rtl' }}
      />
      <Field
        label={t('form.countryCode')}
        hint={t('form.countryHint')}
        errors={errorText(fields.countryCode.errors)}
        inputProps={{
          ...getInputProps(fields.countryCode, { type: 'text' }),
          dir: 'ltr',
          maxLength: 2,
          autoComplete: 'off',
        }}
      />
      {select('chamber', [
        { value: '', label: t('form.noChamber') },
        ...chambers.map((c) => ({ value: c, label: t(`chambers.${c}`) })),
      ])}
      {select(
        'region',
        regions.map((r) => ({ value: r, label: t(`regions.${r}`, { ns: 'common' }) })),
      )}
      <Field
        label={t('form.website')}
        errors={errorText(fields.website.errors)}
        inputProps={{ ...getInputProps(fields.website, { type: 'url' }), dir: 'ltr' }}
      />
      <Field
        label={t('form.joinedAt')}
        hint={t('form.joinedHint')}
        errors={errorText(fields.joinedAt.errors)}
        inputProps={{ ...getInputProps(fields.joinedAt, { type: 'date' }) }}
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
