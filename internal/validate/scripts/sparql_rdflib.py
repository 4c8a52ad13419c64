"""Runs a SPARQL SELECT query with rdflib over N-Quads, the default graph
being the union of the named graphs.

usage: sparql_rdflib.py DATA.nq QUERY.rq
Prints {"vars": [...], "rows": [{var: lexical form or IRI}, ...]} as JSON;
unbound variables are left out of a row.
"""
import json
import sys

import rdflib


def main():
    data_path, query_path = sys.argv[1:3]
    g = rdflib.ConjunctiveGraph()
    g.parse(data_path, format="nquads")
    with open(query_path, encoding="utf-8") as f:
        res = g.query(f.read())
    names = [str(v) for v in res.vars]
    rows = []
    for r in res:
        row = {}
        for name, v in zip(names, r):
            if v is not None:
                row[name] = str(v)
        rows.append(row)
    json.dump({"vars": names, "rows": rows}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
