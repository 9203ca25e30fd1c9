import { csrfField, h, type Html } from '../html.js'

/**
 * Dictionary page: the status (`#词库`), a sentence to test and a term to add or remove. Every form runs the
 * chat command as the signed-in admin (a POST: it is answered in WeChat too), and the answer shows on top.
 */
export function dictionaryPage(csrf: string): Html {
  return h`<h2>词库状态</h2>
<form method="post" action="/dictionary" class="inline">${csrfField(csrf)}<button name="op" value="status">查看词库状态（文件、版本、类别）</button></form>
<h2>测试一句话</h2>
<form method="post" action="/dictionary" class="stack">${csrfField(csrf)}<input type="hidden" name="op" value="test">
<textarea name="text" rows="3" maxlength="2000" required aria-label="要测试的文字" placeholder="粘贴一段群消息，看会命中什么、为什么"></textarea>
<button>测试</button></form>
<h2>添加或删除词条</h2>
<form method="post" action="/dictionary" class="inline">${csrfField(csrf)}
<input type="text" class="wide" name="term" required maxlength="100" aria-label="词条" placeholder="类别英文名 词条，如：ad 代购（类别见上方词库状态）">
<button name="op" value="add">添加</button><button class="danger" name="op" value="remove">删除</button></form>
<p class="muted">这里的每个操作都等同于你在微信里私聊机器人发送 #词库 命令（测试、添加、删除）：机器人的回答显示在页面顶部，也会私聊发给你，并写入审计日志。</p>`
}
