import { group, member } from '../../helpers/harness.js'

/** Two customer groups with the content plugin on the test dictionary, one admin: the fleet content tests' config. */
export const CONTENT_CONFIG = `
company: 示例科技
roles: { admin: [admin1] }
groups:
  - { name: 销售一群, topic: 销售一群, kind: customer }
  - { name: 销售二群, topic: 销售二群, kind: customer }
plugins:
  content: { dictionaries: [test/plugins/content/fixtures/test-dictionary.yaml], watch: false }
`
/** The two customer groups, held by sales1 and sales2 in `fleetOfTwo`. */
export const one = group('r1', '销售一群', 'customer', '销售一群')
export const two = group('r2', '销售二群', 'customer', '销售二群')
/** A customer who posts in both. */
export const spammer = member('c3', '优惠多多')
