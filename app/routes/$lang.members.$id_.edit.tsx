import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { errorKey } from '~/features/network/errors'
import { requireEditableMember } from '~/features/network/guards.server'
import { MemberForm } from '~/features/network/member-form'
import { readPhotoRefusal } from '~/features/network/member-photo.server'
import { MemberFormSchema } from '~/features/network/member-schemas'
import { updateMember } from '~/features/network/member.server'
import { listParliamentOptions } from '~/features/network/parliament.server'
import { hasRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, target: m } = requireEditableMember(request, params.id)
  const lang = requireLanguage(params)
  return {
    lang,
    id: m.id,
    photo: m.photo,
    photoError: readPhotoRefusal(new URL(request.url).searchParams.get('photoError')),
    parliaments: hasRole(user, 'coordinator') ? listParliamentOptions(lang) : null,
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
  const saved = updateMember(
    target.id,
    {
      ...input,
      gender: gender ?? null,
      ...(coordinator ? { parliamentId: parliamentId ?? target.parliamentId, isFocalPoint } : {}),
    },
    user,
  )
  if (!saved.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { parliamentId: [saved.error] } }) },
      { status: saved.error === 'invalidChoice' ? 400 : 409 },
    )
  }
  return redirectWithFlash(`/${lang}/members/${target.id}`, 'profileSaved')
}

export const handle = { i18n: ['members', 'network'] }

export default function EditMember() {
  const { lang, id, photo, photoError, values, parliaments } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('members')
  return (
    <div className="page narrow">
      <h1>{t('form.editTitle')}</h1>
      <MemberForm lastResult={actionData?.result} defaultValue={values} parliaments={parliaments} lang={lang} />
      <section aria-labelledby="photo" className="panel">
        <h2 id="photo">{t('photo.title')}</h2>
        {photo ? (
          <img className="avatar" src={`/photos/${photo}/256`} alt={t('photo.current')} width={128} height={128} />
        ) : null}
        <FormError>{photoError ? t(errorKey(photoError)) : null}</FormError>
        <Form method="post" action={`/${lang}/members/${id}/photo`} encType="multipart/form-data" className="stack">
          <div className="field">
            <label htmlFor="photo-file">{t('photo.file')}</label>
            <p className="field__hint" id="photo-hint">
              {t('photo.hint')}
            </p>
            <input
              id="photo-file"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="photo-hint"
            />
          </div>
          <button type="submit" className="button">
            {t('photo.upload')}
          </button>
        </Form>
        {photo ? (
          <Form method="post" action={`/${lang}/members/${id}/photo`} encType="multipart/form-data">
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="button button--quiet">
              {t('photo.remove')}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  )
}
