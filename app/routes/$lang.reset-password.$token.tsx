import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { FormError } from '~/components/status-message'
import { errorKey } from '~/features/accounts/errors'
import { LinkGone } from '~/features/accounts/link-gone'
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
  const hidden = { hideFields: ['password', 'confirmPassword'] }
  if (submission.status !== 'success') return data({ result: submission.reply(hidden) }, { status: 400 })
  const reset = await resetPassword(params.token ?? '', submission.value.password)
  if (!reset.ok) {
    return data({ result: submission.reply({ formErrors: [errorKey(reset.error)], ...hidden }) }, { status: 410 })
  }
  return redirectWithFlash(`/${lang}/account`, 'passwordChanged', {
    headers: { 'Set-Cookie': startSession(reset.value) },
  })
}

export const handle = { i18n: ['auth'] }

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
      <LinkGone title={t('reset.title')} message={t('reset.linkInvalid')}>
        <p>
          <Link to={`/${lang}/forgot-password`}>{t('reset.askAgain')}</Link>
        </p>
      </LinkGone>
    )
  }
  return (
    <div className="page narrow">
      <h1>{t('reset.title')}</h1>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError id={form.errorId}>{form.errors?.[0] ? t(form.errors[0]) : null}</FormError>
        <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
        <button type="submit" className="button">
          {t('reset.submit')}
        </button>
      </Form>
    </div>
  )
}
