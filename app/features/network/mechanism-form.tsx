import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { mechanismKinds } from '#db/enums'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
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
  const [form, fields] = useForm<Schema>({
    lastResult,
    // Conform keeps form values as strings; the schema turns them into numbers on the server.
    defaultValue: defaultValue as Record<string, unknown>,
    shouldValidate: 'onSubmit',
  })
  // A forged pillar ("pillars[0]") reports on the item: show it with the group's own errors.
  const pillarErrors = [...new Set(Object.values(fields.pillars.allErrors).flat())]
  const pillarHintId = `${fields.pillars.id}-hint`
  const pillarErrorId = pillarErrors.length ? fields.pillars.errorId : undefined
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack mechanism-form">
      <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>
      {parliament.mode === 'fixed' ? (
        <p className="mechanism-form__parliament">
          {t('form.parliament')}:{' '}
          <strong>
            <BilingualText en={parliament.parliament.nameEn} ar={parliament.parliament.nameAr} lang={lang} />
          </strong>
        </p>
      ) : (
        <SelectField
          id={fields.parliamentId.id}
          name={fields.parliamentId.name}
          label={t('form.parliament')}
          defaultValue={(fields.parliamentId.initialValue as string | undefined) ?? ''}
          errors={errorText(fields.parliamentId.errors)}
          options={[
            { value: '', label: t('form.chooseParliament') },
            ...parliament.options.map((p) => ({
              value: String(p.id),
              label: pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang).text,
            })),
          ]}
        />
      )}
      <SelectField
        id={fields.kind.id}
        name={fields.kind.name}
        label={t('form.kind')}
        defaultValue={(fields.kind.initialValue as string | undefined) ?? ''}
        errors={errorText(fields.kind.errors)}
        options={mechanismKinds.map((k) => ({ value: k, label: t(`mechanismKinds.${k}`, { ns: 'network' }) }))}
      />
      <Field
        label={t('form.nameEn')}
        hint={t('form.nameHint')}
        errors={errorText(fields.nameEn.errors)}
        inputProps={{ ...getInputProps(fields.nameEn, { type: 'text' }), lang: 'en', dir: 'ltr', maxLength: 200 }}
      />
      <Field
        label={t('form.nameAr')}
        errors={errorText(fields.nameAr.errors)}
        inputProps={{ ...getInputProps(fields.nameAr, { type: 'text' }), lang: 'ar', dir: 'rtl', maxLength: 200 }}
      />
      <TextareaField
        field={fields.descriptionEn}
        label={t('form.descriptionEn')}
        hint={t('form.descriptionHint')}
        errors={errorText(fields.descriptionEn.errors)}
        lang="en"
      />
      <TextareaField
        field={fields.descriptionAr}
        label={t('form.descriptionAr')}
        hint={t('form.descriptionHint')}
        errors={errorText(fields.descriptionAr.errors)}
        lang="ar"
      />
      <Field
        label={t('form.year')}
        hint={t('form.yearHint')}
        errors={errorText(fields.year.errors)}
        inputProps={{
          ...getInputProps(fields.year, { type: 'text' }),
          inputMode: 'numeric',
          autoComplete: 'off',
          dir: 'ltr',
          className: 'mechanism-form__year',
        }}
      />
      <Field
        label={t('form.url')}
        hint={t('form.urlHint')}
        errors={errorText(fields.url.errors)}
        inputProps={{ ...getInputProps(fields.url, { type: 'url' }), dir: 'ltr', autoComplete: 'url' }}
      />
      <fieldset className="pillar-choices" aria-describedby={[pillarHintId, pillarErrorId].filter(Boolean).join(' ')}>
        <legend>{t('form.pillars')}</legend>
        <p className="field__hint" id={pillarHintId}>
          {t('form.pillarsHint')}
        </p>
        {pillarErrorId ? (
          <ul className="field__errors" id={pillarErrorId}>
            {errorText(pillarErrors)?.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
        {getCollectionProps(fields.pillars, {
          type: 'checkbox',
          options: pillarNumbers.map(String),
          ariaAttributes: false,
        }).map(({ key, ...props }) => (
          <div className="field field--check" key={key}>
            <input {...props} />
            <label htmlFor={props.id}>{t(`pillarsShort.${props.value}`, { ns: 'network' })}</label>
          </div>
        ))}
      </fieldset>
      <p>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </p>
    </Form>
  )
}
