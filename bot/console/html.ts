import { type Access, mayOpen, PAGES } from './access.js'

/** HTML that is already safe (built by `h` or trusted markup). */
export class Html {
  constructor(readonly value: string) {}
  /** The markup, so `layout` can place fragments in a plain template string. */
  toString(): string {
    return this.value
  }
}

/** Trusted markup, inserted unescaped. */
export function raw(s: string): Html {
  return new Html(s)
}

/** Escape text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )
}

function part(v: unknown): string {
  if (v instanceof Html) return v.value
  if (Array.isArray(v)) return v.map(part).join('')
  if (v === undefined || v === null || v === false) return ''
  return esc(String(v))
}

/** Tagged template: interpolated values are escaped unless they are `Html` (arrays are joined). */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return raw(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''))
}

/** A hidden CSRF field for forms of a signed-in session. */
export function csrfField(csrf: string): Html {
  return h`<input type="hidden" name="csrf" value="${csrf}">`
}

/** The page frame: title, navigation (when signed in; the pages the person may open), an optional notice and the body. */
export function layout(
  title: string,
  body: Html,
  opts: { path?: string; user?: string; csrf?: string; notice?: string; access?: Access } = {},
): string {
  const nav = opts.user
    ? h`<nav>
  <strong class="brand">群管家控制台</strong>
  ${PAGES.filter(n => mayOpen(opts.access ?? [], n)).map(n => h`<a href="${n.path}"${raw(n.path === opts.path ? ' aria-current="page"' : '')}>${n.label}</a>`)}
  <span class="spacer"></span>
  <span class="who">${opts.user}</span>
  <form method="post" action="/logout">${csrfField(opts.csrf ?? '')}<button class="link">退出</button></form>
</nav>`
    : ''
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · 群管家控制台</title>
<link rel="stylesheet" href="/console.css">
</head>
<body>
${nav}
<main>
<h1>${esc(title)}</h1>
${opts.notice ? h`<p class="notice" role="status">${opts.notice}</p>` : ''}
${body}
</main>
</body>
</html>`
}

/** The console's only stylesheet (served from `/console.css` so the CSP needs no inline styles). */
export const CSS = `
@font-face{font-family:"Console CJK";src:url(/font.ttf) format("truetype");font-display:swap}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei","Console CJK",sans-serif;color:#1f2937;background:#f3f4f6}
nav{display:flex;gap:1rem;align-items:center;padding:.6rem 1.5rem;background:#1e3a5f;color:#fff;flex-wrap:wrap}
nav a{color:#dbeafe;text-decoration:none}
nav a[aria-current]{color:#fff;font-weight:600;border-bottom:2px solid #fbbf24}
nav .brand{margin-right:1rem}
nav .spacer{flex:1}
nav form{margin:0}
main{max-width:1100px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.8rem}
.card{background:#fff;border-radius:8px;padding:.8rem 1rem;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.card .k{color:#6b7280;font-size:.85rem}
.card .v{font-size:1.3rem;font-weight:600}
.ok{color:#047857}.bad{color:#b91c1c}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden;box-shadow:0 1px 2px rgba(0,0,0,.06)}
th,td{text-align:left;padding:.45rem .7rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{background:#f9fafb;font-weight:600;font-size:.9rem;white-space:nowrap}
td.nw,button{white-space:nowrap}
form.inline input[type=text]{width:9em}
form.inline input.wide{width:22em}
.tag{display:inline-block;padding:0 .45rem;border-radius:4px;font-size:.8rem;background:#e5e7eb}
.tag.on{background:#fef3c7;color:#92400e}.tag.off{background:#d1fae5;color:#065f46}
.notice{background:#eff6ff;border-left:4px solid #3b82f6;padding:.5rem .8rem;white-space:pre-wrap}
.answer{background:#fff;border-radius:8px;padding:.6rem .9rem;white-space:pre-wrap;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.notice-card{background:#fff;border-radius:8px;padding:.6rem .9rem;margin:.6rem 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.notice-card .row{margin:.25rem 0}
.person{display:inline-block;margin:0 .5rem .2rem 0;padding:0 .4rem;background:#f3f4f6;border-radius:4px}
.person small{color:#6b7280;margin-left:.3rem}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.5rem 0}
form.stack{display:flex;flex-direction:column;gap:.5rem;max-width:640px}
textarea,select,input[type=date]{padding:.35rem .5rem;border:1px solid #d1d5db;border-radius:4px;font:inherit}
.error{background:#fef2f2;border-left:4px solid #dc2626;padding:.5rem .8rem}
.muted{color:#6b7280}
code{font-family:ui-monospace,monospace,"Console CJK"}
.evidence{font-family:ui-monospace,monospace,"Console CJK";font-size:.85rem;white-space:pre-wrap;word-break:break-all}
form.inline{display:flex;gap:.4rem;margin:0}
input[type=text],input[type=search],input[type=password]{padding:.35rem .5rem;border:1px solid #d1d5db;border-radius:4px;font:inherit}
button{padding:.35rem .8rem;border:0;border-radius:4px;background:#2563eb;color:#fff;font:inherit;cursor:pointer}
button.danger{background:#dc2626}
button.link{background:none;color:#dbeafe;padding:0}
.login{max-width:420px;margin:4rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
.login form{display:flex;flex-direction:column;gap:.6rem;margin:1rem 0}
.chart{background:#fff;border-radius:8px;padding:.5rem;max-width:100%}
.chart img{max-width:100%;height:auto}
ul.plain{list-style:none;padding:0;margin:0}
`
