"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``python bench/fit_aligner.py --modes MODE --write`` over the gold paths of MAC-Dev,
aca, mag and TICO-19's variants; FITTED_WITH holds each mode's options (``--objective crf``:
maximum likelihood of the gold paths, from the hand-set start with --from-scratch; otherwise
an averaged structured perceptron from the previous weights). Do not edit by hand. The label
weights keep their starting values: no development set has paragraph labels on both sides.
TEMPERATURE holds each mode's cost scale under which link probabilities (forward-backward,
tmkit.align.posterior) are most likely on the same documents' links.
"""

SEMANTIC = {'unmatched': 2.1402,
 'unmatched_length': -0.9286,
 'unmatched_best_lexical': 0.5115,
 'matched': -1.3775,
 'extra_sentences': 0.7265,
 'both_sides_many': -0.3981,
 'shape_surprise': 0.7088,
 'type_1_2': -0.1424,
 'type_2_1': -0.5707,
 'type_2_2': -0.4915,
 'type_1_3': -0.0185,
 'type_3_1': -1.1199,
 'length_z2': 0.2897,
 'length_ratio': -1.1648,
 'lexical': -5.7287,
 'lexical_known': 2.0848,
 'lexical_x_extra': -0.4146,
 'coverage': 2.3969,
 'untranslated': 0.4905,
 'anchor_match': -0.5094,
 'anchor_miss': 0.9452,
 'label_same': -3.0,
 'label_different': 3.0,
 'quote_open_en': 3.7697,
 'semantic': -5.7833,
 'semantic_margin': -1.0194,
 'semantic_x_length': -3.3636,
 'semantic_weakest': -1.2732,
 'semantic_unmatched_best': 0.2031,
 'semantic_csls': -2.8158,
 'semantic_x_extra': -0.98}
LEXICAL = {'unmatched': 2.6591,
 'unmatched_length': -0.315,
 'unmatched_best_lexical': -0.6401,
 'matched': -1.3778,
 'extra_sentences': 0.1068,
 'both_sides_many': -0.9267,
 'shape_surprise': 0.7934,
 'type_1_2': -0.1531,
 'type_2_1': -0.5414,
 'type_2_2': -0.1109,
 'type_1_3': 0.082,
 'type_3_1': -1.1434,
 'length_z2': 0.2415,
 'length_ratio': -2.2201,
 'lexical': -10.3763,
 'lexical_known': 1.2886,
 'lexical_x_extra': 0.242,
 'coverage': 4.9166,
 'untranslated': 0.2406,
 'anchor_match': -0.7677,
 'anchor_miss': 0.9697,
 'label_same': -3.0,
 'label_different': 3.0}
TEMPERATURE = {'SEMANTIC': 0.9558, 'LEXICAL': 1.1821}
FITTED_WITH = {'SEMANTIC': '--objective crf --rounds 2 --l2 0.1 --from-scratch',
 'LEXICAL': '--objective crf --rounds 2 --l2 0.1 --from-scratch'}
