import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from '~/utils/zod'
import { FormError } from '~/components/status-message'
import { Field } from '~/components/ui/field'
import { LoginFormSchema } from '~/features/accounts/schemas'
import { recordFailedLogin, recordLogin } from '~/features/accounts/sign-in.server'
import { verifyLogin } from '~/features/accounts/user.server'
import { getUser, safeRedirectPath } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatNumber } from '~/utils/format'
import { useErrorText } from '~/utils/forms'
import { clientIp, requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { consume, refund, reset } from '~/utils/rate-limit.server'

export const meta = titleMeta

// A document response carries only what this returns: without it the throttle's Retry-After never left the server.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), `/${lang}/account`)
  if (getUser(request)) throw redirectWithFlash(redirectTo, 'signedIn')
  return { lang, redirectTo, title: pageTitle(lang, 'login.title', 'auth') }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: LoginFormSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }), retryAfter: 0 }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const ip = clientIp(context)

  // Counted before the password is checked, in one step: a burst sent at once gets no more checks than the limit.
  // The address is counted only for attempts its account lets through, so that it counts password checks.
  let wait = await consume('loginAccount', email)
  if (wait === 0) {
    wait = await consume('loginIp', ip)
    if (wait > 0) await refund('loginAccount', email)
  }
  if (wait > 0) {
    return data(
      { result: submission.reply({ formErrors: ['throttled'], hideFields: ['password'] }), retryAfter: wait },
      { status: 429, headers: { 'Retry-After': String(wait) } },
    )
  }

  const user = await verifyLogin(email, password)
  if (!user) {
    recordFailedLogin(email)
    // One message for an unknown email and a wrong password, so neither can be probed.
    return data(
      { result: submission.reply({ formErrors: ['invalidCredentials'], hideFields: ['password'] }), retryAfter: 0 },
      { status: 400 },
    )
  }

  // The owner proved the password: their account starts afresh, and this address gets its attempt back.
  await Promise.all([reset('loginAccount', email), refund('loginIp', ip)])
  return redirectWithFlash(safeRedirectPath(redirectTo, `/${lang}/account`), 'signedIn', {
    headers: { 'Set-Cookie': recordLogin(user.id) },
  })
}

export const handle = { i18n: ['auth'] }

export default function Login() {
  const { lang, redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('auth')
  const errorText = useErrorText()
  const [form, fields] = useForm<z.input<typeof LoginFormSchema>>({
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  const formError = form.errors?.[0]
  const minutes = Math.max(1, Math.ceil((actionData?.retryAfter ?? 0) / 60))
  return (
    <div className="page narrow">
      <h1>{t('login.title')}</h1>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError id={form.errorId}>
          {formError ? t(`login.${formError}`, { minutes: formatNumber(minutes, lang) }) : null}
        </FormError>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t('fields.email')}
          errors={errorText(fields.email.errors)}
          inputProps={{
            ...getInputProps(fields.email, { type: 'email' }),
            autoComplete: 'email',
            dir: 'ltr',
          }}
        />
        <Field
          label={t('fields.password')}
          errors={errorText(fields.password.errors)}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }}
        />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </button>
      </Form>
      <p>
        <Link to={`/${lang}/forgot-password`}>{t('login.forgot')}</Link>
      </p>
      <p className="muted">{t('login.invitationOnly')}</p>
    </div>
  )
}
