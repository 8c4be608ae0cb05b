"""regwatch workbench: look up a company, follow its money and suppliers, read the sentences
behind every edge, correct the machine, and take a chart or a file into a report.

Started by ``regwatch app`` / ``regwatch demo`` (env REGWATCH_STORE, optional REGWATCH_MODEL).
UI only: data access lives in :mod:`kg.appdata`, judgements in :mod:`kg.curation`.
Safety: article and user text is only ever shown through escaped Markdown, dataframes or
plain text; nothing here uses ``unsafe_allow_html``.
"""

from __future__ import annotations

import os
import time
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from kg import appdata as ad
from kg.errors import RegwatchError
from kg.schema import PREDICATES, SCHEMA

# No page_icon: a Material or emoji favicon would be fetched from a CDN; the default is bundled.
st.set_page_config(page_title="regwatch", layout="wide")

esc = ad.md_escape


# --- store and caches ------------------------------------------------------------------------


def store_location() -> str:
    from kg.store import default_location

    return os.environ.get("REGWATCH_STORE") or default_location()


def model_name() -> str:
    import ingest

    return os.environ.get("REGWATCH_MODEL") or ingest.DEFAULT_MODEL


@st.cache_resource(show_spinner=False)
def _open_store(location: str) -> Any:
    """One handle per process: an Oxigraph directory can be opened by one process only."""
    from kg.store import open_store

    return open_store(location)


def get_store() -> Any:
    try:
        return _open_store(store_location())
    except RegwatchError as exc:
        st.error(esc(exc))
        st.stop()


@st.cache_resource(show_spinner=False, max_entries=2)
def _derived(location: str) -> ad.Derived:
    """Snapshot and analyses of the store, computed once per store version (see invalidate)."""
    return ad.Derived(_open_store(location))


def derived() -> ad.Derived:
    get_store()
    return _derived(store_location())


def result(name: str, message: str) -> Any:
    """One derived result; a spinner only when it still has to be computed."""
    d = derived()
    if d.ready(name):
        return getattr(d, name)()
    with st.spinner(message):
        return getattr(d, name)()


def snapshot() -> ad.Snapshot:
    return result("snapshot", "Reading the graph…")


@st.cache_resource(show_spinner=False, max_entries=2)
def _overview(location: str) -> ad.Overview:
    return ad.overview(_open_store(location))


def invalidate() -> None:
    """After an ingest or a review every derived view is stale (the store handle stays)."""
    try:
        derived().cancel()
    except Exception:  # noqa: BLE001 - nothing to cancel
        pass
    _derived.clear()
    _overview.clear()


def analysis_ready(module: str) -> bool:
    """True when the analysis module is installed; otherwise say so once, plainly."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        st.info(f"{module} is not available yet in this installation.")
        return False
    return True


# --- small UI helpers ------------------------------------------------------------------------


def open_entity(entity_id: str) -> None:
    """Callback: show an entity on the Explore page (the id goes into the URL, so it is shareable)."""
    st.query_params["entity"] = entity_id


def entity_link(entity_id: str, label: str) -> None:
    st.page_link(PAGES["explore"], label=esc(label), query_params={"entity": entity_id}, icon=":material/arrow_forward:")


def dataframe(rows: list[dict[str, Any]], **kw: Any) -> None:
    """Tables render through the data grid, which shows every cell as text."""
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", **kw)


def evidence_block(row: Any, names: list[str]) -> None:
    """One evidence sentence, entity names and cue words highlighted, with its article."""
    segs = ad.evidence_segments(row.evidence, names, row.predicate)
    st.markdown(ad.segments_markdown(segs))
    bits = [ad.md_link(row.title or row.article, row.url)]
    if row.source:
        bits.append(esc(row.source))
    if row.date:
        bits.append(esc(row.date))
    bits.append(f"confidence {row.confidence:.2f}")
    if row.review:
        bits.append(esc(row.review))
    st.caption(" · ".join(bits))


def edge_title(snap: ad.Snapshot, e: Any) -> str:
    arrow = "—" if SCHEMA.predicates[e.predicate].get("symmetric") else "→"
    status = f" · {e.review}" if e.review else ""
    return (
        f"{esc(snap.label(e.subject_id))} {arrow} {esc(ad.predicate_label(e.predicate))} {arrow} "
        f"{esc(snap.label(e.object_id))} · {e.weight} sentence{'s' if e.weight != 1 else ''} · "
        f"confidence {e.confidence:.2f}{status}"
    )


# --- Overview --------------------------------------------------------------------------------


FIRST_PAINT_BUDGET = 1.0  # seconds the Overview may wait for the analyses before painting


def page_overview() -> None:
    started = time.monotonic()
    st.title("regwatch")
    st.caption(f"Store {ad.md_code(store_location())} · model {ad.md_code(model_name())}")
    get_store()
    ov = _overview(store_location())
    if ov.articles == 0:
        st.info("The store is empty: add articles on the Ingest page (or run `regwatch demo`).")
        return
    cols = st.columns(4)
    cols[0].metric("Articles", f"{ov.articles:,}")
    cols[1].metric("Entities", f"{ov.entities:,}")
    cols[2].metric("Relations (edges)", f"{ov.edges:,}")
    cols[3].metric("Reviews", f"{ov.judgements:,}")
    if ov.first_date:
        st.caption(f"Articles published {esc(ov.first_date)} to {esc(ov.last_date)}")
    left, right = st.columns(2)
    with left:
        st.subheader("Entities by type")
        dataframe([{"type": ad.type_label(t), "entities": n} for t, n in ov.entity_types.items()])
    with right:
        st.subheader("Relations by predicate")
        dataframe(
            [
                {"predicate": ad.predicate_label(p), "edges": e, "evidence sentences": n}
                for p, (e, n) in ov.predicates.items()
            ]
        )
    st.subheader("Latest articles")
    for a in ov.latest:
        meta = " · ".join(esc(x) for x in (a["source"], a["date"]) if x)
        st.markdown(f"- {ad.md_link(a['title'], a['url'])}" + (f" — {meta}" if meta else ""))
    # Patterns and markets need every relation read and scored: on a large store that takes a
    # while, so it runs in the background and this part fills in when it is done.
    d = derived().start()
    if d.wait(max(0.0, FIRST_PAINT_BUDGET - (time.monotonic() - started))):
        overview_analysis(d)
    else:
        overview_pending(ov.edges)


@st.fragment(run_every=2.0)
def overview_pending(edges: int) -> None:
    if derived().wait(0):
        st.rerun()
    st.info(f"Scoring investor → investee pairs and measuring markets over {edges:,} relations; "
            "the results appear here when ready.", icon=":material/hourglass_top:")


def overview_analysis(d: ad.Derived) -> None:
    st.subheader("Top patterns: acquisitions in all but name")
    if analysis_ready("kg.analysis.patterns"):
        pairs = result("patterns", "Scoring investor → investee pairs…")
        if not pairs:
            st.write("No investor → investee pair with signals yet.")
        else:
            dataframe(
                [
                    {
                        "level": p.level,
                        "score": p.score,
                        "investor": p.investor,
                        "investee": p.investee,
                        "signals": ", ".join(p.signal_names),
                    }
                    for p in pairs[:8]
                ]
            )
        st.page_link(PAGES["patterns"], label="All patterns and their evidence", icon=":material/arrow_forward:")
    st.subheader("Most concentrated markets")
    if analysis_ready("kg.analysis.concentration"):
        rep = result("concentration", "Measuring concentration…")
        if not rep.markets:
            st.write("No market shares stated in the articles yet.")
        else:
            dataframe(
                [
                    {"market": m.market, "HHI": round(m.hhi), "CR4": round(m.cr4, 1), "firms": len(m.holders),
                     "US 2023": m.us_band, "EU 2004": m.eu_band}
                    for m in rep.markets[:6]
                ]
            )
        st.page_link(PAGES["concentration"], label="Concentration charts", icon=":material/arrow_forward:")


# --- Explore ---------------------------------------------------------------------------------


def page_explore() -> None:
    snap = snapshot()
    st.title("Explore")
    text = st.text_input("Search entities by name or alias", key="search", placeholder="e.g. Anthropic, AWS, FTC")
    current = st.query_params.get("entity")
    if text.strip():
        hits = ad.search_entities(snap.entities, text)
        if not hits:
            st.info(f"No entity matches “{esc(text)}”.")
        for e in hits[:12]:
            st.button(
                f"{esc(e.label)} · {ad.type_label(e.type)} · {e.mentions} mentions",
                key=f"hit-{e.id}",
                on_click=open_entity,
                args=(e.id,),
                type="primary" if e.id == current else "secondary",
            )
        if len(hits) > 12:
            st.caption(f"{len(hits) - 12} more; refine the search.")
    if not current:
        if not text.strip():
            st.write("Search for a company, regulator, person or product, or pick one of the most mentioned:")
            cols = st.columns(4)
            for i, e in enumerate(snap.entities[:12]):
                cols[i % 4].button(esc(e.label), key=f"top-{e.id}", on_click=open_entity, args=(e.id,))
        return
    if current not in snap.by_id:
        st.warning(f"No entity with id “{esc(current)}” in this store.")
        return
    st.divider()
    entity_page(snap, current)


ROLE_HEADINGS = {
    "investor": "Investors", "investee": "Invested in", "acquirer": "Acquirers", "acquired": "Acquired",
    "supplier": "Suppliers", "customer": "Customers", "regulator": "Regulators", "regulated": "Regulated",
    "subsidiary": "Subsidiaries", "parent": "Parents", "partner": "Partners",
}


def entity_page(snap: ad.Snapshot, eid: str) -> None:
    ent = snap.by_id[eid]
    st.header(esc(ent.label))
    facts = [f"**{ad.type_label(ent.type)}**", f"id {ad.md_code(eid)}", f"{ent.mentions} mentions"]
    url = ad.qid_url(ent.qid)
    if url:
        facts.append(f"Wikidata [{esc(ent.qid)}]({url})")
    if ent.parent:
        facts.append(f"part of {esc(snap.label(ent.parent))}")
    st.markdown(" · ".join(facts))
    if ent.aliases:
        st.caption("Also written: " + ", ".join(esc(a) for a in ent.aliases[:20]))
    edges = snap.edges_of.get(eid, [])
    own = ad.roles(edges, eid)
    if own:
        st.markdown("Roles: " + " ".join(f":blue-badge[{esc(r)}]" for r in own))
    around = ad.counterparts_by_role(edges, eid)
    if around:
        cols = st.columns(min(len(around), 4))
        for i, (role, ids) in enumerate(around.items()):
            with cols[i % len(cols)]:
                st.markdown(f"**{ROLE_HEADINGS.get(role, role)}**")
                for cid in ids[:15]:
                    entity_link(cid, snap.label(cid))
                if len(ids) > 15:
                    st.caption(f"and {len(ids) - 15} more")
    if not edges:
        st.info("No relations recorded for this entity.")
        return
    network_section(snap, eid)
    relations_section(snap, eid, edges)
    timeline_section(snap, eid)


def network_section(snap: ad.Snapshot, eid: str) -> None:
    st.subheader("Network")
    c1, c2, c3, c4 = st.columns([5, 3, 2, 1])
    preds = c1.multiselect(
        "Predicates", PREDICATES, default=list(PREDICATES), format_func=ad.predicate_label, key=f"preds-{eid}"
    )
    date_from = date_to = None
    if snap.date_range and snap.date_range[0] < snap.date_range[1]:
        lo, hi = (date.fromisoformat(d) for d in snap.date_range)
        span = c2.slider("Dates", min_value=lo, max_value=hi, value=(lo, hi), key=f"dates-{eid}", format="YYYY-MM-DD")
        if span != (lo, hi):
            date_from, date_to = span[0].isoformat(), span[1].isoformat()
    min_conf = c3.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key=f"conf-{eid}")
    hops = c4.select_slider("Hops", options=[1, 2, 3], value=1, key=f"hops-{eid}")
    nb = ad.neighbourhood(snap.edges_of, eid, hops, preds, date_from, date_to, min_conf, ad.MAX_NODES)
    if nb.truncated:
        cut = []
        if len(nb.nodes) < nb.reachable:
            cut.append(f"the {len(nb.nodes)} closest of {nb.reachable} entities within {hops} hops "
                       f"(cap {ad.MAX_NODES})")
        if nb.edges_cut:
            cut.append(f"the {len(nb.edges):,} strongest relations ({nb.edges_cut:,} weaker ones left out)")
        st.warning("Showing " + " and ".join(cut) + "; narrow the predicates, dates or confidence to see the rest.")
    if len(nb.nodes) <= 1:
        st.info("No relation passes these filters.")
        return
    style = st.radio("Drawing", ["Interactive", "Graphviz"], horizontal=True, key=f"style-{eid}")
    if style == "Interactive":
        pick = network_chart(snap, nb)
        if pick and pick != eid and pick in snap.by_id:
            st.button(f"Open {esc(snap.label(pick))}", on_click=open_entity, args=(pick,), key=f"pick-{eid}")
    else:
        st.graphviz_chart(ad.to_dot(nb, snap))
    st.caption(
        f"{len(nb.nodes)} entities, {len(nb.edges)} relations. Click a node to select it; "
        "use the chart menu to save it as PNG or SVG."
    )
    fmt = st.selectbox(
        "Download this neighbourhood as", list(ad.NEIGHBOURHOOD_FORMATS),
        format_func=lambda f: ad.NEIGHBOURHOOD_FORMATS[f], key=f"nbfmt-{eid}",
    )
    name, data, mime = ad.neighbourhood_export(nb, snap, fmt)
    st.download_button(f"Download {name}", data, file_name=name, mime=mime, key=f"nbdl-{eid}")


def network_chart(snap: ad.Snapshot, nb: ad.Neighbourhood) -> str | None:
    """Altair network: drag to pan, scroll to zoom, hover for details, click to select a node."""
    pos = ad.network_layout(nb)
    nodes, edges = ad.network_frames(nb, snap, pos)
    ndf, edf = pd.DataFrame(nodes), pd.DataFrame(edges)
    pick = alt.selection_point(fields=["id"], on="click", name="pick")
    zoom = alt.selection_interval(bind="scales", name="zoom")
    axis = alt.Axis(labels=False, ticks=False, grid=False, title=None, domain=False)
    xs, ys = ndf["x"], ndf["y"]
    xscale = alt.Scale(domain=[float(xs.min()) - 0.3, float(xs.max()) + 0.3])
    yscale = alt.Scale(domain=[float(ys.min()) - 0.15, float(ys.max()) + 0.15])
    pscale = alt.Scale(domain=list(ad.PREDICATE_COLORS), range=list(ad.PREDICATE_COLORS.values()))
    pcolor = alt.Color("predicate:N", scale=pscale, legend=alt.Legend(title="Relation"))
    tooltip = ["subject:N", "predicate:N", "object:N", "evidence:Q", "confidence:Q", "first_seen:N",
               "last_seen:N", "review:N"]
    lines = (
        alt.Chart(edf[edf["order"] < 2])
        .mark_line(opacity=0.6)
        .encode(x=alt.X("x:Q", axis=axis, scale=xscale), y=alt.Y("y:Q", axis=axis, scale=yscale),
                detail="edge:N", order="order:O",
                color=pcolor, tooltip=tooltip)
    )
    arrows = (
        alt.Chart(edf[edf["order"] == 2])
        .mark_point(shape="triangle", filled=True, size=70, opacity=0.8)
        .encode(x="x:Q", y="y:Q", angle=alt.Angle("angle:Q", scale=None),
                color=alt.Color("predicate:N", scale=pscale, legend=None), tooltip=tooltip)
    )
    tcolor = alt.Color(
        "type:N",
        scale=alt.Scale(domain=list(ad.TYPE_COLORS), range=list(ad.TYPE_COLORS.values())),
        legend=alt.Legend(title="Entity type", symbolStrokeWidth=0),
    )
    points = (
        alt.Chart(ndf)
        .mark_circle(stroke="black")
        .encode(
            x="x:Q", y="y:Q", color=tcolor,
            size=alt.condition("datum.center", alt.value(700), alt.value(220)),
            strokeWidth=alt.when(pick, empty=False).then(alt.value(3)).otherwise(alt.value(0.5)),
            tooltip=["label:N", "type:N", "mentions:Q", "id:N"],
        )
        .add_params(pick)
    )
    labels = alt.Chart(ndf).mark_text(dy=-14, fontSize=11).encode(x="x:Q", y="y:Q", text="label:N")
    chart = (
        (lines.add_params(zoom) + arrows + points + labels)
        .resolve_scale(color="independent")
        .properties(height=520)
    )
    event = st.altair_chart(chart, on_select="rerun", selection_mode="pick", key=f"net-{nb.center}")
    picked = (event or {}).get("selection", {}).get("pick") or []
    return picked[0].get("id") if picked else None


def relations_section(snap: ad.Snapshot, eid: str, edges: list[Any]) -> None:
    st.subheader("Relations")
    rows = []
    for e in sorted(edges, key=lambda e: (-e.weight, e.predicate, e.subject_id, e.object_id)):
        outgoing = e.subject_id == eid
        other = e.object_id if outgoing else e.subject_id
        rows.append(
            {
                "role": ad.ROLES[(e.predicate, "object" if outgoing else "subject")],
                "counterpart": snap.label(other),
                "subject": snap.label(e.subject_id),
                "predicate": e.predicate,
                "object": snap.label(e.object_id),
                "evidence": e.weight,
                "confidence": round(e.confidence, 2),
                "first seen": e.first_seen or "",
                "last seen": e.last_seen or "",
                "review": e.review or "",
            }
        )
    st.caption("“role” is the counterpart's role towards this entity.")
    dataframe(rows)
    st.subheader("Evidence")
    shown = sorted(edges, key=lambda e: (-e.weight, e.predicate, e.subject_id, e.object_id))
    for e in shown[:EVIDENCE_EDGES]:
        with st.expander(edge_title(snap, e)):
            edge_evidence(snap, e, eid, EVIDENCE_SENTENCES)
    if len(shown) > EVIDENCE_EDGES:
        # A hub has thousands of relations: the rest is one pick away instead of on the page.
        rest = shown[EVIDENCE_EDGES:]
        pick = st.selectbox(
            f"Evidence of one of the other {len(rest):,} relations", range(len(rest)), index=None,
            format_func=lambda i: plain_edge_title(snap, rest[i]), key=f"more-{eid}",
            placeholder="Choose a relation",
        )
        if pick is not None:
            with st.container(border=True):
                st.markdown(edge_title(snap, rest[pick]))
                edge_evidence(snap, rest[pick], eid, 50)


EVIDENCE_EDGES = 30  # relations with their evidence open on an entity page
EVIDENCE_SENTENCES = 10  # sentences shown per relation there


def edge_evidence(snap: ad.Snapshot, e: Any, eid: str, limit: int) -> None:
    names = ad.names_of(snap, e.subject_id) + ad.names_of(snap, e.object_id)
    for r in sorted(e.evidence, key=lambda r: (r.date or "", r.article, r.start))[:limit]:
        evidence_block(r, names)
    if e.weight > limit:
        st.caption(f"{e.weight - limit} more sentences not shown (all are in the Export and SPARQL pages).")
    review_buttons(e, key=f"x-{eid}")


def plain_edge_title(snap: ad.Snapshot, e: Any) -> str:
    """Option text (select boxes show plain text, so nothing to escape)."""
    return f"{snap.label(e.subject_id)} → {ad.predicate_label(e.predicate)} → {snap.label(e.object_id)} ({e.weight})"


def review_buttons(e: Any, key: str) -> None:
    """Accept / reject right where the evidence is read."""
    from kg.model import edge_id

    eid = edge_id(e.subject_id, e.predicate, e.object_id)
    c1, c2, _ = st.columns([1, 1, 4])
    c1.button("Accept", key=f"{key}-acc-{eid}", on_click=judge, args=(e, "accept"), icon=":material/check:")
    c2.button("Reject", key=f"{key}-rej-{eid}", on_click=judge, args=(e, "reject"), icon=":material/close:")


def timeline_section(snap: ad.Snapshot, eid: str) -> None:
    data = ad.timeline(snap.relations, eid)
    if not data:
        return
    st.subheader("Timeline")
    df = pd.DataFrame(data)
    chart = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("month:T", title="month"),
            y=alt.Y("sentences:Q", title="evidence sentences"),
            color=alt.Color(
                "predicate:N",
                scale=alt.Scale(domain=list(ad.PREDICATE_COLORS), range=list(ad.PREDICATE_COLORS.values())),
            ),
            tooltip=["month:T", "predicate:N", "sentences:Q"],
        )
        .properties(height=220)
    )
    st.altair_chart(chart)


# --- Patterns --------------------------------------------------------------------------------


def page_patterns() -> None:
    st.title("Patterns")
    st.caption(
        "Investor → investee pairs scored on the signals regulators look at (equity, circular "
        "spending, distribution, governance, exclusivity, acqui-hire, common ownership, scrutiny)."
    )
    if not analysis_ready("kg.analysis.patterns"):
        return
    pairs = result("patterns", "Scoring investor → investee pairs…")
    level = st.segmented_control("Minimum level", ["low", "medium", "high"], default="low", key="pat-level")
    from kg.analysis.patterns import at_least

    shown = at_least(pairs, level or "low")
    if not shown:
        st.info("No pair at this level.")
    else:
        table = pd.DataFrame(
            [
                {
                    "level": p.level,
                    "score": p.score,
                    "investor": p.investor,
                    "investee": p.investee,
                    "signals": ", ".join(p.signal_names),
                    "legal tests": ", ".join(t["label"] for t in p.legal_tests),
                    "first seen": p.first_seen or "",
                    "last seen": p.last_seen or "",
                }
                for p in shown
            ]
        )
        event = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun",
                             selection_mode="single-row", key=f"pat-table-{level}")
        rows = event.selection.rows if event else []
        picked = rows[0] if rows and rows[0] < len(shown) else 0
        st.caption("Click a row, or pick a pair below, to see its signals and the sentences behind them.")
        i = st.selectbox("Pair", range(len(shown)), index=picked,
                         format_func=lambda i: f"{shown[i].investor} → {shown[i].investee} ({shown[i].score:.0f})")
        pair_detail(shown[i])
    st.subheader("Money loops")
    if analysis_ready("kg.analysis.cycles"):
        cycles, truncated = result("cycles", "Looking for money loops…")
        if truncated:
            st.warning("Too many loops: only the first ones are listed.")
        if not cycles:
            st.write("No circular money loop found.")
        for c in cycles[:50]:
            with st.expander(esc(" → ".join(c.labels + c.labels[:1]))):
                st.markdown(esc(c.description))
                for s in c.steps:
                    st.markdown(f"**{esc(s.text)}**")
                    for ev in s.evidence:
                        evidence_dict(ev)


def evidence_dict(ev: dict[str, Any]) -> None:
    names = [n for n in (ev.get("subject"), ev.get("object")) if n]
    st.markdown(ad.segments_markdown(ad.evidence_segments(ev["sentence"], names, ev.get("predicate", ""))))
    bits = [esc(ev.get("title") or ev.get("article", ""))]
    if ev.get("date"):
        bits.append(esc(ev["date"]))
    if ev.get("hedged"):
        bits.append("hedged")
    st.caption(" · ".join(bits))


def pair_detail(p: Any) -> None:
    st.subheader(f"{esc(p.investor)} → {esc(p.investee)}")
    st.markdown(f":{'red' if p.level == 'high' else 'orange' if p.level == 'medium' else 'gray'}-badge[{p.level}] "
                f"score **{p.score:.0f}**/100")
    st.markdown(esc(p.explanation))
    c1, c2 = st.columns(2)
    with c1:
        entity_link(p.investor_id, p.investor)
    with c2:
        entity_link(p.investee_id, p.investee)
    for s in p.signals:
        with st.expander(f"{esc(s.label)} · +{s.points:.0f} points · strength {s.strength:.2f}"):
            st.markdown(esc(s.detail))
            for ev in s.evidence:
                evidence_dict(ev)
            if s.evidence_count > len(s.evidence):
                st.caption(f"{s.evidence_count - len(s.evidence)} more sentences")
            for src in s.sources:
                st.caption(ad.md_link(src.get("title", src.get("id", "")), src.get("url")))
    if p.legal_tests:
        st.markdown("**Legal tests these signals speak to**")
        dataframe(
            [
                {"test": t["label"], "signals": ", ".join(t["signals"]), "assessment": t.get("assessment", ""),
                 "note": t.get("note", "")}
                for t in p.legal_tests
            ]
        )


# --- Concentration ---------------------------------------------------------------------------


def band_chart(df: pd.DataFrame, value: str, title: str, bands: list[tuple[float, float, str, str]],
               rules: list[tuple[float, str]]) -> alt.LayerChart:
    """Horizontal bars with the guideline bands shaded behind and thresholds drawn as rules."""
    top = max([float(df[value].max()) * 1.05, *(r for r, _ in rules)]) if len(df) else 1.0
    bdf = pd.DataFrame([{"from": a, "to": min(b, top), "band": n, "color": c} for a, b, n, c in bands if a < top])
    rdf = pd.DataFrame([{"at": r, "rule": n} for r, n in rules])
    height = max(160, 30 * len(df))
    areas = alt.Chart(bdf).mark_rect(opacity=0.15).encode(
        x=alt.X("from:Q", title=title, scale=alt.Scale(domain=[0, top])), x2="to:Q",
        color=alt.Color("color:N", scale=None), tooltip=["band:N"],
    )
    bars = alt.Chart(df).mark_bar(color="#4c78a8").encode(
        x=alt.X(f"{value}:Q"), y=alt.Y("label:N", sort="-x", title=None), tooltip=list(df.columns),
    )
    lines = alt.Chart(rdf).mark_rule(strokeDash=[4, 3], color="black").encode(x="at:Q", tooltip=["rule:N", "at:Q"])
    return (areas + bars + lines).properties(height=height)


def page_concentration() -> None:
    st.title("Concentration")
    if not analysis_ready("kg.analysis.concentration"):
        return
    rep = result("concentration", "Measuring concentration…")
    from kg.analysis.config import load_config

    conc = load_config()["concentration"]
    us, eu = float(conc["us_2023"]["highly_concentrated"]), conc["eu_2004"]
    st.subheader("Markets: HHI and CR4")
    if not rep.markets:
        st.info("No market shares stated in the articles yet.")
    else:
        df = pd.DataFrame(
            [{"label": m.market, "HHI": round(m.hhi, 1), "CR4": round(m.cr4, 1), "coverage": round(m.coverage, 1),
              "firms": len(m.holders)} for m in rep.markets]
        )
        bands = [
            (0, float(eu["low"]), "EU 2004: concerns unlikely below 1,000", "green"),
            (float(eu["low"]), us, "moderately concentrated", "orange"),
            (us, 10000, "US 2023: highly concentrated above 1,800", "red"),
        ]
        rules = [(float(eu["low"]), "EU 2004 low"), (us, "US 2023 highly concentrated"),
                 (float(eu["high"]), "EU 2004 high")]
        st.altair_chart(band_chart(df, "HHI", "HHI (0–10,000)", bands, rules))
        st.caption(
            f"Shading: green below {float(eu['low']):,.0f} (EU 2004: concerns unlikely), amber up to "
            f"{us:,.0f}, red above {us:,.0f} (US 2023: highly concentrated). Dashed lines: "
            f"{float(eu['low']):,.0f}, {us:,.0f} and {float(eu['high']):,.0f} (EU 2004 bands). "
            "Hover a bar for coverage and number of firms."
        )
        st.altair_chart(band_chart(df, "CR4", "CR4 (%)", [(0, 100, "share of the four largest", "gray")],
                                   [(float(eu["safe_share"]), "EU safe combined share"),
                                    (float(eu["dominance_share"]), "EU possible dominance")]))
        st.caption(f"CR4: the four largest stated shares. Dashed lines: {float(eu['safe_share']):,.0f}% "
                   f"(EU: combined share below it indicates no impediment) and "
                   f"{float(eu['dominance_share']):,.0f}% (may itself show dominance).")
        for note in rep.notes[:1]:
            st.caption(esc(note))
        for m in rep.markets:
            with st.expander(f"{esc(m.market)} · HHI {m.hhi:,.0f} · {esc(m.note)}"):
                dataframe([{k: h[k] for k in ("entity", "share", "date", "evidence")} for h in m.holders])
    if rep.mergers:
        st.subheader("Hypothetical mergers of investor and investee")
        dataframe([r.as_dict() for r in rep.mergers])
    st.subheader("Supplier dependency")
    if rep.suppliers:
        df = pd.DataFrame([{"label": s.supplier, "share": round(s.share, 1),
                            "developers": len(s.dependents)} for s in rep.suppliers[:25]])
        st.caption("Share of all AI developers in the graph that each supplier supplies (%).")
        chart = alt.Chart(df).mark_bar().encode(
            x=alt.X("share:Q", title="share of AI developers (%)", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("label:N", sort="-x", title=None), tooltip=list(df.columns),
        ).properties(height=max(160, 30 * len(df)))
        st.altair_chart(chart)
    else:
        st.write("No supplier of AI developers found yet.")
    if rep.customers:
        st.markdown("**How concentrated is each customer's supply** (HHI of its suppliers)")
        df = pd.DataFrame([{"label": c.customer, "hhi": round(c.hhi), "suppliers": len(c.suppliers),
                            "weighting": c.weighting} for c in rep.customers[:25]])
        st.altair_chart(band_chart(df, "hhi", "supplier HHI", [], [(us, f"{us:,.0f}")]))
        st.caption("10,000 = a single supplier; equal weights per supplier unless every supplier's amount is stated.")
    st.subheader("Centrality")
    if rep.centrality:
        metric = st.segmented_control("Rank by", ["pagerank", "degree", "betweenness"], default="pagerank",
                                      key="cent-metric") or "pagerank"
        rows = sorted((r.as_dict() for r in rep.centrality), key=lambda d: -d[metric])[:20]
        df = pd.DataFrame([{"label": r["entity"], metric: r[metric]} for r in rows])
        st.altair_chart(alt.Chart(df).mark_bar().encode(
            x=f"{metric}:Q", y=alt.Y("label:N", sort="-x", title=None), tooltip=["label:N", f"{metric}:Q"],
        ).properties(height=max(120, 24 * len(df))))
        dataframe([{k: v for k, v in r.items() if k != "kind"} for r in rows])
    for note in rep.notes[1:]:
        st.caption(esc(note))


# --- SPARQL ----------------------------------------------------------------------------------

DEFAULT_QUERY = """SELECT ?entity ?label WHERE {
  ?entity a rw:Company ; rdfs:label ?label .
} LIMIT 20"""


def _load_ready() -> None:
    from kg.sparql import ready_query

    name = st.session_state.get("sparql_ready")
    if name:
        st.session_state["sparql_text"] = ready_query(name).text


def page_sparql() -> None:
    st.title("SPARQL")
    if not analysis_ready("kg.sparql"):
        return
    from kg import sparql

    store = get_store()
    ready = {q.name: q for q in sparql.ready_queries()}
    st.selectbox(
        "Ready queries", [None, *ready], key="sparql_ready", on_change=_load_ready,
        format_func=lambda n: "— write your own —" if n is None else f"{ready[n].title} ({n})",
    )
    chosen = ready.get(st.session_state.get("sparql_ready") or "")
    if chosen is not None and chosen.description:
        st.caption(esc(chosen.description))
    if "sparql_text" not in st.session_state:
        st.session_state["sparql_text"] = DEFAULT_QUERY
    text = st.text_area("Query (read-only; the standard prefixes rw:, rwid:, rdfs: … are predefined)",
                        key="sparql_text", height=260)
    params: dict[str, str] = {}
    if chosen is not None and chosen.params:
        cols = st.columns(len(chosen.params))
        for col, prm in zip(cols, chosen.params):
            v = col.text_input(f"?{prm.name}", key=f"param-{chosen.name}-{prm.name}",
                               placeholder=prm.example, help=prm.description or None)
            if v.strip():
                params[prm.name] = v
    limit = st.number_input("Row cap", 10, 100_000, 5000, step=1000, key="sparql_cap")
    if st.button("Run query", type="primary", key="sparql_run", icon=":material/play_arrow:"):
        st.session_state.pop("sparql_result", None)
        try:
            query = sparql.bind_params(text, params) if params else text
            st.session_state["sparql_result"] = sparql.execute(store, query, max_results=int(limit))
        except RegwatchError as exc:
            st.error(esc(exc))
            return
    outcome = st.session_state.get("sparql_result")
    if outcome is not None:
        show_result(outcome)


def show_result(outcome: Any) -> None:
    from rdflib import Graph

    from kg import sparql

    result = outcome.result
    if isinstance(result, bool):
        st.success(f"ASK: {str(result).lower()}")
        fmts = [("json", "application/sparql-results+json", "json")]
    elif isinstance(result, Graph):
        st.write(f"{len(result):,} triples" + (" (cut at the row cap)" if outcome.truncated else ""))
        dataframe([{"subject": str(s), "predicate": str(p), "object": str(o)} for s, p, o in list(result)[:5000]])
        fmts = [("turtle", "text/turtle", "ttl"), ("jsonld", "application/ld+json", "jsonld"),
                ("csv", "text/csv", "csv")]
    else:
        st.write(f"{len(result):,} rows" + (" (cut at the row cap)" if outcome.truncated else ""))
        rows = ad.result_table(result)
        if rows:
            dataframe(rows)
        else:
            st.dataframe(pd.DataFrame(columns=result.vars), hide_index=True)
        fmts = [("csv", "text/csv", "csv"), ("json", "application/sparql-results+json", "json")]
    cols = st.columns(len(fmts))
    for col, (fmt, mime, ext) in zip(cols, fmts):
        data = sparql.format_result(result, fmt)
        col.download_button(f"Download {fmt.upper()}", data if isinstance(data, bytes) else data.encode("utf-8"),
                            file_name=f"regwatch-query.{ext}", mime=mime, key=f"sparql-dl-{fmt}")


# --- Ingest ----------------------------------------------------------------------------------


def read_uploads(files: list[Any], pasted: dict[str, str]) -> tuple[list[Any], list[str]]:
    """Articles from uploads and the paste box, and one line per problem."""
    from ingest.readers import ReadError, make_article, read_bytes

    items: list[Any] = []
    errors: list[str] = []
    for f in files or []:
        data = f.getvalue()
        if len(data) > ad.MAX_UPLOAD_BYTES:
            errors.append(f"{f.name}: larger than {ad.MAX_UPLOAD_MB} MB")
            continue
        for item in read_bytes(f.name, data, ad.MAX_UPLOAD_BYTES):
            if isinstance(item, ReadError):
                errors.append(str(item))
            else:
                items.append(item)
    if pasted.get("text", "").strip():
        if len(pasted["text"].encode("utf-8")) > ad.MAX_UPLOAD_BYTES:
            errors.append(f"pasted text: larger than {ad.MAX_UPLOAD_MB} MB")
        else:
            items.append(
                make_article(text=pasted["text"], title=pasted.get("title") or None, date=pasted.get("date") or None,
                             source=pasted.get("source") or None, url=pasted.get("url") or None, origin="pasted text")
            )
    return items, errors


def page_ingest() -> None:
    st.title("Ingest")
    st.caption(f"Up to {ad.MAX_UPLOAD_MB} MB per file: JSON lines, text, Markdown, HTML, RSS/Atom. "
               f"Entities and relations are found by {ad.md_code(model_name())}.")
    files = st.file_uploader("Files", type=list(ad.UPLOAD_TYPES), accept_multiple_files=True, key="upload")
    with st.expander("…or paste an article", expanded=not files):
        title = st.text_input("Title", key="paste_title")
        c1, c2, c3 = st.columns(3)
        when = c1.text_input("Date (YYYY-MM-DD)", key="paste_date")
        source = c2.text_input("Source", key="paste_source")
        url = c3.text_input("URL", key="paste_url")
        text = st.text_area("Text", key="paste_text", height=200)
    items, errors = read_uploads(files or [], {"title": title, "date": when, "source": source, "url": url,
                                               "text": text})
    for e in errors:
        st.error(esc(e))
    if not items:
        st.info("Upload a file or paste a text to preview what would be extracted.")
        return
    st.write(f"{len(items)} article{'s' if len(items) != 1 else ''} ready.")
    c1, c2 = st.columns(2)
    preview = c1.button("Preview extraction", key="ingest_preview", icon=":material/visibility:")
    add = c2.button("Add to the store", key="ingest_add", type="primary", icon=":material/add:")
    if preview:
        show_preview(items[:5])
        if len(items) > 5:
            st.caption(f"Previewing the first 5 of {len(items)} articles.")
    if add:
        from kg.pipeline import IngestOptions, ingest_articles

        problems: list[str] = []
        with st.spinner(f"Extracting and storing {len(items)} articles…"):
            try:
                summary = ingest_articles(get_store(), items, IngestOptions(model=os.environ.get("REGWATCH_MODEL")),
                                          on_error=problems.append)
            except RegwatchError as exc:
                st.error(esc(exc))
                return
        invalidate()
        st.success(esc(summary.line()))
        for p in problems:
            st.warning(esc(p))


def show_preview(articles: list[Any]) -> None:
    from ingest.extract import get_extractor

    try:
        with st.spinner("Running the extractor…"):
            extractions = list(get_extractor(os.environ.get("REGWATCH_MODEL")).extract(articles))
    except (RegwatchError, OSError) as exc:
        st.error(esc(exc))
        return
    legend = " ".join(f":{c}[{esc(ad.type_label(t))}]" for t, c in ad.ENTITY_HIGHLIGHT.items())
    st.markdown("Entity types: " + legend)
    for ex in extractions:
        with st.expander(esc(ex.article.title), expanded=len(extractions) == 1):
            types = {e.id: e.type for e in ex.entities}
            st.caption(" · ".join(esc(x) for x in (ex.article.date, ex.article.source, ex.article.origin) if x))
            for para in ad.paragraphs_markdown(ad.mention_segments(ex.article.text, ex.mentions, types)):
                st.markdown(para)
            ents, rels = ad.extraction_tables(ex)
            st.markdown(f"**{len(ents)} entities**")
            if ents:
                dataframe(ents)
            st.markdown(f"**{len(rels)} relations**")
            if rels:
                dataframe(rels)


# --- Review ----------------------------------------------------------------------------------


def judge(e: Any, decision: str, new_predicate: str | None = None, reverse: bool = False) -> None:
    """Callback: record one judgement on an edge, then let every view recompute."""
    from kg.curation import judge_edge

    try:
        judge_edge(get_store(), e.subject_id, e.predicate, e.object_id, decision,
                   new_predicate=new_predicate, reverse=reverse)
    except RegwatchError as exc:
        st.session_state["review_msg"] = ("error", str(exc))
        return
    invalidate()
    st.session_state["review_msg"] = ("success", f"{decision}: {e.subject_id} {e.predicate} {e.object_id}")


def _correct(e: Any, key: str) -> None:
    judge(e, "correct", st.session_state.get(f"{key}-pred"), bool(st.session_state.get(f"{key}-rev")))


def _merge() -> None:
    from kg.curation import merge_entities

    dup, canon = st.session_state.get("merge_dup"), st.session_state.get("merge_into")
    if not dup or not canon:
        st.session_state["review_msg"] = ("error", "pick both entities")
        return
    try:
        merge_entities(get_store(), dup, canon)
    except RegwatchError as exc:
        st.session_state["review_msg"] = ("error", str(exc))
        return
    invalidate()
    st.session_state["review_msg"] = ("success", f"merged {dup} into {canon}")


def _split(dup: str) -> None:
    from kg.curation import split_entity

    try:
        split_entity(get_store(), dup)
    except RegwatchError as exc:
        st.session_state["review_msg"] = ("error", str(exc))
        return
    invalidate()
    st.session_state["review_msg"] = ("success", f"split {dup} off again")


def page_review() -> None:
    from kg.curation import active_merges, load_curation, review_queue
    from kg.model import edge_id

    st.title("Review")
    msg = st.session_state.pop("review_msg", None)
    if msg:
        show = st.error if msg[0] == "error" else st.success
        show(esc(msg[1]))
    snap = snapshot()
    cur = load_curation(get_store())
    queue = review_queue(snap.edges, cur)
    tab_rel, tab_ent, tab_log = st.tabs(["Relations", "Entities", "History"])
    with tab_rel:
        st.write(f"{len(queue):,} relations not reviewed yet, lowest confidence first.")
        per_page = 10
        pages = max(1, (len(queue) + per_page - 1) // per_page)
        page = st.number_input("Page", 1, pages, 1, key="review_page") if pages > 1 else 1
        for e in queue[(page - 1) * per_page : page * per_page]:
            key = f"rv-{edge_id(e.subject_id, e.predicate, e.object_id)}"
            with st.container(border=True):
                st.markdown(edge_title(snap, e))
                names = ad.names_of(snap, e.subject_id) + ad.names_of(snap, e.object_id)
                for r in sorted(e.evidence, key=lambda r: (r.confidence, r.date or ""))[:3]:
                    evidence_block(r, names)
                c1, c2, c3, c4, c5 = st.columns([1, 1, 2, 1, 1])
                c1.button("Accept", key=f"{key}-acc", on_click=judge, args=(e, "accept"), icon=":material/check:")
                c2.button("Reject", key=f"{key}-rej", on_click=judge, args=(e, "reject"), icon=":material/close:")
                c3.selectbox("Predicate", PREDICATES, index=PREDICATES.index(e.predicate), key=f"{key}-pred",
                             format_func=ad.predicate_label, label_visibility="collapsed")
                c4.checkbox("Reverse", key=f"{key}-rev")
                c5.button("Correct", key=f"{key}-cor", on_click=_correct, args=(e, key), icon=":material/edit:")
    with tab_ent:
        st.markdown("**Merge two entities** (the first is folded into the second, which keeps its id)")
        ids = [e.id for e in snap.entities]

        def fmt(i: str | None) -> str:
            if i is None:
                return "—"
            ent = snap.by_id[i]
            return f"{ent.label} ({ad.type_label(ent.type)}, {i})"

        c1, c2, c3 = st.columns([3, 3, 1])
        c1.selectbox("Duplicate", [None, *ids], format_func=fmt, key="merge_dup")
        c2.selectbox("Merge into", [None, *ids], format_func=fmt, key="merge_into")
        c3.button("Merge", key="merge_go", on_click=_merge, icon=":material/merge:")
        merges = active_merges(cur)
        st.markdown("**Merges in force**")
        if not merges:
            st.write("None.")
        for j in merges:
            from kg.rdf import local_id

            dup = local_id(j.about)
            c1, c2 = st.columns([5, 1])
            c1.markdown(f"{ad.md_code(dup)} → {esc(snap.label(j.into or ''))} ({ad.md_code(j.into)}), {esc(j.at[:19])}")
            c2.button("Split", key=f"split-{dup}", on_click=_split, args=(dup,), icon=":material/call_split:")
    with tab_log:
        rows = []
        for j in reversed(cur.judgements):
            what = " ".join(j.edge) if j.edge else j.about.rsplit("/", 1)[-1]
            rows.append({"when": j.at[:19].replace("T", " "), "decision": j.decision, "about": what,
                         "result": " ".join(j.target) if j.target else (j.into or ""), "note": j.note})
        if rows:
            dataframe(rows)
        else:
            st.write("No judgements yet.")


# --- Export ----------------------------------------------------------------------------------


def page_export() -> None:
    st.title("Export")
    if not analysis_ready("kg.export"):
        return
    from kg.export import FORMATS

    store = get_store()
    snap = snapshot()
    st.subheader("The whole graph")
    c1, c2 = st.columns(2)
    fmt = c1.selectbox("Format", list(FORMATS), format_func=lambda f: f"{f} — {FORMATS[f]}", key="exp_fmt")
    use_date = c2.checkbox("Only articles published up to a date", key="exp_use_date")
    as_of = None
    if use_date:
        as_of = c2.date_input("As of", value=date.today(), key="exp_date").isoformat()
    if st.button("Prepare file", key="exp_go", type="primary"):
        try:
            with st.spinner("Writing the export…"):
                st.session_state["export_file"] = ad.export_bytes(store, fmt, as_of)
        except RegwatchError as exc:
            st.error(esc(exc))
    prepared = st.session_state.get("export_file")
    if prepared:
        name, data, mime, count = prepared
        st.download_button(f"Download {name} ({len(data):,} bytes, {count:,} items)", data, file_name=name,
                           mime=mime, key="exp_dl")
    st.subheader("One entity's neighbourhood")
    ids = [e.id for e in snap.entities]
    if not ids:
        st.info("The store is empty.")
        return
    c1, c2, c3 = st.columns([3, 1, 2])
    eid = c1.selectbox("Entity", ids, format_func=lambda i: snap.label(i), key="exp_entity")
    hops = c2.select_slider("Hops", options=[1, 2, 3], value=1, key="exp_hops")
    nfmt = c3.selectbox("Format", list(ad.NEIGHBOURHOOD_FORMATS),
                        format_func=lambda f: ad.NEIGHBOURHOOD_FORMATS[f], key="exp_nfmt")
    nb = ad.neighbourhood(snap.edges_of, eid, hops)
    if nb.truncated:
        st.warning(f"Cut to the {len(nb.nodes)} closest of {nb.reachable} entities.")
    name, data, mime = ad.neighbourhood_export(nb, snap, nfmt)
    st.download_button(f"Download {name} ({len(nb.nodes)} entities, {len(nb.edges)} relations)", data,
                       file_name=name, mime=mime, key="exp_nb_dl")


# --- navigation ------------------------------------------------------------------------------

PAGES = {
    "overview": st.Page(page_overview, title="Overview", default=True),  # served at "/"
    "explore": st.Page(page_explore, title="Explore", url_path="explore"),
    "patterns": st.Page(page_patterns, title="Patterns", url_path="patterns"),
    "concentration": st.Page(page_concentration, title="Concentration", url_path="concentration"),
    "sparql": st.Page(page_sparql, title="SPARQL", url_path="sparql"),
    "ingest": st.Page(page_ingest, title="Ingest", url_path="ingest"),
    "review": st.Page(page_review, title="Review", url_path="review"),
    "export": st.Page(page_export, title="Export", url_path="export"),
}


def main() -> None:
    page = st.navigation(list(PAGES.values()))
    # ?page=<name> opens a page directly (used by links and tests); other parameters are kept.
    goto = st.query_params.get("page")
    if goto in PAGES and PAGES[goto].url_path != page.url_path:
        rest = {k: v for k, v in st.query_params.to_dict().items() if k != "page"}
        st.switch_page(PAGES[goto], query_params=rest)
    with st.sidebar:
        st.caption(f"Store: {ad.md_code(store_location())}")
        st.caption(f"Model: {ad.md_code(model_name())}")
    page.run()


main()
