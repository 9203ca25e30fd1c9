/**
 * What marks a `PgStore` (`store[PG_STORE] === true`), so code can tell one apart without loading its
 * module: pg and kysely load only in fleet mode.
 */
export const PG_STORE: unique symbol = Symbol.for('wechat-group-guard.pg-store')
