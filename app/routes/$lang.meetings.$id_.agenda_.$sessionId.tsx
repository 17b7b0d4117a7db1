import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { agendaStylesheet } from '~/features/meetings/meeting-agenda'
import { MeetingSessionForm } from '~/features/meetings/meeting-session-form'
import { getSessionFormValues } from '~/features/meetings/agenda.server'
import { deleteSession, updateSession } from '~/features/meetings/sessions.server'
import { requireRole } from '~/utils/auth.server'
import { requireMeeting } from '~/features/meetings/guards.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { meetingPageTitle, sessionFormContext } from '~/features/meetings/session-form.server'
import { titleMeta } from '~/utils/meta'
import { MeetingSessionFormSchema } from '~/features/meetings/session-schemas'

// One session of a meeting's agenda, edited by a coordinator. (`agenda_` keeps this page out of the agenda
// page's layout: it is a page of its own, not a part of the editor.)

export const meta = titleMeta
export const links: LinksFunction = () => [agendaStylesheet]

function requireSession(request: Request, params: LoaderFunctionArgs['params']) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const m = requireMeeting(params.id)
  const sessionId = Number(params.sessionId)
  const values = Number.isSafeInteger(sessionId) ? getSessionFormValues(m.id, sessionId, m.timeZone) : null
  if (!values) throw new Response('Not Found', { status: 404 })
  return { user, lang, meeting: m, sessionId, values }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { lang, meeting: m, values } = requireSession(request, params)
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr },
    ...sessionFormContext(m, lang, values.speakerMemberIds.map(Number)),
    defaultValue: values,
    title: meetingPageTitle(m, lang, 'editor.editTitle'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, lang, meeting: m, sessionId } = requireSession(request, params)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const agendaPath = `/${lang}/meetings/${m.id}/agenda`
  if (intent === 'delete') {
    deleteSession(m.id, sessionId, user)
    return redirectWithFlash(agendaPath, 'sessionDeleted')
  }
  if (intent !== 'save') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(formData, { schema: MeetingSessionFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = updateSession(m.id, sessionId, submission.value, user)
  if (!saved) throw new Response('Not Found', { status: 404 })
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithFlash(`${agendaPath}#session-${sessionId}`, 'sessionSaved')
}

export default function EditSession() {
  const { lang, meeting, timeZone, window, speakers, documents, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('agenda')
  return (
    <div className="page">
      <p className="breadcrumb agenda-editor__nav">
        <Link to={`/${lang}/meetings/${meeting.id}`}>
          {t('editor.backToMeeting')}: <BilingualText en={meeting.titleEn} ar={meeting.titleAr} lang={lang} />
        </Link>
        <Link to={`/${lang}/meetings/${meeting.id}/agenda`}>{t('editor.backToAgenda')}</Link>
      </p>
      <h1>{t('editor.editTitle')}</h1>
      <MeetingSessionForm
        id="edit-session"
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        lang={lang}
        timeZone={timeZone}
        window={window}
        speakers={speakers}
        documents={documents}
        submitLabel={t('editor.save')}
      />
      <details className="session-delete">
        <summary>{t('editor.deleteTitle')}</summary>
        <p>{t('editor.deleteWarning')}</p>
        <Form method="post">
          <button type="submit" name="intent" value="delete" className="button">
            {t('editor.deleteConfirm')}
          </button>
        </Form>
      </details>
    </div>
  )
}
