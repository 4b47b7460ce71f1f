<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>App</name>
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
      <extracomment>Stamped into the SQLite header (PRAGMA application_id) so we know our own files: 'PRSM'.</extracomment>
      <translation>{path} 处没有棱镜客户簿。</translation>
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
      <source>{path} is another program's database, not a Prism book. It was left untouched.</source>
      <translation>{path} 是其他程序的数据库，不是棱镜客户簿。文件未做任何改动。</translation>
    </message>
    <message>
      <source>The book {path} is busy in another Prism window or command. Close the other one and try again.</source>
      <translation>客户簿 {path} 正被另一个棱镜窗口或命令占用。请关闭那个后重试。</translation>
    </message>
    <message>
      <source>The disk holding {path} is full. Free some space and try again.</source>
      <translation>存放 {path} 的磁盘已满。请腾出空间后重试。</translation>
    </message>
    <message>
      <source>The book {path} is read-only. Check the file's permissions.</source>
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
      <translation>{path} 已损坏或不是棱镜客户簿。文件未做任何改动。</translation>
    </message>
    <message>
      <source>{path} was written by a newer version of Prism (schema {revision}). Update Prism to open it; the book was left untouched.</source>
      <translation>{path} 由更新版本的棱镜写入（结构版本 {revision}）。请升级棱镜后再打开；客户簿未做任何改动。</translation>
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
      <source>Notes</source>
      <translation>备注</translation>
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
    <name>ClientPane</name>
    <message>
      <source>Show numbers</source>
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
      <extracomment>The SQL sort key behind each column (crm.services.client_query.SORT_SQL).</extracomment>
      <translation>农历{date}</translation>
    </message>
    <message>
      <source>Name</source>
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
  </context>
  <context>
    <name>Clients</name>
    <message>
      <source>No client is named {name}.</source>
      <translation>没有名为 {name} 的客户。</translation>
    </message>
    <message>
      <source>{n} clients are named {name}; use the id instead: {ids}.</source>
      <translation>有 {n} 位客户名为 {name}，请改用编号：{ids}。</translation>
    </message>
    <message>
      <source>There is no client with id {id}.</source>
      <translation>没有编号为 {id} 的客户。</translation>
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
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>归档</translation>
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
    <name>Enum</name>
    <message>
      <source>Person</source>
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
  </context>
  <context>
    <name>Festival</name>
    <message>
      <source>New Year's Day</source>
      <translation>元旦</translation>
    </message>
    <message>
      <source>Laba Festival</source>
      <translation>腊八</translation>
    </message>
    <message>
      <source>Chinese New Year's Eve</source>
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
    <name>MainWindow</name>
    <message>
      <source>Prism — client book</source>
      <translation>棱镜 — 客户簿</translation>
    </message>
    <message>
      <source>Clients</source>
      <translation>客户</translation>
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
      <source>Enter the client's name; it is required.</source>
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
      <source>This is a first-generation 15-digit ID number; those cards stopped being valid in 2013. Enter the 18-digit number from the client's current ID card.</source>
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
  </context>
</TS>
