"""Column types shared by the tables."""

from pydantic import NaiveDatetime

#: A timestamp in the officer's local wall-clock time, stored without a zone. Prism is one
#: person's book on one laptop; reminders and "today" are local, so UTC would only add
#: conversions. (SQLModel otherwise insists on aware datetimes.)
LocalDateTime = NaiveDatetime
