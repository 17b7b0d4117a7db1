import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from '~/utils/zod'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { Field } from '~/components/ui/field'
import { LanguageField } from '~/features/accounts/language-field'
import { NewPasswordFields } from '~/features/accounts/new-password-fields'
import { ChangePasswordFormSchema, ProfileFormSchema } from '~/features/accounts/schemas'
import { changePassword, getUserById, updateProfile, verifyLogin } from '~/features/accounts/user.server'
import { getMemberByUserId } from '~/features/network/member.server'
import { getParliamentName } from '~/features/network/parliament.server'
import { surveysToAnswerNotice } from '~/features/surveys'
import { SurveysToAnswer } from '~/features/surveys/components/answer-pending'
import { requireUser, startSession } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import type { SessionUser } from '~/utils/session.server'
import { consume, reset } from '~/utils/rate-limit.server'

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
    surveysToAnswer: surveysToAnswerNotice(lang, user),
    title: pageTitle(lang, 'account.title', 'auth'),
  }
}

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('profile') }),
  z.object({ intent: z.literal('password') }),
])

type IntentInput = { lang: Language; sessionUser: SessionUser; formData: FormData }

async function changeOwnPassword({ lang, sessionUser, formData }: IntentInput) {
  const submission = parseWithZod(formData, { schema: ChangePasswordFormSchema })
  const hidden = { hideFields: ['currentPassword', 'password', 'confirmPassword'] }
  const refuse = (error: string, status: number) =>
    data(
      {
        intent: 'password' as const,
        result: submission.reply({ fieldErrors: { currentPassword: [error] }, ...hidden }),
      },
      { status },
    )
  if (submission.status !== 'success') {
    return data({ intent: 'password' as const, result: submission.reply(hidden) }, { status: 400 })
  }
  // Checking the current password is a sign-in's check: it shares the account's limit, so a borrowed session
  // cannot guess the password (which would let it lock the owner out) at any speed.
  if ((await consume('loginAccount', sessionUser.email)) > 0) return refuse('passwordChecksThrottled', 429)
  if (!(await verifyLogin(sessionUser.email, submission.value.currentPassword))) {
    return refuse('currentPasswordWrong', 400)
  }
  await reset('loginAccount', sessionUser.email)
  // Every session of this user ends (other browsers included); this browser gets a fresh one.
  await changePassword(sessionUser.id, submission.value.password)
  return redirectWithFlash(`/${lang}/account`, 'passwordChanged', {
    headers: { 'Set-Cookie': startSession(sessionUser.id) },
  })
}

function saveProfile({ lang, sessionUser, formData }: IntentInput) {
  const submission = parseWithZod(formData, { schema: ProfileFormSchema })
  if (submission.status !== 'success') {
    return data({ intent: 'profile' as const, result: submission.reply() }, { status: 400 })
  }
  updateProfile(sessionUser.id, submission.value)
  return redirectWithFlash(`/${lang}/account`, 'profileSaved')
}

const handlers = { profile: saveProfile, password: changeOwnPassword } satisfies Record<
  z.output<typeof IntentSchema>['intent'],
  (input: IntentInput) => unknown
>

export async function action({ params, request }: ActionFunctionArgs) {
  const sessionUser = requireUser(request)
  const lang = requireLanguage(params)
  const formData = await request.formData()
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  return handlers[parsed.data.intent]({ lang, sessionUser, formData })
}

export const handle = { i18n: ['auth'] }

export default function Account() {
  const { lang, user, parliament, profileId, surveysToAnswer } = useLoaderData<typeof loader>()
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
      <SurveysToAnswer notice={surveysToAnswer} />

      <section aria-labelledby="profile-title" className="panel">
        <h2 id="profile-title">{t('account.profileTitle')}</h2>
        <Form method="post" {...getFormProps(profileForm)} noValidate className="stack">
          <input type="hidden" name="intent" value="profile" />
          <Field
            label={t('fields.name')}
            errors={errorText(profile.name.errors)}
            inputProps={{ ...getInputProps(profile.name, { type: 'text' }), autoComplete: 'name' }}
          />
          <LanguageField field={profile.locale} label={t('account.language')} />
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
