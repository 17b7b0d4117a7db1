import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { agendaStylesheet } from '~/features/meetings/meeting-agenda'
import { MeetingSessionForm } from '~/features/meetings/meeting-session-form'
import { getSessionFormValues } from '~/features/meetings/agenda.server'
import { deleteSession, updateSession } from '~/features/meetings/sessions.server'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { EditorNav } from '~/features/meetings/meeting-nav'
import { meetingPageTitle } from '~/features/meetings/page-title.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { parseId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { sessionFormContext } from '~/features/meetings/session-form.server'
import { titleMeta } from '~/utils/meta'
import { MeetingSessionFormSchema, SessionIntentSchema } from '~/features/meetings/session-schemas'

// One session of a meeting's agenda, edited by a coordinator. (`agenda_` keeps this page out of the agenda
// page's layout: it is a page of its own, not a part of the editor.)

export const meta = titleMeta
export const links: LinksFunction = () => [agendaStylesheet]

/** A coordinator (others: 403; visitors sign in first) and a session of an existing meeting (else 404). */
function requireSession(request: Request, params: LoaderFunctionArgs['params']) {
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  const sessionId = parseId(params.sessionId)
  const values = getSessionFormValues(m.id, sessionId, m.timeZone)
  if (!values) throw new Response('Not Found', { status: 404 })
  return { user, lang, meeting: m, sessionId, values }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { lang, meeting: m, values } = requireSession(request, params)
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr },
    // What the session form takes besides its id, last result and label.
    form: { ...sessionFormContext(m, lang, values.speakerMemberIds.map(Number)), lang, defaultValue: values },
    title: meetingPageTitle(m, lang, 'editor.editTitle'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, lang, meeting: m, sessionId } = requireSession(request, params)
  const formData = await request.formData()
  const parsed = SessionIntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const agendaPath = `/${lang}/meetings/${m.id}/agenda`
  if (parsed.data.intent === 'delete') {
    deleteSession(m.id, sessionId, user)
    return redirectWithFlash(agendaPath, 'sessionDeleted')
  }
  const submission = parseWithZod(formData, { schema: MeetingSessionFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = updateSession(m.id, sessionId, submission.value, user)
  if (!saved) throw new Response('Not Found', { status: 404 })
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithFlash(`${agendaPath}#session-${sessionId}`, 'sessionSaved')
}

export const handle = { i18n: ['agenda', 'library'] }

export default function EditSession() {
  const { lang, meeting, form } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('agenda')
  return (
    <div className="page">
      <EditorNav lang={lang} meeting={meeting} to="/agenda">
        {t('editor.backToAgenda')}
      </EditorNav>
      <h1>{t('editor.editTitle')}</h1>
      <MeetingSessionForm {...form} id="edit-session" lastResult={actionData?.result} submitLabel={t('editor.save')} />
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
