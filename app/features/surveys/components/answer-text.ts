// An answer said in words, in the page's language: for a colleague's newer answer shown beside the typed one, and
// for the request for technical assistance a response can open, pre-filled with the question and its answer.
import type { TFunction } from 'i18next'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import type { Question } from '../questionnaire.server'
import type { MechanismChoice, QuestionFieldValue } from './question-field'

type Q = Pick<Question, 'kind' | 'options' | 'unitEn' | 'unitAr' | 'textEn' | 'textAr' | 'number'>

const pick = (en: string, ar: string, lang: Language) => pickLanguage({ en, ar }, lang).text

/** The answer as one line (several for a matrix), '' when unanswered. */
export function answerText(
  q: Q,
  v: QuestionFieldValue | undefined,
  lang: Language,
  t: TFunction,
  mechanisms: readonly MechanismChoice[] = [],
): string {
  if (!v) return ''
  const label = (id: string) => {
    const o = q.options.find((x) => String(x.id) === id)
    return o ? pick(o.labelEn, o.labelAr, lang) : ''
  }
  switch (q.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return (v.optionIds ?? []).map(label).filter(Boolean).join(t('answer.text.listSeparator'))
    case 'yes_no':
      return v.choice ? t(`answer.text.yesNo.${v.choice}`) : ''
    case 'scale':
      return v.number ? t('answer.text.scale', { value: v.number }) : ''
    case 'number': {
      if (!v.number) return ''
      const unit = pick(q.unitEn, q.unitAr, lang)
      return unit ? `${v.number} ${unit}` : v.number
    }
    case 'date':
    case 'short_text':
    case 'long_text':
      return v.text ?? ''
    case 'matrix':
      return q.options
        .flatMap((o) => {
          const n = v.rows?.[String(o.id)]
          return n ? [t('answer.text.matrixRow', { row: pick(o.labelEn, o.labelAr, lang), value: n })] : []
        })
        .join('\n')
    case 'file':
      return v.file?.name ?? ''
    case 'mechanism': {
      if (v.proposal && (v.proposal.nameEn || v.proposal.nameAr)) {
        return t('answer.text.newMechanism', { name: pick(v.proposal.nameEn ?? '', v.proposal.nameAr ?? '', lang) })
      }
      const m = mechanisms.find((x) => String(x.id) === v.mechanismId)
      return m ? pick(m.nameEn, m.nameAr, lang) : ''
    }
  }
}

/** The first `max` characters (whole code points), an ellipsis if cut. */
export function shorten(text: string, max: number) {
  const chars = [...text]
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : text
}

/**
 * The address of a new request for technical assistance about one answer: the requests form opens with a subject
 * naming the question and a need quoting it and the answer (kept short enough for an address).
 */
export function assistanceHref(
  lang: Language,
  t: TFunction,
  survey: { titleEn: string; titleAr: string },
  q: Q,
  answer: string,
) {
  const question = pick(q.textEn, q.textAr, lang)
  const params = new URLSearchParams({
    subject: shorten(t('answer.assistance.subject', { question }), 200),
    need: shorten(
      t('answer.assistance.need', {
        survey: pick(survey.titleEn, survey.titleAr, lang),
        number: q.number,
        question,
        answer: shorten(answer, 1200),
      }),
      2000,
    ),
  })
  return `/${lang}/requests/new?${params.toString()}`
}
