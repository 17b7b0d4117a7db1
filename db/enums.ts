// The closed lists of values the schema uses, in a module with no dependencies, so the browser bundle can
// import them (for selects and labels) without pulling in Drizzle.

export const parliamentKinds = ['national', 'assembly', 'union'] as const
export type ParliamentKind = (typeof parliamentKinds)[number]

// IPU's geographical regions, plus "global" for world-wide bodies.
export const regions = [
  'africa',
  'americas',
  'asia',
  'europe',
  'middle_east_north_africa',
  'pacific',
  'global',
] as const
export type Region = (typeof regions)[number]

export const chambers = ['single', 'lower', 'upper'] as const
export type Chamber = (typeof chambers)[number]

export const roles = ['member', 'coordinator', 'admin'] as const
export type Role = (typeof roles)[number]

export const locales = ['en', 'ar'] as const
export type Locale = (typeof locales)[number]

export const tokenKinds = ['invitation', 'password_reset'] as const
export type TokenKind = (typeof tokenKinds)[number]

export const genders = ['female', 'male', 'other'] as const
export type Gender = (typeof genders)[number]

export const positions = [
  'member',
  'speaker',
  'deputy_speaker',
  'committee_chair',
  'senator',
  'staff',
  'other',
] as const
export type Position = (typeof positions)[number]

export const visibilities = ['public', 'members'] as const
export type Visibility = (typeof visibilities)[number]

export const mechanismKinds = [
  'committee',
  'law',
  'oversight_body',
  'caucus',
  'national_strategy',
  'network',
  'other',
] as const
export type MechanismKind = (typeof mechanismKinds)[number]

export const pillars = [1, 2, 3, 4] as const
export type Pillar = (typeof pillars)[number]

/** Security Council resolutions often cited in parliamentary work (../shared/DOMAIN.md). */
export const resolutions = ['1325', '1373', '1624', '2178', '2250', '2341', '2396', '2462'] as const
export type Resolution = (typeof resolutions)[number]

export const resourceTypes = [
  'publication',
  'report',
  'policy_brief',
  'model_law',
  'legislation',
  'training_material',
  'video',
  'audio',
  'image_gallery',
  'presentation',
  'link',
] as const
export type ResourceType = (typeof resourceTypes)[number]

export const themes = [
  'terrorism_financing',
  'foreign_terrorist_fighters',
  'youth',
  'women',
  'victims',
  'online_radicalisation',
  'human_rights',
  'prisons_rehabilitation',
  'critical_infrastructure',
  'border_security',
  'legislation_oversight',
  'prevention',
] as const
export type Theme = (typeof themes)[number]

/** draft → submitted → published, or returned to the author with a reason (then edited and submitted again). */
export const resourceStates = ['draft', 'submitted', 'returned', 'published'] as const
export type ResourceState = (typeof resourceStates)[number]

/** Languages a resource's content or a file can be in (BCP 47). */
export const contentLanguages = ['ar', 'en', 'fr', 'es', 'ru', 'zh', 'other'] as const
export type ContentLanguage = (typeof contentLanguages)[number]

/** What a file is to its resource: the content itself, the poster of a video, or an image of a gallery. */
export const fileRoles = ['document', 'media', 'poster', 'image'] as const
export type FileRole = (typeof fileRoles)[number]

export const meetingKinds = [
  'coordination_meeting',
  'conference',
  'workshop',
  'training',
  'webinar',
  'field_visit',
  'expert_briefing',
  'other',
] as const
export type MeetingKind = (typeof meetingKinds)[number]

export const meetingFormats = ['in_person', 'online', 'hybrid'] as const
export type MeetingFormat = (typeof meetingFormats)[number]

/** Who may see a meeting: anyone, signed-in members, or only those invited (and coordinators). */
export const meetingVisibilities = ['public', 'members', 'invitation'] as const
export type MeetingVisibility = (typeof meetingVisibilities)[number]

/** draft → published → completed, or cancelled (from draft or published). */
export const meetingStates = ['draft', 'published', 'cancelled', 'completed'] as const
export type MeetingState = (typeof meetingStates)[number]

/** How library resources relate to a meeting. */
export const meetingDocumentRoles = ['agenda', 'background', 'outcome'] as const
export type MeetingDocumentRole = (typeof meetingDocumentRoles)[number]

/**
 * A registration's state: pending (waits for a coordinator's approval, holds no seat), confirmed (holds a
 * seat), waitlisted (waits for a seat, first come first served), declined (by a coordinator), cancelled (by the
 * member or a coordinator).
 */
export const registrationStates = ['pending', 'confirmed', 'waitlisted', 'declined', 'cancelled'] as const
export type RegistrationState = (typeof registrationStates)[number]

export const attendanceModes = ['in_person', 'online'] as const
export type AttendanceMode = (typeof attendanceModes)[number]

/** Interpretation a participant may ask for (the UN languages). */
export const interpretationLanguages = ['ar', 'en', 'fr', 'es', 'ru', 'zh'] as const
export type InterpretationLanguage = (typeof interpretationLanguages)[number]

/** Mails sent by the reminder scheduler; one row per (meeting, user, kind) makes them idempotent. */
export const reminderKinds = ['day_before', 'deadline_eve'] as const
export type ReminderKind = (typeof reminderKinds)[number]

/** What the programme office offers (the seed's "package of technical support and capacity-building programmes"). */
export const programmeKinds = [
  'legislative_drafting',
  'model_laws',
  'training',
  'expert_briefing',
  'research',
  'peer_exchange',
  'dialogue',
] as const
export type ProgrammeKind = (typeof programmeKinds)[number]

/** How a programme is delivered: at a venue, online, both, or in writing (desk review, written advice). */
export const deliveryFormats = ['in_person', 'online', 'hybrid', 'written'] as const
export type DeliveryFormat = (typeof deliveryFormats)[number]

/**
 * A request for technical assistance: submitted → under_review → accepted or declined (with a reason the
 * requester sees) → in_progress → completed; its parliament may withdraw it until work starts. Declined,
 * completed and withdrawn requests are closed.
 */
export const requestStates = [
  'submitted',
  'under_review',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'withdrawn',
] as const
export type RequestState = (typeof requestStates)[number]

/** The kinds of topic a request is tagged with (the library's taxonomies). */
export const requestTopicKinds = ['pillar', 'resolution', 'theme'] as const
export type RequestTopicKind = (typeof requestTopicKinds)[number]

export const partnerKinds = ['un_entity', 'parliamentary_assembly', 'academic', 'civil_society', 'other'] as const
export type PartnerKind = (typeof partnerKinds)[number]

/** The network's groups a member may choose to join. */
export const memberGroups = ['women', 'youth'] as const
export type MemberGroup = (typeof memberGroups)[number]
