// The closed lists of values the schema uses, in a module with no dependencies, so the browser bundle can
// import them (for selects and labels) without pulling in Drizzle.

export const parliamentKinds = ['national', 'assembly', 'union'] as const
export type ParliamentKind = (typeof parliamentKinds)[number]

// IPU's geographical regions, plus "global" for world-wide bodies.
export const regions = ['africa', 'americas', 'asia', 'europe', 'middle_east_north_africa', 'pacific', 'global'] as const
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

export const positions = ['member', 'speaker', 'deputy_speaker', 'committee_chair', 'senator', 'staff', 'other'] as const
export type Position = (typeof positions)[number]

export const visibilities = ['public', 'members'] as const
export type Visibility = (typeof visibilities)[number]

export const mechanismKinds = ['committee', 'law', 'oversight_body', 'caucus', 'national_strategy', 'network', 'other'] as const
export type MechanismKind = (typeof mechanismKinds)[number]
