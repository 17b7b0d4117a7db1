import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { DraftForm } from '~/features/drafts/components/draft-form'
import { WorkingGroup } from '~/features/drafts/components/list-working-group'
import { addEditor, removeEditor, updateDraft, type DraftDetail } from '~/features/drafts/draft.server'
import type { DraftsError } from '~/features/drafts/errors'
import { requireDraftManager } from '~/features/drafts/guards.server'
import { listDraftPeople, redirectWithListFlash } from '~/features/drafts/list.server'
import { DraftSchema } from '~/features/drafts/schemas'
import { isFinalStage } from '~/features/drafts/stages'
import { listParliamentOptions } from '~/features/network'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { z } from '~/utils/zod'
import styles from '~/styles/drafts-list.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** The form's first values: the draft's fields as the form holds them (strings). */
function valuesOf(d: DraftDetail) {
  return {
    kind: d.kind,
    titleEn: d.titleEn,
    titleAr: d.titleAr,
    summaryEn: d.summaryEn,
    summaryAr: d.summaryAr,
    originalLanguage: d.originalLanguage,
    coordinatorId: d.coordinatorId ? String(d.coordinatorId) : '',
    leadParliamentIds: d.leadParliamentIds.map(String),
    pillars: d.pillars.map(String),
    resolutions: d.resolutions,
    themes: d.themes,
    visibility: d.visibility,
    consultationScope: d.consultationScope,
  }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { draft: d } = requireDraftManager(request, params.id)
  const people = listDraftPeople()
  const known = new Map(people.editors.map((p) => [p.id, p]))
  const inGroup = new Set(d.editorIds)
  return {
    lang,
    id: d.id,
    titleEn: d.titleEn,
    titleAr: d.titleAr,
    closed: isFinalStage(d.stage),
    parliaments: listParliamentOptions(lang),
    coordinators: people.coordinators,
    candidates: people.editors.filter((p) => !inGroup.has(p.id)),
    editors: d.editors.map((e) => ({
      id: e.id,
      name: e.name,
      isActive: e.isActive,
      parliamentNameEn: known.get(e.id)?.parliamentNameEn ?? null,
      parliamentNameAr: known.get(e.id)?.parliamentNameAr ?? null,
    })),
    inCharge: d.coordinator?.name ?? null,
    defaultValue: valuesOf(d),
    title: pageTitle(lang, 'form.editTitle', 'drafts'),
  }
}

function fieldOf(code: DraftsError) {
  if (code === 'leadRequired' || code === 'parliamentUnknown') return 'leadParliamentIds'
  if (code === 'coordinatorUnknown') return 'coordinatorId'
  if (code === 'titleOneLanguage') return 'titleEn'
  return ''
}

const IntentSchema = z.object({ intent: z.enum(['save', 'addEditor', 'removeEditor']) })

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, draft: d } = requireDraftManager(request, params.id)
  const formData = await request.formData()
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const { intent } = parsed.data
  const back = `/${lang}/drafts/${d.id}/edit`
  if (intent === 'save') {
    // The working group has its own forms: a forged editorIds here adds nobody.
    formData.delete('editorIds')
    const submission = parseWithZod(formData, { schema: DraftSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply(), group: null }, 400)
    const saved = updateDraft(d, submission.value, user)
    if (!saved.ok) {
      const field = fieldOf(saved.error)
      const result = field
        ? submission.reply({ fieldErrors: { [field]: [saved.error] } })
        : submission.reply({ formErrors: [saved.error] })
      return data({ intent, result, group: null }, 400)
    }
    return redirectWithListFlash(`/${lang}/drafts/${d.id}`, 'draftSaved')
  }
  const userId = String(formData.get('userId') ?? '').slice(0, 20)
  const changed = intent === 'addEditor' ? addEditor(d, { userId }, user) : removeEditor(d, { userId }, user)
  if (!changed.ok) {
    return data({ intent, result: undefined, group: { intent, code: changed.error, userId } }, 400)
  }
  return redirectWithListFlash(back, intent === 'addEditor' ? 'draftEditorAdded' : 'draftEditorRemoved')
}

export const handle = { i18n: ['drafts', 'network', 'library'] }

export default function EditDraft() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('drafts')
  const { lang, id } = loaded
  return (
    <div className="page narrow drafts-edit">
      <p className="breadcrumb">
        <Link to={`/${lang}/drafts/${id}`}>
          <BilingualText en={loaded.titleEn} ar={loaded.titleAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('form.editTitle')}</h1>
      {loaded.closed ? (
        <p className="notice" role="note">
          {t('group.closed')}
        </p>
      ) : (
        <>
          <p className="lead">{t('form.editLead')}</p>
          <DraftForm
            lastResult={actionData?.intent === 'save' ? actionData.result : undefined}
            defaultValue={loaded.defaultValue}
            lang={lang}
            parliaments={loaded.parliaments}
            coordinators={loaded.coordinators}
            intent="save"
            submitLabel={t('form.save')}
            cancelTo={`/${lang}/drafts/${id}`}
          />
        </>
      )}
      <WorkingGroup
        lang={lang}
        inCharge={loaded.inCharge}
        editors={loaded.editors}
        candidates={loaded.candidates}
        error={actionData?.group ?? null}
        closed={loaded.closed}
      />
    </div>
  )
}
