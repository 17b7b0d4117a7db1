import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { useServerForm } from '~/components/form/conform-fields'
import { FormErrorSummary, SubmitRow } from '~/components/form/form-parts'
import { RadioGroup, toOptions } from '~/components/ui/checkbox-group'
import { groupAccesses, groupLimits, type GroupAccess } from '../vocabulary'

export type GroupFormValues = {
  nameEn: string
  nameAr: string
  purposeEn: string
  purposeAr: string
  access: GroupAccess
}

/** A working group's name and purpose in both languages and who may join (GroupFormSchema). */
export function GroupForm({
  lastResult,
  defaultValue,
  submitLabel,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: GroupFormValues
  submitLabel: string
  cancelTo: string
}) {
  const { t } = useTranslation('groups')
  const [form, fields] = useServerForm<GroupFormValues>({ id: 'group', lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack group-form">
      <FormErrorSummary form={form} />
      <BilingualInputs
        fields={[fields.nameEn, fields.nameAr]}
        labels={[t('form.nameEn'), t('form.nameAr')]}
        hint={t('form.nameHint')}
        maxLength={groupLimits.name}
      />
      <BilingualTextareas
        fields={[fields.purposeEn, fields.purposeAr]}
        labels={[t('form.purposeEn'), t('form.purposeAr')]}
        rows={4}
        maxLength={groupLimits.purpose}
      />
      <RadioGroup
        legend={t('form.access')}
        field={fields.access}
        options={toOptions(groupAccesses, (v) => t(`accessHelp.${v}`))}
      />
      <SubmitRow label={submitLabel}>
        {' '}
        <Link to={cancelTo}>{t('form.cancel')}</Link>
      </SubmitRow>
    </Form>
  )
}
