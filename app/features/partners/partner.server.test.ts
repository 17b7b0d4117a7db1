import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoPartners } from '#db/seed-partners'
import { auditEvent, partner, partnerInitiative, partnerTheme } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import { linkInitiative } from './initiatives.server'
import {
  createPartner,
  deletePartner,
  getPartner,
  groupPartnersByKind,
  listPartners,
  partnerFormValues,
  updatePartner,
} from './partner.server'
import { addMeeting, addViewers, auditOf, partnerInput as input } from './partners.test-helpers'
import { parseInitiativeReference, PartnerFormSchema } from './schemas'

function errorsOf(form: Record<string, unknown>) {
  const parsed = PartnerFormSchema.safeParse({ kind: 'academic', nameEn: 'Centre', ...form })
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

let unWomen: number
let ipu: number
let coordinator: { id: number }

beforeAll(() => {
  coordinator = addViewers().coordinator
  // Inserted out of order: the list sorts them by kind, position, then name.
  ipu = createPartner(
    input({
      kind: 'parliamentary_assembly',
      nameEn: 'Inter-Parliamentary Union',
      acronym: 'IPU',
      themes: ['youth', 'women'],
    }),
    coordinator,
  ).id
  createPartner(
    input({
      nameEn: 'United Nations Development Programme',
      nameAr: 'برنامج الأمم المتحدة الإنمائي',
      position: 30,
      themes: ['youth'],
    }),
    coordinator,
  )
  unWomen = createPartner(
    input({ nameEn: 'UN Women', nameAr: 'هيئة الأمم المتحدة للمرأة', position: 20, themes: ['women', 'prevention'] }),
    coordinator,
  ).id
  createPartner(input({ kind: 'civil_society', nameAr: 'شبكة', themes: [] }), coordinator)
  createPartner(input({ nameEn: 'Alpha office', position: 30 }), coordinator)
})

describe('the partner form', () => {
  it('accepts a partner with a focus and an https site, and defaults the position', () => {
    const parsed = PartnerFormSchema.parse({
      kind: 'un_entity',
      nameAr: 'هيئة',
      website: 'https://www.unwomen.org',
      themes: ['women', 'women', 'youth'],
    })
    expect(parsed).toMatchObject({
      nameEn: '',
      nameAr: 'هيئة',
      website: 'https://www.unwomen.org',
      themes: ['women', 'youth'],
      position: 0,
    })
  })

  it('refuses no name, a site that is not https, a forged kind or focus, and a bad position', () => {
    expect(errorsOf({ nameEn: '', nameAr: '  ' })).toEqual(['nameEn:nameOneLanguage'])
    expect(errorsOf({ website: 'http://example.org' })).toEqual(['website:urlInvalid'])
    expect(errorsOf({ website: 'javascript:alert(1)' })).toEqual(['website:urlInvalid'])
    expect(errorsOf({ kind: 'government' })).toEqual(['kind:invalidChoice'])
    expect(errorsOf({ themes: ['women', 'astrology'] })).toEqual(['themes.1:invalidChoice'])
    expect(errorsOf({ position: -1 })).toEqual(['position:positionInvalid'])
    expect(errorsOf({ position: 2.5 })).toEqual(['position:positionInvalid'])
    // Every message at once: the missing name shows beside a bad kind.
    expect(errorsOf({ kind: 'x', nameEn: '' })).toEqual(['kind:invalidChoice', 'nameEn:nameOneLanguage'])
  })

  it('reads a linked initiative from a number with its kind, or from a page address', () => {
    expect(parseInitiativeReference('meeting', '12')).toEqual({ kind: 'meeting', id: 12 })
    expect(parseInitiativeReference('resource', '007')).toEqual({ kind: 'resource', id: 7 })
    expect(parseInitiativeReference('meeting', '/ar/resources/5')).toEqual({ kind: 'resource', id: 5 })
    expect(parseInitiativeReference(null, 'https://parlnet.example.org/en/programmes/7?x=1')).toEqual({
      kind: 'programme',
      id: 7,
    })
    expect(parseInitiativeReference('meeting', '')).toBeNull()
    expect(parseInitiativeReference('partner', '3')).toBeNull()
    expect(parseInitiativeReference('meeting', '0')).toBeNull()
    expect(parseInitiativeReference('meeting', '1e3')).toBeNull()
    expect(parseInitiativeReference('meeting', '-4')).toBeNull()
    expect(parseInitiativeReference('meeting', '99999999999999999')).toBeNull()
  })

  it("gives the form a stored partner's values as strings, which the form accepts again", () => {
    const values = partnerFormValues(getPartner(ipu)!)
    expect(values).toEqual({
      kind: 'parliamentary_assembly',
      nameEn: 'Inter-Parliamentary Union',
      nameAr: '',
      acronym: 'IPU',
      descriptionEn: '',
      descriptionAr: '',
      website: '',
      themes: ['youth', 'women'],
      position: '0',
    })
    expect(PartnerFormSchema.safeParse({ ...values, position: Number(values.position) }).success).toBe(true)
  })
})

describe('partners', () => {
  it('lists by kind, position and name, with their focus, in one query', () => {
    const { result: rows, queries } = countQueries(() => listPartners())
    expect(queries).toBe(1)
    expect(rows.map((p) => p.nameEn || p.nameAr)).toEqual([
      'UN Women',
      'Alpha office',
      'United Nations Development Programme',
      'Inter-Parliamentary Union',
      'شبكة',
    ])
    // Themes in the enum's order, whatever the order they were chosen in.
    expect(rows.find((p) => p.id === ipu)!.themes).toEqual(['youth', 'women'])
    expect(groupPartnersByKind(rows).map((g) => [g.kind, g.partners.length])).toEqual([
      ['un_entity', 3],
      ['parliamentary_assembly', 1],
      ['civil_society', 1],
    ])
  })

  it('sorts by the Arabic name on Arabic pages', () => {
    const names = listPartners({ lang: 'ar' })
      .filter((p) => p.kind === 'un_entity' && p.position === 30)
      .map((p) => p.nameEn)
    expect(names).toEqual(['United Nations Development Programme', 'Alpha office'])
  })

  it('filters by focus and keeps every focus of those listed', () => {
    const women = listPartners({ theme: 'women' })
    expect(women.map((p) => p.id)).toEqual([unWomen, ipu])
    expect(women[0]!.themes).toEqual(['women', 'prevention'])
    expect(listPartners({ theme: 'border_security' })).toEqual([])
  })

  it('updates fields and replaces the focus; deleting removes focus and links', () => {
    const { id } = createPartner(input({ kind: 'academic', nameEn: 'Centre', themes: ['victims'] }), coordinator)
    expect(
      updatePartner(
        id,
        input({
          kind: 'academic',
          nameEn: 'Centre for Research',
          acronym: 'CR',
          website: 'https://cr.example.org',
          themes: ['human_rights', 'youth'],
        }),
        coordinator,
      ),
    ).toBe(true)
    expect(getPartner(id)).toMatchObject({
      nameEn: 'Centre for Research',
      acronym: 'CR',
      website: 'https://cr.example.org',
      themes: ['youth', 'human_rights'],
    })
    expect(updatePartner(999_999, input({ nameEn: 'Nobody' }), coordinator)).toBe(false)
    const m = addMeeting('Seminar of the centre', 'public', 'published')
    expect(linkInitiative(id, { meetingId: m }, coordinator).ok).toBe(true)
    expect(deletePartner(id)).toBe(true)
    expect(getPartner(id)).toBeUndefined()
    const db = getDb()
    expect(db.select({ n: count() }).from(partnerTheme).where(eq(partnerTheme.partnerId, id)).get()!.n).toBe(0)
    expect(db.select({ n: count() }).from(partnerInitiative).where(eq(partnerInitiative.partnerId, id)).get()!.n).toBe(
      0,
    )
    expect(deletePartner(id)).toBe(false)
  })

  it('records who added and who edited a partner with the change; editing a missing one records nothing', () => {
    const { id } = createPartner(input({ kind: 'other', nameEn: 'Foundation' }), coordinator)
    expect(auditOf(id)).toEqual([['partner.create', coordinator.id, null]])
    updatePartner(id, input({ kind: 'other', nameEn: 'Foundation for Peace' }), coordinator)
    expect(auditOf(id)).toEqual([
      ['partner.create', coordinator.id, null],
      ['partner.update', coordinator.id, null],
    ])
    updatePartner(999_998, input({ nameEn: 'Nobody' }), coordinator)
    expect(auditOf(999_998)).toEqual([])
  })

  it('adds nothing, audit row included, when the partner cannot be stored', () => {
    const rows = () => getDb().select({ n: count() }).from(auditEvent).get()!.n
    const before = rows()
    // The form refuses a partner without a name; the table's CHECK does too, for any other caller.
    expect(() => createPartner(input({ nameEn: '', nameAr: '' }), coordinator)).toThrow()
    expect(rows()).toBe(before)
  })
})

describe('the demo partners', () => {
  it('are added once, even without meetings or programmes to link', () => {
    const db = getDb()
    seedDemoPartners(db)
    seedDemoPartners(db)
    const unoct = db.select().from(partner).where(eq(partner.acronym, 'UNOCT')).all()
    expect(unoct).toHaveLength(1)
    expect(unoct[0]!.nameAr).toBe('مكتب الأمم المتحدة لمكافحة الإرهاب')
    expect(db.select({ n: count() }).from(partner).where(eq(partner.nameEn, 'UN Women')).get()!.n).toBe(1)
    const women = listPartners({ theme: 'women' }).map((p) => p.nameEn)
    expect(women).toEqual(
      expect.arrayContaining(['Inter-Parliamentary Union', 'Global Network of Women Peacebuilders']),
    )
    expect(listPartners().every((p) => !p.website || p.website.startsWith('https://'))).toBe(true)
  })
})
