import type { Action } from '../../bot/core/actions.js'
import type { BuiltDigest } from './digest/build.js'

/** The scheduled weekly digest: chat text and the file to every recipient, privately. */
export function digestActions(digest: BuiltDigest, recipients: string[]): Action[] {
  if (!recipients.length)
    return [
      {
        type: 'record',
        text: '案例周报未发送：没有培训师（roles.trainer）也没有 digest.extraRecipients（weekly digest skipped: no recipients）',
        rule: 'cases.digest-no-recipients',
      },
    ]
  return recipients.flatMap((contact): Action[] => [
    { type: 'say', to: { contact }, text: digest.text, rule: 'cases.weekly-digest', memberId: contact },
    ...(digest.path
      ? [
          {
            type: 'sendFile' as const,
            to: { contact },
            path: digest.path,
            rule: 'cases.weekly-digest-file',
            memberId: contact,
          },
        ]
      : []),
  ])
}
