// A draft's saved versions: the history (newest first) with each version's downloads, the form that picks two
// texts to compare, and for the working group the "save a version" form (issue 15 §4). Anyone who may see the
// draft reads the history; only editors save (the action asks again: a forged post is a 403 and writes nothing).
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { canEditDraft } from '~/features/drafts/access.server'
import { VersionExports } from '~/features/drafts/components/version-exports'
import { VersionCompareForm, VersionHistory, VersionSaveForm } from '~/features/drafts/components/version-list'
import { requireDraftEditor, requireVisibleDraft } from '~/features/drafts/guards.server'
import { VersionSchema } from '~/features/drafts/schemas'
import { isFinalStage } from '~/features/drafts/stages'
import { languagesOf } from '~/features/drafts/tree.server'
import { listVersions, saveVersion } from '~/features/drafts/version.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts-versions.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const handle = { i18n: ['drafts'] }

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, draft } = requireVisibleDraft(request, params.id)
  const versions = listVersions(draft.id).map((v) => ({
    number: v.number,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    provisionCount: v.provisionCount,
    createdBy: v.createdBy,
  }))
  return {
    lang,
    draft: { id: draft.id, title: pickLanguage({ en: draft.titleEn, ar: draft.titleAr }, lang) },
    languages: languagesOf(draft.originalLanguage),
    versions,
    canSave: canEditDraft(draft, user),
    closed: isFinalStage(draft.stage),
    title: pageTitle(lang, 'versions.pageTitle', 'drafts', { id: draft.id }),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, draft } = requireDraftEditor(request, params.id)
  const submission = parseWithZod(await request.formData(), { schema: VersionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = saveVersion(draft, submission.value, { id: user.id, name: user.name })
  if (!saved.ok) return data({ result: submission.reply({ formErrors: [saved.error] }) }, { status: 400 })
  return redirectWithFlash(`/${lang}/drafts/${draft.id}/versions#version-${saved.value.number}`, 'versionSaved')
}

export default function DraftVersionsPage() {
  const { lang, draft, languages, versions, canSave, closed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('drafts')
  const next = (versions[0]?.number ?? 0) + 1
  return (
    <div className="page draft-versions-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/drafts/${draft.id}`}>{t('versions.backToDraft')}</Link>
      </p>
      <h1 dir="auto">{t('versions.title', { title: draft.title.text })}</h1>
      <div className="version-layout">
        <div className="version-main">
          <VersionHistory lang={lang} draftId={draft.id} versions={versions} languages={languages} />
        </div>
        <div className="version-aside">
          {canSave ? <VersionSaveForm key={next} nextNumber={next} lastResult={actionData?.result} /> : null}
          {closed ? <p className="notice">{t('versions.closed')}</p> : null}
          <VersionCompareForm lang={lang} draftId={draft.id} numbers={versions.map((v) => v.number)} />
          <section className="version-section" aria-labelledby="version-working-exports">
            <h2 id="version-working-exports">{t('exports.workingText')}</h2>
            <VersionExports draftId={draft.id} version={null} languages={languages} />
          </section>
        </div>
      </div>
    </div>
  )
}
