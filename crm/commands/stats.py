"""`crm stats` (the officer's figures for a period) and `crm report` (the self-review PDF with
an editable Markdown beside it)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm.commands.base import CliContext, CommandError, add_json_flag
from crm.domain.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crm.domain.stats import Figure, Period

_BAD_PERIOD = QT_TRANSLATE_NOOP("cli", "The period ends ({to}) before it starts ({first}).")
_WROTE = QT_TRANSLATE_NOOP("cli", "Wrote {pdf} and {markdown}")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _add_period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="first", type=_date, help="first day (default: month start)")
    p.add_argument("--to", dest="last", type=_date, help="last day (default: month end)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("stats", help="the officer's figures for a period")
    _add_period(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("report", help="the self-review: a PDF and an editable Markdown")
    _add_period(p)
    p.add_argument("--out", required=True, type=Path, help="the PDF to write (.pdf)")
    # Also accepted after the command, as the issue shows it; crm.cli reads args.lang.
    p.add_argument("--lang", default=argparse.SUPPRESS, help="language, e.g. zh_CN or en")
    p.set_defaults(handler=cmd_report)


def _period(args: argparse.Namespace, ctx: CliContext) -> Period:
    from crm.domain.stats import Period, month_of

    month = month_of(ctx.clock.today())
    first, last = args.first or month.start, args.last or month.end
    if last < first:
        raise CommandError(_BAD_PERIOD.with_(first=first, to=last))
    return Period(first, last)


def figure_json(figure: Figure, ctx: CliContext) -> dict[str, Any]:
    from crm.domain.stats import ratio_text, value_text

    d = figure.definition
    return {
        "key": d.key,
        "title": ctx.text(d.title),
        "definition": ctx.text(d.definition),
        "unit": d.unit.value,
        "available": figure.available,
        "value": None if figure.value is None else str(round(figure.value, 6)),
        "text": value_text(figure),
        "numerator": str(figure.numerator) if figure.available else None,
        "denominator": None if figure.denominator is None else str(figure.denominator),
        "counted": ratio_text(figure),
        "parts": [{"label": ctx.text(m), "count": n} for m, n in figure.parts],
    }


def cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.commands.loans import _left, _right, _width  # terminal columns: 中文 takes two
    from crm.services.review_doc import figure_row

    period = _period(args, ctx)
    figures = ctx.services.stats.figures(period)
    if ctx.json:
        ctx.print_json(
            {
                "from": period.start.isoformat(),
                "to": period.end.isoformat(),
                "figures": [figure_json(f, ctx) for f in figures],
            }
        )
        return 0
    ctx.print(f"{period.start.isoformat()} – {period.end.isoformat()}")
    rows = [figure_row(f, ctx.text) for f in figures]
    width = max(_width(t) for t, _, _ in rows)
    for title, value, counted in rows:
        ctx.print(f"{_left(title, width)}  {_right(value, 8)}  {counted}".rstrip())
    return 0


def cmd_report(args: argparse.Namespace, ctx: CliContext) -> int:
    import importlib

    period = _period(args, ctx)
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    review = ctx.services.stats.review(period)
    # The PDF is laid out by Qt (QTextDocument, QPdfWriter: the loan schedule's way, with
    # its CJK font embedded), so this one command loads Qt's GUI module, as crm.cli loads
    # the GUI: by name, only here, never when the parser is built.
    writer = importlib.import_module("crm.ui.dashboard.report_pdf")
    try:
        markdown = writer.write_review(review, out, ctx.translate)
    except OSError as exc:
        raise CommandError(str(exc)) from None
    ctx.print(ctx.text(_WROTE.with_(pdf=out, markdown=markdown)))
    return 0
