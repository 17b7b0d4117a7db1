import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { user } from './accounts'
import { createdAt, timestamps } from './columns'
import { mechanism } from './members'
import { parliament } from './network'
import { resource } from './resources'
import { mechanismKinds } from '../enums'
// Pure lists with no dependencies (the browser's forms read them too); see decision 025.
import {
  proposalStates,
  questionKinds,
  responseStatuses,
  surveyStatuses,
  yesNoValues,
} from '../../app/features/surveys/vocabulary'

/**
 * A questionnaire sent to parliaments and answered on their behalf (issue 16): one response per parliament. Its
 * title and introduction are column pairs like every other record's.
 */
export const survey = sqliteTable(
  'survey',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
    introAr: text('intro_ar').notNull().default(''),
    status: text('status', { enum: surveyStatuses }).notNull().default('draft'),
    /** Answers are accepted until this instant (set when it is sent; may be moved later). */
    deadline: integer('deadline', { mode: 'timestamp' }),
    /** The reminder goes this many days before the deadline to parliaments that have not submitted. */
    reminderDays: integer('reminder_days').notNull().default(7),
    /** When set, visitors see the aggregates (breakdown cells of fewer than `minimumCell` parliaments hidden). */
    resultsPublishedAt: integer('results_published_at', { mode: 'timestamp' }),
    /** The library report its results page was published as. */
    resourceId: integer('resource_id').references(() => resource.id, { onDelete: 'set null' }),
    sentAt: integer('sent_at', { mode: 'timestamp' }),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('survey_status_idx').on(t.status, t.deadline),
    index('survey_results_published_at_idx').on(t.resultsPublishedAt),
    index('survey_created_by_id_idx').on(t.createdById),
    index('survey_resource_id_idx').on(t.resourceId),
    check('survey_has_title', sql`${t.titleEn} <> '' OR ${t.titleAr} <> ''`),
    check('survey_reminder_days', sql`${t.reminderDays} BETWEEN 0 AND 60`),
  ],
)

const surveyId = () =>
  integer('survey_id')
    .notNull()
    .references(() => survey.id, { onDelete: 'cascade' })

/** A section of a questionnaire, in order. */
export const surveySection = sqliteTable(
  'survey_section',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    surveyId: surveyId(),
    position: integer('position').notNull(),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionAr: text('description_ar').notNull().default(''),
  },
  (t) => [index('survey_section_survey_id_idx').on(t.surveyId, t.position)],
)

/**
 * A question, in its section's order. Once a response holds an answer to it, it may be closed (`closedAt`: no longer
 * asked, its answers kept) but not removed or given another kind. Its display condition: shown only when the
 * answer to an earlier question (`conditionQuestionId`) is `conditionValue` — an option's id (as text) for a choice,
 * one of `yesNoValues` for yes/no.
 */
export const surveyQuestion = sqliteTable(
  'survey_question',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    surveyId: surveyId(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => surveySection.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: questionKinds }).notNull(),
    textEn: text('text_en').notNull().default(''),
    textAr: text('text_ar').notNull().default(''),
    helpEn: text('help_en').notNull().default(''),
    helpAr: text('help_ar').notNull().default(''),
    isRequired: integer('is_required', { mode: 'boolean' }).notNull().default(false),
    closedAt: integer('closed_at', { mode: 'timestamp' }),
    /** `scale` and `matrix`: the labels of 1 and of 5. */
    scaleLowEn: text('scale_low_en').notNull().default(''),
    scaleLowAr: text('scale_low_ar').notNull().default(''),
    scaleHighEn: text('scale_high_en').notNull().default(''),
    scaleHighAr: text('scale_high_ar').notNull().default(''),
    /** `number`: its unit (e.g. "members", "per cent") and bounds, both included. */
    unitEn: text('unit_en').notNull().default(''),
    unitAr: text('unit_ar').notNull().default(''),
    numberMin: real('number_min'),
    numberMax: real('number_max'),
    conditionQuestionId: integer('condition_question_id').references((): AnySQLiteColumn => surveyQuestion.id, {
      onDelete: 'set null',
    }),
    conditionValue: text('condition_value'),
    ...timestamps(),
  },
  (t) => [
    index('survey_question_survey_id_idx').on(t.surveyId, t.position),
    index('survey_question_section_id_idx').on(t.sectionId, t.position),
    index('survey_question_condition_question_id_idx').on(t.conditionQuestionId),
    check('survey_question_has_text', sql`${t.textEn} <> '' OR ${t.textAr} <> ''`),
    check(
      'survey_question_bounds_in_order',
      sql`${t.numberMin} IS NULL OR ${t.numberMax} IS NULL OR ${t.numberMin} <= ${t.numberMax}`,
    ),
    check('survey_question_condition_whole', sql`(${t.conditionQuestionId} IS NULL) = (${t.conditionValue} IS NULL)`),
  ],
)

const questionId = () =>
  integer('question_id')
    .notNull()
    .references(() => surveyQuestion.id, { onDelete: 'cascade' })

/** An option of a single- or multiple-choice question, or a row of a matrix; in order. */
export const surveyOption = sqliteTable(
  'survey_option',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: questionId(),
    position: integer('position').notNull(),
    labelEn: text('label_en').notNull().default(''),
    labelAr: text('label_ar').notNull().default(''),
  },
  (t) => [
    index('survey_option_question_id_idx').on(t.questionId, t.position),
    check('survey_option_has_label', sql`${t.labelEn} <> '' OR ${t.labelAr} <> ''`),
  ],
)

/**
 * A parliament's response to a questionnaire (the invitation and the answer in one row): written by its members,
 * saved as they go, submitted once by one of them, reopened only by a coordinator.
 */
export const surveyResponse = sqliteTable(
  'survey_response',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    surveyId: surveyId(),
    parliamentId: integer('parliament_id')
      .notNull()
      .references(() => parliament.id, { onDelete: 'cascade' }),
    status: text('status', { enum: responseStatuses }).notNull().default('invited'),
    invitedAt: integer('invited_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
    startedAt: integer('started_at', { mode: 'timestamp' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp' }),
    submittedById: integer('submitted_by_id').references(() => user.id, { onDelete: 'set null' }),
    reopenedAt: integer('reopened_at', { mode: 'timestamp' }),
    lastActivityAt: integer('last_activity_at', { mode: 'timestamp' }),
    lastActivityById: integer('last_activity_by_id').references(() => user.id, { onDelete: 'set null' }),
    /** Set by the one run that sends the reminder (claimed with a conditional UPDATE: never sent twice). */
    reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp' }),
    /** Bumped by every save: a save based on an older revision is refused (two members writing at once). */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    uniqueIndex('survey_response_survey_id_parliament_id_idx').on(t.surveyId, t.parliamentId),
    index('survey_response_parliament_id_idx').on(t.parliamentId, t.status),
    index('survey_response_survey_id_status_idx').on(t.surveyId, t.status),
  ],
)

const responseId = () =>
  integer('response_id')
    .notNull()
    .references(() => surveyResponse.id, { onDelete: 'cascade' })

/**
 * One answer of a response. The column used depends on the question's kind: `optionId` (single choice), `choice`
 * (yes/no), `numberValue` (number, scale), `textValue` (short and long text, date as YYYY-MM-DD), `fileId` (file),
 * `mechanismId` or `proposalId` (mechanism). Multiple choice and matrix answers are rows of `survey_answer_choice`.
 */
export const surveyAnswer = sqliteTable(
  'survey_answer',
  {
    responseId: responseId(),
    questionId: questionId(),
    optionId: integer('option_id').references(() => surveyOption.id, { onDelete: 'set null' }),
    choice: text('choice', { enum: yesNoValues }),
    numberValue: real('number_value'),
    textValue: text('text_value'),
    fileId: integer('file_id').references(() => surveyFile.id, { onDelete: 'set null' }),
    mechanismId: integer('mechanism_id').references(() => mechanism.id, { onDelete: 'set null' }),
    proposalId: integer('proposal_id').references((): AnySQLiteColumn => mechanismProposal.id, {
      onDelete: 'set null',
    }),
    updatedById: integer('updated_by_id').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index('survey_answer_question_id_idx').on(t.questionId),
    index('survey_answer_option_id_idx').on(t.optionId),
    index('survey_answer_file_id_idx').on(t.fileId),
    index('survey_answer_mechanism_id_idx').on(t.mechanismId),
    index('survey_answer_proposal_id_idx').on(t.proposalId),
  ],
)

/**
 * The options ticked in a multiple-choice answer (each counted on its own in the results), or a matrix's rows with
 * the scale value given to each (`scaleValue`).
 */
export const surveyAnswerChoice = sqliteTable(
  'survey_answer_choice',
  {
    responseId: responseId(),
    questionId: questionId(),
    optionId: integer('option_id')
      .notNull()
      .references(() => surveyOption.id, { onDelete: 'cascade' }),
    scaleValue: integer('scale_value'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId, t.optionId] }),
    index('survey_answer_choice_question_id_idx').on(t.questionId, t.optionId),
    index('survey_answer_choice_option_id_idx').on(t.optionId),
  ],
)

/** A file given as an answer (bytes in DATA_DIR/uploads under their SHA-256, as the library's). */
export const surveyFile = sqliteTable(
  'survey_file',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseId: responseId(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull(),
    uploadedById: integer('uploaded_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('survey_file_response_id_idx').on(t.responseId), index('survey_file_sha256_idx').on(t.sha256)],
)

/**
 * A new mechanism described in a mechanism question's answer: reviewed by a coordinator; once accepted it is a row of
 * the directory (`mechanismId`) for the response's parliament.
 */
export const mechanismProposal = sqliteTable(
  'mechanism_proposal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseId: responseId(),
    questionId: questionId(),
    parliamentId: integer('parliament_id')
      .notNull()
      .references(() => parliament.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: mechanismKinds }).notNull(),
    nameEn: text('name_en').notNull().default(''),
    nameAr: text('name_ar').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionAr: text('description_ar').notNull().default(''),
    year: integer('year'),
    state: text('state', { enum: proposalStates }).notNull().default('pending'),
    mechanismId: integer('mechanism_id').references(() => mechanism.id, { onDelete: 'set null' }),
    reviewedById: integer('reviewed_by_id').references(() => user.id, { onDelete: 'set null' }),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp' }),
    proposedById: integer('proposed_by_id').references(() => user.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('mechanism_proposal_state_idx').on(t.state, t.createdAt),
    index('mechanism_proposal_response_id_idx').on(t.responseId),
    index('mechanism_proposal_question_id_idx').on(t.questionId),
    index('mechanism_proposal_parliament_id_idx').on(t.parliamentId),
    index('mechanism_proposal_mechanism_id_idx').on(t.mechanismId),
    index('mechanism_proposal_reviewed_by_id_idx').on(t.reviewedById),
    index('mechanism_proposal_proposed_by_id_idx').on(t.proposedById),
    check('mechanism_proposal_has_name', sql`${t.nameEn} <> '' OR ${t.nameAr} <> ''`),
  ],
)
