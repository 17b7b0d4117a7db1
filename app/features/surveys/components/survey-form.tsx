import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { useServerForm } from '~/components/form/conform-fields'
import { FormErrorSummary, SubmitRow } from '~/components/form/form-parts'
import { surveyLimits } from '../vocabulary'

export type SurveyFormValues = { titleEn: string; titleAr: string; introEn: string; introAr: string }

/** A questionnaire's title and introduction in both languages (SurveySchema), to create it or to edit them. */
export function SurveyForm({
  lastResult,
  defaultValue,
  intent,
  submitLabel,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: SurveyFormValues
  intent: string
  submitLabel: string
  cancelTo?: string
}) {
  const { t } = useTranslation('surveys')
  const [form, fields] = useServerForm<SurveyFormValues>({ id: `survey-${intent}`, lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack survey-form">
      <input type="hidden" name="intent" value={intent} />
      <FormErrorSummary form={form} />
      <BilingualInputs
        fields={[fields.titleEn, fields.titleAr]}
        labels={[t('form.titleEn'), t('form.titleAr')]}
        hint={t('form.titleHint')}
        maxLength={surveyLimits.title}
      />
      <BilingualTextareas
        fields={[fields.introEn, fields.introAr]}
        labels={[t('form.introEn'), t('form.introAr')]}
        rows={5}
        maxLength={surveyLimits.intro}
      />
      <SubmitRow label={submitLabel}>
        {cancelTo ? (
          <>
            {' '}
            <Link to={cancelTo}>{t('form.cancel')}</Link>
          </>
        ) : null}
      </SubmitRow>
    </Form>
  )
}
