// A member registers for a meeting, changes the details of their registration or cancels it. What the page posts
// is handled in intents.server.ts; the form and the facts are in panels.tsx.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { errorKey } from '~/features/meetings/errors'
import { requireMemberMeeting } from '~/features/meetings/guards.server'
import { MeetingBreadcrumb } from '~/features/meetings/meeting-nav'
import { meetingPageTitle } from '~/features/meetings/page-title.server'
import { getParticipation } from '~/features/meetings/participants.server'
import { RegistrationStateBadge } from '~/features/meetings/registration-panel'
import { BilingualText } from '~/components/bilingual-text'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import styles from '~/styles/participation.css?url'
import { runRegisterIntent } from './intents.server'
import { RegisterFacts, RegistrationForm } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting: m } = requireMemberMeeting(request, params.id)
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
    participation: getParticipation(m.id, user)!,
    title: meetingPageTitle(m, lang, 'register.title', 'participation'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting } = requireMemberMeeting(request, params.id)
  return runRegisterIntent(lang, user, meeting, await request.formData())
}

export const handle = { i18n: ['agenda', 'meetings', 'participation'] }

export default function RegisterPage() {
  const { lang, meeting: m, participation: p } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['participation', 'common'])
  const reg = p.registration
  const holds = Boolean(reg && ['confirmed', 'pending', 'waitlisted'].includes(reg.state))
  return (
    <div className="page participation-page">
      <MeetingBreadcrumb lang={lang} meeting={m} />
      <h1>{t('register.heading')}</h1>
      <p className="lead">
        <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
      </p>
      <RegisterFacts lang={lang} meeting={m} participation={p} />

      {reg ? (
        <section className="registration-state" aria-labelledby="registration-state-title">
          <h2 id="registration-state-title">
            {t('panel.yourState')}: <RegistrationStateBadge state={reg.state} />
          </h2>
          <p>{t(`register.${reg.state}Note`)}</p>
          {p.waitlistPosition ? <p>{t('panel.waitlistPosition', { n: p.waitlistPosition })}</p> : null}
        </section>
      ) : null}

      <FormError>{actionData?.refused ? t(errorKey(actionData.refused)) : null}</FormError>

      {holds || p.canRegister ? (
        <RegistrationForm holds={holds} participation={p} lastResult={actionData?.result} />
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
        <Link to={`/${lang}/meetings/${m.id}`}>{t('register.backToMeeting')}</Link>
      </p>
    </div>
  )
}
