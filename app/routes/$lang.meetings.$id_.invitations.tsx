import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import {
  inviteToMeeting,
  listInvitableParliaments,
  listInvitations,
  searchInvitableUsers,
  uninvite,
} from '~/features/meetings/invitations.server'
import { normalizeForSearch } from '~/utils/arabic'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { absoluteUrl } from '~/utils/links.server'
import { titleMeta } from '~/utils/meta'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { InviteFormSchema } from '~/features/meetings/registration-schemas'
import styles from '~/styles/participation.css?url'
import { GetForm } from '~/components/get-form'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { meeting: m } = requireManagedMeeting(request, params.id)
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 100)
  const pq = (url.searchParams.get('pq') ?? '').slice(0, 100)
  const t = getFixedT(lang, ['participation', 'common'])
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text
  return {
    lang,
    meeting: {
      id: m.id,
      titleEn: m.titleEn,
      titleAr: m.titleAr,
      state: m.state,
      open: m.state !== 'cancelled' && m.state !== 'completed' && m.endsAt > new Date(),
    },
    ...listInvitations(m.id),
    parliaments: listInvitableParliaments(m.id, lang).map((p) => ({
      ...p,
      search: normalizeForSearch(`${p.nameEn} ${p.nameAr}`),
    })),
    q,
    pq,
    users: searchInvitableUsers(m.id, q),
    title: `${t('invitations.title')}: ${title} · ${t('shell.siteName')}`,
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const here = `/${lang}/meetings/${m.id}/invitations`
  if (intent === 'uninvite') {
    const id = Number(formData.get('invitationId'))
    if (!Number.isSafeInteger(id) || !uninvite(m.id, id, user)) throw new Response('Not Found', { status: 404 })
    return redirectWithFlash(here, 'invitationRemoved')
  }
  if (intent !== 'parliaments' && intent !== 'users') throw new Response('Bad Request', { status: 400 })
  const submission = parseWithZod(formData, { schema: InviteFormSchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const ids = submission.value.ids
  if (!ids.length) return data({ error: 'nothingChosen' as const, intent }, { status: 400 })
  const result = await inviteToMeeting(
    m.id,
    intent === 'parliaments' ? { parliamentIds: ids, userIds: [] } : { parliamentIds: [], userIds: ids },
    user,
    { baseUrl: absoluteUrl('/') },
  )
  if (!result.ok) return data({ error: 'closed' as const, intent }, { status: 400 })
  return redirectWithFlash(here, 'invitationsSent')
}

export default function InvitationsPage() {
  const { lang, meeting: m, invitations, totals } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['participation', 'common'])
  return (
    <div className="page participation-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings`}>{t('nav.meetings', { ns: 'common' })}</Link>
        {' › '}
        <Link to={`/${lang}/meetings/${m.id}`}>
          <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
        </Link>
      </p>
      <h1>
        {t('invitations.title')}: <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
      </h1>
      <p className="lead">{t('invitations.lead')}</p>
      {m.state === 'draft' ? <p className="notice">{t('invitations.draftNote')}</p> : null}
      {!m.open ? <p className="notice">{t('invitations.closedNote')}</p> : null}
      <p className="participation-links">
        <Link to={`/${lang}/meetings/${m.id}/participants`}>{t('invitations.participants')}</Link>
      </p>

      <section aria-labelledby="current-invitations">
        <h2 id="current-invitations">{t('invitations.current')}</h2>
        {invitations.length ? (
          <>
            <p>{t('invitations.totals', totals)}</p>
            <div className="table-wrap">
              <table className="participation-table">
                <thead>
                  <tr>
                    <th scope="col">{t('invitations.invited')}</th>
                    <th scope="col">{t('invitations.invitees')}</th>
                    <th scope="col">{t('invitations.registered')}</th>
                    <th scope="col">{t('invitations.notAnswered')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('participants.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((i) => {
                    const name = i.parliamentId
                      ? pickLanguage({ en: i.nameEn, ar: i.nameAr }, lang)
                      : { text: i.nameEn, lang: undefined }
                    return (
                      <tr key={i.id}>
                        <th scope="row">
                          {i.parliamentId ? (
                            <span lang={name.lang} dir={name.lang ? 'auto' : undefined}>
                              {name.text}
                            </span>
                          ) : (
                            <>
                              {t('invitations.memberAccount', { name: i.nameEn })}{' '}
                              <span className="muted" dir="ltr">
                                ({i.email})
                              </span>
                            </>
                          )}
                        </th>
                        <td>{i.invitees}</td>
                        <td>{i.registered}</td>
                        <td>{i.notAnswered}</td>
                        <td>
                          <Form method="post">
                            <input type="hidden" name="invitationId" value={i.id} />
                            <button
                              type="submit"
                              name="intent"
                              value="uninvite"
                              className="button button--quiet button--small"
                              aria-label={t('invitations.uninviteLabel', { name: name.text })}
                            >
                              {t('invitations.uninvite')}
                            </button>
                          </Form>
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>{t('invitations.none')}</p>
        )}
      </section>

      {m.open ? (
        <>
          <ParliamentsForm />
          <MembersForm />
        </>
      ) : null}
    </div>
  )
}

function ActionError({ intent }: { intent: 'parliaments' | 'users' }) {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('participation')
  if (!actionData || actionData.intent !== intent) return null
  return (
    <FormError>
      {actionData.error === 'closed' ? t('invitations.closedNote') : t('invitations.nothingChosen')}
    </FormError>
  )
}

/** Parliaments with checkboxes; the text field filters the list as one types (or on submit without JavaScript). */
function ParliamentsForm() {
  const { lang, parliaments, q, pq } = useLoaderData<typeof loader>()
  const { t } = useTranslation('participation')
  const [filter, setFilter] = useState(pq)
  const needle = normalizeForSearch(filter.trim())
  const shown = parliaments.filter((p) => !needle || p.search.includes(needle))
  return (
    <section className="participation-section" aria-labelledby="invite-parliaments">
      <h2 id="invite-parliaments">{t('invitations.parliaments')}</h2>
      <GetForm className="participation-filter" role="search">
        <input type="hidden" name="q" value={q} />
        <div className="field">
          <label htmlFor="pq">{t('invitations.filter')}</label>
          <p className="field__hint" id="pq-hint">
            {t('invitations.filterHint')}
          </p>
          <input
            type="search"
            id="pq"
            name="pq"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            aria-describedby="pq-hint"
            aria-controls="parliament-choices"
            dir="auto"
            autoComplete="off"
          />
        </div>
        <button type="submit" className="button button--quiet">
          {t('invitations.applyFilter')}
        </button>
      </GetForm>
      <Form method="post" className="stack">
        <ActionError intent="parliaments" />
        <fieldset className="participation-choices">
          <legend className="visually-hidden">{t('invitations.parliaments')}</legend>
          <ul className="participation-checklist" id="parliament-choices">
            {parliaments.map((p) => {
              const name = pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang)
              const hidden = !shown.includes(p)
              return (
                <li key={p.id} hidden={hidden}>
                  {p.invitationId ? (
                    <span className="participation-checklist__done">
                      <span lang={name.lang} dir={name.lang ? 'auto' : undefined}>
                        {name.text}
                      </span>{' '}
                      <span className="badge badge--ok">{t('invitations.alreadyInvited')}</span>
                    </span>
                  ) : (
                    <span className="field field--check">
                      <input type="checkbox" name="ids" value={p.id} id={`parliament-${p.id}`} />
                      <label htmlFor={`parliament-${p.id}`}>
                        <span lang={name.lang} dir={name.lang ? 'auto' : undefined}>
                          {name.text}
                        </span>{' '}
                        <span className="muted">({t('invitations.accounts', { n: p.accounts })})</span>
                      </label>
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
          {!shown.length ? <p>{t('invitations.noParliaments')}</p> : null}
        </fieldset>
        <p>
          <button type="submit" name="intent" value="parliaments" className="button">
            {t('invitations.inviteParliaments')}
          </button>
        </p>
      </Form>
    </section>
  )
}

/** Member accounts found by name or email. */
function MembersForm() {
  const { lang, users, q, pq } = useLoaderData<typeof loader>()
  const { t } = useTranslation('participation')
  return (
    <section className="participation-section" aria-labelledby="invite-members" id="members">
      <h2 id="invite-members">{t('invitations.members')}</h2>
      <Form method="get" className="participation-filter" role="search" action="#members">
        <input type="hidden" name="pq" value={pq} />
        <div className="field">
          <label htmlFor="q">{t('invitations.search')}</label>
          <p className="field__hint" id="q-hint">
            {t('invitations.searchHint')}
          </p>
          <input
            type="search"
            id="q"
            name="q"
            defaultValue={q}
            aria-describedby="q-hint"
            dir="auto"
            autoComplete="off"
          />
        </div>
        <button type="submit" className="button button--quiet">
          {t('invitations.searchButton')}
        </button>
      </Form>
      {q.trim().length >= 2 ? (
        users.length ? (
          <Form method="post" className="stack">
            <ActionError intent="users" />
            <fieldset className="participation-choices">
              <legend className="visually-hidden">{t('invitations.members')}</legend>
              <ul className="participation-checklist">
                {users.map((u) => {
                  const parliamentName =
                    u.parliamentNameEn !== null
                      ? pickLanguage({ en: u.parliamentNameEn, ar: u.parliamentNameAr }, lang)
                      : null
                  return (
                    <li key={u.id}>
                      {u.invitationId ? (
                        <span className="participation-checklist__done">
                          <bdi>{u.name}</bdi> <span className="badge badge--ok">{t('invitations.alreadyInvited')}</span>
                        </span>
                      ) : (
                        <span className="field field--check">
                          <input type="checkbox" name="ids" value={u.id} id={`user-${u.id}`} />
                          <label htmlFor={`user-${u.id}`}>
                            <bdi>{u.name}</bdi>{' '}
                            <span className="muted" dir="ltr">
                              ({u.email})
                            </span>
                            {parliamentName ? (
                              <>
                                {' · '}
                                <span className="muted" lang={parliamentName.lang}>
                                  {parliamentName.text}
                                </span>
                              </>
                            ) : null}
                          </label>
                        </span>
                      )}
                    </li>
                  )
                })}
              </ul>
            </fieldset>
            <p>
              <button type="submit" name="intent" value="users" className="button">
                {t('invitations.inviteMembers')}
              </button>
            </p>
          </Form>
        ) : (
          <p>{t('invitations.noMembers')}</p>
        )
      ) : null}
    </section>
  )
}
