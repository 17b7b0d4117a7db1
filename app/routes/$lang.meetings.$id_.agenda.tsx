import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { agendaStylesheet, isolate, MeetingAgenda } from '~/features/meetings/meeting-agenda'
import { MeetingSessionForm } from '~/features/meetings/meeting-session-form'
import { getAgenda } from '~/features/meetings/agenda.server'
import {
  addMeetingDraft,
  listAgendaDraftChoices,
  listMeetingDrafts,
  removeMeetingDraft,
} from '~/features/meetings/agenda-drafts.server'
import { DraftList } from '~/features/meetings/meeting-drafts'
import { SelectField } from '~/components/ui/field'
import { BilingualText } from '~/components/bilingual-text'
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
    drafts: listMeetingDrafts(m.id, user),
    draftChoices: listAgendaDraftChoices(m.id, user).map((d) => ({
      value: String(d.id),
      label: (lang === 'ar' ? d.titleAr || d.titleEn : d.titleEn || d.titleAr) || `#${d.id}`,
    })),
    // What the session form takes besides its id, last result and label.
    form: { ...sessionFormContext(m, lang), lang, defaultValue: newSessionDefaults(m) },
    title: meetingPageTitle(m, lang, 'editor.title'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  const formData = await request.formData()
  const intent = formData.get('intent')
  // Drafts on the agenda (issue 15): added from the list of drafts the coordinator sees, removed one by one.
  if (intent === 'addDraft') {
    const draftId = readId(formData.get('draftId'))
    const added = draftId === null ? null : addMeetingDraft(m.id, draftId, user)
    if (!added?.ok)
      return data(
        { draftError: draftId === null ? ('pick' as const) : ('cannotAdd' as const), draftId: String(draftId ?? '') },
        { status: 400 },
      )
    return redirectWithFlash(`/${lang}/meetings/${m.id}/agenda#agenda-drafts-title`, 'meetingSaved')
  }
  if (intent === 'removeDraft') {
    const draftId = readId(formData.get('draftId'))
    if (draftId === null || !removeMeetingDraft(m.id, draftId, user)) throw new Response('Not Found', { status: 404 })
    return redirectWithFlash(`/${lang}/meetings/${m.id}/agenda#agenda-drafts-title`, 'meetingSaved')
  }
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

export const handle = { i18n: ['agenda', 'library', 'meetings', 'drafts'] }

export default function AgendaEditor() {
  const { lang, meeting, agenda, drafts, draftChoices, form } = useLoaderData<typeof loader>()
  const { timeZone, window } = form
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('agenda')
  const { t: tm } = useTranslation('meetings')
  const draftError = actionData && 'draftError' in actionData ? actionData.draftError : null
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
      <section aria-labelledby="agenda-drafts-title" className="panel">
        <h2 id="agenda-drafts-title">{tm('agendaDrafts.editorTitle')}</h2>
        <p>{tm('agendaDrafts.editorLead')}</p>
        {drafts.length ? (
          <DraftList
            drafts={drafts}
            lang={lang}
            actions={(d) => (
              <Form method="post" className="inline-form">
                <input type="hidden" name="draftId" value={d.id} />
                <button type="submit" name="intent" value="removeDraft" className="button button--quiet button--small">
                  {tm('agendaDrafts.remove')}
                  <span className="visually-hidden">
                    {' '}
                    <BilingualText en={d.titleEn} ar={d.titleAr} lang={lang} />
                  </span>
                </button>
              </Form>
            )}
          />
        ) : (
          <p className="muted">{tm('agendaDrafts.none')}</p>
        )}
        {draftChoices.length ? (
          <Form method="post" className="stack">
            <SelectField
              id="agenda-draft"
              name="draftId"
              label={tm('agendaDrafts.pickLabel')}
              options={[{ value: '', label: tm('agendaDrafts.pickPlaceholder') }, ...draftChoices]}
              defaultValue={actionData && 'draftId' in actionData ? actionData.draftId : undefined}
              errors={draftError ? [tm(`agendaDrafts.errors.${draftError}`)] : undefined}
            />
            <p>
              <button type="submit" name="intent" value="addDraft" className="button">
                {tm('agendaDrafts.add')}
              </button>
            </p>
          </Form>
        ) : (
          <p className="muted">{tm('agendaDrafts.noChoices')}</p>
        )}
      </section>
      <section aria-labelledby="add-session-title" className="panel">
        <h2 id="add-session-title">{t('editor.addTitle')}</h2>
        {/* A new form after each save or deletion (the agenda changed); kept as typed when refused. */}
        <MeetingSessionForm
          key={agenda.map((s) => s.id).join('-')}
          {...form}
          id="new-session"
          lastResult={actionData && 'result' in actionData ? actionData.result : undefined}
          submitLabel={t('editor.add')}
        />
      </section>
    </div>
  )
}
