"""Errors a student can act on.

Every error newslab raises for a user's mistake is a :class:`NewslabError`. Its message is one
sentence that names the file (or parameter) and says what to do. The CLI prints that sentence and
exits with status 2 instead of showing a traceback.
"""
from __future__ import annotations


class NewslabError(Exception):
    """Base class for errors caused by the user's input, not by a bug in newslab."""

    exit_code = 2


class InputError(NewslabError, ValueError):
    """A file or folder cannot be read as news text (empty, binary, missing column, ...)."""


class InputNotFoundError(NewslabError, FileNotFoundError):
    """The path the user gave does not exist."""


class MissingResourceError(NewslabError, LookupError):
    """An optional NLTK data package is needed but not installed."""


class ParameterError(NewslabError, ValueError):
    """An unknown or invalid parameter was passed (notebook parameter, scheme name, ...)."""


class ArticleIndexError(NewslabError, IndexError):
    """An article number beyond the corpus (``corpus[7]`` of a 3-article corpus; a lesson's ``article_index``)."""


class ResourceFileError(NewslabError, ValueError):
    """A lexicon, actor list or frame dictionary YAML/CSV file is malformed."""
