"""Networks of the factions, built from the infoboxes and the timeline of a corpus.

Four graphs, each deterministic (the same corpus always gives the same nodes, edges,
attribute values and insertion order, so the GraphML bytes are identical run to run):

- :func:`alliance_graph`: factions that fought on the same side of the same offensive;
- :func:`membership_graph`: member -> coalition edges from the infobox nesting;
- :func:`conflict_graph`: factions that fought on opposite sides of the same offensive;
- :func:`event_graph`: actors and places named together in timeline events.

Every node and edge attribute is a plain ``str``, ``int`` or ``bool`` (lists are joined
with ``'; '``), so :func:`networkx.write_graphml` and :func:`networkx.write_gexf` work
as they are; :func:`write_graphs` writes all four. Analysis helpers return tidy
DataFrames: :func:`brokers` (betweenness), :func:`communities` (Louvain with a fixed
seed) and :func:`coalition_by_year`. :func:`draw` plots any of the graphs (matplotlib
is imported only then).

The functions take a :class:`~idlibkit.corpus.Corpus` or any object with the same
tables: ``belligerents``, ``offensives`` and optionally ``units``, ``events``,
``faction_table`` (the :class:`~idlibkit.factions.FactionTable`; the kit's own by
default) and ``factions`` (the DataFrame of :func:`~idlibkit.faction_table.factions_table`,
built when missing).

Examples
--------
>>> import idlibkit as ik
>>> from idlibkit.graphs import alliance_graph, membership_graph
>>> corpus = ik.load_corpus()
>>> G = alliance_graph(corpus)
>>> G.edges["Al-Nusra Front", "Ahrar ash-Sham"]["weight"]
2
>>> G.edges["Al-Nusra Front", "Ahrar ash-Sham"]["years"]
'2012; 2013; 2015'
>>> membership_graph(corpus).has_edge("Al-Nusra Front", "Army of Conquest")
True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Integral
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .faction_table import (
    GENERIC_ACTORS,
    chronological,
    event_offensives,
    factions_table,
    offensive_periods,
    side_labels,
)
from .factions import FactionTable, default_factions

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "SIDE_STYLES",
    "alliance_graph",
    "brokers",
    "coalition_by_year",
    "communities",
    "conflict_graph",
    "draw",
    "event_graph",
    "membership_graph",
    "write_graphs",
]

#: How :func:`draw` shows a node: ``key -> (legend label, colour, marker)``. Colours are
#: from the Okabe–Ito palette (safe for colour-blind readers), and every key also has
#: its own marker, so the figure reads in grey scale too.
SIDE_STYLES: dict[str, tuple[str, str, str]] = {
    "government": ("Government side", "#0072B2", "s"),   # blue, square
    "opposition": ("Opposition side", "#D55E00", "o"),   # vermillion, circle
    "mixed": ("Both sides", "#CC79A7", "D"),             # reddish purple, diamond
    "": ("No side", "#56B4E9", "v"),                     # sky blue, triangle down
    "place": ("Place", "#009E73", "^"),                  # bluish green, triangle up
}

_SEP = "; "
_GENERIC_SIDES = {"Rebels": "opposition", "Government forces": "government"}


# --- the corpus's tables ------------------------------------------------------------------


def _lookup_table(corpus: Any) -> FactionTable:
    table = getattr(corpus, "faction_table", None)
    if isinstance(table, FactionTable):
        return table
    legacy = getattr(corpus, "factions", None)  # before corpus.factions became a DataFrame
    return legacy if isinstance(legacy, FactionTable) else default_factions()


def _table(corpus: Any, name: str) -> pd.DataFrame | None:
    value = getattr(corpus, name, None)
    return value if value is not None and hasattr(value, "columns") else None


def _factions_frame(corpus: Any) -> pd.DataFrame:
    frame = _table(corpus, "factions")
    if frame is not None:
        return frame
    return factions_table(corpus.belligerents, _table(corpus, "units"),
                          _table(corpus, "events"), corpus.offensives, _lookup_table(corpus))


@dataclass(frozen=True)
class _Party:
    offensive_id: str
    side: str | None      # government / opposition / None
    number: int           # the infobox side, 1 or 2
    name: str
    parent: str | None
    supporter: bool


class _Scope:
    """The parties, periods and faction attributes of a corpus, and a selection of it."""

    def __init__(self, corpus: Any, *, years: int | Iterable[int] | None = None,
                 offensives: str | Iterable[str] | None = None, units: bool = False,
                 supporters: bool = True) -> None:
        import pandas as pd

        self.corpus = corpus
        self.periods = offensive_periods(corpus.offensives)
        self.years_of = {oid: _span(start, end) for oid, (start, end) in self.periods.items()}
        unit_table = _table(corpus, "units")
        labels = side_labels(corpus.belligerents, unit_table, _lookup_table(corpus))
        self.years = _as_years(years)
        self.selected = self._select(offensives)
        tables = [corpus.belligerents] + ([unit_table] if units and unit_table is not None
                                          else [])
        parties = []
        for df in tables:
            if df is None or len(df) == 0:
                continue
            roles = df["role"] if "role" in df else ["combatant"] * len(df)
            parents = df["parent"] if "parent" in df else [None] * len(df)
            for oid, number, name, parent, role in zip(df["offensive_id"], df["side"],
                                                       df["name"], parents, roles, strict=True):
                if oid not in self.selected or (role == "supporter" and not supporters):
                    continue
                parties.append(_Party(oid, labels.get((oid, int(number))), int(number), name,
                                      None if parent is None or pd.isna(parent) else parent,
                                      role == "supporter"))
        self.parties = parties
        self._attrs: dict[str, dict[str, Any]] | None = None

    def _select(self, offensives: str | Iterable[str] | None) -> set[str]:
        known = set(self.periods)
        chosen = known
        if offensives is not None:
            chosen = {offensives} if isinstance(offensives, str) else set(offensives)
            unknown = sorted(chosen - known)
            if unknown:
                raise ValueError(f"unknown offensive_id(s): {', '.join(unknown)}; the corpus "
                                 f"has {', '.join(sorted(known))}")
        if self.years is not None:
            chosen = {oid for oid in chosen if self.years & set(self.years_of.get(oid, ()))}
        return chosen

    def faction_attrs(self) -> dict[str, dict[str, Any]]:
        """``name -> {kind, side_in_corpus, parent}`` from ``corpus.factions``."""
        if self._attrs is None:
            df = _factions_frame(self.corpus)
            self._attrs = {
                name: {"kind": _text(kind), "side_in_corpus": _text(side),
                       "parent": _text(parent)}
                for name, kind, side, parent in zip(df["name"], df["kind"],
                                                    df["side_in_corpus"], df["parent"],
                                                    strict=True)
            }
        return self._attrs

    def node(self, name: str, offensives: Iterable[str]) -> dict[str, Any]:
        """The attributes of a faction node seen in *offensives*."""
        ordered = chronological(offensives, self.periods)
        attrs = dict(self.faction_attrs().get(
            name, {"kind": "", "side_in_corpus": "", "parent": ""}))
        attrs.update(offensives=_SEP.join(ordered), n_offensives=len(ordered),
                     years=self.years_text(ordered))
        return attrs

    def years_text(self, offensives: Iterable[str]) -> str:
        years = sorted({y for oid in offensives for y in self.years_of.get(oid, ())})
        return _SEP.join(map(str, years))

    def graph_attrs(self, name: str, description: str, used: Iterable[str] | None = None
                    ) -> dict[str, str]:
        """Graph attributes: the offensives of the selection that *used* (default: those
        with infobox parties) and their years."""
        used = {p.offensive_id for p in self.parties} if used is None else set(used)
        return {"name": name, "description": description,
                "offensives": _SEP.join(chronological(used, self.periods)),
                "years": self.years_text(used)}


def _text(value: object) -> str:
    import pandas as pd

    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _span(start: object, end: object) -> tuple[int, ...]:
    import pandas as pd

    if start is None or pd.isna(start):
        return ()
    last = end if end is not None and not pd.isna(end) else start
    return tuple(range(start.year, last.year + 1))


def _as_years(years: int | Iterable[int] | None) -> set[int] | None:
    if years is None:
        return None
    return {int(years)} if isinstance(years, Integral) else {int(y) for y in years}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _nodes_and_edges(G: nx.Graph, nodes: dict[str, dict], edges: dict[tuple, dict]) -> nx.Graph:
    """Add *nodes* and *edges* to *G* in sorted order (what makes the bytes repeatable)."""
    for name in sorted(nodes):
        G.add_node(name, **nodes[name])
    for key in sorted(edges):
        G.add_edge(*key, **edges[key])
    return G


# --- graphs -------------------------------------------------------------------------------


def _sided_graph(corpus: Any, *, same: bool, years: int | Iterable[int] | None,
                 offensives: str | Iterable[str] | None, supporters: bool,
                 units: bool) -> nx.Graph:
    scope = _Scope(corpus, years=years, offensives=offensives, units=units,
                   supporters=supporters)
    # (offensive, infobox side) -> name -> listed only as a supporter?
    camps: dict[tuple[str, int], dict[str, bool]] = defaultdict(dict)
    seen: dict[str, set[str]] = defaultdict(set)
    for p in scope.parties:
        camp = camps[(p.offensive_id, p.number)]
        camp[p.name] = camp.get(p.name, True) and p.supporter
        seen[p.name].add(p.offensive_id)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    via_supporter: dict[tuple[str, str], set[str]] = defaultdict(set)
    camp_sides: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_offensive: dict[str, list[tuple[int, dict[str, bool]]]] = defaultdict(list)
    for (oid, number), camp in sorted(camps.items()):
        by_offensive[oid].append((number, camp))
    labels = {(p.offensive_id, p.number): p.side for p in scope.parties}
    for oid, numbered in by_offensive.items():
        if same:
            groups = [(camp, camp, labels[(oid, number)]) for number, camp in numbered]
        else:
            groups = [(a, b, None) for i, (_, a) in enumerate(numbered)
                      for _, b in numbered[i + 1:]]
        for left, right, label in groups:
            for a in sorted(left):
                for b in sorted(right):
                    if a == b:
                        continue
                    key = _pair(a, b)
                    shared[key].add(oid)
                    if left[a] or right[b]:
                        via_supporter[key].add(oid)
                    if label:
                        camp_sides[key].add(label)
    nodes = {name: scope.node(name, offs) for name, offs in seen.items()}
    edges = {}
    for key, offs in shared.items():
        ordered = chronological(offs, scope.periods)
        attrs = {"weight": len(ordered), "supporter_weight": len(via_supporter[key]),
                 "offensives": _SEP.join(ordered), "years": scope.years_text(ordered)}
        if same:
            attrs["side"] = _SEP.join(sorted(camp_sides[key]))
        edges[key] = attrs
    if same:
        G = nx.Graph(**scope.graph_attrs(
            "alliances", "factions listed on the same side of the same offensive"))
    else:
        G = nx.Graph(**scope.graph_attrs(
            "conflicts", "factions listed on opposite sides of the same offensive"))
    return _nodes_and_edges(G, nodes, edges)


def alliance_graph(
    corpus: Any,
    *,
    years: int | Iterable[int] | None = None,
    offensives: str | Iterable[str] | None = None,
    supporters: bool = True,
    units: bool = False,
) -> nx.Graph:
    """Factions that fought on the same side of the same offensive.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus (or any object with its tables, see the module notes).
    years : int or iterable of int, optional
        Keep only the offensives that span one of these calendar years (an offensive from
        June 2012 to April 2013 spans 2012 and 2013).
    offensives : str or iterable of str, optional
        Keep only these offensive_ids.
    supporters : bool
        Include the parties an infobox lists after ``Supported by:`` (default). Their edges
        count in ``weight`` and also in ``supporter_weight``, so
        ``weight - supporter_weight`` is the number of offensives the two fought in as
        combatants together.
    units : bool
        Also include the infobox's Units fields (``corpus.units``); off by default, since
        units are formations of a belligerent rather than parties of their own.

    Returns
    -------
    networkx.Graph
        Nodes are canonical faction names, with attributes ``kind``, ``side_in_corpus``
        and ``parent`` (from ``corpus.factions``, ``''`` when unknown), ``offensives``
        (the offensive_ids of the selection that list it, chronological, joined with
        ``'; '``), ``n_offensives`` and ``years``. An edge joins two factions listed on
        the same side of at least one offensive, a coalition and its nested members
        included; its attributes are ``weight`` (the number of such offensives),
        ``supporter_weight``, ``offensives``, ``years`` and ``side`` (the camp,
        ``government`` / ``opposition``). Graph attributes ``name``, ``description``,
        ``offensives`` and ``years`` describe the selection.

    Raises
    ------
    ValueError
        If *offensives* names an offensive_id the corpus does not have.

    See Also
    --------
    conflict_graph, membership_graph, brokers, communities, draw

    Examples
    --------
    >>> import idlibkit as ik
    >>> corpus = ik.load_corpus()
    >>> G = alliance_graph(corpus, years=2015)
    >>> G.graph["offensives"], G.number_of_nodes()
    ('2015-idlib-offensive', 14)
    >>> dict(G.edges["Army of Conquest", "Al-Nusra Front"])["offensives"]
    '2015-idlib-offensive'
    >>> alliance_graph(corpus).nodes["Al-Nusra Front"]["n_offensives"]
    4
    """
    return _sided_graph(corpus, same=True, years=years, offensives=offensives,
                        supporters=supporters, units=units)


def conflict_graph(
    corpus: Any,
    *,
    years: int | Iterable[int] | None = None,
    offensives: str | Iterable[str] | None = None,
    supporters: bool = True,
    units: bool = False,
) -> nx.Graph:
    """Factions that fought on opposite sides of the same offensive.

    Parameters and node attributes are those of :func:`alliance_graph`. An edge joins two
    factions listed on opposite sides of at least one offensive; its attributes are
    ``weight`` (the number of such offensives), ``supporter_weight``, ``offensives`` and
    ``years``.

    Examples
    --------
    >>> import idlibkit as ik
    >>> G = conflict_graph(ik.load_corpus())
    >>> G.edges["Syrian Government", "Al-Nusra Front"]["weight"]
    4
    >>> G.edges["Syrian Army", "Al-Nusra Front"]["offensives"]
    '2015-idlib-offensive'
    >>> G.has_edge("Al-Nusra Front", "Ahrar ash-Sham")
    False
    """
    return _sided_graph(corpus, same=False, years=years, offensives=offensives,
                        supporters=supporters, units=units)


def membership_graph(
    corpus: Any,
    *,
    years: int | Iterable[int] | None = None,
    offensives: str | Iterable[str] | None = None,
    units: bool = True,
    reference: bool = False,
) -> nx.DiGraph:
    """Member -> coalition/organisation edges from the infobox nesting.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    years, offensives
        Select offensives as in :func:`alliance_graph`.
    units : bool
        Include the nesting of the Units fields too (``Omar al-Farouq Brigade`` under
        ``Ahrar ash-Sham``); on by default.
    reference : bool
        Also add the parent the reference table (``data/factions.csv``) gives a faction
        when no infobox of the selection nests it there (``Tiger Forces -> Syrian Army``);
        such edges have ``weight`` 0 and ``source`` ``'factions.csv'``.

    Returns
    -------
    networkx.DiGraph
        Every faction listed in the selection is a node (attributes as in
        :func:`alliance_graph`); a faction nobody nests and that nests nobody is an
        isolated node. An edge ``member -> parent`` has ``weight`` (the number of
        offensives whose infobox nests it so), ``offensives``, ``years`` and ``source``
        (``'infobox'``).

    Examples
    --------
    >>> import idlibkit as ik
    >>> G = membership_graph(ik.load_corpus())
    >>> sorted(G.successors("Syrian Army"))
    ['Syrian Armed Forces']
    >>> sorted(G.predecessors("Army of Conquest"))  # doctest: +NORMALIZE_WHITESPACE
    ['Ahrar ash-Sham', 'Ajnad al-Sham', 'Al-Nusra Front', 'Jaysh al-Sunna', 'Jund al-Aqsa',
     'Liwa al-Haqq', 'Sham Legion']
    """
    scope = _Scope(corpus, years=years, offensives=offensives, units=units)
    seen: dict[str, set[str]] = defaultdict(set)
    nested: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in scope.parties:
        seen[p.name].add(p.offensive_id)
        if p.parent is not None and p.parent != p.name:
            nested[(p.name, p.parent)].add(p.offensive_id)
            seen[p.parent].add(p.offensive_id)
    edges = {}
    for key, offs in nested.items():
        ordered = chronological(offs, scope.periods)
        edges[key] = {"weight": len(ordered), "offensives": _SEP.join(ordered),
                      "years": scope.years_text(ordered), "source": "infobox"}
    if reference:
        table = _lookup_table(corpus)
        for name in sorted(seen):
            row = table.factions.get(name)
            if row is not None and row.parent and not any(k[0] == name for k in edges):
                edges[(name, row.parent)] = {"weight": 0, "offensives": "", "years": "",
                                             "source": "factions.csv"}
                seen.setdefault(row.parent, set())
    nodes = {name: scope.node(name, offs) for name, offs in seen.items()}
    G = nx.DiGraph(**scope.graph_attrs(
        "membership", "member -> coalition or organisation, from the infobox nesting"))
    return _nodes_and_edges(G, nodes, edges)


def event_graph(
    corpus: Any,
    *,
    years: int | Iterable[int] | None = None,
    offensives: str | Iterable[str] | None = None,
    generic: bool = True,
) -> nx.Graph:
    """Actors and places named together in the timeline's events.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    years : int or iterable of int, optional
        Keep only the events dated in these years (undated events are then dropped).
    offensives : str or iterable of str, optional
        Keep only the events of these offensives; an event of a news report belongs to
        the offensive the report is linked to.
    generic : bool
        Include the side-level actors ``Rebels``, ``Government forces`` and
        ``Unidentified armed group`` (default); False keeps only named factions.

    Returns
    -------
    networkx.Graph
        Nodes have ``type`` (``'actor'`` or ``'place'``), ``events`` (how many selected
        events name it) and ``side_in_corpus`` and ``kind`` (for a faction from
        ``corpus.factions``; a generic actor has kind ``'generic'``; ``''`` for places).
        A place that shares its name with an actor gets the node id ``'<name> (place)'``.
        An edge joins any two nodes named in the same event (actor–actor, actor–place and
        place–place alike, ``kind`` says which); ``weight`` is the number of such events,
        ``offensives`` and ``years`` where they are.

    Examples
    --------
    >>> import idlibkit as ik
    >>> G = event_graph(ik.load_corpus())
    >>> G.nodes["Mastouma"]["type"], G.nodes["Tiger Forces"]["type"]
    ('place', 'actor')
    >>> G.edges["Tiger Forces", "Qameenas"]["kind"]
    'actor-place'
    """
    import pandas as pd

    scope = _Scope(corpus, offensives=offensives)
    events = _table(corpus, "events")
    attrs = scope.faction_attrs()
    counts: Counter = Counter()
    types: dict[str, str] = {}
    together: dict[tuple[str, str], list[tuple[str, object]]] = defaultdict(list)
    wanted_years = _as_years(years)
    rows = [] if events is None or len(events) == 0 else zip(
        event_offensives(events, corpus.offensives), events["event_date"], events["actors"],
        events["locations"], strict=True)
    picked = []
    for oid, when, actors, places in rows:
        if oid not in scope.selected:
            continue
        if wanted_years is not None and (pd.isna(when) or when.year not in wanted_years):
            continue
        names = [a for a in dict.fromkeys(actors if isinstance(actors, list) else ())
                 if generic or a not in GENERIC_ACTORS]
        picked.append((oid, when, names, list(dict.fromkeys(
            places if isinstance(places, list) else ()))))
    actor_names = {a for _, _, names, _ in picked for a in names}
    for oid, when, names, places in picked:
        ids = [(a, "actor") for a in names]
        ids += [(f"{p} (place)" if p in actor_names else p, "place") for p in places]
        for node, kind in ids:
            counts[node] += 1
            types[node] = kind
        for i, (a, _) in enumerate(ids):
            for b, _ in ids[i + 1:]:
                if a != b:
                    together[_pair(a, b)].append((oid, when))
    nodes = {}
    for node, kind in types.items():
        if kind == "place":
            nodes[node] = {"type": "place", "events": counts[node], "side_in_corpus": "",
                           "kind": ""}
        else:
            info = attrs.get(node, {})
            side = _GENERIC_SIDES.get(node, info.get("side_in_corpus", ""))
            nodes[node] = {"type": "actor", "events": counts[node], "side_in_corpus": side,
                           "kind": "generic" if node in GENERIC_ACTORS else info.get("kind", "")}
    edges = {}
    for (a, b), hits in together.items():
        kinds = sorted((types[a], types[b]))
        ordered = chronological({oid for oid, _ in hits}, scope.periods)
        dated = sorted({when.year for _, when in hits if not pd.isna(when)})
        edges[(a, b)] = {"weight": len(hits), "kind": "-".join(kinds),
                         "offensives": _SEP.join(ordered), "years": _SEP.join(map(str, dated))}
    used = {oid for oid, _, names, places in picked if names or places}
    G = nx.Graph(**scope.graph_attrs("events", "actors and places named in the same event",
                                     used))
    if wanted_years is not None:
        G.graph["years"] = _SEP.join(map(str, sorted(wanted_years)))
    return _nodes_and_edges(G, nodes, edges)


# --- analysis ----------------------------------------------------------------------------


def _node_info(G: nx.Graph, node: str) -> tuple[str, str]:
    data = G.nodes[node]
    return data.get("side_in_corpus", ""), data.get("kind", "")


def brokers(G: nx.Graph, top: int | None = None, *, weight: str | None = "weight"
            ) -> pd.DataFrame:
    """Who connects the others: betweenness centrality as a table.

    With *weight*, a strong tie is a short one: the distance of an edge is
    ``1 / weight``, so a path through factions that fought together often counts as
    shorter than one through a single shared offensive. Betweenness is normalised
    (:func:`networkx.betweenness_centrality` with ``normalized=True``).

    Parameters
    ----------
    G : networkx.Graph
        Any of the graphs of this module (or another graph).
    top : int, optional
        Keep the first *top* rows.
    weight : str or None
        The edge attribute holding the tie strength (positive numbers); None treats every
        edge alike.

    Returns
    -------
    DataFrame
        Columns ``name``, ``betweenness``, ``degree`` (number of neighbours),
        ``strength`` (sum of the weights, the degree when *weight* is None),
        ``side_in_corpus``, ``kind``; sorted by betweenness (highest first), then degree,
        then name.

    Raises
    ------
    ValueError
        If an edge has a weight that is not positive.

    Examples
    --------
    A path a - b - c: only b lies between the others.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> brokers(G, weight=None)[["name", "betweenness", "degree"]]
      name  betweenness  degree
    0    b          1.0       2
    1    a          0.0       1
    2    c          0.0       1
    """
    import pandas as pd

    H = G.copy()
    distance = None
    if weight is not None:
        distance = "__distance"
        for u, v, data in H.edges(data=True):
            w = data.get(weight, 1)
            if not w or w <= 0:
                raise ValueError(f"edge {u!r}-{v!r} has {weight}={w!r}; weights must be > 0")
            data[distance] = 1.0 / w
    between = nx.betweenness_centrality(H, weight=distance, normalized=True)
    rows = []
    for node in G.nodes:
        side, kind = _node_info(G, node)
        strength = G.degree(node, weight=weight) if weight is not None else G.degree(node)
        rows.append({"name": node, "betweenness": float(between[node]),
                     "degree": int(G.degree(node)), "strength": strength,
                     "side_in_corpus": side, "kind": kind})
    df = pd.DataFrame(rows, columns=["name", "betweenness", "degree", "strength",
                                     "side_in_corpus", "kind"])
    df = df.sort_values(["betweenness", "degree", "name"], ascending=[False, False, True],
                        kind="mergesort", ignore_index=True)
    return df.head(top) if top is not None else df


def communities(G: nx.Graph, *, seed: int = 0, weight: str | None = "weight",
                resolution: float = 1.0) -> pd.DataFrame:
    """Which factions cluster together: Louvain communities as a table.

    Parameters
    ----------
    G : networkx.Graph
        Any graph (a directed one is treated as undirected).
    seed : int
        The random seed of :func:`networkx.community.louvain_communities`; the same graph
        and seed always give the same communities.
    weight : str or None
        Edge attribute used as the tie strength.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.

    Returns
    -------
    DataFrame
        One row per node: ``name``, ``community`` (0 for the largest; ties are broken by
        the alphabetically first member), ``size`` (of its community),
        ``side_in_corpus``, ``kind``; sorted by community, then name.

    Examples
    --------
    Two triangles joined by one edge fall apart into two communities.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"),
    ...               ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> communities(G)[["name", "community"]].values.tolist()
    [['a', 0], ['b', 0], ['c', 0], ['x', 1], ['y', 1], ['z', 1]]
    """
    import pandas as pd

    U = G.to_undirected() if G.is_directed() else G
    found = nx.community.louvain_communities(U, weight=weight, resolution=resolution,
                                             seed=seed) if len(U) else []
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    rows = []
    for number, members in enumerate(ordered):
        for node in members:
            side, kind = _node_info(G, node)
            rows.append({"name": node, "community": number, "size": len(members),
                         "side_in_corpus": side, "kind": kind})
    return pd.DataFrame(rows, columns=["name", "community", "size", "side_in_corpus", "kind"])


def coalition_by_year(
    corpus: Any,
    *,
    by: str = "span",
    supporters: bool = True,
    units: bool = False,
) -> pd.DataFrame:
    """Who was listed on which side, year by year.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    by : {'span', 'start', 'end'}
        Which years an offensive counts for: every calendar year it spans (default), or
        only the year it started or ended. A long siege spans many years; its infobox
        qualifiers (``until late 2014``) stay in ``corpus.belligerents``.
    supporters, units : bool
        As in :func:`alliance_graph`.

    Returns
    -------
    DataFrame
        One row per year, side and faction: ``year`` (int), ``side`` (``government`` /
        ``opposition``, None when the side cannot be told), ``faction``, ``parent`` (the
        coalition it is listed under that year, the most frequent one if several, or
        None at the top level), ``kind``, ``offensives`` (list, chronological),
        ``n_offensives``, ``new`` (True in the first year the faction is listed on that
        side); sorted by year, side and faction.

    Examples
    --------
    From FSA-led brigades in 2012 to the Army of Conquest in 2015:

    >>> import idlibkit as ik
    >>> df = coalition_by_year(ik.load_corpus())
    >>> rebels = df[(df.side == "opposition") & df.parent.isna()]
    >>> rebels[rebels.year == 2012].faction.tolist()
    ['Ahrar ash-Sham', 'Al-Nusra Front', 'Free Syrian Army', 'Liwaa al-Umma', 'Sham Falcons']
    >>> rebels[rebels.year == 2015].faction.tolist()
    ['Ajnad al-Kavkaz', 'Army of Conquest', "Tarkhan's Jamaat"]
    """
    import pandas as pd

    if by not in {"span", "start", "end"}:
        raise ValueError(f"by must be 'span', 'start' or 'end', not {by!r}")
    scope = _Scope(corpus, units=units, supporters=supporters)
    attrs = scope.faction_attrs()
    offs: dict[tuple[int, str | None, str], set[str]] = defaultdict(set)
    parents: dict[tuple[int, str | None, str], Counter] = defaultdict(Counter)
    for p in scope.parties:
        span = scope.years_of.get(p.offensive_id, ())
        years = span if by == "span" else span[:1] if by == "start" else span[-1:]
        for year in years:
            key = (year, p.side, p.name)
            offs[key].add(p.offensive_id)
            parents[key][p.parent] += 1
    rows = []
    first: dict[tuple[str | None, str], int] = {}
    for key in sorted(offs, key=lambda k: (k[0], k[1] or "", k[2].casefold(), k[2])):
        year, side, name = key
        counted = parents[key]
        parent = min(counted.items(), key=lambda kv: (-kv[1], kv[0] is not None, kv[0] or ""))[0]
        ordered = chronological(offs[key], scope.periods)
        first.setdefault((side, name), year)
        rows.append({"year": year, "side": side, "faction": name, "parent": parent,
                     "kind": attrs.get(name, {}).get("kind") or None, "offensives": ordered,
                     "n_offensives": len(ordered), "new": first[(side, name)] == year})
    columns = ["year", "side", "faction", "parent", "kind", "offensives", "n_offensives", "new"]
    df = pd.DataFrame(rows, columns=columns).astype(
        {"year": "int64", "n_offensives": "int64", "new": "bool"})
    for col in ("side", "parent", "kind"):
        df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


# --- files ---------------------------------------------------------------------------------


def write_graphs(corpus: Any, out_dir: str | Path) -> list[Path]:
    """Write the four graphs as GraphML and GEXF into *out_dir* (created if needed).

    Files: ``alliances``, ``membership``, ``conflicts`` and ``events``, each as
    ``.graphml`` and ``.gexf``, byte-identical for the same corpus (the GEXF header leaves
    out the optional day-of-writing stamp).

    Returns
    -------
    list of Path
        The files written, GraphML first.

    Raises
    ------
    ValueError
        If *out_dir* is inside the kit's own ``data/`` folder, which the kit never writes.

    Examples
    --------
    >>> import idlibkit as ik, tempfile
    >>> paths = write_graphs(ik.load_corpus(), tempfile.mkdtemp())
    >>> [p.name for p in paths][:4]
    ['alliances.graphml', 'membership.graphml', 'conflicts.graphml', 'events.graphml']
    """
    from ._paths import data_dir

    out = Path(out_dir).resolve()
    kit_data = data_dir().resolve()
    if out == kit_data or kit_data in out.parents:
        raise ValueError(f"refusing to write into the kit's data folder ({kit_data})")
    out.mkdir(parents=True, exist_ok=True)
    graphs = {"alliances": alliance_graph(corpus), "membership": membership_graph(corpus),
              "conflicts": conflict_graph(corpus), "events": event_graph(corpus)}
    written = []
    for suffix, writer in ((".graphml", nx.write_graphml), (".gexf", _write_gexf)):
        for name, G in graphs.items():
            path = out / f"{name}{suffix}"
            writer(G, path)
            written.append(path)
    return written


def _write_gexf(G: nx.Graph, path: Path) -> None:
    """:func:`networkx.write_gexf` without the (optional) day-of-writing stamp, so the same
    corpus gives the same bytes on any day."""
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.xml.find("meta").attrib.pop("lastmodifieddate", None)
    writer.add_graph(G)
    writer.write(path)


# --- drawing --------------------------------------------------------------------------------

_LAYOUTS = ("spring", "kamada_kawai", "circular", "shell")


def _layout(G: nx.Graph, layout: str, seed: int, weight: str | None) -> dict:
    """Node positions: each connected component laid out on its own and the components
    packed on a grid (largest first), so a small camp is not squeezed into a corner;
    isolated nodes go in rows underneath."""
    import math

    U = G.to_undirected(as_view=True) if G.is_directed() else G
    parts = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))
    groups = [c for c in parts if len(c) > 1]
    singles = [c[0] for c in parts if len(c) == 1]
    placed = []
    for members in groups:
        sub = G.subgraph(members)
        radius = math.sqrt(len(members))
        if layout == "spring":
            # damped weights: heavy ties pull a little closer, weight-0 ties still pull
            sub = nx.Graph(sub)
            for _, _, data in sub.edges(data=True):
                data["__pull"] = 1.0 + math.log1p(float(data.get(weight, 1) or 0)
                                                  if weight else 1.0)
            local = nx.spring_layout(sub, seed=seed, weight="__pull", iterations=200,
                                     k=2.5 / math.sqrt(len(members)), scale=radius)
        elif layout == "kamada_kawai":
            local = nx.kamada_kawai_layout(sub, weight=weight, scale=radius)
        elif layout == "circular":
            local = nx.circular_layout(sub, scale=radius)
        else:
            local = nx.shell_layout(sub, scale=radius)
        placed.append(local)
    cell = max((2 * math.sqrt(len(c)) + 1.5 for c in groups), default=2.0)
    columns = max(1, math.ceil(math.sqrt(len(groups))))
    pos: dict = {}
    for i, local in enumerate(placed):
        ox, oy = (i % columns) * cell, -(i // columns) * cell
        for node, (x, y) in local.items():
            pos[node] = (float(x) + ox, float(y) + oy)
    rows_used = math.ceil(len(groups) / columns)
    width = max(columns * cell - 2.0, 2.0)
    step = 2.0
    per_row = max(1, int(width // step) + 1)
    top = -(rows_used - 0.5) * cell if groups else 0.0
    left = -(cell / 2 - 1.0) if groups else 0.0
    for j, node in enumerate(singles):
        pos[node] = (left + (j % per_row) * step, top - 1.0 - (j // per_row) * step)
    return pos


def _style_key(data: dict) -> str:
    if data.get("type") == "place":
        return "place"
    side = data.get("side_in_corpus") or ""
    return side if side in SIDE_STYLES else ""


def draw(
    G: nx.Graph,
    ax: Axes | None = None,
    *,
    seed: int = 0,
    layout: str = "spring",
    labels: bool = True,
    legend: bool = True,
    weight: str | None = "weight",
    node_size: int = 260,
    font_size: float = 7.5,
    title: str | None = None,
) -> Axes:
    """Draw a graph of this module: sides by colour and shape, ties by line width.

    Parameters
    ----------
    G : networkx.Graph
        Nodes may carry ``side_in_corpus`` and ``type`` (``'place'``) attributes, which
        choose their style from :data:`SIDE_STYLES` (Okabe–Ito colours, one marker per
        side).
    ax : matplotlib Axes, optional
        Where to draw; a new figure when None.
    seed : int
        Seed of the layout, so the same graph is always drawn the same way.
    layout : {'spring', 'kamada_kawai', 'circular', 'shell'}
        The node placement (``kamada_kawai`` needs SciPy).
    labels : bool
        Write node names (on a pale box, so they stay readable over edges).
    legend : bool
        Add a legend of the sides shown.
    weight : str or None
        Edge attribute that sets the line width (proportional, from 0.6 to 4.5 points).
    node_size : int
        Marker area in points².
    font_size : float
        Label size in points.
    title : str, optional
        Axes title; by default the graph's ``description`` attribute, if any.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on: one ``PathCollection`` per side shown, the edges (a
        ``LineCollection`` for an undirected graph, arrows for a directed one), one
        ``Text`` per label.

    Raises
    ------
    ImportError
        If matplotlib is not installed.
    ValueError
        For an unknown *layout*.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", side_in_corpus="government")
    >>> G.add_node("b", side_in_corpus="opposition")
    >>> G.add_edge("a", "b", weight=2)
    >>> ax = draw(G)
    >>> len(ax.collections), len(ax.texts)
    (3, 2)
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib.lines import Line2D
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("draw() needs matplotlib: pip install 'idlibkit[maps]'") from exc
    if layout not in _LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(_LAYOUTS)}, not {layout!r}")
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 7), layout="constrained")
    pos = _layout(G, layout, seed, weight)

    if G.number_of_edges():
        values = [float(d.get(weight, 1) or 0) if weight else 1.0
                  for _, _, d in G.edges(data=True)]
        top = max(values) or 1.0
        widths = [0.6 + 3.9 * v / top for v in values]
        extra = {"arrows": True, "arrowsize": 10, "node_size": node_size} if G.is_directed() \
            else {}
        nx.draw_networkx_edges(G, pos, ax=ax, width=widths, edge_color="#4D4D4D",
                               alpha=0.55, **extra)
    groups: dict[str, list] = defaultdict(list)
    for node, data in G.nodes(data=True):
        groups[_style_key(data)].append(node)
    handles = []
    for key, (label, colour, marker) in SIDE_STYLES.items():
        if not groups.get(key):
            continue
        nx.draw_networkx_nodes(G, pos, nodelist=groups[key], ax=ax, node_color=colour,
                               node_shape=marker, node_size=node_size, edgecolors="white",
                               linewidths=0.8, label=label)
        handles.append(Line2D([], [], linestyle="", marker=marker, markersize=8,
                              markerfacecolor=colour, markeredgecolor="white", label=label))
    if labels and len(G):
        ys = [y for _, y in pos.values()]
        lift = 0.035 * ((max(ys) - min(ys)) or 1.0)
        nx.draw_networkx_labels(G, {n: (x, y + lift) for n, (x, y) in pos.items()}, ax=ax,
                                font_size=font_size, verticalalignment="bottom",
                                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                                      "edgecolor": "none", "alpha": 0.7})
    if legend and handles:
        if G.number_of_edges() and weight:
            handles.append(Line2D([], [], color="#4D4D4D", linewidth=2.5,
                                  label=f"line width ∝ {weight}"))
        ax.legend(handles=handles, loc="best", fontsize=8, frameon=True)
    heading = title if title is not None else G.graph.get("description")
    if heading:
        ax.set_title(heading, fontsize=10)
    ax.set_axis_off()
    ax.margins(0.08)
    return ax
