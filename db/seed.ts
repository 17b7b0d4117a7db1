import { count, eq } from 'drizzle-orm'
import type { Db } from '~/utils/db.server'
import { parliamentSearchText } from '~/features/network/parliament.server'
import { hashPassword } from '~/utils/password.server'
import { seedDemoResources } from './seed-resources'
import { seedDemoMeetings } from './seed-meetings'
import { seedDemoProgrammes } from './seed-programmes'
import { seedDemoPartners } from './seed-partners'
import { seedDemoRequests } from './seed-requests'
import { seedDemoDrafts } from './seed-drafts'
import { seedDemoSurveys } from './seed-surveys'
import { parliament, user, type ParliamentKind, type Region, type Role } from './schema/index'

type DemoParliament = {
  kind: ParliamentKind
  countryCode: string | null
  nameEn: string
  nameAr: string
  region: Region
  website: string | null
}

/** The chambers and assemblies DOMAIN.md names: the first members of the network. */
export const demoParliaments: DemoParliament[] = [
  {
    kind: 'national',
    countryCode: 'QA',
    nameEn: 'Shura Council of Qatar',
    nameAr: 'مجلس الشورى القطري',
    region: 'middle_east_north_africa',
    website: 'https://www.shura.qa',
  },
  {
    kind: 'national',
    countryCode: 'GB',
    nameEn: 'UK House of Commons',
    nameAr: 'مجلس العموم البريطاني',
    region: 'europe',
    website: 'https://www.parliament.uk',
  },
  {
    kind: 'assembly',
    countryCode: null,
    nameEn: 'OSCE Parliamentary Assembly',
    nameAr: 'الجمعية البرلمانية لمنظمة الأمن والتعاون في أوروبا',
    region: 'europe',
    website: 'https://www.oscepa.org',
  },
  {
    kind: 'assembly',
    countryCode: null,
    nameEn: 'Parliamentary Assembly of the Mediterranean',
    nameAr: 'الجمعية البرلمانية للبحر الأبيض المتوسط',
    region: 'europe',
    website: 'https://pam.int',
  },
  {
    kind: 'assembly',
    countryCode: null,
    nameEn: 'Asian Parliamentary Assembly',
    nameAr: 'الجمعية البرلمانية الآسيوية',
    region: 'asia',
    website: null,
  },
  {
    kind: 'assembly',
    countryCode: null,
    nameEn: 'Arab Parliament',
    nameAr: 'البرلمان العربي',
    region: 'middle_east_north_africa',
    website: null,
  },
  {
    kind: 'assembly',
    countryCode: null,
    nameEn: 'ParlAmericas',
    nameAr: 'برلمان الأمريكتين (بارلأمريكاس)',
    region: 'americas',
    website: 'https://www.parlamericas.org',
  },
  {
    kind: 'assembly',
    countryCode: null,
    nameEn: 'Parliamentary Assembly of the Council of Europe',
    nameAr: 'الجمعية البرلمانية لمجلس أوروبا',
    region: 'europe',
    website: 'https://pace.coe.int',
  },
  {
    kind: 'union',
    countryCode: null,
    nameEn: 'Inter-Parliamentary Union',
    nameAr: 'الاتحاد البرلماني الدولي',
    region: 'global',
    website: 'https://www.ipu.org',
  },
]

/** Demo accounts; their passwords are in the README. Never use DEMO on a real installation. */
export const demoAccounts: { email: string; name: string; role: Role; password: string; parliament?: string }[] = [
  { email: 'admin@demo.parlnet.example', name: 'Demo Administrator', role: 'admin', password: 'demo-admin-password' },
  {
    email: 'coordinator@demo.parlnet.example',
    name: 'Demo Coordinator',
    role: 'coordinator',
    password: 'demo-coordinator-password',
  },
  {
    email: 'member@demo.parlnet.example',
    name: 'Demo Member',
    role: 'member',
    password: 'demo-member-password',
    parliament: 'Shura Council of Qatar',
  },
]

export function hasAnyUser(db: Db) {
  return (db.select({ n: count() }).from(user).get()?.n ?? 0) > 0
}

export function hasDemoAccount(db: Db) {
  return Boolean(db.select({ id: user.id }).from(user).where(eq(user.email, demoAccounts[0]!.email)).get())
}

/** Loads the demo; safe to run again (existing rows, matched by English name or email, are left alone). */
export async function seedDemo(db: Db) {
  const hashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)))
  db.transaction((tx) => {
    for (const p of demoParliaments) {
      tx.insert(parliament)
        .values({ ...p, joinedAt: '2021-12-13', searchText: parliamentSearchText(p) })
        .onConflictDoNothing()
        .run()
    }
    demoAccounts.forEach((a, i) => {
      const parliamentId = a.parliament
        ? tx.select({ id: parliament.id }).from(parliament).where(eq(parliament.nameEn, a.parliament)).get()?.id
        : undefined
      tx.insert(user)
        .values({
          email: a.email,
          name: a.name,
          role: a.role,
          parliamentId: parliamentId ?? null,
          passwordHash: hashes[i]!,
        })
        .onConflictDoNothing()
        .run()
    })
  })
  seedDemoResources(db)
  seedDemoMeetings(db)
  seedDemoProgrammes(db)
  seedDemoPartners(db)
  seedDemoRequests(db)
  seedDemoDrafts(db)
  await seedDemoSurveys(db)
}
