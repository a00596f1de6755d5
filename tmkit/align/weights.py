"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``python bench/fit_aligner.py --write`` (averaged structured perceptron over the
gold paths of MAC-Dev, aca, mag and TICO-19; 2 rounds of 8 epochs, seed 0); do not edit by
hand. CONFIDENCE holds the (midpoint, scale) of the logistic curve P(link right | cost)
fitted on the same documents' links.
"""

SEMANTIC = {'unmatched': 5.7733, 'unmatched_length': 0.4844, 'unmatched_best_lexical': 0.5835, 'matched': 2.0863, 'extra_sentences': 0.3541, 'both_sides_many': 1.0714, 'shape_surprise': 1.1581, 'type_1_2': 0.0109, 'type_2_1': 0.3797, 'type_2_2': -0.7019, 'type_1_3': -0.2552, 'type_3_1': -0.3917, 'length_z2': 0.6546, 'length_ratio': 0.4192, 'lexical': -10.3613, 'lexical_known': 0.5287, 'lexical_x_extra': 0.3806, 'coverage': 9.8577, 'anchor_match': -3.5101, 'anchor_miss': 1.9747, 'label_same': -3.0, 'label_different': 3.0, 'semantic': -13.7142, 'semantic_margin': -4.414, 'semantic_x_length': -2.8422, 'semantic_weakest': -0.5303, 'semantic_unmatched_best': 0.6931, 'semantic_csls': -3.3192, 'semantic_x_extra': -0.0759}
LEXICAL = {'unmatched': 5.1025, 'unmatched_length': 0.1983, 'unmatched_best_lexical': 0.4777, 'matched': 1.9514, 'extra_sentences': 1.2947, 'both_sides_many': 1.3395, 'shape_surprise': 2.2488, 'type_1_2': 0.2366, 'type_2_1': 0.2087, 'type_2_2': -0.6353, 'type_1_3': -0.0795, 'type_3_1': -0.177, 'length_z2': 0.7076, 'length_ratio': 0.0495, 'lexical': -15.0669, 'lexical_known': 0.6588, 'lexical_x_extra': 1.5332, 'coverage': 9.5014, 'anchor_match': -3.7859, 'anchor_miss': 1.2682, 'label_same': -3.0, 'label_different': 3.0}
CONFIDENCE = {"SEMANTIC": (5.9875, 4.6148), "LEXICAL": (10.3427, 3.7295)}
