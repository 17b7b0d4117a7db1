// What other features may use of the drafts feature (a meeting's agenda, a request's output, the library's
// adopted resource link to drafts through these).
export { canViewDraft, listedDraftsWhere, type DraftViewer } from './access.server'
export { getDraft, type DraftDetail } from './draft.server'
export { draftKinds, provisionKinds, type DraftKind, type DraftSnapshot, type ProvisionKind } from './snapshot'
export { draftStages, type DraftStage } from './vocabulary'
export { countOpenComments, listComments, type CommentThread } from './comment.server'
export { countOpenAmendments, listAmendments, type AmendmentView } from './amendment.server'
export { adoptDraft, adoptedResourceTypes, type Adoption } from './adoption.server'
export {
  findDraftOfResource,
  isDraftOpenToMembers,
  listDraftChoices,
  listDraftSummaries,
  type DraftLinkViewer,
  type DraftSummary,
} from './links.server'
