import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { contentLanguages, deliveryFormats, programmeKinds, themes } from '#db/enums'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { FormInput, FormSelect, useServerForm } from '~/components/form/conform-fields'
import { FormErrorSummary, SubmitRow } from '~/components/form/form-parts'
import { CheckboxGroup, toOptions } from '~/components/ui/checkbox-group'
import { MAX_PROGRAMME_POSITION, type ProgrammeFormSchema } from './schemas'

type Schema = z.input<typeof ProgrammeFormSchema>

export type ProgrammeFormValues = Record<string, string | string[] | undefined>

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
  const [form, fields] = useServerForm<Schema>({ lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack programme-form">
      <FormErrorSummary form={form} />

      <fieldset className="form-group">
        <legend>{t('form.about')}</legend>
        <FormSelect
          field={fields.kind}
          label={t('form.kind')}
          fallback={programmeKinds[0]}
          options={toOptions(programmeKinds, (k) => t(`kinds.${k}`))}
        />
        <BilingualInputs
          fields={[fields.titleEn, fields.titleAr]}
          labels={[t('form.titleEn'), t('form.titleAr')]}
          hint={t('form.titleHint')}
          maxLength={200}
        />
        <BilingualTextareas
          fields={[fields.summaryEn, fields.summaryAr]}
          labels={[t('form.summaryEn'), t('form.summaryAr')]}
          hint={t('form.summaryHint')}
          rows={2}
          maxLength={600}
        />
        <BilingualTextareas
          fields={[fields.descriptionEn, fields.descriptionAr]}
          labels={[t('form.descriptionEn'), t('form.descriptionAr')]}
          rows={6}
          maxLength={10_000}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.delivery')}</legend>
        <BilingualInputs
          fields={[fields.audienceEn, fields.audienceAr]}
          labels={[t('form.audienceEn'), t('form.audienceAr')]}
          hint={t('form.audienceHint')}
          maxLength={500}
        />
        <CheckboxGroup
          legend={t('form.formats')}
          hint={t('form.formatsHint')}
          field={fields.formats}
          options={toOptions(deliveryFormats, (f) => t(`formats.${f}`))}
        />
        <CheckboxGroup
          legend={t('form.languages')}
          hint={t('form.languagesHint')}
          field={fields.languages}
          options={toOptions(contentLanguages, (l) => t(`contentLanguages.${l}`, { ns: 'library' }))}
        />
      </fieldset>

      <div className="form-group">
        <CheckboxGroup
          legend={t('form.themes')}
          hint={t('form.themesHint')}
          field={fields.themes}
          options={toOptions(themes, (th) => t(`themes.${th}`, { ns: 'library' }))}
        />
        <FormInput
          field={fields.position}
          numeric
          label={t('form.position')}
          hint={t('form.positionHint')}
          maxLength={String(MAX_PROGRAMME_POSITION).length}
          className="programme-form__position"
        />
      </div>

      <SubmitRow label={submitLabel} className="form-actions">
        <Link to={cancelTo} className="button button--quiet">
          {t('form.cancel')}
        </Link>
      </SubmitRow>
    </Form>
  )
}
