import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError, StatusMessage } from '~/components/status-message'
import { canCreateGroups, canPost } from '~/features/groups/access.server'
import { readDone, withDone } from '~/features/groups/done'
import { errorKey } from '~/features/groups/errors'
import { groupOverview } from '~/features/groups/group.server'
import { OverviewIntentSchema } from '~/features/groups/group-schemas'
import { requireVisibleGroup } from '~/features/groups/guards.server'
import { joinGroup, leaveGroup } from '~/features/groups/membership.server'
import { formatDate, formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups.css?url'
import { pickLanguage } from '~/utils/bilingual'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, group, membership } = requireVisibleGroup(request, params.id)
  const lang = requireLanguage(params)
  const overview = groupOverview(group, user, membership)
  const name = pickLanguage({ en: group.nameEn, ar: group.nameAr }, lang).text
  return {
    lang,
    group: {
      id: group.id,
      nameEn: group.nameEn,
      nameAr: group.nameAr,
      purposeEn: group.purposeEn,
      purposeAr: group.purposeAr,
      access: group.access,
    },
    myState: membership?.state ?? null,
    overview,
    posts: canPost(user, membership) && overview.readsThreads,
    edits: canCreateGroups(user),
    done: readDone(request.url),
    title: `${name} · ${pageTitle(lang, 'list.title', 'groups')}`,
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, group } = requireVisibleGroup(request, params.id)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: OverviewIntentSchema })
  if (submission.status !== 'success') return data({ error: 'invalid' as const }, { status: 400 })
  const back = `/${lang}/groups/${group.id}`
  if (submission.value.intent === 'join') {
    const joined = joinGroup(group, user)
    if (!joined.ok) return data({ error: joined.error }, { status: 409 })
    return redirect(withDone(back, joined.value), 303)
  }
  const left = leaveGroup(group, user)
  if (!left.ok) return data({ error: left.error }, { status: 409 })
  return redirect(withDone(back, 'left'), 303)
}

export const handle = { i18n: ['groups'] }

export default function GroupOverview() {
  const { lang, group, myState, overview, posts, edits, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('groups')
  const hasPurpose = Boolean(group.purposeEn || group.purposeAr)
  return (
    <div className="page group-overview">
      <p className="breadcrumb">
        <Link to={`/${lang}/groups`}>{t('list.title')}</Link>
      </p>
      <h1>
        <BilingualText en={group.nameEn} ar={group.nameAr} lang={lang} />
      </h1>
      <p>
        <span className="badge">{t(`access.${group.access}`)}</span> {t(`accessHelp.${group.access}`)}
      </p>
      {done ? <StatusMessage>{t(`done.${done}`)}</StatusMessage> : null}
      {actionData?.error ? <FormError>{t(errorKey(actionData.error))}</FormError> : null}

      <Form method="post" className="group-overview__membership">
        {myState === 'pending' ? <p>{t('overview.pendingNote')}</p> : null}
        {myState === 'declined' ? <p>{t('overview.declinedNote')}</p> : null}
        {myState === 'active' || myState === 'pending' ? (
          <button type="submit" name="intent" value="leave" className="button button--quiet">
            {t(myState === 'active' ? 'overview.leave' : 'overview.withdraw')}
          </button>
        ) : (
          <button type="submit" name="intent" value="join" className="button">
            {t(group.access === 'open' ? 'overview.join' : 'overview.ask')}
          </button>
        )}
      </Form>

      {overview.runs || edits ? (
        <p className="group-overview__manage">
          {overview.runs ? (
            <Link to={`/${lang}/groups/${group.id}/members`}>
              {t('overview.manageMembers')}
              {overview.pending ? ` (${t('overview.pendingCount', { n: formatNumber(overview.pending, lang) })})` : ''}
            </Link>
          ) : null}
          {overview.runs && edits ? ' · ' : null}
          {edits ? <Link to={`/${lang}/groups/${group.id}/edit`}>{t('overview.edit')}</Link> : null}
        </p>
      ) : null}

      {hasPurpose ? (
        <section aria-labelledby="group-purpose">
          <h2 id="group-purpose">{t('overview.purpose')}</h2>
          <p className="group-overview__purpose">
            <BilingualText en={group.purposeEn} ar={group.purposeAr} lang={lang} />
          </p>
        </section>
      ) : null}

      <section aria-labelledby="group-facilitators">
        <h2 id="group-facilitators">{t('overview.facilitators')}</h2>
        {overview.facilitators.length ? (
          <ul>
            {overview.facilitators.map((p) => (
              <li key={p.userId}>{p.name}</li>
            ))}
          </ul>
        ) : (
          <p>{t('overview.noFacilitator')}</p>
        )}
      </section>

      <section aria-labelledby="group-members">
        <h2 id="group-members">
          {t('overview.members')} ({formatNumber(overview.members.length, lang)})
        </h2>
        {overview.members.length ? (
          <ul className="group-members">
            {overview.members.map((p) => (
              <li key={p.userId}>
                {p.name}
                {p.role === 'facilitator' ? ` (${t('overview.facilitatorBadge')})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('overview.noMembers')}</p>
        )}
      </section>

      <section aria-labelledby="group-threads">
        <h2 id="group-threads">{t('overview.threads')}</h2>
        {!overview.readsThreads ? (
          <p>{t('overview.threadsClosed')}</p>
        ) : (
          <>
            {posts ? (
              <p>
                <Link className="button" to={`/${lang}/groups/${group.id}/threads/new`}>
                  {t('overview.newThread')}
                </Link>
              </p>
            ) : null}
            {overview.threads.length ? (
              <ul className="group-threads">
                {overview.threads.map((th) => (
                  <li key={th.id}>
                    <Link to={`/${lang}/groups/${group.id}/threads/${th.id}`} dir="auto">
                      {th.title}
                    </Link>{' '}
                    <span className="muted">{formatDate(new Date(th.lastPostAt), lang)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('overview.noThreads')}</p>
            )}
          </>
        )}
      </section>
    </div>
  )
}
