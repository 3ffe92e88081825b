"""Resource loading: YAML that would run code is refused; the common-word lexicon keeps what it should."""
from __future__ import annotations

import pytest

from newslab.discovery import common_words, verb_words
from newslab.errors import ResourceFileError
from newslab.resources import load_yaml


def test_a_tag_that_would_run_code_is_still_refused(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("people:\n  - name: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(ResourceFileError, match="!!python/object/apply:os.system") as err:
        load_yaml(path)
    assert "not allowed" in str(err.value)


def test_the_lexicon_keeps_lower_case_words_and_verbs_not_proper_nouns():
    common, verbs = common_words(), verb_words()
    assert {"negotiate", "ceasefire", "border", "the"} <= common
    assert {"negotiate", "warned", "must"} <= verbs
    assert "border" not in verbs
    assert "Tehran" not in common and "tehran" not in common
