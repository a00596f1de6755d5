"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``python bench/fit_aligner.py --modes MODE --write`` over the gold paths of MAC-Dev,
aca, mag and TICO-19's variants; FITTED_WITH holds each mode's options (``--objective crf``:
maximum likelihood of the gold paths, from the hand-set start with --from-scratch; otherwise
an averaged structured perceptron from the previous weights). Do not edit by hand. The label
weights keep their starting values: no development set has paragraph labels on both sides.
TEMPERATURE holds each mode's cost scale under which link probabilities (forward-backward,
tmkit.align.posterior) are most likely on the same documents' links.
"""

SEMANTIC = {'unmatched': 1.7146,
 'unmatched_length': -0.9892,
 'unmatched_best_lexical': 0.4675,
 'matched': -0.8853,
 'extra_sentences': 0.1697,
 'both_sides_many': -0.4555,
 'shape_surprise': 0.6737,
 'type_1_2': -0.1458,
 'type_2_1': -0.5531,
 'type_2_2': -0.4232,
 'type_1_3': -0.0639,
 'type_3_1': -1.1318,
 'length_z2': 0.274,
 'length_ratio': -1.2677,
 'lexical': -5.7612,
 'lexical_known': 0.7034,
 'lexical_x_extra': -0.3401,
 'coverage': 2.8477,
 'untranslated': 0.3556,
 'anchor_match': -0.4053,
 'anchor_miss': 0.951,
 'label_same': -3.0,
 'label_different': 3.0,
 'semantic': -5.5597,
 'semantic_margin': -1.1777,
 'semantic_x_length': -3.7723,
 'semantic_weakest': -1.2108,
 'semantic_unmatched_best': 0.1799,
 'semantic_csls': -2.4672,
 'semantic_x_extra': -1.0286}
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
TEMPERATURE = {'SEMANTIC': 0.9572, 'LEXICAL': 1.1821}
FITTED_WITH = {'SEMANTIC': '--objective crf --rounds 2 --l2 0.1 --from-scratch',
 'LEXICAL': '--objective crf --rounds 2 --l2 0.1 --from-scratch'}
