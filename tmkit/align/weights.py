"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``python bench/fit_aligner.py --write`` (averaged structured perceptron over the
gold paths of MAC-Dev, aca, mag and TICO-19; 1 rounds of 8 epochs, seed 0); do not edit by
hand. CONFIDENCE holds the (midpoint, scale) of the logistic curve P(link right | cost)
fitted on the same documents' links.
"""

SEMANTIC = {'unmatched': 5.905, 'unmatched_length': 0.576, 'unmatched_best_lexical': 0.4587, 'matched': 1.8266, 'extra_sentences': 0.7418, 'both_sides_many': 1.5777, 'shape_surprise': 1.6983, 'length_z2': 0.8172, 'length_ratio': 0.1429, 'lexical': -8.3545, 'lexical_known': 0.3648, 'coverage': 9.8803, 'anchor_match': -3.1617, 'anchor_miss': 2.0351, 'label_same': -3.0, 'label_different': 3.0, 'semantic': -12.2771, 'semantic_margin': -2.7737, 'semantic_x_length': -1.7104, 'semantic_weakest': -0.3358, 'semantic_unmatched_best': 0.4734, 'semantic_csls': -2.0543}
LEXICAL = {'unmatched': 5.3912, 'unmatched_length': 0.3165, 'unmatched_best_lexical': 0.2919, 'matched': 1.6524, 'extra_sentences': 1.6039, 'both_sides_many': 2.0474, 'shape_surprise': 1.4141, 'length_z2': 0.6534, 'length_ratio': -0.3647, 'lexical': -10.1598, 'lexical_known': 0.198, 'coverage': 9.5532, 'anchor_match': -3.1024, 'anchor_miss': 0.7221, 'label_same': -3.0, 'label_different': 3.0}
CONFIDENCE = {"SEMANTIC": (1.2821, 1.0282), "LEXICAL": (7.3196, 2.8321)}

