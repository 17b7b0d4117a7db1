// The invitations page's sections: the invitations made (with their figures), the parliaments to invite (filtered
// as one types) and the member accounts found by name or email.
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useState, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GetForm } from '~/components/get-form'
import { FormError } from '~/components/status-message'
import { normalizeForSearch } from '~/utils/arabic'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import type { action, loader } from './route'

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

export function InvitationsTable({ lang, invitations }: { lang: Language; invitations: Loaded['invitations'] }) {
  const { t } = useTranslation('participation')
  return (
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

/** A name with its language marked when it fell back to the other one. */
function Name({ name }: { name: { text: string; lang?: string } }) {
  return (
    <span lang={name.lang} dir={name.lang ? 'auto' : undefined}>
      {name.text}
    </span>
  )
}

/** An entry of a list to invite from: a checkbox, or a badge once invited. */
function Choice({
  id,
  value,
  invited,
  label,
  children,
}: {
  id: string
  value: number
  invited: boolean
  label: ReactNode
  children?: ReactNode
}) {
  const { t } = useTranslation('participation')
  return invited ? (
    <span className="participation-checklist__done">
      {label} <span className="badge badge--ok">{t('invitations.alreadyInvited')}</span>
    </span>
  ) : (
    <span className="field field--check">
      <input type="checkbox" name="ids" value={value} id={id} />
      <label htmlFor={id}>
        {label} {children}
      </label>
    </span>
  )
}

/** A search field (named as its id) with its hint. */
function SearchField({
  id,
  label,
  hint,
  ...input
}: { id: string; label: string; hint: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input type="search" id={id} name={id} aria-describedby={`${id}-hint`} dir="auto" autoComplete="off" {...input} />
    </div>
  )
}

/** Parliaments with checkboxes; the text field filters the list as one types (or on submit without JavaScript). */
export function ParliamentsForm() {
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
        <SearchField
          id="pq"
          label={t('invitations.filter')}
          hint={t('invitations.filterHint')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          aria-controls="parliament-choices"
        />
        <button type="submit" className="button button--quiet">
          {t('invitations.applyFilter')}
        </button>
      </GetForm>
      <Form method="post" className="stack">
        <ActionError intent="parliaments" />
        <fieldset className="participation-choices">
          <legend className="visually-hidden">{t('invitations.parliaments')}</legend>
          <ul className="participation-checklist" id="parliament-choices">
            {parliaments.map((p) => (
              <li key={p.id} hidden={!shown.includes(p)}>
                <Choice
                  id={`parliament-${p.id}`}
                  value={p.id}
                  invited={Boolean(p.invitationId)}
                  label={<Name name={pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang)} />}
                >
                  <span className="muted">({t('invitations.accounts', { n: p.accounts })})</span>
                </Choice>
              </li>
            ))}
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
export function MembersForm() {
  const { lang, users, q, pq } = useLoaderData<typeof loader>()
  const { t } = useTranslation('participation')
  return (
    <section className="participation-section" aria-labelledby="invite-members" id="members">
      <h2 id="invite-members">{t('invitations.members')}</h2>
      <Form method="get" className="participation-filter" role="search" action="#members">
        <input type="hidden" name="pq" value={pq} />
        <SearchField id="q" label={t('invitations.search')} hint={t('invitations.searchHint')} defaultValue={q} />
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
                      <Choice
                        id={`user-${u.id}`}
                        value={u.id}
                        invited={Boolean(u.invitationId)}
                        label={<bdi>{u.name}</bdi>}
                      >
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
                      </Choice>
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
