import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MechanismForm, type ParliamentChoice } from '~/features/network/mechanism-form'
import { recordAuditEvent } from '~/utils/audit.server'
import { createMechanism } from '~/features/network/mechanism.server'
import { getParliamentName, listParliamentOptions, parliamentExists } from '~/features/network/parliament.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import type { SessionUser } from '~/utils/session.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import {
  MechanismCoordinatorFormSchema,
  MechanismFormSchema,
  type MechanismInput,
} from '~/features/network/mechanism-schemas'
import styles from '~/styles/mechanisms.css?url'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/**
 * Coordinators choose the parliament; a member adds to their own, from the account and never from the form;
 * a member with no parliament cannot add (null).
 */
function parliamentChoice(user: Pick<SessionUser, 'role' | 'parliamentId'>, lang: Language): ParliamentChoice | null {
  if (hasRole(user, 'coordinator')) return { mode: 'choose', options: listParliamentOptions(lang) }
  const own = user.parliamentId ? getParliamentName(user.parliamentId) : undefined
  return own ? { mode: 'fixed', parliament: own } : null
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const choice = parliamentChoice(user, lang)
  // `?parliament=` preselects for coordinators (a link from a parliament's page); members cannot change theirs.
  const preselect = new URL(request.url).searchParams.get('parliament') ?? ''
  const parliamentId =
    choice?.mode === 'choose' && choice.options.some((p) => String(p.id) === preselect) ? preselect : ''
  return {
    lang,
    choice,
    defaultValue: { parliamentId, kind: 'committee', pillars: [] as string[] },
    title: pageTitle(lang, 'form.addTitle', 'mechanisms'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const formData = await request.formData()
  let toSave: { input: MechanismInput; parliamentId: number }
  if (hasRole(user, 'coordinator')) {
    const submission = parseWithZod(formData, { schema: MechanismCoordinatorFormSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    const { parliamentId, ...input } = submission.value
    if (!parliamentExists(parliamentId)) {
      return data(
        { result: submission.reply({ fieldErrors: { parliamentId: ['parliamentRequired'] } }) },
        { status: 400 },
      )
    }
    toSave = { input, parliamentId }
  } else {
    // A member adds to the account's parliament; anything the form says about a parliament is ignored.
    if (!user.parliamentId || !parliamentExists(user.parliamentId)) throw new Response('Forbidden', { status: 403 })
    const submission = parseWithZod(formData, { schema: MechanismFormSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    toSave = { input: submission.value, parliamentId: user.parliamentId }
  }
  // The mechanism and its audit row commit together (a crash between them lost audit entries).
  const { id } = atomically((tx) => {
    const created = createMechanism(toSave.input, { parliamentId: toSave.parliamentId, createdById: user.id })
    recordAuditEvent(
      {
        actorId: user.id,
        action: 'mechanism.created',
        targetType: 'mechanism',
        targetId: created.id,
        details: { parliamentId: toSave.parliamentId },
      },
      tx,
    )
    return created
  })
  return redirectWithFlash(`/${lang}/mechanisms?parliament=${toSave.parliamentId}#mechanism-${id}`, 'mechanismSaved')
}

export default function NewMechanism() {
  const { lang, choice, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mechanisms')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/mechanisms`}>{t('list.title')}</Link>
      </p>
      <h1>{t('form.addTitle')}</h1>
      {choice ? (
        <>
          <p className="lead">{t('form.lead')}</p>
          <MechanismForm
            lastResult={actionData?.result}
            defaultValue={defaultValue}
            parliament={choice}
            lang={lang}
            submitLabel={t('form.save')}
          />
        </>
      ) : (
        <div className="notice">
          <h2>{t('form.noParliamentTitle')}</h2>
          <p>{t('form.noParliament')}</p>
        </div>
      )}
    </div>
  )
}
