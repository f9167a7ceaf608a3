"""`spinscope claims`: list stored claims with their quantities, filtered by speaker, outlet, measure and date."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

import typer

from spinscope.cli.common import open_store_or_exit
from spinscope.link.claims import claimant_name, link_claims

__all__ = ["register", "iter_claims", "iter_disagreements"]

logger = logging.getLogger(__name__)


def iter_claims(analyses: Iterable[dict[str, Any]], speaker: str | None = None, outlet: str | None = None,
                measure: str | None = None, since: str | None = None, until: str | None = None,
                ) -> Iterator[dict[str, Any]]:
    """Yield one flat record per stored claim that passes every given filter (case-insensitive substrings)."""
    for analysis in analyses:
        if not _in_window(analysis, outlet, since, until):
            continue
        meta = analysis.get("meta") or {}
        out_name = (meta.get("outlet") or {}).get("name")
        published = meta.get("published")
        for claim in analysis.get("claims", ()):
            name = claimant_name(analysis, claim)
            if speaker and speaker.lower() not in (name or "").lower() \
                    and speaker.lower() != str(claim.get("speaker_id") or "").lower():
                continue
            quantities = list(claim.get("quantities", ()))
            if measure and not any(measure.lower() in (q.get("measure") or "").lower() for q in quantities):
                continue
            yield {"doc_id": analysis.get("id"), "source": analysis.get("source"), "outlet": out_name,
                   "published": published, "start": claim["start"], "end": claim["end"], "text": claim["text"],
                   "score": claim.get("score"), "speaker_id": claim.get("speaker_id"), "speaker": name,
                   "quantities": quantities}


def _in_window(analysis: dict[str, Any], outlet: str | None, since: str | None, until: str | None) -> bool:
    """Whether a document passes the outlet and date filters (as `iter_claims` reads them)."""
    meta = analysis.get("meta") or {}
    if outlet and outlet.lower() not in ((meta.get("outlet") or {}).get("name") or "").lower():
        return False
    published = meta.get("published")
    if since or until:
        # Partial dates ("--11-03") cannot be ordered against a full date: they pass no date filter.
        if not (published and published[:1].isdigit()):
            return False
        if (since and published < since) or (until and published > until):
            return False
    return True


def iter_disagreements(analyses: Iterable[dict[str, Any]], speaker: str | None = None, outlet: str | None = None,
                       measure: str | None = None, since: str | None = None, until: str | None = None,
                       ) -> Iterator[dict[str, Any]]:
    """Yield the disagreements among the documents that pass the outlet and date filters: each conflict (one
    measure of one event given in figures that cannot all be right) and each dispute (a sentence rejecting
    figures, with the claims it rejects), kept where a figure's measure contains `measure` and a claimant's name
    (the disputer's too) contains `speaker`."""
    links = link_claims(a for a in analyses if _in_window(a, outlet, since, until))

    def keep(refs: Iterable[Any], names: Iterable[str | None]) -> bool:
        refs = list(refs)
        if measure and not any(measure.lower() in (r.measure or "").lower() for r in refs):
            return False
        return not speaker or any(speaker.lower() in (n or "").lower() for n in names)

    for group in links.conflicts:
        if keep(group.members, (m.claimant for m in group.members)):
            yield {"kind": "conflict", **group.to_json()}
    for dispute in links.disputes:
        if keep(dispute.disputed, (dispute.claimant, *(d.claimant for d in dispute.disputed))):
            yield {"kind": "dispute", **dispute.to_json()}


def _figure(ref: dict[str, Any]) -> str:
    who = ref.get("claimant") or ref.get("outlet") or "(outlet)"
    return f"    {ref['doc_id']}\t{ref['text']} [{ref.get('measure') or '?'}]\t{who}\t{ref.get('published') or ''}"


def _disagreement_lines(rec: dict[str, Any]) -> list[str]:
    if rec["kind"] == "conflict":
        where = ", ".join(rec["event"]) or "no place named"
        return [f"conflict\t{rec['measure']}\t{where}", *(_figure(c) for c in rec["claims"])]
    text = rec["text"] if len(rec["text"]) <= 160 else rec["text"][:157] + "..."
    return [f"dispute\t{rec['doc_id']}\t{rec['claimant'] or '(outlet)'} rejects \"{rec['target']}\"\t{text}",
            *(_figure(d) for d in rec["disputed"])]


def _line(rec: dict[str, Any]) -> str:
    who = rec["speaker"] or rec["outlet"] or "(outlet)"
    figures = "; ".join(f"{q.get('text')} [{q.get('measure') or '?'}]" for q in rec["quantities"])
    text = rec["text"] if len(rec["text"]) <= 160 else rec["text"][:157] + "..."
    return f"{rec['doc_id']}\t{rec['score']:.2f}\t{who}\t{figures}\t{text}"


def register(app: typer.Typer) -> None:
    """Add the `claims` command."""

    @app.command("claims")
    def claims_command(
        store: str | None = typer.Option(None, "--store", help="Store path or URL (default: the per-user store)."),
        speaker: str | None = typer.Option(None, "--speaker", help="Only claims whose claimant name contains S."),
        outlet: str | None = typer.Option(None, "--outlet", help="Only claims from outlets whose name contains O."),
        measure: str | None = typer.Option(
            None, "--measure", help="Only claims with a quantity whose measure contains M."
        ),
        since: str | None = typer.Option(None, "--since", help="Published on or after this ISO date."),
        until: str | None = typer.Option(None, "--until", help="Published on or before this ISO date."),
        fmt: str = typer.Option("text", "--format", help="text or jsonl."),
        disagreements: bool = typer.Option(
            False, "--disagreements",
            help="Instead of the claims, the disagreements among them: figures for one measure of one event that "
                 "cannot all be right, and sentences rejecting figures with the claims they reject.",
        ),
    ) -> None:
        """List stored claims (numbers first of all) with their claimant and quantities, or their disagreements."""
        if fmt not in ("text", "jsonl"):
            typer.echo("--format must be text or jsonl", err=True)
            raise typer.Exit(2)
        st = open_store_or_exit(store)
        try:
            if disagreements:
                for rec in iter_disagreements(st.iter_analyses(), speaker, outlet, measure, since, until):
                    typer.echo(json.dumps(rec, ensure_ascii=False) if fmt == "jsonl"
                               else "\n".join(_disagreement_lines(rec)))
                return
            for rec in iter_claims(st.iter_analyses(), speaker, outlet, measure, since, until):
                typer.echo(json.dumps(rec, ensure_ascii=False) if fmt == "jsonl" else _line(rec))
        finally:
            st.close()
