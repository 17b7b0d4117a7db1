import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { FormError, StatusMessage } from '~/components/status-message'
import { Field } from '~/components/ui/field'
import { requestPasswordReset } from '~/features/accounts/password-reset.server'
import { ForgotPasswordFormSchema } from '~/features/accounts/schemas'
import { useErrorText } from '~/utils/forms'
import { clientIp, requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { consume } from '~/utils/rate-limit.server'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  return { title: pageTitle(lang, 'forgot.title', 'auth') }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordFormSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), sent: false }, { status: 400 })
  }
  const { email } = submission.value
  const waitIp = await consume('resetIp', clientIp(context))
  if (waitIp > 0) {
    return data({ result: submission.reply({ formErrors: ['throttled'] }), sent: false }, { status: 429 })
  }
  // The same answer whether or not the address has an account, so it cannot be probed.
  await requestPasswordReset(email)
  return { result: submission.reply({ resetForm: true }), sent: true }
}

export const handle = { i18n: ['auth'] }

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const errorText = useErrorText()
  const [form, fields] = useForm<z.input<typeof ForgotPasswordFormSchema>>({
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="page narrow">
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      {actionData?.sent ? <StatusMessage>{t('forgot.sent')}</StatusMessage> : null}
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError id={form.errorId}>{form.errors?.[0] ? t(`forgot.${form.errors[0]}`) : null}</FormError>
        <Field
          label={t('fields.email')}
          errors={errorText(fields.email.errors)}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', dir: 'ltr' }}
        />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t('fields.website')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="button">
          {t('forgot.submit')}
        </button>
      </Form>
    </div>
  )
}
