"""Reviewing an alignment in the browser before it becomes a memory.

``tmkit review`` serves a local page (:mod:`tmkit.review.server`) on an alignment kept
in InterText's XML format (:mod:`tmkit.review.intertext`); every change the reviewer
makes is an operation on :class:`tmkit.review.model.Review`, saved at once.
"""
