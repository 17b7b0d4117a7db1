import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { NewPasswordFields } from '~/features/accounts/new-password-fields'
import { Field, SelectField } from '~/components/ui/field'
import { recordAuditEvent } from '~/utils/audit.server'
import { changePassword, getUserById, updateProfile, verifyLogin } from '~/features/accounts/user.server'
import { requireUser, startSession } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { consume, reset } from '~/utils/rate-limit.server'
import { getMemberByUserId } from '~/features/network/member.server'
import { getParliamentName } from '~/features/network/parliament.server'
import { ChangePasswordFormSchema, ProfileFormSchema } from '~/features/accounts/schemas'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const sessionUser = requireUser(request)
  const lang = requireLanguage(params)
  const user = getUserById(sessionUser.id)!
  const parliament = user.parliamentId ? (getParliamentName(user.parliamentId) ?? null) : null
  const profile = getMemberByUserId(user.id) ?? null
  return {
    lang,
    user: { name: user.name, email: user.email, role: user.role, locale: user.locale },
    parliament,
    profileId: profile?.id ?? null,
    title: pageTitle(lang, 'account.title', 'auth'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const sessionUser = requireUser(request)
  const lang = requireLanguage(params)
  const formData = await request.formData()
  if (formData.get('intent') === 'password') {
    const submission = parseWithZod(formData, { schema: ChangePasswordFormSchema })
    const hidden = { hideFields: ['currentPassword', 'password', 'confirmPassword'] }
    if (submission.status !== 'success') {
      return data({ intent: 'password', result: submission.reply(hidden) }, { status: 400 })
    }
    // Checking the current password is a sign-in's check: it shares the account's limit, so a borrowed session
    // cannot guess the password (which would let it lock the owner out) at any speed.
    if ((await consume('loginAccount', sessionUser.email)) > 0) {
      return data(
        {
          intent: 'password',
          result: submission.reply({ fieldErrors: { currentPassword: ['passwordChecksThrottled'] }, ...hidden }),
        },
        { status: 429 },
      )
    }
    const verified = await verifyLogin(sessionUser.email, submission.value.currentPassword)
    if (!verified) {
      return data(
        {
          intent: 'password',
          result: submission.reply({ fieldErrors: { currentPassword: ['currentPasswordWrong'] }, ...hidden }),
        },
        { status: 400 },
      )
    }
    await reset('loginAccount', sessionUser.email)
    // Every session of this user ends (other browsers included); this browser gets a fresh one.
    await changePassword(sessionUser.id, submission.value.password)
    return redirectWithFlash(`/${lang}/account`, 'passwordChanged', {
      headers: { 'Set-Cookie': startSession(sessionUser.id) },
    })
  }
  const submission = parseWithZod(formData, { schema: ProfileFormSchema })
  if (submission.status !== 'success') {
    return data({ intent: 'profile', result: submission.reply() }, { status: 400 })
  }
  atomically((tx) => {
    updateProfile(sessionUser.id, submission.value)
    recordAuditEvent(
      { actorId: sessionUser.id, action: 'profile.updated', targetType: 'user', targetId: sessionUser.id },
      tx,
    )
  })
  return redirectWithFlash(`/${lang}/account`, 'profileSaved')
}

export default function Account() {
  const { lang, user, parliament, profileId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['auth', 'common'])
  const errorText = useErrorText()
  const [profileForm, profile] = useForm<z.input<typeof ProfileFormSchema>>({
    id: 'profile',
    lastResult: actionData?.intent === 'profile' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
    defaultValue: { name: user.name, locale: user.locale },
  })
  const [passwordForm, pw] = useForm<z.input<typeof ChangePasswordFormSchema>>({
    id: 'password',
    lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="page narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>
            <bdi dir="ltr">{user.email}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{t(`roles.${user.role}`, { ns: 'common' })}</dd>
        </div>
        <div>
          <dt>{t('account.parliament')}</dt>
          <dd>{parliament ? <BilingualText en={parliament.nameEn} ar={parliament.nameAr} lang={lang} /> : '—'}</dd>
        </div>
      </dl>
      {user.role === 'member' ? (
        <p>
          {profileId ? (
            <Link to={`/${lang}/members/${profileId}`}>{t('account.networkProfile')}</Link>
          ) : (
            <Link className="button button--quiet" to={`/${lang}/members/new`}>
              {t('account.createProfile')}
            </Link>
          )}
        </p>
      ) : null}

      <section aria-labelledby="profile-title" className="panel">
        <h2 id="profile-title">{t('account.profileTitle')}</h2>
        <Form method="post" {...getFormProps(profileForm)} noValidate className="stack">
          <input type="hidden" name="intent" value="profile" />
          <Field
            label={t('fields.name')}
            errors={errorText(profile.name.errors)}
            inputProps={{ ...getInputProps(profile.name, { type: 'text' }), autoComplete: 'name' }}
          />
          <SelectField
            id={profile.locale.id}
            name={profile.locale.name}
            label={t('account.language')}
            defaultValue={profile.locale.initialValue as string}
            errors={errorText(profile.locale.errors)}
            options={[
              { value: 'en', label: 'English' },
              { value: 'ar', label: 'العربية' },
            ]}
          />
          <button type="submit" className="button">
            {t('account.saveProfile')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="password-title" className="panel">
        <h2 id="password-title">{t('account.passwordTitle')}</h2>
        <p className="muted">{t('account.passwordNote')}</p>
        <Form method="post" {...getFormProps(passwordForm)} noValidate className="stack">
          <FormError id={passwordForm.errorId}>{null}</FormError>
          <input type="hidden" name="intent" value="password" />
          <Field
            label={t('fields.currentPassword')}
            errors={errorText(pw.currentPassword.errors)}
            inputProps={{
              ...getInputProps(pw.currentPassword, { type: 'password' }),
              autoComplete: 'current-password',
            }}
          />
          <NewPasswordFields password={pw.password} confirmPassword={pw.confirmPassword} />
          <button type="submit" className="button">
            {t('account.changePassword')}
          </button>
        </Form>
      </section>
    </div>
  )
}
