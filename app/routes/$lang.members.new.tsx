import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MemberForm } from '~/features/network/member-form'
import { recordAuditEvent } from '~/utils/audit.server'
import { createMember, getMemberByUserId } from '~/features/network/member.server'
import { listParliamentOptions, parliamentExists } from '~/features/network/parliament.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import type { SessionUser } from '~/utils/session.server'
import { MemberFormSchema } from '~/features/network/member-schemas'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta

/**
 * Coordinators add anyone's profile. A member creates their own, once, in the parliament of their account
 * (never one they post); a member with a profile is sent to edit it.
 */
function whoCreates(user: SessionUser, lang: string) {
  if (hasRole(user, 'coordinator')) return { kind: 'coordinator' as const }
  const own = getMemberByUserId(user.id)
  if (own) throw redirect(`/${lang}/members/${own.id}/edit`)
  return { kind: 'self' as const, parliamentId: user.parliamentId }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const who = whoCreates(user, lang)
  return {
    lang,
    who,
    defaultName: who.kind === 'self' ? user.name : '',
    parliaments: who.kind === 'coordinator' ? listParliamentOptions(lang) : null,
    title: pageTitle(lang, who.kind === 'self' ? 'form.ownTitle' : 'form.addTitle', 'members'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const who = whoCreates(user, lang)
  const submission = parseWithZod(await request.formData(), { schema: MemberFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { parliamentId: posted, isFocalPoint, gender, ...input } = submission.value
  const parliamentId = who.kind === 'coordinator' ? posted : who.parliamentId
  if (!parliamentId || !parliamentExists(parliamentId)) {
    return data({ result: submission.reply({ fieldErrors: { parliamentId: ['invalidChoice'] } }) }, { status: 400 })
  }
  // The change and its audit row commit together.
  const { id } = atomically((tx) => {
    const created = createMember({
      ...input,
      gender: gender ?? null,
      parliamentId,
      isFocalPoint: who.kind === 'coordinator' ? isFocalPoint : false,
      userId: who.kind === 'self' ? user.id : null,
    })
    recordAuditEvent({ actorId: user.id, action: 'member.created', targetType: 'member', targetId: created.id }, tx)
    return created
  })
  return redirectWithFlash(`/${lang}/members/${id}`, 'profileSaved')
}

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
