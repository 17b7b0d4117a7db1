// The demo library: a few published resources of every kind, in English, Arabic or both, so the list, its
// search, facets and feed have something to show. Their descriptions are generic on purpose: they describe
// the kind of document, not the contents of any real one. None has a file (the training video has none either).
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '~/utils/db.server'
import { reindexResource } from '~/features/search/search.server'
import type { ContentLanguage, Pillar, Region, Resolution, ResourceType, Theme, Visibility } from './enums'
import {
  parliament,
  resource,
  resourceLanguage,
  resourceParliament,
  resourcePillar,
  resourceResolution,
  resourceTheme,
  user,
} from './schema/index'

type DemoResource = {
  type: ResourceType
  titleEn: string
  titleAr: string
  summaryEn: string
  summaryAr: string
  transcriptEn?: string
  publisher?: string
  tags?: string
  publishedOn: string
  region: Region
  visibility?: Visibility
  externalUrl?: string
  pillars: Pillar[]
  resolutions?: Resolution[]
  themes: Theme[]
  languages: ContentLanguage[]
  /** Related parliaments and assemblies, by English name (when the demo has them). */
  parliaments?: string[]
}

export const demoResources: DemoResource[] = [
  {
    type: 'publication',
    titleEn: 'Parliamentary oversight of counter-terrorism: a handbook for parliamentarians',
    parliaments: ['Inter-Parliamentary Union'],
    titleAr: 'الرقابة البرلمانية على مكافحة الإرهاب: دليل للبرلمانيين',
    summaryEn:
      'A practical handbook for members of parliament and their staff on overseeing counter-terrorism laws, budgets and security agencies. It explains the tools parliaments can use — committee inquiries, hearings, budget scrutiny and sunset clauses — and how to make sure counter-terrorism measures respect human rights and the rule of law.',
    summaryAr:
      'دليل عملي لأعضاء البرلمان وموظفيه حول الرقابة على قوانين مكافحة الإرهاب وميزانياتها والأجهزة الأمنية. يشرح الأدوات المتاحة للبرلمانات، مثل تحقيقات اللجان وجلسات الاستماع ومراجعة الميزانيات والأحكام محددة المدة، وكيفية ضمان احترام تدابير مكافحة الإرهاب لحقوق الإنسان وسيادة القانون.',
    publisher: 'UNOCT and the Inter-Parliamentary Union',
    tags: 'oversight, accountability, committees',
    publishedOn: '2021-06-15',
    region: 'global',
    pillars: [2, 4],
    resolutions: ['1373', '1624'],
    themes: ['legislation_oversight', 'human_rights'],
    languages: ['en', 'ar', 'fr'],
  },
  {
    type: 'model_law',
    titleEn: 'Model legislative provisions on countering the financing of terrorism',
    titleAr: '',
    summaryEn:
      'Model provisions that parliaments can adapt when they draft or review laws criminalising the financing of terrorism, in line with Security Council resolutions 1373 and 2462. The commentary covers the freezing of assets, the duties of financial institutions and safeguards for humanitarian activities.',
    summaryAr: '',
    tags: 'financing, model law, drafting',
    publishedOn: '2020-03-10',
    region: 'global',
    pillars: [2, 3],
    resolutions: ['1373', '2462'],
    themes: ['terrorism_financing', 'legislation_oversight'],
    languages: ['en'],
  },
  {
    type: 'policy_brief',
    titleEn: 'Returning foreign terrorist fighters and their families: options for parliaments',
    titleAr: 'عودة المقاتلين الإرهابيين الأجانب وأسرهم: خيارات أمام البرلمانات',
    summaryEn:
      'A short policy brief on the choices parliaments face when foreign terrorist fighters and their families return: prosecution, rehabilitation and reintegration programmes, the particular situation of children, and cooperation between States on border controls and information sharing.',
    summaryAr:
      'موجز سياسات قصير حول الخيارات المطروحة أمام البرلمانات عند عودة المقاتلين الإرهابيين الأجانب وأسرهم: الملاحقة القضائية، وبرامج إعادة التأهيل والإدماج، والوضع الخاص للأطفال، والتعاون بين الدول في مراقبة الحدود وتبادل المعلومات.',
    tags: 'returnees, rehabilitation, children',
    publishedOn: '2022-09-20',
    region: 'europe',
    pillars: [1, 2],
    resolutions: ['2178', '2396'],
    themes: ['foreign_terrorist_fighters', 'prisons_rehabilitation', 'border_security'],
    languages: ['en', 'ar'],
  },
  {
    type: 'video',
    titleEn: 'Training session: the role of parliaments in preventing violent extremism',
    titleAr: 'جلسة تدريبية: دور البرلمانات في منع التطرف العنيف',
    summaryEn:
      'Recording of a training session for parliamentary staff on preventing violent extremism conducive to terrorism: national action plans, working with local communities, and the place of education and employment in prevention.',
    summaryAr:
      'تسجيل لجلسة تدريبية لموظفي البرلمانات حول منع التطرف العنيف المؤدي إلى الإرهاب: خطط العمل الوطنية، والعمل مع المجتمعات المحلية، ودور التعليم والتشغيل في الوقاية.',
    transcriptEn:
      'Welcome to this training session. Today we look at how a parliamentary committee can follow a national action plan to prevent violent extremism, from its first hearing to its annual report.',
    publishedOn: '2023-02-14',
    region: 'middle_east_north_africa',
    pillars: [1],
    themes: ['prevention', 'youth'],
    languages: ['en', 'ar'],
  },
  {
    type: 'report',
    titleEn: 'Report of the first coordination meeting of parliamentary assemblies on counter-terrorism (Doha)',
    parliaments: ['Shura Council of Qatar'],
    titleAr: 'تقرير الاجتماع التنسيقي الأول للجمعيات البرلمانية بشأن مكافحة الإرهاب (الدوحة)',
    summaryEn:
      'An internal report for the members of the network: the discussions of the first coordination meeting, hosted in Doha by the United Nations Office of Counter-Terrorism with the Shura Council of Qatar, and the next steps agreed, among them a global parliamentary network and its web platform.',
    summaryAr:
      'تقرير داخلي لأعضاء الشبكة: مناقشات الاجتماع التنسيقي الأول الذي استضافه مكتب الأمم المتحدة لمكافحة الإرهاب في الدوحة مع مجلس الشورى القطري، والخطوات التالية المتفق عليها، ومنها إنشاء شبكة برلمانية عالمية ومنصة إلكترونية لها.',
    tags: 'coordination meeting, network',
    publishedOn: '2021-12-20',
    region: 'middle_east_north_africa',
    visibility: 'members',
    pillars: [3],
    themes: ['legislation_oversight'],
    languages: ['en', 'ar'],
  },
  {
    type: 'link',
    titleEn: 'The United Nations Global Counter-Terrorism Strategy',
    titleAr: 'استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب',
    summaryEn:
      'The page of the United Nations Office of Counter-Terrorism on the Global Counter-Terrorism Strategy (A/RES/60/288), adopted by the General Assembly in 2006 and regularly reviewed by it, and on its four pillars.',
    summaryAr:
      'صفحة مكتب الأمم المتحدة لمكافحة الإرهاب عن الاستراتيجية العالمية لمكافحة الإرهاب (A/RES/60/288) التي اعتمدتها الجمعية العامة عام 2006 وتستعرضها بانتظام، وعن ركائزها الأربع.',
    externalUrl: 'https://www.un.org/counterterrorism/un-global-counter-terrorism-strategy',
    publishedOn: '2006-09-08',
    region: 'global',
    pillars: [1, 2, 3, 4],
    themes: ['prevention', 'human_rights'],
    languages: ['en', 'ar', 'fr', 'es', 'ru', 'zh'],
  },
  {
    type: 'publication',
    titleEn: '',
    titleAr: 'دليل برلماني لحماية الشباب من التطرف العنيف عبر الإنترنت',
    summaryEn: '',
    summaryAr:
      'يقدّم هذا الدليل للبرلمانيين أمثلة على تشريعات وسياسات تحمي الشباب من خطاب التطرف العنيف على الإنترنت ومنصات التواصل الاجتماعي مع احترام حرية التعبير، ويقترح أسئلة يطرحها البرلمان على الحكومة في جلسات المساءلة.',
    tags: 'الشباب، الإنترنت، المساءلة',
    publishedOn: '2024-01-30',
    region: 'middle_east_north_africa',
    pillars: [1],
    resolutions: ['2250'],
    themes: ['youth', 'online_radicalisation', 'prevention'],
    languages: ['ar'],
  },
  {
    type: 'presentation',
    titleEn: 'Protecting critical infrastructure against terrorist attacks: what parliaments can do',
    titleAr: '',
    summaryEn:
      'Slides from a workshop on protecting critical infrastructure — energy, transport, water and communications — against terrorist attacks, and on the laws and budgets parliaments adopt to make it resilient.',
    summaryAr: '',
    publishedOn: '2019-05-08',
    region: 'europe',
    pillars: [2, 3],
    resolutions: ['2341'],
    themes: ['critical_infrastructure'],
    languages: ['en'],
  },
  {
    type: 'report',
    titleEn: 'Supporting victims of terrorism: legislation and practice',
    titleAr: 'دعم ضحايا الإرهاب: التشريعات والممارسات',
    summaryEn:
      'A comparative report on how national laws recognise victims of terrorism and guarantee their rights to assistance, compensation and justice, with examples of parliamentary initiatives.',
    summaryAr:
      'تقرير مقارن حول كيفية اعتراف القوانين الوطنية بضحايا الإرهاب وضمانها لحقوقهم في المساعدة والتعويض والعدالة، مع أمثلة على مبادرات برلمانية.',
    publishedOn: '2022-04-11',
    region: 'africa',
    pillars: [1, 4],
    themes: ['victims', 'human_rights', 'legislation_oversight'],
    languages: ['en', 'ar', 'fr'],
  },
  {
    type: 'training_material',
    titleEn: 'Women, peace and security in the prevention of violent extremism: a training module',
    titleAr: 'المرأة والسلام والأمن في منع التطرف العنيف: وحدة تدريبية',
    summaryEn:
      'A training module for women parliamentarians and parliamentary staff on bringing the women, peace and security agenda into prevention policies, budgets and oversight.',
    summaryAr: '',
    publishedOn: '2020-11-25',
    region: 'asia',
    pillars: [1, 4],
    resolutions: ['1325'],
    themes: ['women', 'prevention'],
    languages: ['en'],
  },
  {
    type: 'audio',
    titleEn: 'Podcast: border security and the movement of foreign terrorist fighters',
    titleAr: '',
    summaryEn:
      'A conversation between parliamentarians from the Americas on border management, passenger data and cooperation between border agencies, and on how parliaments oversee them.',
    summaryAr: '',
    publishedOn: '2018-10-02',
    region: 'americas',
    pillars: [2],
    resolutions: ['2178', '2396'],
    themes: ['border_security', 'foreign_terrorist_fighters'],
    languages: ['en', 'es'],
  },
]

const DEMO_AUTHOR = 'coordinator@demo.parlnet.example'

/**
 * Inserts the demo resources, published, by the demo coordinator, and indexes them for search. Safe to run
 * again: a resource whose two titles are already in the library is left alone. Returns how many it added.
 */
export function seedDemoResources(db: Db) {
  const author = db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_AUTHOR)).get()
  const added = db.transaction((tx) => {
    const ids: number[] = []
    for (const r of demoResources) {
      const exists = tx
        .select({ id: resource.id })
        .from(resource)
        .where(and(eq(resource.titleEn, r.titleEn), eq(resource.titleAr, r.titleAr)))
        .get()
      if (exists) continue
      const publishedAt = new Date(`${r.publishedOn}T09:00:00Z`)
      const { id } = tx
        .insert(resource)
        .values({
          type: r.type,
          titleEn: r.titleEn,
          titleAr: r.titleAr,
          summaryEn: r.summaryEn,
          summaryAr: r.summaryAr,
          transcriptEn: r.transcriptEn ?? '',
          publisher: r.publisher ?? '',
          tags: r.tags ?? '',
          publishedOn: r.publishedOn,
          year: Number(r.publishedOn.slice(0, 4)),
          region: r.region,
          externalUrl: r.externalUrl ?? null,
          visibility: r.visibility ?? 'public',
          state: 'published',
          authorId: author?.id ?? null,
          reviewerId: author?.id ?? null,
          submittedAt: publishedAt,
          publishedAt,
        })
        .returning({ id: resource.id })
        .get()
      tx.insert(resourcePillar)
        .values(r.pillars.map((pillar) => ({ resourceId: id, pillar })))
        .run()
      if (r.resolutions?.length) {
        tx.insert(resourceResolution)
          .values(r.resolutions.map((resolution) => ({ resourceId: id, resolution })))
          .run()
      }
      tx.insert(resourceTheme)
        .values(r.themes.map((theme) => ({ resourceId: id, theme })))
        .run()
      tx.insert(resourceLanguage)
        .values(r.languages.map((language) => ({ resourceId: id, language })))
        .run()
      const related = r.parliaments?.length
        ? tx.select({ id: parliament.id }).from(parliament).where(inArray(parliament.nameEn, r.parliaments)).all()
        : []
      if (related.length) {
        tx.insert(resourceParliament)
          .values(related.map((p) => ({ resourceId: id, parliamentId: p.id })))
          .run()
      }
      ids.push(id)
    }
    return ids
  })
  for (const id of added) reindexResource(id, db)
  return added.length
}
