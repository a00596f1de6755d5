"""Packaging that pyproject.toml cannot express: ship ``termbase/`` as package data.

The curated termbase lives at the top of the repository, where terminologists edit
and review it, but an installed tmkit must find it too. Mapping it to the package
``tmkit.termbase.curated`` (``package_dir``) puts the YAML files in the wheel beside the
code without copying them in the source tree, and in an editable install the same
import name resolves to the repository's own folder. Everything else is in
pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["tmkit", "tmkit.*"]), "tmkit.termbase.curated"],
    package_dir={"tmkit.termbase.curated": "termbase"},
)
