import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { partnerKinds, themes } from '#db/enums'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { FormInput, FormSelect, useServerForm } from '~/components/form/conform-fields'
import { FormErrorSummary, SubmitRow } from '~/components/form/form-parts'
import { CheckboxGroup, toOptions } from '~/components/ui/checkbox-group'
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
  const [form, fields] = useServerForm<Schema>({ lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack partner-form">
      <FormErrorSummary form={form} />
      <FormSelect field={fields.kind} label={t('form.kind')} options={toOptions(partnerKinds, (k) => t(`kind.${k}`))} />
      <BilingualInputs
        fields={[fields.nameEn, fields.nameAr]}
        labels={[t('form.nameEn'), t('form.nameAr')]}
        hint={t('form.nameHint')}
        maxLength={200}
      />
      <FormInput
        field={fields.acronym}
        label={t('form.acronym')}
        hint={t('form.acronymHint')}
        dir="auto"
        maxLength={30}
        autoComplete="off"
        className="partner-form__short"
      />
      <BilingualTextareas
        fields={[fields.descriptionEn, fields.descriptionAr]}
        labels={[t('form.descriptionEn'), t('form.descriptionAr')]}
        hint={t('form.descriptionHint')}
        rows={5}
        maxLength={4000}
      />
      <FormInput
        field={fields.website}
        type="url"
        label={t('form.website')}
        hint={t('form.websiteHint')}
        autoComplete="url"
        maxLength={500}
      />
      <CheckboxGroup
        legend={t('form.focus')}
        hint={t('form.focusHint')}
        field={fields.themes}
        options={toOptions(themes, (v) => t(`themes.${v}`, { ns: 'library' }))}
      />
      <FormInput
        field={fields.position}
        numeric
        label={t('form.position')}
        hint={t('form.positionHint', { max: MAX_PARTNER_POSITION })}
        className="partner-form__short"
      />
      <SubmitRow label={submitLabel} />
    </Form>
  )
}
