<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AfterLoanActions</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Close the signal</source>
        <translation>关闭风险信号</translation>
    </message>
    <message>
        <source>Why is it closed?</source>
        <translation>关闭原因？</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Expiry date (YYYY-MM-DD)</source>
        <translation>到期日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>That is not a date.</source>
        <translation>这不是一个日期。</translation>
    </message>
    <message>
        <source>Post-loan checks</source>
        <translation>贷后检查</translation>
    </message>
    <message>
        <source>No disbursed loan to check.</source>
        <translation>没有已放款的贷款需要检查。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <source>Prism</source>
        <translation>Prism 棱镜</translation>
    </message>
    <message>
        <source>Prism is already open</source>
        <translation>棱镜已经打开</translation>
    </message>
    <message>
        <source>Another Prism has this book open ({path}). Use that window.</source>
        <translation>另一个棱镜窗口已经打开了这个客户簿（{path}），请使用那个窗口。</translation>
    </message>
    <message>
        <source>Prism cannot open the book</source>
        <translation>棱镜无法打开客户簿</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <source>Prism is locked. Passphrase:</source>
        <translation>Prism 已锁定。口令：</translation>
    </message>
    <message>
        <source>Prism is locked</source>
        <translation>Prism 已锁定</translation>
    </message>
    <message>
        <source>Wrong passphrase. Passphrase:</source>
        <translation>口令不对。口令：</translation>
    </message>
</context>
<context>
    <name>AskedDialog</name>
    <message>
        <source>Mark asked</source>
        <translation>已问过</translation>
    </message>
    <message>
        <source>What they said, e.g. 考了620分，去了浙大</source>
        <translation>客户怎么说，例如：考了620分，去了浙大</translation>
    </message>
    <message>
        <source>Log it as a contact by</source>
        <translation>记为一次联系，方式</translation>
    </message>
    <message>
        <source>Keep it as a new note</source>
        <translation>存为一条新记事</translation>
    </message>
    <message>
        <source>Ask about it again next time</source>
        <translation>下次再问</translation>
    </message>
    <message>
        <source>Talking point</source>
        <translation>要问的事</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>There is no book in {folder} to back up.</source>
        <translation>{folder} 中没有可备份的客户簿。</translation>
    </message>
    <message>
        <source>Prism is open on this book (process {pid}); close it, then restore.</source>
        <translation>Prism 正打开着这个客户簿（进程 {pid}），请先关闭再恢复。</translation>
    </message>
    <message>
        <source>Restored the book from {file}.</source>
        <translation>已从 {file} 恢复客户簿。</translation>
    </message>
    <message>
        <source>The book as it was is kept in {file}.</source>
        <translation>恢复前的客户簿已保存在 {file}。</translation>
    </message>
    <message>
        <source>The damaged book is kept as {file}.</source>
        <translation>损坏的客户簿已另存为 {file}。</translation>
    </message>
    <message>
        <source>The book now opens with the backup&apos;s passphrase.</source>
        <translation>此后打开客户簿请使用该备份的密码。</translation>
    </message>
    <message>
        <source>The book passed its check ({n} clients).</source>
        <translation>客户簿检查通过（{n} 位客户）。</translation>
    </message>
    <message>
        <source>The book is damaged: {problem}</source>
        <translation>客户簿已损坏：{problem}</translation>
    </message>
    <message>
        <source>Newest good backup: {date} ({file}); crm restore FILE uses it.</source>
        <translation>最近的完好备份：{date}（{file}）；可用 crm restore 文件 恢复。</translation>
    </message>
    <message>
        <source>There is no good backup yet.</source>
        <translation>还没有完好的备份。</translation>
    </message>
    <message>
        <source>There is no book in {folder}.</source>
        <translation>{folder} 中没有客户簿。</translation>
    </message>
    <message>
        <source>{file} is not a file.</source>
        <translation>{file} 不是文件。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a device, a folder ...); give the backup a file name.</source>
        <extracomment>The rotation: newest backup of each of the last N days, ISO weeks and months (~ a year). progress(copied_pages, total_pages) after each step of the copy.</extracomment>
        <translation>{path} 不是普通文件（而是设备、文件夹等）；请为备份指定一个文件名。</translation>
    </message>
    <message>
        <source>The copy of the book failed its check ({problem}); not kept.</source>
        <translation>客户簿的副本未通过检查（{problem}），未保留。</translation>
    </message>
    <message>
        <source>{path} fails its check and was not restored: {problem}</source>
        <extracomment>A leftover younger than this may be a write in progress in another Prism process.</extracomment>
        <translation>{path} 未通过检查，未恢复：{problem}</translation>
    </message>
    <message>
        <source>{path} was written by a newer Prism; update Prism to restore it.</source>
        <translation>{path} 由更新版本的 Prism 写入，请先升级 Prism 再恢复。</translation>
    </message>
</context>
<context>
    <name>BirthdayEdit</name>
    <message>
        <source>None</source>
        <translation>不填</translation>
    </message>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <source> mo.</source>
        <translation> 月</translation>
    </message>
    <message>
        <source> day</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Leap month</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Birth month</source>
        <translation>出生月份</translation>
    </message>
    <message>
        <source>Birth day</source>
        <translation>出生日</translation>
    </message>
</context>
<context>
    <name>BookError</name>
    <message>
        <source>There is no Prism book at {path}.</source>
        <translation>{path} 处没有棱镜客户簿。</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder, so the book cannot be kept there. Choose a folder for the book.</source>
        <extracomment>Stamped into the SQLite header (PRAGMA application_id) so we know our own files: &apos;PRSM&apos;.</extracomment>
        <translation>{path} 是一个文件而不是文件夹，无法在那里存放客户簿。请为客户簿选择一个文件夹。</translation>
    </message>
    <message>
        <source>{path} is an empty file, not a Prism book. It was left untouched.</source>
        <translation>{path} 是一个空文件，不是棱镜客户簿。文件未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is not a Prism book (not a database). It was left untouched.</source>
        <translation>{path} 不是棱镜客户簿（不是数据库文件）。文件未做任何改动。</translation>
    </message>
    <message>
        <source>{path} is another program&apos;s database, not a Prism book. It was left untouched.</source>
        <translation>{path} 是其他程序的数据库，不是棱镜客户簿。文件未做任何改动。</translation>
    </message>
    <message>
        <source>The book {path} is busy in another Prism window or command. Close the other one and try again.</source>
        <translation>客户簿 {path} 正被另一个棱镜窗口或命令占用。请关闭那个后重试。</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a Prism book. It was left untouched; restore a backup to go on (crm check names the newest good one).</source>
        <translation>{path} 已损坏或不是棱镜客户簿。文件未做任何改动；请恢复一份备份后继续（crm check 会列出最新的完好备份）。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space and try again.</source>
        <extracomment>What each SQLite primary result code means for the officer. Classified by code, never by the message text (which SQLite may reword); an extended code (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE ...) counts as its primary family (its low 8 bits).</extracomment>
        <translation>存放 {path} 的磁盘已满。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>The book {path} is read-only. Check the file&apos;s permissions.</source>
        <translation>客户簿 {path} 是只读的。请检查文件权限。</translation>
    </message>
    <message>
        <source>The disk could not read or write {path}. Check the drive and try again.</source>
        <translation>磁盘无法读写 {path}。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The book {path} cannot be opened. Check the folder exists and is yours.</source>
        <translation>无法打开客户簿 {path}。请确认文件夹存在且您有权限访问。</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a Prism book. It was left untouched.</source>
        <translation type="vanished">{path} 已损坏或不是棱镜客户簿。文件未做任何改动。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Prism (schema {revision}). Update Prism to open it; the book was left untouched.</source>
        <extracomment>Tables in a book no SQLModel class declares, by name: Alembic&apos;s own version table, and the FTS5 search table with the shadow tables SQLite makes for it (SQLAlchemy cannot declare a virtual table; its SQL is kept in ``crm.domain.tables.SQL_ONLY`` and checked by the schema test instead). How a book is compared with ``crm.domain.tables.metadata()``: by the migrations&apos; env when autogenerating the next revision, and by ``tests/store/test_schema.py``. Types and server defaults are compared too: on SQLite both reflect exactly as the migrations declared them.</extracomment>
        <translation>{path} 由更新版本的棱镜写入（结构版本 {revision}）。请升级棱镜后再打开；客户簿未做任何改动。</translation>
    </message>
    <message>
        <source>The book {path} was not closed properly and is damaged ({problem}). It was left untouched; restore a backup to go on.</source>
        <translation>客户簿 {path} 上次未正常关闭，已损坏（{problem}）。文件未做任何改动；请恢复一份备份后继续。</translation>
    </message>
    <message>
        <source>{path} is protected by a passphrase (or is not a Prism book); give the passphrase to open it.</source>
        <translation>{path} 已用口令保护（或者不是 Prism 客户簿）；请输入口令后打开。</translation>
    </message>
    <message>
        <source>Wrong passphrase for {path} (or it is not a Prism book).</source>
        <translation>{path} 的口令不对（或者它不是 Prism 客户簿）。</translation>
    </message>
    <message>
        <source>The backup {path} was protected with another passphrase than the book&apos;s; give that passphrase to restore it (nothing was changed).</source>
        <translation>备份 {path} 使用的是与客户簿不同的另一个密码；请输入那个密码再恢复（未做任何改动）。</translation>
    </message>
    <message>
        <source>The converted copy of {path} failed its check ({problem}); the book was left as it was.</source>
        <translation>{path} 转换后的副本未通过检查（{problem}）；客户簿保持原样。</translation>
    </message>
</context>
<context>
    <name>Brief</name>
    <message>
        <source>{product} ({status})</source>
        <translation>{product}（{status}）</translation>
    </message>
    <message>
        <source>balance {amount}</source>
        <translation>余额 {amount}</translation>
    </message>
    <message>
        <source>next repayment {date}: {amount}</source>
        <translation>下次还款 {date}：{amount}</translation>
    </message>
    <message>
        <source>matures {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>matures {date}, in {n} days</source>
        <translation>{date} 到期，还有 {n} 天</translation>
    </message>
    <message>
        <source>matures tomorrow, {date}</source>
        <translation>明天到期（{date}）</translation>
    </message>
    <message>
        <source>matures today, {date}</source>
        <translation>今天到期（{date}）</translation>
    </message>
    <message>
        <source>matured yesterday, {date}</source>
        <translation>昨天已到期（{date}）</translation>
    </message>
    <message>
        <source>matured {date}, {n} days ago</source>
        <translation>{date} 已到期，已过 {n} 天</translation>
    </message>
    <message>
        <source>overdue since {date}</source>
        <translation>自 {date} 起逾期</translation>
    </message>
    <message>
        <source>overdue since {date}: {amount}</source>
        <translation>自 {date} 起逾期，金额 {amount}</translation>
    </message>
    <message>
        <source>Purpose: {text}</source>
        <translation>所述用途：{text}</translation>
    </message>
    <message>
        <source>Real need: {text}</source>
        <translation>真实需求：{text}</translation>
    </message>
    <message>
        <source>Amount: {amount}</source>
        <translation>金额：{amount} 元</translation>
    </message>
    <message>
        <source>Timing: {text}</source>
        <translation>用款时间：{text}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n}天前</translation>
    </message>
    <message>
        <source>Address as: {address} ({name})</source>
        <translation>称呼：{address}（{name}）</translation>
    </message>
    <message>
        <source>Last contact: {when} · keep in touch every {n} days</source>
        <translation>上次联系：{when} · 每{n}天联系一次</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Running loans:</source>
        <translation>在贷：</translation>
    </message>
    <message>
        <source>Needs record ({date}):</source>
        <translation>需求记录（{date}）：</translation>
    </message>
    <message>
        <source>Needs record:</source>
        <translation>需求记录：</translation>
    </message>
    <message>
        <source>Ask about:</source>
        <translation>要问的事：</translation>
    </message>
    <message>
        <source>About them:</source>
        <translation>关于客户：</translation>
    </message>
    <message>
        <source>{n} days late</source>
        <translation>已逾期{n}天</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date}到期</translation>
    </message>
    <message>
        <source>Open promises:</source>
        <translation>未兑现的承诺：</translation>
    </message>
    <message>
        <source>Last contacts:</source>
        <translation>最近联系：</translation>
    </message>
    <message>
        <source>Coming up:</source>
        <translation>近期日子：</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Risk signals:</source>
        <extracomment>What the brief&apos;s after-the-loan lines are made of: a brief view follows these too. Checks due this many days ahead are listed (late ones always).</extracomment>
        <translation>风险信号：</translation>
    </message>
    <message>
        <source>Post-loan checks:</source>
        <translation>贷后检查：</translation>
    </message>
    <message>
        <source>Papers still missing (loan {id}):</source>
        <translation>尚缺材料（贷款 {id}）：</translation>
    </message>
    <message>
        <source>Related parties:</source>
        <translation>关联人：</translation>
    </message>
    <message>
        <source>{check} late since {date}</source>
        <translation>{check}自 {date} 起逾期未做</translation>
    </message>
    <message>
        <source>{check} due {date}</source>
        <translation>{check} {date} 到期</translation>
    </message>
    <message>
        <source>{name} (you are their {role})</source>
        <translation>{name}（本人是其{role}）</translation>
    </message>
    <message>
        <source>Mutual guarantee (互保) with {name}</source>
        <translation>与{name}互保</translation>
    </message>
    <message>
        <source>Guarantor {name} has overdue loans or signals</source>
        <translation>担保人{name}有逾期贷款或风险信号</translation>
    </message>
</context>
<context>
    <name>BriefTab</name>
    <message>
        <source>Log contact…</source>
        <extracomment>A maturity this close is amber: time to talk about renewal or extension. Resources already shared, at the foot of the brief. The phone numbers shown in full (the officer asked: &quot;Show&quot;), for this client only. Copy the brief once the reload under way brings it.</extracomment>
        <translation>记联系…</translation>
    </message>
    <message>
        <source>Record a call, WeChat chat or visit (Ctrl+L)</source>
        <translation>记下一次电话、微信或拜访（Ctrl+L）</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>记事…</translation>
    </message>
    <message>
        <source>Promise…</source>
        <translation>承诺…</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>分享…</translation>
    </message>
    <message>
        <source>Record a resource you recommended to them</source>
        <translation>记下给客户推荐的资源</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the brief as plain text</source>
        <translation>把联系前摘要复制为纯文本</translation>
    </message>
    <message>
        <source>Brief copied</source>
        <translation>摘要已复制</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Last contact: {when} · every {n} days</source>
        <translation>上次联系：{when} · 每{n}天</translation>
    </message>
    <message>
        <source>due for contact</source>
        <translation>该联系了</translation>
    </message>
    <message>
        <source>Running loans</source>
        <translation>在贷</translation>
    </message>
    <message>
        <source>No running loans.</source>
        <translation>没有在贷。</translation>
    </message>
    <message>
        <source>Needs record, {date}</source>
        <translation>需求记录（{date}）</translation>
    </message>
    <message>
        <source>Needs record</source>
        <translation>需求记录</translation>
    </message>
    <message>
        <source>No needs record yet.</source>
        <translation>还没有需求记录。</translation>
    </message>
    <message>
        <source>Mark asked…</source>
        <translation>已问过…</translation>
    </message>
    <message>
        <source>Ask about</source>
        <translation>要问的事</translation>
    </message>
    <message>
        <source>No open talking points.</source>
        <translation>没有待问的事。</translation>
    </message>
    <message>
        <source>About them</source>
        <translation>关于客户</translation>
    </message>
    <message>
        <source>Kept…</source>
        <translation>已兑现…</translation>
    </message>
    <message>
        <source>{n} days late</source>
        <translation>已逾期{n}天</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date}到期</translation>
    </message>
    <message>
        <source>Open promises</source>
        <translation>未兑现的承诺</translation>
    </message>
    <message>
        <source>No open promises.</source>
        <translation>没有未兑现的承诺。</translation>
    </message>
    <message>
        <source>Last contacts</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>No contacts logged yet.</source>
        <translation>还没有联系记录。</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>近期日子</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>No personal dates in the next 60 days.</source>
        <translation>未来60天没有要记住的日子。</translation>
    </message>
    <message>
        <source>Already shared</source>
        <translation>已分享</translation>
    </message>
</context>
<context>
    <name>CalculatorWindow</name>
    <message>
        <source>Loan calculator</source>
        <translation>贷款计算器</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>复制摘要</translation>
    </message>
    <message>
        <source>A plain-text summary to paste into WeChat</source>
        <translation>纯文字摘要，可直接粘贴到微信</translation>
    </message>
    <message>
        <source>Print / save as PDF…</source>
        <translation>打印 / 另存为 PDF…</translation>
    </message>
    <message>
        <source>The full schedule as a PDF to print or send</source>
        <translation>完整还款计划 PDF，可打印或发送</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>The inputs, totals and full schedule as a workbook</source>
        <translation>贷款条件、合计和完整还款计划导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>The annual rate (PBOC) is what the loan costs a year with the fee counted, as lenders must show it since 2021: the monthly internal rate of return × 12. Compare offers by it, not by the quoted rate or the 月息.</source>
        <translation>年化利率（央行口径）是计入手续费后贷款每年的实际成本，自 2021 年起贷款机构必须按此展示：按月内部收益率（IRR）× 12。比较不同产品请看这个利率，而不是报价利率或月息。</translation>
    </message>
    <message>
        <source>The calculator cannot work these figures out: the fee leaves the client almost nothing, or the rate is too small. Check them.</source>
        <translation>计算器无法算出这组数字：手续费扣除后客户几乎拿不到钱，或利率过小。请检查。</translation>
    </message>
    <message>
        <source>To see the figures, fix these:</source>
        <translation>请先修改以下内容再查看结果：</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>Type the amount to see the schedule.</source>
        <translation>请输入贷款金额以查看还款计划。</translation>
    </message>
    <message>
        <source>Type the rate to see the schedule.</source>
        <translation>请输入利率以查看还款计划。</translation>
    </message>
    <message>
        <source>Type the amount and the rate to see the schedule.</source>
        <translation>请输入贷款金额和利率以查看还款计划。</translation>
    </message>
    <message>
        <source>Copied: paste it into WeChat or a message.</source>
        <translation>已复制，可粘贴到微信或短信中。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved {name}. &lt;a href=&quot;{link}&quot;&gt;Open it&lt;/a&gt;</source>
        <translation>已保存 {name}。&lt;a href=&quot;{link}&quot;&gt;打开&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Save the schedule as PDF</source>
        <translation>将还款计划另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the schedule to Excel</source>
        <translation>将还款计划导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Record a post-loan check</source>
        <translation>记录贷后检查</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未核实</translation>
    </message>
    <message>
        <source>Yes, as agreed</source>
        <translation>是，按合同用途</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Photos, invoices, contracts seen …</source>
        <translation>照片、发票、看过的合同……</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Funds used as agreed</source>
        <translation>资金按合同用途使用</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>ClientAfterLoanTab</name>
    <message>
        <source>▲</source>
        <translation>▲</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Risk signals</source>
        <translation>风险信号</translation>
    </message>
    <message>
        <source>Add signal…</source>
        <translation>记录信号…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>Expires…</source>
        <translation>有效期…</translation>
    </message>
    <message>
        <source>Copy the “still missing” message</source>
        <translation>复制“缺件清单”消息</translation>
    </message>
    <message>
        <source>Sent: log it</source>
        <translation>已发送：记一笔</translation>
    </message>
    <message>
        <source>Due / done</source>
        <translation>到期 / 完成</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <source>Post-loan checks (贷后)</source>
        <translation>贷后检查</translation>
    </message>
    <message>
        <source>Record check…</source>
        <translation>记录检查…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>Their loans and signals</source>
        <translation>其贷款与风险信号</translation>
    </message>
    <message>
        <source>Related parties</source>
        <translation>关联人</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Turnover (流水)</source>
        <translation>经营流水</translation>
    </message>
    <message>
        <source>Add month…</source>
        <translation>录入月份…</translation>
    </message>
    <message>
        <source>{badge} {n} open risk signal(s)</source>
        <translation>{badge} {n} 个未关闭的风险信号</translation>
    </message>
    <message>
        <source>No loan application yet.</source>
        <translation>还没有贷款申请。</translation>
    </message>
    <message>
        <source>Loan {id} · {product}: {n} missing</source>
        <translation>贷款 {id} · {product}：缺 {n} 项</translation>
    </message>
    <message>
        <source>late since {date}</source>
        <translation>自 {date} 起逾期未做</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>funds as agreed</source>
        <translation>资金按合同用途使用</translation>
    </message>
    <message>
        <source>funds NOT as agreed</source>
        <translation>资金未按合同用途使用</translation>
    </message>
    <message>
        <source>Mutual guarantee (互保) with {name}</source>
        <translation>与{name}互保</translation>
    </message>
    <message>
        <source>{loans} running, {overdue} overdue, {signals} open signals</source>
        <translation>在贷 {loans} 笔，逾期 {overdue} 笔，风险信号 {signals} 个</translation>
    </message>
    <message>
        <source>{role} of</source>
        <translation>是其{role}</translation>
    </message>
    <message>
        <source> (not a client)</source>
        <translation>（非客户）</translation>
    </message>
    <message>
        <source>6-month average {amount}</source>
        <translation>近6个月均值 {amount}</translation>
    </message>
    <message>
        <source>volatility (CV) {cv:.2f}</source>
        <translation>波动（变异系数）{cv:.2f}</translation>
    </message>
    <message>
        <source>{month} down {pct:.0%}</source>
        <translation>{month} 下滑 {pct:.0%}</translation>
    </message>
    <message>
        <source>busy months: {months}</source>
        <translation>旺季月份：{months}</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Full name, e.g. 张伟</source>
        <translation>姓名全称，如 张伟</translation>
    </message>
    <message>
        <source>How you address them, e.g. 张总, 李姐</source>
        <translation>您对客户的称呼，如 张总、李姐</translation>
    </message>
    <message>
        <source>Default for the status</source>
        <translation>按客户状态默认</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>13812345678, 010-12345678 (separate with commas)</source>
        <translation>13812345678, 010-12345678（多个号码用逗号分隔）</translation>
    </message>
    <message>
        <source>18-character resident ID number</source>
        <translation>18 位居民身份证号</translation>
    </message>
    <message>
        <source>Use birthday and gender from the ID number</source>
        <translation>使用身份证号中的生日和性别</translation>
    </message>
    <message>
        <source>18-character unified social credit code</source>
        <translation>18 位统一社会信用代码</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. 老客户, 经营贷</source>
        <translation>用逗号分隔，如 老客户, 经营贷</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Address as</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>经营名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Keep in touch every</source>
        <translation>联系周期</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Came through</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>(and {n} more)</source>
        <translation>（另有 {n} 处）</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>放弃已填写的内容？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>{reason}

Your input is still in the form.</source>
        <translation>{reason}

您填写的内容仍保留在表单中。</translation>
    </message>
</context>
<context>
    <name>ClientLoansTab</name>
    <message>
        <source>New loan…</source>
        <translation>新增贷款…</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Renew (续贷)…</source>
        <translation>续贷…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <source>Show this loan&apos;s repayment schedule</source>
        <translation>查看这笔贷款的还款计划</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No loans yet. “New loan…” records one.</source>
        <translation>还没有贷款。点“新增贷款…”录入一笔。</translation>
    </message>
    <message>
        <source>Record a need…</source>
        <translation>记录需求…</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
</context>
<context>
    <name>ClientPane</name>
    <message>
        <source>Show numbers</source>
        <extracomment>the id of the client now drawn (None: nothing), after each read of the book the client selected; what is drawn follows once its read is back (:attr:`shown_id`)</extracomment>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>Show the full phone and ID numbers of this client</source>
        <translation>显示该客户完整的电话和身份证号</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>经营</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>No festival greetings</source>
        <translation>不发节日祝福</translation>
    </message>
    <message>
        <source>Leave this client out of festival greetings (birthdays still remind)</source>
        <translation>节日祝福不含此客户（生日照常提醒）</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Select a client to see their details.</source>
        <translation>选择一位客户查看详情。</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Added {created}, updated {updated}</source>
        <translation>{created} 建档，{updated} 更新</translation>
    </message>
    <message>
        <source>Lunar {date}</source>
        <translation>农历{date}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>{n} 天后</translation>
    </message>
    <message>
        <source>next {date} ({when})</source>
        <translation>下次 {date}（{when}）</translation>
    </message>
    <message>
        <source>age {n}</source>
        <translation>{n} 岁</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Lunar {date}</source>
        <extracomment>Optional columns, hidden until shown from the header&apos;s menu. The SQL sort key behind each sortable column (crm.services.client_query.SORT_SQL); the loan columns are computed per page and cannot order 100,000 ids, so they are not sortable. the page&apos;s loan summaries, by client (absent: no running loan); None: not read yet</extracomment>
        <translation>农历{date}</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>a loan column is on screen: pages read their loan summaries too today&apos;s date, for &quot;N days ago&quot; (the page hands in its clock); None shows the date</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>经营</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>贷款余额</translation>
    </message>
    <message>
        <source>Next repayment</source>
        <translation>下次还款</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n}天前</translation>
    </message>
    <message>
        <source>Running loans: {n}</source>
        <translation>在贷：{n}笔</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n}笔逾期</translation>
    </message>
</context>
<context>
    <name>Clients</name>
    <message>
        <source>No client is named {name}.</source>
        <extracomment>progress(done, total) after each chunk written asked between chunks; True rolls the whole batch back (:class:`SaveCancelled`) Clients written between two progress reports / cancel checks. The columns a save writes: :func:`column_values` and the two stamps.</extracomment>
        <translation>没有名为 {name} 的客户。</translation>
    </message>
    <message>
        <source>{n} clients are named {name}; use the id instead: {ids}.</source>
        <translation>有 {n} 位客户名为 {name}，请改用编号：{ids}。</translation>
    </message>
    <message>
        <source>There is no client with id {id}.</source>
        <extracomment>Personal notes (not talking points) the brief lists, newest first. How far ahead personal dates (dated notes, the birthday) are listed. What the officer knows of them beyond talking points (&quot;不喜欢早上打电话&quot;), newest first.</extracomment>
        <translation>没有编号为 {id} 的客户。</translation>
    </message>
</context>
<context>
    <name>ClientsBehindDialog</name>
    <message>
        <source>Clients: %1</source>
        <translation>客户：%1 位</translation>
    </message>
</context>
<context>
    <name>ClientsBehindModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Restore {names}</source>
        <translation>恢复 {names}</translation>
    </message>
    <message>
        <source>Archive {names}</source>
        <translation>归档 {names}</translation>
    </message>
    <message>
        <source>Search name, pinyin (zhangsan), initials (zs), phone digits, shop, tag</source>
        <extracomment>the id of the client now shown in the pane (None: nothing selected)</extracomment>
        <translation>搜索姓名、拼音（zhangsan）、首字母（zs）、电话号码、店名、标签</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Show archived clients, to restore them</source>
        <translation>显示已归档的客户，以便恢复</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Restored {n} client(s): {names}</source>
        <translation>已恢复 {n} 位客户：{names}</translation>
    </message>
    <message>
        <source>Archived {n} client(s): {names}</source>
        <translation>已归档 {n} 位客户：{names}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation>共 {n} 位客户</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Self-review PDF…</source>
        <translation>述职报告 PDF…</translation>
    </message>
    <message>
        <source>My numbers</source>
        <translation>我的业绩</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1: twelve months</source>
        <translation>%1：近十二个月</translation>
    </message>
    <message>
        <source>Save the self-review</source>
        <translation>保存述职报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the self-review…</source>
        <translation>正在生成述职报告…</translation>
    </message>
    <message>
        <source>Wrote %1 and %2</source>
        <translation>已生成 %1 和 %2</translation>
    </message>
    <message>
        <source>Could not write the self-review: %1</source>
        <translation>无法生成述职报告：%1</translation>
    </message>
</context>
<context>
    <name>DueChecksModel</name>
    <message>
        <source>Client</source>
        <extracomment>Rows shown per group; the officer works from the top, and 100,000 rows help nobody.</extracomment>
        <translation>客户</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>要问的事</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <source>Due for contact</source>
        <translation>该联系了</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记联系…</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Contacted before ({n})</source>
        <translation>联系过的（{n}）</translation>
    </message>
    <message>
        <source>Never contacted ({n})</source>
        <translation>从未联系（{n}）</translation>
    </message>
    <message>
        <source>Post-loan checks ({n})</source>
        <translation>贷后检查（{n}）</translation>
    </message>
    <message>
        <source>{n} in this group; the first {shown} are listed.</source>
        <translation>这一组共 {n} 位，列出前 {shown} 位。</translation>
    </message>
    <message>
        <source>The most overdue first.</source>
        <translation>逾期最久的排在最前。</translation>
    </message>
    <message>
        <source>Borrowers and applicants first, then the most overdue for their cadence.</source>
        <translation>贷款客户和申请中的客户在前，其余按超出联系周期的程度排序。</translation>
    </message>
    <message>
        <source>{n} clients are due; the {shown} most overdue are listed.</source>
        <translation type="vanished">共{n}位客户该联系了，下面列出超期最久的{shown}位。</translation>
    </message>
    <message>
        <source>{n} clients are due.</source>
        <translation>{n}位客户该联系了。</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <source>No client matches.
Clear the search box or the filters to see everyone.</source>
        <translation>没有符合条件的客户。
清空搜索框或筛选条件即可看到全部客户。</translation>
    </message>
    <message>
        <source>No clients yet.
Add one with New client (Ctrl+N), or bring a spreadsheet in with File → Import clients…</source>
        <translation>还没有客户。
点“新建客户”（Ctrl+N）添加，或用“文件 → 导入客户…”导入表格。</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Person</source>
        <extracomment>A referral partner: someone who brings clients but does not borrow (an estate agent, an accountant, a market association head). Same book, same search as clients.</extracomment>
        <translation>个人</translation>
    </message>
    <message>
        <source>Sole proprietor</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Referral partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Applying</source>
        <translation>申请中</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>贷款客户</translation>
    </message>
    <message>
        <source>Former borrower</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <extracomment>How a chain reads, nearest first: &quot;王姐 ← 李总 ← 陈会长&quot; (王姐 was brought by 李总 ...). Referred: by the client in ``referred_by_id``, or by someone not in the book.</extracomment>
        <translation>自然到访</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>生意</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>爱好</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Branch meeting</source>
        <translation>网点面谈</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记事</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <source>Promise made</source>
        <translation>做出承诺</translation>
    </message>
    <message>
        <source>Promise kept</source>
        <translation>兑现承诺</translation>
    </message>
    <message>
        <source>Resource shared</source>
        <translation>分享资源</translation>
    </message>
    <message>
        <source>Equal instalments</source>
        <translation>等额本息</translation>
    </message>
    <message>
        <source>Equal principal</source>
        <translation>等额本金</translation>
    </message>
    <message>
        <source>Interest first, principal last</source>
        <translation>先息后本</translation>
    </message>
    <message>
        <source>Principal and interest at maturity</source>
        <translation>到期一次还本付息</translation>
    </message>
    <message>
        <source>Flat (interest on the original amount)</source>
        <translation>等本等息</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV for Excel and Calc (.csv)</source>
        <translation>适用于 Excel 和 Calc 的 CSV (.csv)</translation>
    </message>
    <message>
        <source>Export clients</source>
        <extracomment>The file name&apos;s ending of each format.</extracomment>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>The current list, with its search and filters ({n} clients)</source>
        <translation>当前列表（含搜索和筛选条件，共 {n} 位客户）</translation>
    </message>
    <message>
        <source>The selected clients ({n})</source>
        <translation>选中的客户（{n} 位）</translation>
    </message>
    <message>
        <source>UTF-8 (opens cleanly in Excel)</source>
        <translation>UTF-8（Excel 直接打开不乱码）</translation>
    </message>
    <message>
        <source>GB18030 (older software)</source>
        <translation>GB18030（旧版软件）</translation>
    </message>
    <message>
        <source>Their loans, on a second sheet (Excel only)</source>
        <translation>客户的贷款（另起一张工作表，仅限 Excel）</translation>
    </message>
    <message>
        <source>Product, amount, rate, term, method, status, disbursement, maturity, balance and next repayment of each loan of the exported clients.</source>
        <translation>导出客户每笔贷款的产品、金额、利率、期限、还款方式、状态、放款日期、到期日、剩余本金和下次还款。</translation>
    </message>
    <message>
        <source>Full phone and ID numbers (unmasked)</source>
        <translation>导出完整的电话和身份证号（不打码）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>CSV encoding:</source>
        <translation>CSV 编码：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Which clients:</source>
        <translation>导出哪些客户：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>A vCard is for your phone&apos;s contacts: its phone numbers are in full (it holds no ID numbers). Untick the box to mask them.</source>
        <translation>vCard 用于手机通讯录：其中的电话号码是完整的（不含身份证号）。取消勾选即可隐藏部分号码。</translation>
    </message>
    <message>
        <source>Phone and ID numbers are masked (138****5678) unless you ask for them in full.</source>
        <translation>除非选择导出完整号码，电话和身份证号都会打码（如 138****5678）。</translation>
    </message>
    <message>
        <source>Export full numbers?</source>
        <translation>导出完整号码？</translation>
    </message>
    <message>
        <source>The file will hold full ID numbers and phone numbers. Anyone who gets the file can read them. Export them in full?</source>
        <translation>文件中将包含完整的身份证号和电话号码，拿到文件的人都能看到。确定导出完整号码吗？</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported {n} clients to {file}.</source>
        <translation>已导出 {n} 位客户到 {file}。</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>Festival</name>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Laba Festival</source>
        <translation>腊八</translation>
    </message>
    <message>
        <source>Chinese New Year&apos;s Eve</source>
        <translation>除夕</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵</translation>
    </message>
    <message>
        <source>Qingming Festival</source>
        <translation>清明</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午</translation>
    </message>
    <message>
        <source>Qixi Festival</source>
        <translation>七夕</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆</translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation>重阳</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <source>Discard changes?</source>
        <extracomment>:meth:`check` can judge the form without the book: after a refusal, reasons follow what is typed. Without it they stay until the next Save.</extracomment>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>Close this form and lose what you typed?</source>
        <translation>关闭此表单，放弃已填写的内容？</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>Clients…</source>
        <translation>客户…</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>days on average; loans: %1</source>
        <translation>平均天数；贷款 %1 笔</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
</context>
<context>
    <name>GreetingDialog</name>
    <message>
        <source>Greeting: {what}</source>
        <extracomment>The picker row to select when the list next arrives (after a greeting is sent).</extracomment>
        <translation>写祝福：{what}</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>亲切</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>简短</translation>
    </message>
    <message>
        <source>No festival greetings for this client</source>
        <translation>不给该客户发节日祝福</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>语气</translation>
    </message>
    <message>
        <source>Personal touch</source>
        <translation>个人细节</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Log this greeting as a WeChat contact and mark the reminder done</source>
        <translation>把这条祝福记为一次微信联系，并将提醒标为已完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Whom to greet</source>
        <translation>发给谁</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>No personal touch</source>
        <translation>不加个人细节</translation>
    </message>
    <message>
        <source>Copied. Paste it into WeChat or a text message.</source>
        <translation>已复制，可粘贴到微信或短信。</translation>
    </message>
    <message>
        <source>Logged as sent to {name}.</source>
        <translation>已记录发给{name}。</translation>
    </message>
</context>
<context>
    <name>GreetingTemplatesPage</name>
    <message>
        <source>Greetings</source>
        <extracomment>The book&apos;s templates are in.</extracomment>
        <translation>祝福语</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Something from my notes</source>
        <translation>记事回访</translation>
    </message>
    <message>
        <source>Keeping in touch</source>
        <translation>日常联系</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>亲切</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>简短</translation>
    </message>
    <message>
        <source>Reset to Prism&apos;s text</source>
        <translation>恢复默认文字</translation>
    </message>
    <message>
        <source>Placeholders: {address} how you address them (张总), {name} full name, {occasion} the occasion, {touch} one sentence from their notes.</source>
        <translation>占位符：{称呼}（如张总）、{姓名}、{节日}（节日或场合）、{关怀}（从记事中取的一句个人细节）。英文写法 {address}、{name}、{occasion}、{touch} 同样可用。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>--mapping {part}: use COLUMN=FIELD with a column of the file and one of {fields} (or - to ignore the column).</source>
        <translation>--mapping {part}：请写成 列名=字段，列名取自文件，字段为 {fields} 之一（写 - 表示忽略该列）。</translation>
    </message>
    <message>
        <source>row {row}, {column}: {reason}</source>
        <translation>第 {row} 行，{column}：{reason}</translation>
    </message>
    <message>
        <source>Not imported: columns {columns}; sheets {sheets}.</source>
        <translation>未导入：列 {columns}；工作表 {sheets}。</translation>
    </message>
    <message>
        <source>Dry run: {rows} rows, {bad} with problems, {dups} duplicates. Nothing was imported.</source>
        <translation>试运行：共 {rows} 行，{bad} 行有问题，{dups} 行重复。未导入任何内容。</translation>
    </message>
    <message>
        <source>{bad} of {rows} rows have problems, so nothing was imported. Fix them, or add --skip-bad to import the good rows.</source>
        <translation>{rows} 行中有 {bad} 行有问题，因此未导入任何内容。请改正后再导入，或加 --skip-bad 只导入没问题的行。</translation>
    </message>
    <message>
        <source>Added {added}, updated {updated}, skipped {skipped} ({bad} with problems, {dups} duplicates).</source>
        <translation>新增 {added} 位，更新 {updated} 位，跳过 {skipped} 行（{bad} 行有问题，{dups} 行重复）。</translation>
    </message>
    <message>
        <source>This column is not imported.</source>
        <extracomment>progress(done, total); raising from it rolls the whole import back The row as read; let go (None) once the row is clean and adds a client, to keep 100,000 rows in bounds: ``name`` and ``phones`` tell the row either way.</extracomment>
        <translation>此列未导入。</translation>
    </message>
    <message>
        <source>This sheet is not imported (choose it with --sheet, or in the dialog).</source>
        <translation>此工作表未导入（用 --sheet 或在对话框中选择它）。</translation>
    </message>
    <message>
        <source>No column is mapped to the name; choose which one it is.</source>
        <translation>没有哪一列对应“姓名”，请指定。</translation>
    </message>
    <message>
        <source>{n} row(s) have problems, so nothing was imported. Fix them, or import only the good rows.</source>
        <translation>有 {n} 行有问题，因此未导入任何内容。请改正，或只导入没问题的行。</translation>
    </message>
    <message>
        <source>{value} is masked: this file is a masked export. Export it again with full numbers (--unmasked, or tick &quot;unmasked&quot; in the export dialog) and import that file.</source>
        <extracomment>Google Contacts puts several values in one cell as &quot;a ::: b&quot;. Google&apos;s label every contact has; it says nothing about the client.</extracomment>
        <translation>{value} 已被隐藏部分号码：这是一个脱敏导出的文件。请重新导出完整号码（--unmasked，或在导出对话框中勾选“完整号码”），再导入那个文件。</translation>
    </message>
    <message>
        <source>{value} is not a known value here.</source>
        <extracomment>Outlook&apos;s month/day/year (&quot;3/8/1985&quot;); &quot;0/0/00&quot; is its empty birthday. Columns that are not fields of the client form: they are settled when the row is imported.</extracomment>
        <translation>无法识别“{value}”。</translation>
    </message>
    <message>
        <source>{value} is not a whole number of days.</source>
        <translation>“{value}”不是整数天数。</translation>
    </message>
    <message>
        <source>{value} is not a date (write 1985-03-08, 03-08 or 农历 1985-03-08).</source>
        <translation>“{value}”不是日期（请写成 1985-03-08、03-08 或 农历 1985-03-08）。</translation>
    </message>
    <message>
        <source>{value} is not a date (write 2026-11-29, or 2026-11-29 14:30).</source>
        <translation>{value} 不是日期（请写成 2026-11-29 或 2026-11-29 14:30）。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe, a device or a folder).</source>
        <extracomment>csv only: a leading apostrophe before = + - @ is Prism&apos;s protection, to be removed. False when some cell starts with one of those bare: the file was saved by a program (a spreadsheet) that writes text as it is, so an apostrophe there is the client&apos;s own. The sheet&apos;s row number (1-based) of the first row below the header. xlsx: the sheet read, and every other sheet of the workbook (not imported).</extracomment>
        <translation>{path} 不是普通文件（而是管道、设备或文件夹）。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>The file is {size} MB; files over {max} MB are not imported.</source>
        <translation>文件有 {size} MB，超过 {max} MB 的文件不予导入。</translation>
    </message>
    <message>
        <source>This is an old Excel (.xls) file. Save it as .xlsx in Excel first.</source>
        <translation>这是旧版 Excel（.xls）文件，请先在 Excel 中另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The file has more than {max} rows; split it into smaller files.</source>
        <translation>文件超过 {max} 行，请拆成几个小文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file has no row {n}.</source>
        <translation>文件没有第 {n} 行。</translation>
    </message>
    <message>
        <source>The file has {n} columns; at most {max} are read.</source>
        <translation>文件有 {n} 列，最多只读取 {max} 列。</translation>
    </message>
    <message>
        <source>The file contains NUL characters, so it is not a spreadsheet&apos;s text; it was not read. Save it again as CSV UTF-8 or .xlsx.</source>
        <translation>文件含有 NUL 字符，不是表格的文本，未读取。请重新另存为 CSV UTF-8 或 .xlsx。</translation>
    </message>
    <message>
        <source>The file unpacks to far more than it holds (a zip bomb?); it was not read.</source>
        <translation>文件解压后的大小远超正常（疑似压缩炸弹），未读取。</translation>
    </message>
    <message>
        <source>This is not a valid .xlsx file (the zip is damaged).</source>
        <translation>这不是有效的 .xlsx 文件（压缩包已损坏）。</translation>
    </message>
    <message>
        <source>The file contains XML entity declarations (an attack on XML readers); it was not read.</source>
        <translation>文件含有 XML 实体声明（针对 XML 解析的攻击手法），未读取。</translation>
    </message>
    <message>
        <source>This .xlsx file cannot be read: {reason}</source>
        <translation>无法读取这个 .xlsx 文件：{reason}</translation>
    </message>
    <message>
        <source>The workbook has no sheet {sheet}; its sheets: {names}.</source>
        <translation>工作簿中没有工作表 {sheet}；现有工作表：{names}。</translation>
    </message>
    <message>
        <source>The file&apos;s text encoding is not UTF-8, UTF-16 or GB18030 (GBK). Save it as &quot;CSV UTF-8&quot; in Excel and try again.</source>
        <translation>文件的文字编码不是 UTF-8、UTF-16 或 GB18030（GBK）。请在 Excel 中另存为“CSV UTF-8”后再试。</translation>
    </message>
    <message>
        <source>The file has more than {max} columns; at most {max} are read. Keep only the columns to import.</source>
        <translation>文件超过 {max} 列；最多读取 {max} 列。请只保留要导入的列。</translation>
    </message>
    <message>
        <source>A cell of the file is longer than {max} characters; it was not read.</source>
        <translation>文件中有单元格超过 {max} 个字符，未读取。</translation>
    </message>
    <message>
        <source>Line {line} of the file cannot be read: {reason}</source>
        <translation>文件第 {line} 行无法读取：{reason}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>A client cannot refer themselves.</source>
        <translation>客户不能介绍自己。</translation>
    </message>
    <message>
        <source>Several clients are named {name}: set this referrer in Prism after the import, or clear the cell.</source>
        <translation>有多位客户名叫 {name}：请在导入后于 Prism 中设置介绍人，或清空此单元格。</translation>
    </message>
    <message>
        <source>The referrer {name} is neither in the book nor in the file: import them first, or clear the cell.</source>
        <translation>介绍人 {name} 既不在客户簿中，也不在此文件中：请先导入此人，或清空此单元格。</translation>
    </message>
    <message>
        <source>The referrer {name} (row {row}) has problems of its own.</source>
        <translation>介绍人 {name}（第 {row} 行）本身有问题。</translation>
    </message>
    <message>
        <source>These rows refer each other in a circle; clear one referrer.</source>
        <translation>这些行的介绍关系形成了循环；请清空其中一个介绍人。</translation>
    </message>
    <message>
        <source>The vCard file&apos;s text cannot be read.</source>
        <translation>无法读取此 vCard 文件的文本。</translation>
    </message>
    <message>
        <source>This vCard file cannot be read: {reason}</source>
        <translation>无法读取此 vCard 文件：{reason}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>检查每一行</translation>
    </message>
    <message>
        <source>Choose where each column goes; columns set to (ignore) are skipped.</source>
        <translation>请为每一列选择导入到哪个字段；设为“（忽略）”的列不导入。</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update the existing client</source>
        <translation>更新已有客户</translation>
    </message>
    <message>
        <source>Add them anyway</source>
        <translation>仍然新增</translation>
    </message>
    <message>
        <source>Import the good rows, skip the ones with problems</source>
        <translation>导入没问题的行，跳过有问题的行</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>保存问题清单…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Clients already in the book (same phone or ID number):</source>
        <translation>客户簿中已有的客户（电话或身份证号相同）：</translation>
    </message>
    <message>
        <source>Reading {file}… {n} rows so far</source>
        <translation>正在读取 {file}…已读 {n} 行</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>{file}: {n} rows</source>
        <translation>{file}：共 {n} 行</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Checking the rows… {done} of {total}</source>
        <translation>正在检查各行…{done} / {total}</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <source>Check the columns</source>
        <translation>请检查列的对应</translation>
    </message>
    <message>
        <source>{rows} rows: {ok} ready, {bad} with problems, {dups} already in the book or repeated in the file.</source>
        <translation>共 {rows} 行：{ok} 行可导入，{bad} 行有问题，{dups} 行已在客户簿中或在文件中重复。</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing… {done} of {total} clients</source>
        <translation>正在导入…{done} / {total} 位客户</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns not imported: {columns}.</source>
        <translation>未导入的列：{columns}。</translation>
    </message>
    <message>
        <source>Sheets not imported: {sheets} (only the first sheet is read).</source>
        <translation>未导入的工作表：{sheets}（只读取第一个工作表）。</translation>
    </message>
    <message>
        <source>Added {added}, updated {updated}, skipped {skipped}.</source>
        <translation>新增 {added} 位，更新 {updated} 位，跳过 {skipped} 行。</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Log contact</source>
        <translation>记联系</translation>
    </message>
    <message>
        <source>What you talked about</source>
        <translation>聊了什么</translation>
    </message>
    <message>
        <source>Optional: what to do next</source>
        <translation>可选：下一步做什么</translation>
    </message>
    <message>
        <source>By</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>Interactions</name>
    <message>
        <source>There is no contact record with id {id}.</source>
        <translation>没有编号为{id}的联系记录。</translation>
    </message>
    <message>
        <source>Say what the next step is, or leave out its date.</source>
        <translation>请写明下一步做什么，或去掉它的日期。</translation>
    </message>
    <message>
        <source>A contact cannot be in the future; it is {today} today.</source>
        <translation>联系时间不能晚于今天（今天是{today}）。</translation>
    </message>
</context>
<context>
    <name>KeepInTouchPage</name>
    <message>
        <source>Keep in touch</source>
        <translation>联系周期</translation>
    </message>
    <message>
        <source>A client is due for contact when this many days have passed since you last talked. A client&apos;s own setting (in their form) wins over these.</source>
        <extracomment>The book&apos;s defaults once read (None until then: Save leaves them alone).</extracomment>
        <translation>距上次联系超过这么多天，客户就会出现在“该联系了”里。客户资料里单独设置的周期优先。</translation>
    </message>
    <message>
        <source> days</source>
        <translation>天</translation>
    </message>
</context>
<context>
    <name>LoanActions</name>
    <message>
        <source>{client}: renews {loan}, maturity {maturity}</source>
        <extracomment>The product list as last read by a view (the forms offer it); the defaults before.</extracomment>
        <translation>{client}：续贷 {loan}，到期日 {maturity}</translation>
    </message>
    <message>
        <source>Delete this loan of {client}?

{loan}, {status}</source>
        <translation>删除 {client} 的这笔贷款？

{loan}，{status}</translation>
    </message>
    <message>
        <source>Deleted loan: {loan}</source>
        <translation>已删除贷款：{loan}</translation>
    </message>
    <message>
        <source>Delete this needs record?

{date}: {purpose}</source>
        <translation>删除这条需求记录？

{date}：{purpose}</translation>
    </message>
    <message>
        <source>Deleted need: {purpose}</source>
        <translation>已删除需求：{purpose}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>LoanCalculator</name>
    <message>
        <source>Period</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>还款额</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>First payment</source>
        <translation>首期还款</translation>
    </message>
    <message>
        <source>Last payment</source>
        <translation>末期还款</translation>
    </message>
    <message>
        <source>Monthly payment</source>
        <translation>月供</translation>
    </message>
    <message>
        <source>Paid at maturity</source>
        <translation>到期一次还款</translation>
    </message>
    <message>
        <source>Loan amount</source>
        <translation>贷款金额</translation>
    </message>
    <message>
        <source>Nominal annual rate</source>
        <translation>名义年利率</translation>
    </message>
    <message>
        <source>Monthly rate (月息)</source>
        <translation>月利率（月息）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Upfront fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Total interest</source>
        <translation>利息合计</translation>
    </message>
    <message>
        <source>Total repayment</source>
        <translation>还款总额</translation>
    </message>
    <message>
        <source>Total cost (interest + fee)</source>
        <translation>总成本（利息 + 手续费）</translation>
    </message>
    <message>
        <source>Annual rate, PBOC (monthly IRR × 12)</source>
        <translation>年化利率（央行口径：月 IRR × 12）</translation>
    </message>
    <message>
        <source>Annual rate, compounded ((1 + IRR)¹² − 1)</source>
        <translation>复利年化利率（(1 + IRR)¹² − 1）</translation>
    </message>
    <message>
        <source>APR (IRR × 12)</source>
        <translation>年化利率</translation>
    </message>
    <message>
        <source>Compounded</source>
        <translation>复利年化</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <source>Loan repayment schedule (estimate)</source>
        <translation>贷款还款计划（测算）</translation>
    </message>
    <message>
        <source>Repayment schedule</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <source>Prepared on {date}</source>
        <translation>测算日期：{date}</translation>
    </message>
    <message>
        <source>These figures are estimates for reference only. The bank&apos;s loan contract governs the actual amounts, dates and rates.</source>
        <translation>以上数字为测算结果，仅供参考；实际金额、还款日期和利率以银行借款合同为准。</translation>
    </message>
    <message>
        <source>{annual} a year (月息 {monthly})</source>
        <translation>年利率 {annual}（月息 {monthly}）</translation>
    </message>
    <message>
        <source>month {month}: {amount}</source>
        <translation>第 {month} 期：{amount}</translation>
    </message>
    <message>
        <source>{amount}; month {month}: {last}</source>
        <translation>{amount}；第 {month} 期：{last}</translation>
    </message>
    <message>
        <source>{amount} × {count}</source>
        <translation>{amount} × {count} 期</translation>
    </message>
    <message>
        <source>{first} at first, {last} in month {month}</source>
        <translation>首期 {first}，第 {month} 期 {last}</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>每期还款</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
</context>
<context>
    <name>LoanDetail</name>
    <message>
        <source>{rate} · {months} · {method}</source>
        <translation>{rate} · {months} · {method}</translation>
    </message>
    <message>
        <source>fee {fee}</source>
        <translation>手续费 {fee}</translation>
    </message>
    <message>
        <source>repays on day {day}</source>
        <translation>每月 {day} 日还款</translation>
    </message>
    <message>
        <source>auto-debit</source>
        <translation>自动扣款</translation>
    </message>
    <message>
        <source>{rate} a year</source>
        <translation>年利率 {rate}</translation>
    </message>
    <message>
        <source>Next repayment {date}: {amount}</source>
        <translation>下次还款 {date}：{amount}</translation>
    </message>
    <message>
        <source>Balance {amount}</source>
        <translation>剩余本金 {amount}</translation>
    </message>
    <message>
        <source>Matures {date} (in {days} days)</source>
        <translation>{date} 到期（还有 {days} 天）</translation>
    </message>
    <message>
        <source>Matured {date} ({days} days ago)</source>
        <translation>{date} 已到期（{days} 天前）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>状态历史</translation>
    </message>
    <message>
        <source>maturity {date}</source>
        <translation>到期日 {date}</translation>
    </message>
    <message>
        <source>Renews {loan}</source>
        <translation>续贷自 {loan}</translation>
    </message>
    <message>
        <source>Renewed by {loan}</source>
        <translation>已续贷为 {loan}</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>担保人</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>抵押物</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>annual rate (PBOC) {apr}</source>
        <translation>年化利率（央行口径）{apr}</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>New loan</source>
        <translation>新增贷款</translation>
    </message>
    <message>
        <source>Edit loan</source>
        <translation>修改贷款</translation>
    </message>
    <message>
        <source>Renew loan (续贷)</source>
        <translation>续贷</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Disbursed on</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Left unticked: the disbursement date + the term</source>
        <translation>不勾选：放款日期 + 期限</translation>
    </message>
    <message>
        <source>Repayment day</source>
        <translation>每月还款日</translation>
    </message>
    <message>
        <source>Left unticked: the day of the month of the disbursement</source>
        <translation>不勾选：与放款日同一天</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Repaid by auto-debit</source>
        <translation>自动扣款还款</translation>
    </message>
    <message>
        <source>Change it with “Change status…”, so it is dated.</source>
        <translation>请用“变更状态…”修改，以便记下日期。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Overdue amount</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>Status and dates</source>
        <translation>状态与日期</translation>
    </message>
    <message>
        <source>e.g. 进货周转, 门店装修</source>
        <translation>例如 进货周转、门店装修</translation>
    </message>
    <message>
        <source>Who guarantees it, if anyone</source>
        <translation>担保人（如有）</translation>
    </message>
    <message>
        <source>e.g. 房产证 沪(2021)…</source>
        <translation>例如 房产证 沪(2021)…</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>担保人</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>抵押物</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>其他信息</translation>
    </message>
    <message>
        <source>Type the amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>Type the rate.</source>
        <translation>请输入利率。</translation>
    </message>
    <message>
        <source>Type the amount and the rate to see the instalment.</source>
        <translation>输入金额和利率即可看到每期还款额。</translation>
    </message>
    <message>
        <source>Fix the figures above to see the instalment.</source>
        <translation>请先修改上面的数字，再查看每期还款额。</translation>
    </message>
    <message>
        <source>These figures cannot be worked out; check the fee.</source>
        <translation>这组数字无法计算，请检查手续费。</translation>
    </message>
    <message>
        <source>{what}: {payments}  ·  {apr_label}: {apr}</source>
        <translation>{what}：{payments}  ·  {apr_label}：{apr}</translation>
    </message>
</context>
<context>
    <name>LoanForm</name>
    <message>
        <source>The loan</source>
        <extracomment>Any input changed: the window recalculates.</extracomment>
        <translation>贷款条件</translation>
    </message>
    <message>
        <source>e.g. 300,000 or 30万</source>
        <translation>例如 300,000 或 30万</translation>
    </message>
    <message>
        <source>e.g. 4.35</source>
        <translation>例如 4.35</translation>
    </message>
    <message>
        <source>% a year</source>
        <translation>年利率 %</translation>
    </message>
    <message>
        <source>The nominal annual rate, as a bank quotes it</source>
        <translation>名义年利率，即银行报价的利率</translation>
    </message>
    <message>
        <source>月息 % a month</source>
        <translation>月息 %</translation>
    </message>
    <message>
        <source>月息: the rate a month, as consumer products quote it (0.5 = 6% a year)</source>
        <translation>月息：按月计的利率，消费类产品常这样报价（月息 0.5 = 年利率 6%）</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2年</translation>
    </message>
    <message>
        <source>3 years</source>
        <translation>3年</translation>
    </message>
    <message>
        <source>5 years</source>
        <translation>5年</translation>
    </message>
    <message>
        <source>Taken at disbursement: the client receives the amount less the fee.</source>
        <translation>放款时扣除：客户实际到手金额为贷款金额减去手续费。</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>贷款金额（元）</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Upfront fee (yuan)</source>
        <translation>手续费（元）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>贷款金额</translation>
    </message>
    <message>
        <source>Upfront fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>= {rate} a year</source>
        <translation>= 年利率 {rate}</translation>
    </message>
    <message>
        <source>= 月息 {rate} a month</source>
        <translation>= 月息 {rate}</translation>
    </message>
</context>
<context>
    <name>LoanLook</name>
    <message>
        <source>月息 {rate}</source>
        <extracomment>(background, text) of each status&apos;s badge. The life order, for lists and sorting (the enum&apos;s order is the same, said here on purpose).</extracomment>
        <translation>月息 {rate}</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
</context>
<context>
    <name>LoanStatus</name>
    <message>
        <source>Applied</source>
        <extracomment>Which status may follow which. Overdue is cleared by going back to disbursed (or extended, when the bank agrees an extension); an extension may be extended again. The products the loan form offers until the officer edits the list (stored in the book).</extracomment>
        <translation>申请中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>展期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Repaid</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>LoanStatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>{product} {amount}: now {status}</source>
        <translation>{product} {amount}：当前状态为“{status}”</translation>
    </message>
    <message>
        <source>New maturity</source>
        <translation>新到期日</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Amount overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>e.g. 客户资金周转困难, 已约下周面谈</source>
        <translation>例如 客户资金周转困难，已约下周面谈</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A loan that is {status} has no further step.</source>
        <translation>状态为“{status}”的贷款没有下一步。</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>The bank approved the application.</source>
        <translation>银行已审批通过该申请。</translation>
    </message>
    <message>
        <source>Paid out on this date. Unless you tick a maturity, it is this date + the term.</source>
        <translation>于此日期放款。不勾选到期日时，到期日为此日期 + 期限。</translation>
    </message>
    <message>
        <source>The client caught up: the overdue is cleared.</source>
        <translation>客户已补上还款，逾期解除。</translation>
    </message>
    <message>
        <source>Tick the new maturity date the bank agreed.</source>
        <translation>请勾选并填写银行同意的新到期日。</translation>
    </message>
    <message>
        <source>A repayment was missed: overdue since this date.</source>
        <translation>有一期未按时还款：自此日期起逾期。</translation>
    </message>
    <message>
        <source>Paid back in full: the loan is closed.</source>
        <translation>已全部还清，贷款结清。</translation>
    </message>
    <message>
        <source>The application was declined: it is closed.</source>
        <translation>申请未获批准，已关闭。</translation>
    </message>
</context>
<context>
    <name>Loans</name>
    <message>
        <source>The amount must be a number.</source>
        <translation>金额必须是数字。</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>金额必须大于 0。</translation>
    </message>
    <message>
        <source>The amount must be at most 100,000,000.</source>
        <translation>金额不能超过 100,000,000。</translation>
    </message>
    <message>
        <source>The amount is in yuan and fen: at most two decimals.</source>
        <translation>金额以元为单位，精确到分：最多两位小数。</translation>
    </message>
    <message>
        <source>The rate must be a number.</source>
        <translation>利率必须是数字。</translation>
    </message>
    <message>
        <source>The rate must be more than 0.</source>
        <translation>利率必须大于 0。</translation>
    </message>
    <message>
        <source>The rate must be at most 1000% a year.</source>
        <translation>年利率不能超过 1000%。</translation>
    </message>
    <message>
        <source>Give the rate with at most 6 decimals (for example 4.35).</source>
        <extracomment>A rate with more decimals than any quote has; it also keeps (1 + r)^n − 1 away from 0 in the 34-digit context (a rate of 1e-40 divided by zero).</extracomment>
        <translation>利率最多保留 6 位小数（例如 4.35）。</translation>
    </message>
    <message>
        <source>The rate is above 36% a year, the legal ceiling for protected lending.</source>
        <translation>年利率超过 36%，超出法律保护的利率上限。</translation>
    </message>
    <message>
        <source>The term must be 1 to 360 months.</source>
        <translation>期限必须为 1 到 360 个月。</translation>
    </message>
    <message>
        <source>The fee must be a number.</source>
        <translation>手续费必须是数字。</translation>
    </message>
    <message>
        <source>The fee cannot be negative.</source>
        <translation>手续费不能为负数。</translation>
    </message>
    <message>
        <source>The fee must be less than the amount.</source>
        <translation>手续费必须小于贷款金额。</translation>
    </message>
    <message>
        <source>The fee is in yuan and fen: at most two decimals.</source>
        <translation>手续费以元为单位，精确到分：最多两位小数。</translation>
    </message>
    <message>
        <source>Choose or type the loan product.</source>
        <translation>请选择或填写贷款产品。</translation>
    </message>
    <message>
        <source>The rate is quoted either annual or monthly.</source>
        <translation>利率只能按年利率或月息报价。</translation>
    </message>
    <message>
        <source>Unknown repayment method {value!r}.</source>
        <translation>未知的还款方式 {value!r}。</translation>
    </message>
    <message>
        <source>Unknown loan status {value!r}.</source>
        <translation>未知的贷款状态 {value!r}。</translation>
    </message>
    <message>
        <source>A loan that is {status} needs its disbursement date.</source>
        <translation>状态为“{status}”的贷款需要填写放款日期。</translation>
    </message>
    <message>
        <source>The maturity must be after the disbursement date.</source>
        <translation>到期日必须晚于放款日期。</translation>
    </message>
    <message>
        <source>The disbursement date cannot be before the application date.</source>
        <translation>放款日期不能早于申请日期。</translation>
    </message>
    <message>
        <source>The status date cannot be before the disbursement date.</source>
        <translation>状态日期不能早于放款日期。</translation>
    </message>
    <message>
        <source>The repayment day must be 1 to 31.</source>
        <translation>还款日必须在 1 到 31 之间。</translation>
    </message>
    <message>
        <source>The overdue amount must be more than 0, in yuan and fen.</source>
        <translation>逾期金额必须大于 0，以元为单位，精确到分。</translation>
    </message>
    <message>
        <source>An overdue amount goes with an overdue loan.</source>
        <translation>只有逾期的贷款才填写逾期金额。</translation>
    </message>
    <message>
        <source>Keep it under {n} characters.</source>
        <translation>请不要超过 {n} 个字。</translation>
    </message>
    <message>
        <source>Write what the client says the money is for.</source>
        <translation>请填写客户所说的资金用途。</translation>
    </message>
    <message>
        <source>The amount must be more than 0 and at most 100,000,000, in yuan and fen.</source>
        <translation>金额必须大于 0 且不超过 100,000,000，以元为单位，精确到分。</translation>
    </message>
    <message>
        <source>A needs record cannot be dated in the future.</source>
        <translation>需求记录的日期不能晚于今天。</translation>
    </message>
    <message>
        <source>There is no loan with id {id}.</source>
        <translation>没有编号为 {id} 的贷款。</translation>
    </message>
    <message>
        <source>There is no client with id {id}.</source>
        <translation>没有编号为 {id} 的客户。</translation>
    </message>
    <message>
        <source>Loan {id} is not one of this client&apos;s loans.</source>
        <translation>贷款 {id} 不是该客户的贷款。</translation>
    </message>
    <message>
        <source>A loan cannot go from {current} to {new}.</source>
        <translation>贷款不能从“{current}”直接变为“{new}”。</translation>
    </message>
    <message>
        <source>The date cannot be before the loan&apos;s last step, on {date}.</source>
        <translation>日期不能早于该贷款上一步的日期 {date}。</translation>
    </message>
    <message>
        <source>An extension needs the new maturity date.</source>
        <translation>展期需要填写新的到期日。</translation>
    </message>
    <message>
        <source>The new maturity must be after the current one, {date}.</source>
        <translation>新的到期日必须晚于当前到期日 {date}。</translation>
    </message>
    <message>
        <source>A maturity date goes with a disbursement or an extension.</source>
        <translation>只有放款或展期时才填写到期日。</translation>
    </message>
    <message>
        <source>An amount goes with an overdue.</source>
        <translation>只有逾期时才填写金额。</translation>
    </message>
    <message>
        <source>Change a loan&apos;s status with a status change, so it is dated in its history.</source>
        <translation>请通过“变更状态”修改贷款状态，这样状态历史中会记下日期。</translation>
    </message>
    <message>
        <source>Only a disbursed or repaid loan can be renewed.</source>
        <translation>只有已放款或已结清的贷款才能续贷。</translation>
    </message>
    <message>
        <source>The product list needs at least one product.</source>
        <translation>产品列表至少需要一个产品。</translation>
    </message>
    <message>
        <source>There is no needs record with id {id}.</source>
        <translation>没有编号为 {id} 的需求记录。</translation>
    </message>
</context>
<context>
    <name>LoansModel</name>
    <message>
        <source>Client</source>
        <extracomment>The status&apos;s value (&quot;overdue&quot;) in the status column, for the badge delegate (a StrEnum reaches a view as a plain str). Loan id -&gt; the day its most overdue post-loan check fell due (late today).</extracomment>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <source>Next repayment</source>
        <translation>下次还款</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Days until maturity; negative once past</source>
        <translation>距到期日的天数；已过期为负数</translation>
    </message>
    <message>
        <source>check late</source>
        <translation>贷后检查逾期</translation>
    </message>
    <message>
        <source>Overdue since {date}: {amount}</source>
        <translation>自 {date} 起逾期：{amount}</translation>
    </message>
    <message>
        <source>Overdue since {date}</source>
        <translation>自 {date} 起逾期</translation>
    </message>
    <message>
        <source>A post-loan check has been due since {date}</source>
        <translation>有一项贷后检查自 {date} 起已到期未做</translation>
    </message>
    <message>
        <source>{amount} due on {date}</source>
        <translation>{date} 应还 {amount}</translation>
    </message>
    <message>
        <source>{annual} a year, 月息 {monthly}</source>
        <translation>年利率 {annual}，月息 {monthly}</translation>
    </message>
</context>
<context>
    <name>LoansPage</name>
    <message>
        <source>All statuses</source>
        <extracomment>Column widths at 1366 × 768; the client&apos;s name takes what is left. Loan id -&gt; the day its most overdue post-loan check fell due (those late today).</extracomment>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Any maturity</source>
        <translation>不限到期日</translation>
    </message>
    <message>
        <source>Maturing within {n} days</source>
        <translation>{n} 天内到期</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Show this loan&apos;s client in the client book</source>
        <translation>在客户列表中显示这笔贷款的客户</translation>
    </message>
    <message>
        <source>Open loan</source>
        <translation>打开贷款</translation>
    </message>
    <message>
        <source>The loan in its client&apos;s Loans tab, to change its status, renew or edit it</source>
        <translation>在客户的“贷款”页中打开这笔贷款，可变更状态、续贷或修改</translation>
    </message>
    <message>
        <source>Loading loans…</source>
        <translation>正在加载贷款…</translation>
    </message>
    <message>
        <source>Overdue: {n}</source>
        <translation>逾期：{n} 笔</translation>
    </message>
    <message>
        <source>Loans: {n} · Balance: {balance} · {overdue} · Maturing within {days} days: {maturing}</source>
        <translation>贷款：{n} 笔 · 剩余本金：{balance} · {overdue} · {days} 天内到期：{maturing} 笔</translation>
    </message>
    <message>
        <source>No loan matches these filters.</source>
        <translation>没有符合筛选条件的贷款。</translation>
    </message>
    <message>
        <source>No loans yet. Add one in a client&apos;s Loans tab.</source>
        <translation>还没有贷款。请在客户的“贷款”页中新增。</translation>
    </message>
</context>
<context>
    <name>LoansUi</name>
    <message>
        <source>Loans</source>
        <translation>贷款</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Prism — client book</source>
        <extracomment>The first window&apos;s size where the screen has room for it (the list, the pane and the sidebar side by side); later starts restore the size the officer left. Room kept for the window&apos;s title bar and frame, which the window manager adds outside the geometry Qt sets (a 1366×768 laptop with a 40-pixel taskbar has 728 pixels left). Set by File → Quit: closing then ends Prism instead of hiding it in the tray. what start-up does after the list is on screen waits here (areas queue their work)</extracomment>
        <translation>棱镜 — 客户簿</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>业绩看板</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>Show full phone numbers in the list</source>
        <translation>在列表中显示完整电话号码</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Loan &amp;calculator…</source>
        <translation>贷款计算器(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Prism</source>
        <translation>关于棱镜(&amp;A)</translation>
    </message>
    <message>
        <source>About Prism</source>
        <translation>关于棱镜</translation>
    </message>
    <message>
        <source>Prism (棱镜) {version}

A client book for loan officers: remember people, keep promises, never miss a greeting.

Book: {path}</source>
        <translation>棱镜 {version}

写给客户经理的客户簿：记住每一位客户，兑现每一个承诺，不错过每一次问候。

客户簿：{path}</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>Record a need</source>
        <translation>记录需求</translation>
    </message>
    <message>
        <source>Edit need</source>
        <translation>修改需求</translation>
    </message>
    <message>
        <source>What they say the money is for, e.g. 进货</source>
        <translation>客户所说的资金用途，例如 进货</translation>
    </message>
    <message>
        <source>The need behind it, e.g. 旺季备货资金缺口, 回款周期60天</source>
        <translation>背后的真实需求，例如 旺季备货资金缺口，回款周期60天</translation>
    </message>
    <message>
        <source>optional, e.g. 30万</source>
        <translation>选填，例如 30万</translation>
    </message>
    <message>
        <source>e.g. 2027-03, 春节前</source>
        <translation>例如 2027-03、春节前</translation>
    </message>
    <message>
        <source>What worries them, e.g. 怕利息高, 不想抵押房子</source>
        <translation>客户的顾虑，例如 怕利息高，不想抵押房子</translation>
    </message>
    <message>
        <source>e.g. 经营贷, 信用贷</source>
        <translation>例如 经营贷、信用贷</translation>
    </message>
    <message>
        <source>Stated purpose</source>
        <translation>所述用途</translation>
    </message>
    <message>
        <source>Real need</source>
        <translation>真实需求</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>用款时间</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>顾虑</translation>
    </message>
    <message>
        <source>Products discussed</source>
        <translation>谈过的产品</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>记录日期</translation>
    </message>
</context>
<context>
    <name>NeedsModel</name>
    <message>
        <source>Recorded</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <source>Stated purpose</source>
        <translation>所述用途</translation>
    </message>
    <message>
        <source>Real need</source>
        <translation>真实需求</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>用款时间</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>顾虑</translation>
    </message>
    <message>
        <source>Products discussed</source>
        <translation>谈过的产品</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Brought {n} (all levels)</source>
        <extracomment>Leaves&apos; names appear once zoomed in this far (referrers&apos; names always show). Client id -&gt; risk badge level (crm.domain.risk_badge) of those with a signal open.</extracomment>
        <translation>共带来 {n} 位（含间接）</translation>
    </message>
    <message>
        <source>Tree collapsed: use Show more trees</source>
        <translation>此转介绍树已折叠：点“显示更多”展开</translation>
    </message>
    <message>
        <source>{badge} Risk signals open: {n}</source>
        <translation>{badge} 未关闭的风险信号：{n} 条</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Life note</source>
        <translation>个人记事</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>修改记事</translation>
    </message>
    <message>
        <source>What they told you, e.g. 女儿明年六月高考</source>
        <translation>客户说的事，例如：女儿明年六月高考</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>有日期</translation>
    </message>
    <message>
        <source>Ask about it next time (talking point)</source>
        <translation>下次联系时问起（要问的事）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记事</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>There is no note with id {id}.</source>
        <translation>没有编号为{id}的记事。</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>请先填写内容。</translation>
    </message>
    <message>
        <source>{n} characters is too long; keep it under {max}.</source>
        <translation>{n}个字太长了，请控制在{max}字以内。</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记事</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>要问</translation>
    </message>
    <message>
        <source>Ask next time</source>
        <translation>下次问</translation>
    </message>
    <message>
        <source>Asked {date}</source>
        <translation>{date}已问</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Add…</source>
        <extracomment>A note just added: selected once the reload brings it.</extracomment>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Mark asked…</source>
        <translation>已问过…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除记事</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Prism reminders ({n})</source>
        <translation>棱镜提醒（{n}）</translation>
    </message>
    <message>
        <source>…and {n} more: open Today</source>
        <translation>……还有 {n} 条：打开今日</translation>
    </message>
</context>
<context>
    <name>PapersAndChecksPage</name>
    <message>
        <source>Papers and checks</source>
        <translation>材料与贷后</translation>
    </message>
    <message>
        <source>Each product&apos;s papers, one a line; after a colon, how the client gets it (the “still missing” message quotes it). Then the post-loan checks: days after disbursement for the use-of-funds check, days between visits and calls.</source>
        <translation>每个产品的申请材料，一行一项；冒号后写客户怎么准备（“缺件清单”消息会引用）。下面是贷后检查：放款后几天做资金用途检查，走访和电话回访各隔几天。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
</context>
<context>
    <name>PostLoan</name>
    <message>
        <source>received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>{address}, your {product} application still needs these papers:</source>
        <extracomment>item -&gt; how the client gets it, in the officer&apos;s words (data the officer edits, so Chinese). The checklist per product: the defaults the officer edits (Settings, or the book&apos;s JSON). A product without a template of its own.</extracomment>
        <translation>{address}您好，您的{product}申请还差以下材料：</translation>
    </message>
    <message>
        <source>(expired on {date}, please bring a new one)</source>
        <translation>（已于 {date} 过期，请带新的）</translation>
    </message>
    <message>
        <source>Once these are in, I can send the application up the same day. Any question, just message me.</source>
        <translation>材料齐了我当天就帮您报上去。有问题随时微信我。</translation>
    </message>
    <message>
        <source>{address}, every paper for your {product} application is in. Thank you!</source>
        <translation>{address}您好，您的{product}申请材料已经齐了，谢谢配合！</translation>
    </message>
    <message>
        <source>use-of-funds check</source>
        <translation>资金用途检查</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>{name} has no loan application yet.</source>
        <translation>{name}还没有贷款申请。</translation>
    </message>
    <message>
        <source>{product} has no paper called {item!r}; its list: {items}.</source>
        <translation>{product}没有叫 {item!r} 的材料；清单是：{items}。</translation>
    </message>
    <message>
        <source>A product&apos;s checklist needs at least one paper.</source>
        <translation>产品的材料清单至少要有一项。</translation>
    </message>
    <message>
        <source>Sent the list of missing papers ({n}): {items}</source>
        <extracomment>Loans the bank paid out: their papers were in, whether or not Prism kept the list. The contact logged when the message went out: stored text, in the language of the interface that logged it (the caller&apos;s ``translate``).</extracomment>
        <translation>已发送缺件清单（{n}项）：{items}</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between two papers of that list (&quot;、&quot; in Chinese).</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>Loan {id} is {status}, not disbursed: checks start once the money is out.</source>
        <translation>贷款 {id} 目前是{status}，还没放款：放款后才开始贷后检查。</translation>
    </message>
    <message>
        <source>A check cannot be in the future; today is {today}.</source>
        <translation>检查日期不能在将来；今天是 {today}。</translation>
    </message>
    <message>
        <source>A check cannot be before the money went out, on {date}.</source>
        <translation>检查日期不能早于放款日 {date}。</translation>
    </message>
    <message>
        <source>Whether the funds were used as agreed goes with a visit or a use-of-funds check.</source>
        <translation>“资金是否按合同用途使用”只用于走访或资金用途检查。</translation>
    </message>
    <message>
        <source>Days between checks go from 1 to 365.</source>
        <translation>检查间隔为 1 到 365 天。</translation>
    </message>
</context>
<context>
    <name>PostLoanUi</name>
    <message>
        <source>After the loan</source>
        <extracomment>What can make a rule fire for the clients a write was about. The whole book: this long after start-up (the first paint and warm-up go first), then again.</extracomment>
        <translation>贷后</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Already in the book</source>
        <translation>已在客户簿中</translation>
    </message>
    <message>
        <source>Same as row {row}</source>
        <translation>与第 {row} 行重复</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可导入</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>Make a promise</source>
        <translation>记下承诺</translation>
    </message>
    <message>
        <source>What you promised, e.g. 问清楚展期政策再回复</source>
        <translation>答应了什么，例如：问清楚展期政策再回复</translation>
    </message>
    <message>
        <source>Default: two working days (weekends skipped, holidays not).</source>
        <translation>默认两个工作日（跳过周末，不含法定节假日）。</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
</context>
<context>
    <name>Promises</name>
    <message>
        <source>There is no promise with id {id}.</source>
        <translation>没有编号为{id}的承诺。</translation>
    </message>
</context>
<context>
    <name>PromisesModel</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>{n} days late</source>
        <translation>逾期{n}天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
</context>
<context>
    <name>PromisesPage</name>
    <message>
        <source>My promises</source>
        <translation>我的承诺</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>Kept…</source>
        <translation>已兑现…</translation>
    </message>
    <message>
        <source>Mark kept and log how you told the client</source>
        <translation>标为已兑现，并记下怎么告诉客户的</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>{n} open, {late} overdue</source>
        <translation>{n}项未兑现，{late}项逾期</translation>
    </message>
    <message>
        <source>{late} overdue</source>
        <translation>{late}项逾期</translation>
    </message>
</context>
<context>
    <name>ReferralThanks</name>
    <message>
        <source>Thank {referrer} for referring {client}</source>
        <translation>感谢{referrer}介绍{client}</translation>
    </message>
    <message>
        <source>{client}, whom {referrer} referred, became a borrower on {date}.</source>
        <translation>{referrer}介绍的{client}已于 {date} 成为贷款客户。</translation>
    </message>
    <message>
        <source>{referrer}, thank you for introducing {client} to me. Everything is now in place for them, and I will look after them well. Your trust means a lot; do get in touch whenever I can help you or your friends.</source>
        <translation>{referrer}您好！谢谢您把{client}介绍给我，业务已经顺利办好了，后面我一定用心服务好。感谢您的信任，以后您和朋友们有什么需要，随时找我。</translation>
    </message>
</context>
<context>
    <name>ReferralTreeModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Brought</source>
        <translation>带来</translation>
    </message>
    <message>
        <source>{direct} directly, {all} in all</source>
        <translation>直接 {direct} 位，共 {all} 位</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <source>{referrer} cannot have referred {client}: {client} is already above them in the chain {chain}.</source>
        <translation>{referrer}不能作为{client}的介绍人：在转介绍链 {chain} 中，{client}已经在其上游。</translation>
    </message>
    <message>
        <source>A client cannot be referred by themselves.</source>
        <translation>客户不能自己介绍自己。</translation>
    </message>
    <message>
        <source>There is no client with id {id}.</source>
        <translation>没有编号为 {id} 的客户。</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>larger: brought more people</source>
        <translation>圆越大：介绍的人越多</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Top </source>
        <extracomment>the client selected in the client list: the network opens on their tree</extracomment>
        <translation>前 </translation>
    </message>
    <message>
        <source>Amount lent appears here once loans are recorded in Prism.</source>
        <translation>在棱镜中登记贷款后，这里会显示放款金额。</translation>
    </message>
    <message>
        <source>Top referrers</source>
        <translation>转介绍排行</translation>
    </message>
    <message>
        <source>Ranked by clients brought directly, then in all.</source>
        <translation>按直接介绍人数排序，其次按总人数。</translation>
    </message>
    <message>
        <source>Where the book came from</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Show more trees</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Fit largest tree</source>
        <translation>看最大的树</translation>
    </message>
    <message>
        <source>Selected client&apos;s tree</source>
        <translation>所选客户的关系树</translation>
    </message>
    <message>
        <source>Top referrers and sources</source>
        <translation>排行与来源</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>关系网</translation>
    </message>
    <message>
        <source>{share} of the {n} active clients came by referral.</source>
        <translation>{n} 位在册客户中，{share} 来自转介绍。</translation>
    </message>
    <message>
        <source>{trees} referral trees, largest first: {shown} drawn whole ({drawn} people), {collapsed} collapsed into their first referrer (+N). {unlinked} clients have no referral link. Click a person to open them.</source>
        <translation>共 {trees} 棵转介绍树，按大小排列：完整显示 {shown} 棵（{drawn} 人），{collapsed} 棵折叠为源头介绍人（+N）。{unlinked} 位客户没有转介绍关系。点击人名可打开客户。</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Double-click a person to open them. Grey: archived.</source>
        <extracomment>Trees up to this size open fully; larger ones open their first level only.</extracomment>
        <translation>双击可打开客户。灰色：已归档。</translation>
    </message>
    <message>
        <source>Brought {direct} directly and {indirect} indirectly; {borrowers} of them became borrowers.</source>
        <translation>直接介绍 {direct} 位，间接 {indirect} 位，其中 {borrowers} 位已成为贷款客户。</translation>
    </message>
    <message>
        <source>Has not referred anyone yet.</source>
        <translation>还没有介绍过客户。</translation>
    </message>
    <message>
        <source>Referred by: {chain}</source>
        <translation>转介绍链：{chain}</translation>
    </message>
    <message>
        <source>Not referred by anyone in the book. Source: {source}</source>
        <translation>不是客户簿中的人介绍的。来源：{source}</translation>
    </message>
    <message>
        <source>{client} became a borrower on {date}: thank {referrer} for the referral.</source>
        <translation>{client}已于 {date} 成为贷款客户：记得感谢{referrer}的介绍。</translation>
    </message>
    <message>
        <source>Thank…</source>
        <translation>致谢…</translation>
    </message>
</context>
<context>
    <name>ReferralsUi</name>
    <message>
        <source>Referrals</source>
        <translation>转介绍</translation>
    </message>
</context>
<context>
    <name>ReferrerPicker</name>
    <message>
        <source>Not referred — type a name, pinyin or phone to pick</source>
        <translation>无介绍人——输入姓名、拼音或电话查找</translation>
    </message>
    <message>
        <source>Not referred by anyone</source>
        <translation>清除介绍人</translation>
    </message>
</context>
<context>
    <name>RelateDialog</name>
    <message>
        <source>Add a related party</source>
        <translation>添加关联人</translation>
    </message>
    <message>
        <source>A client, or the name of someone else</source>
        <translation>客户，或其他人的姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Related</name>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>担保人</translation>
    </message>
    <message>
        <source>Business partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>A client cannot be related to themselves.</source>
        <translation>客户不能与自己关联。</translation>
    </message>
    <message>
        <source>{name} is already linked as {role}.</source>
        <translation>{name}已关联为{role}。</translation>
    </message>
    <message>
        <source>Name the other person.</source>
        <translation>请写上对方姓名。</translation>
    </message>
</context>
<context>
    <name>RelationshipKit</name>
    <message>
        <source>Log contact · {name}</source>
        <extracomment>The kinds of record a tab can delete (and undo). Change topics that can alter what a client pane tab of this area shows.</extracomment>
        <translation type="vanished">记联系 · {name}</translation>
    </message>
    <message>
        <source>Make a promise · {name}</source>
        <translation type="vanished">记下承诺 · {name}</translation>
    </message>
    <message>
        <source>Keep promise</source>
        <extracomment>The kinds of record a tab can delete (and undo). Change topics that can alter what a client pane tab of this area shows.</extracomment>
        <translation>兑现承诺</translation>
    </message>
    <message>
        <source>Done: {promise}</source>
        <translation>已办：{promise}</translation>
    </message>
    <message>
        <source>Delete this note?

{text}</source>
        <translation>删除这条记事？

{text}</translation>
    </message>
    <message>
        <source>Deleted note: {text}</source>
        <translation>已删除记事：{text}</translation>
    </message>
    <message>
        <source>Delete this contact record?

{text}</source>
        <translation>删除这条联系记录？

{text}</translation>
    </message>
    <message>
        <source>Deleted contact: {text}</source>
        <translation>已删除联系记录：{text}</translation>
    </message>
    <message>
        <source>Delete this promise?

{text}</source>
        <translation>删除这项承诺？

{text}</translation>
    </message>
    <message>
        <source>Deleted promise: {text}</source>
        <translation>已删除承诺：{text}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>RelationshipUi</name>
    <message>
        <source>Brief</source>
        <translation>联系前</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记事</translation>
    </message>
    <message>
        <source>History</source>
        <translation>往来</translation>
    </message>
    <message>
        <source>Due for contact</source>
        <translation>该联系了</translation>
    </message>
    <message>
        <source>My promises</source>
        <translation>我的承诺</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记联系…</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message>
        <source>{name}&apos;s birthday</source>
        <translation>{name}生日</translation>
    </message>
    <message>
        <source>Turns {age}</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <source>Lunar birthday ({lunar})</source>
        <translation>农历生日（{lunar}）</translation>
    </message>
    <message>
        <source>Lunar birthday ({lunar}), turns {age}</source>
        <translation>农历生日（{lunar}），{age}岁</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message>
        <source>On the day, from your notes</source>
        <translation>当天（来自记事）</translation>
    </message>
    <message>
        <source>The day after</source>
        <translation>事后第二天</translation>
    </message>
    <message>
        <source>Ask {name} how it went: {text}</source>
        <translation>问问{name}结果如何：{text}</translation>
    </message>
    <message>
        <source>Promised {name}: {text}</source>
        <translation>答应{name}：{text}</translation>
    </message>
    <message>
        <source>Time to get in touch with {name}</source>
        <extracomment>How far ahead keep-in-touch reminders look (the Today view&apos;s &quot;next 7 days&quot;).</extracomment>
        <translation>该联系{name}了</translation>
    </message>
    <message>
        <source>Every {days} days</source>
        <translation>每 {days} 天</translation>
    </message>
    <message>
        <source>{name} · {product} repayment {amount} due {date}</source>
        <translation>{name} · {product} {date} 应还 {amount}</translation>
    </message>
    <message>
        <source>Instalment {period} of {periods}, paid by hand</source>
        <translation>第 {period}/{periods} 期，自行还款</translation>
    </message>
    <message>
        <source>Instalment {period} of {periods}, by auto-debit</source>
        <translation>第 {period}/{periods} 期，自动扣款</translation>
    </message>
    <message>
        <source>What remains after the extension, due at maturity</source>
        <translation>展期后的剩余本金，到期应还</translation>
    </message>
    <message>
        <source>{name} · {product} {amount} matures {date}</source>
        <translation>{name} · {product} {amount} 于 {date} 到期</translation>
    </message>
    <message>
        <source>In {days} days: talk about a renewal (续贷) or an extension (展期) now</source>
        <translation>还有 {days} 天：及早商谈续贷或展期</translation>
    </message>
    <message>
        <source>Follow up {name} · {product}: {amount} overdue (day {days})</source>
        <translation>跟进 {name} · {product}：逾期 {amount}（第 {days} 天）</translation>
    </message>
    <message>
        <source>Follow up {name} · {product}: overdue (day {days})</source>
        <translation>跟进 {name} · {product}：已逾期（第 {days} 天）</translation>
    </message>
    <message>
        <source>Overdue since {date}</source>
        <translation>自 {date} 起逾期</translation>
    </message>
    <message>
        <source>{name} · {product}: use-of-funds check due {date}</source>
        <translation>{name} · {product}：{date} 资金用途检查</translation>
    </message>
    <message>
        <source>{name} · {product}: visit due {date}</source>
        <translation>{name} · {product}：{date} 贷后走访</translation>
    </message>
    <message>
        <source>{name} · {product}: post-loan call due {date}</source>
        <translation>{name} · {product}：{date} 贷后电话回访</translation>
    </message>
    <message>
        <source>Post-loan check late since {date}</source>
        <translation>贷后检查自 {date} 起逾期未做</translation>
    </message>
    <message>
        <source>Post-loan check (贷后)</source>
        <translation>贷后检查</translation>
    </message>
</context>
<context>
    <name>ReminderPopups</name>
    <message>
        <source>{n} reminders</source>
        <translation>{n} 条提醒</translation>
    </message>
    <message>
        <source>…and {n} more</source>
        <translation>……还有 {n} 条</translation>
    </message>
    <message>
        <source>Prism reminders ({n})</source>
        <translation>棱镜提醒（{n}）</translation>
    </message>
</context>
<context>
    <name>RemindersSettingsPage</name>
    <message>
        <source>Reminders</source>
        <extracomment>The book&apos;s settings are in the widgets.</extracomment>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Festivals I send greetings for</source>
        <translation>要发祝福的节日</translation>
    </message>
    <message>
        <source>Show reminders this many days ahead</source>
        <translation>提前几天提醒</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Dates in notes</source>
        <translation>记事中的日期</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source> days before, and on the day</source>
        <translation> 天前，当天再提醒</translation>
    </message>
    <message>
        <source>On the day</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>Repayment reminders</source>
        <translation>还款提醒</translation>
    </message>
    <message>
        <source>Remind for loans paid by auto-debit too</source>
        <translation>自动扣款的贷款也提醒</translation>
    </message>
    <message>
        <source>Maturities remind 30 and 7 days ahead (time to talk about a renewal or an extension); overdue loans every day until they are cleared.</source>
        <translation>到期前 30 天和 7 天提醒（及早商谈续贷或展期）；逾期贷款每天提醒，直到结清逾期。</translation>
    </message>
    <message>
        <source>Pop-ups</source>
        <translation>弹出提醒</translation>
    </message>
    <message>
        <source>Pop up a day&apos;s reminders from</source>
        <translation>每天弹出提醒的时间</translation>
    </message>
    <message>
        <source>Quiet hours: no pop-ups from</source>
        <translation>免打扰：不弹出，从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Closing the window keeps Prism running in the tray</source>
        <translation>关闭窗口时让棱镜在托盘继续运行</translation>
    </message>
    <message>
        <source>Start Prism when I log in</source>
        <translation>登录系统时启动棱镜</translation>
    </message>
</context>
<context>
    <name>RemindersUi</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <source>New resource</source>
        <translation>新资源</translation>
    </message>
    <message>
        <source>Edit resource</source>
        <translation>修改资源</translation>
    </message>
    <message>
        <source>e.g. 老周装修队, 王会计</source>
        <translation>例如：老周装修队、王会计</translation>
    </message>
    <message>
        <source>e.g. 装修, 财税, 政策, 产品</source>
        <translation>例如：装修、财税、政策、产品</translation>
    </message>
    <message>
        <source>Why you recommend it</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <source>There is no resource with id {id}.</source>
        <translation>没有编号为{id}的资源。</translation>
    </message>
    <message>
        <source>Give it a name.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <source>Keep it under {max} characters.</source>
        <translation>请控制在{max}字以内。</translation>
    </message>
</context>
<context>
    <name>ResourcesModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>已分享</translation>
    </message>
    <message>
        <source>{n} times</source>
        <translation>{n}次</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>People and material worth recommending to clients.</source>
        <translation>值得推荐给客户的人和资料。</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>分享给了</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>The annual rate as PBOC notice 〔2021〕 No. 3 asks: the internal rate of return of what the client receives (the amount less the fee) and what they repay, monthly × 12. The compounded rate is (1 + monthly IRR)¹² − 1.</source>
        <translation>按中国人民银行公告〔2021〕第3号的口径计算的年化利率：以客户实际到手金额（贷款金额减手续费）和各期还款计算内部收益率（IRR），按月 IRR × 12 年化。复利年化利率为 (1 + 月 IRR)¹² − 1。</translation>
    </message>
    <message>
        <source>Click a method to see its schedule.</source>
        <translation>点击某种还款方式查看其还款计划。</translation>
    </message>
    <message>
        <source>The methods side by side</source>
        <translation>各还款方式对比</translation>
    </message>
    <message>
        <source>Repayment schedule</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <source>Repayment schedule: {method}, {count} payment(s)</source>
        <translation>还款计划：{method}，共 {count} 期</translation>
    </message>
    <message>
        <source>{amount} yuan over {months} at {rate}, {method}.</source>
        <translation>{amount} 元，{months}，{rate}，{method}。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Self-review {first} – {last}</source>
        <translation>述职报告 {first} – {last}</translation>
    </message>
    <message>
        <source>Prepared by Prism on {day} from the client book.</source>
        <translation>由棱镜于 {day} 根据客户簿生成。</translation>
    </message>
    <message>
        <source>The figures</source>
        <translation>业绩数据</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>not available yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Twelve months</source>
        <translation>近十二个月</translation>
    </message>
    <message>
        <source>What each figure means</source>
        <translation>各项指标的定义</translation>
    </message>
    <message>
        <source>Highlights from the book</source>
        <translation>客户簿里的亮点</translation>
    </message>
    <message>
        <source>The longest referral chains</source>
        <translation>最长的转介绍链</translation>
    </message>
    <message>
        <source>{root}: {depth} steps deep, {people} people referred, {joined} of them this period</source>
        <translation>{root}：链深 {depth} 层，共转介绍 {people} 人，其中本期新增 {joined} 人</translation>
    </message>
    <message>
        <source>No referral chain yet.</source>
        <translation>尚无转介绍链。</translation>
    </message>
    <message>
        <source>Renewals: {count} loans renewed in the period</source>
        <translation>续贷：本期续贷 {count} 笔</translation>
    </message>
    <message>
        <source>{client}: {product} {amount} on {day}</source>
        <translation>{client}：{product} {amount}，{day}</translation>
    </message>
    <message>
        <source>Promises kept: {kept} in the period, {on_time} of them on time</source>
        <translation>兑现的承诺：本期 {kept} 项，其中按时 {on_time} 项</translation>
    </message>
    <message>
        <source>{client}: {text} (due {due}, kept {kept})</source>
        <translation>{client}：{text}（应于 {due}，兑现于 {kept}）</translation>
    </message>
    <message>
        <source>Risk cases handled: {count} closed in the period</source>
        <translation>处理的风险事件：本期关闭 {count} 条风险信号</translation>
    </message>
    <message>
        <source>Risk cases handled: {count} signals closed in the period</source>
        <translation type="vanished">处理的风险事件：本期关闭 {count} 条风险信号</translation>
    </message>
    <message>
        <source>{client}: {kind}, noticed {opened}, closed {closed}. How: {how}</source>
        <translation>{client}：{kind}，{opened} 发现，{closed} 关闭。处理：{how}</translation>
    </message>
    <message>
        <source>No risk signal was closed in the period.</source>
        <translation>本期没有关闭的风险信号。</translation>
    </message>
    <message>
        <source>Risk cases handled</source>
        <translation type="vanished">处置的风险案例</translation>
    </message>
    <message>
        <source>Not available yet: Prism will list them once it records risk signals.</source>
        <translation type="vanished">暂无数据：棱镜记录风险信号后会在此列出。</translation>
    </message>
    <message>
        <source>In my own words</source>
        <translation>我的总结</translation>
    </message>
    <message>
        <source>What went well, and why</source>
        <translation>做得好的地方及原因</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>我学到了什么</translation>
    </message>
    <message>
        <source>What I will change</source>
        <translation>我要改进什么</translation>
    </message>
    <message>
        <source>Clients I want to thank</source>
        <translation>我想感谢的客户</translation>
    </message>
    <message>
        <source>{title}: twelve months</source>
        <translation>{title}：近十二个月</translation>
    </message>
    <message>
        <source>Nothing counted in these months</source>
        <translation>这几个月没有可统计的数据</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Contact details changed</source>
        <translation>联系方式变更</translation>
    </message>
    <message>
        <source>Replies slowing down</source>
        <translation>回复变慢</translation>
    </message>
    <message>
        <source>Business slipping</source>
        <translation>经营下滑</translation>
    </message>
    <message>
        <source>Sued or under enforcement</source>
        <translation>涉诉/被执行</translation>
    </message>
    <message>
        <source>Large spending</source>
        <translation>大额消费</translation>
    </message>
    <message>
        <source>Asked to delay repayment</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Guarantor changed</source>
        <translation>担保人变化</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Repayment overdue</source>
        <translation>还款逾期</translation>
    </message>
    <message>
        <source>No answer for longer than the cadence</source>
        <translation>超过联系周期未接通</translation>
    </message>
    <message>
        <source>There is no risk signal with id {id}.</source>
        <translation>没有编号为 {id} 的风险信号。</translation>
    </message>
    <message>
        <source>Signal {id} was closed on {date}.</source>
        <translation>信号 {id} 已于 {date} 关闭。</translation>
    </message>
    <message>
        <source>Signal {id} is not one of this client&apos;s.</source>
        <translation>信号 {id} 不属于这位客户。</translation>
    </message>
    <message>
        <source>Say in a note why the signal is closed.</source>
        <translation>请在备注中写明关闭原因。</translation>
    </message>
    <message>
        <source>{kind} is detected, not recorded by hand.</source>
        <translation>“{kind}”由系统自动发现，不能手工记录。</translation>
    </message>
    <message>
        <source>No answer</source>
        <extracomment>The contact logged for a call not answered: stored text, in the language of the interface that logged it (the caller&apos;s ``translate``).</extracomment>
        <translation>未接通</translation>
    </message>
</context>
<context>
    <name>RisksPage</name>
    <message>
        <source>Check for signals now</source>
        <extracomment>Late-check rows listed at most (the most overdue first): a list, not a report.</extracomment>
        <translation>立即检查风险</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Open risk signals, the worst first, then loans whose post-loan checks are late. Double-click to open the client; close a signal from their 贷后 tab.</source>
        <translation>未关闭的风险信号，最严重的在前；其后是贷后检查逾期的贷款。双击打开客户，在其“贷后”页关闭信号。</translation>
    </message>
    <message>
        <source>▲</source>
        <translation>▲</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Post-loan check late</source>
        <translation>贷后检查逾期</translation>
    </message>
    <message>
        <source>{n} open signals on {clients} clients · {late} loans with late checks</source>
        <translation>{clients} 位客户有 {n} 个未关闭信号 · {late} 笔贷款贷后检查逾期</translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <source>The book is damaged</source>
        <translation>客户簿已损坏</translation>
    </message>
    <message>
        <source>The book {path} was damaged when Prism or the computer stopped unexpectedly, and there is no backup to restore. The file was left untouched.</source>
        <translation>Prism 或电脑意外停止时，客户簿 {path} 受损，且没有可恢复的备份。文件未做任何改动。</translation>
    </message>
    <message>
        <source>The book was damaged when Prism or the computer stopped unexpectedly.

Restore the newest good backup, from {date}? The damaged book is kept beside it as a .damaged file; nothing is deleted.</source>
        <translation>Prism 或电脑意外停止时，客户簿受损。

要恢复最近一份完好的备份（{date}）吗？损坏的客户簿会另存为 .damaged 文件放在旁边，不会删除任何内容。</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>This book is protected. Passphrase:</source>
        <translation>此客户簿受口令保护。口令：</translation>
    </message>
    <message>
        <source>Unlock the book</source>
        <translation>解锁客户簿</translation>
    </message>
    <message>
        <source>Wrong passphrase. A forgotten passphrase cannot be recovered. Passphrase:</source>
        <translation>口令不对。忘记的口令无法找回。口令：</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>A forgotten passphrase cannot be recovered: there is no backdoor, and nobody (not the bank, not Prism&apos;s makers) can open the book without it. Write it down and keep it somewhere safe. Backups are encrypted with the same key; exports are not.</source>
        <translation>忘记的口令无法找回：没有后门，没有口令谁也打不开客户簿（银行不能，Prism 的开发者也不能）。请把口令记下来，放在安全的地方。备份用同一密钥加密；导出的文件不加密。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>The same again:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>Protect this book with a passphrase</source>
        <translation>用口令保护此客户簿</translation>
    </message>
    <message>
        <source>Remove the protection</source>
        <translation>取消口令保护</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A protected book&apos;s window hides client data after this many idle minutes, and at once when the computer wakes from sleep. From the next start.</source>
        <translation>受口令保护的客户簿在空闲这么多分钟后隐藏客户资料；电脑从睡眠中唤醒时立即隐藏。下次启动起生效。</translation>
    </message>
    <message>
        <source>Lock after being idle for:</source>
        <translation>空闲多久后锁定：</translation>
    </message>
    <message>
        <source>This book is protected with a passphrase (encrypted on disk).</source>
        <translation>此客户簿受口令保护（在磁盘上加密）。</translation>
    </message>
    <message>
        <source>This book is not protected: anyone with this computer can read it.</source>
        <translation>此客户簿没有保护：任何能用这台电脑的人都能读取它。</translation>
    </message>
    <message>
        <source>Use a passphrase of at least 8 characters.</source>
        <translation>口令至少要 8 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Anyone with this computer will be able to read the book. Go on?</source>
        <translation>取消后，任何能用这台电脑的人都能读取客户簿。继续吗？</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share a resource</source>
        <translation>分享资源</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Shared on</source>
        <translation>分享日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add resources first, under Resources in the sidebar.</source>
        <translation>请先在左侧“资源”里添加资源。</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SignalDialog</name>
    <message>
        <source>Record a risk signal</source>
        <translation>记录风险信号</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Remind me again at:</source>
        <translation>再次提醒的时间：</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Repeat-borrow rate</source>
        <translation>复贷率</translation>
    </message>
    <message>
        <source>Clients with a loan disbursed in the period who had a loan disbursed before the period began, out of all clients with a loan disbursed in the period.</source>
        <translation>本期有贷款发放的客户中，在本期开始前已有贷款发放的客户所占比例。</translation>
    </message>
    <message>
        <source>Repeat borrowers</source>
        <translation>复贷客户</translation>
    </message>
    <message>
        <source>Overdue rate (loans)</source>
        <translation>逾期率（笔数）</translation>
    </message>
    <message>
        <source>Loans that fell overdue in the period, out of the loans running in it (disbursed by its end and not repaid before its start).</source>
        <translation>本期发生逾期的贷款笔数，占本期存续贷款（期末前已发放、期初前未结清）笔数的比例。</translation>
    </message>
    <message>
        <source>Clients with a loan that fell overdue</source>
        <translation>有贷款逾期的客户</translation>
    </message>
    <message>
        <source>Overdue rate (amount)</source>
        <translation>逾期率（金额）</translation>
    </message>
    <message>
        <source>The principal lent on the loans that fell overdue in the period, out of the principal lent on the loans running in it (Prism does not know the bank&apos;s balances: it weighs each loan by the amount disbursed).</source>
        <translation>本期发生逾期的贷款的发放本金，占本期存续贷款发放本金的比例（棱镜不掌握银行的余额数据，按每笔贷款的发放金额计权）。</translation>
    </message>
    <message>
        <source>Contact coverage</source>
        <translation>联系覆盖率</translation>
    </message>
    <message>
        <source>Borrowers (active clients whose status is borrower) not due for contact at the period&apos;s end: their last contact, or the day they were added if never contacted, lies within their keep-in-touch cadence; out of all borrowers.</source>
        <translation>期末时无需跟进联系的借款客户（状态为借款客户的在册客户）：最近一次联系（从未联系的按录入日期）在其联系周期之内；占全部借款客户的比例。</translation>
    </message>
    <message>
        <source>Borrowers not contacted within their cadence</source>
        <translation>未在联系周期内联系的借款客户</translation>
    </message>
    <message>
        <source>Promises kept on time</source>
        <translation>承诺按时兑现率</translation>
    </message>
    <message>
        <source>Promises due in the period that were kept on or before their due day, out of all promises due in the period.</source>
        <translation>本期到期的承诺中，在到期日当天或之前兑现的比例。</translation>
    </message>
    <message>
        <source>Clients with a promise not kept on time</source>
        <translation>有承诺未按时兑现的客户</translation>
    </message>
    <message>
        <source>Birthday greetings sent</source>
        <translation>生日祝福发送率</translation>
    </message>
    <message>
        <source>Active clients whose birthday (solar or lunar) fell in the period and who were sent a greeting for it from Prism, out of all active clients whose birthday fell in it.</source>
        <translation>本期过生日（公历或农历）的在册客户中，通过棱镜发送了生日祝福的比例。</translation>
    </message>
    <message>
        <source>Birthdays not greeted</source>
        <translation>未送生日祝福的客户</translation>
    </message>
    <message>
        <source>Festival greetings sent</source>
        <translation>节日祝福发送率</translation>
    </message>
    <message>
        <source>Greetings sent to borrowers for the festivals you greet that fell in the period, out of one greeting per festival for every borrower who did not opt out.</source>
        <translation>本期内您设置问候的节日，向借款客户发送的祝福数，占“每位未拒收的借款客户每个节日一条”应发数的比例。</translation>
    </message>
    <message>
        <source>Borrowers not greeted for a festival</source>
        <translation>有节日未送祝福的借款客户</translation>
    </message>
    <message>
        <source>New clients through referral</source>
        <translation>转介绍新客户</translation>
    </message>
    <message>
        <source>Clients added in the period whom someone in the book referred (or whose source is a referral).</source>
        <translation>本期新增的、由客户簿中某人转介绍（或来源为转介绍）的客户数。</translation>
    </message>
    <message>
        <source>Referred clients</source>
        <translation>转介绍客户</translation>
    </message>
    <message>
        <source>Referred clients&apos; share of loans</source>
        <translation>转介绍客户贷款占比</translation>
    </message>
    <message>
        <source>Loans disbursed in the period to clients who came through a referral, out of all loans disbursed in the period.</source>
        <translation>本期发放的贷款中，发放给转介绍客户的笔数所占比例。</translation>
    </message>
    <message>
        <source>Referred clients with a loan</source>
        <translation>有贷款的转介绍客户</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>Loans applied for in the period, broken down by the stage they stand at now.</source>
        <translation>本期申请的贷款笔数，按目前所处阶段分列。</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请客户</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Loans applied for in the period that have been disbursed since, out of all loans applied for in the period.</source>
        <translation>本期申请的贷款中，此后已发放的比例。</translation>
    </message>
    <message>
        <source>Applications not disbursed</source>
        <translation>申请未放款的客户</translation>
    </message>
    <message>
        <source>Days from application to approval</source>
        <translation>申请到审批天数</translation>
    </message>
    <message>
        <source>For the loans approved in the period: the average number of days between the application and the approval, as dated in the loan&apos;s history.</source>
        <translation>本期审批通过的贷款，从申请到审批通过的平均天数（按贷款历史中的日期）。</translation>
    </message>
    <message>
        <source>Clients approved</source>
        <translation>审批通过的客户</translation>
    </message>
    <message>
        <source>Days from application to disbursement</source>
        <translation>申请到放款天数</translation>
    </message>
    <message>
        <source>For the loans disbursed in the period with a dated application: the average number of days between the application and the disbursement.</source>
        <translation>本期发放且有申请日期的贷款，从申请到放款的平均天数。</translation>
    </message>
    <message>
        <source>Clients disbursed</source>
        <translation>已放款的客户</translation>
    </message>
    <message>
        <source>Post-loan checks done on time</source>
        <translation>贷后检查按时完成率</translation>
    </message>
    <message>
        <source>Post-loan checks due in the period that were done by their due day, out of all post-loan checks due in the period.</source>
        <translation>本期到期的贷后检查中，在到期日前完成的比例。</translation>
    </message>
    <message>
        <source>Clients with a check not done on time</source>
        <translation>有贷后检查未按时完成的客户</translation>
    </message>
    <message>
        <source>Risk signals open</source>
        <translation>未关闭的风险信号</translation>
    </message>
    <message>
        <source>Risk signals open at the period&apos;s end; below, how many were opened and closed in the period.</source>
        <translation>期末时仍未关闭的风险信号数；下方列出本期新开和关闭的数量。</translation>
    </message>
    <message>
        <source>Clients with an open risk signal</source>
        <translation>有未关闭风险信号的客户</translation>
    </message>
    <message>
        <source>Opened in the period</source>
        <extracomment>Every figure in the order the dashboard, the CLI and the report show them. Stage labels of the applications&apos; breakdown.</extracomment>
        <translation>本期新开</translation>
    </message>
    <message>
        <source>Closed in the period</source>
        <translation>本期关闭</translation>
    </message>
</context>
<context>
    <name>ThanksDialog</name>
    <message>
        <source>Thank {referrer}</source>
        <translation>感谢{referrer}</translation>
    </message>
    <message>
        <source>{client}, whom {referrer} referred, became a borrower on {date}.</source>
        <translation>{referrer}介绍的{client}已于 {date} 成为贷款客户。</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>发送方式</translation>
    </message>
    <message>
        <source>Log as thanked</source>
        <translation>记为已致谢</translation>
    </message>
    <message>
        <source>Thanked for referring {client}: {text}</source>
        <translation>感谢介绍{client}：{text}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>下一步：{step}</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date}到期</translation>
    </message>
    <message>
        <source>Shared: {name}</source>
        <translation>分享了：{name}</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记联系…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>删除此条</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Overdue</source>
        <extracomment>Occasion groups within a bucket: the personal ones first, then money owed and coming due (crm.services.reminders.loan_sources), the long lists last. How many there are in all when the group lists only some (keep in touch). Client id -&gt; risk badge level of the clients listed with an open signal.</extracomment>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>From your notes</source>
        <translation>记事</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>该联系了</translation>
    </message>
    <message>
        <source>Thank a referrer</source>
        <translation>感谢介绍人</translation>
    </message>
    <message>
        <source>Repayment reminders</source>
        <translation>还款提醒</translation>
    </message>
    <message>
        <source>Maturity reminders</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>Overdue follow-up</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>Post-loan checks</source>
        <translation>贷后检查</translation>
    </message>
    <message>
        <source>{group} ({count}, {listed} listed)</source>
        <translation>{group}（{count}，列出 {listed}）</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>In {n} days · {date}</source>
        <translation>{n} 天后 · {date}</translation>
    </message>
    <message>
        <source>{n} days ago · {date}</source>
        <translation>{n} 天前 · {date}</translation>
    </message>
    <message>
        <source>Since {date}</source>
        <translation>自 {date} 起</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Snoozed until {time}</source>
        <translation>推迟到 {time}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Open client</source>
        <extracomment>The key of a dated note&apos;s day-after reminder (crm.services.reminders.sources.life_notes).
----------
Topics after which the Today view recomputes (any record a reminder is made from). A group with more items than this starts folded; its title still counts them all.</extracomment>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <source>Write greeting…</source>
        <translation>写祝福…</translation>
    </message>
    <message>
        <source>Open this client (Enter)</source>
        <translation>打开这位客户（Enter）</translation>
    </message>
    <message>
        <source>Record a call, WeChat chat or visit (Ctrl+L)</source>
        <translation>记录一次电话、微信或拜访（Ctrl+L）</translation>
    </message>
    <message>
        <source>Promise…</source>
        <translation>承诺…</translation>
    </message>
    <message>
        <source>Promise this client something (Ctrl+P)</source>
        <translation>给这位客户一个承诺（Ctrl+P）</translation>
    </message>
    <message>
        <source>Greeting…</source>
        <translation>写祝福…</translation>
    </message>
    <message>
        <source>Write a greeting for this occasion</source>
        <translation>为这个日子写一段祝福</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Until tomorrow morning</source>
        <translation>明天上午</translation>
    </message>
    <message>
        <source>Pick a time…</source>
        <translation>选择时间…</translation>
    </message>
    <message>
        <source>Dealt with: a promise is kept, a contact logged (Ctrl+D)</source>
        <translation>办完了：承诺即兑现，联系即记录（Ctrl+D）</translation>
    </message>
    <message>
        <source>{due} due today · {overdue} overdue · {coming} in the next 7 days</source>
        <translation>今天 {due} 项 · 已过期 {overdue} 项 · 未来 7 天 {coming} 项</translation>
    </message>
    <message>
        <source>Press Enter to see every client due in Due for contact.</source>
        <translation>按 Enter 在“该联系了”中查看全部到期客户。</translation>
    </message>
    <message>
        <source>Press Enter or → to unfold the group.</source>
        <translation>按 Enter 或 → 展开这一组。</translation>
    </message>
    <message>
        <source>Pick a reminder to see the client&apos;s brief here.</source>
        <translation>选中一条提醒，这里显示客户的联系前简报。</translation>
    </message>
    <message>
        <source>Nothing due: birthdays, promises and cadences remind here.</source>
        <translation>今天没有待办：生日、承诺和联系周期到了会在这里提醒。</translation>
    </message>
    <message>
        <source>A festival: Greeting… writes one and picks whom to send it to.</source>
        <translation>节日：点“写祝福…”写一段祝福，再选发给哪些客户。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>恢复提醒</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>今日 {date}</translation>
    </message>
    <message>
        <source>{overdue} overdue · {due} due today · {coming} in the next 7 days</source>
        <translation type="vanished">已过期 {overdue} · 今天 {due} · 未来 7 天 {coming}</translation>
    </message>
    <message>
        <source>Keep promise · {name}</source>
        <translation type="vanished">兑现承诺 · {name}</translation>
    </message>
    <message>
        <source>Keep promise</source>
        <translation>兑现承诺</translation>
    </message>
    <message>
        <source>Done: {promise}</source>
        <translation>已办：{promise}</translation>
    </message>
    <message>
        <source>Log contact · {name}</source>
        <translation type="vanished">记联系 · {name}</translation>
    </message>
</context>
<context>
    <name>TopReferrersModel</name>
    <message>
        <source>Referrer</source>
        <extracomment>The &quot;amount lent&quot; column appears only once Prism records loans (amount_lent set).</extracomment>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>Indirect</source>
        <translation>间接</translation>
    </message>
    <message>
        <source>Became borrowers</source>
        <translation>已贷款</translation>
    </message>
    <message>
        <source>Amount lent</source>
        <translation>放款金额</translation>
    </message>
    <message>
        <source>Clients they brought themselves</source>
        <translation>本人直接介绍的客户</translation>
    </message>
    <message>
        <source>Clients brought by those they brought, at any depth</source>
        <translation>其介绍的客户再介绍来的客户（各级）</translation>
    </message>
    <message>
        <source>Of all they brought, how many have borrowed</source>
        <translation>介绍来的客户中已贷款的人数</translation>
    </message>
    <message>
        <source>Disbursed to the clients they brought themselves</source>
        <translation>其直接介绍的客户获得的放款总额</translation>
    </message>
    <message>
        <source>{direct} of the {n} brought directly</source>
        <translation>直接介绍的 {n} 位中有 {direct} 位</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>--loans goes with xlsx only; the {format} file has no loans.</source>
        <translation>--loans 仅用于 xlsx；{format} 文件不含贷款。</translation>
    </message>
    <message>
        <source>The vCard file holds full phone numbers (it is for a phone&apos;s contacts); --masked masks them.</source>
        <translation>vCard 文件包含完整电话号码（用于手机通讯录）；加 --masked 可隐藏部分号码。</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Exported {n} clients to {file}.</source>
        <translation>已导出 {n} 位客户到 {file}。</translation>
    </message>
    <message>
        <source>Unknown format {format}: use xlsx, csv or vcf.</source>
        <extracomment>progress(done, total) -&gt; False to cancel xlsx only: a second sheet with the clients&apos; loans (sensitive: off unless asked for)</extracomment>
        <translation type="vanished">不支持的格式 {format}：请用 xlsx、csv 或 vcf。</translation>
    </message>
    <message>
        <source>Unknown format {format}: use xlsx, csv, excel-csv or vcf.</source>
        <extracomment>&quot;excel-csv&quot;: a csv for Excel and LibreOffice Calc (crm.services.transfer.excel_csv). progress(done, total) -&gt; False to cancel xlsx only: a second sheet with the clients&apos; loans (sensitive: off unless asked for)</extracomment>
        <translation>未知格式 {format}：请使用 xlsx、csv、excel-csv 或 vcf。</translation>
    </message>
    <message>
        <source>Unknown column {column}.</source>
        <translation>没有 {column} 这一列。</translation>
    </message>
    <message>
        <source>{file} is not a regular file; choose a file name to export to.</source>
        <translation>{file} 不是普通文件；请选择一个要导出到的文件名。</translation>
    </message>
    <message>
        <source>{file} already exists; add --force to replace it.</source>
        <translation>{file} 已存在；加 --force 以覆盖它。</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Text starting with one of these is a formula to Excel and LibreOffice (OWASP CSV injection).</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>单位/店铺</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Form of address</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Keep in touch (days)</source>
        <translation>联系周期（天）</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>录入日期</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>lunar</source>
        <extracomment>Either is enough for the import to know the name. Headers that are phones by their pattern: Google&apos;s &quot;Phone 1 - Value&quot;, Outlook&apos;s &quot;Business Phone 2&quot; (normalised: &quot;phone1value&quot;, &quot;businessphone2&quot;). Fields several columns may feed (a 手机 and a 电话 column): their cells are joined.</extracomment>
        <translation>农历</translation>
    </message>
    <message>
        <source>leap</source>
        <translation>闰</translation>
    </message>
    <message>
        <source>Loans</source>
        <extracomment>The loans of these clients, each with where it stands today, in the clients&apos; order (``LoanService.for_clients``). progress(done, total) -&gt; False to cancel, over the exported clients</extracomment>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Client</source>
        <extracomment>(header, column width) in the sheet&apos;s order.</extracomment>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>贷款金额</translation>
    </message>
    <message>
        <source>Annual rate (%)</source>
        <translation>年利率（%）</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Loan status</source>
        <translation>贷款状态</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Next repayment</source>
        <translation>下次还款日</translation>
    </message>
    <message>
        <source>Next repayment amount</source>
        <translation>下次还款金额</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>&amp;Export clients…</source>
        <translation>导出客户(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check the book</source>
        <translation>检查客户簿(&amp;C)</translation>
    </message>
    <message>
        <source>Import clients from</source>
        <translation>从文件导入客户</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>No backup made</source>
        <translation>未能备份</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Prism backups (*.db)</source>
        <translation>Prism 备份 (*.db)</translation>
    </message>
    <message>
        <source>Restore the book?</source>
        <translation>恢复客户簿？</translation>
    </message>
    <message>
        <source>Replace the book with the backup of {date}? The book as it is now is backed up first, so this can be undone by restoring that backup.</source>
        <translation>用 {date} 的备份替换当前客户簿吗？当前的客户簿会先备份，之后可再恢复回来。</translation>
    </message>
    <message>
        <source>The book now opens with the backup&apos;s passphrase.</source>
        <translation>此后打开客户簿请使用该备份的密码。</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <source>This backup was protected with another passphrase than the book&apos;s. The backup&apos;s passphrase:</source>
        <translation>此备份使用的是与客户簿不同的另一个密码。备份的密码：</translation>
    </message>
    <message>
        <source>This backup is protected by a passphrase. The backup&apos;s passphrase:</source>
        <translation>此备份受密码保护。备份的密码：</translation>
    </message>
    <message>
        <source>Wrong passphrase. A forgotten passphrase cannot be recovered. The backup&apos;s passphrase:</source>
        <translation>密码错误。忘记的密码无法找回。备份的密码：</translation>
    </message>
    <message>
        <source>Restored the backup of {date}.</source>
        <translation>已恢复 {date} 的备份。</translation>
    </message>
    <message>
        <source>The book as it was is kept as {file}.</source>
        <translation>恢复前的客户簿已保存为 {file}。</translation>
    </message>
    <message>
        <source>Newest backup: {date}.</source>
        <translation>最近一次备份：{date}。</translation>
    </message>
    <message>
        <source>There is no backup yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Check the book</source>
        <translation>检查客户簿</translation>
    </message>
    <message>
        <source>The book passed its check ({n} clients).</source>
        <translation>客户簿检查通过（{n} 位客户）。</translation>
    </message>
    <message>
        <source>The book is damaged: {problem}</source>
        <translation>客户簿已损坏：{problem}</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>单位/店铺</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>归档时间</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Archived clients wait here with everything recorded about them. Restore puts them back in the book; Delete permanently erases them and all their records, for a client who asks to be forgotten.</source>
        <translation>已归档的客户连同全部记录都保存在这里。“恢复”会把客户放回客户簿；“永久删除”会抹去客户及其所有记录，用于客户要求删除个人信息的情况。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete permanently…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>{n} archived clients</source>
        <translation>已归档客户 {n} 位</translation>
    </message>
    <message>
        <source>Delete permanently?</source>
        <translation>永久删除？</translation>
    </message>
    <message>
        <source>Delete {n} client(s) permanently: {names}?

Their notes, contacts, promises and every other record about them are erased. This cannot be undone.</source>
        <translation>永久删除 {n} 位客户：{names}？

与他们有关的备注、联系记录、承诺等全部记录都会被抹去，且无法撤销。</translation>
    </message>
    <message>
        <source>Are you sure?</source>
        <translation>确定吗？</translation>
    </message>
    <message>
        <source>Last check: erase {n} client(s) and everything about them for good?</source>
        <translation>最后确认：永久抹去这 {n} 位客户及其全部记录？</translation>
    </message>
    <message>
        <source>Deleted {n} client(s) and {records} records.</source>
        <translation>已删除 {n} 位客户，共 {records} 条记录。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open Prism</source>
        <translation>打开棱镜</translation>
    </message>
    <message>
        <source>Today&apos;s reminders</source>
        <translation>今日提醒</translation>
    </message>
    <message>
        <source>Quit Prism</source>
        <translation>退出棱镜</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Nothing counted in these months</source>
        <translation>这几个月没有可统计的数据</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>Turnover</name>
    <message>
        <source>{value!r} is not a month: use YYYY-MM (2026-10).</source>
        <translation>{value!r} 不是月份：请用 YYYY-MM（如 2026-10）。</translation>
    </message>
    <message>
        <source>{month} has not ended yet: turnover is recorded for past months.</source>
        <translation>{month} 还没过完：只能录入已结束月份的流水。</translation>
    </message>
    <message>
        <source>The turnover must be 0 or more (in yuan, at most 100,000,000, to the fen).</source>
        <translation>流水须为 0 或以上（单位元，最多 100,000,000，精确到分）。</translation>
    </message>
    <message>
        <source>Row {row} is not a month and an amount (e.g. 2026-10, 125000); nothing imported.</source>
        <extracomment>True when the link was made from the other side (the other is the borrower this client guarantees, or the spouse who named them).</extracomment>
        <translation>第 {row} 行不是“月份、金额”（如 2026-10, 125000）；未导入任何数据。</translation>
    </message>
    <message>
        <source>The file has no month and amount rows.</source>
        <translation>文件里没有“月份、金额”行。</translation>
    </message>
</context>
<context>
    <name>TurnoverChart</name>
    <message>
        <source>No turnover yet</source>
        <translation>还没有流水</translation>
    </message>
</context>
<context>
    <name>TurnoverDialog</name>
    <message>
        <source>Monthly turnover</source>
        <translation>月度流水</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Turnover (yuan)</source>
        <translation>流水（元）</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The month must be 1 to 12, not {month}.</source>
        <translation>月份应在 1 到 12 之间，而不是 {month}。</translation>
    </message>
    <message>
        <source>The birth year must be between 1900 and {this_year}.</source>
        <translation>出生年份应在 1900 到 {this_year} 之间。</translation>
    </message>
    <message>
        <source>Only a lunar birthday can be in a leap month.</source>
        <translation>只有农历生日才能选闰月。</translation>
    </message>
    <message>
        <source>There is no day {day} in month {month}. Check the date.</source>
        <translation>{month} 月没有 {day} 日，请检查日期。</translation>
    </message>
    <message>
        <source>The birthday {date} is in the future.</source>
        <translation>生日 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>A lunar day must be 1 to 30, not {day}.</source>
        <translation>农历日应在 1 到 30 之间，而不是 {day}。</translation>
    </message>
    <message>
        <source>The lunar year {year} has no such day. Check the month, day and leap flag.</source>
        <translation>农历 {year} 年没有这一天，请检查月、日和闰月。</translation>
    </message>
    <message>
        <source>Enter the client&apos;s name; it is required.</source>
        <translation>请填写客户姓名，此项必填。</translation>
    </message>
    <message>
        <source>The name is {n} characters long; shorten it to {max} or fewer.</source>
        <translation>姓名有 {n} 个字，请缩短到 {max} 个字以内。</translation>
    </message>
    <message>
        <source>This is {n} characters long; shorten it to {max} or fewer.</source>
        <translation>此项有 {n} 个字，请缩短到 {max} 个字以内。</translation>
    </message>
    <message>
        <source>Keep in touch every 1 to 3650 days, not {n}.</source>
        <translation>联系周期应为 1 到 3650 天，而不是 {n}。</translation>
    </message>
    <message>
        <source>The notes are {n} characters long; keep them under {max}.</source>
        <translation>备注有 {n} 个字，请控制在 {max} 个字以内。</translation>
    </message>
    <message>
        <source>Enter the 18-character ID number.</source>
        <translation>请填写 18 位身份证号。</translation>
    </message>
    <message>
        <source>The ID number can only contain digits, with X allowed as the last character.</source>
        <translation>身份证号只能包含数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>This is a first-generation 15-digit ID number; those cards stopped being valid in 2013. Enter the 18-digit number from the client&apos;s current ID card.</source>
        <translation>这是第一代 15 位身份证号，2013 年起已停止使用。请填写客户现用身份证上的 18 位号码。</translation>
    </message>
    <message>
        <source>The ID number must be 18 characters; you entered {count}.</source>
        <translation>身份证号应为 18 位，您填写了 {count} 位。</translation>
    </message>
    <message>
        <source>Characters 7 to 14 of the ID number ({digits}) should be the birth date as YYYYMMDD but are not a real date: check those digits.</source>
        <translation>身份证号第 7 到 14 位（{digits}）应为出生日期（年月日），但不是有效日期，请检查这几位。</translation>
    </message>
    <message>
        <source>The birth date in the ID number ({date}, characters 7 to 14) is in the future: check those digits.</source>
        <translation>身份证号中的出生日期（{date}，第 7 到 14 位）晚于今天，请检查这几位。</translation>
    </message>
    <message>
        <source>The birth date in the ID number ({date}, characters 7 to 14) is before 1900: check those digits.</source>
        <translation>身份证号中的出生日期（{date}，第 7 到 14 位）早于 1900 年，请检查这几位。</translation>
    </message>
    <message>
        <source>The last character of the ID number does not match the others: check the digits, one of them is probably mistyped.</source>
        <translation>身份证号最后一位校验码不符，可能有数字输错，请检查。</translation>
    </message>
    <message>
        <source>Enter the 18-character unified social credit code.</source>
        <translation>请填写 18 位统一社会信用代码。</translation>
    </message>
    <message>
        <source>The unified social credit code must be 18 characters; you entered {count}.</source>
        <translation>统一社会信用代码应为 18 位，您填写了 {count} 位。</translation>
    </message>
    <message>
        <source>The unified social credit code cannot contain {chars}: it uses digits and capital letters except I, O, S, V and Z.</source>
        <translation>统一社会信用代码不能包含 {chars}：只能使用数字和除 I、O、S、V、Z 以外的大写字母。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of the unified social credit code are the region code and must be digits.</source>
        <translation>统一社会信用代码第 3 到 8 位是行政区划码，必须是数字。</translation>
    </message>
    <message>
        <source>The last character of the unified social credit code does not match the others: check the characters, one of them is probably mistyped.</source>
        <translation>统一社会信用代码最后一位校验码不符，可能有字符输错，请检查。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请填写电话号码。</translation>
    </message>
    <message>
        <source>A phone number cannot contain letters ({letters}): keep only the digits. Put an extension in the notes.</source>
        <translation>电话号码不能包含字母（{letters}），请只保留数字。分机号请写在备注里。</translation>
    </message>
    <message>
        <source>A phone number can only contain digits, spaces, dashes, brackets and a leading +: remove {chars}.</source>
        <translation>电话号码只能包含数字、空格、横线、括号和开头的 +，请删除 {chars}。</translation>
    </message>
    <message>
        <source>A Chinese mobile number has 11 digits; you entered {count}.</source>
        <translation>手机号应为 11 位，您填写了 {count} 位。</translation>
    </message>
    <message>
        <source>This phone number is too short: a mobile number has 11 digits, a landline 10 to 12 with its area code (e.g. 010-1234 5678).</source>
        <translation>电话号码太短：手机号为 11 位，带区号的座机号为 10 到 12 位（如 010-1234 5678）。</translation>
    </message>
    <message>
        <source>This landline number has no area code: add the area code in front, e.g. 010 for Beijing or 021 for Shanghai.</source>
        <translation>这个座机号缺少区号，请在前面加上区号，如北京 010、上海 021。</translation>
    </message>
    <message>
        <source>This is not a valid Chinese mobile number: check the first three digits.</source>
        <translation>这不是有效的手机号，请检查前三位。</translation>
    </message>
    <message>
        <source>A landline number with its area code has 10 to 12 digits, e.g. 010-1234 5678; you entered {count}.</source>
        <translation>带区号的座机号应为 10 到 12 位（如 010-1234 5678），您填写了 {count} 位。</translation>
    </message>
    <message>
        <source>This is not a valid landline number: check the area code and the digits.</source>
        <translation>这不是有效的座机号，请检查区号和号码。</translation>
    </message>
    <message>
        <source>This is not a valid phone number: check the digits.</source>
        <translation>这不是有效的电话号码，请检查。</translation>
    </message>
    <message>
        <source>This is not a valid international number: check the country code after + and the digits.</source>
        <translation>这不是有效的国际号码，请检查 + 后的国家代码和号码。</translation>
    </message>
    <message>
        <source>This is not a valid number for country code +{code}: check the digits.</source>
        <translation>这不是国家代码 +{code} 下的有效号码，请检查。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{option} {value}: the lunar calendar covers 1901–2099; give a year in that range, or leave the year out (MM-DD).</source>
        <translation>{option} {value}：农历只支持 1901–2099 年；请给出这个范围内的年份，或不写年份（MM-DD）。</translation>
    </message>
    <message>
        <source>Same phone or ID number as {who}. Nothing was added: look with crm show ID, or add --allow-duplicate to add a second client anyway.</source>
        <translation>与 {who} 的手机号或身份证号相同，未添加：可用 crm show ID 查看，或加上 --allow-duplicate 仍然添加。</translation>
    </message>
    <message>
        <source>warning: same phone or ID number as {who}.</source>
        <translation>提醒：与 {who} 的手机号或身份证号相同。</translation>
    </message>
    <message>
        <source>{name} (id {id}, archived)</source>
        <translation>{name}（编号 {id}，已归档）</translation>
    </message>
    <message>
        <source>--cadence {value!r}: give a number of days (1 to 3650), or &apos;default&apos;.</source>
        <translation>--cadence {value!r}：请给出天数（1 到 3650），或 &apos;default&apos;。</translation>
    </message>
    <message>
        <source>Archived {who}. crm restore CLIENT brings them back.</source>
        <translation>已归档 {who}。用 crm restore 客户 可以恢复。</translation>
    </message>
    <message>
        <source>Restored {who}.</source>
        <translation>已恢复 {who}。</translation>
    </message>
    <message>
        <source>Not archived, nothing to restore: {who}.</source>
        <translation>未归档，无需恢复：{who}。</translation>
    </message>
    <message>
        <source>Already archived: {who}.</source>
        <translation>已经归档：{who}。</translation>
    </message>
    <message>
        <source>No clients match.</source>
        <translation>没有符合条件的客户。</translation>
    </message>
    <message>
        <source>There is no backup file {file}. Give the path of a backup (crm check names the newest good one); to restore an archived client, give its id or name.</source>
        <translation>没有备份文件 {file}。请给出备份文件的路径（crm check 会列出最新的完好备份）；要恢复已归档的客户，请给出编号或姓名。</translation>
    </message>
    <message>
        <source>{problem} crm restore CLIENT... brings back archived clients (crm list --archived lists them); crm restore --backup FILE restores the book from a backup.</source>
        <translation>{problem} crm restore 客户… 恢复已归档的客户（crm list --archived 可列出）；crm restore --backup 文件 从备份恢复整个客户簿。</translation>
    </message>
    <message>
        <source>Give the archived clients to restore, or --backup FILE to restore the book.</source>
        <translation>请给出要恢复的已归档客户，或用 --backup 文件 恢复整个客户簿。</translation>
    </message>
    <message>
        <source>Birthday {value!r} is not YYYY-MM-DD or MM-DD (for example 1985-03-08).</source>
        <translation>生日 {value!r} 的格式不对，应为 YYYY-MM-DD 或 MM-DD（如 1985-03-08）。</translation>
    </message>
    <message>
        <source>Give either --birthday or --lunar-birthday, not both.</source>
        <translation>--birthday 和 --lunar-birthday 只能二选一。</translation>
    </message>
    <message>
        <source>--leap goes with --lunar-birthday.</source>
        <translation>--leap 需与 --lunar-birthday 一起使用。</translation>
    </message>
    <message>
        <source>Added {n} demo clients in {seconds:.1f} s.</source>
        <translation>已添加 {n} 位演示客户，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Nobody in the book has referred anyone yet.</source>
        <translation>客户簿里还没有人介绍过客户。</translation>
    </message>
    <message>
        <source>The book has no clients yet.</source>
        <translation>客户簿里还没有客户。</translation>
    </message>
    <message>
        <source>No thank-yous waiting: every referrer whose client borrows has been thanked.</source>
        <translation>没有待致谢的介绍人：客户已贷款的介绍人都已致谢。</translation>
    </message>
    <message>
        <source>archived</source>
        <extracomment>Deeper than this, tree lines stop indenting further (a 10,000-deep chain stays printable).</extracomment>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Chain: {chain}</source>
        <translation>转介绍链：{chain}</translation>
    </message>
    <message>
        <source>Not referred by anyone in the book (source: {source}).</source>
        <translation>不是客户簿中的人介绍的（来源：{source}）。</translation>
    </message>
    <message>
        <source>Brought {direct} directly and {indirect} indirectly.</source>
        <translation>直接介绍 {direct} 位，间接 {indirect} 位。</translation>
    </message>
    <message>
        <source>--top needs a number of 1 or more.</source>
        <translation>--top 需要 1 或更大的数字。</translation>
    </message>
    <message>
        <source>rank  direct  indirect  borrowers  referrer</source>
        <translation>排名  直接  间接  已贷款  介绍人</translation>
    </message>
    <message>
        <source>{id}: thank {referrer} for {client} (a borrower since {date})</source>
        <translation>{id}：感谢{referrer}介绍{client}（{date} 起为贷款客户）</translation>
    </message>
    <message>
        <source>Give one of: a CLIENT, --top N, --sources or --thanks.</source>
        <translation>请给出其中一项：客户、--top N、--sources 或 --thanks。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Next {days} days</source>
        <translation>未来 {days} 天</translation>
    </message>
    <message>
        <source>Done or dismissed</source>
        <translation>已完成或已忽略</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>没有待办提醒。</translation>
    </message>
    <message>
        <source>snoozed until {until}</source>
        <translation>推迟到 {until}</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Wrote {n} events to {path}.</source>
        <translation>已写入 {n} 个日程到 {path}。</translation>
    </message>
    <message>
        <source>Date {value!r} is not YYYY-MM-DD (for example 2027-06-18).</source>
        <translation type="vanished">日期 {value!r} 不是 YYYY-MM-DD 格式（例如 2027-06-18）。</translation>
    </message>
    <message>
        <source>No notes about {client} yet.</source>
        <translation>{client} 还没有备忘。</translation>
    </message>
    <message>
        <source>Nobody is due for contact.</source>
        <translation>目前没有需要联系的客户。</translation>
    </message>
    <message>
        <source>No open promises.</source>
        <translation>没有未兑现的承诺。</translation>
    </message>
    <message>
        <source>No late promises.</source>
        <translation>没有逾期的承诺。</translation>
    </message>
    <message>
        <source>Kept promise {id} to {client} ({promise}); logged as contact {contact}.</source>
        <translation>已兑现对 {client} 的承诺 {id}（{promise}），记为联系记录 {contact}。</translation>
    </message>
    <message>
        <source>Time {value!r} is not &apos;YYYY-MM-DD HH:MM&apos; (for example 2026-11-28 15:30).</source>
        <translation>时间 {value!r} 不是“YYYY-MM-DD HH:MM”格式（例如 2026-11-28 15:30）。</translation>
    </message>
    <message>
        <source>ask next time</source>
        <translation>下次问</translation>
    </message>
    <message>
        <source>Say what was said with --summary.</source>
        <translation>请用 --summary 写明沟通内容。</translation>
    </message>
    <message>
        <source>--outcome no-answer logs the call now; --when, --next and --next-due need an answer.</source>
        <translation>--outcome no-answer 记录的是此刻未接通的电话；--when、--next 和 --next-due 只用于接通的联系。</translation>
    </message>
    <message>
        <source>Done: {promise}</source>
        <translation>已办：{promise}</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>超期{n}天</translation>
    </message>
    <message>
        <source>{n} days late</source>
        <translation>逾期{n}天</translation>
    </message>
    <message>
        <source>{option} {value!r} is not a number.</source>
        <translation>{option} {value!r} 不是数字。</translation>
    </message>
    <message>
        <source>--months {value!r} is not a whole number of months.</source>
        <translation>--months {value!r} 不是整数月数。</translation>
    </message>
    <message>
        <source>Unknown method {value!r}: use one of {choices}.</source>
        <translation>未知的还款方式 {value!r}：请使用 {choices} 之一。</translation>
    </message>
    <message>
        <source>warning: {text}</source>
        <translation>警告：{text}</translation>
    </message>
    <message>
        <source>{method}: {amount} over {months} months at {rate}% a year</source>
        <translation>{method}：{amount}，{months} 个月，年利率 {rate}%</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>还款额</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Fee (taken at disbursement)</source>
        <translation>手续费（放款时收取）</translation>
    </message>
    <message>
        <source>Total interest</source>
        <translation>利息合计</translation>
    </message>
    <message>
        <source>Total repayment</source>
        <translation>还款总额</translation>
    </message>
    <message>
        <source>Annual rate (monthly IRR × 12)</source>
        <translation>年化利率（月 IRR × 12）</translation>
    </message>
    <message>
        <source>Annual rate, compounded monthly</source>
        <translation>年化利率（按月复利）</translation>
    </message>
    <message>
        <source>{option} {value}: that date does not exist.</source>
        <translation>{option} {value}：没有这一天。</translation>
    </message>
    <message>
        <source>{option} {value!r} is not a date: use YYYY-MM-DD (for example 2027-03-15).</source>
        <translation>{option} {value!r} 不是日期：请使用 YYYY-MM-DD 格式（例如 2027-03-15）。</translation>
    </message>
    <message>
        <source>… and {n} more (--limit to see more).</source>
        <translation>……还有 {n} 条（用 --limit 查看更多）。</translation>
    </message>
    <message>
        <source>{option} {value!r} is not a whole number.</source>
        <translation>{option} {value!r} 不是整数。</translation>
    </message>
    <message>
        <source>Unknown status {value!r}: use one of {choices}.</source>
        <translation>未知的状态 {value!r}：请使用 {choices} 之一。</translation>
    </message>
    <message>
        <source>Loan {id} is not one of {client}&apos;s loans.</source>
        <translation>贷款 {id} 不是 {client} 的贷款。</translation>
    </message>
    <message>
        <source>Loan {id} is now {status} ({date}).</source>
        <translation>贷款 {id} 现为“{status}”（{date}）。</translation>
    </message>
    <message>
        <source>No needs recorded.</source>
        <translation>尚无需求记录。</translation>
    </message>
    <message>
        <source>Loan {id} · {client} · {product} · {status}</source>
        <translation>贷款 {id} · {client} · {product} · {status}</translation>
    </message>
    <message>
        <source>No loans.</source>
        <translation>没有贷款。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Repayment day</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Auto-debit</source>
        <translation>自动扣款</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>担保人</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>抵押物</translation>
    </message>
    <message>
        <source>Renews loan</source>
        <translation>续贷自贷款</translation>
    </message>
    <message>
        <source>Overdue since</source>
        <translation>逾期起始日</translation>
    </message>
    <message>
        <source>Balance today</source>
        <translation>当前余额</translation>
    </message>
    <message>
        <source>Next repayment</source>
        <translation>下次还款</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <source>{rate}% a year</source>
        <translation>年利率 {rate}%</translation>
    </message>
    <message>
        <source>{rate}% a month ({annual}% a year)</source>
        <translation>月息 {rate}%（年利率 {annual}%）</translation>
    </message>
    <message>
        <source>Address as</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>联系频率</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Festival greetings</source>
        <translation>节日祝福</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加于</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新于</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档于</translation>
    </message>
    <message>
        <source>lunar {date}</source>
        <translation>农历{date}</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
    <message>
        <source>every {n} days (the default for the status)</source>
        <translation>每 {n} 天（按状态的默认值）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (opted out)</source>
        <translation>否（已谢绝）</translation>
    </message>
    <message>
        <source>{name} (id {id})</source>
        <translation>{name}（编号 {id}）</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>History</source>
        <translation>状态历史</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{key} is not an occasion for a greeting (promises, thank-yous and loans are not).</source>
        <translation>{key} 不是问候的场合（承诺、致谢和贷款提醒都不是）。</translation>
    </message>
    <message>
        <source>{key} is for many clients: say whom with --client CLIENT.</source>
        <translation>{key} 面向多位客户：请用 --client 客户 指定问候谁。</translation>
    </message>
    <message>
        <source>--touch {id}: that is not one of {client}&apos;s notes.</source>
        <translation>--touch {id}：这不是 {client} 的备忘。</translation>
    </message>
    <message>
        <source>Logged the greeting to {client} as sent.</source>
        <translation>已记下发给 {client} 的问候。</translation>
    </message>
    <message>
        <source>{client} gets no festival greetings now.</source>
        <translation>{client} 今后不再收到节日祝福。</translation>
    </message>
    <message>
        <source>{client} gets festival greetings again.</source>
        <translation>{client} 重新接收节日祝福。</translation>
    </message>
    <message>
        <source>Nothing recorded about {client} yet.</source>
        <translation>{client} 还没有任何记录。</translation>
    </message>
    <message>
        <source>next: {step}</source>
        <translation>下一步：{step}</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>No reminder {key} is open now or coming up; crm reminders --keys lists them with their keys.</source>
        <translation>没有未处理或即将到来的提醒 {key}；crm reminders --keys 会列出提醒及其标识。</translation>
    </message>
    <message>
        <source>Done: {title}.</source>
        <translation>已完成：{title}。</translation>
    </message>
    <message>
        <source>Dismissed: {title}.</source>
        <translation>已忽略：{title}。</translation>
    </message>
    <message>
        <source>Open again: {title}.</source>
        <translation>已重新打开：{title}。</translation>
    </message>
    <message>
        <source>Snoozed until {until}: {title}.</source>
        <translation>已推迟到 {until}：{title}。</translation>
    </message>
    <message>
        <source>--until {value!r}: give a time to come, &apos;YYYY-MM-DD HH:MM&apos; (for example {example}).</source>
        <translation>--until {value!r}：请给出将来的时间，格式 &apos;YYYY-MM-DD HH:MM&apos;（例如 {example}）。</translation>
    </message>
    <message>
        <source>There is no open thank-you {id}; crm referrals --thanks lists them.</source>
        <translation>没有待处理的致谢 {id}；crm referrals --thanks 会列出它们。</translation>
    </message>
    <message>
        <source>Thanked {referrer} for {client}; logged as contact {contact}.</source>
        <translation>已感谢 {referrer} 介绍 {client}，记为联系记录 {contact}。</translation>
    </message>
    <message>
        <source>No resources yet: crm resource add --name NAME adds one.</source>
        <translation>还没有资源：用 crm resource add --name 名称 添加。</translation>
    </message>
    <message>
        <source>Nothing shared yet.</source>
        <translation>还没有分享记录。</translation>
    </message>
    <message>
        <source>There is no resource with id {id}.</source>
        <translation>没有编号为 {id} 的资源。</translation>
    </message>
    <message>
        <source>times shared: {n}</source>
        <translation>分享次数：{n}</translation>
    </message>
    <message>
        <source>Archived resource {id} ({name}).</source>
        <translation>已归档资源 {id}（{name}）。</translation>
    </message>
    <message>
        <source>Resource {id} ({name}) is back in the list.</source>
        <translation>资源 {id}（{name}）已恢复到列表。</translation>
    </message>
    <message>
        <source>Give a RESOURCE_ID or --client CLIENT, not both.</source>
        <translation>请给出资源编号或 --client 客户，二者选一。</translation>
    </message>
    <message>
        <source>Removed share {id}.</source>
        <translation>已删除分享记录 {id}。</translation>
    </message>
    <message>
        <source>The period ends ({to}) before it starts ({first}).</source>
        <translation>结束日期（{to}）早于开始日期（{first}）。</translation>
    </message>
    <message>
        <source>Wrote {pdf} and {markdown}</source>
        <translation>已生成 {pdf} 和 {markdown}</translation>
    </message>
    <message>
        <source>Say one of --received, --missing or --expires DATE.</source>
        <translation>请指定 --received、--missing 或 --expires 日期 之一。</translation>
    </message>
    <message>
        <source>{item}: {state}.</source>
        <translation>{item}：{state}。</translation>
    </message>
    <message>
        <source>Logged as a contact ({id}).</source>
        <translation>已记为一次联系（{id}）。</translation>
    </message>
    <message>
        <source>Unknown kind {value!r}: use one of {choices}.</source>
        <translation>未知类型 {value!r}：可选 {choices}。</translation>
    </message>
    <message>
        <source>--funds-ok {value!r}: say yes or no.</source>
        <translation>--funds-ok {value!r}：请写 yes 或 no。</translation>
    </message>
    <message>
        <source>Loan {id} · {product} · {name}</source>
        <translation>贷款 {id} · {product} · {name}</translation>
    </message>
    <message>
        <source>Next checks:</source>
        <translation>下次检查：</translation>
    </message>
    <message>
        <source>late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Unknown signal {value!r}: use one of {choices}.</source>
        <translation>未知信号 {value!r}：可选 {choices}。</translation>
    </message>
    <message>
        <source>Say --add KIND or --close SIGNAL_ID (with --note).</source>
        <translation>请用 --add 类型 或 --close 信号编号（加 --note）。</translation>
    </message>
    <message>
        <source>Unknown role {value!r}: use one of {choices}.</source>
        <translation>未知关系 {value!r}：可选 {choices}。</translation>
    </message>
    <message>
        <source>No open risk signals.</source>
        <translation>没有未关闭的风险信号。</translation>
    </message>
    <message>
        <source>Signal {id} closed.</source>
        <translation>信号 {id} 已关闭。</translation>
    </message>
    <message>
        <source>--month and --amount go together.</source>
        <translation>--month 和 --amount 需同时给出。</translation>
    </message>
    <message>
        <source>6-month average</source>
        <translation>近6个月均值</translation>
    </message>
    <message>
        <source>Volatility (CV)</source>
        <translation>波动（变异系数）</translation>
    </message>
    <message>
        <source>Busy months</source>
        <translation>旺季月份</translation>
    </message>
    <message>
        <source>Passphrase of the book: </source>
        <translation>客户簿口令：</translation>
    </message>
    <message>
        <source>Passphrase of the backup: </source>
        <translation>备份的口令：</translation>
    </message>
    <message>
        <source>The backup was protected with another passphrase than the book&apos;s. Passphrase of the backup: </source>
        <translation>此备份使用的是与客户簿不同的另一个密码。备份的密码：</translation>
    </message>
    <message>
        <source>The backup {path} was protected with another passphrase than the book&apos;s: give that one on a terminal, in PRISM_BACKUP_PASSPHRASE or as a second line of --passphrase-fd (nothing was changed).</source>
        <translation>备份 {path} 使用的是与客户簿不同的另一个密码：请在终端输入、放入 PRISM_BACKUP_PASSPHRASE，或作为 --passphrase-fd 的第二行提供（未做任何改动）。</translation>
    </message>
    <message>
        <source>Note: the book is protected, but the file written is not encrypted; keep it safe and delete it when done.</source>
        <translation>注意：客户簿受口令保护，但导出的文件没有加密；请妥善保管，用完即删。</translation>
    </message>
    <message>
        <source>The book is already protected.</source>
        <translation>客户簿已经受口令保护。</translation>
    </message>
    <message>
        <source>The passphrases differ; nothing done.</source>
        <translation>两次输入的口令不一致；未做任何更改。</translation>
    </message>
    <message>
        <source>An empty passphrase protects nothing.</source>
        <translation>空口令起不到保护作用。</translation>
    </message>
    <message>
        <source>The book is not protected.</source>
        <translation>客户簿没有口令保护。</translation>
    </message>
    <message>
        <source>The book is no longer protected.</source>
        <translation>客户簿已取消口令保护。</translation>
    </message>
    <message>
        <source>Prism&apos;s window has the book open; close it first.</source>
        <translation>Prism 窗口正打开着客户簿；请先关闭它。</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>The same passphrase again: </source>
        <translation>再输入一次口令：</translation>
    </message>
    <message>
        <source>No passphrase: give it on a terminal, in PRISM_PASSPHRASE or with --passphrase-fd N.</source>
        <translation>没有口令：请在终端输入，或通过 PRISM_PASSPHRASE 或 --passphrase-fd N 提供。</translation>
    </message>
    <message>
        <source>The book is now protected. Keep the passphrase safe: a forgotten passphrase cannot be recovered, and nobody can open the book without it.</source>
        <translation>客户簿已受口令保护。请妥善保管口令：忘记的口令无法找回，没有口令谁也打不开客户簿。</translation>
    </message>
</context>
</TS>
