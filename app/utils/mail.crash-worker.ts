// Run by mail-outbox.server.test.ts in its own process: commits an invitation with its audit row and its
// queued mail, then dies (SIGKILL) before the delivery that enqueueMail scheduled can run, as a crash would.
import { createInvitation } from '~/features/accounts/invitation.server'
import { recordAuditEvent } from '~/utils/audit.server'
import { sendInvitationMail } from '../features/accounts/mail.server'
import { atomically } from './transaction.server'

const email = process.argv[2]!
atomically((tx) => {
  const { secret, token } = createInvitation({
    email,
    role: 'member',
    parliamentId: null,
    locale: 'ar',
    invitedById: 1,
  })
  recordAuditEvent(
    {
      actorId: 1,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: token.id,
    },
    tx,
  )
  sendInvitationMail(tx, {
    to: email,
    lang: 'ar',
    inviter: 'Admin',
    role: 'member',
    link: `https://parlnet.example.org/ar/invitations/${secret}`,
  })
})
process.stdout.write('committed\n')
process.kill(process.pid, 'SIGKILL')
