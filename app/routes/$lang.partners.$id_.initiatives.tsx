import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { recordAuditEvent } from '~/utils/audit.server'
import {
  initiativeTarget,
  linkInitiative,
  listInitiativeChoices,
  listPartnerInitiatives,
  unlinkInitiative,
} from '~/features/partners/partner.server'
import { requireRole } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatDate } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { requirePartner } from '~/features/partners/guards.server'
import { initiativeKinds, parseInitiativeReference, type InitiativeKind } from '~/features/partners/schemas'
import { formatInZone } from '~/utils/zoned-format'
import styles from '~/styles/partners.css?url'
import { atomically } from '~/utils/transaction.server'

// A coordinator links a partner's joint initiatives: a meeting, a programme or a resource chosen from a select
// (recent and upcoming meetings, active programmes, published resources), or given by its number or address.

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

type LinkError = 'required' | 'unknown' | 'unpublished' | 'duplicate'

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requirePartner(params.id)
  const linked = listPartnerInitiatives(p.id, user)
  const choices = listInitiativeChoices(p.id)
  const label = (x: { titleEn: string; titleAr: string }) => pickLanguage({ en: x.titleEn, ar: x.titleAr }, lang).text
  const date = (iso: string | null) => (iso ? formatDate(new Date(`${iso}T00:00:00Z`), lang) : null)
  return {
    lang,
    partner: { id: p.id, nameEn: p.nameEn, nameAr: p.nameAr },
    linked: {
      meeting: linked.meetings.map((m) => ({
        initiativeId: m.initiativeId,
        href: `/${lang}/meetings/${m.id}`,
        title: label(m),
        titleEn: m.titleEn,
        titleAr: m.titleAr,
        note: formatInZone(m.startsAt, lang, m.timeZone, 'date'),
      })),
      programme: linked.programmes.map((pr) => ({
        initiativeId: pr.initiativeId,
        href: `/${lang}/programmes/${pr.id}`,
        title: label(pr),
        titleEn: pr.titleEn,
        titleAr: pr.titleAr,
        note: null,
      })),
      resource: linked.resources.map((r) => ({
        initiativeId: r.initiativeId,
        href: `/${lang}/resources/${r.id}`,
        title: label(r),
        titleEn: r.titleEn,
        titleAr: r.titleAr,
        note: date(r.publishedOn),
      })),
    },
    choices: {
      meeting: choices.meetings.map((m) => ({
        id: m.id,
        label: `${formatInZone(m.startsAt, lang, m.timeZone, 'date')} · ${label(m)}`,
        draft: m.state === 'draft',
      })),
      programme: choices.programmes.map((pr) => ({
        id: pr.id,
        label: label(pr),
        draft: false,
      })),
      resource: choices.resources.map((r) => ({
        id: r.id,
        label: [date(r.publishedOn), label(r)].filter(Boolean).join(' · '),
        draft: false,
      })),
    },
    title: pageTitle(lang, 'initiatives.title', 'partners'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requirePartner(params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = `/${lang}/partners/${p.id}/initiatives`
  if (intent === 'link') {
    // From a select (`id`) or typed (`reference`: a number, or a page's address that names its kind).
    const target = parseInitiativeReference(formData.get('kind'), formData.get('reference') || formData.get('id'))
    const form = String(formData.get('form') ?? '')
    if (!target) return data({ error: 'required' as LinkError, form }, { status: 400 })
    const result = atomically((tx) => {
      const linked = linkInitiative(p.id, initiativeTarget(target.kind, target.id))
      if (linked.ok) {
        const details = { [target.kind]: target.id }
        recordAuditEvent(
          { actorId: user.id, action: 'partner.initiative_link', targetType: 'partner', targetId: p.id, details },
          tx,
        )
      }
      return linked
    })
    if (!result.ok) return data({ error: result.reason as LinkError, form }, { status: 400 })
    return redirectWithFlash(back, 'initiativeLinked')
  }
  if (intent === 'unlink') {
    const initiativeId = Number(formData.get('initiativeId'))
    const removed = atomically((tx) => {
      const row = Number.isSafeInteger(initiativeId) && initiativeId > 0 ? unlinkInitiative(p.id, initiativeId) : null
      if (!row) return null
      const [kind, id] = row.meetingId
        ? ['meeting', row.meetingId]
        : row.programmeId
          ? ['programme', row.programmeId]
          : ['resource', row.resourceId]
      const details = { [kind as string]: id }
      recordAuditEvent(
        { actorId: user.id, action: 'partner.initiative_unlink', targetType: 'partner', targetId: p.id, details },
        tx,
      )
      return row
    })
    if (!removed) throw new Response('Not Found', { status: 404 })
    return redirectWithFlash(back, 'initiativeUnlinked')
  }
  throw new Response('Bad Request', { status: 400 })
}

const groupKey = {
  meeting: 'meetings',
  programme: 'programmes',
  resource: 'resources',
} as const

export default function PartnerInitiatives() {
  const { lang, partner, linked, choices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('partners')
  const name = pickLanguage({ en: partner.nameEn, ar: partner.nameAr }, lang)
  const anyLinked = initiativeKinds.some((k) => linked[k].length > 0)
  return (
    <div className="page partner-initiatives-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/partners/${partner.id}`}>
          <BilingualText en={partner.nameEn} ar={partner.nameAr} lang={lang} />
        </Link>
      </p>
      <h1>
        {t('initiatives.title')}:{' '}
        <span lang={name.lang} dir={name.lang ? 'auto' : undefined}>
          {name.text}
        </span>
      </h1>
      <p className="lead">{t('initiatives.lead')}</p>
      <FormError>{actionData?.error ? t(`initiatives.errors.${actionData.error}`) : null}</FormError>

      <section aria-labelledby="linked-title">
        <h2 id="linked-title">{t('initiatives.linkedTitle')}</h2>
        {anyLinked ? (
          initiativeKinds.map((kind) =>
            linked[kind].length ? (
              <section key={kind} aria-labelledby={`linked-${kind}`}>
                <h3 id={`linked-${kind}`}>{t(`detail.${groupKey[kind]}`)}</h3>
                <ul className="linked-list">
                  {linked[kind].map((item) => (
                    <li key={item.initiativeId}>
                      <div>
                        <Link to={item.href}>
                          <BilingualText en={item.titleEn} ar={item.titleAr} lang={lang} />
                        </Link>
                        {item.note ? <p className="muted">{item.note}</p> : null}
                      </div>
                      <Form method="post">
                        <input type="hidden" name="initiativeId" value={item.initiativeId} />
                        <button
                          type="submit"
                          name="intent"
                          value="unlink"
                          className="button button--quiet button--small"
                        >
                          {t('initiatives.unlink')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null,
          )
        ) : (
          <p className="muted">{t('initiatives.none')}</p>
        )}
      </section>

      <section aria-labelledby="link-title" className="panel">
        <h2 id="link-title">{t('initiatives.linkTitle')}</h2>
        <div className="link-forms">
          {initiativeKinds.map((kind) => (
            <LinkFromList key={kind} kind={kind} options={choices[kind]} invalid={actionData?.form === kind} />
          ))}
        </div>
        <Form method="post" className="link-form">
          <h3 id="link-by-reference">{t('initiatives.byReferenceTitle')}</h3>
          <input type="hidden" name="form" value="reference" />
          <div className="link-form__row">
            <div className="field link-form__kind">
              <label htmlFor="link-kind">{t('initiatives.kind')}</label>
              <select id="link-kind" name="kind" defaultValue="meeting">
                {initiativeKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`initiatives.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="link-reference">{t('initiatives.reference')}</label>
              <input
                id="link-reference"
                name="reference"
                type="text"
                dir="ltr"
                autoComplete="off"
                maxLength={500}
                aria-describedby="link-reference-hint"
                aria-invalid={actionData?.form === 'reference' ? true : undefined}
              />
            </div>
          </div>
          <p className="field__hint" id="link-reference-hint">
            {t('initiatives.referenceHint', { example: `/${lang}/meetings/12` })}
          </p>
          <p>
            <button type="submit" name="intent" value="link" className="button">
              {t('initiatives.link')}
            </button>
          </p>
        </Form>
      </section>
    </div>
  )
}

function LinkFromList({
  kind,
  options,
  invalid,
}: {
  kind: InitiativeKind
  options: { id: number; label: string; draft: boolean }[]
  invalid: boolean
}) {
  const { t } = useTranslation('partners')
  const id = `choose-${kind}`
  if (!options.length) {
    return (
      <div className="link-form">
        <p className="link-form__label">{t(`initiatives.choose.${kind}`)}</p>
        <p className="muted">{t('initiatives.nothingToLink')}</p>
      </div>
    )
  }
  return (
    <Form method="post" className="link-form">
      <input type="hidden" name="form" value={kind} />
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor={id}>{t(`initiatives.choose.${kind}`)}</label>
        <select id={id} name="id" defaultValue="" aria-invalid={invalid ? true : undefined}>
          <option value="">{t('initiatives.chooseOne')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.draft ? `${o.label} (${t('initiatives.draft')})` : o.label}
            </option>
          ))}
        </select>
      </div>
      <p>
        <button type="submit" name="intent" value="link" className="button button--small">
          {t(`initiatives.linkThis.${kind}`)}
        </button>
      </p>
    </Form>
  )
}
