import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { chambers, parliamentKinds, regions } from '#db/enums'
import { BilingualInputs } from '~/components/form/bilingual-fields'
import { FormInput, FormSelect, useServerForm } from '~/components/form/conform-fields'
import { FormError } from '~/components/status-message'
import { toOptions } from '~/components/ui/checkbox-group'
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
  const [form, fields] = useServerForm<z.input<typeof ParliamentFormSchema>>({ lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormError id={form.errorId}>{form.errors?.[0] ? t(`form.${form.errors[0]}`) : null}</FormError>
      <FormSelect
        field={fields.kind}
        label={t('form.kind')}
        options={toOptions(parliamentKinds, (k) => t(`parliamentKinds.${k}`, { ns: 'common' }))}
      />
      <BilingualInputs fields={[fields.nameEn, fields.nameAr]} labels={[t('form.nameEn'), t('form.nameAr')]} />
      <FormInput
        field={fields.countryCode}
        label={t('form.countryCode')}
        hint={t('form.countryHint')}
        dir="ltr"
        maxLength={2}
        autoComplete="off"
      />
      <FormSelect
        field={fields.chamber}
        label={t('form.chamber')}
        emptyLabel={t('form.noChamber')}
        options={toOptions(chambers, (c) => t(`chambers.${c}`))}
      />
      <FormSelect
        field={fields.region}
        label={t('form.region')}
        options={toOptions(regions, (r) => t(`regions.${r}`, { ns: 'common' }))}
      />
      <FormInput field={fields.website} type="url" label={t('form.website')} />
      <FormInput field={fields.joinedAt} type="date" label={t('form.joinedAt')} hint={t('form.joinedHint')} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  )
}
