// Creates an account from the command line (the first admin of a new installation):
//   npm run user:create -- --email E --name N --role admin   (password from stdin, or asked on a terminal)
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { roles } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { createUser, getUserByEmail } from '~/features/accounts/user.server'
import { closeDb } from '~/utils/db.server'
import { EmailSchema, NameSchema, PasswordSchema } from '~/utils/validation/common'

const messages: Record<string, string> = {
  required: 'is required',
  emailInvalid: 'is not a valid email address',
  emailTooLong: 'is longer than 254 characters',
  passwordTooShort: 'must have at least 12 characters',
  passwordTooLong: 'must have at most 128 characters',
  nameTooLong: 'must have at most 120 characters',
}

function fail(message: string): never {
  console.error(`user:create: ${message}`)
  process.exit(1)
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    // Hide what is typed: echo nothing after the prompt.
    const write = rl as unknown as { _writeToOutput: (s: string) => void }
    const prompt = 'Password (12–128 characters): '
    process.stdout.write(prompt)
    write._writeToOutput = () => {}
    const answer = await new Promise<string>((resolve) => rl.question('', resolve))
    rl.close()
    process.stdout.write('\n')
    return answer
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // Only the first line: `echo pw | npm run user:create …` must not keep the newline.
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'member' },
    language: { type: 'string', default: 'en' },
  },
})

const Args = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: z.enum(roles, { error: `must be one of ${roles.join(', ')}` }),
  language: z.enum(['en', 'ar'], { error: 'must be en or ar' }),
})
const args = Args.safeParse(values)
if (!args.success) {
  const issue = args.error.issues[0]!
  fail(`--${String(issue.path[0])} ${messages[issue.message] ?? issue.message}`)
}
if (getUserByEmail(args.data.email)) fail(`an account with ${args.data.email} already exists`)

const password = PasswordSchema.safeParse(await readPassword())
if (!password.success) fail(`the password ${messages[password.error.issues[0]!.message]}`)

const user = await createUser({
  email: args.data.email,
  name: args.data.name,
  role: args.data.role,
  locale: args.data.language,
  password: password.data,
})
recordAuditEvent({
  actorId: null,
  action: 'user.created_cli',
  targetType: 'user',
  targetId: user.id,
  details: { role: user.role },
})
closeDb()
console.log(`created ${user.role} ${user.email} (id ${user.id})`)
