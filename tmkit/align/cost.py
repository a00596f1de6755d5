"""How unlikely a candidate link is: a cost, linear in features of the link.

A link of a Chinese and b English sentences starting at state (i, j) is described by a
vector of features (:data:`FEATURES`), and its cost is the dot product with a weight
vector. The weights are not set by hand: ``bench/fit_aligner.py`` fits them to the gold
links of the development sets, one set with sentence embeddings and one without, each as a
CRF (the weights under which the gold paths are most probable, P(path) ~ exp(-cost),
:mod:`tmkit.align.posterior`), and writes them to :mod:`tmkit.align.weights`.

The features:

* the link's **shape**: unmatched (1-0/0-1) and, for those, the unmatched sentence's
  length against the average; for a matched link, how many sentences it joins and
  whether both sides hold several;
* a **length model** in the style of Gale & Church on the log ratio of English to Chinese
  characters (mean and spread estimated from the bitext itself), and Bertalign's length
  ratio ``log2(1 + short/long)``;
* **lexical evidence**: the share of the link's words with a translation on the other side
  (CC-CEDICT, the termbase, and in the second pass word pairs learned from the first), and
  **coverage**: how far each sentence of a many-sentence link falls short of being itself
  partly translated;
* **anchors** (numbers, dates, symbols shared or not) and **paragraph labels**: the same or a
  different label opening both sides. Where both texts label their paragraphs, a link never
  runs on into the next labelled paragraph (a numbered paragraph is translated as a unit): such
  links are not candidates at all;
* **quotations** (:mod:`tmkit.align.quotes`): whether the link's English side ends inside a
  quotation that its Chinese side has closed, and whether it begins inside one where the
  Chinese side begins by opening one;
* with sentence embeddings, the **cosine** of the link's two sides, each side the sum of
  its sentences' vectors (which makes every link type a sum over a rectangle of the
  sentence-pair cosine matrix, :mod:`tmkit.align.bandsums`), Bertalign's **margin** (the
  cosine less the mean cosine of each side with the sentences next to the other side),
  the cosine times the length ratio, and the **weakest sentence**: the smallest cosine of
  one sentence of a many-sentence side with the whole other side.

Everything is computed for every link type at every state of a search band at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from tmkit.align.band import Band
from tmkit.align.bandsums import BandSums
from tmkit.align.evidence import PairEvidence, UnitTotals
from tmkit.align.features import Bitext

FEATURES = (
    "unmatched", "unmatched_length", "unmatched_best_lexical",
    "matched", "extra_sentences", "both_sides_many", "shape_surprise",
    "type_1_2", "type_2_1", "type_2_2", "type_1_3", "type_3_1",
    "length_z2", "length_ratio",
    "lexical", "lexical_known", "lexical_x_extra", "coverage", "untranslated",
    "anchor_match", "anchor_miss", "label_same", "label_different", "quote_open_en", "quote_begun_en",
    "semantic", "semantic_margin", "semantic_x_length", "semantic_weakest", "semantic_unmatched_best",
    "semantic_csls", "semantic_x_extra",
)
FEATURE_INDEX = {name: k for k, name in enumerate(FEATURES)}
TYPE_FEATURES = {(1, 2): "type_1_2", (2, 1): "type_2_1", (2, 2): "type_2_2", (1, 3): "type_1_3", (3, 1): "type_3_1"}
COST_BLOCK = 1 << 13  # cells whose features are computed together
CSLS_NEIGHBOURS = 4  # CSLS (Conneau et al. 2018): a sentence's mean cosine with its k nearest
SEMANTIC_FEATURES = frozenset(name for name in FEATURES if name.startswith("semantic"))
COVERAGE_FLOOR = 0.2  # share of a sentence's words translated, under which it counts as untranslated
MAX_LENGTH_Z2 = 25.0  # the length model's squared z-score is capped: one long gloss should not veto
MAX_ANCHORS = 6.0


@dataclass(frozen=True)
class LengthModel:
    """log(English chars / Chinese chars) ~ Normal(mean, sigma)."""

    mean: float
    sigma: float

    def z2(self, zh_length: np.ndarray, en_length: np.ndarray) -> np.ndarray:
        z = (np.log((en_length + 1.0) / (zh_length + 1.0)) - self.mean) / self.sigma
        return np.minimum(z * z, MAX_LENGTH_Z2)

    def ratio(self, zh_length: np.ndarray, en_length: np.ndarray) -> np.ndarray:
        """Bertalign's length similarity log2(1 + short / long), Chinese scaled to English."""
        zh = zh_length * math.exp(self.mean)
        return np.log2(1.0 + np.minimum(zh, en_length) / np.maximum(np.maximum(zh, en_length), 1e-9))


@dataclass(frozen=True)
class CostModel:
    length: LengthModel
    weights: np.ndarray  # (len(FEATURES),)

    @classmethod
    def of(cls, length: LengthModel, weights: Mapping[str, float]) -> "CostModel":
        return cls(length, np.array([weights.get(name, 0.0) for name in FEATURES]))


SHAPE_CLASSES = 5


def shape_class(a: int, b: int) -> int:
    """Links by the number of sentences they hold: 1 (unmatched), 2 (1-1), 3, 4, 5 or more."""
    return min(a + b, SHAPE_CLASSES) - 1


def shape_surprise(shapes: Sequence[tuple[int, int]]) -> dict[int, float]:
    """-log of each link class's share among the links of a first path (add-one smoothed).

    How often a translator merges or leaves out sentences varies by text (a novel's
    translator splits one Chinese sentence into three; a UN document keeps them one to
    one), so each document's own first pass says how surprising a 1-3 link is in it.
    """
    counts = np.ones(SHAPE_CLASSES)
    for a, b in shapes:
        counts[shape_class(a, b)] += 1
    return {k: float(-np.log(counts[k] / counts.sum())) for k in range(SHAPE_CLASSES)}


def initial_length_model(bitext: Bitext) -> LengthModel:
    """Mean from the whole texts; a wide spread until links are known."""
    return LengthModel(mean=math.log((bitext.en_length.sum() + 1) / (bitext.zh_length.sum() + 1)), sigma=0.45)


def fit_length_model(zh_length: np.ndarray, en_length: np.ndarray, fallback: LengthModel) -> LengthModel:
    """Re-estimate the model from the lengths of confident 1-1 links (median and MAD)."""
    if len(zh_length) < 10:
        return fallback
    ratios = np.log((en_length + 1.0) / (zh_length + 1.0))
    median = float(np.median(ratios))
    mad = float(np.median(np.abs(ratios - median)))
    return LengthModel(mean=median, sigma=min(0.8, max(0.15, 1.4826 * mad)))


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1)
    np.cumsum(values, out=out[1:])
    return out


SPAN_BLOCK = 1024  # sentences whose span norms are computed together


def _span_norms(vectors: np.ndarray, widths: int) -> np.ndarray:
    """(widths + 1, n): norm of the sum of vectors k .. k+w-1 (row w; 0 past the end).

    Each sum is a difference of one float64 running sum over the text, computed a block of
    sentences at a time from the running sum carried over: the whole of it at once would be
    the largest array of a semantic alignment (4 KB a sentence, and as much again for the
    differences and their squares)."""
    n, d = vectors.shape
    out = np.zeros((widths + 1, n + 1))
    carry = np.zeros((1, d))
    for k0 in range(0, n, SPAN_BLOCK):
        k1 = min(n, k0 + SPAN_BLOCK)
        reach = min(n, k1 + widths)
        prefix = np.cumsum(np.concatenate([carry, vectors[k0:reach]]), axis=0)  # rows k0 .. reach
        for w in range(1, widths + 1):
            count = max(0, min(k1, n - w + 1) - k0)
            out[w, k0 : k0 + count] = np.linalg.norm(prefix[w : w + count] - prefix[:count], axis=1)
        carry = prefix[k1 - k0 : k1 - k0 + 1]
    return out


class LinkFeatures:
    """The features of every link type at the cells of one band (computed on demand)."""

    def __init__(self, bitext: Bitext, band: Band, evidence: PairEvidence, totals: UnitTotals,
                 length: LengthModel, types: Sequence[tuple[int, int]],
                 shapes: Mapping[int, float] | None = None):
        self.bitext, self.band, self.length, self.types = bitext, band, length, list(types)
        self.shapes = shapes or {}
        self._cells: object = Ellipsis  # the cells (None: all) whose line geometries are in _lines
        self._current: tuple[np.ndarray, np.ndarray] = (np.zeros(0, np.int64), np.zeros(0, np.int64))
        self._lines: dict[tuple[str, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._sums: dict[tuple, np.ndarray] = {}  # line sums, spans and rectangles of the same cells
        self.totals = totals
        self.sums = BandSums.of(band, bitext.m)
        self.i, self.j = band.cells()
        n, m = bitext.n, bitext.m
        sums = self.sums
        self.rows = {name: sums.row_prefix(values) for name, values in (
            ("zh_hits", evidence.zh_hits), ("anchors", evidence.anchors))}
        self.cols = {"en_hits": sums.col_prefix(evidence.en_hits)}
        self.unit = {name: _prefix(values) for name, values in (
            ("zh_length", bitext.zh_length), ("en_length", bitext.en_length),
            ("zh_known", totals.zh_known), ("en_known", totals.en_known),
            ("zh_anchors", totals.zh_anchors), ("en_anchors", totals.en_anchors))}
        self.semantic = evidence.cosine is not None
        if self.semantic:
            widest_zh = max(a for a, _ in self.types)
            widest_en = max(b for _, b in self.types)
            self.rows["cosine"] = sums.row_prefix(evidence.cosine)
            self.cols["cosine"] = sums.col_prefix(evidence.cosine)
            self.zh_norm = _span_norms(bitext.semantic[0], widest_zh)
            self.en_norm = _span_norms(bitext.semantic[1], widest_en)
        # An unmatched sentence's best evidence with any sentence of the other side in the band:
        # a sentence with a good partner somewhere is seldom really untranslated.
        zh_words = totals.zh_words[np.minimum(self.i, n - 1)] if n else np.zeros(band.size)
        en_words = totals.en_words[np.minimum(self.j, m - 1)] if m else np.zeros(band.size)
        zh_share = np.divide(evidence.zh_hits, zh_words, out=np.zeros(band.size), where=(self.i < n) & (zh_words > 0))
        en_share = np.divide(evidence.en_hits, en_words, out=np.zeros(band.size), where=(self.j < m) & (en_words > 0))
        self.zh_best_lexical = sums.row_max(zh_share)
        self.en_best_lexical = sums.col_max(en_share)
        if self.semantic:
            unit = evidence.cosine / np.maximum(
                self.zh_norm[1][np.minimum(self.i, n)] * self.en_norm[1][np.minimum(self.j, m)], 1e-6)
            self.zh_best_semantic = sums.row_max(unit)
            self.en_best_semantic = sums.col_max(unit)
            # Hubness: a sentence close to every sentence of the other side says little.
            self.zh_hub = _prefix(sums.row_top_mean(unit, CSLS_NEIGHBOURS)[:n])
            self.en_hub = _prefix(sums.col_top_mean(unit, CSLS_NEIGHBOURS)[:m])
        self.zh_mean_length = max(1.0, float(bitext.zh_length.mean())) if n else 1.0
        self.en_mean_length = max(1.0, float(bitext.en_length.mean())) if m else 1.0
        opens = (self.i < n) & (self.j < m)
        zh_label = np.where(opens, bitext.zh_label[np.minimum(self.i, n - 1)] if n else -1, -1)
        en_label = np.where(opens, bitext.en_label[np.minimum(self.j, m - 1)] if m else -1, -1)
        both = (zh_label >= 0) & (en_label >= 0)
        # Sentences that open a labelled paragraph, for links that would swallow one.
        self.unit["zh_opens"] = _prefix((bitext.zh_label >= 0).astype(np.float64))
        self.unit["en_opens"] = _prefix((bitext.en_label >= 0).astype(np.float64))
        # Whether the quotation features can be other than 0: some English sentence opens or
        # closes a quotation and some Chinese one does too.
        zh_quotes, en_quotes = bitext.zh_quotes, bitext.en_quotes
        self.quoted = bool(n and m and zh_quotes is not None and en_quotes is not None
                           and zh_quotes.any() and en_quotes.any())
        # Which units begin or end so (1.0 or 0.0): each quotation feature is the product of two.
        self.flags: dict[str, np.ndarray] = {} if not self.quoted else {
            "zh_ends_closed": (zh_quotes[:, 1] < 0).astype(np.float64),
            "en_ends_open": (en_quotes[:, 1] > 0).astype(np.float64),
            "zh_begins_open": (zh_quotes[:, 0] > 0).astype(np.float64),
            "en_begins_closed": (en_quotes[:, 0] < 0).astype(np.float64),
        }
        self.labelled = bool(n and m and bitext.zh_label.max() >= 0 and bitext.en_label.max() >= 0)
        self.label_same = (both & (zh_label == en_label)).astype(np.float64)
        self.label_different = (both & (zh_label != en_label)).astype(np.float64)

    def valid(self, t: int, cells: np.ndarray | None = None) -> np.ndarray:
        """Links that stay inside both texts and, where both label paragraphs, inside one."""
        a, b = self.types[t]
        i, j = self._current if cells is self._cells else self._at(cells)
        ok = (i <= self.bitext.n - a) & (j <= self.bitext.m - b)
        if self.labelled and (a > 1 or b > 1):
            ok &= (self._span("zh_opens", i + 1, a - 1) + self._span("en_opens", j + 1, b - 1)) == 0
        return ok

    def _at(self, cells: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        return (self.i, self.j) if cells is None else (self.i[cells], self.j[cells])

    def _span(self, name: str, start: np.ndarray, count: int) -> np.ndarray:
        prefix = self.unit[name]
        last = len(prefix) - 1
        return prefix[np.minimum(start + count, last)] - prefix[np.minimum(start, last)]

    def _geometry(self, side: str, shift: int):
        """Band line geometry of row i + shift (side "row") or column j + shift of the cells being
        computed, kept while the same cells are: every link type needs the same few lines."""
        key = (side, shift)
        if key not in self._lines:
            i, j = self._current
            self._lines[key] = (self.sums.row_geometry(i + shift) if side == "row"
                                else self.sums.col_geometry(j + shift))
        return self._lines[key]

    def _row_sum(self, prefix: np.ndarray, shift: int, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        return self.sums.row_sum_at(prefix, self._geometry("row", shift), start, stop)

    def _col_sum(self, prefix: np.ndarray, shift: int, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        return self.sums.row_sum_at(prefix, self._geometry("col", shift), start, stop)

    def _use(self, cells: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """The (i, j) of ``cells``, which the caches of line geometries and sums now refer to."""
        if self._cells is not cells:  # other cells: other lines, other sums
            self._cells, self._current, self._lines, self._sums = cells, self._at(cells), {}, {}
        return self._current

    def _forget(self) -> None:
        """Drop the caches (a block's sums are about 2 KB a cell)."""
        self._cells, self._current, self._lines, self._sums = Ellipsis, (np.zeros(0, np.int64),) * 2, {}, {}

    def _line(self, side: str, name: str, shift: int, width: int) -> np.ndarray:
        """Sum of evidence ``name`` along row i + shift over columns [j, j + width) (side "row"), or
        along column j + shift over rows [i, i + width), at the current cells. Kept while the
        cells are the same: link types of the same width share it, and a rectangle's rows
        are the coverage's too."""
        key = (side, name, shift, width)
        total = self._sums.get(key)
        if total is None:
            prefix = (self.rows if side == "row" else self.cols)[name]
            lo, hi, base = self._geometry(side, shift)
            start = self._current[1] if side == "row" else self._current[0]
            first_key = (side, name, shift, None)
            first = self._sums.get(first_key)
            if first is None:
                first = self._sums[first_key] = prefix[base + np.clip(start, lo, hi)]
            total = self._sums[key] = prefix[base + np.clip(start + width, lo, hi)] - first
        return total

    def _rect(self, name: str, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Sum of row evidence ``name`` over [i, i + a) x [j, j + b); ``i, j`` are the current
        cells. Built row by row on the a - 1 rectangle (kept while the cells are the same)."""
        key = ("rect", name, a, b)
        total = self._sums.get(key)
        if total is None:
            below = 0 if a == 1 else self._rect(name, i, j, a - 1, b)
            total = self._sums[key] = below + self._line("row", name, a - 1, b)
        return total

    def _col_rect(self, name: str, a: int, b: int) -> np.ndarray:
        """:meth:`_rect` for column evidence: built column by column."""
        key = ("col_rect", name, a, b)
        total = self._sums.get(key)
        if total is None:
            left = 0 if b == 1 else self._col_rect(name, a, b - 1)
            total = self._sums[key] = left + self._line("col", name, b - 1, a)
        return total

    def _unit_at(self, name: str, shift: int) -> np.ndarray:
        """Flag ``name`` (:attr:`flags`) of the unit ``shift`` after the current cells' row (zh_*)
        or column (en_*). Kept while the cells are the same: link types of the same width share it."""
        key = ("at", name, shift)
        value = self._sums.get(key)
        if value is None:
            flags = self.flags[name]
            start = self._current[0] if name.startswith("zh") else self._current[1]
            value = self._sums[key] = flags[np.minimum(start + shift, len(flags) - 1)]
        return value

    def _unit_span(self, name: str, count: int) -> np.ndarray:
        """:meth:`_span` of ``count`` units from the current cells' row (zh_*) or column (en_*)."""
        key = ("span", name, count)
        total = self._sums.get(key)
        if total is None:
            start = self._current[0] if name.startswith("zh") else self._current[1]
            total = self._sums[key] = self._span(name, start, count)
        return total

    def of_type(self, t: int, cells: np.ndarray | None = None) -> np.ndarray:
        """(len(FEATURES), cells): the features of a link of type ``types[t]`` starting at each cell."""
        a, b = self.types[t]
        i, j = self._use(cells)
        out = np.zeros((len(FEATURES), len(i)))
        terms = self._terms(a, b)
        for name, value in terms.items():
            out[FEATURE_INDEX[name]] = value
        if self.semantic and a and b:
            self._semantic(out, FEATURE_INDEX, i, j, a, b, terms["length_ratio"])
        return out

    def _terms(self, a: int, b: int) -> dict[str, float | np.ndarray]:
        """The features of an a-b link at the current cells, by name (constants as numbers),
        except the semantic features of a matched link (:meth:`_semantic`); absent ones are 0."""
        i, j = self._current
        cells = self._cells
        terms: dict[str, float | np.ndarray] = {"shape_surprise": self.shapes.get(shape_class(a, b), 0.0)}
        if a == 0 or b == 0:
            terms["unmatched"] = 1.0
            if a:
                lengths = self.bitext.zh_length[np.minimum(i, self.bitext.n - 1)] / self.zh_mean_length
            else:
                lengths = self.bitext.en_length[np.minimum(j, self.bitext.m - 1)] / self.en_mean_length
            terms["unmatched_length"] = np.minimum(lengths, 5.0)
            terms["unmatched_best_lexical"] = self.zh_best_lexical[i] if a else self.en_best_lexical[j]
            if self.semantic:
                terms["semantic_unmatched_best"] = self.zh_best_semantic[i] if a else self.en_best_semantic[j]
            return terms
        terms["matched"] = 1.0
        terms["extra_sentences"] = a + b - 2
        terms["both_sides_many"] = min(a, b) - 1
        if (a, b) in TYPE_FEATURES:
            terms[TYPE_FEATURES[a, b]] = 1.0
        zh_length, en_length = self._unit_span("zh_length", a), self._unit_span("en_length", b)
        terms["length_z2"] = self.length.z2(zh_length, en_length)
        terms["length_ratio"] = self.length.ratio(zh_length, en_length)
        # Lexical share: a word translated in two sentences of the link counts once (the caps).
        zh_known, en_known = self._unit_span("zh_known", a), self._unit_span("en_known", b)
        zh_hits = self._rect("zh_hits", i, j, a, b)
        en_hits = self._col_rect("en_hits", a, b)
        known = zh_known + en_known
        hits = np.minimum(zh_hits, zh_known) + np.minimum(en_hits, en_known)
        # (known counts words, so where it is 0 so are the hits: 0 / 1; a masked divide is slower)
        lexical = hits / np.maximum(known, 1.0)
        terms["lexical"] = lexical
        terms["lexical_known"] = (known > 0).astype(np.float64)
        terms["lexical_x_extra"] = lexical * (a + b - 2)
        if a > 1 or b > 1:
            terms["coverage"], terms["untranslated"] = self._coverage(a, b)
        zh_anchors, en_anchors = self._unit_span("zh_anchors", a), self._unit_span("en_anchors", b)
        matched = np.minimum(self._rect("anchors", i, j, a, b), np.minimum(zh_anchors, en_anchors))
        terms["anchor_match"] = np.minimum(matched, MAX_ANCHORS)
        terms["anchor_miss"] = np.minimum(zh_anchors + en_anchors - 2 * matched, MAX_ANCHORS)
        if self.quoted:
            # The English side ends inside a quotation that the Chinese side has closed (the
            # English sentence that closes it belongs to this link), or begins inside one where
            # the Chinese side opens it (its first sentence belongs to the link before):
            # tmkit.align.quotes.
            terms["quote_open_en"] = self._unit_at("en_ends_open", b - 1) * self._unit_at("zh_ends_closed", a - 1)
            terms["quote_begun_en"] = self._unit_at("en_begins_closed", 0) * self._unit_at("zh_begins_open", 0)
        if self.labelled:  # (both labels are -1 everywhere otherwise: the two features are 0)
            terms["label_same"] = self.label_same if cells is None else self.label_same[cells]
            terms["label_different"] = self.label_different if cells is None else self.label_different[cells]
        return terms

    def _coverage(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Every sentence of a many-sentence link must itself be (partly) translated.

        The link's lexical share is over all its words, so an untranslated sentence merged
        into a well-matched neighbour dilutes it only a little; each sentence whose own share
        of translated words falls below COVERAGE_FLOOR adds the shortfall (the coverage), and
        each with no translated word at all counts once more (untranslated): free translation
        joins sentences the dictionary explains poorly, but seldom one it does not explain at all.
        """
        cost = np.zeros(len(self._current[0]))
        empty = np.zeros(len(self._current[0]))
        for side, count, width in (("row", a, b), ("col", b, a)):
            for k in range(count if count > 1 else 0):
                shortfall = self._shortfall(side, k, width)
                cost += shortfall
                empty += shortfall >= COVERAGE_FLOOR  # no word of it translated
        return cost, empty

    def _shortfall(self, side: str, shift: int, width: int) -> np.ndarray:
        """How far Chinese sentence i + shift (side "row") or English sentence j + shift falls
        short of COVERAGE_FLOOR in a link reaching ``width`` sentences across, at the current cells."""
        key = ("shortfall", side, shift, width)
        cost = self._sums.get(key)
        if cost is None:
            words_key = ("words", side, shift)
            if words_key not in self._sums:
                i, j = self._current
                words, unit = (self.totals.zh_words, i + shift) if side == "row" else (self.totals.en_words, j + shift)
                unit_words = words[np.minimum(unit, len(words) - 1)]
                self._sums[words_key] = np.maximum(unit_words, 1.0)
                self._sums[("has_words", side, shift)] = (unit_words > 0).astype(np.float64)
            hits = self._line(side, "zh_hits" if side == "row" else "en_hits", shift, width)
            # A sentence without words counts as translated (share 1: no shortfall); word counts
            # are integers, so max(words, 1) divides the others exactly as they are.
            cost = np.maximum(0.0, COVERAGE_FLOOR - hits / self._sums[words_key])
            cost *= self._sums[("has_words", side, shift)]
            self._sums[key] = cost
        return cost

    def _semantic(self, out: np.ndarray, f: dict[str, int], i: np.ndarray, j: np.ndarray,
                  a: int, b: int, ratio: np.ndarray) -> None:
        rows, cols = self.rows["cosine"], self.cols["cosine"]
        n, m = self.bitext.n, self.bitext.m

        def zh_unit(k: np.ndarray) -> np.ndarray:
            return np.maximum(self.zh_norm[1][np.clip(k, 0, n)], 1e-6)

        def en_unit(k: np.ndarray) -> np.ndarray:
            return np.maximum(self.en_norm[1][np.clip(k, 0, m)], 1e-6)

        zh_norm = np.maximum(self.zh_norm[a][np.minimum(i, n)], 1e-6)
        en_norm = np.maximum(self.en_norm[b][np.minimum(j, m)], 1e-6)
        dot = self._rect("cosine", i, j, a, b)
        cosine = dot / (zh_norm * en_norm)
        # Margin: the cosine less the mean cosine with the sentences just outside the link.
        en_before = self._col_sum(cols, -1, i, i + a) / (zh_norm * en_unit(j - 1))
        en_after = self._col_sum(cols, b, i, i + a) / (zh_norm * en_unit(j + b))
        zh_before = self._row_sum(rows, -1, j, j + b) / (en_norm * zh_unit(i - 1))
        zh_after = self._row_sum(rows, a, j, j + b) / (en_norm * zh_unit(i + a))
        en_side = _mean_of_present(en_before, j > 0, en_after, j + b < m)
        zh_side = _mean_of_present(zh_before, i > 0, zh_after, i + a < n)
        out[f["semantic"]] = cosine
        out[f["semantic_margin"]] = cosine - 0.5 * (en_side + zh_side)
        out[f["semantic_x_length"]] = cosine * ratio
        out[f["semantic_x_extra"]] = cosine * (a + b - 2)
        zh_hub = (self.zh_hub[np.minimum(i + a, n)] - self.zh_hub[np.minimum(i, n)]) / a
        en_hub = (self.en_hub[np.minimum(j + b, m)] - self.en_hub[np.minimum(j, m)]) / b
        out[f["semantic_csls"]] = cosine - 0.5 * (zh_hub + en_hub)
        if a > 1 or b > 1:
            weakest = np.full(len(i), np.inf)
            for r in range(a if a > 1 else 0):
                part = self._row_sum(rows, r, j, j + b) / (en_norm * zh_unit(i + r))
                weakest = np.minimum(weakest, part)
            for c in range(b if b > 1 else 0):
                part = self._col_sum(cols, c, i, i + a) / (zh_norm * en_unit(j + c))
                weakest = np.minimum(weakest, part)
            out[f["semantic_weakest"]] = cosine - weakest

    def costs(self, weights: np.ndarray, dtype: type = np.float64) -> np.ndarray:
        """(len(types), band.size): each link type's cost at each cell; inf where it runs past the end.

        (The first pass's searches ask for :meth:`block_costs` as they go instead; the final
        search keeps the whole array, in float32, for the links' probabilities: it is the
        largest of an alignment, 120 bytes a band cell.)
        """
        costs = np.full((len(self.types), self.band.size), np.inf, dtype=dtype)
        for start in range(0, self.band.size, COST_BLOCK):
            stop = min(start + COST_BLOCK, self.band.size)
            costs[:, start:stop] = self.block_costs(weights, start, stop)
        return costs

    def block_costs(self, weights: np.ndarray, start: int, stop: int) -> np.ndarray:
        """(len(types), stop - start): the costs of the links starting at cells start .. stop - 1.

        The same numbers as ``weights @ of_type(t)``, summed feature by feature (constant
        features folded into one number, features of weight 0 skipped) instead of
        materialising every feature of every type; the line sums of the cells are shared by
        all link types.
        """
        costs = np.full((len(self.types), stop - start), np.inf)
        weight = dict(zip(FEATURES, weights.tolist()))
        semantic_rows = [k for k, name in enumerate(FEATURES) if name in SEMANTIC_FEATURES and weight[name]]
        cells = np.arange(start, stop)
        i, j = self._use(cells)
        # _semantic writes its features into rows of a feature array, the others stay unused.
        scratch = np.zeros((len(FEATURES), len(cells))) if self.semantic and semantic_rows else None
        for t, (a, b) in enumerate(self.types):
            valid = self.valid(t, cells)
            terms = self._terms(a, b)
            constant = sum(weight[name] * value for name, value in terms.items() if np.ndim(value) == 0)
            cost = np.full(len(cells), constant)
            for name, value in terms.items():
                if np.ndim(value) and weight[name]:
                    cost += weight[name] * value
            if scratch is not None and a and b:
                scratch[semantic_rows] = 0.0
                self._semantic(scratch, FEATURE_INDEX, i, j, a, b, terms["length_ratio"])
                for k in semantic_rows:
                    cost += weights[k] * scratch[k]
            if valid.all():
                costs[t] = cost
            else:
                costs[t, valid] = cost[valid]
        self._forget()  # the block's sums are not needed again
        return costs


def _mean_of_present(x: np.ndarray, has_x: np.ndarray, y: np.ndarray, has_y: np.ndarray) -> np.ndarray:
    count = has_x.astype(np.float64) + has_y
    total = np.where(has_x, x, 0.0) + np.where(has_y, y, 0.0)
    return np.divide(total, count, out=np.zeros(len(x)), where=count > 0)
