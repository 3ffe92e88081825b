"""Charts: text drawn as it is, and geometry checked on the rendered figure — labels that do
not overlap, text that contrasts with what it sits on, legends clear of the data, no line hidden
under another. Run on the seed and on three short articles written for these tests
(tests/data/three_articles: India–China in June and July 2020, EU–UK in August 2020)."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from newslab import Article  # noqa: E402
from newslab.entities import actor_table, cooccurrence  # noqa: E402
from newslab.frames import score_frames  # noqa: E402
from newslab.io import load_corpus  # noqa: E402
from newslab.plots.actors import cooccurrence_network  # noqa: E402
from newslab.plots.frames import frame_profile, frames_over_time  # noqa: E402
from newslab.plots.labels import contrast_ratio, overlapping_pairs, text_colour_on  # noqa: E402
from newslab.plots.relations import dyad_events, stance_heatmap  # noqa: E402
from newslab.plots.sentiment import sentiment_arc  # noqa: E402
from newslab.plots.style import PALETTE, save_figure  # noqa: E402
from newslab.plots.text import paragraph_lengths  # noqa: E402
from newslab.relations import dyad  # noqa: E402
from newslab.sentiment import score_sentiment  # noqa: E402
from newslab.stance import stance  # noqa: E402

THREE = Path(__file__).parent / "data" / "three_articles"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def three():
    return load_corpus(THREE)


def _drawn(fig):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _labels(ax) -> list[Annotation]:
    return [t for t in ax.texts if isinstance(t, Annotation)]


def _paragraphs(article) -> pd.DataFrame:
    words = [sum(t.is_word for t in article.sentence_tokens(i)) for i in range(article.n_sentences)]
    return (article.sentences_frame().assign(words=words).groupby("paragraph", as_index=False)
            .agg(sentences=("i", "size"), words=("words", "sum")))


def test_dollar_signs_in_titles_are_drawn_not_parsed(tmp_path):
    title = r"Lira: $\frac{1}{$ as talks stall"
    a = Article.from_text(f"{title}\n\nThe lira fell to $5 on Monday. Ankara and Washington met on $80 oil.")
    fig = sentiment_arc(score_sentiment(a), title=title, source=title)
    paths = save_figure(fig, tmp_path, "arc")  # mathtext would raise on the unbalanced $ here
    assert [p.stat().st_size > 0 for p in paths] == [True, True]
    assert title in [t.get_text() for ax in fig.axes for t in (ax.title,)] + [t.get_text() for t in fig.texts]
    assert title in (tmp_path / "arc.svg").read_text(encoding="utf-8")


def test_the_three_test_articles_load_with_their_dates(three):
    assert [(a.id, a.date) for a in three] == [("india-china-2020-06", "2020-06-17"),
                                               ("india-china-2020-07", "2020-07-09"),
                                               ("eu-uk-2020-08", "2020-08-20")]


# --- contrast -------------------------------------------------------------------------------
def test_text_colour_contrasts_with_any_background():
    rng = np.random.default_rng(3)
    backgrounds = list(PALETTE.values()) + [to_hex(c) for c in rng.uniform(0, 1, (300, 3))]
    worst = min(contrast_ratio(text_colour_on(bg), bg) for bg in backgrounds)
    assert worst >= 4.5
    assert text_colour_on(PALETTE["black"]) == "#FFFFFF" and text_colour_on(PALETTE["yellow"]) == "#000000"
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the WCAG borderline grey


# --- dyad events: cue labels ----------------------------------------------------------------
def _marker_boxes(ax, renderer) -> list[Bbox]:
    boxes = []
    for coll in ax.collections:
        r = np.sqrt(coll.get_sizes()[0]) * ax.figure.dpi / 72 / 2
        for x, y in ax.transData.transform(coll.get_offsets()):
            boxes.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
    return boxes


def _assert_event_labels_clear(fig, n_events: int) -> None:
    renderer = _drawn(fig)
    ax = fig.axes[0]
    labels = _labels(ax)
    assert len(labels) == n_events
    assert overlapping_pairs(labels) == []
    frame = ax.get_window_extent(renderer)
    for lab in labels:
        box = Bbox(lab.get_window_extent(renderer).get_points())
        if lab.arrow_patch is None:  # a label with a leader line may cross markers; the text box may not
            assert not any(box.overlaps(m) for m in _marker_boxes(ax, renderer)), lab.get_text()
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, lab.get_text()


def test_dyad_event_labels_never_overlap_on_the_seed(seed):
    d = dyad(seed, "Russia", "Turkey")
    n = len(d.events.drop_duplicates(subset=["start", "end"]))
    fig = dyad_events(d)
    _assert_event_labels_clear(fig, n)
    cues = sorted(t.get_text() for t in _labels(fig.axes[0]))
    # the labels that used to collide: "agreement"/"reconciliation", and the crisis of 2015 beside
    # the 2016 deal that "ended a crisis" (cooperation since issue 15)
    assert cues.count("crisis") == 1 and {"agreement", "reconciliation", "ended a crisis"} <= set(cues)


def test_dyad_event_labels_never_overlap_on_three_articles(three):
    d = dyad(three, "India", "China")
    n = len(d.events.drop_duplicates(subset=["doc_id", "start", "end"]))
    assert n >= 10
    _assert_event_labels_clear(dyad_events(d), n)


def test_identical_events_get_separate_readable_labels():
    # Six "crisis" events with the same weight in the same lane: the worst case for labels.
    ev = pd.DataFrame({"doc_id": "d", "start": range(0, 60, 10), "end": range(5, 65, 10), "weight": -5.0,
                       "time": "current", "type": "verbal_conflict", "cue": "crisis", "negated": False,
                       "confidence": [1.0, 0.9, 0.5, 0.3, 0.1, 1.0]})
    ev = pd.concat([ev, ev.assign(start=ev.start + 100, end=ev.end + 100, weight=5.0, cue="reconciliation",
                                  type="verbal_cooperation")], ignore_index=True)
    fig = dyad_events(ev)
    _assert_event_labels_clear(fig, 12)
    # Weak events fade (issue 15), down to a floor of 0.25 so that they stay visible.
    alphas = fig.axes[0].collections[0].get_alpha()
    assert list(np.round(alphas, 2)) == [1.0, 0.9, 0.5, 0.3, 0.25, 1.0]


# --- network: contrast and no collisions ----------------------------------------------------
def _network_labels(fig) -> dict[str, Annotation]:
    _drawn(fig)
    return {t.get_text(): t for t in _labels(fig.axes[0])}


def _node_colours(fig) -> list[str]:
    return [to_hex(c) for c in fig.axes[0].collections[-1].get_facecolors()]


def test_network_labels_contrast_with_their_node_and_do_not_collide(seed):
    table = actor_table(seed)
    fig = cooccurrence_network(cooccurrence(seed), table=table)
    labels = _network_labels(fig)
    assert {"United Nations", "Vladimir Putin", "Recep Tayyip Erdogan"} <= set(labels)
    node_colours = set(_node_colours(fig))
    for name, lab in labels.items():
        chip = to_hex(lab.get_bbox_patch().get_facecolor())
        assert chip in node_colours, name
        assert contrast_ratio(lab.get_color(), chip) >= 4.5, name
    assert overlapping_pairs(list(labels.values())) == []


def test_a_name_on_a_black_node_is_white():
    # The third side beyond the fixed ones gets black (the Okabe–Ito spare): its name must be white.
    table = pd.DataFrame({"actor": ["India", "China", "United Nations", "Narendra Modi"],
                          "side": ["India", "China", "United Nations", "India"], "mentions": [9, 8, 4, 3]})
    cooc = pd.DataFrame({"source": ["India", "China", "India"],
                         "target": ["United Nations", "United Nations", "Narendra Modi"],
                         "weight": [2, 1, 3]})
    labels = _network_labels(cooccurrence_network(cooc, table=table))
    un = labels["United Nations"]
    assert to_hex(un.get_bbox_patch().get_facecolor()) == PALETTE["black"].lower()
    assert to_hex(un.get_color()) == "#ffffff"
    assert to_hex(labels["China"].get_color()) == "#000000"  # sky blue chip: black text
    assert overlapping_pairs(list(labels.values())) == []


def test_network_labels_clear_on_three_articles(three):
    fig = cooccurrence_network(cooccurrence(three, level="sentence"), table=actor_table(three))
    labels = _network_labels(fig)
    assert {"India", "China", "European Union"} <= set(labels)
    assert overlapping_pairs(list(labels.values())) == []
    for name, lab in labels.items():
        assert contrast_ratio(lab.get_color(), lab.get_bbox_patch().get_facecolor()) >= 4.5, name


# --- paragraph lengths: the legend off the bars ---------------------------------------------
@pytest.mark.parametrize("which", ["seed", "three", "tall_last"])
def test_paragraph_legend_does_not_cover_any_bar(which, seed, three):
    if which == "seed":
        par = _paragraphs(seed)
    elif which == "three":
        par = _paragraphs(next(iter(three)))
    else:  # the tallest bars at the right end, where a legend inside the axes sits
        par = pd.DataFrame({"paragraph": range(8), "sentences": [1, 2] * 4, "words": [5, 6, 7, 8, 9, 30, 40, 41]})
    fig = paragraph_lengths(par)
    renderer = _drawn(fig)
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent(renderer)
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    assert len(bars) == len(par)
    assert not any(legend.overlaps(b) for b in bars)
    assert not legend.overlaps(ax.title.get_window_extent(renderer))


# --- frames over time: no frame hidden under another ----------------------------------------
def test_frames_over_time_gives_each_frame_its_own_panel(three):
    df = score_frames(three, "generic", levels=("article",))
    fig = frames_over_time(df, freq="M")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    labels = df.drop_duplicates("frame")["label"].tolist()
    assert [ax.get_title(loc="left") for ax in panels] == labels
    share = {}
    for ax in panels:
        data = [ln for ln in ax.lines if ln.get_marker() == "o"]
        assert len(data) == 1  # one frame per panel: nothing can hide it
        share[ax.get_title(loc="left")] = list(data[0].get_ydata())
    # Attribution of responsibility is present in two of the three articles (June and August).
    assert share["Attribution of responsibility"] == [1.0, 0.0, 1.0]
    assert share["Conflict"] == [1.0, 1.0, 1.0]
    assert share["Human interest"] == [1.0, 0.0, 0.0]
    assert len({ax.get_ylim() for ax in panels}) == 1  # shared scale: panels compare


# --- frame profile: bar labels in the axis's unit -------------------------------------------
@pytest.mark.parametrize("which", ["seed", "three"])
def test_frame_profile_bar_labels_say_per_1000_and_hits(which, seed, three):
    df = score_frames(seed if which == "seed" else three, "generic")
    fig = frame_profile(df)
    renderer = _drawn(fig)
    ax = fig.axes[0]
    art = (df[df.level == "article"].groupby("frame", sort=False)
           .agg(per_1000=("per_1000", "mean"), hits=("hits", "sum")))
    texts = [t for t in ax.texts]
    assert len(texts) == len(art)
    frame = ax.get_window_extent(renderer)
    for t, bar, (frame_name, r) in zip(texts, sorted(ax.patches, key=lambda p: -p.get_y()), art.iterrows()):
        assert t.get_text().strip().startswith(f"{r.per_1000:.1f} ({int(r.hits)} hit"), frame_name
        assert t.get_position()[0] == pytest.approx(bar.get_width())  # at the bar's end, in axis units
        assert t.get_window_extent(renderer).x1 <= frame.x1  # fully inside the axes
    if which == "seed":
        conflict = [t.get_text() for t in texts if "(19 hits)" in t.get_text()]
        assert conflict == [f" {art.loc['conflict', 'per_1000']:.1f} (19 hits)"]


# --- stance heatmap: cell text readable on dark cells ---------------------------------------
def test_stance_heatmap_cell_text_contrasts_with_its_cell(seed):
    fig = stance_heatmap(stance(seed))
    ax = fig.axes[0]
    im = ax.images[0]
    data = im.get_array()
    texts = [t for t in ax.texts if "n=" in t.get_text()]
    assert texts
    dark = 0
    for t in texts:
        j, i = (int(round(v)) for v in t.get_position())
        cell = im.cmap(im.norm(data[i, j]))
        assert contrast_ratio(t.get_color(), cell) >= 4.5, t.get_text()
        dark += to_hex(t.get_color()) == "#ffffff"
    assert dark >= 1  # the seed has +1.00 cells (dark blue), drawn in white


# --- every chart: readable text, legends off the data, one colour per side ------------------
def _gallery(article, corpus) -> dict:
    """Every newslab chart, on one article and on a dated corpus (names → Figure makers)."""
    from newslab.frames import score_frames as sf
    from newslab.plots.actors import mentions_by_side
    from newslab.plots.frames import frame_heatmap
    from newslab.plots.quotes import voice_share_chart
    from newslab.plots.relations import dyad_over_time
    from newslab.plots.sentiment import sentence_explanation
    from newslab.plots.text import word_frequency_chart
    from newslab.entities import side_table
    from newslab.quotes import voice_share
    from newslab.sentiment import explain_sentiment
    from newslab.textutils import word_frequencies

    first = next(iter(corpus))
    return {
        "paragraph_lengths": lambda: paragraph_lengths(_paragraphs(article)),
        "word_frequencies": lambda: word_frequency_chart(word_frequencies(article)),
        "sentiment_arc": lambda: sentiment_arc(score_sentiment(article)),
        "sentiment_arc_corpus": lambda: sentiment_arc(score_sentiment(corpus)),
        "sentence_explanation": lambda: sentence_explanation(explain_sentiment(article.sentences[1], article),
                                                             article.sentences[1].text),
        "mentions_by_side": lambda: mentions_by_side(actor_table(article)),
        "mentions_by_side_corpus": lambda: mentions_by_side(actor_table(corpus)),
        "sides_stacked": lambda: mentions_by_side(side_table(article)),
        "network": lambda: cooccurrence_network(cooccurrence(article), table=actor_table(article)),
        "network_corpus": lambda: cooccurrence_network(cooccurrence(corpus), table=actor_table(corpus)),
        "voice_share": lambda: voice_share_chart(voice_share(article)),
        "voice_share_corpus": lambda: voice_share_chart(voice_share(first)),
        "dyad_events": lambda: dyad_events(dyad(article, "Russia", "Turkey")),
        "dyad_events_corpus": lambda: dyad_events(dyad(corpus, "India", "China")),
        "dyad_over_time": lambda: dyad_over_time(dyad(corpus, "India", "China")),
        "stance_heatmap": lambda: stance_heatmap(stance(article)),
        "frame_profile": lambda: frame_profile(sf(article, "generic")),
        "frame_heatmap": lambda: frame_heatmap(sf(article, "generic")),
        "frames_over_time": lambda: frames_over_time(sf(corpus, "generic")),
    }


CHARTS = [
    "paragraph_lengths", "word_frequencies", "sentiment_arc", "sentiment_arc_corpus", "sentence_explanation",
    "mentions_by_side", "mentions_by_side_corpus", "sides_stacked", "network", "network_corpus", "voice_share",
    "voice_share_corpus", "dyad_events", "dyad_events_corpus", "dyad_over_time", "stance_heatmap",
    "frame_profile", "frame_heatmap", "frames_over_time"]


def _on_white(colour) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgba

    r, g, b, a = to_rgba(colour)
    return (a * r + 1 - a, a * g + 1 - a, a * b + 1 - a)


def test_the_gallery_is_every_chart(seed, three):
    assert sorted(_gallery(seed, three)) == sorted(CHARTS)


@pytest.mark.parametrize("name", CHARTS)
def test_all_chart_text_has_contrast_and_legends_sit_off_the_data(name, seed, three):
    from matplotlib.text import Text

    fig = _gallery(seed, three)[name]()
    renderer = _drawn(fig)
    low = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip() or (t.axes is not None and t.axes.images
                                                                and t in t.axes.texts):
            continue  # cell text on a heatmap image: checked against its cell below
        patch = t.get_bbox_patch()
        bg = _on_white(patch.get_facecolor()) if patch is not None else (1.0, 1.0, 1.0)
        ratio = contrast_ratio(_on_white(t.get_color()), bg)
        if ratio < 4.5:
            low.append((t.get_text()[:30], to_hex(t.get_color()), round(ratio, 2)))
    assert low == []
    areas = [ax.get_window_extent(renderer) for ax in fig.axes if ax.get_visible()]
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            box = legend.get_window_extent(renderer)
            assert not any(box.overlaps(a) for a in areas), f"{name}: legend inside a plotting area"


def test_a_side_has_one_colour_in_the_bar_chart_and_the_network(three):
    from newslab.plots.actors import mentions_by_side

    table = actor_table(three)
    bars = mentions_by_side(table).axes[0]
    bar_colour = {lab.get_text(): to_hex(p.get_facecolor()) for lab, p in zip(bars.get_yticklabels(), bars.patches)}
    fig = cooccurrence_network(cooccurrence(three), table=table)
    labels = _network_labels(fig)
    chip = {name: to_hex(lab.get_bbox_patch().get_facecolor()) for name, lab in labels.items()}
    assert table.loc[table.actor == "India", "mentions"].item() == table.loc[table.actor == "China", "mentions"].item()
    for actor in ("India", "China", "European Union"):  # India and China tie on mentions: the tie must not flip
        assert chip[actor] == bar_colour[actor], actor
    assert chip["India"] != chip["China"]


def test_voice_share_of_an_article_without_quotes_is_a_note_not_empty_axes():
    from newslab.plots.quotes import voice_share_chart
    from newslab.quotes import voice_share

    brief = Article.from_text("Trade\n\nIndia and China agreed on Monday to reopen border trade at two passes.")
    fig = voice_share_chart(voice_share(brief), source="Border trade")
    ax = fig.axes[0]
    assert not ax.axison and ax.get_legend() is None and not ax.patches  # no ticks, bars or legend to misread
    assert [t.get_text() for t in ax.texts] == ["no quotes in this text: nobody gets a voice"]
    plt.close(fig)


def test_an_article_without_frame_terms_has_a_white_heatmap_and_whole_sentence_ticks():
    from newslab.plots.frames import frame_heatmap

    harvest = Article.from_text("Harvest\n\nThe weather was sunny on Monday. Farmers in Punjab expect a good harvest.")
    fig = frame_heatmap(score_frames(harvest, "russia_turkey"))
    image = fig.axes[0].images[0]
    assert image.norm.vmin == 0 and image.norm.vmax == 1  # 0 hits is the lightest colour, not the middle one
    assert "no frame term in this text" in [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    fig = sentiment_arc(score_sentiment(harvest))
    fig.canvas.draw()
    ticks = [t for t in fig.axes[0].get_xticks() if 0 <= t <= 1]
    assert ticks == [0, 1]  # two sentences: ticks 0 and 1, not 0.2 of a sentence
    plt.close(fig)
