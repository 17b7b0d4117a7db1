// The working group's controls on the draft's page: a row's edit link, up and down, and the link that opens its
// actions panel (`?act=<wId>`: add after it or inside it, move it into another division, delete it after a
// confirmation step). Every control is a plain link or form, so all of it works without JavaScript.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { errorKey, type DraftsError } from '../errors'
import type { ProvisionKind } from '../snapshot'
import { draftLimits } from '../vocabulary'

const dirOf = (l: string) => (l === 'ar' || l.startsWith('ar-') ? 'rtl' : 'ltr')

/** The hidden fields every post of the page carries: the panel it came from and the column shown at 360 px. */
function Back({ at, show }: { at: string; show: string }) {
  return (
    <>
      <input type="hidden" name="at" value={at} />
      <input type="hidden" name="text" value={show} />
    </>
  )
}

export function RowTools({
  row,
  name,
  show,
  editHref,
  actHref,
  isOpen,
  closeHref,
  canMoveUp,
  canMoveDown,
}: {
  row: { wId: string; id: number }
  name: string
  show: string
  editHref: string
  actHref: string
  isOpen: boolean
  closeHref: string
  canMoveUp: boolean
  canMoveDown: boolean
}) {
  const { t } = useTranslation('drafts')
  // The accessible name is the visible word followed by the provision's name (WCAG 2.5.3: the label is in the name).
  const label = (visible: string) => ({ 'aria-label': `${visible} ${name}` })
  return (
    <div className="draft-tools">
      {/* Plain links, followed in the app by the rows' handler (page-text.tsx followRowLink). */}
      <a href={editHref} data-nav="" className="button button--small" {...label(t('page.edit'))}>
        {t('page.edit')}
      </a>
      {canMoveUp || canMoveDown ? (
        // One form for both moves (the button pressed sends its direction): half the markup of a 400-provision page.
        <Form method="post" className="draft-tools__form" preventScrollReset>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="provisionId" value={row.id} />
          <Back at={row.wId} show={show} />
          {(['up', 'down'] as const).map((direction) =>
            (direction === 'up' ? canMoveUp : canMoveDown) ? (
              <button
                key={direction}
                type="submit"
                name="direction"
                value={direction}
                className="button button--small button--quiet"
                {...label(t(`page.move.${direction}`))}
              >
                {t(`page.move.${direction}`)}
              </button>
            ) : null,
          )}
        </Form>
      ) : null}
      {isOpen ? (
        <a
          href={closeHref}
          data-nav="keep"
          className="button button--small button--quiet"
          {...label(t('page.closeActions'))}
        >
          {t('page.closeActions')}
        </a>
      ) : (
        <a
          href={actHref}
          data-nav="keep"
          className="button button--small button--quiet"
          {...label(t('page.moreActions'))}
        >
          {t('page.moreActions')}
        </a>
      )}
    </div>
  )
}

type Values = Record<string, string>

/** A new provision: its kind and its heading and text in each language, side by side like the text. */
export function AddProvisionForm({
  idPrefix,
  legend,
  parentId,
  position,
  kinds,
  place,
  at,
  show,
  columns,
  values,
  error,
}: {
  idPrefix: string
  legend: string
  parentId: number | null
  position?: number
  kinds: readonly ProvisionKind[]
  place: string
  at: string
  show: string
  columns: readonly string[]
  values?: Values
  error?: DraftsError
}) {
  const { t } = useTranslation(['drafts', 'common'])
  const errorId = `${idPrefix}-error`
  const preferred = values?.kind || (kinds.includes('article') ? 'article' : kinds[0])
  return (
    <Form method="post" className="draft-add" aria-describedby={error ? errorId : undefined} preventScrollReset>
      <fieldset>
        <legend>{legend}</legend>
        <FormError id={errorId}>{error ? t(errorKey(error)) : null}</FormError>
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="parentId" value={parentId ?? ''} />
        {position === undefined ? null : <input type="hidden" name="position" value={position} />}
        <input type="hidden" name="place" value={place} />
        <Back at={at} show={show} />
        <div className="field">
          <label htmlFor={`${idPrefix}-kind`}>{t('page.kind')}</label>
          <select id={`${idPrefix}-kind`} name="kind" defaultValue={preferred}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`provision.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="draft-add__cols">
          {columns.map((l) => (
            <div key={l} className="draft-add__col">
              <div className="field">
                <label htmlFor={`${idPrefix}-heading-${l}`}>{t(`page.headingIn.${l}`, { defaultValue: l })}</label>
                <input
                  id={`${idPrefix}-heading-${l}`}
                  name={`heading.${l}`}
                  lang={l}
                  dir={dirOf(l)}
                  maxLength={draftLimits.heading}
                  defaultValue={values?.[`heading.${l}`] ?? ''}
                />
              </div>
              <div className="field">
                <label htmlFor={`${idPrefix}-body-${l}`}>{t(`page.bodyIn.${l}`, { defaultValue: l })}</label>
                <textarea
                  id={`${idPrefix}-body-${l}`}
                  name={`body.${l}`}
                  lang={l}
                  dir={dirOf(l)}
                  rows={4}
                  maxLength={draftLimits.body}
                  aria-describedby={`${idPrefix}-hint`}
                  defaultValue={values?.[`body.${l}`] ?? ''}
                />
              </div>
            </div>
          ))}
        </div>
        <p className="field__hint" id={`${idPrefix}-hint`}>
          {t('page.bodyHint')}
        </p>
        <p>
          <button type="submit" className="button">
            {t('page.add')}
          </button>
        </p>
      </fieldset>
    </Form>
  )
}

export type PanelData = {
  wId: string
  id: number
  name: string
  parentId: number | null
  index: number
  addAfter: readonly ProvisionKind[]
  addInside: readonly ProvisionKind[]
  targets: { id: number | null; label: string }[]
  holds: number
}

/** The actions of one provision: add after it or inside it, move it into another division, delete it. */
export function ActionsPanel({
  act,
  show,
  columns,
  confirmDelete,
  deleteHref,
  closeHref,
  refusal,
}: {
  act: PanelData
  show: string
  columns: readonly string[]
  confirmDelete: boolean
  deleteHref: string
  closeHref: string
  refusal?: { intent: string; error: DraftsError; values: Values } | null
}) {
  const { t } = useTranslation(['drafts', 'common'])
  const refusedAdd = refusal?.intent === 'add' ? refusal : null
  const refusedMove = refusal?.intent === 'move' ? refusal : null
  const refusedDelete = refusal?.intent === 'delete' ? refusal : null
  const headingId = `act-${act.wId}`
  return (
    <section className="draft-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="draft-panel__title">
        {t('page.actionsOf', { name: act.name })}
      </h3>
      {act.addAfter.length ? (
        <AddProvisionForm
          idPrefix={`after-${act.wId}`}
          legend={t('page.addAfter', { name: act.name })}
          parentId={act.parentId}
          position={act.index + 1}
          kinds={act.addAfter}
          place="after"
          at={act.wId}
          show={show}
          columns={columns}
          values={refusedAdd?.values.place === 'after' ? refusedAdd.values : undefined}
          error={refusedAdd?.values.place === 'after' ? refusedAdd.error : undefined}
        />
      ) : null}
      {act.addInside.length ? (
        <AddProvisionForm
          idPrefix={`inside-${act.wId}`}
          legend={t('page.addInside', { name: act.name })}
          parentId={act.id}
          kinds={act.addInside}
          place="inside"
          at={act.wId}
          show={show}
          columns={columns}
          values={refusedAdd?.values.place === 'inside' ? refusedAdd.values : undefined}
          error={refusedAdd?.values.place === 'inside' ? refusedAdd.error : undefined}
        />
      ) : null}
      {act.targets.length ? (
        <Form method="post" className="draft-move" preventScrollReset>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="provisionId" value={act.id} />
          <Back at={act.wId} show={show} />
          <FormError id={`move-${act.wId}-error`}>{refusedMove ? t(errorKey(refusedMove.error)) : null}</FormError>
          <div className="field">
            <label htmlFor={`move-${act.wId}`}>{t('page.moveInto', { name: act.name })}</label>
            <select id={`move-${act.wId}`} name="parentId" defaultValue={refusedMove?.values.parentId}>
              {act.targets.map((target) => (
                <option key={target.id ?? 'top'} value={target.id ?? 'top'}>
                  {target.id === null ? t('page.topLevel') : target.label}
                </option>
              ))}
            </select>
          </div>
          <p className="field__hint">{t('page.moveHint')}</p>
          <p>
            <button type="submit" className="button">
              {t('page.moveSubmit')}
            </button>
          </p>
        </Form>
      ) : null}
      <div className="draft-delete" id={`${act.wId}-delete`}>
        {confirmDelete || refusedDelete ? (
          <Form method="post" className="draft-delete__confirm" preventScrollReset>
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="provisionId" value={act.id} />
            <Back at={act.wId} show={show} />
            <FormError>{refusedDelete ? t(errorKey(refusedDelete.error)) : null}</FormError>
            <p className="draft-delete__question">
              {act.holds > 0
                ? t('page.deleteQuestionHolds', { name: act.name, n: act.holds })
                : t('page.deleteQuestion', { name: act.name })}
            </p>
            <p className="draft-delete__buttons">
              <button type="submit" className="button button--danger">
                {t('page.deleteConfirm', { name: act.name })}
              </button>
              <Link to={closeHref} preventScrollReset>
                {t('page.deleteCancel')}
              </Link>
            </p>
          </Form>
        ) : (
          <Link to={deleteHref} className="button button--small button--quiet draft-delete__start" preventScrollReset>
            {t('page.delete', { name: act.name })}
          </Link>
        )}
      </div>
      <p>
        <Link to={closeHref} preventScrollReset>
          {t('page.closeActions')}
          <span className="visually-hidden"> {act.name}</span>
        </Link>
      </p>
    </section>
  )
}
