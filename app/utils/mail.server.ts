import nodemailer, { type Transporter } from 'nodemailer'
import { insertOutboxMessage, markOutboxMessage } from '~/models/outbox.server'
import { getConfig } from './config.server'

export type Mail = { to: string; subject: string; text: string; locale: string }

let transport: Transporter | null | undefined

function getTransport() {
  if (transport === undefined) {
    const { SMTP_URL } = getConfig()
    transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null
  }
  return transport
}

/**
 * Keeps the mail in the outbox table, then delivers it through SMTP when one is configured. Call it after
 * the transaction that caused it has committed. Delivery errors are recorded on the row, never thrown at
 * the user, and never logged with the SMTP credentials.
 */
export async function sendMail(mail: Mail) {
  const { id } = insertOutboxMessage({
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    locale: mail.locale,
  })
  const smtp = getTransport()
  if (!smtp) return { id, delivered: false }
  try {
    await smtp.sendMail({ from: getConfig().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text })
    markOutboxMessage(id, { sent: true })
    return { id, delivered: true }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    markOutboxMessage(id, { sent: false, error: message })
    console.error(`mail: delivery of outbox #${id} failed: ${message}`)
    return { id, delivered: false }
  }
}
