"""Hostile and broken routine files: each is refused with the error an editor needs first, at
its line, and nothing but `ContentInvalidError` ever comes out of the loader.

tests/data/broken holds the files (`lowback-timer check` runs on that folder in test_cli); the
few that would be unwieldy there (a 2 MB file, links to devices) are made here. The pictures
they point at that cannot live in the package (a link out of assets/, a sound named .svg) are
set up in a copy of assets/ that the loader is pointed at.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lowback_timer.core import images, loader
from lowback_timer.core.content import ContentInvalidError, assets_dir
from lowback_timer.core.images import image_problem
from lowback_timer.core.loader import check, load_content

BROKEN = Path(__file__).parent.parent / "data" / "broken"
REAL_ASSETS = assets_dir()

# file -> (line of the first error, the part of its message a content editor needs to see)
EXPECTED = {
    "01-syntax.yaml": (4, "not valid YAML: did not find expected ',' or '}'"),
    "02-alias.yaml": (3, "anchors (&name) are not allowed"),
    "03-unknown-key.yaml": (4, "unknown key 'colour'"),
    "04-missing-key.yaml": (2, "missing key 'place'"),
    "05-wrong-type.yaml": (7, "hold_s must be a whole number, not 'thirty'"),
    "06-hold-out-of-range.yaml": (10, "hold_s is 300 s; it must be 5–120 s"),
    "07-unknown-variant.yaml": (6, "routines: unknown variant 'calfs-wall'"),
    "08-missing-language.yaml": (4, "missing language 'ja'"),
    "09-image-escapes.yaml": (13, "image '../../../etc/passwd.svg' must stay inside assets/"),
    "10-unknown-stretch.yaml": (5, "types: unknown stretch 'shoulders'"),
    "11-python-tag.yaml": (3, "tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    "12-duplicate-key.yaml": (4, "duplicate key 'id'"),
    "13-duplicate-id.yaml": (2, "prompt 'stand-up' is already defined at"),
    "14-hold-outside-stretch-range.yaml": (7, "outside the safe range of calves (20–60 s)"),
    "15-unknown-section.yaml": (1, "unknown section 'reminders'"),
    "16-bad-int.yaml": (3, "'abc' is not a valid int"),
    "17-bad-bool.yaml": (4, "'maybe' is not a valid bool"),
    "18-deep-nesting.yaml": (1, "nested more than 32 levels deep"),
    "19-huge-number.yaml": (4, "is not a valid int"),
    "20-wrong-place.yaml": (7, "hamstrings-floor is not done at place 'desk'"),
    "21-same-stretch-twice.yaml": (8, "calves is already in this routine"),
    "22-unknown-place.yaml": (4, "unknown place 'kitchen' (floor, desk, standing)"),
    "23-missing-urgency.yaml": (2, "warning_tiers[1]: missing key 'urgency'"),
    # A 'today' tier after the stop-stretch tier 4 is out of order before it is anything else
    # (that it must end the routine, line 8, is tested on its own in test_content).
    "24-today-keeps-routine.yaml": (3, "warning tier 6 is more urgent ('today') than tier 5"),
    "25-empty-check-group.yaml": (5, "check_groups[1].signs needs at least 1 item(s)"),
    "26-unknown-avoided-stretch.yaml": (
        8,
        "check_groups: unknown stretch, move or variant 'quads'",
    ),
    "27-tab-indent.yaml": (3, "not valid YAML: found a tab character that violates indentation"),
    "28-bom.yaml": (2, "prompts[1]: missing key 'text'"),  # the BOM moves no line
    "29-crlf.yaml": (4, "prompts[2].id must be an id like 'calves-wall'"),  # nor do CR LF ends
    "30-section-twice.yaml": (4, "duplicate key 'prompts'"),
    "31-number-key.yaml": (4, "key 1 must be text"),
    "32-empty-japanese.yaml": (5, "prompts[1].text.ja must be a non-empty string, not '  '"),
    "33-hold-zero.yaml": (7, "routines[1].items[1].hold_s is 0 s; it must be 5–120 s"),
    "34-negative-reps.yaml": (8, "routines[1].items[1].reps is -1; it must be 1–10"),
    "35-image-absolute.yaml": (13, "image '/etc/passwd.svg' must stay inside assets/"),
    "36-image-link-out.yaml": (13, "image 'illustrations/zz-outside.svg' leads outside assets/"),
    "37-image-fake-svg.yaml": (
        13,
        "image 'illustrations/zz-not-a-picture.svg' is not an SVG picture",
    ),
    "38-image-missing.yaml": (13, "image 'illustrations/elbows.svg' not found in assets/"),
    "39-image-not-svg.yaml": (13, "image 'illustrations/calves-wall.png' must be an .svg file"),
    "40-unknown-posture.yaml": (12, "posture is 'lying'; it must be one of floor, seated,"),
    "41-unknown-urgency.yaml": (3, "warning_tiers[1].urgency is 'later'; it must be one of"),
    "42-unknown-group-tier.yaml": (3, "unknown warning tier 9"),
    "43-duplicate-sign.yaml": (8, "warning sign 'no-better' is already defined at"),
    "44-undeclared-place.yaml": (11, "place[3]: unknown place 'garden' (floor, desk, standing)"),
    "45-empty.yaml": (1, "the file is empty (no sections)"),
    "46-only-a-comment.yaml": (1, "the file is empty (no sections)"),
    "47-binary-garbage.yaml": (1, "not UTF-8 text (invalid start byte)"),
    "48-invalid-utf8.yaml": (3, "not UTF-8 text (invalid continuation byte)"),
    "49-nul-character.yaml": (3, "not valid YAML: special characters are not allowed (#x0000)"),
    "50-alias-alone.yaml": (3, "aliases (*name) are not allowed"),
    "51-custom-tag.yaml": (3, "tag '!texts' is not allowed"),
    "52-two-documents.yaml": (4, "expected a single document in the stream, but found another"),
    "53-list-at-the-top.yaml": (1, "the file must be a mapping of sections"),
    "54-deep-mappings.yaml": (32, "nested more than 32 levels deep"),
    "55-empty-section.yaml": (1, "prompts must be a list, not empty"),
    "56-stop-reason-tier-zero.yaml": (3, "stop_reasons[1].tier is 0; it must be 1–9"),
    "57-bad-id.yaml": (2, "prompts[1].id must be an id like 'calves-wall' (a-z, 0-9, -)"),
    "58-text-not-a-mapping.yaml": (3, "text must map each language (en, ja) to a text"),
    "59-reps-min-over-max.yaml": (8, "stretches[1].hold_s: min is larger than max"),
    "60-variant-of-a-broken-stretch.yaml": (6, "stretches[1].why is missing language 'ja'"),
    "61-empty-int.yaml": (7, "'' is not a valid int"),  # found by the random test below
}


def _two_mebibytes(path: Path) -> None:
    path.write_bytes(b"prompts: []\n" + b"# padding padding padding\n" * 80_000)


def _link_to_device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "gone.yaml")


#: Files made by the test: name -> (how, line, message)
MADE: dict[str, tuple[Callable[[Path], None], int, str]] = {
    "two-mebibytes.yaml": (_two_mebibytes, 1, "file is larger than 1048576 bytes (1 MiB)"),
    "link-to-a-device.yaml": (_link_to_device, 1, "not a regular file"),
    "dangling-link.yaml": (_dangling_link, 1, "no such file"),
}


@pytest.fixture(scope="module")
def odd_assets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the pictures, with a link out of it and a sound named .svg beside them."""
    root = tmp_path_factory.mktemp("odd")
    assets = root / "assets"
    shutil.copytree(REAL_ASSETS / "illustrations", assets / "illustrations")
    outside = root / "outside" / "picture.svg"  # a good picture, but not one of ours
    outside.parent.mkdir()
    shutil.copy(REAL_ASSETS / "illustrations" / "calves-wall.svg", outside)
    (assets / "illustrations" / "zz-outside.svg").symlink_to(outside)
    shutil.copy(REAL_ASSETS / "sounds" / "done.wav", assets / "illustrations/zz-not-a-picture.svg")
    return assets


@pytest.fixture
def assets(odd_assets: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(images, "assets_dir", lambda: odd_assets)
    yield odd_assets


def test_there_are_at_least_thirty_bad_files_and_each_is_in_the_table() -> None:
    on_disk = sorted(p.name for p in BROKEN.glob("*.yaml"))
    assert on_disk == sorted(EXPECTED)
    assert len(on_disk) >= 30


@pytest.mark.usefixtures("assets")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_is_refused_with_its_first_error(name: str) -> None:
    path = BROKEN / name
    line, message = EXPECTED[name]
    errors = check([path])
    assert errors, f"{name} was accepted"
    first = errors[0]
    assert (first.path, first.line) == (str(path), line), [str(e) for e in errors]
    assert message in first.message, str(first)
    # Its own errors only: nothing is blamed on the bundled files it is checked with.
    assert {e.path for e in errors} == {str(path)}
    assert all("\n" not in e.message for e in errors)


@pytest.mark.parametrize("name", sorted(MADE))
def test_each_made_bad_file_is_refused_with_its_error(tmp_path: Path, name: str) -> None:
    make, line, message = MADE[name]
    path = tmp_path / name
    make(path)
    assert [str(e) for e in check([path])] == [f"{path}:{line}: {message}"]


# --- pictures: the file itself, not only its name ----------------------------------------------
def stretch_with_image(folder: Path, image: str) -> Path:
    """A stretch file whose only fault can be its picture (line 13)."""
    path = folder / "neck.yaml"
    path.write_text(
        (BROKEN / "38-image-missing.yaml")
        .read_text("utf-8")
        .replace("illustrations/elbows.svg", image),
        encoding="utf-8",
    )
    return path


def test_a_picture_that_links_out_of_assets_is_refused(assets: Path, tmp_path: Path) -> None:
    path = stretch_with_image(tmp_path, "illustrations/zz-outside.svg")
    assert (assets / "illustrations/zz-outside.svg").is_file()  # by name it looks fine
    assert [str(e) for e in check([path])] == [
        f"{path}:13: image 'illustrations/zz-outside.svg' leads outside assets/"
    ]


def test_a_sound_named_svg_is_not_a_picture(assets: Path, tmp_path: Path) -> None:
    path = stretch_with_image(tmp_path, "illustrations/zz-not-a-picture.svg")
    assert [str(e) for e in check([path])] == [
        f"{path}:13: image 'illustrations/zz-not-a-picture.svg' is not an SVG picture"
    ]


def test_a_link_that_stays_inside_assets_is_fine(assets: Path, tmp_path: Path) -> None:
    link = assets / "illustrations" / "zz-inside.svg"
    link.unlink(missing_ok=True)
    link.symlink_to(assets / "illustrations" / "calves-wall.svg")
    assert check([stretch_with_image(tmp_path, "illustrations/zz-inside.svg")]) == []


LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>\n'
)


@pytest.mark.parametrize(
    ("picture", "problem"),
    [
        pytest.param(b"", "is not an SVG picture", id="empty"),
        pytest.param(b"RIFF\x24\x00\x00\x00WAVEfmt ", "is not an SVG picture", id="wav"),
        pytest.param(b"<html><body>hi</body></html>", "is not an SVG picture", id="html"),
        pytest.param(
            b"<svg xmlns='http://www.w3.org/2000/svg'><g>", "is not an SVG picture", id="open"
        ),
        pytest.param(LAUGHS.encode(), "is not an SVG picture", id="entities"),  # unexpanded
        pytest.param(b"<!DOCTYPE svg><svg/>", "is not an SVG picture", id="doctype"),
        pytest.param("<svg>\u00e9</svg>".encode("latin-1"), "is not an SVG picture", id="latin-1"),
        pytest.param(
            b"<svg" + b" " * (1024 * 1024) + b"/>", "is larger than 1048576 bytes (1 MiB)", id="big"
        ),
        pytest.param(b"\xef\xbb\xbf<svg xmlns='http://www.w3.org/2000/svg'/>", None, id="bom"),
        pytest.param(b"<svg/>", None, id="bare"),
    ],
)
def test_a_picture_must_parse_as_svg(
    assets: Path, tmp_path: Path, picture: bytes, problem: str | None
) -> None:
    name = f"illustrations/zz-{len(picture)}-{hash(picture) & 0xFFFF}.svg"
    (assets / name).write_bytes(picture)
    try:
        assert image_problem(name) == problem
    finally:
        (assets / name).unlink()


def test_a_folder_named_svg_is_not_a_picture(assets: Path) -> None:
    (assets / "illustrations" / "zz-folder.svg").mkdir(exist_ok=True)
    assert image_problem("illustrations/zz-folder.svg") == "is not a regular file"


def test_every_bundled_picture_is_an_svg_inside_assets() -> None:
    bundled = load_content()
    images = {v.image for s in bundled.stretches for v in s.variants}
    assert len(images) >= 8
    assert {image: image_problem(image) for image in images} == dict.fromkeys(images)
    assert image_problem("icon.svg") is None
    assert image_problem("sounds/done.wav") == "is not an SVG picture"


def test_pictures_are_parsed_once_per_version_of_the_file(assets: Path) -> None:
    images._is_svg.cache_clear()
    content = load_content()
    load_content()
    pictures = {v.image for s in (*content.stretches, *content.moves) for v in s.variants}
    info = images._is_svg.cache_info()
    assert (info.misses, info.hits) == (len(pictures), len(pictures))  # the second read none
    picture = assets / "illustrations" / "calves-wall.svg"
    picture.write_bytes(picture.read_bytes() + b"\n")  # a new version is checked again
    assert image_problem("illustrations/calves-wall.svg") is None
    assert images._is_svg.cache_info().misses == len(pictures) + 1


# --- nothing but ContentInvalidError, whatever the file holds ----------------------------------
YAMLISH = st.lists(
    st.sampled_from(
        [
            "\n",
            "  ",
            "    ",
            "- ",
            ": ",
            ", ",
            "{",
            "}",
            "[",
            "]",
            "'",
            '"',
            "#",
            "---\n",
            "...\n",
            "\t",
            "\r\n",
            "\ufeff",
            "\x00",
            "&a ",
            "*a",
            "!!int ",
            "!!python/object:os.system ",
            "!x ",
            "? ",
            "|\n",
            ">-\n",
            "<<: ",
            "~",
            "null",
            "true",
            "0",
            "-1",
            "1e400",
            "0x1F",
            "2024-01-01",
            "9" * 40,
            "id",
            "en",
            "ja",
            "text",
            "hold_s",
            "reps",
            "image",
            "illustrations/calves-wall.svg",
            "../x.svg",
            "meta",
            "prompts",
            "routines",
            "stretches",
            "types",
            "places",
            "dose",
            "warning_tiers",
            "check_groups",
            "calves-wall",
            "desk",
            "日本語",
        ]
    ),
    max_size=60,
).map("".join)

FIELDS = [
    "id",
    "name",
    "text",
    "en",
    "ja",
    "place",
    "posture",
    "image",
    "variants",
    "variant",
    "items",
    "hold_s",
    "reps",
    "min",
    "max",
    "tier",
    "urgency",
    "signs",
    "avoid",
    "stretches",
    "then_if_time",
    "languages",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(["calves", "calves-wall", "desk", "floor", "emergency", "both", "seated"]),
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6),
    ),
    max_leaves=20,
)
#: Well-formed YAML in roughly the content's shape, so that the checks behind the parser run.
SHAPED = st.dictionaries(
    st.sampled_from(list(loader._SECTIONS)),
    st.one_of(TREES, st.lists(st.dictionaries(st.sampled_from(FIELDS), TREES), max_size=3)),
    max_size=4,
).map(lambda tree: yaml.safe_dump(tree, allow_unicode=True))

FAST = settings(
    max_examples=200,
    deadline=1000,  # ms; a load of one file on top of the bundled ones takes a few
    suppress_health_check=[HealthCheck.too_slow],
    database=None,  # nothing written next to the sources
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("random") / "random.yaml"


def assert_only_content_errors(path: Path) -> None:
    try:
        load_content([path])
    except ContentInvalidError as exc:
        assert exc.errors and all(e.path for e in exc.errors)
        assert all(e.line >= 1 and e.message and "\n" not in e.message for e in exc.errors)


@FAST
@given(text=st.one_of(YAMLISH, SHAPED, st.text(max_size=300)))
@example(text="!!int ")  # PyYAML's int and float constructors index an empty value
@example(text="prompts: !!float\n")
def test_random_yamlish_text_raises_only_content_errors(scratch: Path, text: str) -> None:
    scratch.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_only_content_errors(scratch)


@FAST
@given(data=st.binary(max_size=600))
def test_random_bytes_raise_only_content_errors(scratch: Path, data: bytes) -> None:
    scratch.write_bytes(data)
    assert_only_content_errors(scratch)


def test_a_file_that_loads_is_still_fine_after_the_random_ones(scratch: Path) -> None:
    """The kept reads of the bundled files are not changed by what was checked on them."""
    scratch.write_text("prompts: []\n", encoding="utf-8")
    assert load_content([scratch]) == load_content()
