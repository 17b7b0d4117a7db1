// The demo meetings: the first coordination meeting of parliamentary assemblies on counter-terrorism (Doha,
// 13–15 December 2021, ../shared/DOMAIN.md and its seed report) with a three-day agenda, and two upcoming
// meetings dated from the day the demo is loaded. The agenda's themes are those the seed report lists; its
// times are illustrative. Speakers named are those the report names.
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '~/utils/db.server'
import { zonedToUtc } from '~/utils/zoned-time.server'
import type {
  MeetingDocumentRole,
  MeetingFormat,
  MeetingKind,
  MeetingState,
  MeetingVisibility,
  Region,
  Theme,
} from './enums'
import {
  meeting,
  meetingDocument,
  meetingInvitation,
  meetingSession,
  meetingSessionSpeaker,
  meetingTheme,
  parliament,
  resource,
  user,
} from './schema/index'

type DemoSession = {
  day: number
  from: string
  to: string
  titleEn: string
  titleAr: string
  room?: string
  speakers?: { name: string; affiliation: string }[]
}

type DemoMeeting = {
  kind: MeetingKind
  format: MeetingFormat
  titleEn: string
  titleAr: string
  descriptionEn: string
  descriptionAr: string
  city: string
  countryCode: string | null
  address?: string
  onlineUrl?: string
  region: Region
  timeZone: string
  /** Local start and end ("YYYY-MM-DDTHH:mm"), or days from today for upcoming ones. */
  starts: string | { inDays: number; at: string }
  ends: string | { inDays: number; at: string }
  hosts: string
  visibility: MeetingVisibility
  state: MeetingState
  capacity?: number
  deadlineDaysBefore?: number
  outcomeEn?: string
  outcomeAr?: string
  invited: string[]
  documents?: { titleEn: string; role: MeetingDocumentRole }[]
  /** Themes (the library's); women and youth gather the meeting into the women and young parliamentarians' space. */
  themes?: Theme[]
  sessions: DemoSession[]
}

const doha: DemoMeeting = {
  kind: 'coordination_meeting',
  format: 'in_person',
  titleEn: 'First coordination meeting of parliamentary assemblies on counter-terrorism',
  titleAr: 'الاجتماع التنسيقي الأول للجمعيات البرلمانية لمكافحة الإرهاب',
  descriptionEn:
    'Parliamentarians from Asia, South America and the United Kingdom, the OSCE Parliamentary Assembly among them, met for three days in Doha at the invitation of the United Nations Office of Counter-Terrorism and the Shura Council of Qatar.\n\nThey discussed the role of parliaments in countering terrorism and violent extremism conducive to terrorism, permanent coordination mechanisms between parliamentary assemblies, unions and the parliaments of member states, a global parliamentary network and its web platform, and a package of technical support and capacity-building programmes.',
  descriptionAr:
    'شارك برلمانيون من آسيا وأميركا الجنوبية والمملكة المتحدة، ومنهم الجمعية البرلمانية لمنظمة الأمن والتعاون في أوروبا، في اجتماع استمر ثلاثة أيام في الدوحة بدعوة من مكتب الأمم المتحدة لمكافحة الإرهاب ومجلس الشورى القطري.\n\nوبحث الاجتماع دور البرلمانات في التصدي للإرهاب والتطرف العنيف المؤدي إلى الإرهاب، وآليات التنسيق الدائم بين جمعيات واتحادات وبرلمانات الدول الأعضاء، وإنشاء شبكة برلمانية عالمية ومنصتها على الإنترنت، وحزمة من برامج الدعم الفني وبناء القدرات.',
  city: 'Doha',
  countryCode: 'QA',
  region: 'middle_east_north_africa',
  timeZone: 'Asia/Qatar',
  starts: '2021-12-13T09:00',
  ends: '2021-12-15T17:00',
  hosts: 'United Nations Office of Counter-Terrorism (UNOCT)\nShura Council of Qatar',
  visibility: 'public',
  state: 'completed',
  outcomeEn:
    'The participants agreed to create and run a global parliamentary network against terrorism, with a web platform to share materials, publications and multimedia resources; to set up permanent coordination between parliamentary assemblies; and to develop a package of technical support and capacity-building programmes, with partnerships with United Nations entities to empower women and young parliamentarians.',
  outcomeAr:
    'اتفق المشاركون على إنشاء شبكة برلمانية عالمية لمكافحة الإرهاب وتشغيلها، مع منصة على الإنترنت لتبادل المواد والمطبوعات ومصادر الوسائط المتعددة، وعلى إرساء تنسيق دائم بين الجمعيات البرلمانية، وعلى إعداد حزمة من برامج الدعم الفني وبناء القدرات، وعقد شراكات مع مؤسسات الأمم المتحدة لتمكين المرأة والشباب من البرلمانيين.',
  invited: [
    'Shura Council of Qatar',
    'UK House of Commons',
    'OSCE Parliamentary Assembly',
    'Parliamentary Assembly of the Mediterranean',
    'Asian Parliamentary Assembly',
    'ParlAmericas',
  ],
  documents: [
    {
      titleEn: 'Report of the first coordination meeting of parliamentary assemblies on counter-terrorism (Doha)',
      role: 'outcome',
    },
  ],
  // The seed report: it discussed partnerships with UN entities to empower women and young parliamentarians.
  themes: ['women', 'youth'],
  sessions: [
    {
      day: 0,
      from: '09:00',
      to: '10:30',
      titleEn: 'Opening of the meeting',
      titleAr: 'افتتاح أعمال الاجتماع',
      room: 'Plenary hall',
      speakers: [
        { name: 'Hassan bin Abdullah Al-Ghanim', affiliation: 'Speaker of the Shura Council of Qatar' },
        { name: 'Mauro Miedico', affiliation: 'Deputy Director, United Nations Office of Counter-Terrorism' },
      ],
    },
    {
      day: 0,
      from: '11:00',
      to: '13:00',
      titleEn: 'The role of parliaments in countering terrorism and violent extremism conducive to terrorism',
      titleAr: 'دور البرلمانات في التصدي للإرهاب والتطرف العنيف المؤدي إلى الإرهاب',
      room: 'Plenary hall',
      speakers: [
        {
          name: 'Reinhold Lopatka',
          affiliation: 'Chair of the counter-terrorism committee, OSCE Parliamentary Assembly',
        },
      ],
    },
    {
      day: 0,
      from: '14:30',
      to: '16:30',
      titleEn: 'Threats, challenges, and the mechanisms parliaments have set up',
      titleAr: 'التهديدات والتحديات والآليات التي وضعتها البرلمانات',
      room: 'Plenary hall',
    },
    {
      day: 1,
      from: '09:30',
      to: '12:30',
      titleEn: 'Permanent coordination mechanisms between parliamentary assemblies, unions and parliaments',
      titleAr: 'آليات التنسيق الدائم بين الجمعيات والاتحادات البرلمانية وبرلمانات الدول الأعضاء',
      room: 'Plenary hall',
    },
    {
      day: 1,
      from: '14:00',
      to: '16:30',
      titleEn: 'A global parliamentary network and its web platform',
      titleAr: 'شبكة برلمانية عالمية ومنصتها على الإنترنت',
      room: 'Room 2',
    },
    {
      day: 2,
      from: '09:30',
      to: '11:30',
      titleEn: 'Technical support and capacity-building programmes',
      titleAr: 'برامج الدعم الفني وبناء القدرات',
      room: 'Room 2',
    },
    {
      day: 2,
      from: '12:00',
      to: '13:30',
      titleEn: 'Partnerships with United Nations entities to empower women and young parliamentarians',
      titleAr: 'الشراكات مع مؤسسات الأمم المتحدة لتمكين المرأة والشباب من البرلمانيين',
      room: 'Room 2',
    },
    {
      day: 2,
      from: '15:00',
      to: '17:00',
      titleEn: 'Conclusions and next steps',
      titleAr: 'الاستنتاجات والخطوات التالية',
      room: 'Plenary hall',
    },
  ],
}

const upcoming: DemoMeeting[] = [
  {
    kind: 'webinar',
    format: 'online',
    titleEn: 'Webinar: parliaments and the financing of terrorism (resolution 2462)',
    titleAr: 'ندوة إلكترونية: البرلمانات وتمويل الإرهاب (القرار 2462)',
    descriptionEn:
      'How parliaments legislate and oversee to prevent the financing of terrorism, one year of practice shared by members of the network.',
    descriptionAr: 'كيف تشرّع البرلمانات وتراقب لمنع تمويل الإرهاب: تجارب يتبادلها أعضاء الشبكة.',
    city: '',
    countryCode: null,
    onlineUrl: 'https://meet.example.org/parlnet-2462',
    region: 'global',
    timeZone: 'Asia/Qatar',
    starts: { inDays: 21, at: '13:00' },
    ends: { inDays: 21, at: '15:00' },
    hosts: 'United Nations Office of Counter-Terrorism (UNOCT)',
    visibility: 'public',
    state: 'published',
    invited: [],
    sessions: [
      { day: 0, from: '13:00', to: '13:15', titleEn: 'Welcome', titleAr: 'كلمة الترحيب' },
      {
        day: 0,
        from: '13:15',
        to: '14:30',
        titleEn: 'Legislation and oversight: experiences',
        titleAr: 'التشريع والرقابة: تجارب',
      },
      { day: 0, from: '14:30', to: '15:00', titleEn: 'Questions and answers', titleAr: 'أسئلة وأجوبة' },
    ],
  },
  {
    kind: 'workshop',
    format: 'hybrid',
    titleEn: 'Regional workshop on model laws against terrorism',
    titleAr: 'ورشة عمل إقليمية حول القوانين النموذجية لمكافحة الإرهاب',
    descriptionEn:
      'A two-day workshop for parliamentarians and their staff on drafting counter-terrorism legislation that respects human rights.',
    descriptionAr: 'ورشة عمل لمدة يومين للبرلمانيين وموظفيهم حول صياغة تشريعات لمكافحة الإرهاب تحترم حقوق الإنسان.',
    city: 'Doha',
    countryCode: 'QA',
    address: 'Shura Council',
    onlineUrl: 'https://meet.example.org/parlnet-model-laws',
    region: 'middle_east_north_africa',
    timeZone: 'Asia/Qatar',
    starts: { inDays: 45, at: '09:00' },
    ends: { inDays: 46, at: '16:00' },
    hosts: 'United Nations Office of Counter-Terrorism (UNOCT)\nShura Council of Qatar',
    visibility: 'members',
    state: 'published',
    capacity: 40,
    deadlineDaysBefore: 10,
    invited: ['Shura Council of Qatar', 'Arab Parliament'],
    sessions: [
      {
        day: 0,
        from: '09:00',
        to: '12:00',
        titleEn: 'Principles of model legislation',
        titleAr: 'مبادئ التشريعات النموذجية',
      },
      { day: 1, from: '09:00', to: '12:00', titleEn: 'Drafting exercise', titleAr: 'تمرين على الصياغة' },
    ],
  },
]

/** "YYYY-MM-DD" of today plus n days (UTC). */
function dayFromNow(n: number) {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
}

function localOf(value: DemoMeeting['starts']) {
  return typeof value === 'string' ? value : `${dayFromNow(value.inDays)}T${value.at}`
}

function at(local: string, zone: string) {
  const date = zonedToUtc(local, zone)
  if (!date) throw new Error(`demo meeting: bad time ${local} ${zone}`)
  return date
}

/** Adds the demo meetings that are missing (matched by English title). */
export function seedDemoMeetings(db: Db) {
  const coordinator = db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, 'coordinator@demo.parlnet.example'))
    .get()
  db.transaction((tx) => {
    for (const m of [doha, ...upcoming]) {
      if (tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.titleEn, m.titleEn)).get()) continue
      const startLocal = localOf(m.starts)
      const startsAt = at(startLocal, m.timeZone)
      const endsAt = at(localOf(m.ends), m.timeZone)
      const now = new Date()
      const { id } = tx
        .insert(meeting)
        .values({
          kind: m.kind,
          format: m.format,
          titleEn: m.titleEn,
          titleAr: m.titleAr,
          descriptionEn: m.descriptionEn,
          descriptionAr: m.descriptionAr,
          city: m.city,
          countryCode: m.countryCode,
          address: m.address ?? '',
          onlineUrl: m.onlineUrl ?? null,
          region: m.region,
          timeZone: m.timeZone,
          startsAt,
          endsAt,
          year: Number(startLocal.slice(0, 4)),
          hosts: m.hosts,
          visibility: m.visibility,
          state: m.state,
          capacity: m.capacity ?? null,
          registrationDeadline: m.deadlineDaysBefore
            ? new Date(startsAt.getTime() - m.deadlineDaysBefore * 86_400_000)
            : null,
          outcomeEn: m.outcomeEn ?? '',
          outcomeAr: m.outcomeAr ?? '',
          outcomePublishedAt: m.outcomeEn ? endsAt : null,
          createdById: coordinator?.id ?? null,
          publishedAt: m.state === 'draft' ? null : now,
        })
        .returning({ id: meeting.id })
        .get()
      const firstDay = startLocal.slice(0, 10)
      for (const s of m.sessions) {
        const day = new Date(Date.parse(`${firstDay}T00:00:00Z`) + s.day * 86_400_000).toISOString().slice(0, 10)
        const session = tx
          .insert(meetingSession)
          .values({
            meetingId: id,
            titleEn: s.titleEn,
            titleAr: s.titleAr,
            startsAt: at(`${day}T${s.from}`, m.timeZone),
            endsAt: at(`${day}T${s.to}`, m.timeZone),
            room: s.room ?? '',
          })
          .returning({ id: meetingSession.id })
          .get()
        s.speakers?.forEach((sp, position) => {
          tx.insert(meetingSessionSpeaker)
            .values({ sessionId: session.id, name: sp.name, affiliation: sp.affiliation, position })
            .run()
        })
      }
      if (m.invited.length) {
        const invited = tx
          .select({ id: parliament.id })
          .from(parliament)
          .where(inArray(parliament.nameEn, m.invited))
          .all()
        for (const p of invited) {
          tx.insert(meetingInvitation)
            .values({ meetingId: id, parliamentId: p.id, invitedById: coordinator?.id ?? null })
            .run()
        }
      }
      for (const d of m.documents ?? []) {
        const r = tx.select({ id: resource.id }).from(resource).where(eq(resource.titleEn, d.titleEn)).get()
        if (r) tx.insert(meetingDocument).values({ meetingId: id, resourceId: r.id, role: d.role }).run()
      }
    }
    // Themes apart, so that a database seeded before meetings had themes gets them too (insert or ignore).
    for (const m of [doha, ...upcoming]) {
      if (!m.themes?.length) continue
      const found = tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.titleEn, m.titleEn)).get()
      if (found) {
        tx.insert(meetingTheme)
          .values(m.themes.map((theme) => ({ meetingId: found.id, theme })))
          .onConflictDoNothing()
          .run()
      }
    }
  })
}
