// What other features may use of the meetings feature.
export {
  countUpcomingPublicMeetings,
  getMeeting,
  listMeetings,
  listPublicMeetingsForSitemap,
  meetingCardColumns,
  upcomingPublicMeetings,
} from './meeting.server'
export { listedMeetingsWhere, type MeetingViewer } from './access.server'
export { parseMeetingListQuery } from './filters'
