/**
 * A bot account of the fleet as people read it: its WeChat name, with the account (`BOT_ACCOUNT`) in brackets for the
 * operator, `「销售小助手」(sales2)`; the account alone when it has written no name (not logged in since the upgrade).
 */
export function botAccountText(account: string, name?: string): string {
  return name ? `「${name}」(${account})` : account
}

/**
 * The bot account to message privately, by the name people see in WeChat (`「销售小助手」`), or the account alone
 * when it has no name.
 */
export function botToMessage(account: string, name?: string): string {
  return name ? `「${name}」` : account
}
