"""The fast resource loaders (issue #16) give exactly what the standard loaders give."""
from __future__ import annotations

import pytest
import yaml

from newslab.discovery import common_words, read_yaml, verb_words
from newslab.errors import ResourceFileError
from newslab.resources import RESOURCE_DIR, load_yaml, parse_yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.mark.parametrize("path", sorted(RESOURCE_DIR.rglob("*.yml")), ids=lambda p: p.name)
def test_every_packaged_resource_parses_as_yaml_load_does(path):
    text = path.read_text(encoding="utf-8-sig")
    assert repr(parse_yaml(text)) == repr(yaml.load(text, Loader=LOADER))  # noqa: S506


@pytest.mark.parametrize("text", [
    "",
    "sides: [India, China]\nsince: 2020-06-15\nclashes: 20\nsettled: false\nnote: null\n",
    "base: &gulf {region: Gulf}\nIran:\n  <<: *gulf\n  capital: Tehran\n",  # a merge key
    "? [Brexit, vote]\n: 2016\n",  # a list as a key
    "!!set {London, Brussels}",
    "1: first round\n2.5: recount\n",
    "--- EU\n--- UK\n",  # two documents
    "talks: [Geneva",  # broken
])
def test_unusual_yaml_gives_the_standard_result_or_error(text):
    def load(parse):
        try:
            return repr(parse(text))
        except yaml.YAMLError as exc:
            return f"{type(exc).__name__}: {exc}"
    assert load(parse_yaml) == load(lambda t: yaml.load(t, Loader=LOADER))  # noqa: S506


def test_an_anchored_list_is_one_object_as_with_yaml_load():
    data = parse_yaml("talks: &venues [Doha, Muscat]\nlater: *venues\n")
    assert data == {"talks": ["Doha", "Muscat"], "later": ["Doha", "Muscat"]}
    assert data["talks"] is data["later"]


def test_a_tag_that_would_run_code_is_still_refused(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("people:\n  - name: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(ResourceFileError, match="!!python/object/apply:os.system"):
        load_yaml(path)
    with pytest.raises(ResourceFileError, match="not allowed"):
        read_yaml(str(path))


def test_the_lexicon_keeps_lower_case_words_and_verbs_not_proper_nouns():
    common, verbs = common_words(), verb_words()
    assert {"negotiate", "ceasefire", "border", "the"} <= common
    assert {"negotiate", "warned", "must"} <= verbs
    assert "border" not in verbs
    assert "Tehran" not in common and "tehran" not in common
