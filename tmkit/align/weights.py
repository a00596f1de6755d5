"""Weights of the aligner's cost model (:mod:`tmkit.align.cost`), fitted on development gold.

Written by ``python bench/fit_aligner.py --modes MODE --write`` over the gold paths of MAC-Dev,
aca, mag and TICO-19's variants; FITTED_WITH holds each mode's options (``--objective crf``:
maximum likelihood of the gold paths, from the hand-set start with --from-scratch; otherwise
an averaged structured perceptron from the previous weights). Do not edit by hand. The label
weights keep their starting values: no development set has paragraph labels on both sides.
TEMPERATURE holds each mode's cost scale under which link probabilities (forward-backward,
tmkit.align.posterior) are most likely on the same documents' links.
"""

SEMANTIC = {'unmatched': 2.3033,
 'unmatched_length': -0.7409,
 'unmatched_best_lexical': 0.2164,
 'matched': -1.5629,
 'extra_sentences': 0.8571,
 'both_sides_many': -0.4872,
 'shape_surprise': 0.7022,
 'type_1_2': -0.1599,
 'type_2_1': -0.5736,
 'type_2_2': -0.5035,
 'type_1_3': -0.1085,
 'type_3_1': -1.1232,
 'length_z2': 0.295,
 'length_ratio': -0.7831,
 'lexical': -5.8018,
 'lexical_known': 2.1908,
 'lexical_x_extra': -0.3331,
 'coverage': 2.3283,
 'untranslated': 0.5181,
 'anchor_match': -0.5118,
 'anchor_miss': 0.9969,
 'label_same': -3.0,
 'label_different': 3.0,
 'quote_open_en': 3.1323,
 'quote_begun_en': 2.1956,
 'semantic': -5.6154,
 'semantic_margin': -0.8354,
 'semantic_x_length': -3.7467,
 'semantic_weakest': -1.3847,
 'semantic_unmatched_best': 0.0701,
 'semantic_csls': -2.998,
 'semantic_x_extra': -0.9968}
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
 'label_different': 3.0,
 'quote_open_en': 3.1594,
 'quote_begun_en': 2.7907}
TEMPERATURE = {'SEMANTIC': 0.965, 'LEXICAL': 1.1798}
FITTED_WITH = {'SEMANTIC': '--objective crf --rounds 2 --l2 0.1 --from-scratch',
 'LEXICAL': '--objective crf --rounds 2 --l2 0.1 --staged quote_open_en,quote_begun_en '
            '--from-scratch'}
