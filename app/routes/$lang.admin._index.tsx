import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { roles } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { Pagination } from '~/components/pagination'
import { FormError } from '~/components/status-message'
import { recordAuditEvent } from '~/utils/audit.server'
import { getUserById, listUsers, setUserActive, setUserRole, USERS_PAGE_SIZE } from '~/features/accounts/user.server'
import { requireRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatDate, formatNumber } from '~/utils/format'
import { readPage, requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { atomically } from '~/utils/transaction.server'
import { boundedSearch } from '~/utils/query-string'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const admin = requireRole(request, 'admin')
  const lang = requireLanguage(params)
  const page = readPage(request)
  return {
    lang,
    page,
    pageSize: USERS_PAGE_SIZE,
    selfId: admin.id,
    ...listUsers(page),
    title: pageTitle(lang, 'users.title', 'admin'),
  }
}

const UserActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('role'), userId: z.coerce.number().int().positive(), role: z.enum(roles) }),
  z.object({ intent: z.literal('deactivate'), userId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal('reactivate'), userId: z.coerce.number().int().positive() }),
])

export async function action({ params, request }: ActionFunctionArgs) {
  const admin = requireRole(request, 'admin')
  const lang = requireLanguage(params)
  const parsed = UserActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'invalidRequest' }, { status: 400 })
  const input = parsed.data
  const target = getUserById(input.userId)
  if (!target) return data({ error: 'userNotFound' }, { status: 404 })
  // An admin cannot demote or lock out themselves, so the installation always keeps an active admin.
  if (target.id === admin.id && (input.intent !== 'role' || input.role !== 'admin')) {
    return data({ error: 'notYourself' }, { status: 400 })
  }
  const url = new URL(request.url)
  const back = `/${lang}/admin${boundedSearch(url.search)}`
  if (input.intent === 'role') {
    if (input.role === target.role) return redirectWithFlash(back, 'roleChanged')
    atomically((tx) => {
      setUserRole(target.id, input.role)
      recordAuditEvent(
        {
          actorId: admin.id,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: target.id,
          details: { from: target.role, to: input.role },
        },
        tx,
      )
    })
    return redirectWithFlash(back, 'roleChanged')
  }
  const isActive = input.intent === 'reactivate'
  atomically((tx) => {
    setUserActive(target.id, isActive)
    recordAuditEvent(
      {
        actorId: admin.id,
        action: isActive ? 'user.reactivated' : 'user.deactivated',
        targetType: 'user',
        targetId: target.id,
      },
      tx,
    )
  })
  return redirectWithFlash(back, isActive ? 'userReactivated' : 'userDeactivated')
}

export default function AdminUsers() {
  const { lang, rows, total, page, pageSize, selfId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['admin', 'common'])
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <FormError>{actionData?.error ? t(`users.errors.${actionData.error}`) : null}</FormError>
      <p className="muted">{t('users.count', { total: formatNumber(total, lang) })}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.parliament')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.since')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} data-testid={`user-${u.email}`}>
                <th scope="row">{u.name}</th>
                <td>
                  <bdi dir="ltr">{u.email}</bdi>
                </td>
                <td>
                  {u.parliamentNameEn || u.parliamentNameAr ? (
                    <BilingualText en={u.parliamentNameEn} ar={u.parliamentNameAr} lang={lang} />
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="userId" value={u.id} />
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      {t('users.roleFor', { name: u.name })}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                      {(['member', 'coordinator', 'admin'] as const).map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`, { ns: 'common' })}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button button--small">
                      {t('users.changeRole')}
                    </button>
                  </Form>
                </td>
                <td>
                  <span className={u.isActive ? 'badge badge--ok' : 'badge'}>
                    {u.isActive ? t('users.active') : t('users.inactive')}
                  </span>{' '}
                  {u.id === selfId ? null : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value={u.isActive ? 'deactivate' : 'reactivate'} />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="button button--small button--quiet">
                        {u.isActive ? t('users.deactivate') : t('users.reactivate')}
                        <span className="visually-hidden"> {u.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
                <td>{formatDate(new Date(u.createdAt), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  )
}
