// Display conditions in words: "Q2 is “Yes”", "Q5 includes “Financing”", for the builder's choices, its outline and
// the preview. Pure over the questionnaire's questions, translated with the surveys namespace.
import { useTranslation } from 'react-i18next'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { conditionSourceKinds, conditionValuesOf } from '../conditions'
import type { QuestionKind } from '../vocabulary'

export type ConditionSource = {
  id: number
  number: number
  kind: QuestionKind
  textEn: string
  textAr: string
  options: { id: number; labelEn: string; labelAr: string }[]
}
type Conditioned = { id: number; conditionQuestionId: number | null; conditionValue: string | null }

const short = (text: string, max = 60) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text)

export function useConditionText(lang: Language) {
  const { t } = useTranslation('surveys')
  const valueLabel = (source: ConditionSource, value: string) => {
    if (source.kind === 'yes_no') return t(`field.yesNo.${value}`, { defaultValue: value })
    const option = source.options.find((o) => String(o.id) === value)
    return option ? pickLanguage({ en: option.labelEn, ar: option.labelAr }, lang).text : value
  }
  /** "Q2 is “Yes”" (or "includes" for a multiple choice). */
  const phrase = (source: ConditionSource, value: string) =>
    t(source.kind === 'multiple_choice' ? 'condition.includes' : 'condition.is', {
      number: source.number,
      value: valueLabel(source, value),
    })
  return {
    phrase,
    /** "Shown only if Q2 is “Yes”", or null when the question has no condition (or it names nothing known). */
    note(question: Conditioned, questions: readonly ConditionSource[]) {
      if (question.conditionQuestionId === null || question.conditionValue === null) return null
      const source = questions.find((q) => q.id === question.conditionQuestionId)
      return source ? t('condition.shownIf', { condition: phrase(source, question.conditionValue) }) : null
    },
    /** The choices of a condition select: every value of every question before `before` (all when null). */
    choices(questions: readonly ConditionSource[], before: number | null) {
      const out: { value: string; label: string }[] = []
      for (const q of questions) {
        if (q.id === before) break
        if (!conditionSourceKinds.includes(q.kind)) continue
        const text = short(pickLanguage({ en: q.textEn, ar: q.textAr }, lang).text)
        for (const value of conditionValuesOf(q))
          out.push({ value: `${q.id}:${value}`, label: `${phrase(q, value)} — ${text}` })
      }
      return out
    },
  }
}
