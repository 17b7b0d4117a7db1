// A provision's amendments (new wording, a new provision after it, its deletion) with their state, the words they
// propose against the current ones, and the forms of the consultation: propose (three forms, one per kind, that
// work without JavaScript), withdraw (the proposer), accept or reject with a reason (the working group). An
// amendment whose provision changed since it was written is marked outdated; accepting it asks for a confirmation.
import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import type { TextDiff } from '../compare'
import type { ProvisionKind, ProvisionText } from '../snapshot'
import { draftLimits, type AmendmentKind, type AmendmentState } from '../vocabulary'
import type { FormAnswer } from './consultation-comments'
import { ConsultationFormError, useDraftsErrorText } from './consultation-errors'
import { dirOf, ProvisionColumns, TextDiffView } from './consultation-text'

type When = Date | string

export type AmendmentEntry = {
  id: number
  kind: AmendmentKind
  newKind: ProvisionKind | null
  justification: string
  proposerId: number | null
  proposerName: string | null
  status: AmendmentState
  reason: string | null
  decidedAt: When | null
  createdAt: When
  texts: Record<string, ProvisionText>
  outdated: boolean
  /** A replace: its words against the provision's current ones, per language it proposes. */
  diff: Record<string, { heading: TextDiff; body: TextDiff }> | null
}

const resultFor = (answer: FormAnswer, intent: string, target: number) =>
  answer?.intent === intent && answer.target === target ? answer.result : undefined

/** The state of an amendment as a badge (and "outdated" beside an open one). */
export function AmendmentBadges({ a }: { a: Pick<AmendmentEntry, 'status' | 'outdated'> }) {
  const { t } = useTranslation('drafts')
  return (
    <span className="consultation-badges">
      <span className={`badge consultation-badge consultation-badge--${a.status}`}>
        {t(`amendment.states.${a.status}`)}
      </span>
      {a.outdated ? (
        <span className="badge consultation-badge consultation-badge--outdated">{t('amendment.outdated')}</span>
      ) : null}
    </span>
  )
}

/** What an amendment proposes: the diff of a new wording, a new provision's words, or a deletion. */
export function AmendmentProposal({
  a,
  languages,
  labels,
  newLabels,
}: {
  a: AmendmentEntry
  languages: readonly string[]
  /** The provision's label in each language, and "New provision" in each (the columns speak their language). */
  labels: Record<string, string>
  newLabels: Record<string, string>
}) {
  const { t, i18n } = useTranslation('drafts')
  if (a.kind === 'delete') return <p className="consultation-proposal">{t('amendment.proposesDeletion')}</p>
  if (a.kind === 'insert_after') {
    return (
      <div className="consultation-proposal">
        <p>{t('amendment.proposesNew', { kind: t(`amendment.newKinds.${a.newKind ?? 'article'}`) })}</p>
        <ProvisionColumns languages={languages} labels={newLabels} texts={a.texts} headingLevel={4} />
      </div>
    )
  }
  return (
    <div className="consultation-proposal">
      <p className="muted">{t('amendment.diffLead')}</p>
      <div className="consultation-text">
        {languages.map((lang) => {
          const d = a.diff?.[lang]
          return (
            <div key={lang} className="consultation-text__language" lang={lang} dir={dirOf(lang)}>
              <h4 className="consultation-text__heading">
                <span className="consultation-text__label">{labels[lang]}</span>
                {d && d.heading.segments.length > 0 ? (
                  <>
                    {' '}
                    <TextDiffView diff={d.heading} />
                  </>
                ) : null}
              </h4>
              {d ? (
                <p className="consultation-text__paragraph consultation-diff__body">
                  <TextDiffView diff={d.body} />
                </p>
              ) : (
                <p className="muted" lang={i18n.language} dir={dirOf(i18n.language)}>
                  {t('amendment.languageUnchanged')}
                </p>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** The amendments of one provision, each with what its viewer may do with it. */
export function AmendmentList({
  lang,
  languages,
  labels,
  newLabels,
  amendments,
  userId,
  decide,
  answer,
}: {
  lang: Language
  languages: readonly string[]
  labels: Record<string, string>
  newLabels: Record<string, string>
  amendments: AmendmentEntry[]
  userId: number | null
  decide: boolean
  answer: FormAnswer
}) {
  const { t } = useTranslation('drafts')
  return (
    <section className="consultation-section" aria-labelledby="consultation-amendments">
      <h2 id="consultation-amendments">{t('amendment.title', { n: formatNumber(amendments.length, lang) })}</h2>
      {amendments.length ? (
        <ol className="consultation-amendments">
          {amendments.map((a) => (
            <li key={a.id} id={`amendment-${a.id}`} className="consultation-amendment">
              <h3 className="consultation-amendment__title">
                {t(`amendment.kinds.${a.kind}`)}{' '}
                <span className="consultation-amendment__by">
                  {t('amendment.by', { name: a.proposerName ?? t('comment.formerAccount') })}
                </span>
              </h3>
              <p className="consultation-amendment__meta">
                <AmendmentBadges a={a} />{' '}
                <time dateTime={new Date(a.createdAt).toISOString()}>
                  {t('comment.utc', { time: formatDate(new Date(a.createdAt), lang, 'dateTime') })}
                </time>
              </p>
              {a.outdated ? <p className="notice notice--warning">{t('amendment.outdatedLead')}</p> : null}
              <AmendmentProposal a={a} languages={languages} labels={labels} newLabels={newLabels} />
              <h4>{t('amendment.justification')}</h4>
              <p className="consultation-comment__body" dir="auto">
                {a.justification}
              </p>
              <Decision lang={lang} a={a} />
              {a.status === 'open' && userId !== null && a.proposerId === userId ? (
                <WithdrawForm id={a.id} error={resultFor(answer, 'withdraw', a.id) as string | undefined} />
              ) : null}
              {a.status === 'open' && decide ? (
                <DecideForms
                  a={a}
                  acceptError={resultFor(answer, 'accept', a.id) as string | undefined}
                  rejectResult={resultFor(answer, 'reject', a.id) as SubmissionResult<string[]> | undefined}
                />
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('amendment.none')}</p>
      )}
    </section>
  )
}

/** How an amendment was decided: accepted, withdrawn, or rejected with the reason its proposer reads. */
export function Decision({ lang, a }: { lang: Language; a: Pick<AmendmentEntry, 'status' | 'reason' | 'decidedAt'> }) {
  const { t } = useTranslation('drafts')
  if (a.status === 'open' || !a.decidedAt) return null
  const date = formatDate(new Date(a.decidedAt), lang)
  return (
    <div className={`consultation-decision consultation-decision--${a.status}`}>
      <p>{t(`amendment.decided.${a.status}`, { date })}</p>
      {a.status === 'rejected' && a.reason ? (
        <>
          <h4>{t('amendment.reason')}</h4>
          <p className="consultation-comment__body" dir="auto">
            {a.reason}
          </p>
        </>
      ) : null}
    </div>
  )
}

function WithdrawForm({ id, error }: { id: number; error: string | undefined }) {
  const { t } = useTranslation('drafts')
  return (
    <Form method="post" className="consultation-actions">
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="amendmentId" value={id} />
      <ConsultationFormError errors={error ? [error] : undefined} />
      <button type="submit" className="button button--small button--quiet">
        {t('amendment.withdraw')}
      </button>
    </Form>
  )
}

function DecideForms({
  a,
  acceptError,
  rejectResult,
}: {
  a: AmendmentEntry
  acceptError: string | undefined
  rejectResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('drafts')
  const errorText = useDraftsErrorText()
  const [form, fields] = useForm<{ reason: string }>({
    id: `reject-${a.id}`,
    lastResult: rejectResult,
    shouldValidate: 'onSubmit',
  })
  const confirm = a.outdated && a.kind !== 'insert_after'
  return (
    <div className="consultation-decide">
      <Form method="post" className="consultation-actions" aria-labelledby={`accept-${a.id}-title`}>
        <h4 id={`accept-${a.id}-title`} className="visually-hidden">
          {t('amendment.acceptTitle', { id: a.id })}
        </h4>
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="amendmentId" value={a.id} />
        <ConsultationFormError errors={acceptError ? [acceptError] : undefined} />
        {confirm ? (
          <p className="checkbox">
            <input type="checkbox" id={`confirm-${a.id}`} name="confirmOutdated" value="on" />
            <label htmlFor={`confirm-${a.id}`}>{t('amendment.confirmOutdated')}</label>
          </p>
        ) : null}
        <button type="submit" className="button button--small">
          {t('amendment.accept')}
        </button>
      </Form>
      <details className="consultation-details" open={Boolean(rejectResult)}>
        <summary>{t('amendment.rejectSummary')}</summary>
        <Form method="post" {...getFormProps(form)} className="consultation-form">
          <input type="hidden" name="intent" value="reject" />
          <input type="hidden" name="amendmentId" value={a.id} />
          <ConsultationFormError id={form.errorId} errors={form.errors} />
          <TextareaField
            field={fields.reason}
            label={t('amendment.reasonLabel')}
            hint={t('amendment.reasonHint')}
            errors={errorText(fields.reason.errors)}
            rows={3}
            maxLength={draftLimits.reason}
          />
          <button type="submit" className="button button--small button--danger">
            {t('amendment.reject')}
          </button>
        </Form>
      </details>
    </div>
  )
}

type Words = { heading: string; body: string }
type ProposalShape = {
  kind: AmendmentKind
  newKind: ProvisionKind
  justification: string
  texts: { en: Words; ar: Words }
}

/** The three ways to propose an amendment to this provision, each its own form. */
export function ProposeAmendment({
  provisionId,
  kind,
  siblingKinds,
  current,
  answer,
}: {
  provisionId: number
  kind: ProvisionKind
  siblingKinds: readonly ProvisionKind[]
  current: Record<string, ProvisionText>
  answer: FormAnswer
}) {
  const { t } = useTranslation('drafts')
  const resultOf = (n: number) => resultFor(answer, 'propose', n) as SubmissionResult<string[]> | undefined
  return (
    <section className="consultation-section" aria-labelledby="consultation-propose">
      <h2 id="consultation-propose">{t('amendment.propose')}</h2>
      <p className="muted">{t('amendment.proposeLead')}</p>
      <ProposalForm
        kind="replace"
        provisionId={provisionId}
        lastResult={resultOf(1)}
        defaults={{
          texts: {
            en: { heading: current.en?.heading ?? '', body: current.en?.body ?? '' },
            ar: { heading: current.ar?.heading ?? '', body: current.ar?.body ?? '' },
          },
        }}
      />
      {siblingKinds.length ? (
        <ProposalForm
          kind="insert_after"
          provisionId={provisionId}
          lastResult={resultOf(2)}
          siblingKinds={siblingKinds}
          defaults={{ newKind: siblingKinds.includes(kind) ? kind : siblingKinds[0] }}
        />
      ) : null}
      <ProposalForm kind="delete" provisionId={provisionId} lastResult={resultOf(3)} defaults={{}} />
    </section>
  )
}

function ProposalForm({
  kind,
  provisionId,
  lastResult,
  defaults,
  siblingKinds = [],
}: {
  kind: AmendmentKind
  provisionId: number
  lastResult: SubmissionResult<string[]> | undefined
  defaults: Partial<ProposalShape>
  siblingKinds?: readonly ProvisionKind[]
}) {
  const { t } = useTranslation('drafts')
  const errorText = useDraftsErrorText()
  const [form, fields] = useForm<ProposalShape>({
    id: `propose-${kind}`,
    lastResult,
    defaultValue: { ...defaults, kind },
    shouldValidate: 'onSubmit',
  })
  const texts = fields.texts.getFieldset()
  return (
    <details className="consultation-details" open={Boolean(lastResult)}>
      <summary>{t(`amendment.proposeKinds.${kind}`)}</summary>
      <Form method="post" {...getFormProps(form)} className="consultation-form">
        <input type="hidden" name="intent" value="propose" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="provisionId" value={provisionId} />
        <ConsultationFormError id={form.errorId} errors={form.errors} />
        {kind === 'insert_after' ? (
          <SelectField
            id={fields.newKind.id}
            name={fields.newKind.name}
            label={t('amendment.form.newKind')}
            defaultValue={(fields.newKind.initialValue as string | undefined) ?? ''}
            errors={errorText(fields.newKind.errors)}
            options={siblingKinds.map((k) => ({ value: k, label: t(`amendment.newKinds.${k}`) }))}
          />
        ) : null}
        {kind !== 'delete' ? (
          <div className="consultation-form__languages">
            <LanguageFields lang="en" fields={texts.en} />
            <LanguageFields lang="ar" fields={texts.ar} />
          </div>
        ) : null}
        <TextareaField
          field={fields.justification}
          label={t('amendment.form.justification')}
          hint={t('amendment.form.justificationHint')}
          errors={errorText(fields.justification.errors)}
          rows={3}
          maxLength={draftLimits.justification}
        />
        <button type="submit" className="button">
          {t(`amendment.form.submit.${kind}`)}
        </button>
      </Form>
    </details>
  )
}

function LanguageFields({ lang, fields }: { lang: 'en' | 'ar'; fields: FieldMetadata<Words> }) {
  const { t } = useTranslation('drafts')
  const errorText = useDraftsErrorText()
  const { heading, body } = fields.getFieldset()
  return (
    <fieldset className="consultation-form__language">
      <legend>{t(`amendment.form.language.${lang}`)}</legend>
      <Field
        label={t('amendment.form.heading')}
        errors={errorText(heading.errors)}
        inputProps={{
          ...getInputProps(heading, { type: 'text', ariaAttributes: false }),
          lang,
          dir: dirOf(lang),
          maxLength: draftLimits.heading,
        }}
      />
      <TextareaField
        field={body}
        label={t('amendment.form.body')}
        hint={t('amendment.form.bodyHint')}
        errors={errorText(body.errors)}
        lang={lang}
        rows={6}
        maxLength={draftLimits.body}
      />
    </fieldset>
  )
}
