"""The command line: a thin layer over the library (parse, call one function, report).

Only this module prints. Library errors arrive as DatelineError with a
catalogue code and leave as one clean line and a non-zero exit code.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline.errors import DatelineError
from dateline.store import DEFAULT_DB

app = typer.Typer(
    help="dateline: news reports about armed conflict in, an evidence-backed event ledger out.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)
out = Console()

DbOption = Annotated[str, typer.Option("--db", help="Ledger: a SQLite file or a database URL.")]


def _fail(error: Exception) -> typer.Exit:
    console.print(f"[red]error:[/red] {error}")
    return typer.Exit(code=2)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(message)s"
    )


@app.command()
def run(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (.txt .html .htm .jsonl).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: CPUs).")] = None,
    max_mb: Annotated[float, typer.Option(help="Size limit per input file, in MB.")] = 20.0,
    export: Annotated[
        Path | None, typer.Option(help="Also write the ledger's events as JSON Lines here.")
    ] = None,
    table: Annotated[bool, typer.Option(help="Print a table of the events.")] = True,
) -> None:
    """Ingest, extract, resolve and reconcile into the ledger. With no PATH, the example corpus."""
    from dateline.ingest import example_corpus
    from dateline.pipeline import run as run_pipeline

    inputs = paths or [example_corpus()]
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("documents", total=None)
        try:
            summary = run_pipeline(
                inputs,
                db=db,
                workers=workers,
                max_bytes=int(max_mb * 1024 * 1024),
                on_document=lambda _doc: progress.advance(task),
            )
        except DatelineError as e:
            raise _fail(e) from e
    for failure in summary.failures:
        console.print(f"[red]failed:[/red] {failure}")
    from dateline.store import Ledger

    ledger = Ledger(db)
    records = list(ledger.event_records())
    if table:
        out.print(events_table(records))
    if export:
        from dateline.export import export_file

        export_file(records, "jsonl", export)
    console.print(str(summary))
    if summary.failed:
        raise typer.Exit(code=1)


def events_table(records: list[dict]) -> Table:
    table = Table(title="Events in the ledger", show_lines=False)
    for name in ("date", "type", "actor1", "actor2", "place", "killed", "sources", "conf"):
        table.add_column(name)
    for r in records:
        fat = r.get("fatalities") or {}
        killed = (
            ""
            if fat.get("best") is None
            else f"{fat['best']}" + (f" ({fat['low']}–{fat['high']})" if fat["high"] else "")
        )
        table.add_row(
            r.get("date") or "",
            r["type"] + (f"/{r['mode']}" if r.get("mode") else ""),
            (r.get("actor1") or {}).get("name") or "",
            (r.get("actor2") or {}).get("name") or "",
            (r.get("location") or {}).get("name") or "",
            killed,
            str(len({m["doc"] for m in r["mentions"]})),
            f"{r['confidence']:.2f}",
        )
    return table


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, geojson or parquet.")],
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
) -> None:
    """Write the ledger's events in one of the export formats."""
    from dateline.export import FORMATS, export_file, export_records
    from dateline.store import Ledger

    if fmt not in FORMATS:
        raise _fail(ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"))
    try:
        records = Ledger(db, read_only=True).event_records()
        if output:
            n = export_file(records, fmt, output)
        else:
            n = export_records(records, fmt, sys.stdout.buffer)
    except DatelineError as e:
        raise _fail(e) from e
    console.print(f"{n} events written" + (f" to {output}" if output else ""))


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path | None, typer.Option(help="Gold events (JSON Lines, the seed gold's format).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    dev: Annotated[
        bool, typer.Option("--dev", help="Run every development set and write docs/quality.md.")
    ] = False,
    shared: Annotated[Path, typer.Option(help="The shared data folder (with --dev).")] = Path(
        "../shared"
    ),
    limit: Annotated[int | None, typer.Option(help="With --dev: items per sampled set.")] = None,
    quality: Annotated[Path, typer.Option(help="With --dev: the table to update.")] = Path(
        "docs/quality.md"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score the ledger against a gold file, or (--dev) run every development set."""
    if dev:
        from dateline.evaluation.devsets import run_all, write_quality_md

        figures = run_all(shared, limit=limit)
        write_quality_md(figures, quality)
        out.print_json(json.dumps(figures, default=str))
        console.print(f"figures added to {quality}")
        return
    if gold is None:
        raise _fail(ValueError("give --gold FILE, or --dev to run the development sets"))
    _score_gold(gold, db, as_json=as_json)


def _score_gold(gold: Path, db: str, *, as_json: bool) -> None:
    from dateline.evaluation.gold import read_gold, score
    from dateline.store import Ledger

    try:
        report = score(list(Ledger(db, read_only=True).event_records()), read_gold(gold))
    except DatelineError as e:
        raise _fail(e) from e
    if as_json:
        out.print_json(json.dumps(report.as_dict()))
        return
    table = Table(title=f"Scored against {gold.name}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row(
        "recall of required events",
        f"{report.recall:.3f} ({report.required_found}/{report.required})",
    )
    table.add_row("precision", f"{report.precision:.3f} ({report.matched_events}/{report.events})")
    table.add_row(
        "precision, duplicates not counted against",
        f"{report.precision_any_match:.3f} ({report.matching_events}/{report.events})",
    )
    for name, f in report.fields.items():
        value = "n/a" if f.accuracy is None else f"{f.accuracy:.3f} ({f.correct}/{f.total})"
        table.add_row(f"{name} accuracy", value)
    out.print(table)
    if report.missed:
        out.print("missed required: " + ", ".join(report.missed))


@app.command()
def geoparse(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders, as for run.")],
) -> None:
    """Print every place mention found, one JSON object a line."""
    from dateline.contract import place_record
    from dateline.ingest import read_paths
    from dateline.records import Failure
    from dateline.resolve import geoparse as find_places

    failed = 0
    for item in read_paths(paths):
        if isinstance(item, Failure):
            console.print(f"[red]failed:[/red] {item}")
            failed += 1
            continue
        for span, place in find_places(item):
            row = {"doc": item.name, "text": span.text, "start": span.start, "end": span.end}
            row.update(place_record(place))
            out.print(json.dumps(row, ensure_ascii=False), soft_wrap=True, highlight=False)
    if failed:
        raise typer.Exit(code=1)


@app.command()
def bench(
    data: Annotated[Path, typer.Option(help="Timeline17 folder (topic/articles.jsonl).")] = Path(
        "../shared/data/timeline17"
    ),
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    limit: Annotated[int | None, typer.Option(help="Use only the first N articles.")] = None,
) -> None:
    """Throughput of the whole pipeline and, in the same run, of spaCy alone."""
    from dateline.bench import run_bench

    result = run_bench(data, workers=workers, limit=limit, log=console.print)
    out.print_json(json.dumps(result.as_dict()))


@app.command()
def network(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")] = None,
    window: Annotated[str, typer.Option(help="Time window: day, week, month or year.")] = "month",
    fmt: Annotated[str, typer.Option("--format", help="json, graphml or gexf.")] = "json",
    output: Annotated[Path | None, typer.Option(help="File to write (json: stdout).")] = None,
) -> None:
    """The actor network: who acts on whom, by PLOVER quad class, over time windows."""
    import datetime as dt

    from dateline import reconcile
    from dateline.store import Ledger

    writers = {"graphml": reconcile.write_graphml, "gexf": reconcile.write_gexf}
    if fmt not in ("json", *writers):
        raise _fail(ValueError(f"unknown format {fmt!r}; choose json, graphml or gexf"))
    if fmt in writers and output is None:
        raise _fail(ValueError(f"--output is needed for {fmt}"))
    try:
        first = dt.date.fromisoformat(since) if since else None
        last = dt.date.fromisoformat(until) if until else None
        events = Ledger(db, read_only=True).events()
        net = reconcile.network(events, since=first, until=last, window=window)
    except (DatelineError, ValueError) as e:
        raise _fail(e) from e
    if fmt in writers:
        writers[fmt](net, output)
        console.print(f"{len(net.edges)} edges written to {output}")
    elif output:
        output.write_text(json.dumps(reconcile.to_json(net), ensure_ascii=False, indent=1))
    else:
        out.print_json(json.dumps(reconcile.to_json(net), ensure_ascii=False))


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8000,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    token: Annotated[
        str | None,
        typer.Option(envvar="DATELINE_TOKEN", help="Bearer token that allows POST /documents."),
    ] = None,
    cors: Annotated[list[str] | None, typer.Option(help="Allowed CORS origin (repeat).")] = None,
) -> None:
    """Serve the HTTP API and the offline dashboard over the ledger."""
    from dateline.api import serve as serve_ledger

    try:
        serve_ledger(db, host=host, port=port, token=token, cors_origins=tuple(cors or ()))
    except DatelineError as e:
        raise _fail(e) from e


gazetteer = typer.Typer(help="The local gazetteer: add places from GeoNames dumps.")
app.add_typer(gazetteer, name="gazetteer")


@gazetteer.command("import")
def gazetteer_import(
    path: Annotated[Path, typer.Argument(help="A GeoNames dump (tab-separated, e.g. IQ.txt).")],
) -> None:
    """Load a GeoNames country dump you downloaded into the local gazetteer."""
    from dateline.resolve.gazetteer import import_geonames_dump

    try:
        n = import_geonames_dump(path)
    except (DatelineError, OSError, ValueError) as e:
        raise _fail(e) from e
    console.print(f"{n} places imported from {path}")


if __name__ == "__main__":  # pragma: no cover
    app()
