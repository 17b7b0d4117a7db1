import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MeetingForm } from '~/features/meetings/meeting-form'
import { saveMeeting } from '~/features/meetings/meeting-changes.server'
import { meetingFormValues } from '~/features/meetings/meeting.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { absoluteUrl } from '~/utils/links.server'
import { requireLanguage } from '~/utils/lang.server'
import { meetingFormChoices, readMeetingForm } from '~/features/meetings/form.server'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/meetings.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const { meeting } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  return {
    lang,
    id: meeting.id,
    ...meetingFormChoices(lang),
    defaultValue: meetingFormValues(meeting),
    title: pageTitle(lang, 'form.editTitle', 'meetings'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, meeting } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  const form = await readMeetingForm(request)
  if (!form.ok) return data({ result: form.reply }, { status: 400 })
  // The change, the seats it frees, the audit rows and the mails commit together (mails go out after the commit).
  saveMeeting(meeting, form.input, user, { baseUrl: absoluteUrl('/') })
  return redirectWithFlash(`/${lang}/meetings/${meeting.id}`, 'meetingSaved')
}

export const handle = { i18n: ['library', 'meetings', 'womenYouth'] }

export default function EditMeeting() {
  const { lang, id, countries, timeZones, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('meetings')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings/${id}`}>{t('form.cancel')}</Link>
      </p>
      <h1>{t('form.editTitle')}</h1>
      <p className="lead">{t('form.editLead')}</p>
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        countries={countries}
        timeZones={timeZones}
        submitLabel={t('form.save')}
      />
    </div>
  )
}
