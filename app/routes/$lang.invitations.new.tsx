import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { FormError } from '~/components/status-message'
import { Field, SelectField } from '~/components/ui/field'
import { invitableRoles, requireInviter } from '~/features/accounts/access.server'
import { hasPendingInvitation, inviteUser } from '~/features/accounts/invitation.server'
import { LanguageField } from '~/features/accounts/language-field'
import { InvitationFormSchema } from '~/features/accounts/schemas'
import { getUserByEmail } from '~/features/accounts/user.server'
import { listParliamentOptions, parliamentExists } from '~/features/network/parliament.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { consume } from '~/utils/rate-limit.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireInviter(request)
  const lang = requireLanguage(params)
  return {
    lang,
    roles: invitableRoles(user.role),
    parliaments: listParliamentOptions(lang),
    title: pageTitle(lang, 'invite.title', 'auth'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const inviter = requireInviter(request)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), {
    schema: InvitationFormSchema.superRefine((value, ctx) => {
      if (!invitableRoles(inviter.role).includes(value.role)) {
        ctx.addIssue({ code: 'custom', path: ['role'], message: 'roleNotAllowed' })
      }
      if (value.parliamentId !== undefined && !parliamentExists(value.parliamentId)) {
        ctx.addIssue({ code: 'custom', path: ['parliamentId'], message: 'invalidChoice' })
      }
      if (getUserByEmail(value.email)) {
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'emailHasAccount' })
      } else if (hasPendingInvitation(value.email)) {
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'emailInvited' })
      }
    }),
  })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  if ((await consume('invitation', String(inviter.id))) > 0) {
    return data({ result: submission.reply({ formErrors: ['throttled'] }) }, { status: 429 })
  }
  inviteUser({ ...submission.value, parliamentId: submission.value.parliamentId ?? null }, inviter)
  return redirectWithFlash(`/${lang}/invitations/new`, 'invitationSent')
}

export const handle = { i18n: ['auth'] }

export default function NewInvitation() {
  const { lang, roles, parliaments } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['auth', 'common'])
  const errorText = useErrorText()
  const [form, fields] = useForm<z.input<typeof InvitationFormSchema>>({
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    defaultValue: { role: 'member', locale: lang },
  })
  return (
    <div className="page narrow">
      <h1>{t('invite.title')}</h1>
      <p>{t('invite.intro')}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError id={form.errorId}>{form.errors?.[0] ? t(`invite.${form.errors[0]}`) : null}</FormError>
        <Field
          label={t('fields.email')}
          errors={errorText(fields.email.errors)}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off', dir: 'ltr' }}
        />
        <SelectField
          id={fields.role.id}
          name={fields.role.name}
          label={t('invite.role')}
          defaultValue={fields.role.initialValue as string}
          errors={errorText(fields.role.errors)}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'common' }) }))}
        />
        <SelectField
          id={fields.parliamentId.id}
          name={fields.parliamentId.name}
          label={t('invite.parliament')}
          defaultValue={(fields.parliamentId.initialValue as string) ?? ''}
          errors={errorText(fields.parliamentId.errors)}
          options={[
            { value: '', label: t('invite.noParliament') },
            ...parliaments.map((p) => ({
              value: String(p.id),
              label: lang === 'ar' ? p.nameAr || p.nameEn : p.nameEn || p.nameAr,
            })),
          ]}
        />
        <LanguageField field={fields.locale} label={t('invite.language')} />
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </Form>
    </div>
  )
}
