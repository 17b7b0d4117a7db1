import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from '~/utils/zod'
import { BilingualText } from '~/components/bilingual-text'
import { Pagination } from '~/components/pagination'
import { FormError } from '~/components/status-message'
import { requireAdmin, requireAdminListing } from '~/features/admin/access.server'
import { DataTable } from '~/components/ui/data-table'
import { errorKey, type AdminError } from '~/features/admin/errors'
import { changeUserActive, changeUserRole, listUsers, USERS_PAGE_SIZE } from '~/features/admin/users.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatDate, formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { boundedSearch } from '~/utils/query-string'
import { roles } from '~/utils/vocabulary'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const { admin, lang, page } = requireAdminListing({ params, request })
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

const refuse = (error: AdminError) => data({ error }, { status: error === 'userNotFound' ? 404 : 400 })

export async function action({ params, request }: ActionFunctionArgs) {
  const admin = requireAdmin(request)
  const lang = requireLanguage(params)
  const parsed = UserActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return refuse('invalidRequest')
  const input = parsed.data
  const back = `/${lang}/admin${boundedSearch(new URL(request.url).search)}`
  if (input.intent === 'role') {
    const changed = changeUserRole(admin, input.userId, input.role)
    return changed.ok ? redirectWithFlash(back, 'roleChanged') : refuse(changed.error)
  }
  const isActive = input.intent === 'reactivate'
  const changed = changeUserActive(admin, input.userId, isActive)
  if (!changed.ok) return refuse(changed.error)
  return redirectWithFlash(back, isActive ? 'userReactivated' : 'userDeactivated')
}

export const handle = { i18n: ['admin'] }

export default function AdminUsers() {
  const { lang, rows, total, page, pageSize, selfId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['admin', 'common'])
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <FormError>{actionData?.error ? t(errorKey(actionData.error)) : null}</FormError>
      <p className="muted">{t('users.count', { total: formatNumber(total, lang) })}</p>
      <DataTable
        columns={[
          t('users.name'),
          t('users.email'),
          t('users.parliament'),
          t('users.role'),
          t('users.status'),
          t('users.since'),
        ]}
      >
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
                  {roles.map((r) => (
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
      </DataTable>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  )
}
