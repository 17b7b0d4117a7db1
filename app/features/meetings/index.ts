// What other features may use of the meetings feature.
export { countUpcomingPublicMeetings, getMeeting, meetingCardColumns } from './meeting.server'
export { listedMeetingsWhere, type MeetingViewer } from './access.server'
