import { getFormProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { genders, positions, visibilities } from '#db/enums'
import { BilingualInputs } from '~/components/form/bilingual-fields'
import { FormInput, FormSelect, useServerForm } from '~/components/form/conform-fields'
import { toOptions } from '~/components/ui/checkbox-group'
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
  const [form, fields] = useServerForm<Values>({ lastResult, defaultValue })
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
      <BilingualInputs fields={[fields.nameEn, fields.nameAr]} labels={[t('form.nameEn'), t('form.nameAr')]} />
      {parliaments ? (
        <FormSelect
          field={fields.parliamentId}
          label={t('form.parliament')}
          options={parliaments.map((p) => ({
            value: String(p.id),
            label: lang === 'ar' ? p.nameAr || p.nameEn : p.nameEn || p.nameAr,
          }))}
        />
      ) : null}
      <FormSelect
        field={fields.position}
        label={t('form.position')}
        fallback="member"
        options={toOptions(positions, (p) => t(`positions.${p}`, { ns: 'network' }))}
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
      <FormInput field={fields.committees} label={t('form.committees')} />
      <FormSelect
        field={fields.gender}
        label={t('form.gender')}
        emptyLabel={t('form.notSaid')}
        options={toOptions(genders, (g) => t(`genders.${g}`))}
      />
      <FormInput
        field={fields.birthYear}
        label={t('form.birthYear')}
        hint={t('form.birthYearHint')}
        inputMode="numeric"
        dir="ltr"
      />
      <FormInput field={fields.languages} label={t('form.languages')} hint={t('form.languagesHint')} dir="ltr" />
      {textarea('bioEn', 'en')}
      {textarea('bioAr', 'ar')}
      <FormInput field={fields.email} type="email" label={t('form.email')} hint={t('form.contactHint')} />
      <FormInput field={fields.phone} type="tel" label={t('form.phone')} />
      <FormInput field={fields.website} type="url" label={t('form.website')} />
      <FormSelect
        field={fields.visibility}
        label={t('form.visibility')}
        fallback="public"
        options={toOptions(visibilities, (v) => t(`visibility.${v}`))}
      />
      <button type="submit" className="button">
        {t('form.save')}
      </button>
    </Form>
  )
}
