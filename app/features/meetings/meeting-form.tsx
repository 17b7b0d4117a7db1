import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { meetingFormats, meetingKinds, meetingVisibilities, regions, themes } from '#db/enums'
import { FormError } from '~/components/status-message'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { useErrorText } from '~/utils/forms'
import type { MeetingFormSchema } from './schemas'

type Schema = z.input<typeof MeetingFormSchema>

export type MeetingFormValues = Record<string, string | string[] | undefined>

/** The form to schedule a meeting or edit one (the same fields both ways). */
export function MeetingForm({
  lastResult,
  defaultValue,
  countries,
  timeZones,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: MeetingFormValues
  countries: { code: string; name: string }[]
  /** The IANA zones the runtime knows, offered as suggestions. */
  timeZones: string[]
  submitLabel: string
}) {
  const { t } = useTranslation(['meetings', 'common'])
  const errorText = useErrorText()
  const [form, fields] = useForm<Schema>({
    lastResult,
    defaultValue: defaultValue as Record<string, unknown>,
    shouldValidate: 'onSubmit',
  })
  const initial = (name: keyof typeof fields) => (fields[name].initialValue as string | undefined) ?? ''
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack meeting-form">
      <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>

      <fieldset className="form-group">
        <legend>{t('form.about')}</legend>
        <SelectField
          id={fields.kind.id}
          name={fields.kind.name}
          label={t('form.kind')}
          defaultValue={initial('kind') || 'coordination_meeting'}
          errors={errorText(fields.kind.errors)}
          options={meetingKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) }))}
        />
        <Field
          label={t('form.titleEn')}
          hint={t('form.titleHint')}
          errors={errorText(fields.titleEn.errors)}
          inputProps={{ ...getInputProps(fields.titleEn, { type: 'text' }), lang: 'en', dir: 'ltr', maxLength: 300 }}
        />
        <Field
          label={t('form.titleAr')}
          errors={errorText(fields.titleAr.errors)}
          inputProps={{ ...getInputProps(fields.titleAr, { type: 'text' }), lang: 'ar', dir: 'rtl', maxLength: 300 }}
        />
        <TextareaField
          field={fields.descriptionEn}
          label={t('form.descriptionEn')}
          errors={errorText(fields.descriptionEn.errors)}
          lang="en"
          rows={5}
          maxLength={10_000}
        />
        <TextareaField
          field={fields.descriptionAr}
          label={t('form.descriptionAr')}
          errors={errorText(fields.descriptionAr.errors)}
          lang="ar"
          rows={5}
          maxLength={10_000}
        />
        <TextareaField
          field={fields.hosts}
          label={t('form.hosts')}
          hint={t('form.hostsHint')}
          errors={errorText(fields.hosts.errors)}
          rows={3}
        />
        <fieldset className="choice-group" aria-describedby={`${fields.themes.id}-hint`}>
          <legend>{t('form.themes', { ns: 'resources' })}</legend>
          <p className="field__hint" id={`${fields.themes.id}-hint`}>
            {t('meetingThemesHint', { ns: 'womenYouth' })}
          </p>
          <div className="choice-group__options">
            {getCollectionProps(fields.themes, { type: 'checkbox', options: [...themes], ariaAttributes: false }).map(
              ({ key, ...props }) => (
                <div className="field field--check" key={key}>
                  <input {...props} />
                  <label htmlFor={props.id}>{t(`themes.${props.value}`, { ns: 'library' })}</label>
                </div>
              ),
            )}
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.when')}</legend>
        <Field
          label={t('form.timeZone')}
          hint={t('form.timeZoneHint')}
          errors={errorText(fields.timeZone.errors)}
          inputProps={{
            ...getInputProps(fields.timeZone, { type: 'text' }),
            dir: 'ltr',
            list: 'time-zones',
            autoComplete: 'off',
            spellCheck: false,
          }}
        />
        <datalist id="time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="form-row">
          <Field
            label={t('form.startsAt')}
            errors={errorText(fields.startsAt.errors)}
            inputProps={{ ...getInputProps(fields.startsAt, { type: 'datetime-local' }) }}
          />
          <Field
            label={t('form.endsAt')}
            errors={errorText(fields.endsAt.errors)}
            inputProps={{ ...getInputProps(fields.endsAt, { type: 'datetime-local' }) }}
          />
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.where')}</legend>
        <fieldset className="choice-group">
          <legend>{t('form.format')}</legend>
          {getCollectionProps(fields.format, {
            type: 'radio',
            options: [...meetingFormats],
            ariaAttributes: false,
          }).map(({ key, ...props }) => (
            <div className="field field--check" key={key}>
              <input {...props} />
              <label htmlFor={props.id}>{t(`formats.${props.value}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field
          label={t('form.city')}
          errors={errorText(fields.city.errors)}
          inputProps={{ ...getInputProps(fields.city, { type: 'text' }), dir: 'auto', maxLength: 120 }}
        />
        <SelectField
          id={fields.countryCode.id}
          name={fields.countryCode.name}
          label={t('form.country')}
          defaultValue={initial('countryCode')}
          errors={errorText(fields.countryCode.errors)}
          options={[
            { value: '', label: t('form.notSaid') },
            ...countries.map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
        <Field
          label={t('form.address')}
          errors={errorText(fields.address.errors)}
          inputProps={{ ...getInputProps(fields.address, { type: 'text' }), dir: 'auto', maxLength: 500 }}
        />
        <SelectField
          id={fields.region.id}
          name={fields.region.name}
          label={t('form.region')}
          defaultValue={initial('region')}
          errors={errorText(fields.region.errors)}
          options={[
            { value: '', label: t('form.notSaid') },
            ...regions.map((v) => ({ value: v, label: t(`regions.${v}`, { ns: 'common' }) })),
          ]}
        />
        <Field
          label={t('form.onlineUrl')}
          hint={t('form.onlineUrlHint')}
          errors={errorText(fields.onlineUrl.errors)}
          inputProps={{ ...getInputProps(fields.onlineUrl, { type: 'url' }), dir: 'ltr', autoComplete: 'url' }}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.access')}</legend>
        <fieldset className="choice-group">
          <legend>{t('form.visibility')}</legend>
          {getCollectionProps(fields.visibility, {
            type: 'radio',
            options: [...meetingVisibilities],
            ariaAttributes: false,
          }).map(({ key, ...props }) => (
            <div className="field field--check" key={key}>
              <input {...props} />
              <label htmlFor={props.id}>{t(`visibilities.${props.value}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field
          label={t('form.capacity')}
          hint={t('form.capacityHint')}
          errors={errorText(fields.capacity.errors)}
          inputProps={{
            ...getInputProps(fields.capacity, { type: 'number' }),
            inputMode: 'numeric',
            step: 1,
            className: 'input--short',
          }}
        />
        <Field
          label={t('form.registrationDeadline')}
          errors={errorText(fields.registrationDeadline.errors)}
          inputProps={{ ...getInputProps(fields.registrationDeadline, { type: 'datetime-local' }) }}
        />
        <div className="field field--check">
          <input {...getInputProps(fields.requiresApproval, { type: 'checkbox' })} />
          <label htmlFor={fields.requiresApproval.id}>{t('form.requiresApproval')}</label>
        </div>
      </fieldset>

      <p className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </p>
    </Form>
  )
}
