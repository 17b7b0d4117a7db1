// The review of new mechanisms named in answers to questionnaires (issue 16, coordinators): accepted with the
// pillars it serves, a mechanism joins the directory for the parliament that described it; or it is rejected.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { StatusMessage } from '~/components/status-message'
import { answerErrorKey, type AnswerError } from '~/features/surveys/answer-errors'
import { requireProposalReviewer } from '~/features/surveys/answer-guards.server'
import { acceptProposal, listProposals, rejectProposal } from '~/features/surveys/proposal.server'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { z } from '~/utils/zod'
import styles from '~/styles/surveys-answer.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const iso = <T extends { createdAt: Date; reviewedAt: Date | null }>(p: T) => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
  reviewedAt: p.reviewedAt?.toISOString() ?? null,
})

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  requireProposalReviewer(request)
  return {
    lang,
    pending: listProposals('pending').map(iso),
    accepted: listProposals('accepted', 20).map(iso),
    rejected: listProposals('rejected', 20).map(iso),
    title: pageTitle(lang, 'proposals.documentTitle', 'surveys'),
  }
}

const ReviewSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept'), proposalId: z.string(), pillars: z.array(z.string()).max(4) }),
  z.object({ intent: z.literal('reject'), proposalId: z.string() }),
])

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const user = requireProposalReviewer(request)
  const form = await request.formData()
  const parsed = ReviewSchema.safeParse({
    intent: form.get('intent'),
    proposalId: form.get('proposalId'),
    pillars: form.getAll('pillars'),
  })
  const id = parsed.success ? readId(parsed.data.proposalId) : null
  if (!parsed.success || id === null) throw new Response('Bad Request', { status: 400 })
  const refuse = (error: AnswerError) => data({ error, proposalId: id }, { status: 400 })
  if (parsed.data.intent === 'accept') {
    const pillars = parsed.data.pillars.map((p) => (/^[1-4]$/.test(p) ? Number(p) : 0))
    const accepted = acceptProposal(id, pillars, user)
    if (!accepted.ok) return refuse(accepted.error)
    return redirect(`/${lang}/surveys/proposals?done=accepted&mechanism=${accepted.value.mechanismId}`, 303)
  }
  const rejected = rejectProposal(id, user)
  if (!rejected.ok) return refuse(rejected.error)
  return redirect(`/${lang}/surveys/proposals?done=rejected`, 303)
}

export const handle = { i18n: ['surveys', 'network'] }

type Item = ReturnType<typeof useLoaderData<typeof loader>>['pending'][number]

function Proposal({ p, lang, children }: { p: Item; lang: Language; children?: ReactNode }) {
  const { t } = useTranslation(['surveys', 'network'])
  const when = (iso: string) => formatDate(new Date(iso), lang, 'date')
  return (
    <article className="proposal-card" aria-labelledby={`proposal-${p.id}-name`} id={`proposal-${p.id}`}>
      <h3 id={`proposal-${p.id}-name`}>
        <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
      </h3>
      <p className="muted">
        {t(`mechanismKinds.${p.kind}`, { ns: 'network' })}
        {p.year ? ` · ${t('proposals.year', { year: p.year })}` : null}
      </p>
      {p.nameEn && p.nameAr ? (
        <p className="proposal-card__other-name" lang={lang === 'ar' ? 'en' : 'ar'} dir="auto">
          {lang === 'ar' ? p.nameEn : p.nameAr}
        </p>
      ) : null}
      {p.descriptionEn || p.descriptionAr ? (
        <p className="proposal-card__description">
          <BilingualText en={p.descriptionEn} ar={p.descriptionAr} lang={lang} />
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('proposals.parliament')}</dt>
          <dd>
            <Link to={`/${lang}/parliaments/${p.parliamentId}`}>
              <BilingualText en={p.parliamentNameEn} ar={p.parliamentNameAr} lang={lang} />
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('proposals.from')}</dt>
          <dd>
            <Link to={`/${lang}/surveys/${p.surveyId}`}>
              <BilingualText en={p.surveyTitleEn} ar={p.surveyTitleAr} lang={lang} />
            </Link>
            {' · '}
            <BilingualText en={p.questionTextEn} ar={p.questionTextAr} lang={lang} />
          </dd>
        </div>
        <div>
          <dt>{t('proposals.proposed')}</dt>
          <dd>
            {p.proposedBy ? (
              <>
                <span dir="auto">{p.proposedBy}</span>
                {' · '}
              </>
            ) : null}
            <time dateTime={p.createdAt}>{when(p.createdAt)}</time>
          </dd>
        </div>
      </dl>
      {children}
    </article>
  )
}

export default function ProposalsPage() {
  const { lang, pending, accepted, rejected } = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation(['surveys', 'network', 'common'])
  const done = search.get('done')
  return (
    <div className="page proposals-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys`}>{t('proposals.back')}</Link>
      </p>
      <h1>{t('proposals.title')}</h1>
      <p className="lead">{t('proposals.lead')}</p>
      {done === 'accepted' ? <StatusMessage>{t('proposals.accepted')}</StatusMessage> : null}
      {done === 'rejected' ? <StatusMessage>{t('proposals.rejected')}</StatusMessage> : null}

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('proposals.pendingTitle')}</h2>
        {pending.length === 0 ? (
          <p>{t('proposals.none')}</p>
        ) : (
          <ul className="proposal-list">
            {pending.map((p) => {
              const error = refused && refused.proposalId === p.id ? refused.error : null
              const errorId = `proposal-${p.id}-error`
              return (
                <li key={p.id}>
                  <Proposal p={p} lang={lang}>
                    {error ? (
                      <p className="form-error" role="alert" id={errorId}>
                        {t(answerErrorKey(error))}
                      </p>
                    ) : null}
                    <Form method="post" className="proposal-card__accept">
                      <input type="hidden" name="intent" value="accept" />
                      <input type="hidden" name="proposalId" value={p.id} />
                      <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
                        <legend>{t('proposals.pillars')}</legend>
                        {[1, 2, 3, 4].map((n) => (
                          <div className="field field--check" key={n}>
                            <input type="checkbox" id={`pillar-${p.id}-${n}`} name="pillars" value={n} />
                            <label htmlFor={`pillar-${p.id}-${n}`}>{t(`pillarsShort.${n}`, { ns: 'network' })}</label>
                          </div>
                        ))}
                      </fieldset>
                      <button type="submit" className="button">
                        {t('proposals.accept')}
                      </button>
                    </Form>
                    <Form method="post" className="proposal-card__reject">
                      <input type="hidden" name="intent" value="reject" />
                      <input type="hidden" name="proposalId" value={p.id} />
                      <button type="submit" className="button button--quiet">
                        {t('proposals.reject')}
                      </button>
                    </Form>
                  </Proposal>
                </li>
              )
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="accepted-title">
        <h2 id="accepted-title">{t('proposals.acceptedTitle')}</h2>
        {accepted.length === 0 ? (
          <p>{t('proposals.noneAccepted')}</p>
        ) : (
          <ul className="proposal-list">
            {accepted.map((p) => (
              <li key={p.id}>
                <Proposal p={p} lang={lang}>
                  {p.mechanismId ? (
                    <p>
                      <Link to={`/${lang}/mechanisms?parliament=${p.parliamentId}#mechanism-${p.mechanismId}`}>
                        {t('proposals.inDirectory')}
                      </Link>
                    </p>
                  ) : null}
                </Proposal>
              </li>
            ))}
          </ul>
        )}
      </section>

      {rejected.length ? (
        <section aria-labelledby="rejected-title">
          <h2 id="rejected-title">{t('proposals.rejectedTitle')}</h2>
          <ul className="proposal-list">
            {rejected.map((p) => (
              <li key={p.id}>
                <Proposal p={p} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
