import { getCollectionProps, getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { interpretationLanguages } from '~/utils/vocabulary'
import { RegistrationStateBadge } from '~/features/meetings/registration-panel'
import { FormError } from '~/components/status-message'
import { TextareaField } from '~/components/ui/field'
import { cancelRegistration, register, type RegistrationRefusal } from '~/features/meetings/registration.server'
import { getParticipation } from '~/features/meetings/participants.server'
import { BilingualText } from '~/components/bilingual-text'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash, type FlashKey } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { absoluteUrl } from '~/utils/links.server'
import { titleMeta } from '~/utils/meta'
import { requireMemberMeeting } from '~/features/meetings/guards.server'
import { formatInZone, formatRangeInZone, zoneOffsetLabel } from '~/utils/zoned-format'
import { RegistrationFormSchema } from '~/features/meetings/registration-schemas'
import styles from '~/styles/participation.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting: m } = requireMemberMeeting(request, params.id)
  const participation = getParticipation(m.id, user)!
  const t = getFixedT(lang, ['participation', 'common'])
  return {
    lang,
    meeting: {
      id: m.id,
      titleEn: m.titleEn,
      titleAr: m.titleAr,
      timeZone: m.timeZone,
      startsAt: m.startsAt.getTime(),
      endsAt: m.endsAt.getTime(),
      registrationDeadline: m.registrationDeadline?.getTime() ?? null,
    },
    participation,
    title: `${t('register.title')}: ${pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text} · ${t('shell.siteName')}`,
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting: m } = requireMemberMeeting(request, params.id)
  const formData = await request.formData()
  const here = `/${lang}/meetings/${m.id}/register`
  const baseUrl = absoluteUrl('/')
  if (formData.get('intent') === 'cancel') {
    const done = await cancelRegistration(m.id, user.id, user, { baseUrl })
    if (!done.ok) return data({ result: undefined, refused: done.reason }, { status: 400 })
    return redirectWithFlash(here, 'registrationCancelled')
  }
  const submission = parseWithZod(formData, { schema: RegistrationFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), refused: null }, { status: 400 })
  const done = await register(m.id, user, submission.value, { baseUrl })
  if (!done.ok) {
    return data(
      { result: submission.reply(), refused: done.reason as RegistrationRefusal | null },
      { status: done.reason === 'notInvited' ? 403 : 400 },
    )
  }
  const flash: FlashKey = done.updated
    ? 'registrationUpdated'
    : done.state === 'pending'
      ? 'registrationPending'
      : done.state === 'waitlisted'
        ? 'waitlisted'
        : 'registered'
  return redirectWithFlash(here, flash)
}

export default function RegisterPage() {
  const { lang, meeting: m, participation: p } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['participation', 'common'])
  const reg = p.registration
  const holds = Boolean(reg && ['confirmed', 'pending', 'waitlisted'].includes(reg.state))
  const meetingPath = `/${lang}/meetings/${m.id}`
  return (
    <div className="page participation-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings`}>{t('nav.meetings', { ns: 'common' })}</Link>
        {' › '}
        <Link to={meetingPath}>
          <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('register.heading')}</h1>
      <p className="lead">
        <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
      </p>
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

      {reg ? (
        <section className="registration-state" aria-labelledby="registration-state-title">
          <h2 id="registration-state-title">
            {t('panel.yourState')}: <RegistrationStateBadge state={reg.state} />
          </h2>
          <p>{t(`register.${reg.state}Note`)}</p>
          {p.waitlistPosition ? <p>{t('panel.waitlistPosition', { n: p.waitlistPosition })}</p> : null}
        </section>
      ) : null}

      <FormError>{actionData?.refused ? t(`refused.${actionData.refused}`) : null}</FormError>

      {holds || p.canRegister ? (
        <RegistrationForm holds={holds} />
      ) : p.reason && p.reason !== 'declined' ? (
        <p className="notice">{t(`reasons.${p.reason}`)}</p>
      ) : null}

      {holds ? (
        <details className="participation-danger">
          <summary>{t('register.cancelTitle')}</summary>
          <p>{t('register.cancelWarning')}</p>
          <Form method="post">
            <button type="submit" name="intent" value="cancel" className="button button--danger">
              {t('register.cancelConfirm')}
            </button>
          </Form>
        </details>
      ) : null}
      <p>
        <Link to={meetingPath}>{t('register.backToMeeting')}</Link>
      </p>
    </div>
  )
}

function RegistrationForm({ holds }: { holds: boolean }) {
  const { participation: p } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['participation', 'common'])
  const errorText = useErrorText()
  const reg = p.registration
  const [form, fields] = useForm({
    lastResult: actionData?.result,
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
        <div className="participation-choices__options">
          {getCollectionProps(fields.attendanceMode, { type: 'radio', options: p.modes, ariaAttributes: false }).map(
            ({ key, ...props }) => (
              <div className="field field--check" key={key}>
                <input {...props} />
                <label htmlFor={props.id}>{t(`modes.${props.value}`)}</label>
              </div>
            ),
          )}
        </div>
      </fieldset>
      <fieldset className="participation-choices" aria-describedby={`${fields.interpretation.id}-hint`}>
        <legend>{t('register.interpretation')}</legend>
        <p className="field__hint" id={`${fields.interpretation.id}-hint`}>
          {t('register.interpretationHint')}
        </p>
        <div className="participation-choices__options">
          {getCollectionProps(fields.interpretation, {
            type: 'checkbox',
            options: [...interpretationLanguages],
            ariaAttributes: false,
          }).map(({ key, ...props }) => (
            <div className="field field--check" key={key}>
              <input {...props} />
              <label htmlFor={props.id}>{t(`languages.${props.value}`)}</label>
            </div>
          ))}
        </div>
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
