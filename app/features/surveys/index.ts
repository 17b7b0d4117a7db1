// What other features and the shared pages may use of the surveys feature.
export { countSurveysToAnswer, surveysToAnswerNotice, type SurveysNotice } from './pending.server'
