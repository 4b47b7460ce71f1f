<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Prism is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Prism has this book open ({path}). Use that window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prism cannot open the book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BirthdayEdit</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leap month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookError</name>
    <message>
        <source>There is no Prism book at {path}.</source>
        <extracomment>Stamped into the SQLite header (PRAGMA application_id) so we know our own files: &apos;PRSM&apos;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is an empty file, not a Prism book. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a Prism book (not a database). It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is another program&apos;s database, not a Prism book. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book {path} is busy in another Prism window or command. Close the other one and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book {path} is read-only. Check the file&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not read or write {path}. Check the drive and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book {path} cannot be opened. Check the folder exists and is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is damaged or is not a Prism book. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Prism (schema {revision}). Update Prism to open it; the book was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name, e.g. 张伟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>13812345678, 010-12345678 (separate with commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18-character resident ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use birthday and gender from the ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18-character unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. 老客户, 经营贷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}

Your input is still in the form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientPane</name>
    <message>
        <source>Show numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the full phone and ID numbers of this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client to see their details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {created}, updated {updated}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunar {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next {date} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Lunar {date}</source>
        <extracomment>The SQL sort key behind each column (crm.services.client_query.SORT_SQL).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Clients</name>
    <message>
        <source>No client is named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} clients are named {name}; use the id instead: {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no client with id {id}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Restore {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, pinyin (zhangsan), initials (zs), phone digits, shop, tag</source>
        <extracomment>the id of the client now shown in the pane (None: nothing selected)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived clients, to restore them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {n} client(s): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived {n} client(s): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sole proprietor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former borrower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Festival</name>
    <message>
        <source>New Year&apos;s Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laba Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese New Year&apos;s Eve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qingming Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qixi Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Prism — client book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show full phone numbers in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Prism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Prism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prism (棱镜) {version}

A client book for loan officers: remember people, keep promises, never miss a greeting.

Book: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The month must be 1 to 12, not {month}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth year must be between 1900 and {this_year}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a lunar birthday can be in a leap month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no day {day} in month {month}. Check the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birthday {date} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lunar day must be 1 to 30, not {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lunar year {year} has no such day. Check the month, day and leap flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client&apos;s name; it is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is {n} characters long; shorten it to {max} or fewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is {n} characters long; shorten it to {max} or fewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are {n} characters long; keep them under {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 18-character ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number can only contain digits, with X allowed as the last character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a first-generation 15-digit ID number; those cards stopped being valid in 2013. Enter the 18-digit number from the client&apos;s current ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number must be 18 characters; you entered {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 7 to 14 of the ID number ({digits}) should be the birth date as YYYYMMDD but are not a real date: check those digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the ID number ({date}, characters 7 to 14) is in the future: check those digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the ID number ({date}, characters 7 to 14) is before 1900: check those digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of the ID number does not match the others: check the digits, one of them is probably mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 18-character unified social credit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unified social credit code must be 18 characters; you entered {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unified social credit code cannot contain {chars}: it uses digits and capital letters except I, O, S, V and Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 3 to 8 of the unified social credit code are the region code and must be digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of the unified social credit code does not match the others: check the characters, one of them is probably mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number cannot contain letters ({letters}): keep only the digits. Put an extension in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number can only contain digits, spaces, dashes, brackets and a leading +: remove {chars}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Chinese mobile number has 11 digits; you entered {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short: a mobile number has 11 digits, a landline 10 to 12 with its area code (e.g. 010-1234 5678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This landline number has no area code: add the area code in front, e.g. 010 for Beijing or 021 for Shanghai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid Chinese mobile number: check the first three digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A landline number with its area code has 10 to 12 digits, e.g. 010-1234 5678; you entered {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid landline number: check the area code and the digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid phone number: check the digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid international number: check the country code after + and the digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid number for country code +{code}: check the digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Birthday {value!r} is not YYYY-MM-DD or MM-DD (for example 1985-03-08).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --birthday or --lunar-birthday, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--leap goes with --lunar-birthday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {n} demo clients in {seconds:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
