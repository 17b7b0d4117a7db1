// The answer form of a parliament's response (issue 16): the questionnaire's sections and questions as
// question-field.tsx renders them, a Save and a Submit button. Without JavaScript every question is shown, each
// conditional one saying when it applies (the server clears what the conditions hide); with it, the questions a
// condition hides are hidden as the answers change.
import { Form } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { checkAnswer, readAnswerForm, shownQuestionIds, type Answer } from '../answer-schemas'
import { conditionSourceKinds } from '../conditions'
import type { Question } from '../questionnaire.server'
import { QuestionField, type MechanismChoice, type QuestionFieldValue } from './question-field'

export type AnswerSection = {
  id: number
  titleEn: string
  titleAr: string
  descriptionEn: string
  descriptionAr: string
  questions: Question[]
}

type Props = {
  lang: Language
  sections: AnswerSection[]
  values: Record<number, QuestionFieldValue>
  /** Already-translated messages, by question id. */
  errors?: Record<number, string>
  /** What a colleague saved meanwhile, where it differs from the form (said in words), by question id. */
  theirs?: Record<number, string>
  /** Links to ask for technical assistance about a saved answer, by question id. */
  assistance?: Record<number, string>
  mechanisms: MechanismChoice[]
  baseRevision: number
  /** A submitted response, or one that takes no answers now: the answers shown, nothing to post. */
  readOnly: boolean
  /** Ids of the describing elements of the form (a refusal's summary). */
  describedBy?: string
}

const Text = ({ en, ar, lang }: { en: string; ar: string; lang: Language }) => {
  const picked = pickLanguage({ en, ar }, lang)
  return <span lang={picked.lang}>{picked.text}</span>
}

/** Which questions are shown given the answers the form holds now (only the conditions' sources are read). */
function shownNow(form: HTMLFormElement, questions: Question[]) {
  const values = readAnswerForm(new FormData(form), questions)
  const answers = new Map<number, Answer | null>()
  for (const q of questions) {
    if (!conditionSourceKinds.includes(q.kind)) continue
    const checked = checkAnswer(q, values[q.id], { mechanismIds: new Set(), now: new Date() })
    answers.set(q.id, checked.ok ? checked.answer : null)
  }
  return shownQuestionIds(questions, answers)
}

export function AnswerForm({
  lang,
  sections,
  values,
  errors = {},
  theirs = {},
  assistance = {},
  mechanisms,
  baseRevision,
  readOnly,
  describedBy,
}: Props) {
  const { t } = useTranslation('surveys')
  const formRef = useRef<HTMLFormElement>(null)
  const all = sections.flatMap((s) => s.questions)
  const asked = all.filter((q) => q.closedAt === null)
  // null until hydrated (and without JavaScript): every question is shown.
  const [shown, setShown] = useState<Set<number> | null>(null)
  const refresh = useCallback(() => {
    if (formRef.current) setShown(shownNow(formRef.current, asked))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sections])
  useEffect(refresh, [refresh])

  const conditionNote = (q: Question): ReactNode => {
    const source = all.find((x) => x.id === q.conditionQuestionId)
    if (!source || q.conditionValue === null) return undefined
    const option = source.options.find((o) => String(o.id) === q.conditionValue)
    const value = option ? (
      <Text en={option.labelEn} ar={option.labelAr} lang={lang} />
    ) : (
      t(`answer.text.yesNo.${q.conditionValue}`, { defaultValue: q.conditionValue })
    )
    return (
      <>
        {t('answer.conditionNote', { number: source.number })} <q>{value}</q>
      </>
    )
  }

  const body = sections.map((s) => {
    const questions = s.questions.filter((q) => q.closedAt === null)
    if (!questions.length) return null
    return (
      <section key={s.id} className="answer-form__section" aria-labelledby={`section-${s.id}`}>
        <h2 id={`section-${s.id}`}>
          <Text en={s.titleEn} ar={s.titleAr} lang={lang} />
        </h2>
        {s.descriptionEn || s.descriptionAr ? (
          <p className="answer-form__section-description">
            <Text en={s.descriptionEn} ar={s.descriptionAr} lang={lang} />
          </p>
        ) : null}
        {questions.map((q) => (
          <div
            key={q.id}
            id={`question-${q.id}`}
            className="answer-form__question"
            hidden={shown !== null && !shown.has(q.id)}
          >
            <QuestionField
              question={q}
              lang={lang}
              value={values[q.id]}
              error={errors[q.id]}
              disabled={readOnly}
              mechanisms={mechanisms}
              conditionNote={conditionNote(q)}
            />
            {theirs[q.id] !== undefined ? (
              <div className="answer-form__theirs" role="note">
                <p className="answer-form__theirs-title">{t('answer.stale.theirs')}</p>
                <p className="answer-form__theirs-text" dir="auto">
                  {theirs[q.id] || t('answer.stale.theirsEmpty')}
                </p>
              </div>
            ) : null}
            {assistance[q.id] ? (
              <p className="answer-form__assistance">
                <a href={assistance[q.id]}>{t('answer.assistance.link', { number: q.number })}</a>
              </p>
            ) : null}
          </div>
        ))}
      </section>
    )
  })

  if (readOnly) return <div className="answer-form answer-form--read-only">{body}</div>
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="answer-form"
      ref={formRef}
      onChange={refresh}
      aria-describedby={describedBy}
      noValidate
    >
      <input type="hidden" name="baseRevision" value={baseRevision} />
      {body}
      <div className="answer-form__actions">
        <p className="field__hint" id="answer-actions-hint">
          {t('answer.actionsHint')}
        </p>
        <p className="answer-form__buttons">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button button--quiet"
            aria-describedby="answer-actions-hint"
          >
            {t('answer.save')}
          </button>
          <button type="submit" name="intent" value="submit" className="button" aria-describedby="answer-actions-hint">
            {t('answer.submit')}
          </button>
        </p>
      </div>
    </Form>
  )
}
