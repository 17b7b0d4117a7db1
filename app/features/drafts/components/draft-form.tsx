import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { resolutions, themes } from '#db/enums'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { FormSelect, useServerForm } from '~/components/form/conform-fields'
import { FormError } from '~/components/status-message'
import { CheckboxGroup, RadioGroup, toOptions } from '~/components/ui/checkbox-group'
import { FieldErrors, MultiSelectField, SelectField } from '~/components/ui/field'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { errorCodes, errorKey, type DraftsError } from '../errors'
import { draftKinds } from '../snapshot'
import { consultationScopes, draftLanguages, draftLimits, draftVisibilities } from '../vocabulary'

export type DraftFormValues = Record<string, string | string[] | undefined>
export type ParliamentOption = { id: number; nameEn: string; nameAr: string }
export type PersonOption = {
  id: number
  name: string
  parliamentNameEn: string | null
  parliamentNameAr: string | null
}

/** The codes the drafts forms word themselves (not errors.ts codes). */
const formCodes = ['aknNoTitle', 'fileRequired'] as const

/**
 * Turns the codes a drafts form comes back with into the page's language: a drafts refusal (errors.ts) with its
 * text, one of the form's own codes, or a common validation message.
 */
export function useDraftErrorText() {
  const { t } = useTranslation(['drafts', 'common'])
  return (errors: string[] | undefined) =>
    errors?.length
      ? [
          ...new Set(
            errors.map((code) =>
              (formCodes as readonly string[]).includes(code)
                ? t(`form.errors.${code}`, { ns: 'drafts' })
                : (errorCodes as readonly string[]).includes(code)
                  ? t(errorKey(code as DraftsError))
                  : t(`validation.${code}`, { ns: 'common', defaultValue: t('validation.invalid', { ns: 'common' }) }),
            ),
          ),
        ]
      : undefined
}

/** The errors of a field and of its items (a forged "leadParliamentIds[2]"). */
export const allErrors = (field: { allErrors: Record<string, string[]> }) => Object.values(field.allErrors).flat()

export function parliamentOptions(parliaments: ParliamentOption[], lang: Language) {
  return parliaments.map((p) => ({
    value: String(p.id),
    label: pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang).text,
  }))
}

export function personOptions(people: PersonOption[], lang: Language) {
  return people.map((p) => {
    const home = p.parliamentNameEn || p.parliamentNameAr
    return {
      value: String(p.id),
      label: home
        ? `${p.name} — ${pickLanguage({ en: p.parliamentNameEn, ar: p.parliamentNameAr }, lang).text}`
        : p.name,
    }
  })
}

/**
 * The draft's fields (DraftSchema), to create a draft or to edit one. Editors are named here only when creating:
 * afterwards the working group has its own form (one person at a time, so that nobody is dropped by omission).
 */
export function DraftForm({
  lastResult,
  defaultValue,
  lang,
  parliaments,
  coordinators,
  editors,
  intent,
  submitLabel,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: DraftFormValues
  lang: Language
  parliaments: ParliamentOption[]
  coordinators: PersonOption[]
  /** The people who may be named editors (creating only). */
  editors?: PersonOption[]
  intent: string
  submitLabel: string
  cancelTo: string
}) {
  const { t } = useTranslation(['drafts', 'common', 'network', 'library'])
  const errorText = useDraftErrorText()
  const [form, fields] = useServerForm<Record<string, unknown>>({ id: `draft-${intent}`, lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack draft-form">
      <input type="hidden" name="intent" value={intent} />
      <FormError id={form.errorId}>{errorText(form.errors)?.[0]}</FormError>

      <fieldset className="draft-form__group">
        <legend>{t('form.about')}</legend>
        <FormSelect
          field={fields.kind!}
          label={t('form.kind')}
          fallback="model_law"
          options={toOptions(draftKinds, (v) => t(`kinds.${v}`))}
        />
        <BilingualInputs
          fields={[fields.titleEn!, fields.titleAr!]}
          labels={[t('form.titleEn'), t('form.titleAr')]}
          hint={t('form.titleHint')}
          maxLength={draftLimits.title}
        />
        <BilingualTextareas
          fields={[fields.summaryEn as never, fields.summaryAr as never]}
          labels={[t('form.summaryEn'), t('form.summaryAr')]}
          rows={4}
          maxLength={draftLimits.summary}
        />
        <FormSelect
          field={fields.originalLanguage!}
          label={t('form.originalLanguage')}
          fallback={lang}
          options={toOptions(draftLanguages, (v) => t(`form.languages.${v}`))}
        />
      </fieldset>

      <fieldset className="draft-form__group">
        <legend>{t('form.people')}</legend>
        <MultiSelectField
          id={fields.leadParliamentIds!.id}
          name={fields.leadParliamentIds!.name}
          label={t('form.leads')}
          hint={t('form.multiHint')}
          defaultValue={(fields.leadParliamentIds!.initialValue as string[] | undefined) ?? []}
          errors={errorText(allErrors(fields.leadParliamentIds!))}
          options={parliamentOptions(parliaments, lang)}
        />
        <SelectField
          id={fields.coordinatorId!.id}
          name={fields.coordinatorId!.name}
          label={t('form.coordinator')}
          defaultValue={(fields.coordinatorId!.initialValue as string | undefined) ?? ''}
          errors={errorText(fields.coordinatorId!.errors)}
          options={personOptions(coordinators, lang)}
        />
        {editors ? (
          <MultiSelectField
            id={fields.editorIds!.id}
            name={fields.editorIds!.name}
            label={t('form.editors')}
            hint={t('form.editorsHint')}
            defaultValue={(fields.editorIds!.initialValue as string[] | undefined) ?? []}
            errors={errorText(allErrors(fields.editorIds!))}
            options={personOptions(editors, lang)}
          />
        ) : null}
      </fieldset>

      <fieldset className="draft-form__group">
        <legend>{t('form.topics')}</legend>
        <CheckboxGroup
          legend={t('form.pillars')}
          field={fields.pillars!}
          errors={errorText(allErrors(fields.pillars!))}
          options={toOptions(['1', '2', '3', '4'], (v) => t(`pillarsShort.${v}`, { ns: 'network' }))}
        />
        <CheckboxGroup
          legend={t('form.resolutions')}
          field={fields.resolutions!}
          errors={errorText(allErrors(fields.resolutions!))}
          options={toOptions(resolutions, (v) => t(`resolutions.${v}`, { ns: 'common' }))}
        />
        <CheckboxGroup
          legend={t('form.themes')}
          field={fields.themes!}
          errors={errorText(allErrors(fields.themes!))}
          options={toOptions(themes, (v) => t(`themes.${v}`, { ns: 'library' }))}
        />
      </fieldset>

      <fieldset className="draft-form__group">
        <legend>{t('form.access')}</legend>
        <RadioGroup
          legend={t('form.visibility')}
          field={fields.visibility!}
          options={toOptions(draftVisibilities, (v) => t(`visibility.${v}`))}
        />
        <RadioGroup
          legend={t('form.scope')}
          field={fields.consultationScope!}
          options={toOptions(consultationScopes, (v) => t(`scopes.${v}`))}
        />
      </fieldset>

      <p className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo}>{t('form.cancel')}</Link>
      </p>
    </Form>
  )
}

/**
 * Starting a draft from an Akoma Ntoso file: the file, and what it cannot say (who leads it, who is in charge,
 * and its kind when the file's document type is not the one wanted).
 */
export function AknStartForm({
  lastResult,
  defaultValue,
  lang,
  parliaments,
  coordinators,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: DraftFormValues
  lang: Language
  parliaments: ParliamentOption[]
  coordinators: PersonOption[]
}) {
  const { t } = useTranslation(['drafts', 'common'])
  const errorText = useDraftErrorText()
  const [form, fields] = useServerForm<Record<string, unknown>>({ id: 'draft-import', lastResult, defaultValue })
  const fileErrors = errorText(fields.file!.errors)
  const fileIds = [`${fields.file!.id}-hint`, fileErrors ? `${fields.file!.id}-error` : ''].filter(Boolean).join(' ')
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} noValidate className="stack draft-form">
      <input type="hidden" name="intent" value="import" />
      <FormError id={form.errorId}>{errorText(form.errors)?.[0]}</FormError>
      <div className="field">
        <label htmlFor={fields.file!.id}>{t('form.import.file')}</label>
        <p className="field__hint" id={`${fields.file!.id}-hint`}>
          {t('form.import.fileHint')}
        </p>
        <input
          {...getInputProps(fields.file!, { type: 'file', ariaAttributes: false })}
          accept=".xml,application/xml,text/xml,application/akn+xml"
          multiple
          aria-describedby={fileIds}
          aria-invalid={fileErrors ? true : undefined}
        />
        {fileErrors ? <FieldErrors id={`${fields.file!.id}-error`} errors={fileErrors} /> : null}
      </div>
      <FormSelect
        field={fields.kind!}
        label={t('form.kind')}
        emptyLabel={t('form.import.kindFromFile')}
        options={toOptions(draftKinds, (v) => t(`kinds.${v}`))}
      />
      <MultiSelectField
        id={fields.leadParliamentIds!.id}
        name={fields.leadParliamentIds!.name}
        label={t('form.leads')}
        hint={t('form.multiHint')}
        defaultValue={(fields.leadParliamentIds!.initialValue as string[] | undefined) ?? []}
        errors={errorText(allErrors(fields.leadParliamentIds!))}
        options={parliamentOptions(parliaments, lang)}
      />
      <SelectField
        id={fields.coordinatorId!.id}
        name={fields.coordinatorId!.name}
        label={t('form.coordinator')}
        defaultValue={(fields.coordinatorId!.initialValue as string | undefined) ?? ''}
        errors={errorText(fields.coordinatorId!.errors)}
        options={personOptions(coordinators, lang)}
      />
      <RadioGroup
        legend={t('form.visibility')}
        field={fields.visibility!}
        options={toOptions(draftVisibilities, (v) => t(`visibility.${v}`))}
      />
      <RadioGroup
        legend={t('form.scope')}
        field={fields.consultationScope!}
        options={toOptions(consultationScopes, (v) => t(`scopes.${v}`))}
      />
      <p className="form-actions">
        <button type="submit" className="button">
          {t('form.import.submit')}
        </button>
      </p>
    </Form>
  )
}
