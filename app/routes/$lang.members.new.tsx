import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireMemberAuthor } from '~/features/network/guards.server'
import { MemberForm } from '~/features/network/member-form'
import { MemberFormSchema } from '~/features/network/member-schemas'
import { createMember } from '~/features/network/member.server'
import { listParliamentOptions } from '~/features/network/parliament.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { fail } from '~/utils/result'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, who } = requireMemberAuthor(request, lang)
  return {
    lang,
    who,
    defaultName: who.kind === 'self' ? user.name : '',
    parliaments: who.kind === 'coordinator' ? listParliamentOptions(lang) : null,
    title: pageTitle(lang, who.kind === 'self' ? 'form.ownTitle' : 'form.addTitle', 'members'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, who } = requireMemberAuthor(request, lang)
  const submission = parseWithZod(await request.formData(), { schema: MemberFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { parliamentId: posted, isFocalPoint, gender, ...input } = submission.value
  const parliamentId = who.kind === 'coordinator' ? posted : who.parliamentId
  const created = parliamentId
    ? createMember(
        {
          ...input,
          gender: gender ?? null,
          parliamentId,
          isFocalPoint: who.kind === 'coordinator' ? isFocalPoint : false,
          userId: who.kind === 'self' ? user.id : null,
        },
        user,
      )
    : fail('invalidChoice')
  if (!created.ok) {
    return data({ result: submission.reply({ fieldErrors: { parliamentId: [created.error] } }) }, { status: 400 })
  }
  return redirectWithFlash(`/${lang}/members/${created.value.id}`, 'profileSaved')
}

export const handle = { i18n: ['members', 'network'] }

export default function NewMember() {
  const { lang, who, defaultName, parliaments } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('members')
  if (who.kind === 'self' && !who.parliamentId) {
    return (
      <div className="page narrow">
        <h1>{t('form.ownTitle')}</h1>
        <p className="notice">{t('form.noParliament')}</p>
      </div>
    )
  }
  return (
    <div className="page narrow">
      <h1>{t(who.kind === 'self' ? 'form.ownTitle' : 'form.addTitle')}</h1>
      <MemberForm
        lastResult={actionData?.result}
        defaultValue={{ [lang === 'ar' ? 'nameAr' : 'nameEn']: defaultName, position: 'member', visibility: 'public' }}
        parliaments={parliaments}
        lang={lang}
      />
    </div>
  )
}
