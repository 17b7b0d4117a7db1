import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { FormError } from '~/components/status-message'
import { NewPasswordFields } from '~/features/accounts/new-password-fields'
import { Field } from '~/components/ui/field'
import { errorKey } from '~/features/accounts/errors'
import { acceptInvitation } from '~/features/accounts/invitation.server'
import { LinkGone } from '~/features/accounts/link-gone'
import { findValidToken } from '~/features/accounts/token.server'
import { startSession } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { AcceptInvitationFormSchema } from '~/features/accounts/schemas'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const invitation = findValidToken('invitation', params.token ?? '')
  return data(
    { email: invitation?.email ?? null, title: pageTitle(lang, 'accept.title', 'auth') },
    { status: invitation ? 200 : 410 },
  )
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: AcceptInvitationFormSchema })
  const hidden = { hideFields: ['password', 'confirmPassword'] }
  if (submission.status !== 'success') {
    return data({ result: submission.reply(hidden) }, { status: 400 })
  }
  const result = await acceptInvitation(params.token ?? '', submission.value)
  if (!result.ok) {
    return data({ result: submission.reply({ formErrors: [errorKey(result.error)], ...hidden }) }, { status: 410 })
  }
  const user = result.value
  return redirectWithFlash(`/${user.locale ?? lang}/account`, 'welcome', {
    headers: { 'Set-Cookie': startSession(user.id) },
  })
}

export const handle = { i18n: ['auth'] }

export default function AcceptInvitation() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const errorText = useErrorText()
  const [form, fields] = useForm<z.input<typeof AcceptInvitationFormSchema>>({
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  if (!email) return <LinkGone title={t('accept.title')} message={t('accept.invalid')} />
  return (
    <div className="page narrow">
      <h1>{t('accept.title')}</h1>
      <p>
        {t('accept.intro')} <strong dir="ltr">{email}</strong>
      </p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError id={form.errorId}>{form.errors?.[0] ? t(form.errors[0]) : null}</FormError>
        <Field
          label={t('fields.name')}
          errors={errorText(fields.name.errors)}
          inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
        />
        <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
        <button type="submit" className="button">
          {t('accept.submit')}
        </button>
      </Form>
    </div>
  )
}
