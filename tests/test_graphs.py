"""Tests for :mod:`idlibkit.graphs`.

Exact values on a tiny hand-made world first (networkx-style), then hand-checked facts of
the seed corpus, determinism (GraphML bytes of two loads), an alias joining its node, the
GraphML/GEXF round trip and the drawing.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pandas as pd
import pytest
from conftest import CORPUS, ROOT

import idlibkit as ik
from idlibkit import graphs
from idlibkit.factions import Faction, FactionTable

T = pd.Timestamp


# --- a tiny world -------------------------------------------------------------------------
#
# early (2012-13):  FSA, * Falcons, Nusra          vs  Gov, * Army
# middle (2014):    Nusra, Aqsa, Supported by: Cells vs  Gov
# late (2015):      Conquest, * Nusra, * Ahrar     vs  Gov, * Army
# news (2015):      a report linked to "late", no infobox


def _f(name: str, side: str | None, kind: str = "rebel group", parent: str | None = None,
       *aliases: str) -> Faction:
    return Faction(name, aliases, kind, parent, side, "test")


TABLE = FactionTable([
    _f("Gov", "government", "state"),
    _f("Army", "government", "armed forces branch", "Gov"),
    _f("FSA", "opposition", "coalition"),
    _f("Falcons", "opposition", "rebel group", "FSA"),
    _f("Nusra", "opposition", "jihadist group", None, "Jabhat al-Nusra"),
    _f("Aqsa", "opposition", "jihadist group", "Conquest"),
    _f("Conquest", "opposition", "coalition"),
    _f("Ahrar", "opposition", "jihadist group", "Conquest"),
])

OFFENSIVES = pd.DataFrame({
    "offensive_id": ["late", "early", "middle", "news"],
    "start_date": [T("2015-03-24"), T("2012-06-01"), T("2014-03-05"), pd.NaT],
    "end_date": [T("2015-04-05"), T("2013-02-01"), T("2014-05-25"), pd.NaT],
    "published": [pd.NaT, pd.NaT, pd.NaT, T("2015-03-27")],
    "related_offensive": [None, None, None, "late"],
})

BELLIGERENTS = pd.DataFrame(
    [
        ("early", 1, "FSA", None, "combatant"),
        ("early", 1, "Falcons", "FSA", "combatant"),
        ("early", 1, "Nusra", None, "combatant"),
        ("early", 2, "Gov", None, "combatant"),
        ("early", 2, "Army", "Gov", "combatant"),
        ("middle", 1, "Nusra", None, "combatant"),
        ("middle", 1, "Aqsa", None, "combatant"),
        ("middle", 1, "Cells", None, "supporter"),
        ("middle", 2, "Gov", None, "combatant"),
        ("late", 1, "Conquest", None, "combatant"),
        ("late", 1, "Nusra", "Conquest", "combatant"),
        ("late", 1, "Ahrar", "Conquest", "combatant"),
        ("late", 2, "Gov", None, "combatant"),
        ("late", 2, "Army", "Gov", "combatant"),
    ],
    columns=["offensive_id", "side", "name", "parent", "role"],
)

EVENTS = pd.DataFrame({
    "offensive_id": ["early", "early", "late", "news"],
    "event_date": [T("2012-07-01"), T("2012-08-01"), T("2015-03-28"), T("2015-03-27")],
    "actors": [["Rebels", "Nusra"], ["Nusra", "Gov"], ["Conquest"], ["Ahrar"]],
    "locations": [["Idlib"], ["Idlib", "Ariha"], ["Idlib"], []],
})


def tiny(**overrides) -> SimpleNamespace:
    tables = {"belligerents": BELLIGERENTS, "units": BELLIGERENTS.iloc[:0],
              "events": EVENTS, "offensives": OFFENSIVES, "faction_table": TABLE}
    tables.update(overrides)
    return SimpleNamespace(**tables)


def edge_set(G: nx.Graph) -> set:
    return {frozenset(e) for e in G.edges} if not G.is_directed() else set(G.edges)


# --- alliance_graph -----------------------------------------------------------------------------


def test_alliance_nodes_edges_and_weights() -> None:
    G = graphs.alliance_graph(tiny())
    assert sorted(G) == ["Ahrar", "Aqsa", "Army", "Cells", "Conquest", "FSA", "Falcons",
                         "Gov", "Nusra"]
    assert edge_set(G) == {frozenset(p) for p in [
        ("FSA", "Falcons"), ("FSA", "Nusra"), ("Falcons", "Nusra"), ("Army", "Gov"),
        ("Aqsa", "Nusra"), ("Cells", "Nusra"), ("Aqsa", "Cells"),
        ("Conquest", "Nusra"), ("Ahrar", "Conquest"), ("Ahrar", "Nusra"),
    ]}
    assert dict(G.edges["Gov", "Army"]) == {
        "weight": 2, "supporter_weight": 0, "offensives": "early; late",
        "years": "2012; 2013; 2015", "side": "government",
    }
    assert G.edges["Nusra", "Cells"]["supporter_weight"] == 1
    assert G.edges["Nusra", "Aqsa"]["supporter_weight"] == 0
    assert all(d["weight"] == 1 for u, v, d in G.edges(data=True) if {u, v} != {"Gov", "Army"})


def test_alliance_node_attributes() -> None:
    G = graphs.alliance_graph(tiny())
    assert dict(G.nodes["Nusra"]) == {
        "kind": "jihadist group", "side_in_corpus": "opposition",
        "parent": "Conquest",  # no parent in the table: the infobox nesting
        "offensives": "early; middle; late", "n_offensives": 3,
        "years": "2012; 2013; 2014; 2015",
    }
    # not in the reference table: empty kind, side from the infobox
    assert G.nodes["Cells"]["kind"] == ""
    assert G.nodes["Cells"]["side_in_corpus"] == "opposition"
    assert G.graph["offensives"] == "early; middle; late"  # the news report has no infobox


def test_alliance_filters() -> None:
    world = tiny()
    G = graphs.alliance_graph(world, years=2014)
    assert sorted(G) == ["Aqsa", "Cells", "Gov", "Nusra"]  # Gov alone on its side
    assert G.degree("Gov") == 0
    assert graphs.alliance_graph(world, years=[2013]).graph["offensives"] == "early"
    G = graphs.alliance_graph(world, offensives="late")
    assert sorted(G) == ["Ahrar", "Army", "Conquest", "Gov", "Nusra"]
    assert G.edges["Gov", "Army"]["weight"] == 1
    both = graphs.alliance_graph(world, offensives=["early", "late"], years=range(2015, 2016))
    assert both.graph["offensives"] == "late"
    assert graphs.alliance_graph(world, years=1999).number_of_nodes() == 0


def test_alliance_unknown_offensive_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"unknown offensive_id.*nowhere"):
        graphs.alliance_graph(tiny(), offensives=["late", "nowhere"])


def test_alliance_without_supporters() -> None:
    G = graphs.alliance_graph(tiny(), supporters=False)
    assert "Cells" not in G
    assert G.number_of_edges() == 8


def test_alliance_with_units() -> None:
    units = pd.DataFrame([("late", 2, "Tigers", None, "combatant")],
                         columns=BELLIGERENTS.columns)
    world = tiny(units=units)
    assert "Tigers" not in graphs.alliance_graph(world)
    G = graphs.alliance_graph(world, units=True)
    assert set(G["Tigers"]) == {"Gov", "Army"}


# --- conflict_graph, membership_graph ------------------------------------------------------------


def test_conflict_graph() -> None:
    G = graphs.conflict_graph(tiny())
    assert set(G["Gov"]) == {"FSA", "Falcons", "Nusra", "Aqsa", "Cells", "Conquest", "Ahrar"}
    assert set(G["Army"]) == {"FSA", "Falcons", "Nusra", "Conquest", "Ahrar"}
    assert G.number_of_edges() == 12
    assert dict(G.edges["Nusra", "Gov"]) == {
        "weight": 3, "supporter_weight": 0, "offensives": "early; middle; late",
        "years": "2012; 2013; 2014; 2015",
    }
    assert G.edges["Cells", "Gov"]["supporter_weight"] == 1
    assert not G.has_edge("Nusra", "Ahrar")


def test_membership_graph() -> None:
    G = graphs.membership_graph(tiny())
    assert isinstance(G, nx.DiGraph)
    assert set(G.edges) == {("Falcons", "FSA"), ("Army", "Gov"), ("Nusra", "Conquest"),
                            ("Ahrar", "Conquest")}
    assert dict(G.edges["Army", "Gov"]) == {
        "weight": 2, "offensives": "early; late", "years": "2012; 2013; 2015",
        "source": "infobox",
    }
    assert G.degree("Aqsa") == 0  # listed, never nested
    assert not G.has_edge("Conquest", "Nusra")


def test_membership_from_the_reference_table() -> None:
    G = graphs.membership_graph(tiny(), reference=True)
    # Aqsa is never nested in an infobox; the table says it belongs to Conquest
    assert dict(G.edges["Aqsa", "Conquest"]) == {
        "weight": 0, "offensives": "", "years": "", "source": "factions.csv",
    }
    assert G.edges["Army", "Gov"]["source"] == "infobox"
    assert G.number_of_edges() == 5


def test_membership_with_units() -> None:
    units = pd.DataFrame([("late", 1, "Omar Brigade", "Ahrar", "combatant")],
                         columns=BELLIGERENTS.columns)
    assert graphs.membership_graph(tiny(units=units)).has_edge("Omar Brigade", "Ahrar")
    assert "Omar Brigade" not in graphs.membership_graph(tiny(units=units), units=False)


# --- event_graph -----------------------------------------------------------------------------


def test_event_graph() -> None:
    G = graphs.event_graph(tiny())
    assert {n: d["type"] for n, d in G.nodes(data=True)} == {
        "Rebels": "actor", "Nusra": "actor", "Gov": "actor", "Conquest": "actor",
        "Ahrar": "actor", "Idlib": "place", "Ariha": "place",
    }
    assert G.nodes["Idlib"]["events"] == 3
    assert G.nodes["Rebels"]["kind"] == "generic"
    assert G.nodes["Rebels"]["side_in_corpus"] == "opposition"
    assert edge_set(G) == {frozenset(p) for p in [
        ("Rebels", "Nusra"), ("Rebels", "Idlib"), ("Nusra", "Idlib"), ("Nusra", "Gov"),
        ("Gov", "Idlib"), ("Gov", "Ariha"), ("Nusra", "Ariha"), ("Idlib", "Ariha"),
        ("Conquest", "Idlib"),
    ]}
    assert dict(G.edges["Nusra", "Idlib"]) == {
        "weight": 2, "kind": "actor-place", "offensives": "early", "years": "2012",
    }
    assert G.edges["Idlib", "Ariha"]["kind"] == "place-place"
    assert G.edges["Nusra", "Gov"]["kind"] == "actor-actor"


def test_event_graph_filters() -> None:
    world = tiny()
    assert "Rebels" not in graphs.event_graph(world, generic=False)
    assert graphs.event_graph(world, generic=False).number_of_edges() == 7
    G = graphs.event_graph(world, years=2015)
    assert sorted(G) == ["Ahrar", "Conquest", "Idlib"]
    # the news report's event belongs to the offensive it reports on
    assert "Ahrar" in graphs.event_graph(world, offensives="late")
    assert "Ahrar" not in graphs.event_graph(world, offensives="early")


def test_event_graph_keeps_a_place_and_an_actor_of_the_same_name_apart() -> None:
    events = pd.DataFrame({"offensive_id": ["late"], "event_date": [T("2015-03-28")],
                           "actors": [["Hama"]], "locations": [["Hama", "Idlib"]]})
    G = graphs.event_graph(tiny(events=events))
    assert G.nodes["Hama"]["type"] == "actor"
    assert G.nodes["Hama (place)"]["type"] == "place"
    assert G.has_edge("Hama", "Hama (place)")


# --- analysis ----------------------------------------------------------------------------


def test_brokers_exact_on_the_tiny_alliance() -> None:
    # three triangles share Nusra: it lies on the 12 shortest paths between them
    df = graphs.brokers(graphs.alliance_graph(tiny()))
    assert df.name.iloc[0] == "Nusra"
    assert df.betweenness.iloc[0] == pytest.approx(12 / 28)
    assert (df.betweenness.iloc[1:] == 0).all()
    assert df.columns.tolist() == ["name", "betweenness", "degree", "strength",
                                   "side_in_corpus", "kind"]
    assert df.set_index("name").loc["Gov", "strength"] == 2
    assert len(graphs.brokers(graphs.alliance_graph(tiny()), top=3)) == 3


def test_brokers_weights_are_short_distances() -> None:
    # s-x-t with weight 1 ties, s-y-t with weight 4 ties
    G = nx.Graph()
    G.add_edge("s", "x", weight=1)
    G.add_edge("x", "t", weight=1)
    G.add_edge("s", "y", weight=4)
    G.add_edge("y", "t", weight=4)
    weighted = graphs.brokers(G).set_index("name").betweenness
    assert weighted.to_dict() == pytest.approx({"y": 1 / 3, "s": 1 / 6, "t": 1 / 6, "x": 0})
    plain = graphs.brokers(G, weight=None).set_index("name").betweenness
    assert plain.to_dict() == pytest.approx(dict.fromkeys("sxyt", 1 / 6))
    G.add_edge("x", "y", weight=0)
    with pytest.raises(ValueError, match="weights must be > 0"):
        graphs.brokers(G)


def test_communities_are_seeded_and_cover_every_node() -> None:
    G = graphs.alliance_graph(tiny())
    first = graphs.communities(G, seed=3)
    assert first.equals(graphs.communities(G, seed=3))
    assert sorted(first.name) == sorted(G)
    gov = first.set_index("name").community
    assert gov["Gov"] == gov["Army"]
    assert gov["Gov"] != gov["Nusra"]
    sizes = first.groupby("community").size()
    assert (first["size"] == first.community.map(sizes)).all()
    assert sizes.is_monotonic_decreasing  # community 0 is the largest
    assert graphs.communities(nx.Graph()).empty


def test_communities_of_a_directed_graph() -> None:
    df = graphs.communities(graphs.membership_graph(tiny()))
    assert sorted(df.name) == sorted(graphs.membership_graph(tiny()))


def test_coalition_by_year() -> None:
    df = graphs.coalition_by_year(tiny())
    assert df.columns.tolist() == ["year", "side", "faction", "parent", "kind", "offensives",
                                   "n_offensives", "new"]
    rows = {(r.year, r.side, r.faction): r for r in df.itertuples()}
    assert sorted(f for y, s, f in rows if y == 2012 and s == "opposition") == [
        "FSA", "Falcons", "Nusra"]
    assert sorted(f for y, s, f in rows if y == 2015 and s == "opposition") == [
        "Ahrar", "Conquest", "Nusra"]
    nusra_2015 = rows[(2015, "opposition", "Nusra")]
    assert (nusra_2015.parent, nusra_2015.new, nusra_2015.offensives) == (
        "Conquest", False, ["late"])
    assert rows[(2012, "opposition", "Nusra")].new
    assert not rows[(2013, "opposition", "Nusra")].new
    assert rows[(2014, "opposition", "Cells")].kind is None
    assert list(df.year) == sorted(df.year)


def test_coalition_by_year_counts_start_or_end_years() -> None:
    world = tiny()
    assert set(graphs.coalition_by_year(world, by="start").year) == {2012, 2014, 2015}
    assert set(graphs.coalition_by_year(world, by="end").year) == {2013, 2014, 2015}
    assert "Cells" not in set(graphs.coalition_by_year(world, supporters=False).faction)
    with pytest.raises(ValueError, match="by must be"):
        graphs.coalition_by_year(world, by="middle")


# --- the seed corpus ------------------------------------------------------------------------


def test_seed_nusra_and_ahrar_are_allied_more_than_once(corpus) -> None:
    canon = corpus.faction_table.canonical
    nusra, ahrar = canon("Jabhat al-Nusra"), canon("Ahrar al-Sham")
    edge = graphs.alliance_graph(corpus).edges[nusra, ahrar]
    # hand-checked: both in the 2012-13 clashes infobox and in the 2015 offensive's
    assert edge["weight"] == 2
    assert edge["offensives"] == ("idlib-governorate-clashes-june-2012-april-2013; "
                                  "2015-idlib-offensive")
    assert edge["side"] == "opposition"


def test_seed_membership(corpus) -> None:
    canon = corpus.faction_table.canonical
    M = graphs.membership_graph(corpus)
    assert M.has_edge(canon("Al-Nusra Front"), canon("Jaish al-Fatah"))
    assert M.has_edge(canon("Syrian Arab Army"), "Syrian Armed Forces")
    assert M.has_edge("Syrian Armed Forces", canon("Syrian Arab Republic"))
    assert M.edges["Syrian Armed Forces", "Syrian Government"]["weight"] == 3
    assert M.has_edge("Liwa Dawud", "Sham Falcons")
    assert not M.has_edge("Army of Conquest", "Al-Nusra Front")


def test_seed_army_and_nusra_are_opposed(corpus) -> None:
    army = corpus.faction_table.canonical("Syrian Arab Army")
    assert army == "Syrian Army"
    assert graphs.conflict_graph(corpus).has_edge(army, "Al-Nusra Front")
    assert not graphs.alliance_graph(corpus).has_edge(army, "Al-Nusra Front")


def test_seed_brokers_and_communities(corpus) -> None:
    A = graphs.alliance_graph(corpus)
    top = graphs.brokers(A, top=5)
    assert top.name.iloc[0] == "Al-Nusra Front"   # in every rebel infobox of the corpus
    assert top.betweenness.is_monotonic_decreasing
    gov = [n for n, d in A.nodes(data=True) if d["side_in_corpus"] == "government"]
    assert (graphs.brokers(A).set_index("name").loc[gov, "betweenness"] == 0).all()
    com = graphs.communities(A, seed=0).set_index("name").community
    assert {com[n] for n in gov} == {com["Syrian Government"]}
    assert set(com[com == com["Syrian Government"]].index) == set(gov)
    # the 2015 coalition and the 2012 brigades fall in different communities
    assert com["Army of Conquest"] == com["Jaysh al-Sunna"] == com["Liwa al-Haqq"]
    assert com["Free Syrian Army"] == com["Sham Falcons"] == com["Liwa Dawud"]
    assert com["Army of Conquest"] != com["Free Syrian Army"]


def test_seed_coalition_changes_from_fsa_brigades_to_army_of_conquest(corpus) -> None:
    df = graphs.coalition_by_year(corpus)
    top = df[(df.side == "opposition") & df.parent.isna()]
    by_year = {year: set(group.faction) for year, group in top.groupby("year")}
    assert {"Free Syrian Army", "Sham Falcons"} <= by_year[2012]
    assert "Army of Conquest" not in by_year[2012] | by_year[2013] | by_year[2014]
    assert "Army of Conquest" in by_year[2015] and "Free Syrian Army" not in by_year[2015]
    members_2015 = set(df[(df.year == 2015) & (df.parent == "Army of Conquest")].faction)
    assert {"Al-Nusra Front", "Ahrar ash-Sham", "Jund al-Aqsa", "Sham Legion"} <= members_2015


def test_seed_event_graph(corpus) -> None:
    G = graphs.event_graph(corpus)
    assert G.nodes["Tiger Forces"]["type"] == "actor"
    assert G.nodes["Idlib"]["type"] == "place"
    assert G.edges["Tiger Forces", "Qameenas"]["weight"] >= 1
    assert {d["kind"] for _, _, d in G.edges(data=True)} == {
        "actor-actor", "actor-place", "place-place"}


def _graphml(G: nx.Graph) -> str:
    return "\n".join(nx.generate_graphml(G))


BUILDERS = [graphs.alliance_graph, graphs.membership_graph, graphs.conflict_graph,
            graphs.event_graph]


def test_same_corpus_same_graphml_bytes(corpus) -> None:
    again = ik.load_corpus(CORPUS)  # a fresh load, tables rebuilt from the files
    for build in BUILDERS:
        assert _graphml(build(corpus)) == _graphml(build(again)), build.__name__


def test_attributes_are_plain_values(corpus) -> None:
    plain = (str, int, float, bool)
    for build in BUILDERS:
        G = build(corpus)
        for _, data in G.nodes(data=True):
            assert all(type(v) in plain for v in data.values())
        for *_, data in G.edges(data=True):
            assert all(type(v) in plain for v in data.values())
        assert all(type(v) in plain for v in G.graph.values())


def test_an_alias_joins_the_existing_node(tmp_path: Path) -> None:
    doc = tmp_path / "raid_on_saraqib.txt"
    doc.write_text(
        "= Raid on Saraqib (2015) =\n\n"
        "Infobox\n"
        "- Conflict: Raid on Saraqib (2015)\n"
        "- Partof: the Syrian Civil War\n"
        "- Date: 10 June 2015\n"
        "- Place: Saraqib, Idlib Governorate, Syria\n"
        "- Result: Raid repelled\n"
        "- Combatant1: Jabhat al-Nusra, Ahrar al-Sham\n"
        "- Combatant2: Syrian Arab Republic, * Syrian Arab Army\n\n"
        "On 10 June 2015, Jabhat al-Nusra fighters attacked army positions near Saraqib.\n",
        encoding="utf-8",
    )
    grown = ik.load_corpus([CORPUS, doc], strict=True)
    bel = grown.belligerents[grown.belligerents.offensive_id == "raid-on-saraqib-2015"]
    assert bel[["name", "raw_name"]].values.tolist() == [
        ["Al-Nusra Front", "Jabhat al-Nusra"], ["Ahrar ash-Sham", "Ahrar al-Sham"],
        ["Syrian Government", "Syrian Arab Republic"], ["Syrian Army", "Syrian Arab Army"],
    ]
    A = graphs.alliance_graph(grown)
    assert "Jabhat al-Nusra" not in A and "Ahrar al-Sham" not in A
    assert A.nodes["Al-Nusra Front"]["n_offensives"] == 5
    assert A.edges["Al-Nusra Front", "Ahrar ash-Sham"]["weight"] == 3
    assert A.edges["Al-Nusra Front", "Ahrar ash-Sham"]["offensives"].endswith(
        "2015-idlib-offensive; raid-on-saraqib-2015")
    assert graphs.conflict_graph(grown).edges["Al-Nusra Front", "Syrian Army"]["weight"] == 2
    assert "Jabhat al-Nusra" not in graphs.event_graph(grown)


# --- files -------------------------------------------------------------------------------------


def test_write_graphs_round_trip(corpus, tmp_path: Path) -> None:
    paths = graphs.write_graphs(corpus, tmp_path / "out")
    names = ["alliances", "membership", "conflicts", "events"]
    assert [p.name for p in paths] == [f"{n}.graphml" for n in names] + [
        f"{n}.gexf" for n in names]
    built = dict(zip(names, [b(corpus) for b in BUILDERS], strict=True))
    for name, G in built.items():
        back = nx.read_graphml(tmp_path / "out" / f"{name}.graphml")
        assert back.is_directed() == G.is_directed()
        assert list(back.nodes(data=True)) == list(G.nodes(data=True))
        assert edge_set(back) == edge_set(G)
        for u, v, data in G.edges(data=True):
            assert back.edges[u, v] == data
        extra = {"node_default", "edge_default"}  # added by the reader
        assert {k: v for k, v in back.graph.items() if k not in extra} == G.graph
        gexf = nx.read_gexf(tmp_path / "out" / f"{name}.gexf")
        assert sorted(gexf) == sorted(G) and edge_set(gexf) == edge_set(G)


def test_write_graphs_refuses_the_kit_data_folder() -> None:
    with pytest.raises(ValueError, match="data folder"):
        graphs.write_graphs(SimpleNamespace(), ROOT / "data" / "graphs")


# --- drawing ------------------------------------------------------------------------------------


@pytest.fixture()
def plt():
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


def _drawn_nodes(ax) -> int:
    from matplotlib.collections import PathCollection

    return sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))


def test_draw_counts_nodes_edges_labels_and_legend(plt) -> None:
    from matplotlib.collections import LineCollection

    G = graphs.alliance_graph(tiny())
    ax = graphs.draw(G)
    assert _drawn_nodes(ax) == G.number_of_nodes() == 9
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines.get_segments()) == G.number_of_edges() == 10
    widths = dict(zip(G.edges, lines.get_linewidths(), strict=True))
    assert widths[("Army", "Gov")] > widths[("FSA", "Falcons")]  # width grows with weight
    assert sorted(t.get_text() for t in ax.texts) == sorted(G)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Government side", "Opposition side", "line width ∝ weight"]
    assert ax.get_title() == G.graph["description"]


def test_draw_styles_sides_by_colour_and_shape(plt) -> None:
    from matplotlib.colors import to_hex

    G = nx.Graph()
    for node, side in [("g", "government"), ("o", "opposition"), ("m", "mixed"), ("n", "")]:
        G.add_node(node, side_in_corpus=side)
    G.add_node("p", type="place")
    ax = graphs.draw(G, labels=False, legend=True, title="")
    colours = [to_hex(c.get_facecolor()[0]) for c in ax.collections]
    assert colours == [graphs.SIDE_STYLES[k][1].lower()
                       for k in ("government", "opposition", "mixed", "", "place")]
    paths = {tuple(map(tuple, c.get_paths()[0].vertices.round(3))) for c in ax.collections}
    assert len(paths) == 5  # one marker shape per style
    assert len(ax.texts) == 0
    assert len(ax.get_legend().get_texts()) == 5


def test_draw_is_seeded_and_directed_graphs_get_arrows(plt) -> None:
    M = graphs.membership_graph(tiny())
    first = graphs.draw(M, seed=7)
    second = graphs.draw(M, seed=7)
    assert [c.get_offsets().tolist() for c in first.collections] == [
        c.get_offsets().tolist() for c in second.collections]
    assert len(first.patches) == M.number_of_edges()  # one arrow per edge
    assert _drawn_nodes(first) == M.number_of_nodes()


@pytest.mark.parametrize("layout", ["spring", "circular", "shell"])
def test_draw_layouts_and_a_given_axes(plt, layout: str) -> None:
    _fig, ax = plt.subplots()
    assert graphs.draw(graphs.conflict_graph(tiny()), ax, layout=layout) is ax
    assert _drawn_nodes(ax) == 9


def test_draw_rejects_an_unknown_layout_and_handles_empty_graphs(plt) -> None:
    with pytest.raises(ValueError, match="layout must be"):
        graphs.draw(nx.Graph([("a", "b")]), layout="random")
    ax = graphs.draw(nx.Graph())
    assert len(ax.collections) == 0 and ax.get_legend() is None


def test_written_files_do_not_depend_on_the_day(corpus, tmp_path: Path, monkeypatch) -> None:
    import time

    first = graphs.write_graphs(corpus, tmp_path / "a")
    real = time.strftime
    monkeypatch.setattr(time, "strftime", lambda fmt, *a: real(fmt, time.gmtime(0)))
    second = graphs.write_graphs(ik.load_corpus(CORPUS), tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert b"lastmodifieddate" not in first[-1].read_bytes()
