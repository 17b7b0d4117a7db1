import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { FormError } from '~/components/status-message'
import { NewPasswordFields } from '~/features/accounts/new-password-fields'
import { resetPassword } from '~/features/accounts/password-reset.server'
import { findValidToken } from '~/features/accounts/token.server'
import { startSession } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { ResetPasswordFormSchema } from '~/features/accounts/schemas'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const valid = Boolean(findValidToken('password_reset', params.token ?? ''))
  return data({ lang, valid, title: pageTitle(lang, 'reset.title', 'auth') }, { status: valid ? 200 : 410 })
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordFormSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirmPassword'] }) }, { status: 400 })
  }
  const userId = await resetPassword(params.token ?? '', submission.value.password)
  if (!userId) {
    return data(
      { result: submission.reply({ formErrors: ['linkInvalid'], hideFields: ['password', 'confirmPassword'] }) },
      { status: 410 },
    )
  }
  return redirectWithFlash(`/${lang}/account`, 'passwordChanged', { headers: { 'Set-Cookie': startSession(userId) } })
}

export default function ResetPassword() {
  const { lang, valid } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const [form, fields] = useForm<z.input<typeof ResetPasswordFormSchema>>({
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  if (!valid) {
    return (
      <div className="page narrow">
        <h1>{t('reset.title')}</h1>
        <p role="alert">{t('reset.linkInvalid')}</p>
        <p>
          <Link to={`/${lang}/forgot-password`}>{t('reset.askAgain')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="page narrow">
      <h1>{t('reset.title')}</h1>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError id={form.errorId}>{form.errors?.[0] ? t(`reset.${form.errors[0]}`) : null}</FormError>
        <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
        <button type="submit" className="button">
          {t('reset.submit')}
        </button>
      </Form>
    </div>
  )
}
