// One provision of a draft in consultation: its words in both languages side by side, its comment threads and its
// amendments, with the forms of whoever may take part (or why they may not). What it posts: intents.server.ts.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { canDecideAmendments, isConsultationOpen } from '~/features/drafts/access.server'
import { listAmendments } from '~/features/drafts/amendment.server'
import { listComments, participationRefusal } from '~/features/drafts/comment.server'
import { diffText } from '~/features/drafts/compare'
import { AmendmentList, ProposeAmendment } from '~/features/drafts/components/consultation-amendments'
import { CommentThreads } from '~/features/drafts/components/consultation-comments'
import { useDraftsErrorText } from '~/features/drafts/components/consultation-errors'
import { ProvisionColumns } from '~/features/drafts/components/consultation-text'
import { requireVisibleDraft } from '~/features/drafts/guards.server'
import { numberProvisions, provisionLabel } from '~/features/drafts/numbering'
import { childKinds } from '~/features/drafts/structure'
import { flattenSnapshot, languagesOf, loadWorkingTree } from '~/features/drafts/tree.server'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts-consultation.css?url'
import { runProvisionIntent, type ActionAnswer } from './intents.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const notFound = () => new Response('Not Found', { status: 404 })

/** The draft and the provision of the URL (by its wId, which outlives moves), or 404. */
function load(request: Request, params: LoaderFunctionArgs['params']) {
  const lang = requireLanguage(params)
  const { user, draft } = requireVisibleDraft(request, params.id)
  const tree = loadWorkingTree(draft.id)
  const wId = params.wId ?? ''
  const working = tree?.provisions.get(wId)
  if (!tree || !working) throw notFound()
  return { lang, user, draft, tree, wId, working }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { lang, user, draft, tree, wId, working } = load(request, params)
  const numbering = numberProvisions(tree.snapshot.provisions)
  const number = numbering.byWId.get(wId)!
  const flat = flattenSnapshot(tree.snapshot.provisions)
  const node = flat.find((p) => p.wId === wId)!
  const at = numbering.ordered.findIndex((n) => n.wId === wId)
  const neighbour = (i: number) => {
    const n = numbering.ordered[i]
    return n ? { wId: n.wId, label: provisionLabel(n, lang) } : null
  }
  const languages = languagesOf(draft.originalLanguage) as Language[]
  // The Arabic column first on an Arabic page, the English one on an English page: the page's language leads.
  const columns = [lang, ...languages.filter((l) => l !== lang)]
  const parentKind = number.parentWId ? (numbering.byWId.get(number.parentWId)?.kind ?? null) : null
  const threads = listComments(draft.id, { provisionId: working.id })
  const amendments = listAmendments(draft.id, { provisionId: working.id })
  const refusal = user ? participationRefusal(draft, user) : null
  const open = isConsultationOpen(draft)
  return {
    lang,
    draft: {
      id: draft.id,
      title: pickLanguage({ en: draft.titleEn, ar: draft.titleAr }, lang),
      stage: draft.stage,
      closesAt: draft.consultationClosesAt,
      open,
    },
    provision: {
      id: working.id,
      wId,
      kind: node.kind,
      label: provisionLabel(number, lang),
      labels: Object.fromEntries(columns.map((l) => [l, provisionLabel(number, l)])),
      texts: node.texts,
    },
    newLabels: Object.fromEntries(columns.map((l) => [l, getFixedT(l, 'drafts')('amendment.newProvision')])),
    columns,
    previous: neighbour(at - 1),
    next: neighbour(at + 1),
    siblingKinds: childKinds(parentKind),
    threads: threads.ok ? (threads.value[wId] ?? []) : [],
    amendments: (amendments.ok ? (amendments.value[wId] ?? []) : []).map((a) => ({
      ...a,
      diff:
        a.kind === 'replace'
          ? Object.fromEntries(
              Object.entries(a.texts).map(([l, proposed]) => [
                l,
                {
                  heading: diffText(node.texts[l]?.heading ?? '', proposed.heading, l),
                  body: diffText(node.texts[l]?.body ?? '', proposed.body, l),
                },
              ]),
            )
          : null,
    })),
    userId: user?.id ?? null,
    signedIn: Boolean(user),
    participate: Boolean(user) && refusal === null,
    refusal,
    decide: canDecideAmendments(draft, user),
    title: pageTitle(lang, 'consultation.provisionTitle', 'drafts', {
      label: provisionLabel(number, lang),
      title: pickLanguage({ en: draft.titleEn, ar: draft.titleAr }, lang).text,
    }),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { lang, user, draft, wId } = load(request, params)
  const formData = await request.formData()
  return runProvisionIntent({ request, idParam: params.id, lang, user, draft, formData, wId })
}

export const handle = { i18n: ['drafts'] }

export default function ProvisionConsultationPage() {
  const data = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as ActionAnswer | undefined
  const { t } = useTranslation(['drafts', 'common'])
  const errorText = useDraftsErrorText()
  const { lang, draft, provision } = data
  const base = `/${lang}/drafts/${draft.id}`
  const loginUrl = `/${lang}/login?redirectTo=${encodeURIComponent(`${base}/provisions/${provision.wId}`)}`
  return (
    <div className="page consultation-page">
      <nav className="breadcrumb" aria-label={t('consultation.breadcrumb')}>
        <Link to={base} lang={draft.title.lang}>
          {draft.title.text}
        </Link>
        <span aria-hidden="true"> › </span>
        <Link to={`${base}/consultation`}>{t('consultation.title')}</Link>
      </nav>
      <h1>
        {provision.label}
        {provision.texts[lang]?.heading ? (
          <span className="consultation-page__heading"> {provision.texts[lang].heading}</span>
        ) : null}
      </h1>
      <p className="consultation-status">
        <span className="badge">{t(`stages.${draft.stage}`)}</span>{' '}
        {draft.open && draft.closesAt
          ? t('consultation.openUntil', { date: formatDate(new Date(draft.closesAt), lang, 'dateTime') })
          : t('consultation.notOpen')}
      </p>

      <section className="consultation-section" aria-labelledby="consultation-text">
        <h2 id="consultation-text" className="visually-hidden">
          {t('consultation.text')}
        </h2>
        <ProvisionColumns languages={data.columns} labels={provision.labels} texts={provision.texts} />
      </section>

      <nav className="consultation-pager" aria-label={t('consultation.pager')}>
        {data.previous ? (
          <Link to={`${base}/provisions/${data.previous.wId}`} rel="prev">
            {t('consultation.previous', { label: data.previous.label })}
          </Link>
        ) : (
          <span />
        )}
        {data.next ? (
          <Link to={`${base}/provisions/${data.next.wId}`} rel="next">
            {t('consultation.next', { label: data.next.label })}
          </Link>
        ) : null}
      </nav>

      {data.participate ? null : (
        <div className="notice consultation-why">
          {!data.signedIn && draft.open ? (
            <p>
              <Link to={loginUrl}>{t('consultation.signInToTakePart')}</Link>
            </p>
          ) : (
            <p>{errorText([data.refusal ?? 'consultationClosed'])}</p>
          )}
        </div>
      )}

      <CommentThreads
        lang={lang}
        provisionId={provision.id}
        threads={data.threads}
        participate={data.participate}
        decide={data.decide}
        answer={answer}
      />

      <AmendmentList
        lang={lang}
        languages={data.columns}
        labels={provision.labels}
        newLabels={data.newLabels}
        amendments={data.amendments}
        userId={data.userId}
        decide={data.decide}
        answer={answer}
      />

      {data.participate || answer?.intent === 'propose' ? (
        <ProposeAmendment
          key={data.amendments.length}
          provisionId={provision.id}
          kind={provision.kind}
          siblingKinds={data.siblingKinds}
          current={provision.texts}
          answer={answer}
        />
      ) : null}
    </div>
  )
}
