// A questionnaire read whole (issue 16): its fields, sections, questions and options in order, in one query per
// table (no N+1). The builder, the answer form, the results and the exports all read it through here.
import { asc, eq, inArray } from 'drizzle-orm'
import { survey, surveyOption, surveyQuestion, surveySection } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

export type SurveyRow = typeof survey.$inferSelect
export type SectionRow = typeof surveySection.$inferSelect
export type QuestionRow = typeof surveyQuestion.$inferSelect
export type OptionRow = typeof surveyOption.$inferSelect

export type Question = QuestionRow & {
  /** Its number in the whole questionnaire, from 1, in reading order ("Q4"). */
  number: number
  options: OptionRow[]
}
export type Section = SectionRow & { questions: Question[] }
export type Questionnaire = SurveyRow & { sections: Section[]; questions: Question[] }

export function getSurvey(id: number): SurveyRow | undefined {
  return getDb().select().from(survey).where(eq(survey.id, id)).get()
}

/** The questionnaire with everything it asks, or undefined. Closed questions are included (`closedAt` set). */
export function loadQuestionnaire(id: number): Questionnaire | undefined {
  const db = getDb()
  const row = getSurvey(id)
  if (!row) return undefined
  const sections = db
    .select()
    .from(surveySection)
    .where(eq(surveySection.surveyId, id))
    .orderBy(asc(surveySection.position), asc(surveySection.id))
    .all()
  const questions = db
    .select()
    .from(surveyQuestion)
    .where(eq(surveyQuestion.surveyId, id))
    .orderBy(asc(surveyQuestion.position), asc(surveyQuestion.id))
    .all()
  const options = questions.length
    ? db
        .select()
        .from(surveyOption)
        .where(
          inArray(
            surveyOption.questionId,
            questions.map((q) => q.id),
          ),
        )
        .orderBy(asc(surveyOption.position), asc(surveyOption.id))
        .all()
    : []
  const optionsOf = new Map<number, OptionRow[]>()
  for (const o of options) {
    const list = optionsOf.get(o.questionId)
    if (list) list.push(o)
    else optionsOf.set(o.questionId, [o])
  }
  const bySection = new Map<number, QuestionRow[]>()
  for (const q of questions) {
    const list = bySection.get(q.sectionId)
    if (list) list.push(q)
    else bySection.set(q.sectionId, [q])
  }
  let number = 0
  const out: Section[] = sections.map((s) => ({
    ...s,
    questions: (bySection.get(s.id) ?? []).map((q) => ({ ...q, number: ++number, options: optionsOf.get(q.id) ?? [] })),
  }))
  return { ...row, sections: out, questions: out.flatMap((s) => s.questions) }
}
