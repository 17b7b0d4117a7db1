// The sections of a request's page: its facts, attachments, outputs, withdrawal box and history
// (the thread and the coordinators' panel live in features/requests).
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { errorKey } from '~/features/requests/errors'
import { FileUploadField } from '~/components/file-upload-field'
import type { listRequestEvents, RequestDetail } from '~/features/requests/request.server'
import type { listRequestOutputs } from '~/features/requests/thread.server'
import { pickLanguage } from '~/utils/bilingual'
import { formatBytes, formatDate } from '~/utils/format'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'

const namespaces = ['requests', 'common', 'library', 'network', 'drafts'] as const

type Facts = Pick<
  RequestDetail,
  | 'need'
  | 'kind'
  | 'parliamentId'
  | 'parliamentName'
  | 'programmeId'
  | 'programmeTitle'
  | 'pillars'
  | 'resolutions'
  | 'themes'
  | 'languages'
  | 'desiredFrom'
  | 'desiredTo'
  | 'submittedAt'
> & { requesterName: string | null; assigneeName: string | null }

export function RequestFacts({ lang, r }: { lang: Language; r: Facts }) {
  const { t } = useTranslation(namespaces)
  const date = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`), lang)
  const dates =
    r.desiredFrom && r.desiredTo
      ? t('page.dateRange', { from: date(r.desiredFrom), to: date(r.desiredTo) })
      : r.desiredFrom
        ? t('page.dateFrom', { date: date(r.desiredFrom) })
        : r.desiredTo
          ? t('page.dateUntil', { date: date(r.desiredTo) })
          : t('page.noDates')
  return (
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
  )
}

export function RequestAttachments({
  lang,
  files,
  closed,
  maxBytes,
  lastResult,
}: {
  lang: Language
  files: RequestDetail['files']
  closed: boolean
  maxBytes: number
  lastResult: { error?: Record<string, string[] | null> } | undefined
}) {
  const { t } = useTranslation(namespaces)
  const errorText = useErrorText()
  return (
    <section className="request-section" aria-labelledby="request-files">
      <h2 id="request-files">{t('page.attachments')}</h2>
      {files.length ? (
        <ul className="file-list">
          {files.map((f) => (
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
            errorText={errorText(lastResult?.error?.file ?? undefined)?.join(' ')}
          />
          <button type="submit" className="button button--small button--quiet">
            {t('page.addFileButton')}
          </button>
        </Form>
      )}
    </section>
  )
}

const outputLabels = {
  resource: 'page.outputResource',
  meeting: 'page.outputMeeting',
  draft: 'page.outputDraft',
} as const

export function RequestOutputs({
  lang,
  outputs,
  manage,
}: {
  lang: Language
  outputs: ReturnType<typeof listRequestOutputs>
  manage: boolean
}) {
  const { t } = useTranslation(namespaces)
  return (
    <section className="request-section" aria-labelledby="request-outputs">
      <h2 id="request-outputs">{t('page.outputs')}</h2>
      <p className="muted">{t('page.outputsLead')}</p>
      {outputs.length ? (
        <ul className="request-outputs">
          {outputs.map((o) => {
            const title = pickLanguage(o.title, lang)
            return (
              <li key={o.id}>
                <span className="badge">{t(outputLabels[o.kind])}</span>{' '}
                <Link to={`/${lang}/${o.kind}s/${o.targetId}`} lang={title.lang ?? undefined}>
                  {title.text}
                </Link>
                {o.kind === 'draft' ? (
                  <span className="muted"> ({t(`stages.${o.stage}`, { ns: 'drafts' })})</span>
                ) : null}
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
  )
}

/** The requester's parliament withdraws the request; `failed` when the last try was refused. */
export function RequestWithdraw({ canWithdraw, failed }: { canWithdraw: boolean; failed: boolean }) {
  const { t } = useTranslation(namespaces)
  return (
    <section className="request-section request-withdraw" aria-labelledby="request-withdraw">
      <h2 id="request-withdraw">{t('page.withdrawTitle')}</h2>
      {failed ? (
        <p className="form-error" role="alert">
          {t(errorKey('stateNotAllowed'))}
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
  )
}

export function RequestHistory({ lang, events }: { lang: Language; events: ReturnType<typeof listRequestEvents> }) {
  const { t } = useTranslation(namespaces)
  return (
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
  )
}
