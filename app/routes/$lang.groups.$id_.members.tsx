import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError, StatusMessage } from '~/components/status-message'
import { readDone, withDone, type DoneKey } from '~/features/groups/done'
import { errorKey, type GroupsError } from '~/features/groups/errors'
import { listPeople } from '~/features/groups/group.server'
import { MembersIntentSchema } from '~/features/groups/group-schemas'
import { requireGroupRunner } from '~/features/groups/guards.server'
import { decideRequest, removeMember, setMemberRole } from '~/features/groups/membership.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups.css?url'
import type { Result } from '~/utils/result'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const { group } = requireGroupRunner(request, params.id)
  const lang = requireLanguage(params)
  return {
    lang,
    group: { id: group.id, nameEn: group.nameEn, nameAr: group.nameAr },
    pending: listPeople(group.id, 'pending'),
    members: listPeople(group.id, 'active'),
    done: readDone(request.url),
    title: pageTitle(lang, 'members.title', 'groups'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, group } = requireGroupRunner(request, params.id)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: MembersIntentSchema })
  if (submission.status !== 'success') return data({ error: 'invalid' as GroupsError }, { status: 400 })
  const v = submission.value
  let done: Result<unknown, GroupsError>
  let key: DoneKey
  switch (v.intent) {
    case 'accept':
    case 'decline': {
      const decided = decideRequest(group, v.userId, v.intent === 'accept', user)
      done = decided
      key = decided.ok ? decided.value : 'declined'
      break
    }
    case 'facilitator':
    case 'member':
      done = setMemberRole(group, v.userId, v.intent, user)
      key = 'roleChanged'
      break
    case 'remove':
      done = removeMember(group, v.userId, user)
      key = 'removed'
      break
  }
  if (!done.ok) return data({ error: done.error }, { status: 409 })
  return redirect(withDone(`/${lang}/groups/${group.id}/members`, key), 303)
}

export const handle = { i18n: ['groups'] }

function Action({ intent, userId, label, quiet }: { intent: string; userId: number; label: string; quiet?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={`button button--small${quiet ? ' button--quiet' : ''}`}
      >
        {label}
      </button>
    </Form>
  )
}

export default function GroupMembers() {
  const { lang, group, pending, members, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('groups')
  return (
    <div className="page group-members-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/groups/${group.id}`}>
          <BilingualText en={group.nameEn} ar={group.nameAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('members.title')}</h1>
      {done ? <StatusMessage>{t(`done.${done}`)}</StatusMessage> : null}
      {actionData?.error ? <FormError>{t(errorKey(actionData.error))}</FormError> : null}

      <section aria-labelledby="group-requests">
        <h2 id="group-requests">{t('members.requests')}</h2>
        {pending.length ? (
          <ul className="group-people">
            {pending.map((p) => (
              <li key={p.userId} className="group-person">
                <span className="group-person__name">{p.name}</span>
                <span className="button-row">
                  <Action intent="accept" userId={p.userId} label={t('members.accept', { name: p.name })} />
                  <Action intent="decline" userId={p.userId} label={t('members.decline', { name: p.name })} quiet />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('members.noRequests')}</p>
        )}
      </section>

      <section aria-labelledby="group-current">
        <h2 id="group-current">{t('members.current')}</h2>
        {members.length ? (
          <ul className="group-people">
            {members.map((p) => (
              <li key={p.userId} className="group-person">
                <span className="group-person__name">
                  {p.name} ({t(`members.role.${p.role}`)})
                </span>
                <span className="button-row">
                  {p.role === 'facilitator' ? (
                    <Action intent="member" userId={p.userId} label={t('members.makeMember', { name: p.name })} quiet />
                  ) : (
                    <Action
                      intent="facilitator"
                      userId={p.userId}
                      label={t('members.makeFacilitator', { name: p.name })}
                    />
                  )}
                  <Action intent="remove" userId={p.userId} label={t('members.remove', { name: p.name })} quiet />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('overview.noMembers')}</p>
        )}
      </section>
    </div>
  )
}
