"""Checks with rdflib that an RDF document is isomorphic to a reference.

usage: rdflib_isomorphic.py REFERENCE.nq FORMAT DATA
FORMAT is turtle, ntriples, nquads, trig or jsonld. Quad formats are compared
graph by graph (as a ConjunctiveGraph); triple formats against the union
of the reference's graphs. Exits 1 and prints the differences on mismatch.
"""
import sys

import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


DEFAULT = rdflib.URIRef("urn:x-assemblykg:default-graph")


def graphs(cg):
    """Graphs by name; the default graph is "@default" and all graphs named
    by blank nodes are merged under "_:" (their labels are not comparable)."""
    out = {}
    for ctx in cg.contexts():
        if len(ctx) == 0:
            continue
        if ctx.identifier in (DEFAULT, cg.default_context.identifier):
            name = "@default"
        elif isinstance(ctx.identifier, rdflib.BNode):
            name = "_:"
        else:
            name = str(ctx.identifier)
        g = out.setdefault(name, rdflib.Graph())
        for t in ctx:
            g.add(t)
    return out


def report(name, want, got):
    _, only_want, only_got = graph_diff(to_isomorphic(want), to_isomorphic(got))
    print(f"graph {name}: not isomorphic")
    for t in sorted(only_want)[:10]:
        print("  missing:", t)
    for t in sorted(only_got)[:10]:
        print("  extra:  ", t)


def main():
    ref_path, fmt, data_path = sys.argv[1:4]
    ref = rdflib.ConjunctiveGraph()
    ref.parse(ref_path, format="nquads", publicID=DEFAULT)
    ok = True
    if fmt in ("nquads", "trig", "jsonld"):
        got = rdflib.ConjunctiveGraph()
        got.parse(data_path, format=RDFLIB_FORMAT[fmt], publicID=DEFAULT)
        want_graphs, got_graphs = graphs(ref), graphs(got)
        if set(want_graphs) != set(got_graphs):
            print("graph names differ:", sorted(set(want_graphs) ^ set(got_graphs)))
            ok = False
        for name in sorted(set(want_graphs) & set(got_graphs)):
            if not isomorphic(want_graphs[name], got_graphs[name]):
                report(name, want_graphs[name], got_graphs[name])
                ok = False
    else:
        want = rdflib.Graph()
        for t in ref.triples((None, None, None)):
            want.add(t)
        got = rdflib.Graph()
        got.parse(data_path, format=RDFLIB_FORMAT[fmt])
        if not isomorphic(want, got):
            report("(union)", want, got)
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
