// The register page's pieces: the meeting's facts (when, deadline, seats) and the registration form.
import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextareaField } from '~/components/ui/field'
import type { Participation } from '~/features/meetings/participants.server'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import { interpretationLanguages } from '~/utils/vocabulary'
import { formatInZone, formatRangeInZone, zoneOffsetLabel } from '~/utils/zoned-format'

type FactsMeeting = { timeZone: string; startsAt: number; endsAt: number; registrationDeadline: number | null }

/** When the meeting is (in its own zone), until when one may register, and the seats left. */
export function RegisterFacts({
  lang,
  meeting: m,
  participation: p,
}: {
  lang: Language
  meeting: FactsMeeting
  participation: Participation
}) {
  const { t } = useTranslation('participation')
  return (
    <dl className="facts participation-facts">
      <div>
        <dt>{t('register.meetingWhen')}</dt>
        <dd>
          {formatRangeInZone(m.startsAt, m.endsAt, lang, m.timeZone)}{' '}
          <span className="muted">
            (<bdi dir="ltr">{`${m.timeZone}, ${zoneOffsetLabel(m.startsAt, m.timeZone)}`}</bdi>)
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('register.meetingDeadline')}</dt>
        <dd>
          {m.registrationDeadline
            ? formatInZone(m.registrationDeadline, lang, m.timeZone, 'dateTime')
            : t('register.noDeadline')}
        </dd>
      </div>
      <div>
        <dt>{t('panel.title')}</dt>
        <dd>
          {p.capacity === null
            ? t('panel.noLimit')
            : t('panel.seatsLeft', { n: p.seatsLeft ?? 0, capacity: p.capacity })}
        </dd>
      </div>
    </dl>
  )
}

/** Radio buttons or checkboxes, each with its label. */
function Options({
  inputs,
  label,
}: {
  inputs: ReturnType<typeof getCollectionProps>
  label: (value: string) => string
}) {
  return (
    <div className="participation-choices__options">
      {inputs.map(({ key, ...props }) => (
        <div className="field field--check" key={key}>
          <input {...props} />
          <label htmlFor={props.id}>{label(props.value)}</label>
        </div>
      ))}
    </div>
  )
}

/** How the member will attend and what they need; the same form registers and changes a registration. */
export function RegistrationForm({
  holds,
  participation: p,
  lastResult,
}: {
  holds: boolean
  participation: Participation
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation(['participation', 'common'])
  const errorText = useErrorText()
  const reg = p.registration
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      attendanceMode: reg?.attendanceMode && p.modes.includes(reg.attendanceMode) ? reg.attendanceMode : p.modes[0],
      interpretation: reg?.interpretation ?? [],
      accessibilityNeeds: reg?.accessibilityNeeds ?? '',
      dietaryNeeds: reg?.dietaryNeeds ?? '',
    },
    shouldValidate: 'onSubmit',
  })
  const modeErrors = errorText(fields.attendanceMode.errors)
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack participation-form">
      <h2>{holds ? t('register.changeTitle') : t('register.formTitle')}</h2>
      <fieldset
        className="participation-choices"
        aria-describedby={modeErrors?.length ? `${fields.attendanceMode.id}-error` : undefined}
      >
        <legend>{t('register.mode')}</legend>
        {modeErrors?.length ? (
          <ul className="field__errors" id={`${fields.attendanceMode.id}-error`}>
            {modeErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
        <Options
          inputs={getCollectionProps(fields.attendanceMode, { type: 'radio', options: p.modes, ariaAttributes: false })}
          label={(mode) => t(`modes.${mode}`)}
        />
      </fieldset>
      <fieldset className="participation-choices" aria-describedby={`${fields.interpretation.id}-hint`}>
        <legend>{t('register.interpretation')}</legend>
        <p className="field__hint" id={`${fields.interpretation.id}-hint`}>
          {t('register.interpretationHint')}
        </p>
        <Options
          inputs={getCollectionProps(fields.interpretation, {
            type: 'checkbox',
            options: [...interpretationLanguages],
            ariaAttributes: false,
          })}
          label={(language) => t(`languages.${language}`)}
        />
      </fieldset>
      <TextareaField
        field={fields.accessibilityNeeds}
        label={t('register.accessibility')}
        hint={t('register.accessibilityHint')}
        errors={errorText(fields.accessibilityNeeds.errors)}
        rows={3}
        maxLength={1000}
      />
      <TextareaField
        field={fields.dietaryNeeds}
        label={t('register.dietary')}
        hint={t('register.dietaryHint')}
        errors={errorText(fields.dietaryNeeds.errors)}
        rows={2}
        maxLength={1000}
      />
      {!holds && p.reason === 'full' ? <p className="notice">{t('register.fullNote')}</p> : null}
      {!holds && p.requiresApproval ? <p className="notice">{t('register.approvalNote')}</p> : null}
      <p>
        <button type="submit" name="intent" value="register" className="button">
          {holds ? t('register.save') : t('register.submit')}
        </button>
      </p>
    </Form>
  )
}
