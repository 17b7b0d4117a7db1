import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BilingualText } from '~/components/bilingual-text'
import { useTranslation } from 'react-i18next'
import { agendaStylesheet, MeetingAgenda } from '~/features/meetings/meeting-agenda'
import { MeetingDocuments } from '~/features/meetings/meeting-documents'
import { RegistrationPanel } from '~/features/meetings/registration-panel'
import { listPartnersOfMeeting } from '~/features/partners/partner.server'
import { canManageMeeting } from '~/features/meetings/access.server'
import { getAgenda } from '~/features/meetings/agenda.server'
import { listMeetingDocuments } from '~/features/meetings/documents.server'
import { notifyMeetingCancelled } from '~/features/meetings/notices.server'
import { getParticipation, isConfirmedParticipant } from '~/features/meetings/participants.server'
import { mailInvitees } from '~/features/meetings/invitations.server'
import { canMoveMeeting, listMeetingThemes, setMeetingState } from '~/features/meetings/meeting.server'
import { requireUser } from '~/utils/auth.server'
import { pickLanguage, textLanguage } from '~/utils/bilingual'
import { countryName } from '~/utils/countries'
import { redirectWithFlash } from '~/utils/flash.server'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import { requireLanguage } from '~/utils/lang.server'
import { requireVisibleMeeting } from '~/features/meetings/guards.server'
import { titleMeta } from '~/utils/meta'
import { formatInZone, formatRangeInZone, zoneOffsetLabel } from '~/utils/zoned-format'
import styles from '~/styles/meetings.css?url'
import participationStyles from '~/styles/participation.css?url'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  agendaStylesheet,
  { rel: 'stylesheet', href: participationStyles },
]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { meeting: m, viewer } = requireVisibleMeeting(request, params.id)
  const canManage = canManageMeeting(viewer)
  // The link to join online is for confirmed participants and coordinators only: never sent to anyone else.
  const showOnline = Boolean(m.onlineUrl && (canManage || (viewer && isConfirmedParticipant(m.id, viewer.id))))
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text
  return {
    lang,
    partners: listPartnersOfMeeting(m.id, lang),
    themes: listMeetingThemes(m.id),
    meeting: {
      id: m.id,
      kind: m.kind,
      format: m.format,
      state: m.state,
      visibility: m.visibility,
      titleEn: m.titleEn,
      titleAr: m.titleAr,
      descriptionEn: m.descriptionEn,
      descriptionAr: m.descriptionAr,
      city: m.city,
      country: m.countryCode ? countryName(m.countryCode, lang) : '',
      address: m.address,
      hosts: m.hosts
        .split('\n')
        .map((h) => h.trim())
        .filter(Boolean),
      timeZone: m.timeZone,
      capacity: m.capacity,
      outcomeEn: m.outcomePublishedAt ? m.outcomeEn : '',
      outcomeAr: m.outcomePublishedAt ? m.outcomeAr : '',
      hasOnline: m.format !== 'in_person',
    },
    when: formatRangeInZone(m.startsAt, m.endsAt, lang, m.timeZone),
    zone: `${m.timeZone}, ${zoneOffsetLabel(m.startsAt, m.timeZone)}`,
    deadline: m.registrationDeadline ? formatInZone(m.registrationDeadline, lang, m.timeZone) : null,
    onlineUrl: showOnline ? m.onlineUrl : null,
    agenda: getAgenda(m.id, viewer),
    documents: listMeetingDocuments(m.id, viewer),
    participation: m.state === 'draft' ? null : getParticipation(m.id, viewer),
    canManage,
    moves: canManage
      ? (['published', 'completed', 'cancelled'] as const).filter((to) => canMoveMeeting(m.state, to))
      : [],
    title: `${title} · ${getFixedT(lang)('shell.siteName')}`,
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const { meeting: m } = requireVisibleMeeting(request, params.id)
  if (!canManageMeeting(user)) throw new Response('Forbidden', { status: 403 })
  const intent = (await request.formData()).get('intent')
  const to =
    intent === 'publish' ? 'published' : intent === 'cancel' ? 'cancelled' : intent === 'complete' ? 'completed' : null
  if (!to) throw new Response('Bad Request', { status: 400 })
  const wasPublished = m.state === 'published'
  // The move, its audit row and its mails commit together (the mails go out after the commit).
  const moved = atomically((tx) => {
    if (!setMeetingState(m.id, to, user)) return false
    if (to === 'cancelled' && wasPublished) notifyMeetingCancelled(tx, m.id, { baseUrl: absoluteUrl('/') })
    // Invitations made while it was a draft are mailed now that invitees can open it.
    if (to === 'published') mailInvitees(m.id, { baseUrl: absoluteUrl('/') })
    return true
  })
  if (!moved) throw new Response('Conflict', { status: 409 })
  const flash = to === 'published' ? 'meetingPublished' : to === 'cancelled' ? 'meetingCancelled' : 'meetingCompleted'
  return redirectWithFlash(`/${lang}/meetings/${m.id}`, flash)
}

export default function MeetingPage() {
  const {
    lang,
    meeting: m,
    partners,
    themes,
    when,
    zone,
    deadline,
    onlineUrl,
    agenda,
    documents,
    participation,
    canManage,
    moves,
  } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['meetings', 'library'])
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang)
  const description = pickLanguage({ en: m.descriptionEn, ar: m.descriptionAr }, lang)
  const outcome = pickLanguage({ en: m.outcomeEn, ar: m.outcomeAr }, lang)
  const base = `/${lang}/meetings/${m.id}`
  return (
    <article className="page meeting-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings`}>{t('detail.breadcrumb')}</Link>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      <p className="badges">
        <span className="badge">{t(`kinds.${m.kind}`)}</span>
        <span className="badge">{t(`formats.${m.format}`)}</span>
        {m.visibility !== 'public' ? (
          <span className="badge badge--members">{t(`visibilities.${m.visibility}`)}</span>
        ) : null}
        {m.state !== 'published' ? (
          <span className={`badge badge--state meeting-state--${m.state}`}>{t(`states.${m.state}`)}</span>
        ) : null}
      </p>
      {m.state === 'draft' ? <p className="notice">{t('detail.draftNotice')}</p> : null}
      {m.state === 'cancelled' ? <p className="notice notice--warning">{t('detail.cancelledNotice')}</p> : null}

      {canManage ? (
        <nav className="meeting-manage" aria-label={t('detail.manage')}>
          <h2 className="visually-hidden">{t('detail.manage')}</h2>
          <ul className="meeting-manage__links">
            <li>
              <Link to={`${base}/edit`}>{t('detail.edit')}</Link>
            </li>
            <li>
              <Link to={`${base}/agenda`}>{t('detail.agenda')}</Link>
            </li>
            <li>
              <Link to={`${base}/documents`}>{t('detail.documents')}</Link>
            </li>
            <li>
              <Link to={`${base}/invitations`}>{t('detail.invitations')}</Link>
            </li>
            <li>
              <Link to={`${base}/participants`}>{t('detail.participants')}</Link>
            </li>
            <li>
              <Link to={`${base}/outcome`}>{t('detail.outcome')}</Link>
            </li>
          </ul>
          {moves.length ? (
            <div className="meeting-manage__moves">
              {moves.includes('published') ? (
                <Form method="post">
                  <button type="submit" name="intent" value="publish" className="button">
                    {t('detail.publish')}
                  </button>
                </Form>
              ) : null}
              {moves.includes('completed') ? (
                <Form method="post">
                  <button type="submit" name="intent" value="complete" className="button button--quiet">
                    {t('detail.complete')}
                  </button>
                </Form>
              ) : null}
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
      ) : null}

      <div className="meeting-page__layout">
        <div className="meeting-page__main">
          <dl className="meeting-facts">
            <div>
              <dt>{t('detail.when')}</dt>
              <dd>
                {when}
                <br />
                <span className="meeting-facts__zone">{t('detail.timeZone', { zone })}</span>
              </dd>
            </div>
            <div>
              <dt>{t('detail.where')}</dt>
              <dd>
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
              </dd>
            </div>
            {m.hosts.length ? (
              <div>
                <dt>{t('detail.hosts')}</dt>
                <dd>
                  <ul className="plain-list">
                    {m.hosts.map((h) => (
                      <li key={h} lang={textLanguage(h, lang)} dir="auto">
                        {h}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {themes.length ? (
              <div>
                <dt>{t('detail.themes')}</dt>
                <dd>
                  <ul className="badges">
                    {themes.map((theme) => (
                      <li key={theme} className="badge">
                        {t(`themes.${theme}`, { ns: 'library' })}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {partners.length ? (
              <div>
                <dt>{t('detail.partners')}</dt>
                <dd>
                  <ul className="plain-list">
                    {partners.map((p) => (
                      <li key={p.id}>
                        <Link to={`/${lang}/partners/${p.id}`}>
                          <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {m.capacity !== null || deadline ? (
              <div>
                <dt>{t('detail.registration')}</dt>
                <dd>
                  {m.capacity !== null ? <span>{t('detail.capacity', { n: m.capacity })}</span> : null}
                  {m.capacity !== null && deadline ? <br /> : null}
                  {deadline ? <span>{t('detail.deadline', { date: deadline })}</span> : null}
                </dd>
              </div>
            ) : null}
          </dl>
          <p>
            <a
              href={`/meetings/${m.id}/calendar.ics?lang=${lang}`}
              className="button button--quiet button--small"
              download
            >
              {t('detail.downloadIcs')}
            </a>
          </p>

          {description.text ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading">{t('detail.description')}</h2>
              <div className="prose" lang={description.lang}>
                {description.text.split(/\n{2,}/).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            </section>
          ) : null}

          {outcome.text ? (
            <section aria-labelledby="outcome-heading" className="meeting-outcome">
              <h2 id="outcome-heading">{t('detail.outcomeTitle')}</h2>
              <div className="prose" lang={outcome.lang}>
                {outcome.text.split(/\n{2,}/).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            </section>
          ) : null}

          {agenda.length ? <MeetingAgenda agenda={agenda} timeZone={m.timeZone} lang={lang} /> : null}
          <MeetingDocuments documents={documents} lang={lang} />
        </div>
        {participation ? (
          <aside className="meeting-page__aside">
            <RegistrationPanel participation={participation} meetingId={m.id} lang={lang} />
          </aside>
        ) : null}
      </div>
    </article>
  )
}
