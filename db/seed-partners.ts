// The demo partners: real, well-known organisations, described by what they are and do (their mandates and
// founding texts), with no claim of an agreement with the network. Joint initiatives are the demo's own rows:
// UNOCT hosted the Doha meeting with the Shura Council and the OSCE Parliamentary Assembly took part in it
// (../shared/DOMAIN.md); the handbook's demo record names UNOCT and the IPU as publishers; programmes of the
// demo catalogue are linked by kind when the catalogue has them.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '~/utils/db.server'
import type { PartnerKind, ProgrammeKind, Theme } from './enums'
import { meeting, partner, partnerInitiative, partnerTheme, programme, resource } from './schema/index'

type DemoPartner = {
  kind: PartnerKind
  nameEn: string
  nameAr: string
  acronym: string
  descriptionEn: string
  descriptionAr: string
  website: string
  themes: Theme[]
  position: number
  /** Meetings, by the start of their English title. */
  meetings?: string[]
  /** Resources, by English title. */
  resources?: string[]
  /** The catalogue's first active programme of each of these kinds. */
  programmes?: ProgrammeKind[]
}

const dohaMeeting = 'First coordination meeting of parliamentary assemblies on counter-terrorism'

export const demoPartners: DemoPartner[] = [
  {
    kind: 'un_entity',
    nameEn: 'United Nations Office of Counter-Terrorism',
    nameAr: 'مكتب الأمم المتحدة لمكافحة الإرهاب',
    acronym: 'UNOCT',
    descriptionEn:
      'The United Nations Office of Counter-Terrorism was established in June 2017 by General Assembly resolution 71/291. It leads the counter-terrorism mandates the General Assembly entrusts to the Secretary-General, coordinates the work of the United Nations system in this field, and helps Member States implement the four pillars of the UN Global Counter-Terrorism Strategy.\n\nIts Programme Office on Parliamentary Engagement in Preventing and Countering Terrorism, in Doha, works with parliaments and parliamentary assemblies. In December 2021 UNOCT hosted, with the Shura Council of Qatar, the first coordination meeting of parliamentary assemblies on counter-terrorism in Doha.',
    descriptionAr:
      'أُنشئ مكتب الأمم المتحدة لمكافحة الإرهاب في حزيران/يونيو 2017 بموجب قرار الجمعية العامة 71/291. ويتولى قيادة ولايات مكافحة الإرهاب التي تسندها الجمعية العامة إلى الأمين العام، وينسّق عمل منظومة الأمم المتحدة في هذا المجال، ويساعد الدول الأعضاء على تنفيذ الركائز الأربع لاستراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب.\n\nويعمل مكتب البرنامج المعني بالمشاركة البرلمانية في منع الإرهاب ومكافحته، ومقره الدوحة، مع البرلمانات والجمعيات البرلمانية. وفي كانون الأول/ديسمبر 2021 استضاف المكتب، بالتعاون مع مجلس الشورى القطري، الاجتماع التنسيقي الأول للجمعيات البرلمانية بشأن مكافحة الإرهاب في الدوحة.',
    website: 'https://www.un.org/counterterrorism/',
    themes: ['legislation_oversight', 'prevention', 'victims', 'human_rights'],
    position: 10,
    meetings: [dohaMeeting],
    resources: [
      'Parliamentary oversight of counter-terrorism: a handbook for parliamentarians',
      'Report of the first coordination meeting of parliamentary assemblies on counter-terrorism (Doha)',
    ],
    programmes: ['legislative_drafting', 'dialogue'],
  },
  {
    kind: 'un_entity',
    nameEn: 'UN Women',
    nameAr: 'هيئة الأمم المتحدة للمرأة',
    acronym: '',
    descriptionEn:
      'UN Women, the United Nations Entity for Gender Equality and the Empowerment of Women, was created by the General Assembly in July 2010 (resolution 64/289). It supports Member States in setting and meeting standards for gender equality, coordinates the work of the United Nations system on gender equality, and supports the women, peace and security agenda of Security Council resolution 1325 (2000), including the role of women in preventing violent extremism.',
    descriptionAr:
      'أنشأت الجمعية العامة هيئة الأمم المتحدة للمساواة بين الجنسين وتمكين المرأة (هيئة الأمم المتحدة للمرأة) في تموز/يوليو 2010 بموجب القرار 64/289. وتدعم الهيئة الدول الأعضاء في وضع معايير المساواة بين الجنسين وتحقيقها، وتنسّق عمل منظومة الأمم المتحدة في هذا المجال، وتدعم خطة المرأة والسلام والأمن المنبثقة عن قرار مجلس الأمن 1325 (2000)، بما في ذلك دور المرأة في منع التطرف العنيف.',
    website: 'https://www.unwomen.org',
    themes: ['women', 'prevention', 'human_rights'],
    position: 20,
    programmes: ['training'],
  },
  {
    kind: 'un_entity',
    nameEn: 'United Nations Development Programme',
    nameAr: 'برنامج الأمم المتحدة الإنمائي',
    acronym: 'UNDP',
    descriptionEn:
      'The United Nations Development Programme works in some 170 countries and territories to eradicate poverty and reduce inequalities. Its support to parliaments strengthens their work of legislating, overseeing government and representing citizens, and its work on preventing violent extremism addresses the development factors that drive radicalisation, with particular attention to young people.',
    descriptionAr:
      'يعمل برنامج الأمم المتحدة الإنمائي في نحو 170 بلدًا وإقليمًا للقضاء على الفقر والحد من أوجه عدم المساواة. ويعزّز دعمُه للبرلمانات قدرتَها على التشريع والرقابة على الحكومة وتمثيل المواطنين، ويتناول عملُه في منع التطرف العنيف العواملَ التنموية التي تغذّي التطرف، مع اهتمام خاص بالشباب.',
    website: 'https://www.undp.org',
    themes: ['prevention', 'youth', 'legislation_oversight'],
    position: 30,
    programmes: ['peer_exchange'],
  },
  {
    kind: 'un_entity',
    nameEn: 'United Nations Office on Drugs and Crime',
    nameAr: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
    acronym: 'UNODC',
    descriptionEn:
      'The United Nations Office on Drugs and Crime helps Member States against illicit drugs, crime and terrorism. Its Terrorism Prevention Branch gives legislative assistance for the ratification and implementation of the international legal instruments against terrorism, and trains criminal justice officials, including on countering the financing of terrorism.',
    descriptionAr:
      'يساعد مكتب الأمم المتحدة المعني بالمخدرات والجريمة الدول الأعضاء في التصدي للمخدرات غير المشروعة والجريمة والإرهاب. ويقدّم فرعه المعني بمنع الإرهاب المساعدة التشريعية للتصديق على الصكوك القانونية الدولية لمكافحة الإرهاب وتنفيذها، ويدرّب العاملين في مجال العدالة الجنائية، بما في ذلك على مكافحة تمويل الإرهاب.',
    website: 'https://www.unodc.org',
    themes: ['legislation_oversight', 'terrorism_financing', 'foreign_terrorist_fighters', 'prisons_rehabilitation'],
    position: 40,
    programmes: ['model_laws'],
  },
  {
    kind: 'parliamentary_assembly',
    nameEn: 'Inter-Parliamentary Union',
    nameAr: 'الاتحاد البرلماني الدولي',
    acronym: 'IPU',
    descriptionEn:
      'The Inter-Parliamentary Union, founded in 1889, is the global organisation of national parliaments. It promotes democratic governance and dialogue between parliaments; its Forum of Women Parliamentarians and its Forum of Young Parliamentarians work for the participation of women and young people in parliament.',
    descriptionAr:
      'الاتحاد البرلماني الدولي، الذي تأسس عام 1889، هو المنظمة العالمية للبرلمانات الوطنية. ويعزّز الحكم الديمقراطي والحوار بين البرلمانات، ويعمل منتدى النساء البرلمانيات ومنتدى البرلمانيين الشباب فيه على تعزيز مشاركة النساء والشباب في البرلمان.',
    website: 'https://www.ipu.org',
    themes: ['legislation_oversight', 'women', 'youth'],
    position: 10,
    resources: ['Parliamentary oversight of counter-terrorism: a handbook for parliamentarians'],
    programmes: ['peer_exchange'],
  },
  {
    kind: 'parliamentary_assembly',
    nameEn: 'OSCE Parliamentary Assembly',
    nameAr: 'الجمعية البرلمانية لمنظمة الأمن والتعاون في أوروبا',
    acronym: 'OSCE PA',
    descriptionEn:
      'The Parliamentary Assembly of the Organization for Security and Co-operation in Europe brings together parliamentarians of the 57 participating States of the OSCE. Its Ad Hoc Committee on Countering Terrorism follows parliamentary work against terrorism and violent extremism. Parliamentarians of the Assembly took part in the first coordination meeting of parliamentary assemblies on counter-terrorism in Doha in December 2021.',
    descriptionAr:
      'تجمع الجمعية البرلمانية لمنظمة الأمن والتعاون في أوروبا برلمانيين من الدول السبع والخمسين المشاركة في المنظمة. وتتابع لجنتها المخصصة لمكافحة الإرهاب العمل البرلماني في مواجهة الإرهاب والتطرف العنيف. وشارك برلمانيون من الجمعية في الاجتماع التنسيقي الأول للجمعيات البرلمانية بشأن مكافحة الإرهاب في الدوحة في كانون الأول/ديسمبر 2021.',
    website: 'https://www.oscepa.org',
    themes: ['legislation_oversight', 'foreign_terrorist_fighters', 'border_security'],
    position: 20,
    meetings: [dohaMeeting],
    programmes: ['expert_briefing'],
  },
  {
    kind: 'academic',
    nameEn: 'International Centre for Counter-Terrorism',
    nameAr: 'المركز الدولي لمكافحة الإرهاب',
    acronym: 'ICCT',
    descriptionEn:
      'The International Centre for Counter-Terrorism, in The Hague, is an independent think-and-do tank. It publishes research and policy advice on preventing and countering violent extremism and terrorism, grounded in the rule of law and human rights, on subjects such as foreign terrorist fighters, rehabilitation and support to victims.',
    descriptionAr:
      'المركز الدولي لمكافحة الإرهاب في لاهاي مركز مستقل يجمع بين البحث والعمل التطبيقي. وينشر بحوثًا ومشورة في مجال السياسات بشأن منع التطرف العنيف والإرهاب ومكافحتهما، تقوم على سيادة القانون وحقوق الإنسان، في مواضيع مثل المقاتلين الإرهابيين الأجانب وإعادة التأهيل ودعم الضحايا.',
    website: 'https://www.icct.nl',
    themes: ['foreign_terrorist_fighters', 'prisons_rehabilitation', 'victims', 'human_rights'],
    position: 10,
    programmes: ['research'],
  },
  {
    kind: 'civil_society',
    nameEn: 'Global Network of Women Peacebuilders',
    nameAr: 'الشبكة العالمية للنساء بانيات السلام',
    acronym: 'GNWP',
    descriptionEn:
      "The Global Network of Women Peacebuilders is a coalition of women's rights organisations and other civil-society groups from many regions. It works for the full implementation of the Security Council resolutions on women, peace and security, starting with resolution 1325 (2000), and on youth, peace and security, starting with resolution 2250 (2015).",
    descriptionAr:
      'الشبكة العالمية للنساء بانيات السلام ائتلاف من منظمات حقوق المرأة وغيرها من مجموعات المجتمع المدني من مناطق عدة. وتعمل على التنفيذ الكامل لقرارات مجلس الأمن بشأن المرأة والسلام والأمن، بدءًا بالقرار 1325 (2000)، وبشأن الشباب والسلام والأمن، بدءًا بالقرار 2250 (2015).',
    website: 'https://gnwp.org',
    themes: ['women', 'youth', 'prevention'],
    position: 10,
  },
]

/**
 * Adds the demo partners that are missing (matched by English name), with their focus and joint initiatives.
 * A partner already there is left as it is, links included: a coordinator's changes survive a second run.
 */
export function seedDemoPartners(db: Db) {
  db.transaction((tx) => {
    for (const p of demoPartners) {
      if (tx.select({ id: partner.id }).from(partner).where(eq(partner.nameEn, p.nameEn)).get()) continue
      const { id } = tx
        .insert(partner)
        .values({
          kind: p.kind,
          nameEn: p.nameEn,
          nameAr: p.nameAr,
          acronym: p.acronym,
          descriptionEn: p.descriptionEn,
          descriptionAr: p.descriptionAr,
          website: p.website,
          position: p.position,
        })
        .returning({ id: partner.id })
        .get()
      tx.insert(partnerTheme)
        .values(p.themes.map((theme) => ({ partnerId: id, theme })))
        .run()
      const link = (target: { meetingId: number } | { programmeId: number } | { resourceId: number }) =>
        tx
          .insert(partnerInitiative)
          .values({ partnerId: id, ...target })
          .onConflictDoNothing()
          .run()
      for (const title of p.meetings ?? []) {
        const m = tx
          .select({ id: meeting.id })
          .from(meeting)
          .where(sql`substr(${meeting.titleEn}, 1, ${title.length}) = ${title}`)
          .orderBy(asc(meeting.startsAt))
          .get()
        if (m) link({ meetingId: m.id })
      }
      for (const title of p.resources ?? []) {
        const r = tx.select({ id: resource.id }).from(resource).where(eq(resource.titleEn, title)).get()
        if (r) link({ resourceId: r.id })
      }
      // The catalogue is seeded by seed-programmes.ts before this; without it, no programme is linked.
      for (const kind of p.programmes ?? []) {
        const pr = tx
          .select({ id: programme.id })
          .from(programme)
          .where(and(eq(programme.kind, kind), eq(programme.isActive, true)))
          .orderBy(asc(programme.position), asc(programme.id))
          .get()
        if (pr) link({ programmeId: pr.id })
      }
    }
  })
}
