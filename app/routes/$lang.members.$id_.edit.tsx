import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MemberForm } from '~/components/member-form'
import { recordAuditEvent } from '~/models/audit.server'
import { canEditMember, getMemberForEdit, updateMember } from '~/models/member.server'
import { listParliamentOptions, parliamentExists } from '~/models/parliament.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { MemberFormSchema } from '~/validation/member'

export const meta = titleMeta

/** The profile, if this user may edit it; others get 403 (or 404 when it does not exist). */
function requireEditableMember(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const id = Number(idParam)
  const target = Number.isSafeInteger(id) && id > 0 ? getMemberForEdit(id) : undefined
  if (!target) throw new Response('Not Found', { status: 404 })
  if (!canEditMember(user, target)) throw new Response('Forbidden', { status: 403 })
  return { user, target }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, target: m } = requireEditableMember(request, params.id)
  const lang = requireLanguage(params)
  const isCoordinator = hasRole(user, 'coordinator')
  return {
    lang,
    parliaments: isCoordinator ? listParliamentOptions(lang) : null,
    values: {
      nameEn: m.nameEn,
      nameAr: m.nameAr,
      position: m.position,
      committees: m.committees,
      gender: m.gender ?? '',
      birthYear: m.birthYear ? String(m.birthYear) : '',
      languages: m.languages,
      bioEn: m.bioEn,
      bioAr: m.bioAr,
      email: m.email ?? '',
      phone: m.phone ?? '',
      website: m.website ?? '',
      visibility: m.visibility,
      parliamentId: String(m.parliamentId),
      isFocalPoint: m.isFocalPoint ? ('on' as const) : undefined,
    },
    title: pageTitle(lang, 'form.editTitle', 'members'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, target } = requireEditableMember(request, params.id)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: MemberFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { parliamentId, isFocalPoint, gender, ...input } = submission.value
  // Only coordinators move a profile to another parliament or name focal points; members cannot, whatever they post.
  const coordinator = hasRole(user, 'coordinator')
  if (coordinator && parliamentId && !parliamentExists(parliamentId)) {
    return data({ result: submission.reply({ fieldErrors: { parliamentId: ['invalidChoice'] } }) }, { status: 400 })
  }
  updateMember(target.id, {
    ...input,
    gender: gender ?? null,
    ...(coordinator ? { parliamentId: parliamentId ?? target.parliamentId, isFocalPoint } : {}),
  })
  recordAuditEvent({ actorId: user.id, action: 'member.updated', targetType: 'member', targetId: target.id })
  return redirectWithFlash(`/${lang}/members/${target.id}`, 'profileSaved')
}

export default function EditMember() {
  const { lang, values, parliaments } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('members')
  return (
    <div className="page narrow">
      <h1>{t('form.editTitle')}</h1>
      <MemberForm lastResult={actionData?.result} defaultValue={values} parliaments={parliaments} lang={lang} />
    </div>
  )
}
