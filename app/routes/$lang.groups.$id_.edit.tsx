import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { GroupForm } from '~/features/groups/components/group-form'
import { withDone } from '~/features/groups/done'
import { updateGroup } from '~/features/groups/group.server'
import { GroupFormSchema } from '~/features/groups/group-schemas'
import { requireGroupEditor } from '~/features/groups/guards.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const { group } = requireGroupEditor(request, params.id)
  const lang = requireLanguage(params)
  const { id, nameEn, nameAr, purposeEn, purposeAr, access } = group
  return {
    lang,
    group: { id, nameEn, nameAr, purposeEn, purposeAr, access },
    title: pageTitle(lang, 'edit.title', 'groups'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, group } = requireGroupEditor(request, params.id)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: GroupFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = updateGroup(group, submission.payload, user)
  if (!saved.ok) return data({ result: submission.reply({ formErrors: [saved.error] }) }, { status: 400 })
  return redirect(withDone(`/${lang}/groups/${group.id}`, 'groupSaved'), 303)
}

export const handle = { i18n: ['groups'] }

export default function EditGroup() {
  const { lang, group } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('groups')
  const { id, ...values } = group
  return (
    <div className="page narrow groups-edit">
      <p className="breadcrumb">
        <Link to={`/${lang}/groups/${id}`}>
          <BilingualText en={group.nameEn} ar={group.nameAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <GroupForm
        lastResult={actionData?.result}
        defaultValue={values}
        submitLabel={t('edit.save')}
        cancelTo={`/${lang}/groups/${id}`}
      />
    </div>
  )
}
