import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { mechanismKinds } from '#db/enums'
import { BilingualText } from '~/components/bilingual-text'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { FormInput, FormSelect, useServerForm } from '~/components/form/conform-fields'
import { FormErrorSummary, SubmitRow } from '~/components/form/form-parts'
import { ChoiceFieldset, ChoiceOptions, toOptions } from '~/components/ui/checkbox-group'
import { pickLanguage } from '~/utils/bilingual'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import { pillarNumbers, type MechanismCoordinatorFormSchema } from './mechanism-schemas'

type Schema = z.input<typeof MechanismCoordinatorFormSchema>
type Named = { nameEn: string; nameAr: string }

/**
 * Whose mechanism it is: a member's own parliament, shown and never sent (the server takes it from the
 * account), or, for coordinators, a select of every parliament and assembly.
 */
export type ParliamentChoice =
  { mode: 'fixed'; parliament: Named } | { mode: 'choose'; options: (Named & { id: number })[] }

export type MechanismFormValues = {
  parliamentId?: string
  kind?: string
  nameEn?: string
  nameAr?: string
  descriptionEn?: string
  descriptionAr?: string
  year?: string
  url?: string
  pillars?: string[]
}

/** The form to add or edit a mechanism (same fields both ways). */
export function MechanismForm({
  lastResult,
  defaultValue,
  parliament,
  lang,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: MechanismFormValues
  parliament: ParliamentChoice
  lang: Language
  submitLabel: string
}) {
  const { t } = useTranslation(['mechanisms', 'network', 'common'])
  const errorText = useErrorText()
  const [form, fields] = useServerForm<Schema>({ lastResult, defaultValue })
  // A forged pillar ("pillars[0]") reports on the item: show it with the group's own errors.
  const pillarErrors = errorText([...new Set(Object.values(fields.pillars.allErrors).flat())])
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack mechanism-form">
      <FormErrorSummary form={form} />
      {parliament.mode === 'fixed' ? (
        <p className="mechanism-form__parliament">
          {t('form.parliament')}:{' '}
          <strong>
            <BilingualText en={parliament.parliament.nameEn} ar={parliament.parliament.nameAr} lang={lang} />
          </strong>
        </p>
      ) : (
        <FormSelect
          field={fields.parliamentId}
          label={t('form.parliament')}
          emptyLabel={t('form.chooseParliament')}
          options={parliament.options.map((p) => ({
            value: String(p.id),
            label: pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang).text,
          }))}
        />
      )}
      <FormSelect
        field={fields.kind}
        label={t('form.kind')}
        options={toOptions(mechanismKinds, (k) => t(`mechanismKinds.${k}`, { ns: 'network' }))}
      />
      <BilingualInputs
        fields={[fields.nameEn, fields.nameAr]}
        labels={[t('form.nameEn'), t('form.nameAr')]}
        hint={t('form.nameHint')}
        maxLength={200}
      />
      <BilingualTextareas
        fields={[fields.descriptionEn, fields.descriptionAr]}
        labels={[t('form.descriptionEn'), t('form.descriptionAr')]}
        hint={t('form.descriptionHint')}
      />
      <FormInput
        field={fields.year}
        numeric
        label={t('form.year')}
        hint={t('form.yearHint')}
        className="mechanism-form__year"
      />
      <FormInput field={fields.url} type="url" label={t('form.url')} hint={t('form.urlHint')} autoComplete="url" />
      <ChoiceFieldset
        id={fields.pillars.id}
        className="pillar-choices"
        legend={t('form.pillars')}
        hint={t('form.pillarsHint')}
        errors={pillarErrors}
      >
        <ChoiceOptions
          field={fields.pillars}
          type="checkbox"
          options={toOptions(pillarNumbers, (v) => t(`pillarsShort.${v}`, { ns: 'network' }))}
        />
      </ChoiceFieldset>
      <SubmitRow label={submitLabel} />
    </Form>
  )
}
