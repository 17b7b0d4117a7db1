import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { errorKey } from '~/features/partners/errors'
import { requirePartner } from '~/features/partners/guards.server'
import { listInitiativeChoices, listPartnerInitiatives } from '~/features/partners/initiatives.server'
import { initiativeKinds } from '~/features/partners/schemas'
import { requireRole } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { formatInZone } from '~/utils/zoned-format'
import styles from '~/styles/partners.css?url'
import { runInitiativeIntent } from './intents.server'
import { LinkByReference, LinkedInitiatives, LinkFromList } from './panels'

// A coordinator links a partner's joint initiatives: a meeting, a programme or a resource chosen from a select
// (recent and upcoming meetings, active programmes, published resources), or given by its number or address.

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requirePartner(params.id)
  const linked = listPartnerInitiatives(p.id, user)
  const choices = listInitiativeChoices(p.id)
  const label = (x: { titleEn: string; titleAr: string }) => pickLanguage({ en: x.titleEn, ar: x.titleAr }, lang).text
  const date = (iso: string | null) => (iso ? formatDate(new Date(`${iso}T00:00:00Z`), lang) : null)
  const item = (x: { initiativeId: number; titleEn: string; titleAr: string }, href: string, note: string | null) => ({
    initiativeId: x.initiativeId,
    href,
    title: label(x),
    titleEn: x.titleEn,
    titleAr: x.titleAr,
    note,
  })
  return {
    lang,
    partner: { id: p.id, nameEn: p.nameEn, nameAr: p.nameAr },
    linked: {
      meeting: linked.meetings.map((m) =>
        item(m, `/${lang}/meetings/${m.id}`, formatInZone(m.startsAt, lang, m.timeZone, 'date')),
      ),
      programme: linked.programmes.map((pr) => item(pr, `/${lang}/programmes/${pr.id}`, null)),
      resource: linked.resources.map((r) => item(r, `/${lang}/resources/${r.id}`, date(r.publishedOn))),
    },
    choices: {
      meeting: choices.meetings.map((m) => ({
        id: m.id,
        label: `${formatInZone(m.startsAt, lang, m.timeZone, 'date')} · ${label(m)}`,
        draft: m.state === 'draft',
      })),
      programme: choices.programmes.map((pr) => ({ id: pr.id, label: label(pr), draft: false })),
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
  const back = `/${lang}/partners/${p.id}/initiatives`
  return runInitiativeIntent({ partnerId: p.id, actor: user, formData: await request.formData(), back })
}

export const handle = { i18n: ['partners'] }

export default function PartnerInitiatives() {
  const { lang, partner, linked, choices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('partners')
  const name = pickLanguage({ en: partner.nameEn, ar: partner.nameAr }, lang)
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
      <FormError>{actionData?.error ? t(errorKey(actionData.error)) : null}</FormError>

      <LinkedInitiatives linked={linked} lang={lang} />

      <section aria-labelledby="link-title" className="panel">
        <h2 id="link-title">{t('initiatives.linkTitle')}</h2>
        <div className="link-forms">
          {initiativeKinds.map((kind) => (
            <LinkFromList key={kind} kind={kind} options={choices[kind]} invalid={actionData?.form === kind} />
          ))}
        </div>
        <LinkByReference lang={lang} invalid={actionData?.form === 'reference'} />
      </section>
    </div>
  )
}
