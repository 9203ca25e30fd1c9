/**
 * A host on a private network (issue #22, f52): a router's, a camera's or a machine's own address (`192.168.0.100:8000`,
 * `http://10.0.0.2/admin`, `localhost:8080`). No reader outside that network can open it, so it carries no one to a
 * site; any other address, a public IP's too (`http://45.77.1.2:8888`), stays a link.
 */

/** IPv4 ranges no one reaches from outside: 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16. */
const PRIVATE_V4 =
  /^(?:10|127)\.\d{1,3}\.\d{1,3}\.\d{1,3}$|^169\.254\.\d{1,3}\.\d{1,3}$|^172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}$|^192\.168\.\d{1,3}\.\d{1,3}$/u

/** True for a lower-case host of a private network (PRIVATE_V4) or the machine itself (`localhost`, `::1`). */
export function onPrivateNetwork(host: string): boolean {
  return host === 'localhost' || host === '::1' || PRIVATE_V4.test(host)
}
