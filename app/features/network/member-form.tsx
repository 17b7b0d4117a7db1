import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { genders, positions, visibilities } from '#db/enums'
import { Field, SelectField } from '~/components/ui/field'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import type { MemberFormSchema } from './member-schemas'

/** Every field as the form holds it: text. */
type Values = { [K in keyof z.input<typeof MemberFormSchema>]?: string }

/** A member's profile. Coordinators also choose the parliament and whether this is a focal point. */
export function MemberForm({
  lastResult,
  defaultValue,
  parliaments,
  lang,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: Values
  /** Only for coordinators. */
  parliaments: { id: number; nameEn: string; nameAr: string }[] | null
  lang: Language
}) {
  const { t } = useTranslation(['members', 'network', 'common'])
  const errorText = useErrorText()
  const [form, fields] = useForm<Values>({ lastResult, defaultValue, shouldValidate: 'onSubmit' })
  const textField = (
    name: 'nameEn' | 'nameAr' | 'committees' | 'languages' | 'email' | 'phone' | 'website' | 'birthYear',
    extra: Record<string, string> = {},
    hint?: string,
  ) => (
    <Field
      label={t(`form.${name}`)}
      hint={hint}
      errors={errorText(fields[name].errors)}
      inputProps={{ ...getInputProps(fields[name], { type: 'text' }), ...extra }}
    />
  )
  const textarea = (name: 'bioEn' | 'bioAr', langAttr: Language) => (
    <div className="field">
      <label htmlFor={fields[name].id}>{t(`form.${name}`)}</label>
      <textarea {...getTextareaProps(fields[name])} rows={6} lang={langAttr} dir={langAttr === 'ar' ? 'rtl' : 'ltr'} />
      {fields[name].errors?.length ? (
        <p className="field__errors" id={`${fields[name].id}-error`}>
          {errorText(fields[name].errors)?.join(' ')}
        </p>
      ) : null}
    </div>
  )
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      {textField('nameEn', { lang: 'en', dir: 'ltr' })}
      {textField('nameAr', { lang: 'ar', dir: 'rtl' })}
      {parliaments ? (
        <SelectField
          id={fields.parliamentId.id}
          name={fields.parliamentId.name}
          label={t('form.parliament')}
          defaultValue={String(fields.parliamentId.initialValue ?? '')}
          errors={errorText(fields.parliamentId.errors)}
          options={parliaments.map((p) => ({
            value: String(p.id),
            label: lang === 'ar' ? p.nameAr || p.nameEn : p.nameEn || p.nameAr,
          }))}
        />
      ) : null}
      <SelectField
        id={fields.position.id}
        name={fields.position.name}
        label={t('form.position')}
        defaultValue={(fields.position.initialValue as string) ?? 'member'}
        errors={errorText(fields.position.errors)}
        options={positions.map((p) => ({ value: p, label: t(`positions.${p}`, { ns: 'network' }) }))}
      />
      {parliaments ? (
        <div className="field field--check">
          <input
            type="checkbox"
            id={fields.isFocalPoint.id}
            name={fields.isFocalPoint.name}
            defaultChecked={fields.isFocalPoint.initialValue === 'on'}
          />
          <label htmlFor={fields.isFocalPoint.id}>{t('form.isFocalPoint')}</label>
        </div>
      ) : null}
      {textField('committees')}
      <SelectField
        id={fields.gender.id}
        name={fields.gender.name}
        label={t('form.gender')}
        defaultValue={(fields.gender.initialValue as string) ?? ''}
        errors={errorText(fields.gender.errors)}
        options={[
          { value: '', label: t('form.notSaid') },
          ...genders.map((g) => ({ value: g, label: t(`genders.${g}`) })),
        ]}
      />
      {textField('birthYear', { inputMode: 'numeric', dir: 'ltr' }, t('form.birthYearHint'))}
      {textField('languages', { dir: 'ltr' }, t('form.languagesHint'))}
      {textarea('bioEn', 'en')}
      {textarea('bioAr', 'ar')}
      {textField('email', { dir: 'ltr', type: 'email' }, t('form.contactHint'))}
      {textField('phone', { dir: 'ltr', type: 'tel' })}
      {textField('website', { dir: 'ltr', type: 'url' })}
      <SelectField
        id={fields.visibility.id}
        name={fields.visibility.name}
        label={t('form.visibility')}
        defaultValue={(fields.visibility.initialValue as string) ?? 'public'}
        errors={errorText(fields.visibility.errors)}
        options={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
      />
      <button type="submit" className="button">
        {t('form.save')}
      </button>
    </Form>
  )
}
