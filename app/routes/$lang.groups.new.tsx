import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GroupForm } from '~/features/groups/components/group-form'
import { withDone } from '~/features/groups/done'
import { createGroup } from '~/features/groups/group.server'
import { GroupFormSchema } from '~/features/groups/group-schemas'
import { requireGroupCreator } from '~/features/groups/guards.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireGroupCreator(request)
  const lang = requireLanguage(params)
  return { lang, title: pageTitle(lang, 'new.title', 'groups') }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireGroupCreator(request)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: GroupFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const created = createGroup(submission.payload, user)
  if (!created.ok) return data({ result: submission.reply({ formErrors: [created.error] }) }, { status: 400 })
  return redirect(withDone(`/${lang}/groups/${created.value.id}`, 'groupCreated'), 303)
}

export const handle = { i18n: ['groups'] }

export default function NewGroup() {
  const { lang } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('groups')
  return (
    <div className="page narrow groups-new">
      <p className="breadcrumb">
        <Link to={`/${lang}/groups`}>{t('list.title')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.lead')}</p>
      <GroupForm
        lastResult={actionData?.result}
        defaultValue={{ nameEn: '', nameAr: '', purposeEn: '', purposeAr: '', access: 'closed' }}
        submitLabel={t('new.create')}
        cancelTo={`/${lang}/groups`}
      />
    </div>
  )
}
