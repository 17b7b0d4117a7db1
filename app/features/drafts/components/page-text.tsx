// The text of a draft on its page: one row per provision, the Arabic and the English side by side (the page's own
// language first, so Arabic sits on the right in both directions), each cell in its own language and direction.
// At narrow widths only the chosen column shows (`?text=ar|en`, plain links). Bodies are plain text read by
// parseBody and drawn as React text: nothing is ever rendered as HTML.
import { Link, useNavigate, type NavigateFunction } from '@remix-run/react'
import type { MouseEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/utils/i18n'
import type { ProvisionKind, ProvisionText } from '../snapshot'
import { parseBody } from '../text-format'

/** What a row of the page shows (the route's view.server.ts makes these). */
export type TextRow = {
  wId: string
  kind: ProvisionKind
  depth: number
  nums: Record<string, string>
  names: Record<string, string>
  texts: Record<string, ProvisionText>
  comments: number
  amendments: number
  outdated: number
}

const headed = new Set<ProvisionKind>(['preamble', 'definitions', 'part', 'chapter', 'section', 'article'])

/** A body's paragraphs and lists; a single line break inside a paragraph stays a line break. */
export function ProvisionBody({ body }: { body: string }) {
  const blocks = parseBody(body)
  return (
    <>
      {blocks.map((b, i) =>
        b.kind === 'paragraph' ? (
          // Most paragraphs are one line: their text goes straight into the <p>.
          !b.text.includes('\n') ? (
            <p key={i}>{b.text}</p>
          ) : (
            <p key={i}>
              {b.text.split('\n').map((line, j) => (
                <span key={j}>
                  {j > 0 ? <br /> : null}
                  {line}
                </span>
              ))}
            </p>
          )
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  )
}

/**
 * The rows' links are plain `<a data-nav>` (a 400-provision page holds some 1,200 of them: a router `<Link>` each
 * costs the server a path resolution per render). One click handler on the rows follows them inside the app as a
 * `<Link>` would (`data-nav="keep"`: without scrolling to the top); other clicks (a new tab, a modifier key) and the
 * page without JavaScript get the browser's own link.
 */
export function followRowLink(event: MouseEvent, navigate: NavigateFunction) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
    return
  const a = (event.target as Element).closest?.('a[data-nav]')
  if (!(a instanceof HTMLAnchorElement) || a.target || a.origin !== window.location.origin) return
  event.preventDefault()
  navigate(a.pathname + a.search + a.hash, { preventScrollReset: a.dataset.nav === 'keep' })
}

/** The page language's column first; then the others in the draft's order. */
export function columnOrder(languages: readonly string[], lang: Language) {
  return [...languages].sort((a, b) => Number(b === lang) - Number(a === lang))
}

const dirOf = (l: string) => (l === 'ar' || l.startsWith('ar-') ? 'rtl' : 'ltr')

function ProvisionCell({
  row,
  l,
  show,
  toTranslate,
  pageLang,
}: {
  row: TextRow
  l: string
  show: string
  toTranslate: string
  pageLang: string
}) {
  const text = row.texts[l]
  const written = Boolean(text && (text.heading || text.body))
  // A division nobody has named yet has nothing to translate in any language.
  const untitled = !Object.values(row.texts).some((x) => x.heading || x.body)
  const Heading = `h${Math.min(3 + row.depth, 6)}` as 'h3'
  const mark =
    written || untitled ? null : (
      <span className="draft-prov__missing" lang={pageLang} dir="auto">
        {toTranslate}
      </span>
    )
  return (
    <div className={`draft-prov__cell${l === show ? ' is-shown' : ''}`} lang={l} dir={dirOf(l)}>
      {headed.has(row.kind) ? (
        <Heading className="draft-prov__heading">
          <span className="draft-prov__num">{row.nums[l]}</span>
          {text?.heading ? <span className="draft-prov__title">{text.heading}</span> : null}
        </Heading>
      ) : (
        <p className="draft-prov__num draft-prov__num--inline">
          {row.nums[l]}
          {text?.heading ? <span className="draft-prov__title">{text.heading}</span> : null}
        </p>
      )}
      {mark}
      {text?.body ? (
        <div className="draft-prov__body">
          <ProvisionBody body={text.body} />
        </div>
      ) : null}
    </div>
  )
}

/** The switch between the columns at narrow widths: two links, the current one marked. */
export function TextSwitch({
  languages,
  show,
  hrefFor,
}: {
  languages: readonly string[]
  show: string
  hrefFor: (l: string) => string
}) {
  const { t } = useTranslation('drafts')
  return (
    <nav className="draft-text-switch" aria-label={t('page.textSwitch')}>
      <ul>
        {languages.map((l) => (
          <li key={l}>
            <Link
              to={hrefFor(l)}
              preventScrollReset
              aria-current={l === show ? 'true' : undefined}
              className={l === show ? 'is-current' : undefined}
              lang={l}
            >
              {t(`page.textIn.${l}`, { defaultValue: l })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * The rows. `tools` draws the working group's controls of a row (or nothing), `panel` the open actions panel under
 * the row it belongs to; `discussHref` is the provision's own page (comments and amendments).
 */
export function DraftTextRows<R extends TextRow>({
  rows,
  columns,
  show,
  discussHref,
  tools,
  panel,
}: {
  rows: readonly R[]
  columns: readonly string[]
  show: string
  discussHref: (wId: string) => string
  tools?: (row: R, index: number) => ReactNode
  panel?: (row: R) => ReactNode
}) {
  const { t, i18n } = useTranslation('drafts')
  const navigate = useNavigate()
  const toTranslate = t('page.toTranslate')
  return (
    // Not a control itself: it only follows the links inside it (followRowLink), which keep their keyboard use.
    <div className="draft-rows" onClick={(event) => followRowLink(event, navigate)}>
      {rows.map((row, i) => (
        <div key={row.wId} id={row.wId} className={`draft-prov draft-prov--${row.kind}`} data-depth={row.depth}>
          <div className="draft-prov__cols">
            {columns.map((l) => (
              <ProvisionCell key={l} row={row} l={l} show={show} toTranslate={toTranslate} pageLang={i18n.language} />
            ))}
          </div>
          <div className="draft-prov__bar">
            <a href={discussHref(row.wId)} data-nav="" className="draft-prov__discuss">
              <span className="visually-hidden">{t('page.discussOf', { name: row.names[show] ?? '' })} </span>
              {t('page.commentCount', { n: row.comments })}
              <span aria-hidden="true"> · </span>
              {t('page.amendmentCount', { n: row.amendments })}
              {row.outdated > 0 ? (
                <span className="draft-prov__outdated"> ({t('page.outdatedCount', { n: row.outdated })})</span>
              ) : null}
            </a>
            {tools ? tools(row, i) : null}
          </div>
          {panel ? panel(row) : null}
        </div>
      ))}
    </div>
  )
}
