import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MechanismForm, type ParliamentChoice } from '~/features/network/mechanism-form'
import { recordAuditEvent } from '~/utils/audit.server'
import { canEditMechanism, getMechanism, updateMechanism } from '~/features/network/mechanism.server'
import { getParliamentName, listParliamentOptions, parliamentExists } from '~/features/network/parliament.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import type { SessionUser } from '~/utils/session.server'
import {
  MechanismCoordinatorFormSchema,
  MechanismFormSchema,
  type MechanismInput,
} from '~/features/network/mechanism-schemas'
import styles from '~/styles/mechanisms.css?url'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** The mechanism, if this user may edit it: 404 when there is none, 403 when it is another parliament's. */
function requireEditableMechanism(idParam: string | undefined, user: SessionUser) {
  const id = Number(idParam)
  const found = Number.isSafeInteger(id) && id > 0 ? getMechanism(id) : undefined
  if (!found) throw new Response('Not Found', { status: 404 })
  if (!canEditMechanism(user, found)) throw new Response('Forbidden', { status: 403 })
  return found
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const m = requireEditableMechanism(params.id, user)
  // Coordinators may move a mechanism to the right parliament; a member's stays with their own.
  const choice: ParliamentChoice = hasRole(user, 'coordinator')
    ? { mode: 'choose', options: listParliamentOptions(lang) }
    : { mode: 'fixed', parliament: getParliamentName(m.parliamentId)! }
  return {
    lang,
    choice,
    defaultValue: {
      parliamentId: String(m.parliamentId),
      kind: m.kind,
      nameEn: m.nameEn,
      nameAr: m.nameAr,
      descriptionEn: m.descriptionEn,
      descriptionAr: m.descriptionAr,
      year: m.year == null ? '' : String(m.year),
      url: m.url ?? '',
      pillars: m.pillars.map(String),
    },
    title: pageTitle(lang, 'form.editTitle', 'mechanisms'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const m = requireEditableMechanism(params.id, user)
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
    // A member cannot move a mechanism: its parliament stays, whatever the form says.
    const submission = parseWithZod(formData, { schema: MechanismFormSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    toSave = { input: submission.value, parliamentId: m.parliamentId }
  }
  atomically((tx) => {
    updateMechanism(m.id, toSave.input, { parliamentId: toSave.parliamentId })
    recordAuditEvent(
      {
        actorId: user.id,
        action: 'mechanism.updated',
        targetType: 'mechanism',
        targetId: m.id,
        details: toSave.parliamentId === m.parliamentId ? undefined : { from: m.parliamentId, to: toSave.parliamentId },
      },
      tx,
    )
  })
  return redirectWithFlash(`/${lang}/mechanisms?parliament=${toSave.parliamentId}#mechanism-${m.id}`, 'mechanismSaved')
}

export default function EditMechanism() {
  const { lang, choice, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mechanisms')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/mechanisms`}>{t('list.title')}</Link>
      </p>
      <h1>{t('form.editTitle')}</h1>
      <MechanismForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        parliament={choice}
        lang={lang}
        submitLabel={t('form.save')}
      />
    </div>
  )
}
