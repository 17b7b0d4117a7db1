import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { meetingFormats, meetingKinds, meetingVisibilities, regions, themes } from '#db/enums'
import { BilingualInputs, BilingualTextareas } from '~/components/form/bilingual-fields'
import { FormInput, FormSelect, FormTextarea, useServerForm } from '~/components/form/conform-fields'
import { FormErrorSummary, SubmitRow } from '~/components/form/form-parts'
import { CheckboxGroup, RadioGroup, toOptions } from '~/components/ui/checkbox-group'
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
  const [form, fields] = useServerForm<Schema>({ lastResult, defaultValue })
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack meeting-form">
      <FormErrorSummary form={form} />

      <fieldset className="form-group">
        <legend>{t('form.about')}</legend>
        <FormSelect
          field={fields.kind}
          label={t('form.kind')}
          fallback="coordination_meeting"
          options={toOptions(meetingKinds, (v) => t(`kinds.${v}`))}
        />
        <BilingualInputs
          fields={[fields.titleEn, fields.titleAr]}
          labels={[t('form.titleEn'), t('form.titleAr')]}
          hint={t('form.titleHint')}
          maxLength={300}
        />
        <BilingualTextareas
          fields={[fields.descriptionEn, fields.descriptionAr]}
          labels={[t('form.descriptionEn'), t('form.descriptionAr')]}
          rows={5}
          maxLength={10_000}
        />
        <FormTextarea field={fields.hosts} label={t('form.hosts')} hint={t('form.hostsHint')} rows={3} />
        {/* A theme can only be wrong in a forged form, which gets no message. */}
        <CheckboxGroup
          legend={t('form.themes', { ns: 'library' })}
          hint={t('meetingThemesHint', { ns: 'womenYouth' })}
          field={fields.themes}
          errors={[]}
          options={toOptions(themes, (v) => t(`themes.${v}`, { ns: 'library' }))}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.when')}</legend>
        <FormInput
          field={fields.timeZone}
          label={t('form.timeZone')}
          hint={t('form.timeZoneHint')}
          dir="ltr"
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id="time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="form-row">
          <FormInput field={fields.startsAt} type="datetime-local" label={t('form.startsAt')} />
          <FormInput field={fields.endsAt} type="datetime-local" label={t('form.endsAt')} />
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.where')}</legend>
        <RadioGroup
          legend={t('form.format')}
          field={fields.format}
          options={toOptions(meetingFormats, (v) => t(`formats.${v}`))}
        />
        <FormInput field={fields.city} label={t('form.city')} dir="auto" maxLength={120} />
        <FormSelect
          field={fields.countryCode}
          label={t('form.country')}
          emptyLabel={t('form.notSaid')}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FormInput field={fields.address} label={t('form.address')} dir="auto" maxLength={500} />
        <FormSelect
          field={fields.region}
          label={t('form.region')}
          emptyLabel={t('form.notSaid')}
          options={toOptions(regions, (v) => t(`regions.${v}`, { ns: 'common' }))}
        />
        <FormInput
          field={fields.onlineUrl}
          type="url"
          label={t('form.onlineUrl')}
          hint={t('form.onlineUrlHint')}
          autoComplete="url"
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.access')}</legend>
        <RadioGroup
          legend={t('form.visibility')}
          field={fields.visibility}
          options={toOptions(meetingVisibilities, (v) => t(`visibilities.${v}`))}
        />
        <FormInput
          field={fields.capacity}
          type="number"
          label={t('form.capacity')}
          hint={t('form.capacityHint')}
          inputMode="numeric"
          step={1}
          className="input--short"
        />
        <FormInput field={fields.registrationDeadline} type="datetime-local" label={t('form.registrationDeadline')} />
        <div className="field field--check">
          <input {...getInputProps(fields.requiresApproval, { type: 'checkbox' })} />
          <label htmlFor={fields.requiresApproval.id}>{t('form.requiresApproval')}</label>
        </div>
      </fieldset>

      <SubmitRow label={submitLabel} className="form-actions" />
    </Form>
  )
}
