// The form of one question (QuestionSchema), to add it or to edit it: its kind, words and help in both languages,
// whether it is required, its options or matrix rows, its scale's end labels, its unit and bounds, and its display
// condition. Without JavaScript every kind's fields are shown (the server keeps those of the chosen kind); with it,
// only the chosen kind's.
import { Form, Link } from '@remix-run/react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { FieldErrors } from '~/components/ui/field'
import { errorCodes, errorKey, type SurveysError } from '../errors'
import { kindsWithOptions, kindsWithScale, questionKinds, surveyLimits, type QuestionKind } from '../vocabulary'

export type OptionRowValues = { id?: string; labelEn?: string; labelAr?: string; remove?: string }
export type QuestionFormValues = {
  sectionId?: string
  kind?: string
  textEn?: string
  textAr?: string
  helpEn?: string
  helpAr?: string
  isRequired?: string
  scaleLowEn?: string
  scaleLowAr?: string
  scaleHighEn?: string
  scaleHighAr?: string
  unitEn?: string
  unitAr?: string
  numberMin?: string
  numberMax?: string
  condition?: string
  options?: (OptionRowValues | undefined)[]
}
export type Choice = { value: string; label: string }

/** Blank option rows offered under the existing ones (more can be added after saving). */
const blankRows = (kind: string | undefined, existing: number) =>
  Math.max(existing === 0 ? 4 : 2, existing === 0 && kind === 'matrix' ? 4 : 0)

/** Turns the codes a builder form comes back with into the page's language. */
export function useSurveysErrorText() {
  const { t } = useTranslation(['surveys', 'common'])
  return (errors: string[] | undefined) =>
    errors?.length
      ? [
          ...new Set(
            errors.map((code) =>
              (errorCodes as readonly string[]).includes(code)
                ? t(errorKey(code as SurveysError))
                : t(`validation.${code}`, { ns: 'common', defaultValue: t('validation.invalid', { ns: 'common' }) }),
            ),
          ),
        ]
      : undefined
}

function Frame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  errors?: string[]
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode
}) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const aria = {
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': errorId ? (true as const) : undefined,
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children(aria)}
      {errorId ? <FieldErrors id={errorId} errors={errors!} /> : null}
    </div>
  )
}

type Props = {
  /** 'add' for a new question, else the question's id. */
  questionId: number | 'add'
  values: QuestionFormValues
  /** Codes per field name (conform's paths: `textEn`, `options`, `options[2].labelEn`), '' for the form's own. */
  errors: Record<string, string[] | null | undefined>
  sections: Choice[]
  conditions: Choice[]
  /** The question holds answers: its kind is fixed, answered options cannot be removed. */
  answered?: boolean
  cancelTo?: string
  /** The level of the form's heading (4 inside the outline). */
  level?: 2 | 3 | 4
}

export function QuestionEditor({
  questionId,
  values,
  errors,
  sections,
  conditions,
  answered,
  cancelTo,
  level = 3,
}: Props) {
  const { t } = useTranslation('surveys')
  const errorText = useSurveysErrorText()
  const adding = questionId === 'add'
  const id = adding ? 'question-new' : `question-${questionId}`
  const Heading = (['h2', 'h3', 'h4'] as const)[level - 2]!
  const [kind, setKind] = useState<string>(values.kind ?? 'single_choice')
  const [hydrated, setHydrated] = useState(false)
  // Only once React runs: before that (or without JavaScript) every kind's fields stay visible.
  useEffect(() => setHydrated(true), [])
  const shows = (kinds: readonly QuestionKind[]) => !hydrated || kinds.includes(kind as QuestionKind)
  const err = (name: string) => errorText(errors[name] ?? undefined)
  const formErrors = err('')
  const rows = (values.options ?? []).filter((o): o is OptionRowValues => Boolean(o))
  const existing = rows.filter((o) => o.id).length
  const allRows = [...rows, ...Array.from({ length: blankRows(values.kind, existing) }, () => ({}) as OptionRowValues)]
  const text = (
    name: keyof QuestionFormValues,
    label: string,
    lang?: 'en' | 'ar',
    hint?: string,
    max: number = surveyLimits.title,
  ) => (
    <Frame id={`${id}-${name}`} label={label} hint={hint} errors={err(name)}>
      {(aria) => (
        <input
          type="text"
          id={`${id}-${name}`}
          name={name}
          defaultValue={(values[name] as string | undefined) ?? ''}
          maxLength={max}
          lang={lang}
          dir={lang ? (lang === 'ar' ? 'rtl' : 'ltr') : undefined}
          {...aria}
        />
      )}
    </Frame>
  )
  const area = (name: keyof QuestionFormValues, label: string, lang: 'en' | 'ar', rowsCount = 3) => (
    <Frame id={`${id}-${name}`} label={label} errors={err(name)}>
      {(aria) => (
        <textarea
          id={`${id}-${name}`}
          name={name}
          defaultValue={(values[name] as string | undefined) ?? ''}
          maxLength={surveyLimits.help}
          rows={rowsCount}
          lang={lang}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          {...aria}
        />
      )}
    </Frame>
  )
  const optionErrors = [
    ...(err('options') ?? []),
    ...(errorText(
      Object.entries(errors)
        .filter(([k]) => k.startsWith('options['))
        .flatMap(([, v]) => v ?? []),
    ) ?? []),
  ]
  return (
    <Form method="post" id={`${id}-form`} noValidate className="stack question-editor" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{adding ? t('question.addTitle') : t('question.editTitle')}</Heading>
      <input type="hidden" name="intent" value={adding ? 'addQuestion' : 'saveQuestion'} />
      {adding ? null : <input type="hidden" name="questionId" value={String(questionId)} />}
      <FormError id={`${id}-form-error`}>
        {formErrors?.[0] ?? (Object.keys(errors).length ? t('question.notSaved') : null)}
      </FormError>
      <Frame
        id={`${id}-kind`}
        label={t('question.kind')}
        hint={answered ? t('question.kindLocked') : undefined}
        errors={err('kind')}
      >
        {(aria) => (
          <select
            id={`${id}-kind`}
            name="kind"
            defaultValue={values.kind ?? 'single_choice'}
            onChange={(e) => setKind(e.currentTarget.value)}
            {...aria}
          >
            {questionKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Frame>
      <Frame id={`${id}-sectionId`} label={t('question.section')} errors={err('sectionId')}>
        {(aria) => (
          <select
            id={`${id}-sectionId`}
            name="sectionId"
            defaultValue={values.sectionId ?? sections.at(-1)?.value}
            {...aria}
          >
            {sections.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Frame>
      {text('textEn', t('question.textEn'), 'en', t('question.textHint'), surveyLimits.help)}
      {text('textAr', t('question.textAr'), 'ar', undefined, surveyLimits.help)}
      {area('helpEn', t('question.helpEn'), 'en', 2)}
      {area('helpAr', t('question.helpAr'), 'ar', 2)}
      <div className="field field--check">
        <input
          type="checkbox"
          id={`${id}-isRequired`}
          name="isRequired"
          value="on"
          defaultChecked={values.isRequired === 'on'}
        />
        <label htmlFor={`${id}-isRequired`}>{t('question.required')}</label>
      </div>

      <fieldset className="question-editor__group" hidden={!shows(kindsWithOptions)}>
        <legend>{t('question.options')}</legend>
        <p className="field__hint">{t('question.optionsHint')}</p>
        {optionErrors.length ? <FieldErrors id={`${id}-options-error`} errors={[...new Set(optionErrors)]} /> : null}
        <ol className="question-editor__options">
          {allRows.map((o, i) => {
            const n = i + 1
            return (
              <li key={i} className="question-editor__option">
                {o.id ? <input type="hidden" name={`options[${i}].id`} value={o.id} /> : null}
                <div className="field">
                  <label htmlFor={`${id}-o${i}-en`}>{t('question.optionEn', { n })}</label>
                  <input
                    type="text"
                    id={`${id}-o${i}-en`}
                    name={`options[${i}].labelEn`}
                    defaultValue={o.labelEn ?? ''}
                    maxLength={surveyLimits.title}
                    lang="en"
                    dir="ltr"
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-o${i}-ar`}>{t('question.optionAr', { n })}</label>
                  <input
                    type="text"
                    id={`${id}-o${i}-ar`}
                    name={`options[${i}].labelAr`}
                    defaultValue={o.labelAr ?? ''}
                    maxLength={surveyLimits.title}
                    lang="ar"
                    dir="rtl"
                  />
                </div>
                {o.id ? (
                  <div className="field field--check">
                    <input
                      type="checkbox"
                      id={`${id}-o${i}-remove`}
                      name={`options[${i}].remove`}
                      value="on"
                      defaultChecked={o.remove === 'on'}
                    />
                    <label htmlFor={`${id}-o${i}-remove`}>{t('question.removeOption', { n })}</label>
                  </div>
                ) : null}
              </li>
            )
          })}
        </ol>
      </fieldset>

      <fieldset className="question-editor__group" hidden={!shows(kindsWithScale)}>
        <legend>{t('question.scale')}</legend>
        <p className="field__hint">{t('question.scaleHint')}</p>
        {text('scaleLowEn', t('question.scaleLowEn'), 'en')}
        {text('scaleLowAr', t('question.scaleLowAr'), 'ar')}
        {text('scaleHighEn', t('question.scaleHighEn'), 'en')}
        {text('scaleHighAr', t('question.scaleHighAr'), 'ar')}
      </fieldset>

      <fieldset className="question-editor__group" hidden={!shows(['number'])}>
        <legend>{t('question.number')}</legend>
        <p className="field__hint">{t('question.numberHint')}</p>
        {text('unitEn', t('question.unitEn'), 'en')}
        {text('unitAr', t('question.unitAr'), 'ar')}
        {(['numberMin', 'numberMax'] as const).map((name) => (
          <Frame key={name} id={`${id}-${name}`} label={t(`question.${name}`)} errors={err(name)}>
            {(aria) => (
              <input
                type="text"
                inputMode="decimal"
                dir="ltr"
                id={`${id}-${name}`}
                name={name}
                defaultValue={values[name] ?? ''}
                maxLength={40}
                autoComplete="off"
                {...aria}
              />
            )}
          </Frame>
        ))}
      </fieldset>

      <Frame
        id={`${id}-condition`}
        label={t('question.condition')}
        hint={conditions.length ? t('question.conditionHint') : t('question.conditionNone')}
        errors={err('condition')}
      >
        {(aria) => (
          <select id={`${id}-condition`} name="condition" defaultValue={values.condition ?? ''} {...aria}>
            <option value="">{t('question.always')}</option>
            {conditions.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Frame>
      <p>
        <button type="submit" className="button">
          {adding ? t('question.add') : t('question.save')}
        </button>
        {cancelTo ? (
          <>
            {' '}
            <Link to={cancelTo}>{t('form.cancel')}</Link>
          </>
        ) : null}
      </p>
    </Form>
  )
}
