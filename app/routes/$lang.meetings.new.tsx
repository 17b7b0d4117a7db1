import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MeetingForm } from '~/features/meetings/meeting-form'
import { createMeeting } from '~/features/meetings/meeting.server'
import { requireMeetingManager } from '~/features/meetings/guards.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { meetingFormChoices, readMeetingForm } from '~/features/meetings/form.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/meetings.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireMeetingManager(request)
  const lang = requireLanguage(params)
  return {
    lang,
    ...meetingFormChoices(lang),
    defaultValue: { kind: 'coordination_meeting', format: 'in_person', visibility: 'public', timeZone: 'Asia/Qatar' },
    title: pageTitle(lang, 'form.newTitle', 'meetings'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireMeetingManager(request)
  const lang = requireLanguage(params)
  const form = await readMeetingForm(request)
  if (!form.ok) return data({ result: form.reply }, { status: 400 })
  const id = createMeeting(form.input, user)
  return redirectWithFlash(`/${lang}/meetings/${id}`, 'meetingSaved')
}

export const handle = { i18n: ['library', 'meetings', 'womenYouth'] }

export default function NewMeeting() {
  const { lang, countries, timeZones, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('meetings')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings`}>{t('detail.breadcrumb')}</Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      <p className="lead">{t('form.newLead')}</p>
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        countries={countries}
        timeZones={timeZones}
        submitLabel={t('form.create')}
      />
    </div>
  )
}
