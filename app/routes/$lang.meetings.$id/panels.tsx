// The meeting page's parts: a coordinator's links and moves, the facts (when, where, hosts, themes, partners,
// registration) and a section of prose (the description, the outcome).
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { textLanguage } from '~/utils/bilingual'
import type { loader } from './route'

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

const managePages = ['edit', 'agenda', 'documents', 'invitations', 'participants', 'outcome'] as const
/** The moves that are one button each (cancelling has its hint beside it). */
const plainMoves = [
  { intent: 'publish', to: 'published', className: 'button' },
  { intent: 'complete', to: 'completed', className: 'button button--quiet' },
] as const

/** The coordinator's links to the meeting's other pages, and the moves its state allows. */
export function ManagePanel({ base, moves }: { base: string; moves: Loaded['moves'] }) {
  const { t } = useTranslation('meetings')
  return (
    <nav className="meeting-manage" aria-label={t('detail.manage')}>
      <h2 className="visually-hidden">{t('detail.manage')}</h2>
      <ul className="meeting-manage__links">
        {managePages.map((page) => (
          <li key={page}>
            <Link to={`${base}/${page}`}>{t(`detail.${page}`)}</Link>
          </li>
        ))}
      </ul>
      {moves.length ? (
        <div className="meeting-manage__moves">
          {plainMoves
            .filter((move) => moves.includes(move.to))
            .map((move) => (
              <Form method="post" key={move.intent}>
                <button type="submit" name="intent" value={move.intent} className={move.className}>
                  {t(`detail.${move.intent}`)}
                </button>
              </Form>
            ))}
          {moves.includes('cancelled') ? (
            <Form method="post" className="meeting-manage__cancel">
              <button
                type="submit"
                name="intent"
                value="cancel"
                className="button button--danger"
                aria-describedby="cancel-hint"
              >
                {t('detail.cancelMeeting')}
              </button>
              <p className="field__hint" id="cancel-hint">
                {t('detail.cancelHint')}
              </p>
            </Form>
          ) : null}
        </div>
      ) : null}
    </nav>
  )
}

/** A section of paragraphs (blank lines apart) under its heading; nothing when there is no text. */
export function Prose({
  id,
  title,
  text,
  className,
}: {
  id: string
  title: string
  text: { text: string; lang?: string }
  className?: string
}) {
  if (!text.text) return null
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{title}</h2>
      <div className="prose" lang={text.lang}>
        {text.text.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </section>
  )
}

/** One fact of the list: its term and what it says. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

export function MeetingFacts() {
  const { lang, meeting: m, partners, themes, when, zone, deadline, onlineUrl } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['meetings', 'library'])
  return (
    <dl className="meeting-facts">
      <Fact term={t('detail.when')}>
        {when}
        <br />
        <span className="meeting-facts__zone">{t('detail.timeZone', { zone })}</span>
      </Fact>
      <Fact term={t('detail.where')}>
        {m.format !== 'online' ? (
          <span>
            {[m.address, m.city].filter(Boolean).map((part) => (
              <span key={part} lang={textLanguage(part, lang)}>
                {part}
                {lang === 'ar' ? '، ' : ', '}
              </span>
            ))}
            {m.country}
          </span>
        ) : null}
        {m.hasOnline ? (
          <span className="meeting-facts__online">
            {m.format === 'hybrid' ? <br /> : null}
            {onlineUrl ? (
              <a href={onlineUrl} rel="noopener noreferrer" dir="ltr">
                {t('detail.onlineLink')}
              </a>
            ) : (
              <>
                {t('detail.online')} — {t('detail.onlineHidden')}
              </>
            )}
          </span>
        ) : null}
      </Fact>
      {m.hosts.length ? (
        <Fact term={t('detail.hosts')}>
          <ul className="plain-list">
            {m.hosts.map((h) => (
              <li key={h} lang={textLanguage(h, lang)} dir="auto">
                {h}
              </li>
            ))}
          </ul>
        </Fact>
      ) : null}
      {themes.length ? (
        <Fact term={t('detail.themes')}>
          <ul className="badges">
            {themes.map((theme) => (
              <li key={theme} className="badge">
                {t(`themes.${theme}`, { ns: 'library' })}
              </li>
            ))}
          </ul>
        </Fact>
      ) : null}
      {partners.length ? (
        <Fact term={t('detail.partners')}>
          <ul className="plain-list">
            {partners.map((p) => (
              <li key={p.id}>
                <Link to={`/${lang}/partners/${p.id}`}>
                  <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
                </Link>
              </li>
            ))}
          </ul>
        </Fact>
      ) : null}
      {m.capacity !== null || deadline ? (
        <Fact term={t('detail.registration')}>
          {m.capacity !== null ? <span>{t('detail.capacity', { n: m.capacity })}</span> : null}
          {m.capacity !== null && deadline ? <br /> : null}
          {deadline ? <span>{t('detail.deadline', { date: deadline })}</span> : null}
        </Fact>
      ) : null}
    </dl>
  )
}
