// The sections of a draft's page around its text: the facts, the stage panel of the coordinator in charge and
// coordinators, and the links to the versions, the consultation and the exports.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { errorKey, type DraftsError } from '~/features/drafts/errors'
import type { DraftStage } from '~/features/drafts/vocabulary'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'

const namespaces = ['drafts', 'common', 'library', 'network'] as const

export type Facts = {
  id: number
  kind: string
  stage: DraftStage
  closesAt: string | null
  visibility: string
  leads: { id: number; nameEn: string; nameAr: string }[]
  coordinator: string | null
  editors: string[]
  pillars: number[]
  resolutions: string[]
  themes: string[]
  /** The library resource its adoption published. */
  resourceId: number | null
}

export function DraftFacts({ lang, d }: { lang: Language; d: Facts }) {
  const { t } = useTranslation(namespaces)
  const topics = d.pillars.length + d.resolutions.length + d.themes.length
  return (
    <section className="draft-section draft-facts-section" aria-labelledby="draft-facts">
      <h2 id="draft-facts">{t('page.facts')}</h2>
      <dl className="draft-facts">
        <dt>{t('page.kind')}</dt>
        <dd>{t(`kinds.${d.kind}`)}</dd>
        <dt>{t('page.stage')}</dt>
        <dd>{t(`stages.${d.stage}`)}</dd>
        {d.closesAt ? (
          <>
            <dt>{d.stage === 'consultation' ? t('page.closes') : t('page.closed')}</dt>
            <dd>
              <time dateTime={d.closesAt}>{formatDate(new Date(d.closesAt), lang, 'dateTime')}</time>{' '}
              <span className="muted">{t('page.utc')}</span>
            </dd>
          </>
        ) : null}
        <dt>{t('page.leads')}</dt>
        <dd>
          <ul className="draft-facts__list">
            {d.leads.map((l) => (
              <li key={l.id}>
                <Link to={`/${lang}/parliaments/${l.id}`}>
                  <BilingualText en={l.nameEn} ar={l.nameAr} lang={lang} />
                </Link>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('page.coordinator')}</dt>
        <dd>
          <bdi>{d.coordinator ?? t('page.noCoordinator')}</bdi>
        </dd>
        <dt>{t('page.workingGroup')}</dt>
        <dd>
          {d.editors.length ? (
            <ul className="draft-facts__list">
              {d.editors.map((name, i) => (
                <li key={i}>
                  <bdi>{name}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            t('page.noEditors')
          )}
        </dd>
        {d.resourceId !== null ? (
          <>
            <dt>{t('page.inLibrary')}</dt>
            <dd>
              <Link to={`/${lang}/resources/${d.resourceId}`}>{t('page.inLibraryLink')}</Link>
            </dd>
          </>
        ) : null}
        {topics ? (
          <>
            <dt>{t('page.topics')}</dt>
            <dd>
              <ul className="badges">
                {d.pillars.map((p) => (
                  <li key={`p${p}`} className="badge">
                    {t(`pillarsShort.${p}`, { ns: 'network' })}
                  </li>
                ))}
                {d.resolutions.map((x) => (
                  <li key={`r${x}`} className="badge">
                    {t(`resolutions.${x}`, { ns: 'common' })}
                  </li>
                ))}
                {d.themes.map((x) => (
                  <li key={`t${x}`} className="badge">
                    {t(`themes.${x}`, { ns: 'library' })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

/** The moves the table allows from this stage; opening a consultation asks until when. */
export function StagePanel({
  stage,
  moves,
  show,
  refusal,
}: {
  stage: DraftStage
  moves: readonly DraftStage[]
  show: string
  refusal: { error: DraftsError; values: Record<string, string> } | null
}) {
  const { t } = useTranslation(namespaces)
  return (
    <section className="draft-section draft-stage" aria-labelledby="draft-stage">
      <h2 id="draft-stage">{t('stage.title')}</h2>
      <p>{t('stage.current', { stage: t(`stages.${stage}`) })}</p>
      <FormError id="draft-stage-error">{refusal ? t(errorKey(refusal.error)) : null}</FormError>
      <div className="draft-stage__moves">
        {moves.map((to) => (
          <Form key={to} method="post" className="draft-stage__move" preventScrollReset>
            <input type="hidden" name="intent" value="stage" />
            <input type="hidden" name="to" value={to} />
            <input type="hidden" name="text" value={show} />
            {to === 'consultation' ? (
              <div className="field">
                <label htmlFor="draft-closes-on">{t('stage.closesOn')}</label>
                <p className="field__hint" id="draft-closes-on-hint">
                  {t('stage.closesOnHint')}
                </p>
                <input
                  id="draft-closes-on"
                  type="date"
                  name="closesOn"
                  required
                  defaultValue={refusal?.values.to === 'consultation' ? refusal.values.closesOn : undefined}
                  aria-describedby={refusal ? 'draft-closes-on-hint draft-stage-error' : 'draft-closes-on-hint'}
                  aria-invalid={refusal?.values.to === 'consultation' ? true : undefined}
                />
              </div>
            ) : null}
            {to === 'withdrawn' || to === 'adopted' ? <p className="field__hint">{t(`stage.finalHint`)}</p> : null}
            <button type="submit" className={to === 'withdrawn' ? 'button button--danger' : 'button'}>
              {t(`stage.moveTo.${to}`)}
            </button>
          </Form>
        ))}
      </div>
    </section>
  )
}

export function DraftLinks({ lang, id }: { lang: Language; id: number }) {
  const { t } = useTranslation(namespaces)
  return (
    <nav className="draft-section draft-links" aria-label={t('page.linksLabel')}>
      <ul>
        <li>
          <Link to={`/${lang}/drafts/${id}/versions`}>{t('page.versions')}</Link>
        </li>
        <li>
          <Link to={`/${lang}/drafts/${id}/consultation`}>{t('page.consultation')}</Link>
        </li>
        <li>
          <a href={`/drafts/${id}/akn.xml?lang=ar`} download>
            {t('page.aknIn.ar')}
          </a>
        </li>
        <li>
          <a href={`/drafts/${id}/akn.xml?lang=en`} download>
            {t('page.aknIn.en')}
          </a>
        </li>
        <li>
          <a href={`/drafts/${id}/word.docx`} download>
            {t('page.word')}
          </a>
        </li>
      </ul>
    </nav>
  )
}
