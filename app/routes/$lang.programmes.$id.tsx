import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { ProgrammeFacts, requestProgrammePath } from '~/features/programmes/programme-card'
import { listProgrammePartners, setProgrammeActive } from '~/features/programmes/programme.server'
import { hasRole, requireRole } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead } from '~/utils/page.server'
import { requireProgramme, requireVisibleProgramme } from '~/features/programmes/guards.server'
import { ProgrammeStateIntentSchema } from '~/features/programmes/schemas'
import styles from '~/styles/programmes.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { programme, viewer } = requireVisibleProgramme(request, params.id)
  const title = pickLanguage({ en: programme.titleEn, ar: programme.titleAr }, lang).text
  return {
    lang,
    programme,
    partners: listProgrammePartners(programme.id),
    canManage: hasRole(viewer, 'coordinator'),
    title: `${title} · ${getFixedT(lang)('shell.siteName')}`,
    ...pageHead(
      lang,
      { en: programme.summaryEn, ar: programme.summaryAr },
      { en: programme.descriptionEn, ar: programme.descriptionAr },
      { key: 'head.programme', values: { title } },
    ),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const programme = requireProgramme(params.id)
  const parsed = ProgrammeStateIntentSchema.safeParse({ intent: (await request.formData()).get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  // Only a real change is recorded: a second click (or a replayed form) writes nothing.
  setProgrammeActive(programme.id, parsed.data.intent === 'reactivate', user)
  return redirectWithFlash(`/${lang}/programmes/${programme.id}`, 'programmeSaved')
}

/** Paragraphs of a description (blank lines separate them). */
function Paragraphs({ text, lang }: { text: string; lang: string | undefined }) {
  return (
    <div className="programme-page__description" lang={lang} dir={lang ? 'auto' : undefined}>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  )
}

export const handle = { i18n: ['library', 'programmes'] }

export default function ProgrammePage() {
  const { lang, programme: p, partners, canManage } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['programmes', 'library'])
  const title = pickLanguage({ en: p.titleEn, ar: p.titleAr }, lang)
  const summary = pickLanguage({ en: p.summaryEn, ar: p.summaryAr }, lang)
  const description = pickLanguage({ en: p.descriptionEn, ar: p.descriptionAr }, lang)
  return (
    <article className="page programme-page" aria-labelledby="programme-title">
      <p className="breadcrumb">
        <Link to={`/${lang}/programmes`}>{t('catalogue.title')}</Link>
      </p>
      <h1 id="programme-title" lang={title.lang} dir={title.lang ? 'auto' : undefined}>
        {title.text}
      </h1>
      <p className="badges">
        <span className="badge">{t(`kinds.${p.kind}`)}</span>
        {p.isActive ? null : <span className="badge badge--retired">{t('catalogue.retired')}</span>}
      </p>
      {p.isActive ? null : <p className="notice notice--retired">{t('page.retiredNotice')}</p>}
      {canManage ? (
        <nav className="programme-manage" aria-label={t('page.manage')}>
          <Link className="button button--quiet" to={`/${lang}/programmes/${p.id}/edit`}>
            {t('page.edit')}
          </Link>
          <Form method="post" className="programme-manage__state">
            {p.isActive ? (
              <>
                <button
                  type="submit"
                  name="intent"
                  value="retire"
                  className="button button--quiet"
                  aria-describedby="retire-hint"
                >
                  {t('page.retire')}
                </button>
                <p id="retire-hint" className="field__hint">
                  {t('page.retireHint')}
                </p>
              </>
            ) : (
              <button type="submit" name="intent" value="reactivate" className="button">
                {t('page.reactivate')}
              </button>
            )}
          </Form>
        </nav>
      ) : null}
      {summary.text ? (
        <p className="lead programme-page__summary" lang={summary.lang} dir={summary.lang ? 'auto' : undefined}>
          {summary.text}
        </p>
      ) : null}

      <div className="programme-page__layout">
        <aside className="programme-page__aside">
          {p.isActive ? (
            <section aria-labelledby="request-title" className="programme-page__request">
              <h2 id="request-title">{t('page.requestTitle')}</h2>
              <p>{t('page.requestHint')}</p>
              <p>
                <Link className="button" to={requestProgrammePath(lang, p.id)}>
                  {t('page.request')}
                </Link>
              </p>
            </section>
          ) : null}
          <section aria-labelledby="facts-title" className="programme-page__facts">
            <h2 id="facts-title">{t('page.facts')}</h2>
            <ProgrammeFacts programme={p} lang={lang} />
          </section>
        </aside>
        <div className="programme-page__main">
          {description.text ? (
            <section aria-labelledby="about-title">
              <h2 id="about-title">{t('page.about')}</h2>
              <Paragraphs text={description.text} lang={description.lang} />
            </section>
          ) : null}
          {partners.length ? (
            <section aria-labelledby="partners-title">
              <h2 id="partners-title">{t('page.partners')}</h2>
              <ul className="programme-partners">
                {partners.map((partner) => (
                  <li key={partner.id}>
                    <Link to={`/${lang}/partners/${partner.id}`}>
                      <BilingualText en={partner.nameEn} ar={partner.nameAr} lang={lang} />
                    </Link>
                    {partner.acronym ? (
                      <>
                        {' '}
                        <bdi dir="ltr" className="muted">
                          ({partner.acronym})
                        </bdi>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </article>
  )
}
