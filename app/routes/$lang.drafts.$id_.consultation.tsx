// Every comment thread and amendment of a draft, grouped by provision in the order of the text, with their counts
// and a GET form of filters (amendments' state and kind, one provision, open or resolved threads); a value that is
// not one of the choices is ignored. Each group links to its provision's page, where people answer.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from '~/utils/zod'
import { FilterSelect } from '~/components/filter-select'
import { GetForm } from '~/components/get-form'
import { isConsultationOpen } from '~/features/drafts/access.server'
import { listAmendments } from '~/features/drafts/amendment.server'
import { listComments } from '~/features/drafts/comment.server'
import { AmendmentBadges, Decision } from '~/features/drafts/components/consultation-amendments'
import { requireVisibleDraft } from '~/features/drafts/guards.server'
import { numberProvisions, provisionLabel } from '~/features/drafts/numbering'
import { flattenSnapshot, loadWorkingTree } from '~/features/drafts/tree.server'
import { amendmentKinds, amendmentStates } from '~/features/drafts/vocabulary'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate, formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts-consultation.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** The filters of the URL: each one that is not among its choices is dropped, not an error. */
const ConsultationFilterSchema = z.object({
  state: z.enum(amendmentStates).optional().catch(undefined),
  kind: z.enum(amendmentKinds).optional().catch(undefined),
  provision: z
    .string()
    .max(100)
    .regex(/^[A-Za-z_][\w.-]*$/)
    .optional()
    .catch(undefined),
  comments: z.enum(['open', 'resolved']).optional().catch(undefined),
})

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { draft } = requireVisibleDraft(request, params.id)
  const tree = loadWorkingTree(draft.id)
  if (!tree) throw new Response('Not Found', { status: 404 })
  const search = new URL(request.url).searchParams
  const filter = ConsultationFilterSchema.parse(
    Object.fromEntries(['state', 'kind', 'provision', 'comments'].map((k) => [k, search.get(k) ?? undefined])),
  )
  if (filter.provision && !tree.provisions.has(filter.provision)) filter.provision = undefined

  const numbering = numberProvisions(tree.snapshot.provisions)
  const nodes = new Map(flattenSnapshot(tree.snapshot.provisions).map((p) => [p.wId, p]))
  const allThreads = listComments(draft.id)
  const allAmendments = listAmendments(draft.id)
  const threadsBy = allThreads.ok ? allThreads.value : {}
  const amendmentsBy = allAmendments.ok ? allAmendments.value : {}

  // Counts of the whole consultation, whatever the filters.
  const threads = Object.values(threadsBy).flat()
  const amendments = Object.values(amendmentsBy).flat()
  const counts = {
    openThreads: threads.filter((c) => c.resolvedAt === null).length,
    resolvedThreads: threads.filter((c) => c.resolvedAt !== null).length,
    comments: threads.reduce((n, c) => n + 1 + c.replies.length, 0),
    ...Object.fromEntries(amendmentStates.map((s) => [s, amendments.filter((a) => a.status === s).length])),
    outdated: amendments.filter((a) => a.outdated).length,
  } as Record<'openThreads' | 'resolvedThreads' | 'comments' | 'outdated' | (typeof amendmentStates)[number], number>

  const keep = (wId: string) => !filter.provision || filter.provision === wId
  const shownThreads = (wId: string) =>
    (threadsBy[wId] ?? []).filter(
      (c) => !filter.comments || (filter.comments === 'open' ? c.resolvedAt === null : c.resolvedAt !== null),
    )
  const shownAmendments = (wId: string) =>
    (amendmentsBy[wId] ?? []).filter(
      (a) => (!filter.state || a.status === filter.state) && (!filter.kind || a.kind === filter.kind),
    )
  const group = (wId: string, label: string | null, heading: string, headingLang: string | undefined) => ({
    wId,
    label,
    heading,
    headingLang,
    threads: shownThreads(wId).map((c) => ({
      id: c.id,
      authorName: c.authorName,
      body: c.body,
      createdAt: c.createdAt,
      resolvedAt: c.resolvedAt,
      replies: c.replies.length,
    })),
    amendments: shownAmendments(wId).map((a) => ({
      id: a.id,
      kind: a.kind,
      status: a.status,
      outdated: a.outdated,
      proposerName: a.proposerName,
      justification: a.justification,
      reason: a.reason,
      decidedAt: a.decidedAt,
      createdAt: a.createdAt,
    })),
  })
  const groups = numbering.ordered
    .filter((n) => keep(n.wId))
    .map((n) => {
      const texts = nodes.get(n.wId)?.texts ?? {}
      const heading = pickLanguage({ en: texts.en?.heading, ar: texts.ar?.heading }, lang)
      return group(n.wId, provisionLabel(n, lang), heading.text, heading.lang)
    })
    .filter((g) => g.threads.length + g.amendments.length > 0)
  // Comments and amendments of provisions deleted since: kept by their wId, shown last, without a link.
  const gone = filter.provision
    ? []
    : [...new Set([...Object.keys(threadsBy), ...Object.keys(amendmentsBy)])]
        .filter((wId) => !tree.provisions.has(wId))
        .map((wId) => group(wId, null, '', undefined))
        .filter((g) => g.threads.length + g.amendments.length > 0)

  return {
    lang,
    draft: {
      id: draft.id,
      title: pickLanguage({ en: draft.titleEn, ar: draft.titleAr }, lang),
      stage: draft.stage,
      closesAt: draft.consultationClosesAt,
      open: isConsultationOpen(draft),
    },
    filter,
    filtered: Object.values(filter).some((v) => v !== undefined),
    counts,
    provisionOptions: numbering.ordered.map((n) => {
      const texts = nodes.get(n.wId)?.texts ?? {}
      const heading = pickLanguage({ en: texts.en?.heading, ar: texts.ar?.heading }, lang).text
      return { value: n.wId, label: heading ? `${provisionLabel(n, lang)} — ${heading}` : provisionLabel(n, lang) }
    }),
    groups: [...groups, ...gone],
    title: pageTitle(lang, 'consultation.pageTitle', 'drafts', {
      title: pickLanguage({ en: draft.titleEn, ar: draft.titleAr }, lang).text,
    }),
  }
}

export const handle = { i18n: ['drafts'] }

export default function ConsultationPage() {
  const { lang, draft, filter, filtered, counts, provisionOptions, groups } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['drafts', 'common'])
  const base = `/${lang}/drafts/${draft.id}`
  const n = (x: number) => formatNumber(x, lang)
  return (
    <div className="page consultation-page">
      <nav className="breadcrumb" aria-label={t('consultation.breadcrumb')}>
        <Link to={base} lang={draft.title.lang}>
          {draft.title.text}
        </Link>
      </nav>
      <h1>{t('consultation.title')}</h1>
      <p className="consultation-status">
        <span className="badge">{t(`stages.${draft.stage}`)}</span>{' '}
        {draft.open && draft.closesAt
          ? t('consultation.openUntil', { date: formatDate(new Date(draft.closesAt), lang, 'dateTime') })
          : t('consultation.notOpen')}
      </p>

      <section aria-labelledby="consultation-counts" className="consultation-section">
        <h2 id="consultation-counts">{t('consultation.counts')}</h2>
        <dl className="consultation-counts">
          <div>
            <dt>{t('consultation.count.openThreads')}</dt>
            <dd>{n(counts.openThreads)}</dd>
          </div>
          <div>
            <dt>{t('consultation.count.resolvedThreads')}</dt>
            <dd>{n(counts.resolvedThreads)}</dd>
          </div>
          <div>
            <dt>{t('consultation.count.comments')}</dt>
            <dd>{n(counts.comments)}</dd>
          </div>
          {amendmentStates.map((s) => (
            <div key={s}>
              <dt>{t(`consultation.count.amendments.${s}`)}</dt>
              <dd>{n(counts[s])}</dd>
            </div>
          ))}
          <div>
            <dt>{t('consultation.count.outdated')}</dt>
            <dd>{n(counts.outdated)}</dd>
          </div>
        </dl>
      </section>

      <GetForm className="filters consultation-filters" aria-label={t('consultation.filters')}>
        <FilterSelect
          name="state"
          label={t('consultation.filter.state')}
          value={filter.state}
          allLabel={t('consultation.filter.allStates')}
          options={amendmentStates.map((s) => ({ value: s, label: t(`amendment.states.${s}`) }))}
        />
        <FilterSelect
          name="kind"
          label={t('consultation.filter.kind')}
          value={filter.kind}
          allLabel={t('consultation.filter.allKinds')}
          options={amendmentKinds.map((k) => ({ value: k, label: t(`amendment.kinds.${k}`) }))}
        />
        <FilterSelect
          name="provision"
          label={t('consultation.filter.provision')}
          value={filter.provision}
          allLabel={t('consultation.filter.allProvisions')}
          options={provisionOptions}
        />
        <FilterSelect
          name="comments"
          label={t('consultation.filter.comments')}
          value={filter.comments}
          allLabel={t('consultation.filter.allComments')}
          options={[
            { value: 'open', label: t('consultation.filter.commentsOpen') },
            { value: 'resolved', label: t('consultation.filter.commentsResolved') },
          ]}
        />
        <button type="submit" className="button button--small">
          {t('consultation.filter.apply')}
        </button>
        {filtered ? (
          <Link to={`${base}/consultation`} className="button button--small button--quiet">
            {t('consultation.filter.clear')}
          </Link>
        ) : null}
      </GetForm>

      {groups.length ? (
        groups.map((g) => (
          <section key={g.wId} className="consultation-group" aria-labelledby={`group-${g.wId}`}>
            <h2 id={`group-${g.wId}`} className="consultation-group__title">
              {g.label ? (
                <Link to={`${base}/provisions/${g.wId}`}>
                  {g.label}
                  {g.heading ? (
                    <span lang={g.headingLang} dir="auto">
                      {' '}
                      — {g.heading}
                    </span>
                  ) : null}
                </Link>
              ) : (
                t('consultation.deletedProvision')
              )}
            </h2>
            <p className="muted">
              {t('consultation.groupCounts', {
                threads: n(g.threads.length),
                amendments: n(g.amendments.length),
              })}
            </p>
            {g.threads.length ? (
              <>
                <h3>{t('comment.title', { n: n(g.threads.length) })}</h3>
                <ul className="consultation-threads consultation-threads--compact">
                  {g.threads.map((c) => (
                    <li key={c.id} className="consultation-thread">
                      <p className="consultation-comment__meta">
                        <strong dir="auto">{c.authorName ?? t('comment.formerAccount')}</strong>{' '}
                        <time dateTime={new Date(c.createdAt).toISOString()}>
                          {formatDate(new Date(c.createdAt), lang)}
                        </time>{' '}
                        {c.resolvedAt ? (
                          <span className="badge badge--ok">{t('comment.resolved')}</span>
                        ) : (
                          <span className="badge">{t('comment.open')}</span>
                        )}
                      </p>
                      <p className="consultation-comment__body" dir="auto">
                        {c.body}
                      </p>
                      {c.replies ? <p className="muted">{t('comment.replies', { n: n(c.replies) })}</p> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {g.amendments.length ? (
              <>
                <h3>{t('amendment.title', { n: n(g.amendments.length) })}</h3>
                <ul className="consultation-amendments consultation-amendments--compact">
                  {g.amendments.map((a) => (
                    <li key={a.id} className="consultation-amendment">
                      <p className="consultation-amendment__meta">
                        <strong>{t(`amendment.kinds.${a.kind}`)}</strong>{' '}
                        <span dir="auto">
                          {t('amendment.by', { name: a.proposerName ?? t('comment.formerAccount') })}
                        </span>{' '}
                        <AmendmentBadges a={a} />
                      </p>
                      <p className="consultation-comment__body" dir="auto">
                        {a.justification}
                      </p>
                      <Decision lang={lang} a={a} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ))
      ) : (
        <p>{filtered ? t('consultation.emptyFiltered') : t('consultation.empty')}</p>
      )}
    </div>
  )
}
