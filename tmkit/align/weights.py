"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``bench/fit_aligner.py``; do not edit by hand. Until it has been run these are
starting values in the units of the old hand-set model.
"""

SEMANTIC = {
    "unmatched": 5.0, "matched": 1.5, "extra_sentences": 2.3, "both_sides_many": 2.0,
    "length_z2": 0.5, "lexical": -6.0, "coverage": 10.0,
    "anchor_match": -2.0, "anchor_miss": 1.0, "label_same": -3.0, "label_different": 3.0,
    "semantic": -10.0,
}
LEXICAL = {
    "unmatched": 5.0, "matched": 1.5, "extra_sentences": 2.3, "both_sides_many": 2.0,
    "length_z2": 0.5, "lexical": -6.0, "coverage": 10.0,
    "anchor_match": -2.0, "anchor_miss": 1.0, "label_same": -3.0, "label_different": 3.0,
}
CONFIDENCE = {"SEMANTIC": (9.0, 3.0), "LEXICAL": (9.0, 3.0)}
