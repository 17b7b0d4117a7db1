import { and, asc, eq, ne } from 'drizzle-orm'
import { member, memberIdentifier, parliament } from '#db/schema/index'
import { csvCell } from '~/utils/csv'
import { getDb } from '~/utils/db.server'

/** The public part of the network: public profiles and their parliaments, nothing members-only. */
function publicMembers() {
  return getDb()
    .select({
      id: member.id,
      popoloId: member.popoloId,
      nameEn: member.nameEn,
      nameAr: member.nameAr,
      gender: member.gender,
      position: member.position,
      groupName: member.groupName,
      imageUrl: member.imageUrl,
      parliamentId: parliament.id,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      countryCode: parliament.countryCode,
      kind: parliament.kind,
    })
    .from(member)
    .innerJoin(parliament, eq(parliament.id, member.parliamentId))
    .where(eq(member.visibility, 'public'))
    .orderBy(asc(member.id))
    .all()
}

const personId = (m: { id: number; popoloId: string | null }) => m.popoloId ?? `parlnet-member-${m.id}`
const legislatureId = (id: number) => `parlnet-parliament-${id}`

/**
 * A Popolo document (persons, organizations, memberships) of the public profiles. Contact details and
 * birth years are never exported: they are not public.
 */
export function exportPopolo() {
  const rows = publicMembers()
  const ids = getDb()
    .select({
      memberId: memberIdentifier.memberId,
      scheme: memberIdentifier.scheme,
      identifier: memberIdentifier.identifier,
    })
    .from(memberIdentifier)
    .innerJoin(member, and(eq(member.id, memberIdentifier.memberId), eq(member.visibility, 'public')))
    .where(ne(memberIdentifier.scheme, ''))
    .all()
  const idsByMember = new Map<number, { scheme: string; identifier: string }[]>()
  for (const i of ids)
    idsByMember.set(i.memberId, [
      ...(idsByMember.get(i.memberId) ?? []),
      { scheme: i.scheme, identifier: i.identifier },
    ])

  const organizations = new Map<string, Record<string, unknown>>()
  const memberships: Record<string, unknown>[] = []
  const persons = rows.map((m) => {
    const legislature = legislatureId(m.parliamentId)
    if (!organizations.has(legislature)) {
      organizations.set(legislature, {
        id: legislature,
        name: m.parliamentNameEn || m.parliamentNameAr,
        other_names: names(m.parliamentNameEn, m.parliamentNameAr),
        classification: m.kind === 'national' ? 'legislature' : 'parliamentary assembly',
        ...(m.countryCode ? { area_id: `country:${m.countryCode.toLowerCase()}` } : {}),
      })
    }
    memberships.push({ person_id: personId(m), organization_id: legislature, role: m.position })
    if (m.groupName) {
      const party = `parlnet-group-${m.parliamentId}-${m.groupName}`
      if (!organizations.has(party)) organizations.set(party, { id: party, name: m.groupName, classification: 'party' })
      memberships.push({ person_id: personId(m), organization_id: party, role: 'member' })
    }
    return {
      id: personId(m),
      name: m.nameEn || m.nameAr,
      other_names: names(m.nameEn, m.nameAr),
      ...(m.gender ? { gender: m.gender } : {}),
      ...(m.imageUrl ? { image: m.imageUrl } : {}),
      identifiers: [{ scheme: 'parlnet', identifier: String(m.id) }, ...(idsByMember.get(m.id) ?? [])],
    }
  })
  return { persons, organizations: [...organizations.values()], memberships }
}

function names(en: string, ar: string) {
  return [
    // `lang` as EveryPolitician writes it, so the importer reads these files back.
    ...(en ? [{ name: en, lang: 'en' }] : []),
    ...(ar ? [{ name: ar, lang: 'ar' }] : []),
  ]
}

/** The public profiles as CSV (UTF-8 with a byte-order mark, so spreadsheets show Arabic correctly). */
export function exportMembersCsv() {
  const header = [
    'id',
    'name_en',
    'name_ar',
    'parliament_en',
    'parliament_ar',
    'country',
    'position',
    'group',
    'gender',
  ]
  const lines = publicMembers().map((m) =>
    [m.id, m.nameEn, m.nameAr, m.parliamentNameEn, m.parliamentNameAr, m.countryCode, m.position, m.groupName, m.gender]
      .map(csvCell)
      .join(','),
  )
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`
}
