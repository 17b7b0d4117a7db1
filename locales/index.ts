// All UI strings, bundled once into the server at build time (loaded once at start-up, never per request).
import arAdmin from './ar/admin.json'
import arAuth from './ar/auth.json'
import arCommon from './ar/common.json'
import arNetwork from './ar/network.json'
import arMembers from './ar/members.json'
import arMechanisms from './ar/mechanisms.json'
import arStats from './ar/stats.json'
import arLibrary from './ar/library.json'
import enAdmin from './en/admin.json'
import enAuth from './en/auth.json'
import enLibrary from './en/library.json'
import enCommon from './en/common.json'
import enNetwork from './en/network.json'
import enMembers from './en/members.json'
import enMechanisms from './en/mechanisms.json'
import enStats from './en/stats.json'
import arMeetings from './ar/meetings.json'
import enMeetings from './en/meetings.json'
import arAgenda from './ar/agenda.json'
import enAgenda from './en/agenda.json'
import arParticipation from './ar/participation.json'
import enParticipation from './en/participation.json'
import arCalendar from './ar/calendar.json'
import enCalendar from './en/calendar.json'
import arProgrammes from './ar/programmes.json'
import enProgrammes from './en/programmes.json'
import arRequests from './ar/requests.json'
import enRequests from './en/requests.json'
import arCoordination from './ar/coordination.json'
import enCoordination from './en/coordination.json'
import arPartners from './ar/partners.json'
import enPartners from './en/partners.json'
import arWomenYouth from './ar/womenYouth.json'
import enWomenYouth from './en/womenYouth.json'
import arDrafts from './ar/drafts.json'
import enDrafts from './en/drafts.json'
import arSurveys from './ar/surveys.json'
import enSurveys from './en/surveys.json'
import enGroups from './en/groups.json'
import enNotifications from './en/notifications.json'
import enAlerts from './en/alerts.json'
import arGroups from './ar/groups.json'
import arNotifications from './ar/notifications.json'
import arAlerts from './ar/alerts.json'

export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    admin: enAdmin,
    network: enNetwork,
    members: enMembers,
    mechanisms: enMechanisms,
    stats: enStats,
    library: enLibrary,
    meetings: enMeetings,
    agenda: enAgenda,
    participation: enParticipation,
    calendar: enCalendar,
    programmes: enProgrammes,
    requests: enRequests,
    coordination: enCoordination,
    partners: enPartners,
    womenYouth: enWomenYouth,
    drafts: enDrafts,
    surveys: enSurveys,
    groups: enGroups,
    notifications: enNotifications,
    alerts: enAlerts,
  },
  ar: {
    common: arCommon,
    auth: arAuth,
    admin: arAdmin,
    network: arNetwork,
    members: arMembers,
    mechanisms: arMechanisms,
    stats: arStats,
    library: arLibrary,
    meetings: arMeetings,
    agenda: arAgenda,
    participation: arParticipation,
    calendar: arCalendar,
    programmes: arProgrammes,
    requests: arRequests,
    coordination: arCoordination,
    partners: arPartners,
    womenYouth: arWomenYouth,
    drafts: arDrafts,
    surveys: arSurveys,
    groups: arGroups,
    notifications: arNotifications,
    alerts: arAlerts,
  },
}
