"""`crm export`, `crm import`, `crm backup`, `crm restore FILE`, `crm check`.

`crm restore` already restores archived clients (crm.commands.clients); given one argument
that is an existing file, it restores the book from that backup file instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crm.commands.base import CliContext, CommandError, add_json_flag
from crm.domain.enums import ClientStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

if TYPE_CHECKING:
    from crm.services.safekeeping import SafekeepingService


def _unopened(ctx: CliContext) -> SafekeepingService:
    """Safekeeping for `crm check` and `crm restore FILE`: they look at or replace the book
    file as it is, so it is neither opened, migrated nor created."""
    from crm.services.safekeeping import SafekeepingService

    return SafekeepingService.for_folder(ctx.data_dir, ctx.clock)


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.client_query import ClientFilter
    from crm.services.transfer.export import ExportError, ExportOptions
    from crm.services.transfer.fields import DEFAULT_COLUMNS

    out = Path(args.out)
    fmt = args.format or (out.suffix.lstrip(".").lower() or "xlsx")
    columns = tuple(c.strip() for c in args.columns.split(",")) if args.columns else DEFAULT_COLUMNS
    f = ClientFilter(
        text=args.search or "", status=args.status, tag=args.tag, archived=args.archived
    )
    services = ctx.services
    ids = services.client_query.ids(f)
    from crm.commands.security import warn_if_protected

    warn_if_protected(ctx)  # the file written is plain
    if args.loans and fmt != "xlsx":
        # A notice, not an error: the clients are still exported (on stderr: --json stays JSON).
        note = QT_TRANSLATE_NOOP(
            "Transfer", "--loans goes with xlsx only; the {format} file has no loans."
        )
        print(ctx.text(note.with_(format=fmt)), file=sys.stderr)
    # A vCard is for a phone's contacts, where a masked number cannot be dialled: full numbers
    # unless --masked, and said on stderr (it holds no ID numbers).
    unmasked = args.unmasked or (fmt == "vcf" and not args.masked)
    if fmt == "vcf" and unmasked and not args.unmasked:
        note = QT_TRANSLATE_NOOP(
            "Transfer",
            "The vCard file holds full phone numbers (it is for a phone's contacts); "
            "--masked masks them.",
        )
        print(ctx.text(note), file=sys.stderr)
    options = ExportOptions(
        format=fmt,
        columns=columns,
        unmasked=unmasked,
        encoding="gb18030" if args.encoding == "gb18030" else "utf-8-sig",
        sheet_title=ctx.text(QT_TRANSLATE_NOOP("Transfer", "Clients")),
        loans=args.loans and fmt == "xlsx",
    )
    try:
        n = services.transfer.export(ids, out, options, ctx.translate, overwrite=args.force)
    except ExportError as exc:
        raise CommandError(exc.message) from None
    except OSError as exc:
        raise CommandError(f"{out}: {exc.strerror or exc}") from None
    if ctx.json:
        ctx.print_json({"exported": n, "file": str(out)})
    else:
        ctx.print(
            ctx.text(
                QT_TRANSLATE_NOOP("Transfer", "Exported {n} clients to {file}.").with_(
                    n=n, file=str(out)
                )
            )
        )
    return 0


def _mapping(headers: list[str], spec: str | None, ctx: CliContext) -> list[str | None]:
    from crm.services.transfer.fields import IMPORTABLE, normalise_header, suggest_mapping

    mapping = suggest_mapping(headers, ctx.translate)
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        header, _, key = part.partition("=")
        key = key.strip()
        wanted = normalise_header(header)
        hits = [i for i, h in enumerate(headers) if normalise_header(h) == wanted]
        if not hits or (key not in IMPORTABLE and key not in ("", "-")):
            raise CommandError(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "--mapping {part}: use COLUMN=FIELD with a column of the file and one of "
                    "{fields} (or - to ignore the column).",
                ).with_(part=part.strip(), fields=", ".join(IMPORTABLE))
            )
        for i in hits:
            mapping[i] = key if key not in ("", "-") else None
    return mapping


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.services.transfer.import_ import ImportRefused
    from crm.services.transfer.reader import FileRefused

    transfer = ctx.services.transfer
    try:
        table = transfer.read_file(Path(args.file), sheet=args.sheet, header_row=args.header_row)
        mapping = _mapping(table.headers, args.mapping, ctx)
        preview = transfer.preview(table, mapping, ctx.translate)
    except (FileRefused, ImportRefused) as exc:
        raise CommandError(exc.message) from None
    report = preview.report(ctx.translate)
    if args.report:
        transfer.save_report(Path(args.report), preview, ctx.translate)
    if not ctx.json:
        for row, column, reason in report:
            ctx.print(
                ctx.text(
                    QT_TRANSLATE_NOOP("Import", "row {row}, {column}: {reason}").with_(
                        row=row, column=column, reason=reason
                    )
                )
            )
    if not ctx.json and (preview.unmapped or preview.other_sheets):
        # Nothing of the file is left out unsaid (on stderr: it is a notice, stdout stays data).
        note = QT_TRANSLATE_NOOP("Import", "Not imported: columns {columns}; sheets {sheets}.")
        print(
            ctx.text(
                note.with_(
                    columns=", ".join(preview.unmapped) or "-",
                    sheets=", ".join(preview.other_sheets) or "-",
                )
            ),
            file=sys.stderr,
        )
    bad = len(preview.bad)
    dups = len(preview.duplicates)
    result: dict[str, object] = {
        "not_imported": {"columns": preview.unmapped, "sheets": list(preview.other_sheets)},
        "rows": len(preview.rows),
        "bad": bad,
        "duplicates": dups,
        "problems": [{"row": r, "column": c, "reason": t} for r, c, t in report],
    }
    refused = bad and not args.skip_bad  # what the real import would do with this file
    if args.dry_run:
        if ctx.json:
            ctx.print_json({**result, "added": 0, "updated": 0, "skipped": 0, "dry_run": True})
        else:
            msg = QT_TRANSLATE_NOOP(
                "Import",
                "Dry run: {rows} rows, {bad} with problems, {dups} duplicates. "
                "Nothing was imported.",
            )
            ctx.print(ctx.text(msg.with_(rows=len(preview.rows), bad=bad, dups=dups)))
        if refused:  # exit 1, as the real import would: a script can trust the dry run
            print(ctx.text(_refusal(bad, len(preview.rows))), file=sys.stderr)
            return 1
        return 0
    if refused:
        if ctx.json:
            ctx.print_json({**result, "added": 0, "updated": 0, "skipped": 0, "dry_run": False})
        raise CommandError(_refusal(bad, len(preview.rows)))
    try:
        summary = transfer.commit(preview, on_duplicate=args.on_duplicate, skip_bad=args.skip_bad)
    except ImportRefused as exc:
        raise CommandError(exc.message) from None
    if ctx.json:
        ctx.print_json(
            {
                **result,
                "added": summary.added,
                "updated": summary.updated,
                "skipped": summary.skipped + summary.bad,
            }
        )
    else:
        ctx.print(
            ctx.text(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Added {added}, updated {updated}, skipped {skipped} "
                    "({bad} with problems, {dups} duplicates).",
                ).with_(
                    added=summary.added,
                    updated=summary.updated,
                    skipped=summary.skipped + summary.bad,
                    bad=summary.bad,
                    dups=summary.skipped,
                )
            )
        )
    return 0


def _refusal(bad: int, rows: int) -> Msg:
    return QT_TRANSLATE_NOOP(
        "Import",
        "{bad} of {rows} rows have problems, so nothing was imported. "
        "Fix them, or add --skip-bad to import the good rows.",
    ).with_(bad=bad, rows=rows)


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.store.errors import BookError

    if not _unopened(ctx).book_path.exists():
        raise CommandError(
            QT_TRANSLATE_NOOP("Backup", "There is no book in {folder} to back up.").with_(
                folder=str(ctx.data_dir)
            )
        )
    safekeeping = ctx.services.safekeeping  # opening checks and migrates the book first
    try:
        dest = safekeeping.copy_to(Path(args.out)) if args.out else safekeeping.back_up()
    except BookError as exc:
        raise CommandError(exc.message) from None
    ctx.print_json({"backup": str(dest)}) if ctx.json else ctx.print(str(dest))
    return 0


def cmd_restore_book(args: argparse.Namespace, ctx: CliContext, source: Path) -> int:
    from crm.commands.security import unlock_for_restore
    from crm.store.errors import BookError

    try:
        unlock_for_restore(ctx, source)  # the book's passphrase, and the backup's if another
        result = _unopened(ctx).restore(source)
    except BookError as exc:  # BookInUse, BackupRefused
        raise CommandError(exc.message) from None
    lines = {"restored": str(source), "previous": str(result.previous or ""),
             "damaged": str(result.damaged or "")}  # fmt: skip
    if ctx.json:
        ctx.print_json(lines)
        return 0
    ctx.print(
        ctx.text(QT_TRANSLATE_NOOP("Backup", "Restored the book from {file}.").with_(file=source))
    )
    if result.previous:
        ctx.print(
            ctx.text(
                QT_TRANSLATE_NOOP("Backup", "The book as it was is kept in {file}.").with_(
                    file=result.previous
                )
            )
        )
    if result.damaged:
        ctx.print(
            ctx.text(
                QT_TRANSLATE_NOOP("Backup", "The damaged book is kept as {file}.").with_(
                    file=result.damaged
                )
            )
        )
    if result.other_passphrase:
        ctx.print(ctx.text(OPENS_WITH_BACKUPS))
    return 0


OPENS_WITH_BACKUPS = QT_TRANSLATE_NOOP("Backup", "The book now opens with the backup's passphrase.")


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.commands.security import unlock_book

    unlock_book(ctx)  # a protected book: its passphrase
    safekeeping = _unopened(ctx)
    report = check_report(safekeeping)
    if ctx.json:
        ctx.print_json(report)
    else:
        if report["ok"]:
            ctx.print(
                ctx.text(
                    QT_TRANSLATE_NOOP("Backup", "The book passed its check ({n} clients).").with_(
                        n=report["clients"]
                    )
                )
            )
        else:
            ctx.print(
                ctx.text(
                    QT_TRANSLATE_NOOP("Backup", "The book is damaged: {problem}").with_(
                        problem="; ".join(report["problems"][:3])
                    )
                )
            )
        newest = safekeeping.newest_good_backup()
        if newest is not None:
            ctx.print(
                ctx.text(
                    QT_TRANSLATE_NOOP(
                        "Backup", "Newest good backup: {date} ({file}); crm restore FILE uses it."
                    ).with_(date=f"{newest.taken_at:%Y-%m-%d %H:%M}", file=newest.path)
                )
            )
        else:
            ctx.print(ctx.text(QT_TRANSLATE_NOOP("Backup", "There is no good backup yet.")))
    return 0 if report["ok"] else 1


def check_report(safekeeping: SafekeepingService) -> dict:
    """Integrity of the book file itself (without migrating or repairing anything)."""
    path = safekeeping.book_path
    if not path.exists():
        raise CommandError(
            QT_TRANSLATE_NOOP("Backup", "There is no book in {folder}.").with_(
                folder=str(path.parent)
            )
        )
    result = safekeeping.check()
    return {"ok": result.ok, "problems": result.problems, "clients": result.clients,
            "book": str(path)}  # fmt: skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to `crm`."""
    p = sub.add_parser("export", help="export clients to xlsx, csv or vCard")
    p.add_argument(
        "--format",
        choices=["xlsx", "csv", "excel-csv", "vcf"],
        help="default: from --out; excel-csv is a csv for Excel and LibreOffice Calc that "
        "keeps phone and ID numbers as text",
    )
    p.add_argument("--search", "-s")
    p.add_argument("--status", choices=[s.value for s in ClientStatus])
    p.add_argument("--tag")
    p.add_argument("--archived", action="store_true", help="export the archive instead")
    p.add_argument("--columns", help="comma-separated: name,phones,id_number,birthday,...")
    masking = p.add_mutually_exclusive_group()
    masking.add_argument("--unmasked", action="store_true", help="full phone and ID numbers")
    masking.add_argument(
        "--masked",
        action="store_true",
        help="mask phones in a vCard too (masked: the default for xlsx and csv)",
    )
    p.add_argument(
        "--loans", action="store_true", help="xlsx only: a second sheet with the clients' loans"
    )
    p.add_argument(
        "--encoding", choices=["utf-8", "gb18030"], default="utf-8", help="csv, excel-csv only"
    )
    p.add_argument("--out", required=True, help="the file to write")
    p.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    add_json_flag(p)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="import clients from xlsx, csv or vCard")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="only check and report")
    p.add_argument("--skip-bad", action="store_true", help="import the good rows anyway")
    p.add_argument("--on-duplicate", choices=["skip", "update", "add"], default="skip")
    p.add_argument("--mapping", help='override columns: "手机号=phones,备注2=-"')
    p.add_argument(
        "--report", help="save the problems, and the columns and sheets not imported, to a csv"
    )
    p.add_argument("--sheet", help="xlsx: the sheet to import, by name or number (default: 1)")
    p.add_argument(
        "--header-row", type=int, metavar="N", help="the header is row N (default: guessed)"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("backup", help="back up the book now")
    p.add_argument("--out", help="write the backup here instead of the backups folder")
    add_json_flag(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("check", help="check the book's integrity and list the newest backup")
    add_json_flag(p)
    p.set_defaults(handler=cmd_check)

    _wrap_restore(sub)


def _wrap_restore(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`crm restore FILE` restores a backup; `crm restore CLIENT...` still restores clients."""
    restore = sub.choices.get("restore")
    if restore is None:
        p = sub.add_parser("restore", help="restore the book from a backup FILE")
        p.add_argument("clients", nargs=1, metavar="FILE")
        add_json_flag(p)
        restore = p
    clients_handler = restore.get_default("handler")
    restore.description = "crm restore FILE: restore the book from a backup file. " + (
        "crm restore CLIENT...: restore archived clients." if clients_handler else ""
    )

    def handler(args: argparse.Namespace, ctx: CliContext) -> int:
        refs = list(args.clients)
        if len(refs) == 1 and Path(refs[0]).is_file():
            return cmd_restore_book(args, ctx, Path(refs[0]))
        if clients_handler is None:
            raise CommandError(
                QT_TRANSLATE_NOOP("Backup", "{file} is not a file.").with_(file=refs[0])
            )
        return int(clients_handler(args, ctx))

    restore.set_defaults(handler=handler)
