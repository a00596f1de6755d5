"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``python bench/fit_aligner.py --write`` (averaged structured perceptron over the gold
paths of MAC-Dev, aca, mag and TICO-19's five variants; 2 rounds of 8 epochs, step 0.05, seed 0,
each run starting from the previous weights, the first from the hand-set model's; the LEXICAL
set with ``--repeat mac=3``, as without embeddings the 124 TICO-19 documents would otherwise
outweigh MAC-Dev's six); do not edit by hand. The label weights keep their starting
values: no development set has paragraph labels on both sides. CONFIDENCE holds the
(midpoint, scale) of the logistic curve P(link right | cost) fitted on the same documents' links.
"""

SEMANTIC = {'unmatched': 4.5335,
 'unmatched_length': -0.5663,
 'unmatched_best_lexical': -0.0114,
 'matched': 2.5134,
 'extra_sentences': 0.7397,
 'both_sides_many': 0.4342,
 'shape_surprise': 1.3203,
 'type_1_2': 0.1699,
 'type_2_1': -0.3882,
 'type_2_2': -1.0185,
 'type_1_3': 0.0649,
 'type_3_1': -0.8466,
 'length_z2': 0.6629,
 'length_ratio': 0.599,
 'lexical': -11.331,
 'lexical_known': 0.9143,
 'lexical_x_extra': 0.5581,
 'coverage': 9.6092,
 'anchor_match': -3.0165,
 'anchor_miss': 1.9329,
 'label_same': -3.0,
 'label_different': 3.0,
 'semantic': -14.0547,
 'semantic_margin': -4.6408,
 'semantic_x_length': -3.1238,
 'semantic_weakest': -1.1662,
 'semantic_unmatched_best': 0.5348,
 'semantic_csls': -3.6422,
 'semantic_x_extra': 0.1806}
LEXICAL = {'unmatched': 4.8011,
 'unmatched_length': 0.5212,
 'unmatched_best_lexical': 0.457,
 'matched': 1.885,
 'extra_sentences': 1.7291,
 'both_sides_many': 0.1651,
 'shape_surprise': 1.4521,
 'type_1_2': -0.0894,
 'type_2_1': -0.0356,
 'type_2_2': -0.4264,
 'type_1_3': 0.0145,
 'type_3_1': -0.5487,
 'length_z2': 0.7366,
 'length_ratio': 0.7031,
 'lexical': -20.066,
 'lexical_known': 0.5161,
 'lexical_x_extra': 1.3949,
 'coverage': 9.9466,
 'anchor_match': -4.173,
 'anchor_miss': 1.0468,
 'label_same': -3.0,
 'label_different': 3.0}
CONFIDENCE = {'SEMANTIC': (6.9006, 4.4007), 'LEXICAL': (10.5411, 4.3998)}
