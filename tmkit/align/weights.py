"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``python bench/fit_aligner.py --modes MODE --write`` (averaged structured perceptron
over the gold paths of MAC-Dev, aca, mag and TICO-19's variants, each fit starting from the
previous weights); FITTED_WITH holds each mode's options. Do not edit by hand. The label
weights keep their starting values: no development set has paragraph labels on both sides.
CONFIDENCE holds the (midpoint, scale) of the logistic curve P(link right | cost) fitted on
the same documents' links.
"""

SEMANTIC = {'unmatched': 4.7105,
 'unmatched_length': -0.619,
 'unmatched_best_lexical': -0.0935,
 'matched': 2.4185,
 'extra_sentences': 0.7526,
 'both_sides_many': 0.1554,
 'shape_surprise': 1.2675,
 'type_1_2': -0.2558,
 'type_2_1': -0.8337,
 'type_2_2': -1.0993,
 'type_1_3': -0.1273,
 'type_3_1': -1.5074,
 'length_z2': 0.6498,
 'length_ratio': 0.3573,
 'lexical': -11.8753,
 'lexical_known': 0.8354,
 'lexical_x_extra': 0.109,
 'coverage': 9.4792,
 'anchor_match': -2.6069,
 'anchor_miss': 1.9697,
 'label_same': -3.0,
 'label_different': 3.0,
 'semantic': -14.2794,
 'semantic_margin': -4.7564,
 'semantic_x_length': -3.2455,
 'semantic_weakest': -1.8734,
 'semantic_unmatched_best': 0.724,
 'semantic_csls': -3.8286,
 'semantic_x_extra': -0.1226}
LEXICAL = {'unmatched': 4.5324,
 'unmatched_length': 0.3286,
 'unmatched_best_lexical': 0.2855,
 'matched': 2.019,
 'extra_sentences': 1.7297,
 'both_sides_many': -0.6233,
 'shape_surprise': 1.664,
 'type_1_2': -0.3867,
 'type_2_1': -0.4497,
 'type_2_2': -0.558,
 'type_1_3': -0.103,
 'type_3_1': -0.7996,
 'length_z2': 0.5983,
 'length_ratio': 0.8125,
 'lexical': -21.3891,
 'lexical_known': 0.8541,
 'lexical_x_extra': 1.5097,
 'coverage': 9.9266,
 'anchor_match': -3.3388,
 'anchor_miss': 1.2286,
 'label_same': -3.0,
 'label_different': 3.0}
CONFIDENCE = {'SEMANTIC': (6.3388, 4.5076), 'LEXICAL': (10.5852, 4.0979)}
FITTED_WITH = {'SEMANTIC': '--rounds 2 --epochs 8 --rate 0.05 --seed 0,1,2 --margin 1.0',
 'LEXICAL': '--rounds 2 --epochs 8 --rate 0.05 --seed 0'}
