import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FileUploadField } from '~/components/file-upload-field'
import { RequestManagePanel } from '~/features/requests/request-manage-panel'
import { RequestProgress, RequestStateBadge } from '~/features/requests/request-progress'
import { RequestThread } from '~/features/requests/request-thread'
import { canManageRequests } from '~/features/requests/access.server'
import {
  addRequestFiles,
  assignRequest,
  listAssignableUsers,
  listRequestEvents,
  moveRequest,
  UploadGoneError,
  withdrawRequest,
} from '~/features/requests/request.server'
import {
  linkRequestOutput,
  listRequestMessages,
  listRequestNotes,
  listRequestOutputs,
  postRequestMessage,
  postRequestNote,
  unlinkRequestOutput,
} from '~/features/requests/thread.server'
import { recordAuditEvent } from '~/utils/audit.server'
import { pickLanguage } from '~/utils/bilingual'
import { maxUploadBytes } from '~/utils/file-store.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatBytes, formatDate } from '~/utils/format'
import { useErrorText } from '~/utils/forms'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { notifyAssignee, notifyCoordinators, notifyRequester } from '~/features/requests/mail.server'
import { requireVisibleRequest } from '~/features/requests/guards.server'
import { atomically, type Tx } from '~/utils/transaction.server'
import { canWithdrawRequest, isClosedState, requestTransitions } from '~/features/requests/states'
import { readUploadForm } from '~/utils/upload.server'
import { AddFileSchema, AssignSchema, MessageSchema, MoveSchema, OutputSchema } from '~/features/requests/schemas'
import styles from '~/styles/requests.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, request: r } = requireVisibleRequest(request, params.id)
  const manage = canManageRequests(user)
  return {
    lang,
    r: {
      id: r.id,
      subject: r.subject,
      need: r.need,
      kind: r.kind,
      state: r.state,
      declineReason: r.declineReason,
      parliamentId: r.parliamentId,
      parliamentName: r.parliamentName,
      requesterName: r.requester?.name ?? null,
      assigneeId: r.assigneeId,
      assigneeName: r.assignee?.name ?? null,
      programmeId: r.programmeId,
      programmeTitle: r.programmeTitle,
      pillars: r.pillars,
      resolutions: r.resolutions,
      themes: r.themes,
      languages: r.languages,
      desiredFrom: r.desiredFrom,
      desiredTo: r.desiredTo,
      submittedAt: r.submittedAt,
      files: r.files,
    },
    events: listRequestEvents(r.id),
    messages: listRequestMessages(r.id),
    outputs: listRequestOutputs(r.id),
    // Coordinators only: the internal notes are read for nobody else.
    manage: manage
      ? {
          notes: listRequestNotes(r.id),
          assignees: listAssignableUsers().map(({ id, name }) => ({ id, name })),
          moves: requestTransitions[r.state],
        }
      : null,
    canWithdraw: !manage && user.parliamentId === r.parliamentId && canWithdrawRequest(r.state),
    maxBytes: maxUploadBytes(),
    title: pageTitle(lang, 'page.number', 'requests', { n: r.id }),
  }
}

type Intent = 'message' | 'note' | 'move' | 'assign' | 'output' | 'unlink' | 'file' | 'withdraw'

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, request: r } = requireVisibleRequest(request, params.id)
  const back = `/${lang}/requests/${r.id}`
  const { formData, uploadErrors } = await readUploadForm(request, user, { fileFields: ['file'] })
  const intent = String(formData.get('intent') ?? '') as Intent
  const manage = canManageRequests(user)
  const fail = (intentName: Intent, result: unknown) => data({ intent: intentName, result }, { status: 400 })
  // Every change below commits with its audit row and its queued mails in one transaction (atomically).
  const audit = (tx: Tx, action: string, details?: Record<string, unknown>) =>
    recordAuditEvent({ actorId: user.id, action, targetType: 'assistance_request', targetId: r.id, details }, tx)

  if (intent === 'message') {
    const submission = parseWithZod(formData, { schema: MessageSchema })
    if (submission.status !== 'success') return fail('message', submission.reply())
    const { body } = submission.value
    const posted = atomically((tx) => {
      const result = postRequestMessage(r.id, user.id, body)
      if (!result.ok) return result
      audit(tx, 'request.message')
      if (manage) notifyRequester(tx, r, r.requester, { kind: 'message', from: user.name, body })
      else {
        notifyCoordinators(tx, r, { kind: 'reply', from: user.name, body }, r.assignee)
        // A colleague of the same parliament wrote: the requester hears of it too.
        if (r.requesterId !== user.id) notifyRequester(tx, r, r.requester, { kind: 'message', from: user.name, body })
      }
      return result
    })
    if (!posted.ok) return fail('message', submission.reply({ formErrors: [posted.error] }))
    return redirectWithFlash(back, 'messagePosted')
  }
  if (intent === 'file') {
    const submission = parseWithZod(formData, { schema: AddFileSchema })
    const uploadError = uploadErrors.file
    if (submission.status !== 'success' || uploadError) {
      return fail('file', submission.reply(uploadError ? { fieldErrors: { file: [uploadError] } } : undefined))
    }
    if (isClosedState(r.state)) return fail('file', submission.reply({ formErrors: ['requestClosed'] }))
    try {
      atomically((tx) => {
        addRequestFiles(r.id, [submission.value.file], user.id)
        audit(tx, 'request.file_add')
      })
    } catch (error) {
      if (!(error instanceof UploadGoneError)) throw error
      return fail('file', submission.reply({ fieldErrors: { file: ['uploadGone'] } }))
    }
    return redirectWithFlash(back, 'fileAdded')
  }

  if (intent === 'withdraw') {
    // The parliament's own members withdraw; the programme office declines instead.
    if (manage || user.parliamentId !== r.parliamentId) throw new Response('Forbidden', { status: 403 })
    const withdrawn = atomically((tx) => {
      const result = withdrawRequest(r.id, user.id)
      if (!result.ok) return result
      audit(tx, 'request.withdraw', { from: result.from })
      notifyCoordinators(tx, r, { kind: 'withdrawn', from: user.name }, r.assignee)
      if (r.requesterId !== user.id)
        notifyRequester(tx, r, r.requester, { kind: 'state', state: 'withdrawn', reason: null })
      return result
    })
    if (!withdrawn.ok) return fail('withdraw', withdrawn.error)
    return redirectWithFlash(back, 'requestWithdrawn')
  }

  // Everything below is the programme office's: a member's forged post stops here.
  if (!manage) throw new Response('Forbidden', { status: 403 })

  if (intent === 'note') {
    const submission = parseWithZod(formData, { schema: MessageSchema })
    if (submission.status !== 'success') return fail('note', submission.reply())
    atomically((tx) => {
      postRequestNote(r.id, user.id, submission.value.body)
      audit(tx, 'request.note')
    })
    return redirectWithFlash(back, 'notePosted')
  }
  if (intent === 'move') {
    const submission = parseWithZod(formData, { schema: MoveSchema })
    if (submission.status !== 'success') return fail('move', submission.reply())
    const { to, reason } = submission.value
    const moved = atomically((tx) => {
      const result = moveRequest(r.id, to, user.id, reason)
      if (!result.ok) return result
      audit(tx, 'request.move', { from: result.from, to })
      notifyRequester(tx, r, r.requester, { kind: 'state', state: to, reason })
      return result
    })
    if (!moved.ok) return fail('move', submission.reply({ formErrors: [moved.error] }))
    return redirectWithFlash(back, 'requestUpdated')
  }
  if (intent === 'assign') {
    const submission = parseWithZod(formData, { schema: AssignSchema })
    if (submission.status !== 'success') return fail('assign', submission.reply())
    const { assigneeId } = submission.value
    const assigned = atomically((tx) => {
      if (!assignRequest(r.id, assigneeId)) return false
      audit(tx, 'request.assign', { assigneeId })
      if (assigneeId !== null && assigneeId !== r.assigneeId) {
        const assignee = listAssignableUsers().find((u) => u.id === assigneeId)!
        notifyRequester(tx, r, r.requester, { kind: 'assigned', name: assignee.name })
        if (assignee.id !== user.id) notifyAssignee(tx, r, assignee, user.name)
      }
      return true
    })
    if (!assigned) return fail('assign', submission.reply({ fieldErrors: { assigneeId: ['invalidChoice'] } }))
    return redirectWithFlash(back, 'requestAssigned')
  }
  if (intent === 'output') {
    const submission = parseWithZod(formData, { schema: OutputSchema })
    if (submission.status !== 'success') return fail('output', submission.reply())
    const linked = atomically((tx) => {
      const result = linkRequestOutput(r.id, submission.value)
      if (!result.ok) return result
      audit(tx, 'request.output_link', { [submission.value.kind]: submission.value.id })
      const output = listRequestOutputs(r.id).find(
        (o) => o.kind === submission.value.kind && o.targetId === submission.value.id,
      )
      const title = output ? pickLanguage(output.title, r.requester?.locale ?? lang).text : ''
      notifyRequester(tx, r, r.requester, { kind: 'output', title })
      return result
    })
    if (!linked.ok) return fail('output', submission.reply({ fieldErrors: { reference: [linked.error] } }))
    return redirectWithFlash(back, 'outputLinked')
  }
  if (intent === 'unlink') {
    const outputId = Number(formData.get('outputId'))
    const unlinked = atomically((tx) => {
      if (!unlinkRequestOutput(r.id, outputId)) return false
      audit(tx, 'request.output_unlink', { outputId })
      return true
    })
    if (!unlinked) throw new Response('Not Found', { status: 404 })
    return redirectWithFlash(back, 'outputUnlinked')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function RequestPage() {
  const { lang, r, events, messages, outputs, manage, canWithdraw, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['requests', 'common', 'library', 'network'])
  const errorText = useErrorText()
  const resultOf = <I extends Intent>(intent: I) =>
    actionData?.intent === intent ? (actionData.result as never) : undefined
  const closed = isClosedState(r.state)
  const date = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`), lang)
  const dates =
    r.desiredFrom && r.desiredTo
      ? t('page.dateRange', { from: date(r.desiredFrom), to: date(r.desiredTo) })
      : r.desiredFrom
        ? t('page.dateFrom', { date: date(r.desiredFrom) })
        : r.desiredTo
          ? t('page.dateUntil', { date: date(r.desiredTo) })
          : t('page.noDates')
  const fileResult = resultOf('file') as { error?: Record<string, string[] | null> } | undefined
  return (
    <div className={`page request-page${manage ? ' request-page--manage' : ''}`}>
      <p className="breadcrumb">
        <Link to={`/${lang}/requests`}>{t('page.backToList')}</Link>
      </p>
      <p className="request-page__number">{t('page.number', { n: r.id })}</p>
      <h1 dir="auto">{r.subject}</h1>
      <p>
        <RequestStateBadge state={r.state} />
      </p>
      <RequestProgress state={r.state} />

      <div className="request-layout">
        <div className="request-main">
          {r.state === 'declined' && r.declineReason ? (
            <section className="notice request-declined" aria-labelledby="request-declined">
              <h2 id="request-declined">{t('page.declinedTitle')}</h2>
              <p dir="auto">{r.declineReason}</p>
            </section>
          ) : null}

          <section className="request-section" aria-labelledby="request-facts">
            <h2 id="request-facts">{t('page.facts')}</h2>
            <dl className="request-facts">
              <dt>{t('page.parliament')}</dt>
              <dd>
                <Link to={`/${lang}/parliaments/${r.parliamentId}`}>
                  <BilingualText en={r.parliamentName.en} ar={r.parliamentName.ar} lang={lang} />
                </Link>
              </dd>
              <dt>{t('page.requester')}</dt>
              <dd dir="auto">{r.requesterName ?? t('page.formerAccount')}</dd>
              <dt>{t('page.kind')}</dt>
              <dd>{t(`kinds.${r.kind}`)}</dd>
              {r.programmeTitle && r.programmeId ? (
                <>
                  <dt>{t('page.programme')}</dt>
                  <dd>
                    <Link to={`/${lang}/programmes/${r.programmeId}`}>
                      <BilingualText en={r.programmeTitle.en} ar={r.programmeTitle.ar} lang={lang} />
                    </Link>
                  </dd>
                </>
              ) : null}
              {r.pillars.length + r.resolutions.length + r.themes.length ? (
                <>
                  <dt>{t('page.topics')}</dt>
                  <dd>
                    <ul className="badges">
                      {r.pillars.map((p) => (
                        <li key={`p${p}`} className="badge">
                          {t(`pillarsShort.${p}`, { ns: 'network' })}
                        </li>
                      ))}
                      {r.resolutions.map((x) => (
                        <li key={`r${x}`} className="badge">
                          {t(`resolutions.${x}`, { ns: 'common' })}
                        </li>
                      ))}
                      {r.themes.map((x) => (
                        <li key={`t${x}`} className="badge">
                          {t(`themes.${x}`, { ns: 'library' })}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
              <dt>{t('page.desiredDates')}</dt>
              <dd>{dates}</dd>
              <dt>{t('page.languages')}</dt>
              <dd>{r.languages.map((l) => t(`contentLanguages.${l}`, { ns: 'library' })).join(t('list.separator'))}</dd>
              <dt>{t('page.submitted')}</dt>
              <dd>{formatDate(new Date(r.submittedAt), lang)}</dd>
              <dt>{t('page.assignee')}</dt>
              <dd dir="auto">{r.assigneeName ?? t('page.unassigned')}</dd>
            </dl>
            <h3>{t('page.need')}</h3>
            <p className="request-need" dir="auto">
              {r.need}
            </p>
          </section>

          <section className="request-section" aria-labelledby="request-files">
            <h2 id="request-files">{t('page.attachments')}</h2>
            {r.files.length ? (
              <ul className="file-list">
                {r.files.map((f) => (
                  <li key={f.id} className="file-list__item">
                    <a href={`/request-files/${f.id}/${encodeURIComponent(f.originalName)}`} dir="auto">
                      {f.originalName}
                    </a>{' '}
                    <span className="muted" dir="ltr">
                      {formatBytes(f.size, lang)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('page.noAttachments')}</p>
            )}
            {closed ? null : (
              <Form method="post" encType="multipart/form-data" className="request-add-file">
                <input type="hidden" name="intent" value="file" />
                <FileUploadField
                  name="file"
                  label={t('page.addFile')}
                  maxBytes={maxBytes}
                  errorText={errorText(fileResult?.error?.file ?? undefined)?.join(' ')}
                />
                <button type="submit" className="button button--small button--quiet">
                  {t('page.addFileButton')}
                </button>
              </Form>
            )}
          </section>

          <section className="request-section" aria-labelledby="request-outputs">
            <h2 id="request-outputs">{t('page.outputs')}</h2>
            <p className="muted">{t('page.outputsLead')}</p>
            {outputs.length ? (
              <ul className="request-outputs">
                {outputs.map((o) => {
                  const title = pickLanguage(o.title, lang)
                  return (
                    <li key={o.id}>
                      <span className="badge">
                        {o.kind === 'resource' ? t('page.outputResource') : t('page.outputMeeting')}
                      </span>{' '}
                      <Link
                        to={`/${lang}/${o.kind === 'resource' ? 'resources' : 'meetings'}/${o.targetId}`}
                        lang={title.lang ?? undefined}
                      >
                        {title.text}
                      </Link>
                      {manage ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="unlink" />
                          <input type="hidden" name="outputId" value={o.id} />
                          <button
                            type="submit"
                            className="button button--small button--quiet"
                            aria-label={t('manage.unlinkNamed', { title: title.text })}
                          >
                            {t('manage.unlink')}
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            ) : (
              <p>{t('page.noOutputs')}</p>
            )}
          </section>

          <RequestThread lang={lang} messages={messages} closed={closed} lastResult={resultOf('message')} />

          {canWithdraw || actionData?.intent === 'withdraw' ? (
            <section className="request-section request-withdraw" aria-labelledby="request-withdraw">
              <h2 id="request-withdraw">{t('page.withdrawTitle')}</h2>
              {actionData?.intent === 'withdraw' ? (
                <p className="form-error" role="alert">
                  {t('validation.stateNotAllowed', { ns: 'common' })}
                </p>
              ) : null}
              <p>{t('page.withdrawLead')}</p>
              {canWithdraw ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <button type="submit" className="button button--quiet">
                    {t('page.withdraw')}
                  </button>
                </Form>
              ) : null}
            </section>
          ) : null}

          <section className="request-section" aria-labelledby="request-history">
            <h2 id="request-history">{t('page.history')}</h2>
            <ol className="request-history">
              {events.map((e) => (
                <li key={e.id}>
                  <time dateTime={new Date(e.createdAt).toISOString()}>{formatDate(new Date(e.createdAt), lang)}</time>{' '}
                  <span dir="auto">
                    {t('page.historyStep', { state: t(`states.${e.toState}`), who: e.actorName ?? t('page.someone') })}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </div>

        {manage ? (
          <RequestManagePanel
            lang={lang}
            moves={manage.moves}
            assignees={manage.assignees}
            assigneeId={r.assigneeId}
            notes={manage.notes}
            results={{
              move: resultOf('move'),
              assign: resultOf('assign'),
              output: resultOf('output'),
              note: resultOf('note'),
            }}
          />
        ) : null}
      </div>
    </div>
  )
}
