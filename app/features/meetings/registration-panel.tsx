import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RegistrationState } from '#db/enums'
import type { Participation } from './participants.server'
import type { Language } from '~/utils/i18n'
import { formatInZone } from '~/utils/zoned-format'

export type RegistrationPanelProps = {
  /** From getParticipation(meetingId, viewer) in the meeting page's loader. */
  participation: Participation
  meetingId: number
  lang: Language
}

const stateBadge: Record<RegistrationState, string> = {
  confirmed: 'badge badge--ok',
  pending: 'badge registration-badge--pending',
  waitlisted: 'badge registration-badge--waitlisted',
  declined: 'badge registration-badge--closed',
  cancelled: 'badge registration-badge--closed',
}

export function RegistrationStateBadge({ state }: { state: RegistrationState }) {
  const { t } = useTranslation('participation')
  return <span className={stateBadge[state]}>{t(`states.${state}`)}</span>
}

/** The meeting page's box: the viewer's registration, the seats, and the way to register or change it. */
export function RegistrationPanel({ participation: p, meetingId, lang }: RegistrationPanelProps) {
  const { t } = useTranslation('participation')
  const registerPath = `/${lang}/meetings/${meetingId}/register`
  const holds = p.registration && ['confirmed', 'pending', 'waitlisted'].includes(p.registration.state)
  return (
    <section className="registration-panel" aria-labelledby="registration-panel-title">
      <h2 id="registration-panel-title">{t('panel.title')}</h2>
      {p.registration ? (
        <p>
          {t('panel.yourState')}: <RegistrationStateBadge state={p.registration.state} />
        </p>
      ) : null}
      {p.waitlistPosition ? <p>{t('panel.waitlistPosition', { n: p.waitlistPosition })}</p> : null}
      {p.reason !== 'closed' ? (
        <p className="registration-panel__seats">
          {p.capacity === null
            ? t('panel.noLimit')
            : t('panel.seatsLeft', { n: p.seatsLeft ?? 0, capacity: p.capacity })}
        </p>
      ) : null}
      {p.registrationDeadline && p.reason !== 'closed' && !holds ? (
        <p>{t('panel.deadline', { deadline: formatInZone(p.registrationDeadline, lang, p.timeZone, 'dateTime') })}</p>
      ) : null}
      {p.reason && p.reason !== 'signInRequired' ? (
        <p className="registration-panel__reason">{t(`reasons.${p.reason}`)}</p>
      ) : null}
      {p.canRegister && p.requiresApproval ? <p>{t('panel.approvalNote')}</p> : null}
      {holds ? (
        <p>
          <Link className="button button--quiet" to={registerPath}>
            {t('panel.change')}
          </Link>
        </p>
      ) : p.canRegister ? (
        <p>
          <Link className="button" to={registerPath}>
            {t('panel.register')}
          </Link>
        </p>
      ) : p.reason === 'signInRequired' ? (
        <p>
          <Link className="button" to={`/${lang}/login?redirectTo=${encodeURIComponent(registerPath)}`}>
            {t('panel.signIn')}
          </Link>
        </p>
      ) : null}
    </section>
  )
}
