"""The bundled content loads; broken or hostile files are rejected with their file and line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lowback_timer.core.content import Content, ContentInvalidError, Texts, Urgency, routines_dir
from lowback_timer.core.loader import check, load_content
from lowback_timer.core.routine import safe_hold_range
from lowback_timer.core.schema import ContentError, shape_fields
from lowback_timer.core.screening import screen

BROKEN = Path(__file__).parent.parent / "data" / "broken"


def copy_bundled(folder: Path) -> None:
    for source in routines_dir().glob("*.yaml"):
        (folder / source.name).write_text(source.read_text("utf-8"), encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_bundled_content_has_the_four_stretches_types_and_tiers() -> None:
    content = load_content()
    assert [s.id for s in content.stretches] == ["iliopsoas", "hamstrings", "glutes", "calves"]
    assert [t.id for t in content.types] == ["nerve", "fatigue", "standing", "sitting"]
    assert [t.tier for t in content.tiers] == [1, 2, 3, 4, 5]
    assert {s.tier for s in content.signs} == {1, 2, 3, 5}  # tier 4 is asked while stretching
    assert content.languages == ("en", "ja")
    assert content.stretch("calves").seconds_range == (20, 30)
    for stretch in content.stretches:
        for place in content.place_ids:
            assert any(place in v.places for v in stretch.variants), (stretch.id, place)
        lo, hi = safe_hold_range(content, stretch.id)
        assert 10 <= lo <= hi <= 60


def test_every_text_is_there_in_english_and_japanese() -> None:
    content = load_content()
    texts = [s.name for s in content.stretches] + [s.cue for s in content.stretches]
    texts += [t.feels for t in content.types] + [s.text for s in content.signs]
    for text in texts:
        assert text("en") and text("ja")
        assert text("en") != text("ja")
    assert content.stretch("calves").name("ja").startswith("ふくらはぎ")


def test_check_of_bundled_folder_reports_nothing() -> None:
    assert check([routines_dir()]) == []


def test_all_errors_are_collected_not_just_the_first(tmp_path: Path) -> None:
    bad = tmp_path / "many.yaml"
    bad.write_text(
        "prompts:\n"
        "  - id: Bad Id\n"
        "    text: {en: 'x'}\n"
        "routines:\n"
        "  - id: r\n"
        "    name: {en: 'R', ja: 'R'}\n"
        "    place: kitchen\n"
        "    items: []\n",
        encoding="utf-8",
    )
    lines = sorted(e.line for e in check([bad]))
    assert lines == [2, 3, 7, 8]


def test_a_broken_folder_never_loads_partially(tmp_path: Path) -> None:
    copy_bundled(tmp_path)
    (tmp_path / "zz-extra.yaml").write_text(
        (BROKEN / "08-missing-language.yaml").read_text("utf-8")
    )
    with pytest.raises(ContentInvalidError) as info:
        load_content([tmp_path])
    assert [e.line for e in info.value.errors] == [4]


def test_a_file_over_one_mebibyte_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("prompts: []\n" + "#" * (1024 * 1024) + "\n", encoding="utf-8")
    [error] = check([big])
    assert (error.line, "1 MiB" in error.message) == (1, True)


def test_a_single_missing_section_is_named(tmp_path: Path) -> None:
    (tmp_path / "meta.yaml").write_text("meta: {languages: [en, ja]}\n", encoding="utf-8")
    messages = [e.message for e in check([tmp_path])]
    assert "section 'dose' is missing" in messages


def test_a_pipe_or_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    [error] = check([fifo])
    assert (error.line, error.message) == (1, "not a regular file")


# --- what `check` says about a path it cannot read ---------------------------------------------
ROOT_READS_ANYWAY = pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root reads a chmod 000 file or folder anyway; the monkeypatched test covers it",
)


def messages(paths: list[Path]) -> list[str]:
    return [str(e) for e in check(paths)]


def test_a_missing_path_is_no_such_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert messages([missing]) == [f"{missing}:1: no such file"]
    assert messages([tmp_path / "no-folder"]) == [f"{tmp_path / 'no-folder'}:1: no such file"]


def test_a_link_to_nothing_is_no_such_file(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    assert messages([link]) == [f"{link}:1: no such file"]


def test_a_folder_without_yaml_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not content", encoding="utf-8")
    assert messages([tmp_path]) == [f"{tmp_path}:1: no *.yaml files here"]


@ROOT_READS_ANYWAY
def test_an_unreadable_folder_is_permission_denied(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "prompts.yaml").write_text("prompts: []\n", encoding="utf-8")
    folder.chmod(0)
    try:
        assert messages([folder]) == [f"{folder}:1: permission denied"]
    finally:
        folder.chmod(0o755)


@ROOT_READS_ANYWAY
def test_an_unreadable_file_is_permission_denied(tmp_path: Path) -> None:
    locked = tmp_path / "prompts.yaml"
    locked.write_text("prompts: []\n", encoding="utf-8")
    locked.chmod(0)
    assert messages([locked]) == [f"{locked}:1: permission denied"]


def test_a_folder_that_cannot_be_listed_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "prompts.yaml").write_text("prompts: []\n", encoding="utf-8")
    listing = os.scandir

    def refuse(path: Any) -> Any:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert messages([folder]) == [f"{folder}:1: permission denied"]
    # With other files beside it, they are still checked, and the folder still reported.
    good = tmp_path / "more.yaml"
    good.write_text("prompts: []\n", encoding="utf-8")
    assert messages([folder, good]) == [f"{folder}:1: permission denied"]


def test_a_file_that_cannot_be_opened_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "prompts.yaml"
    locked.write_text("prompts: []\n", encoding="utf-8")
    opening = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return opening(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert messages([locked]) == [f"{locked}:1: permission denied"]


# --- a broken entry is reported once, where it stands, not again by what refers to it ----------
def test_a_broken_stretch_is_not_unknown_to_its_types_and_routines() -> None:
    path = BROKEN / "60-variant-of-a-broken-stretch.yaml"
    assert messages([path]) == [f"{path}:6: stretches[1].why is missing language 'ja'"]


def test_a_broken_variant_is_not_also_a_missing_place() -> None:
    path = BROKEN / "09-image-escapes.yaml"
    assert messages([path]) == [
        f"{path}:13: stretches[1].variants[1].image '../../../etc/passwd.svg' "
        "must stay inside assets/"
    ]


def test_a_misspelt_place_of_a_variant_is_not_also_a_missing_place(tmp_path: Path) -> None:
    copy = tmp_path / "neck.yaml"
    text = (BROKEN / "44-undeclared-place.yaml").read_text("utf-8")
    copy.write_text(text.replace("desk, garden", "Desk"), "utf-8")  # its only desk variant
    assert messages([copy]) == [
        f"{copy}:11: stretches[1].variants[1].place[2]: "
        "unknown place 'Desk' (floor, desk, standing)"
    ]


def test_a_broken_tier_is_not_unknown_to_its_groups(tmp_path: Path) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    copy.write_text(text.replace("  - tier: 2\n", "  - tier: 2\n    colour: red\n", 1), "utf-8")
    at = line_of(text, "  - tier: 2") + 1
    assert messages([copy]) == [
        f"{copy}:{at}: warning_tiers[2]: unknown key 'colour' "
        "(known: tier, urgency, heading, title, action, call, ends_routine)"
    ]


def test_an_unreadable_meta_is_reported_alone(tmp_path: Path) -> None:
    """Without the languages every text would look wrong: only the root cause is said."""
    copy_bundled(tmp_path)
    meta = tmp_path / "meta.yaml"
    meta.write_text("\t" + meta.read_text("utf-8"), encoding="utf-8")
    assert messages([tmp_path]) == [
        f"{meta}:1: not valid YAML: found character that cannot start any token"
    ]


def test_an_edited_copy_of_a_bundled_file_is_checked_in_its_place(tmp_path: Path) -> None:
    assert check([routines_dir() / "stretches.yaml"]) == []
    copy = tmp_path / "stretches.yaml"
    text = (routines_dir() / "stretches.yaml").read_text("utf-8")
    copy.write_text(
        text.replace("hold_s: {min: 20, max: 30}", "hold_s: {min: 20, max: 300}", 1),
        encoding="utf-8",
    )
    errors = check([copy])
    [own] = [e for e in errors if e.path == str(copy)]
    assert "300 s; it must be 5–120 s" in own.message
    assert not any("already defined" in e.message for e in errors)


def test_a_second_meta_is_reported_where_it_stands(tmp_path: Path) -> None:
    copy_bundled(tmp_path)
    (tmp_path / "zz.yaml").write_text(
        "prompts: []\nmeta: {languages: [en, ja], language_names: {en: English, ja: 日本語}}\n",
        "utf-8",
    )
    [error] = check([tmp_path])
    assert (error.path, error.line) == (str(tmp_path / "zz.yaml"), 2)
    assert error.message.startswith("section 'meta' is already defined at ")


def test_places_come_in_yaml_order_with_both_languages() -> None:
    content = load_content()
    assert content.place_ids == ("floor", "desk", "standing")
    assert [p.id for p in content.places] == list(content.place_ids)
    desk = content.place("desk")
    assert desk.name("en") == "At my desk (a steady chair without wheels, and a desk)"
    # Each place says what it needs: the standing one, something to hold with both hands.
    assert "both hands" in content.place("standing").name("en")
    assert "chair" in content.place("floor").name("en")
    assert (desk.short("en"), desk.short("ja")) == ("the desk", "デスク")
    for place in content.places:
        assert place.name("ja") != place.name("en") and place.short("ja")


def test_tiers_carry_their_urgency_and_heading() -> None:
    content = load_content()
    assert [t.urgency for t in content.tiers] == list(Urgency)
    assert content.tier(1).urgency is Urgency.EMERGENCY
    assert content.tier(4).urgency is Urgency.STOP_STRETCH
    assert content.tier(2).heading("en") == "Signs to have checked today"
    assert content.tier(2).heading("ja") == "今日中の受診が必要なサイン"
    assert content.tier(5).urgency is Urgency.ADAPT and not content.tier(5).ends_routine


def test_languages_have_their_own_names() -> None:
    content = load_content()
    assert [content.language_name(code) for code in content.languages] == ["English", "日本語"]


def test_stretch_for_gives_the_variants_stretch() -> None:
    content = load_content()
    for stretch in content.stretches:
        for variant in stretch.variants:
            assert variant.stretch == stretch.id
            assert content.stretch_for(variant.id) is stretch
            assert content.variant(variant.id) is variant
    assert content.stretch_for("hamstrings-desk").id == "hamstrings"


@pytest.mark.parametrize(
    ("lookup", "key"),
    [
        ("stretch", "shoulders"),
        ("variant", "calfs-wall"),
        ("stretch_for", "calfs-wall"),
        ("pain_type", "office"),
        ("tier", 9),
        ("stop_reason", "bored"),
        ("check_group", "hobbies"),
        ("signs_in", "hobbies"),
        ("place", "kitchen"),
        ("language_name", "fr"),
    ],
)
def test_an_unknown_id_raises_key_error_naming_it(lookup: str, key: object) -> None:
    content = load_content()
    with pytest.raises(KeyError, match=repr(key)):
        getattr(content, lookup)(key)


def test_an_unknown_place_in_a_variant_is_reported_at_its_line(tmp_path: Path) -> None:
    extra = tmp_path / "neck.yaml"
    text = (
        "stretches:\n"
        "  - id: neck\n"
        "    name: {en: Neck, ja: 首}\n"
        "    muscle: {en: neck, ja: 首}\n"
        "    cue: {en: Move slowly., ja: ゆっくり動かします。}\n"
        "    why: {en: It may ease stiffness., ja: こわばりがやわらぐことがあります。}\n"
        "    sides: both\n"
        "    hold_s: {min: 20, max: 30}\n"
        "    variants:\n"
        "      - id: neck-any\n"
        "        place:\n"
        "          - floor\n"
        "          - desk\n"
        "          - kitchen\n"
        "          - standing\n"
        "        posture: seated\n"
        "        image: illustrations/calves-wall.svg\n"
        "        setup: {en: Sit tall., ja: 背すじを伸ばして座ります。}\n"
    )
    extra.write_text(text, encoding="utf-8")
    [error] = check([extra])
    assert (error.path, error.line) == (str(extra), line_of(text, "          - kitchen"))
    assert "unknown place 'kitchen'" in error.message


def test_an_unknown_place_in_a_saved_routine_is_reported_at_its_line() -> None:
    path = BROKEN / "22-unknown-place.yaml"
    [error] = check([path])
    assert str(error) == (
        f"{path}:4: routines[1].place: unknown place 'kitchen' (floor, desk, standing)"
    )


def test_a_declared_place_needs_a_variant_of_every_stretch(tmp_path: Path) -> None:
    """Places are data: a new one is checked like the bundled ones, with no code change."""
    copy_bundled(tmp_path)
    with (tmp_path / "places.yaml").open("a", encoding="utf-8") as places:
        places.write(
            "  - id: bed\n"
            "    name: {en: In bed, ja: ベッドで}\n"
            "    short: {en: the bed, ja: ベッド}\n"
        )
    errors = check([tmp_path])
    assert {e.message for e in errors} == {
        f"stretch '{s}' has no variant for 'bed'"
        for s in ("iliopsoas", "hamstrings", "glutes", "calves")
    } | {f"move '{m}' has no variant for 'bed'" for m in ("heel-raises", "marching")}
    assert {e.path for e in errors} == {str(tmp_path / f) for f in ("stretches.yaml", "moves.yaml")}


def test_a_missing_urgency_is_reported_at_its_tier(tmp_path: Path) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    copy.write_text(text.replace("    urgency: today\n", "", 1), encoding="utf-8")
    errors = check([copy])
    assert [str(e) for e in errors if "urgency" in e.message] == [
        f"{copy}:{line_of(text, '  - tier: 2')}: warning_tiers[2]: missing key 'urgency'"
    ]


def test_an_unknown_urgency_lists_the_known_ones(tmp_path: Path) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    copy.write_text(text.replace("urgency: soon", "urgency: later", 1), encoding="utf-8")
    messages = [e.message for e in check([copy])]
    assert (
        "warning_tiers[3].urgency is 'later'; it must be one of " + ", ".join(Urgency) in messages
    )


def test_a_folder_without_places_says_so(tmp_path: Path) -> None:
    copy_bundled(tmp_path)
    (tmp_path / "places.yaml").unlink()
    errors = check([tmp_path])
    assert ContentError(str(tmp_path), 1, "section 'places' is missing") in errors
    assert any("unknown place 'floor' (none declared)" in e.message for e in errors)


# --- the safety check --------------------------------------------------------------------------
CONTENT = load_content()

#: The signs the brief asks for, by tier (a few of each kind; ids are the content's).
BRIEF_SIGNS = {
    1: [
        "urine-start-stop",
        "fullness-feeling",
        "passing-feeling",
        "bladder-bowel",
        "saddle-numbness",
        "sexual-function",
        "both-legs",
        "weakness-worsening",
        "sudden-severe-pain",
        "injury-pain",
        "chest-pain",
        "swollen-leg-breathless",
        "cold-pale-leg",
    ],
    2: [
        "leg-getting-weak",
        "between-shoulder-blades",
        "infection-risk",
        "calf-swollen-red",
        "cancer-history",
        "weak-immune",
        "steroids",
        "fall-brittle-bones",
    ],
    3: ["no-better", "cough-sneeze-strain", "feels-different"],
    # Nothing to book: the routine leaves out what may not suit, and the sign says so.
    5: ["hip-spine-surgery", "pregnancy"],
}


def all_texts(value: Any) -> Iterator[Texts]:
    """Every text of the content, however deep."""
    if isinstance(value, Texts):
        yield value
    elif shape_fields(value) and not isinstance(value, type):
        for each in shape_fields(value):
            yield from all_texts(getattr(value, each.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from all_texts(item)


@pytest.mark.parametrize(
    ("tier", "sign_id"), [(t, s) for t, ids in BRIEF_SIGNS.items() for s in ids]
)
def test_each_sign_of_the_brief_is_in_its_tier_in_both_languages(tier: int, sign_id: str) -> None:
    [sign] = [s for s in CONTENT.signs if s.id == sign_id]
    assert sign.tier == tier
    assert sign.text("en") and sign.text("ja") and sign.text("en") != sign.text("ja")


def test_the_wording_of_the_signs_says_what_the_brief_says() -> None:
    text = {s.id: s.text("en") for s in CONTENT.signs}
    assert "not the tired, heavy legs" in text["both-legs"]
    assert "hours or days" in text["weakness-worsening"]
    assert "not getting worse" in text["leg-getting-weak"]
    assert "not inhalers or creams" in text["steroids"]
    advice = {s.id: s.advice("en") for s in CONTENT.signs if s.advice}
    assert (
        "Until your surgeon says otherwise, the app leaves out the buttock stretch"
        in (advice["hip-spine-surgery"])
    )
    assert "midwife" in advice["pregnancy"]
    assert "faint, sweaty or breathless" in text["sudden-severe-pain"]


def test_every_sign_is_in_exactly_one_group_of_one_tier() -> None:
    groups = CONTENT.check_groups
    assert 6 <= len(groups) <= 9
    listed = [s.id for g in groups for s in CONTENT.signs_in(g.id)]
    assert sorted(listed) == sorted(s.id for s in CONTENT.signs)
    assert len(listed) == len(set(listed))
    for group in groups:
        signs = CONTENT.signs_in(group.id)
        assert 1 <= len(signs) <= 6, group.id
        assert {s.tier for s in signs} == {group.tier}, group.id
        assert {s.group for s in signs} == {group.id}
        assert group.question("en") and group.question("ja")
    # Most urgent first, and never a stop-this-stretch tier (that is asked while stretching).
    assert [g.tier for g in groups] == sorted(g.tier for g in groups)
    assert {CONTENT.tier(g.tier).urgency for g in groups} <= {
        Urgency.EMERGENCY,
        Urgency.TODAY,
        Urgency.SOON,
        Urgency.ADAPT,
    }


def test_signs_in_keeps_content_order() -> None:
    first = CONTENT.check_groups[0]
    assert CONTENT.signs_in(first.id) == first.signs
    assert CONTENT.signs[: len(first.signs)] == first.signs


def test_the_check_stays_short() -> None:
    """Well under a minute for a person with none of the signs, who skims each group: short
    items and not many words in all (the brief's signs took about 440; saying "new" or "not
    yet checked by a doctor" wherever a stable, known condition could match adds about 60)."""
    words = sum(len(s.text("en").split()) for s in CONTENT.signs)
    words += sum(len(g.question("en").split()) for g in CONTENT.check_groups)
    assert words <= 520
    assert max(len(s.text("en")) for s in CONTENT.signs) <= 120


def test_only_surgery_and_pregnancy_leave_stretches_out_and_say_how() -> None:
    avoiding = {s.id: s.avoid for s in CONTENT.signs if s.avoid}
    assert avoiding == {
        "hip-spine-surgery": ("glutes", "hamstrings", "iliopsoas", "marching"),
        "pregnancy": ("glutes-floor", "hamstrings-floor"),  # lying on the back
    }
    for sign in CONTENT.signs:
        assert (sign.advice is not None) is bool(sign.avoid), sign.id


SURGERY_AVOID = "avoid: [glutes, hamstrings, iliopsoas, marching]"


def test_a_stretch_to_avoid_must_exist(tmp_path: Path) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    copy.write_text(text.replace(SURGERY_AVOID, "avoid: [glutes, hips]"), "utf-8")
    [error] = check([copy])
    assert error.line == line_of(text, f"        {SURGERY_AVOID}")
    assert error.message == "check_groups: unknown stretch, move or variant 'hips'"


def test_a_sign_that_leaves_stretches_out_must_say_so_and_leave_one(tmp_path: Path) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    at = line_of(text, f"        {SURGERY_AVOID}")
    everything = text.replace(SURGERY_AVOID, "avoid: [glutes, hamstrings, iliopsoas, calves]")
    copy.write_text(everything, "utf-8")
    [error] = check([copy])
    assert (error.line, error.message) == (
        at,
        "warning sign 'hip-spine-surgery' leaves no stretch at all: give it a tier that ends "
        "routines instead",
    )
    lines = text.splitlines(keepends=True)
    advice = next(i for i in range(at, len(lines)) if lines[i].strip() == "advice:")
    copy.write_text("".join(lines[:advice] + lines[advice + 3 :]), "utf-8")
    [error] = check([copy])
    assert error.line == at
    assert "leaves stretches out: its advice must say so" in error.message


#: Words that make a sign about something new, or not yet seen by a doctor.
NEW = ("new", "not yet checked", "suddenly", "getting worse", "happening now", "recent")


def test_every_urgent_sign_that_could_be_a_known_condition_says_new() -> None:
    """A person whose doctor knows their condition must pass the check truthfully: every tier
    1-2 sign says "new" (or sudden, worsening, now) itself or through its group's question.
    Signs that are never a stable condition (a fall, cancer's risk is asked for new pain) are
    covered by their group's question."""
    for group in CONTENT.check_groups:
        if CONTENT.tier(group.tier).urgency not in (Urgency.EMERGENCY, Urgency.TODAY):
            continue
        question = group.question("en").lower()
        for sign in group.signs:
            text = sign.text("en").lower()
            assert any(w in question or w in text for w in NEW), sign.id
    # Each bladder, bowel and genital sign says it in its own words (and counts on its own).
    for sign in CONTENT.signs_in("bladder-saddle"):
        assert "new" in sign.text("en").lower(), sign.id
        assert "新" in sign.text("ja"), sign.id
        assert "another sign" not in sign.text("en"), sign.id


def test_the_cold_leg_counts_on_any_one_sign_and_over_triage_is_gone() -> None:
    text = {s.id: s.text("en") for s in CONTENT.signs}
    assert "(any of these)" in text["cold-pale-leg"] and "move" not in text["cold-pale-leg"]
    alone = screen(CONTENT, ["cold-pale-leg"])  # one sign is enough: the routine ends
    assert alone.tier == 1 and not alone.routine_allowed
    assert "どれか一つでも" in next(s for s in CONTENT.signs if s.id == "cold-pale-leg").text("ja")
    assert "hanging the leg down" in text["leg-pain-at-rest"]
    assert "no position eases" in text["pain-at-rest"]
    assert "swollen, with warmth, redness or tenderness" in text["calf-swollen-red"]
    assert "street drugs (not prescribed injections)" in text["infection-risk"]
    assert "chills" in text["fever-unwell"] and "very unwell" in text["fever-unwell"]


@pytest.mark.parametrize("urgency", ["emergency", "today"])
def test_a_tier_that_sends_to_care_today_must_end_the_routine(tmp_path: Path, urgency: str) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    tier = 1 if urgency == "emergency" else 2
    start = line_of(text, f"  - tier: {tier}")
    lines = text.splitlines(keepends=True)
    at = next(i for i in range(start, len(lines)) if "ends_routine: true" in lines[i])
    lines[at] = lines[at].replace("true", "false")
    copy.write_text("".join(lines), encoding="utf-8")
    [error] = check([copy])
    assert (error.path, error.line) == (str(copy), at + 1)
    assert error.message == (
        f"warning tier {tier} has urgency '{urgency}', so it must have ends_routine: true"
    )


def test_a_stop_stretch_tier_is_not_asked_in_the_check(tmp_path: Path) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    start = line_of(text, "  - id: good-to-know")
    lines = text.splitlines(keepends=True)
    lines[start] = lines[start].replace("tier: 3", "tier: 4")
    copy.write_text("".join(lines), encoding="utf-8")
    [error] = check([copy])
    assert error.line == start + 1
    assert "tier 4 is asked while stretching" in error.message


def test_groups_are_asked_most_urgent_first(tmp_path: Path) -> None:
    copy = tmp_path / "warnings.yaml"
    text = (routines_dir() / "warnings.yaml").read_text("utf-8")
    start = line_of(text, "  - id: legs-now")
    lines = text.splitlines(keepends=True)
    assert lines[start] == "    tier: 1\n"
    lines[start] = "    tier: 2\n"  # a tier-2 group before the tier-1 group that follows
    copy.write_text("".join(lines), encoding="utf-8")
    [error] = check([copy])
    assert error.line == line_of(text, "  - id: sudden-pain") + 1
    assert error.message == (
        "check group 'sudden-pain' (tier 1) comes after 'legs-now' (tier 2): "
        "ask the most urgent groups first"
    )


def test_a_sign_id_is_unique_across_groups(tmp_path: Path) -> None:
    copy_bundled(tmp_path)
    (tmp_path / "zz.yaml").write_text(
        "check_groups:\n"
        "  - id: again\n"
        "    tier: 3\n"
        "    question: {en: 'Again?', ja: 'もう一度？'}\n"
        "    sheet: {en: Again, ja: もう一度}\n"
        "    signs:\n"
        "      - id: no-better\n"
        "        text: {en: Again, ja: もう一度です。}\n",
        encoding="utf-8",
    )
    [error] = check([tmp_path])
    assert (error.path, error.line) == (str(tmp_path / "zz.yaml"), 7)
    assert error.message.startswith("warning sign 'no-better' is already defined at ")


def test_the_chest_pain_stop_reason_is_an_emergency() -> None:
    reason = CONTENT.stop_reason("chest-breathing")
    assert CONTENT.tier(reason.tier or 0).urgency is Urgency.EMERGENCY
    assert "breathing" in reason.label("en") and reason.label("ja")


def test_the_tiers_promise_the_same_in_both_languages() -> None:
    first = CONTENT.tier(1)
    assert first.title("en") == "Get emergency care now"
    assert first.title("ja") == "今すぐ救急外来を受診してください"
    # An ambulance is one way, not the only one: go to A&E, don't drive yourself, or call.
    assert "A&E" in first.action("en") and "don't drive yourself" in first.action("en")
    assert "自分で運転" in first.action("ja") and "救急番号" in first.action("ja")
    # Clots and blocked arteries are not the orthopaedic clinic's: the family doctor's first.
    assert "整形外科" not in CONTENT.tier(2).call("ja")
    for tier in CONTENT.tiers:
        assert tier.ends_routine is (tier.urgency in (Urgency.EMERGENCY, Urgency.TODAY))


def test_japanese_wording() -> None:
    """「・」 not 「·」; お尻 and 殿部, never おしり or 臀部; in Japan the first stop is a doctor
    or an orthopaedic clinic, not a physiotherapist directly."""
    japanese = [t("ja") for t in all_texts(CONTENT)]
    assert japanese
    for text in japanese:
        assert "·" not in text, text
        assert "おしり" not in text and "臀部" not in text, text
        assert "理学療法士" not in text, text
    assert "整形外科" in CONTENT.tier(3).call("ja")
    assert CONTENT.stretch("glutes").name("ja") == "お尻（殿部）のストレッチ"


def test_guidance_is_there_in_both_languages() -> None:
    guidance = CONTENT.guidance
    assert guidance.get_up("en").startswith("Get up slowly")
    assert "roll onto your side" in guidance.get_up("en")
    assert "do it more often in the day, not longer" in guidance.how_often("en")
    assert "2週間" in guidance.no_better("ja") and "2 weeks" in guidance.no_better("en")
    assert "not medical advice" in guidance.not_advice("en")
    for text in (guidance.rule, guidance.how_often, guidance.expect, guidance.not_advice):
        assert text("en") and text("ja") and text("en") != text("ja")


def test_every_group_sums_up_its_signs_for_the_sheet() -> None:
    """The printed sheet's warning box: one short line of signs per group, in both languages,
    beside the tier's heading and the number to call (so the line itself says whom to call
    nowhere)."""
    for group in CONTENT.check_groups:
        en, ja = group.sheet("en"), group.sheet("ja")
        assert en.strip() and ja.strip() and en != ja, group.id
        assert len(en) <= 155 and len(ja) <= 70, group.id
        assert "call" not in en.lower() and "119" not in ja and "電話" not in ja, group.id


def test_the_sheet_keeps_the_emergency_signs() -> None:
    """Tier 1 on paper still names the early cauda equina signs (bladder, bowel, the saddle
    area) and both legs, however the groups word the rest."""
    tier_1 = [g for g in CONTENT.check_groups if g.tier == 1]
    en = " ".join(g.sheet("en") for g in tier_1).lower()
    ja = "".join(g.sheet("ja") for g in tier_1)
    assert "urine" in en and ("stool" in en or "bowel" in en)
    assert "numb" in en and "genital" in en
    assert "both legs" in en
    assert "尿" in ja and "便" in ja and "陰部" in ja and "しびれ" in ja
    assert "両脚" in ja


def test_breathing_and_prevention_say_what_the_brief_says() -> None:
    guidance = CONTENT.guidance
    breathing, prevention = guidance.breathing, guidance.prevention
    for text in (breathing, prevention):
        assert text("en") and text("ja") and text("en") != text("ja")
    assert "breathe out" in breathing("en") and "never hold your breath" in breathing("en")
    assert "吐" in breathing("ja") and "止めず" in breathing("ja")
    assert "once an hour" in prevention("en") and "break" in prevention("en")
    assert "1時間" in prevention("ja") and "休" in prevention("ja")
    assert "bath" in prevention("en") and "お風呂" in prevention("ja")


def test_every_text_has_both_languages_everywhere() -> None:
    for text in all_texts(CONTENT):
        assert text("en").strip() and text("ja").strip()


# --- stretches, types and dose -----------------------------------------------------------------
def test_standing_offers_no_chair_and_the_desk_variants_say_so() -> None:
    for stretch in CONTENT.stretches:
        for variant in stretch.variants:
            if variant.posture == "seated":
                assert variant.places == ("desk",), variant.id
                assert "without wheels" in variant.setup("en"), variant.id
                assert "キャスターのない" in variant.setup("ja"), variant.id
    assert CONTENT.variant("hamstrings-standing").places == ("standing",)
    assert CONTENT.variant("glutes-standing").image == "illustrations/glutes-standing.svg"
    standing_figure_4 = CONTENT.variant("glutes-standing")
    assert "Hold a steady desk with both hands" in standing_figure_4.setup("en")
    assert "skip this one if your balance is unsure" in standing_figure_4.setup("en")
    assert not standing_figure_4.gentle and not CONTENT.variant("iliopsoas-floor").gentle
    assert "toes relaxed" in CONTENT.variant("hamstrings-desk").setup("en")


def test_the_bent_knee_calf_stretch_is_offered_but_not_the_default() -> None:
    calves = CONTENT.stretch("calves")
    assert [v.id for v in calves.variants] == ["calves-wall", "calves-bent-knee"]
    assert CONTENT.variant("calves-bent-knee").places == ("desk", "standing")


def test_cues_follow_the_brief() -> None:
    for stretch_id in ("hamstrings", "glutes"):
        assert "tingles, ease off" in CONTENT.stretch(stretch_id).cue("en")
    assert "round your lower back" in CONTENT.stretch("glutes").cue("en")
    for stretch in CONTENT.stretches:
        assert stretch.hold_s == (20, 30)


def test_types_and_dose_follow_the_brief() -> None:
    assert CONTENT.pain_type("standing").stretches == ("iliopsoas", "calves")
    assert CONTENT.pain_type("sitting").stretches == ("glutes", "iliopsoas")
    assert CONTENT.pain_type("sitting").then_if_time == ("calves",)
    assert CONTENT.pain_type("nerve").then_if_time == ()
    assert (CONTENT.dose.per_side_max_s, CONTENT.dose.prepare_s) == (60, 10)


def test_a_stretch_whose_shortest_dose_is_over_the_cap_is_refused(tmp_path: Path) -> None:
    copy_bundled(tmp_path)
    meta = tmp_path / "meta.yaml"
    meta.write_text(meta.read_text("utf-8").replace("per_side_max_s: 60", "per_side_max_s: 15"))
    errors = check([tmp_path])
    assert len(errors) == 5  # the four stretches and the gentler routine
    assert all("over dose.per_side_max_s (15 s)" in e.message for e in errors)


def test_an_unknown_optional_stretch_of_a_type_is_reported(tmp_path: Path) -> None:
    copy = tmp_path / "types.yaml"
    text = (routines_dir() / "types.yaml").read_text("utf-8")
    copy.write_text(text.replace("then_if_time: [calves]", "then_if_time: [calfs]"), "utf-8")
    [error] = check([copy])
    assert error.line == next(
        n for n, line in enumerate(text.splitlines(), 1) if "then_if_time: [calves]" in line
    )
    assert error.message == "types: unknown stretch 'calfs'"


def test_content_keeps_its_api_for_the_views() -> None:
    content: Content = CONTENT
    assert content.emergency_numbers and content.prompts and content.places
    assert content.stop_reasons[-1].id == "just-stop"


def test_fonts_are_named_per_language_of_the_content(tmp_path: Path) -> None:
    """A new language's fonts are a YAML edit too; a language the content lacks is named
    with its file and line."""
    content = load_content()
    assert dict(content.meta.screen_fonts)["ja"][0] == "Noto Sans CJK JP"
    assert "en" not in dict(content.meta.screen_fonts)  # English: the system's font
    copy_bundled(tmp_path)
    meta = tmp_path / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace("  print_fonts:\n", "  print_fonts:\n    fr: [Arial]\n"))
    (error,) = check([tmp_path])
    assert error.path == str(meta) and "print_fonts has unknown language 'fr'" in error.message
    assert error.line == line_of(meta.read_text(encoding="utf-8"), "    fr: [Arial]")
