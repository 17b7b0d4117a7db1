// A draft's page: its facts, the stage panel (the coordinator in charge and coordinators), and its text as one row
// per provision with the Arabic and the English side by side, each provision's open comments and amendments, and
// the working group's controls (edit, add, move, delete). What the page posts is handled in intents.server.ts.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { canEditDraft, canManageDraft, canViewDraft } from '~/features/drafts/access.server'
import { ActionsPanel, AddProvisionForm, RowTools } from '~/features/drafts/components/page-tools'
import { columnOrder, DraftTextRows, TextSwitch } from '~/features/drafts/components/page-text'
import { errorKey } from '~/features/drafts/errors'
import { requireVisibleDraft } from '~/features/drafts/guards.server'
import { stageMoves } from '~/features/drafts/stages'
import { pickLanguage } from '~/utils/bilingual'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts.css?url'
import { runDraftIntent, type IntentRefusal } from './intents.server'
import { DraftFacts, DraftLinks, StagePanel } from './panels'
import { draftTextView } from './view.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, draft } = requireVisibleDraft(request, params.id)
  const search = new URL(request.url).searchParams
  const textParam = search.get('text')
  const chosen = textParam === 'ar' || textParam === 'en' ? textParam : null
  const editing = canEditDraft(draft, user)
  const managing = canManageDraft(draft, user)
  const view = draftTextView(draft.id, { lang, act: editing ? search.get('act') : null, editing })
  const title = pickLanguage({ en: draft.titleEn, ar: draft.titleAr }, lang)
  // Only a draft a visitor may read is described for search engines and link previews.
  const isPublic = canViewDraft(draft, null)
  return {
    lang,
    chosen,
    show: chosen ?? lang,
    editing,
    managing,
    confirmDelete: search.get('confirm') === 'delete',
    d: {
      id: draft.id,
      kind: draft.kind,
      stage: draft.stage,
      closesAt: draft.consultationClosesAt?.toISOString() ?? null,
      visibility: draft.visibility,
      titleEn: draft.titleEn,
      titleAr: draft.titleAr,
      summaryEn: draft.summaryEn,
      summaryAr: draft.summaryAr,
      leads: draft.leads.map(({ id, nameEn, nameAr }) => ({ id, nameEn, nameAr })),
      // Names only: the working group's addresses never leave the server.
      coordinator: draft.coordinator?.name ?? null,
      editors: draft.editors.map((e) => e.name),
      pillars: draft.pillars,
      resolutions: draft.resolutions,
      themes: draft.themes,
      resourceId: draft.stage === 'adopted' ? draft.resourceId : null,
    },
    view,
    moves: managing ? stageMoves[draft.stage] : [],
    title: pageTitle(lang, 'page.documentTitle', 'drafts', { title: title.text }),
    ...(isPublic ? pageHead(lang, { en: draft.summaryEn, ar: draft.summaryAr }) : {}),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const formData = await request.formData()
  return runDraftIntent({ lang, request, idParam: params.id, formData })
}

export const handle = { i18n: ['drafts', 'library', 'network'] }

export default function DraftPage() {
  const { lang, chosen, show, editing, managing, confirmDelete, d, view, moves } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as IntentRefusal | undefined
  const { t } = useTranslation(['drafts', 'common', 'library', 'network'])
  const base = `/${lang}/drafts/${d.id}`
  const href = (q: { act?: string; confirm?: boolean; text?: string | null }, hash?: string) => {
    const params = new URLSearchParams()
    const text = q.text === undefined ? chosen : q.text
    if (text) params.set('text', text)
    if (q.act) params.set('act', q.act)
    if (q.confirm) params.set('confirm', 'delete')
    const query = params.toString()
    return `${base}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`
  }
  const columns = columnOrder(view.languages, lang)
  const act = view.act
  const panelRefusal = refusal && act && refusal.at === act.wId ? refusal : null
  const endRefusal = refusal?.at === 'end' ? refusal : null
  const stageRefusal = refusal?.intent === 'stage' ? refusal : null
  const strayRefusal = refusal && !panelRefusal && !endRefusal && !stageRefusal ? refusal : null
  return (
    <div className="page draft-page">
      <p className="breadcrumb draft-noprint">
        <Link to={`/${lang}/drafts`}>{t('page.backToList')}</Link>
      </p>
      <p className="draft-page__kind">
        {t(`kinds.${d.kind}`)} <span className="badge badge--state">{t(`stages.${d.stage}`)}</span>
      </p>
      <h1>
        <BilingualText en={d.titleEn} ar={d.titleAr} lang={lang} />
      </h1>
      {d.summaryEn || d.summaryAr ? (
        <p className="draft-page__summary">
          <BilingualText en={d.summaryEn} ar={d.summaryAr} lang={lang} />
        </p>
      ) : null}

      <DraftFacts lang={lang} d={d} />
      {managing && moves.length ? (
        <StagePanel stage={d.stage} moves={moves} show={show} refusal={stageRefusal} />
      ) : null}
      <DraftLinks lang={lang} id={d.id} />

      <section className="draft-section draft-text-section" id="draft-text" aria-labelledby="draft-text-title">
        <h2 id="draft-text-title">{t('page.text')}</h2>
        <p className="draft-text__count">
          {view.rows.length === 0
            ? t('page.empty')
            : view.toTranslate > 0
              ? t('page.toTranslateCount', { n: view.toTranslate })
              : t('page.allTranslated')}
        </p>
        <FormError>{strayRefusal ? t(errorKey(strayRefusal.error)) : null}</FormError>
        <TextSwitch languages={columns} show={show} hrefFor={(l) => href({ text: l }, 'draft-text')} />
        <div className="draft-text" data-show={show}>
          {view.rows.length ? (
            <div className="draft-text__heads" aria-hidden="true">
              {columns.map((l) => (
                <p key={l} lang={l} className={l === show ? 'is-shown' : undefined}>
                  {t(`page.columnOf.${l}`, { defaultValue: l })}
                </p>
              ))}
            </div>
          ) : null}
          <DraftTextRows
            rows={view.rows}
            columns={columns}
            show={show}
            discussHref={(wId) => `${base}/provisions/${wId}`}
            tools={
              editing
                ? (row) => (
                    <RowTools
                      row={row}
                      name={row.names[lang] ?? ''}
                      show={show}
                      editHref={`${base}/provisions/${row.wId}/edit`}
                      actHref={href({ act: row.wId }, row.wId)}
                      closeHref={href({}, row.wId)}
                      isOpen={act?.wId === row.wId}
                      canMoveUp={!row.isFirst}
                      canMoveDown={!row.isLast}
                    />
                  )
                : undefined
            }
            panel={
              editing && act
                ? (row) =>
                    row.wId === act.wId ? (
                      <ActionsPanel
                        act={act}
                        show={show}
                        columns={columns}
                        confirmDelete={confirmDelete}
                        deleteHref={href({ act: act.wId, confirm: true }, `${act.wId}-delete`)}
                        closeHref={href({}, act.wId)}
                        refusal={panelRefusal}
                      />
                    ) : null
                : undefined
            }
          />
        </div>
        {editing ? (
          <div className="draft-noprint">
            <AddProvisionForm
              idPrefix="end"
              legend={view.rows.length ? t('page.addAtEnd') : t('page.addFirst')}
              parentId={null}
              kinds={view.topKinds}
              place="end"
              at="end"
              show={show}
              columns={columns}
              values={endRefusal?.values}
              error={endRefusal?.error}
            />
          </div>
        ) : null}
      </section>
    </div>
  )
}
