import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RequestState } from '#db/enums'
import { FormError } from '~/components/status-message'
import { Field, TextareaField } from '~/components/ui/field'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'
import { ThreadEntry } from './request-thread'

type Result = SubmissionResult<string[]> | undefined

type Props = {
  lang: Language
  moves: readonly RequestState[]
  assignees: { id: number; name: string }[]
  assigneeId: number | null
  notes: { id: number; body: string; createdAt: Date | string; authorName: string | null }[]
  /** The last result of each form, by its intent. */
  results: Partial<Record<'move' | 'assign' | 'output' | 'note', Result>>
}

/** What coordinators do with a request: move it, assign it, link its outputs, keep internal notes. */
export function RequestManagePanel({ lang, moves, assignees, assigneeId, notes, results }: Props) {
  const { t } = useTranslation('requests')
  return (
    <aside className="request-manage" aria-labelledby="request-manage">
      <h2 id="request-manage">{t('manage.title')}</h2>
      <MoveForms moves={moves} lastResult={results.move} />
      <AssignForm assignees={assignees} assigneeId={assigneeId} lastResult={results.assign} />
      <OutputForm lastResult={results.output} />
      <Notes lang={lang} notes={notes} lastResult={results.note} />
    </aside>
  )
}

function MoveForms({ moves, lastResult }: { moves: readonly RequestState[]; lastResult: Result }) {
  const { t } = useTranslation('requests')
  const errorText = useErrorText()
  const [form, fields] = useForm<{ to: string; reason: string }>({
    id: 'request-move',
    lastResult,
    shouldValidate: 'onSubmit',
  })
  const forward = moves.filter((s) => s !== 'declined')
  return (
    <section className="request-manage__block" aria-labelledby="request-move-title">
      <h3 id="request-move-title">{t('manage.move')}</h3>
      <FormError id={form.errorId}>{errorText(form.errors)?.join(' ')}</FormError>
      {moves.length === 0 ? <p>{t('manage.noMoves')}</p> : null}
      {forward.length ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="move" />
          {forward.map((s) => (
            <button key={s} type="submit" name="to" value={s} className="button button--small">
              {t(`manage.moveTo.${s}`)}
            </button>
          ))}
        </Form>
      ) : null}
      {moves.includes('declined') ? (
        <Form method="post" {...getFormProps(form)} className="request-manage__decline">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="to" value="declined" />
          <TextareaField
            field={fields.reason}
            label={t('manage.reason')}
            hint={t('manage.reasonHint')}
            errors={errorText(fields.reason.errors)}
            rows={3}
          />
          <button type="submit" className="button button--small button--quiet">
            {t('manage.moveTo.declined')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

function AssignForm({
  assignees,
  assigneeId,
  lastResult,
}: {
  assignees: Props['assignees']
  assigneeId: number | null
  lastResult: Result
}) {
  const { t } = useTranslation('requests')
  const errorText = useErrorText()
  const [form, fields] = useForm<{ assigneeId: string }>({
    id: 'request-assign',
    lastResult,
    defaultValue: { assigneeId: assigneeId ? String(assigneeId) : '' },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="request-manage__block">
      <input type="hidden" name="intent" value="assign" />
      <div className="field">
        <label htmlFor={fields.assigneeId.id}>{t('manage.assign')}</label>
        <select {...getSelectProps(fields.assigneeId)}>
          <option value="">{t('manage.nobody')}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {fields.assigneeId.errors ? (
          <p className="field__errors">{errorText(fields.assigneeId.errors)?.join(' ')}</p>
        ) : null}
      </div>
      <button type="submit" className="button button--small">
        {t('manage.assignButton')}
      </button>
    </Form>
  )
}

function OutputForm({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation('requests')
  const errorText = useErrorText()
  const [form, fields] = useForm<{ kind: string; reference: string }>({
    id: 'request-output',
    lastResult,
    defaultValue: { kind: 'resource' },
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="request-manage__block">
      <input type="hidden" name="intent" value="output" />
      <fieldset>
        <legend>{t('manage.output')}</legend>
        <div className="field">
          <label htmlFor={fields.kind.id}>{t('manage.outputKind')}</label>
          <select {...getSelectProps(fields.kind)}>
            <option value="resource">{t('manage.outputKinds.resource')}</option>
            <option value="meeting">{t('manage.outputKinds.meeting')}</option>
            <option value="draft">{t('manage.outputKinds.draft')}</option>
          </select>
        </div>
        <Field
          label={t('manage.outputReference')}
          hint={t('manage.outputReferenceHint')}
          errors={errorText(fields.reference.errors)}
          inputProps={{ ...getInputProps(fields.reference, { type: 'text', ariaAttributes: false }), dir: 'ltr' }}
        />
        <button type="submit" className="button button--small">
          {t('manage.linkOutput')}
        </button>
      </fieldset>
    </Form>
  )
}

function Notes({ lang, notes, lastResult }: { lang: Language; notes: Props['notes']; lastResult: Result }) {
  const { t } = useTranslation('requests')
  const errorText = useErrorText()
  const [form, fields] = useForm<{ body: string }>({ id: 'request-note', lastResult, shouldValidate: 'onSubmit' })
  return (
    <section className="request-manage__block request-notes" aria-labelledby="request-notes-title">
      <h3 id="request-notes-title">{t('manage.notes')}</h3>
      <p className="muted">{t('manage.notesLead')}</p>
      {notes.length ? (
        <ol className="request-thread">
          {notes.map((n) => (
            <ThreadEntry key={n.id} lang={lang} entry={n} className="request-message request-message--note" />
          ))}
        </ol>
      ) : (
        <p>{t('manage.noNotes')}</p>
      )}
      <Form method="post" {...getFormProps(form)} key={notes.length}>
        <input type="hidden" name="intent" value="note" />
        <TextareaField
          field={fields.body}
          label={t('manage.note')}
          errors={errorText(fields.body.errors)}
          rows={3}
          maxLength={10_000}
        />
        <button type="submit" className="button button--small">
          {t('manage.addNote')}
        </button>
      </Form>
    </section>
  )
}
