import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { user } from './accounts'
import { createdAt, timestamps } from './columns'
import { meeting } from './meetings'
import { resource } from './resources'
import { programme } from './support'
import { memberGroups, partnerKinds, themes } from '../enums'

/** A partner of the network: a UN entity, a parliamentary assembly, an academic or civil-society organisation. */
export const partner = sqliteTable(
  'partner',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: partnerKinds }).notNull(),
    nameEn: text('name_en').notNull().default(''),
    nameAr: text('name_ar').notNull().default(''),
    /** e.g. UNDP, UNODC (the same in both languages, as the UN writes them). */
    acronym: text('acronym').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionAr: text('description_ar').notNull().default(''),
    website: text('website'),
    /** Order on the partners page (ascending). */
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('partner_kind_idx').on(t.kind, t.position),
    check('partner_has_name', sql`${t.nameEn} <> '' OR ${t.nameAr} <> ''`),
  ],
)

/** A partner's focus (the library's themes: women, youth, legislation and oversight, …). */
export const partnerTheme = sqliteTable(
  'partner_theme',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    theme: text('theme', { enum: themes }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.theme] }), index('partner_theme_theme_idx').on(t.theme)],
)

/** A joint initiative: a meeting, programme or resource the partner takes part in (exactly one of them). */
export const partnerInitiative = sqliteTable(
  'partner_initiative',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id').references(() => meeting.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id').references(() => programme.id, { onDelete: 'cascade' }),
    resourceId: integer('resource_id').references(() => resource.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('partner_initiative_meeting_idx').on(t.partnerId, t.meetingId),
    uniqueIndex('partner_initiative_programme_idx').on(t.partnerId, t.programmeId),
    uniqueIndex('partner_initiative_resource_idx').on(t.partnerId, t.resourceId),
    index('partner_initiative_meeting_id_idx').on(t.meetingId),
    index('partner_initiative_programme_id_idx').on(t.programmeId),
    index('partner_initiative_resource_id_idx').on(t.resourceId),
    check(
      'partner_initiative_one_target',
      sql`(${t.meetingId} IS NOT NULL) + (${t.programmeId} IS NOT NULL) + (${t.resourceId} IS NOT NULL) = 1`,
    ),
  ],
)

/** A member's choice to join the network's women's or young parliamentarians' group (listed to members only). */
export const memberGroupMembership = sqliteTable(
  'member_group_membership',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    group: text('group', { enum: memberGroups }).notNull(),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.group] }),
    index('member_group_membership_group_idx').on(t.group, t.joinedAt),
  ],
)
