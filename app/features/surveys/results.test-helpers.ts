// Shared by the results and export tests: a questionnaire, parliaments and their responses written straight into the
// test database (rows as the answer form would leave them), so that the results need no other helper's code.
import {
  parliament,
  survey,
  surveyAnswer,
  surveyAnswerChoice,
  surveyOption,
  surveyQuestion,
  surveyResponse,
  surveySection,
} from '#db/schema/index'
import type { ParliamentKind, Region } from '#db/enums'
import { getDb } from '~/utils/db.server'
import type { QuestionKind, ResponseStatus } from './vocabulary'

let parliaments = 0
export function addParliament(region: Region, kind: ParliamentKind = 'national', names?: { en: string; ar: string }) {
  parliaments++
  const code = `${String.fromCharCode(65 + (parliaments % 26))}${String.fromCharCode(65 + (Math.floor(parliaments / 26) % 26))}`
  return getDb()
    .insert(parliament)
    .values({
      kind,
      countryCode: kind === 'national' ? code : null,
      chamber: kind === 'national' ? 'single' : null,
      nameEn: names?.en ?? `Parliament ${parliaments}`,
      nameAr: names?.ar ?? `البرلمان ${parliaments}`,
      region,
      joinedAt: '2021-12-13',
    })
    .returning({ id: parliament.id })
    .get().id
}

export function addSurvey(status: 'draft' | 'open' | 'closed' = 'open') {
  const db = getDb()
  const id = db
    .insert(survey)
    .values({
      titleEn: 'Parliamentary responses to terrorism',
      titleAr: 'استجابات البرلمانات للإرهاب',
      status,
      sentAt: new Date(),
    })
    .returning({ id: survey.id })
    .get().id
  const sectionId = db
    .insert(surveySection)
    .values({ surveyId: id, position: 0, titleEn: 'Threats', titleAr: 'التهديدات' })
    .returning({ id: surveySection.id })
    .get().id
  let position = 0
  /** A question with its options (labels in both languages); returns its id and its options' ids. */
  const question = (
    kind: QuestionKind,
    text: { en: string; ar: string },
    options: { en: string; ar: string }[] = [],
    extra: Partial<typeof surveyQuestion.$inferInsert> = {},
  ) => {
    const questionId = db
      .insert(surveyQuestion)
      .values({ surveyId: id, sectionId, position: position++, kind, textEn: text.en, textAr: text.ar, ...extra })
      .returning({ id: surveyQuestion.id })
      .get().id
    const optionIds = options.map(
      (o, i) =>
        db
          .insert(surveyOption)
          .values({ questionId, position: i, labelEn: o.en, labelAr: o.ar })
          .returning({ id: surveyOption.id })
          .get().id,
    )
    return { id: questionId, options: optionIds }
  }
  return { id, question }
}

export function addResponse(surveyId: number, parliamentId: number, status: ResponseStatus = 'submitted') {
  return getDb()
    .insert(surveyResponse)
    .values({ surveyId, parliamentId, status, submittedAt: status === 'submitted' ? new Date() : null })
    .returning({ id: surveyResponse.id })
    .get().id
}

export function answer(responseId: number, questionId: number, values: Partial<typeof surveyAnswer.$inferInsert>) {
  getDb()
    .insert(surveyAnswer)
    .values({ responseId, questionId, ...values })
    .run()
}

/** Ticked options of a multiple choice, or a matrix's rows with their scale values ([optionId, value]). */
export function choose(responseId: number, questionId: number, picks: (number | [number, number])[]) {
  for (const pick of picks) {
    const [optionId, scaleValue] = Array.isArray(pick) ? pick : [pick, null]
    getDb().insert(surveyAnswerChoice).values({ responseId, questionId, optionId, scaleValue }).run()
  }
}
