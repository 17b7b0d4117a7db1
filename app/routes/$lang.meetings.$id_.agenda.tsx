import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { agendaStylesheet, isolate, MeetingAgenda } from '~/features/meetings/meeting-agenda'
import { MeetingSessionForm } from '~/features/meetings/meeting-session-form'
import { getAgenda } from '~/features/meetings/agenda.server'
import { createSession, deleteSession } from '~/features/meetings/sessions.server'
import { pickLanguage } from '~/utils/bilingual'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { EditorHeading, EditorNav } from '~/features/meetings/meeting-nav'
import { meetingPageTitle } from '~/features/meetings/page-title.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { newSessionDefaults, sessionFormContext } from '~/features/meetings/session-form.server'
import { titleMeta } from '~/utils/meta'
import { MeetingSessionFormSchema, SessionIntentSchema } from '~/features/meetings/session-schemas'

export const meta = titleMeta
export const links: LinksFunction = () => [agendaStylesheet]

export function loader({ params, request }: LoaderFunctionArgs) {
  // A coordinator (others: 403; visitors sign in first) and an existing meeting (else 404).
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr },
    agenda: getAgenda(m.id, user),
    // What the session form takes besides its id, last result and label.
    form: { ...sessionFormContext(m, lang), lang, defaultValue: newSessionDefaults(m) },
    title: meetingPageTitle(m, lang, 'editor.title'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  const formData = await request.formData()
  const parsed = SessionIntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  if (parsed.data.intent === 'delete') {
    const sessionId = readId(formData.get('sessionId'))
    if (sessionId === null || !deleteSession(m.id, sessionId, user)) throw new Response('Not Found', { status: 404 })
    return redirectWithFlash(`/${lang}/meetings/${m.id}/agenda`, 'sessionDeleted')
  }
  const submission = parseWithZod(formData, { schema: MeetingSessionFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = createSession(m.id, submission.value, user)
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  return redirectWithFlash(`/${lang}/meetings/${m.id}/agenda#session-${saved.id}`, 'sessionSaved')
}

export const handle = { i18n: ['agenda', 'library'] }

export default function AgendaEditor() {
  const { lang, meeting, agenda, form } = useLoaderData<typeof loader>()
  const { timeZone, window } = form
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('agenda')
  return (
    <div className="page agenda-editor">
      <EditorNav lang={lang} meeting={meeting} to="/documents">
        {t('editor.documentsLink')}
      </EditorNav>
      <EditorHeading lang={lang} meeting={meeting} label={t('editor.title')} />
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
          {...form}
          id="new-session"
          lastResult={actionData?.result}
          submitLabel={t('editor.add')}
        />
      </section>
    </div>
  )
}
