// A coordinator links library resources to a meeting (agenda, background papers, outcome documents): search
// the library with a GET field, link a result with a role, unlink. Only published resources can be linked.
// What the page posts is handled in intents.server.ts; the two lists are in panels.tsx.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { listLinkedDocuments } from '~/features/meetings/documents.server'
import { errorKey } from '~/features/meetings/errors'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { agendaStylesheet } from '~/features/meetings/meeting-agenda'
import { EditorHeading, EditorNav } from '~/features/meetings/meeting-nav'
import { meetingPageTitle } from '~/features/meetings/page-title.server'
import { parseResourceSearch } from '~/features/search/schemas'
import { searchResources } from '~/features/search/search.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { meetingDocumentRoles, type MeetingDocumentRole } from '~/utils/vocabulary'
import { runDocumentsIntent } from './intents.server'
import { LinkedDocuments, SearchResults } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [agendaStylesheet]

const RESULTS = 10

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  const linked = listLinkedDocuments(m.id)
  const roleOf = new Map<number, MeetingDocumentRole>()
  for (const role of meetingDocumentRoles) for (const d of linked[role]) roleOf.set(d.id, role)
  // The library's own search, as the coordinator sees it: published resources only (what can be linked).
  const found = q
    ? searchResources(parseResourceSearch(new URLSearchParams({ q })), user, lang, {
        pageSize: RESULTS,
        snippets: false,
      })
    : null
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr },
    q,
    linked,
    results: found
      ? {
          total: found.total,
          rows: found.rows.map((r) => ({
            id: r.id,
            type: r.type,
            titleEn: r.titleEn,
            titleAr: r.titleAr,
            visibility: r.visibility,
            publishedOn: r.publishedOn,
            role: roleOf.get(r.id) ?? null,
          })),
        }
      : null,
    title: meetingPageTitle(m, lang, 'documents.title'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, meeting } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  return runDocumentsIntent(lang, user, meeting, await request.formData())
}

export const handle = { i18n: ['agenda', 'library', 'meetings', 'participation'] }

export default function MeetingDocumentsEditor() {
  const { lang, meeting, q, linked, results } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['agenda', 'library', 'common'])
  return (
    <div className="page">
      <EditorNav lang={lang} meeting={meeting} to="/agenda">
        {t('documents.agendaLink')}
      </EditorNav>
      <EditorHeading lang={lang} meeting={meeting} label={t('documents.title')} />
      <p className="lead">{t('documents.lead')}</p>
      <FormError>
        {actionData?.error === 'cannotLink'
          ? t(errorKey(actionData.error))
          : actionData?.error
            ? t('validation.invalidChoice', { ns: 'common' })
            : null}
      </FormError>
      <LinkedDocuments lang={lang} linked={linked} q={q} />
      <SearchResults lang={lang} q={q} results={results} />
    </div>
  )
}
