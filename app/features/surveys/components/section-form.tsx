import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { FieldErrors } from '~/components/ui/field'
import { surveyLimits } from '../vocabulary'
import { useSurveysErrorText } from './question-editor'

export type SectionFormValues = { titleEn?: string; titleAr?: string; descriptionEn?: string; descriptionAr?: string }

const fields = [
  { name: 'titleEn', lang: 'en', long: false },
  { name: 'titleAr', lang: 'ar', long: false },
  { name: 'descriptionEn', lang: 'en', long: true },
  { name: 'descriptionAr', lang: 'ar', long: true },
] as const

/** A section's title and description in both languages (SectionSchema), to add a section or edit one. */
export function SectionForm({
  sectionId,
  values,
  errors,
  cancelTo,
  level = 3,
}: {
  /** 'add' for a new section, else its id. */
  sectionId: number | 'add'
  values: SectionFormValues
  errors: Record<string, string[] | null | undefined>
  cancelTo?: string
  /** The level of the form's heading (4 inside the outline). */
  level?: 2 | 3 | 4
}) {
  const { t } = useTranslation('surveys')
  const Heading = (['h2', 'h3', 'h4'] as const)[level - 2]!
  const errorText = useSurveysErrorText()
  const adding = sectionId === 'add'
  const id = adding ? 'section-new' : `section-${sectionId}-form`
  const formErrors = errorText(errors[''] ?? undefined)
  return (
    <Form method="post" id={id} noValidate className="stack section-form" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{adding ? t('section.addTitle') : t('section.editTitle')}</Heading>
      <input type="hidden" name="intent" value={adding ? 'addSection' : 'saveSection'} />
      {adding ? null : <input type="hidden" name="sectionId" value={String(sectionId)} />}
      <FormError>{formErrors?.[0]}</FormError>
      {fields.map(({ name, lang, long }) => {
        const fieldId = `${id}-${name}`
        const shown = errorText(errors[name] ?? undefined)
        const props = {
          id: fieldId,
          name,
          defaultValue: values[name] ?? '',
          lang,
          dir: lang === 'ar' ? 'rtl' : 'ltr',
          'aria-invalid': shown ? true : undefined,
          'aria-describedby': shown ? `${fieldId}-error` : undefined,
        } as const
        return (
          <div className="field" key={name}>
            <label htmlFor={fieldId}>{t(`section.${name}`)}</label>
            {long ? (
              <textarea {...props} rows={2} maxLength={surveyLimits.help} />
            ) : (
              <input type="text" {...props} maxLength={surveyLimits.title} />
            )}
            {shown ? <FieldErrors id={`${fieldId}-error`} errors={shown} /> : null}
          </div>
        )
      })}
      <p>
        <button type="submit" className="button">
          {adding ? t('section.add') : t('section.save')}
        </button>
        {cancelTo ? (
          <>
            {' '}
            <Link to={cancelTo}>{t('form.cancel')}</Link>
          </>
        ) : null}
      </p>
    </Form>
  )
}
