"""The self-review as text: HTML for the PDF (the subset ``QTextDocument`` lays out) and the
same in Markdown beside it, for the officer to edit before printing. Pure string building;
texts are translated by the caller's ``translate`` (the CLI's or Qt's).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.domain.risk import RiskKind
from crm.domain.stats import Figure, ratio_text, value_text
from crm.services.review import Review

TITLE = QT_TRANSLATE_NOOP("Review", "Self-review {first} – {last}")
PREPARED = QT_TRANSLATE_NOOP("Review", "Prepared by Prism on {day} from the client book.")
FIGURES = QT_TRANSLATE_NOOP("Review", "The figures")
FIGURE = QT_TRANSLATE_NOOP("Review", "Figure")
VALUE = QT_TRANSLATE_NOOP("Review", "Value")
COUNTED = QT_TRANSLATE_NOOP("Review", "Counted")
NOT_AVAILABLE = QT_TRANSLATE_NOOP("Review", "not available yet")
TRENDS = QT_TRANSLATE_NOOP("Review", "Twelve months")
DEFINITIONS = QT_TRANSLATE_NOOP("Review", "What each figure means")
HIGHLIGHTS = QT_TRANSLATE_NOOP("Review", "Highlights from the book")
CHAINS = QT_TRANSLATE_NOOP("Review", "The longest referral chains")
CHAIN = QT_TRANSLATE_NOOP(
    "Review", "{root}: {depth} steps deep, {people} people referred, {joined} of them this period"
)
NO_CHAINS = QT_TRANSLATE_NOOP("Review", "No referral chain yet.")
RENEWALS = QT_TRANSLATE_NOOP("Review", "Renewals: {count} loans renewed in the period")
RENEWAL = QT_TRANSLATE_NOOP("Review", "{client}: {product} {amount} on {day}")
PROMISES = QT_TRANSLATE_NOOP(
    "Review", "Promises kept: {kept} in the period, {on_time} of them on time"
)
PROMISE = QT_TRANSLATE_NOOP("Review", "{client}: {text} (due {due}, kept {kept})")
RISK = QT_TRANSLATE_NOOP("Review", "Risk cases handled: {count} closed in the period")
RISK_CASE = QT_TRANSLATE_NOOP(
    "Review", "{client}: {kind}, noticed {opened}, closed {closed}. How: {how}"
)
NO_RISK = QT_TRANSLATE_NOOP("Review", "No risk signal was closed in the period.")
YOUR_PART = QT_TRANSLATE_NOOP("Review", "In my own words")
PROMPTS = (
    QT_TRANSLATE_NOOP("Review", "What went well, and why"),
    QT_TRANSLATE_NOOP("Review", "What I learned"),
    QT_TRANSLATE_NOOP("Review", "What I will change"),
    QT_TRANSLATE_NOOP("Review", "Clients I want to thank"),
)

#: How a chart is named in the document: the PDF writer adds the image under this name.
ChartName = Callable[[str], str]


def chart_name(key: str) -> str:
    return f"chart-{key}.png"


def _money(value: object) -> str:
    return f"{value:,}"


def figure_row(figure: Figure, tr: Callable[[Msg], str]) -> tuple[str, str, str]:
    """(title, value, what was counted) as printed in the table and by `crm stats`."""
    if not figure.available:
        return tr(figure.definition.title), "–", tr(NOT_AVAILABLE)
    counted = ratio_text(figure)
    if figure.parts:
        counted = ", ".join(f"{tr(label)} {n}" for label, n in figure.parts)
    return tr(figure.definition.title), value_text(figure), counted


def _highlight_lines(review: Review, tr: Callable[[Msg], str]) -> list[tuple[str, list[str]]]:
    h = review.highlights
    chains = [
        tr(CHAIN.with_(root=c.root, depth=c.depth, people=c.people, joined=c.joined))
        for c in h.chains
    ] or [tr(NO_CHAINS)]
    renewals = [
        tr(RENEWAL.with_(client=r.client, product=r.product, amount=_money(r.amount), day=r.on))
        for r in h.latest_renewals
    ]
    promises = [
        tr(PROMISE.with_(client=p.client, text=p.text, due=p.due, kept=p.kept))
        for p in h.latest_promises
    ]
    risks = [
        tr(
            RISK_CASE.with_(
                client=r.client,
                kind=tr(_kind(r.kind).label),
                opened=r.opened.isoformat(),
                closed=r.closed.isoformat(),
                how=r.how,
            )
        )
        for r in h.risk_cases
    ] or [tr(NO_RISK)]
    return [
        (tr(CHAINS), chains),
        (tr(RENEWALS.with_(count=h.renewals)), renewals),
        (tr(PROMISES.with_(kept=h.promises_kept, on_time=h.promises_on_time)), promises),
        (tr(RISK.with_(count=h.risks_closed)), risks),
    ]


def _kind(value: str) -> RiskKind:
    return RiskKind(value) if value in RiskKind._value2member_map_ else RiskKind.OTHER


def _tr(translate: Translate) -> Callable[[Msg], str]:
    return lambda m: m.render(translate)


def title(review: Review, translate: Translate) -> str:
    p = review.period
    return TITLE.with_(first=p.start.isoformat(), last=p.end.isoformat()).render(translate)


def review_html(review: Review, translate: Translate, charts: ChartName = chart_name) -> str:
    tr = _tr(translate)
    rows = "".join(
        f'<tr><td width="42%">{escape(t)}</td><td width="12%" class="v">{escape(v)}</td>'
        f'<td width="4%"></td><td width="42%" class="n">{escape(n)}</td></tr>'
        for t, v, n in (figure_row(f, tr) for f in review.figures)
    )
    chart_cells = "".join(
        f'<td width="50%" align="center"><img src="{charts(t.key)}" width="300"/></td>'
        + ("</tr><tr>" if i % 2 else "")
        for i, t in enumerate(review.trends)
    )
    highlights = "".join(
        f"<h3>{escape(head)}</h3>"
        + (
            "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
            if lines
            else ""
        )
        for head, lines in _highlight_lines(review, tr)
    )
    definitions = "".join(
        f"<p><b>{escape(tr(f.definition.title))}</b>: {escape(tr(f.definition.definition))}</p>"
        for f in review.figures
    )
    prompts = "".join(
        f"<h3>{escape(tr(p))}</h3>"
        '<table width="100%" border="1" cellspacing="0" cellpadding="6" class="box">'
        "<tr><td>" + "<br/>" * 7 + "</td></tr></table>"
        for p in PROMPTS
    )
    return f"""<html><head><style>
h1 {{ font-size: 17pt; margin-bottom: 2pt; }}
h2 {{ font-size: 13pt; margin-top: 14pt; color: #1e3a8a; }}
h3 {{ font-size: 10.5pt; margin-top: 8pt; margin-bottom: 2pt; }}
p.prepared {{ color: #4b5563; margin-top: 0; }}
table.figures th {{ background-color: #dbeafe; padding: 3pt 6pt; text-align: left; }}
table.figures th.v {{ text-align: right; }}
table.figures td {{ padding: 2pt 6pt; border-bottom: 1px solid #e5e7eb; }}
table.figures td.v {{ text-align: right; font-weight: bold; }}
table.figures td.n {{ color: #4b5563; }}
table.box {{ border-color: #9ca3af; }}
</style></head><body>
<h1>{escape(title(review, translate))}</h1>
<p class="prepared">{escape(tr(PREPARED.with_(day=review.prepared_on.isoformat())))}</p>
<h2>{escape(tr(FIGURES))}</h2>
<table class="figures" width="100%" cellspacing="0" cellpadding="2">
<thead><tr><th>{escape(tr(FIGURE))}</th><th class="v">{escape(tr(VALUE))}</th><th></th>
<th>{escape(tr(COUNTED))}</th></tr></thead><tbody>{rows}</tbody></table>
<p></p><h2>{escape(tr(TRENDS))}</h2>
<table width="100%" cellspacing="0" cellpadding="4"><tr>{chart_cells}</tr></table>
<h2>{escape(tr(HIGHLIGHTS))}</h2>
{highlights}
<h2>{escape(tr(YOUR_PART))}</h2>
{prompts}
<h2>{escape(tr(DEFINITIONS))}</h2>
{definitions}
</body></html>"""


def review_markdown(review: Review, translate: Translate) -> str:
    """The same review in Markdown: edit it, then print it from any editor."""
    tr = _tr(translate)
    out = [f"# {title(review, translate)}", "", tr(PREPARED.with_(day=review.prepared_on)), ""]
    out += [f"## {tr(FIGURES)}", "", f"| {tr(FIGURE)} | {tr(VALUE)} | {tr(COUNTED)} |"]
    out.append("|---|---:|---|")
    out += [f"| {t} | {v} | {n} |" for t, v, n in (figure_row(f, tr) for f in review.figures)]
    out += ["", f"## {tr(HIGHLIGHTS)}", ""]
    for head, lines in _highlight_lines(review, tr):
        out += [f"### {head}", ""] + [f"- {line}" for line in lines] + [""]
    out += [f"## {tr(YOUR_PART)}", ""]
    for p in PROMPTS:
        out += [f"### {tr(p)}", "", "…", "", ""]
    out += [f"## {tr(DEFINITIONS)}", ""]
    out += [
        f"- **{tr(f.definition.title)}**: {tr(f.definition.definition)}" for f in review.figures
    ]
    return "\n".join(out) + "\n"
