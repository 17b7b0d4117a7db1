// The orders of the parliaments' directory (?sort=, the first the default), apart from its zod schema
// (parliament-schemas.ts) so that the page's own code, which links each order, does not download zod.
export const parliamentSorts = ['name', 'country', 'joined', 'members'] as const
export type ParliamentSort = (typeof parliamentSorts)[number]
