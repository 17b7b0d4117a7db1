// A request for technical assistance: what was asked, its files, outputs, thread and history; the programme
// office's panel beside it. What the page posts is handled in intents.server.ts.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listDraftSummaries } from '~/features/drafts'
import { RequestManagePanel } from '~/features/requests/request-manage-panel'
import { RequestProgress, RequestStateBadge } from '~/features/requests/request-progress'
import { RequestThread } from '~/features/requests/request-thread'
import { canManageRequests } from '~/features/requests/access.server'
import { listAssignableUsers, listRequestEvents } from '~/features/requests/request.server'
import { listRequestMessages, listRequestNotes, listRequestOutputs } from '~/features/requests/thread.server'
import { maxUploadBytes } from '~/utils/file-store.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { requireVisibleRequest } from '~/features/requests/guards.server'
import { canWithdrawRequest, isClosedState, requestTransitions } from '~/features/requests/states'
import { readUploadForm } from '~/utils/upload.server'
import styles from '~/styles/requests.css?url'
import { runRequestIntent, type Intent } from './intents.server'
import { RequestAttachments, RequestFacts, RequestHistory, RequestOutputs, RequestWithdraw } from './panels'

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
    outputs: visibleOutputs(r.id, user),
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

/** The request's outputs, but drafts the viewer may not read (a draft's stage is shown as it is now). */
function visibleOutputs(requestId: number, viewer: Parameters<typeof listDraftSummaries>[1]) {
  const outputs = listRequestOutputs(requestId)
  const drafts = outputs.flatMap((o) => (o.kind === 'draft' ? [o.targetId] : []))
  const seen = new Set(listDraftSummaries(drafts, viewer).map((d) => d.id))
  return outputs.filter((o) => o.kind !== 'draft' || seen.has(o.targetId))
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, request: r } = requireVisibleRequest(request, params.id)
  const { formData, uploadErrors } = await readUploadForm(request, user, { fileFields: ['file'] })
  return runRequestIntent({ lang, user, r, formData, uploadErrors })
}

export const handle = { i18n: ['library', 'network', 'requests', 'drafts'] }

export default function RequestPage() {
  const { lang, r, events, messages, outputs, manage, canWithdraw, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['requests', 'common', 'library', 'network'])
  const resultOf = <I extends Intent>(intent: I) =>
    actionData?.intent === intent ? (actionData.result as never) : undefined
  const closed = isClosedState(r.state)
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

          <RequestFacts lang={lang} r={r} />
          <RequestAttachments
            lang={lang}
            files={r.files}
            closed={closed}
            maxBytes={maxBytes}
            lastResult={resultOf('file')}
          />
          <RequestOutputs lang={lang} outputs={outputs} manage={Boolean(manage)} />

          <RequestThread lang={lang} messages={messages} closed={closed} lastResult={resultOf('message')} />

          {canWithdraw || actionData?.intent === 'withdraw' ? (
            <RequestWithdraw canWithdraw={canWithdraw} failed={actionData?.intent === 'withdraw'} />
          ) : null}

          <RequestHistory lang={lang} events={events} />
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
