import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { agendaStylesheet, isolate, MeetingAgenda } from '~/features/meetings/meeting-agenda'
import { MeetingSessionForm } from '~/features/meetings/meeting-session-form'
import { BilingualText } from '~/components/bilingual-text'
import { getAgenda } from '~/features/meetings/agenda.server'
import { createSession, deleteSession } from '~/features/meetings/sessions.server'
import { pickLanguage } from '~/utils/bilingual'
import { requireRole } from '~/utils/auth.server'
import { requireMeeting } from '~/features/meetings/guards.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { meetingPageTitle, newSessionDefaults, sessionFormContext } from '~/features/meetings/session-form.server'
import { titleMeta } from '~/utils/meta'
import { MeetingSessionFormSchema } from '~/features/meetings/session-schemas'

export const meta = titleMeta
export const links: LinksFunction = () => [agendaStylesheet]

/** A coordinator (others: 403; visitors sign in first) and an existing meeting (else 404). */
function requireEditor(request: Request, params: LoaderFunctionArgs['params']) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const m = requireMeeting(params.id)
  return { user, lang, meeting: m }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, lang, meeting: m } = requireEditor(request, params)
  const context = sessionFormContext(m, lang)
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr },
    agenda: getAgenda(m.id, user),
    ...context,
    defaultValue: newSessionDefaults(m),
    title: meetingPageTitle(m, lang, 'editor.title'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, lang, meeting: m } = requireEditor(request, params)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'delete') {
    const sessionId = Number(formData.get('sessionId'))
    if (!Number.isSafeInteger(sessionId) || !deleteSession(m.id, sessionId, user))
      throw new Response('Not Found', { status: 404 })
    return redirectWithFlash(`/${lang}/meetings/${m.id}/agenda`, 'sessionDeleted')
  }
  if (intent !== 'save') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(formData, { schema: MeetingSessionFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = createSession(m.id, submission.value, user)
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithFlash(`/${lang}/meetings/${m.id}/agenda#session-${saved.id}`, 'sessionSaved')
}

export default function AgendaEditor() {
  const { lang, meeting, agenda, timeZone, window, speakers, documents, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('agenda')
  const meetingTitle = pickLanguage({ en: meeting.titleEn, ar: meeting.titleAr }, lang)
  return (
    <div className="page agenda-editor">
      <p className="breadcrumb agenda-editor__nav">
        <Link to={`/${lang}/meetings/${meeting.id}`}>
          {t('editor.backToMeeting')}: <BilingualText en={meeting.titleEn} ar={meeting.titleAr} lang={lang} />
        </Link>
        <Link to={`/${lang}/meetings/${meeting.id}/documents`}>{t('editor.documentsLink')}</Link>
      </p>
      <h1>
        {t('editor.title')}:{' '}
        <span lang={meetingTitle.lang} dir={meetingTitle.lang ? 'auto' : undefined}>
          {meetingTitle.text}
        </span>
      </h1>
      <p className="lead">
        {t('editor.lead', { first: window.firstLabel, last: window.lastLabel, zone: isolate(timeZone) })}
      </p>
      <MeetingAgenda
        agenda={agenda}
        timeZone={timeZone}
        lang={lang}
        title={t('editor.sessionsTitle')}
        actions={(s) => {
          const title = pickLanguage({ en: s.titleEn, ar: s.titleAr }, lang).text
          return (
            <>
              <Link
                className="button button--quiet button--small"
                to={`/${lang}/meetings/${meeting.id}/agenda/${s.id}`}
              >
                {t('editor.edit')}
                <span className="visually-hidden"> {t('editor.sessionActions', { title })}</span>
              </Link>
              <Form
                method="post"
                onSubmit={(event) => {
                  if (!globalThis.confirm(t('editor.deleteWarning'))) event.preventDefault()
                }}
              >
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" name="intent" value="delete" className="button button--quiet button--small">
                  {t('editor.delete')}
                  <span className="visually-hidden"> {t('editor.sessionActions', { title })}</span>
                </button>
              </Form>
            </>
          )
        }}
      />
      <section aria-labelledby="add-session-title" className="panel">
        <h2 id="add-session-title">{t('editor.addTitle')}</h2>
        {/* A new form after each save or deletion (the agenda changed); kept as typed when refused. */}
        <MeetingSessionForm
          key={agenda.map((s) => s.id).join('-')}
          id="new-session"
          lastResult={actionData?.result}
          defaultValue={defaultValue}
          lang={lang}
          timeZone={timeZone}
          window={window}
          speakers={speakers}
          documents={documents}
          submitLabel={t('editor.add')}
        />
      </section>
    </div>
  )
}
