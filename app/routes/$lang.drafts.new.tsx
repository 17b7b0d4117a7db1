import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AknStartFormSchema, readAknForm, startDraftFromAkn } from '~/features/drafts/akn-start.server'
import { AknStartForm, DraftForm } from '~/features/drafts/components/draft-form'
import { createDraft } from '~/features/drafts/draft.server'
import type { DraftsError } from '~/features/drafts/errors'
import { requireDraftCreator } from '~/features/drafts/guards.server'
import { listDraftPeople, redirectWithListFlash } from '~/features/drafts/list.server'
import { DraftSchema } from '~/features/drafts/schemas'
import { listParliamentOptions } from '~/features/network'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { z } from '~/utils/zod'
import styles from '~/styles/drafts-list.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireDraftCreator(request)
  const lang = requireLanguage(params)
  const people = listDraftPeople()
  return {
    lang,
    parliaments: listParliamentOptions(lang),
    coordinators: people.coordinators,
    editors: people.editors,
    defaultValue: {
      kind: 'model_law',
      originalLanguage: lang,
      coordinatorId: String(user.id),
      visibility: 'members',
      consultationScope: 'members',
    },
    title: pageTitle(lang, 'form.newTitle', 'drafts'),
  }
}

/** Where a refusal of createDraft is shown (the others are the form's own). */
function fieldOf(code: DraftsError) {
  if (code === 'leadRequired' || code === 'parliamentUnknown') return 'leadParliamentIds'
  if (code === 'coordinatorUnknown') return 'coordinatorId'
  if (code === 'userUnknown') return 'editorIds'
  if (code === 'titleOneLanguage') return 'titleEn'
  return ''
}

const IntentSchema = z.object({ intent: z.enum(['create', 'import']) })

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireDraftCreator(request)
  const lang = requireLanguage(params)
  const { formData, files, fileError } = await readAknForm(request)
  // A file too large to read leaves no form fields: it can only have been the import form.
  const intent = fileError ? 'import' : IntentSchema.safeParse({ intent: formData.get('intent') }).data?.intent
  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: DraftSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    const created = createDraft(submission.value, user)
    if (!created.ok) {
      const field = fieldOf(created.error)
      const reply = field
        ? submission.reply({ fieldErrors: { [field]: [created.error] } })
        : submission.reply({ formErrors: [created.error] })
      return data({ intent, result: reply }, { status: 400 })
    }
    return redirectWithListFlash(`/${lang}/drafts/${created.value.id}`, 'draftCreated')
  }
  if (intent === 'import') {
    if (fileError) {
      // The rest of the body was not read: the form comes back with the file's refusal only.
      const result: SubmissionResult<string[]> = { status: 'error', initialValue: {}, error: { file: [fileError] } }
      return data({ intent, result }, { status: 413, headers: { Connection: 'close' } })
    }
    const submission = parseWithZod(formData, { schema: AknStartFormSchema })
    if (submission.status !== 'success' || files.length === 0) {
      const result = submission.reply(files.length ? undefined : { fieldErrors: { file: ['fileRequired'] } })
      return data({ intent, result }, { status: 400 })
    }
    const started = startDraftFromAkn(files, submission.value, user)
    if (!started.ok) {
      const result = submission.reply({ fieldErrors: { [started.field]: [started.error] } })
      return data({ intent, result }, { status: 400 })
    }
    return redirectWithListFlash(`/${lang}/drafts/${started.value.id}`, 'draftImported')
  }
  throw new Response('Bad Request', { status: 400 })
}

export const handle = { i18n: ['drafts', 'network', 'library'] }

export default function NewDraft() {
  const { lang, parliaments, coordinators, editors, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('drafts')
  return (
    <div className="page narrow drafts-new">
      <p className="breadcrumb">
        <Link to={`/${lang}/drafts`}>{t('list.title')}</Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      <p className="lead">{t('form.newLead')}</p>
      <nav aria-label={t('form.waysLabel')} className="drafts-new__ways">
        <a href="#draft-fields">{t('form.fieldsTitle')}</a>
        <a href="#draft-from-akn">{t('form.import.title')}</a>
      </nav>
      <section aria-labelledby="draft-fields" className="drafts-new__part">
        <h2 id="draft-fields">{t('form.fieldsTitle')}</h2>
        <DraftForm
          lastResult={actionData?.intent === 'create' ? actionData.result : undefined}
          defaultValue={defaultValue}
          lang={lang}
          parliaments={parliaments}
          coordinators={coordinators}
          editors={editors}
          intent="create"
          submitLabel={t('form.create')}
          cancelTo={`/${lang}/drafts`}
        />
      </section>
      <section aria-labelledby="draft-from-akn" className="drafts-new__part">
        <h2 id="draft-from-akn">{t('form.import.title')}</h2>
        <p>{t('form.import.lead')}</p>
        <AknStartForm
          lastResult={actionData?.intent === 'import' ? actionData.result : undefined}
          defaultValue={{
            coordinatorId: defaultValue.coordinatorId,
            visibility: 'members',
            consultationScope: 'members',
          }}
          lang={lang}
          parliaments={parliaments}
          coordinators={coordinators}
        />
      </section>
    </div>
  )
}
